import { randomUUID } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { format } from 'date-fns';
import { z } from 'zod';
import { maxMerge, type AutoBackupState, type BackupRecord } from '../backup/auto-state';
import { BackupError, openBackup, writeBackup, type OpenedBackup } from '../backup/backup-file';
import { BACKUPS_DIR, IDENTITY_MARKER, isMachineEntry, listDataFiles } from '../backup/data-folder';
import type { Clock } from '../clock';
import {
  BACKUP_CONTENT_WARNING,
  backupFileName,
  backupFreshness,
  backupWarning,
  MAX_AUTO_KEEP,
  type BackupMade,
  type BackupPreview,
  type BackupSettingsView,
  type BackupStatus,
} from '../domain/backup';
import { dayKey, DEFAULT_CALENDAR, formatTanggalJam, inZone } from '../domain/calendar';
import { ROLES, type Role } from '../domain/roles';
import { ACT_FORMAT } from '../domain/workflow';
import { AppError } from '../result';
import { APP_DB_VERSION, type AppDb } from '../store/app-db';
import type { Backups } from '../store/backups';
import { CorruptFileError, readJsonFile, writeFileDurably } from '../store/durable-file';
import { SETTINGS_VERSION } from '../settings';
import { DeviceKey, publicKeyFingerprint } from '../sync/device-key';
import { SYNC_STATE_VERSION } from '../sync/sync-state';
import { TRUST_VERSION, TrustStore } from '../sync/trust-store';
import { LOCKS } from '../keyed-mutex';
import { appendAudit } from './audit';
import type { CallContext, Stores } from './context';
import { notaDinasHighWater } from './cycles';
import { isSetUp } from './setup';

/**
 * "Cadangkan semua data" and the automatic backup: the whole data folder as one .ppidbackup
 * (backup/backup-file.ts; what is in it: backup/data-folder.ts). The restore itself runs in
 * app-core.ts, which must close and reopen the stores around it; the preview, the checks and
 * the carried-over numbers are here. See docs/architecture.md, "Backup and restore".
 */

const DAY_MS = 86_400_000;

/** The data folder as a backup, read file by file (the core holds every other call back meanwhile). */
export async function makeBackup(
  root: string,
  meta: { appVersion: string; installationId: string; officeId: string | null },
  now: Date,
  opts: { compress?: boolean } = {},
): Promise<{ bytes: Uint8Array; files: number; skipped: string[] }> {
  const { files, skipped } = await listDataFiles(root);
  const contents: { path: string; bytes: Uint8Array }[] = [];
  // One at a time: thousands of scans opened at once would run out of file handles.
  for (const f of files) contents.push({ path: f.path, bytes: await fs.readFile(f.abs) });
  const bytes = await writeBackup({ appVersion: meta.appVersion, createdAt: now.toISOString(), installationId: meta.installationId, officeId: meta.officeId }, contents, opts);
  return { bytes, files: contents.length, skipped };
}

function metaOf(stores: Stores) {
  return { appVersion: stores.appVersion, installationId: stores.appDb.data.installationId, officeId: stores.settings.get()?.officeId ?? null };
}

function zoneOf(stores: Stores): string {
  return stores.settings.get()?.calendar.timeZone ?? DEFAULT_CALENDAR.timeZone;
}

// ---------- numbers that must never come round again ----------

/**
 * Takes the highest Nota Dinas number (per year) and package number this data has issued into
 * cadangan-otomatis.json, which no restore replaces. Done before every backup and restore.
 */
export async function recordFloors(stores: Stores): Promise<void> {
  const settings = stores.settings.get();
  if (!settings) return;
  const officeId = settings.officeId ?? 'kantor';
  const installationId = stores.appDb.data.installationId;
  const notaDinas = notaDinasHighWater(stores);
  const { seq, sentTo } = stores.syncState.data;
  await stores.backupState.update((d) => ({
    ...d,
    floors: {
      notaDinas: { ...d.floors.notaDinas, [officeId]: maxMerge(d.floors.notaDinas[officeId] ?? {}, notaDinas) },
      packageSeq: { ...d.floors.packageSeq, [installationId]: Math.max(d.floors.packageSeq[installationId] ?? 0, seq) },
      sentTo: { ...d.floors.sentTo, [installationId]: maxMerge(d.floors.sentTo[installationId] ?? {}, sentTo) },
    },
  }));
}

/**
 * On every open: app.json's Nota Dinas floors and sync.json's package number raised to the
 * marks kept outside the data. After a restore of older data this is what keeps a number
 * issued since the backup from being issued again; otherwise it changes nothing.
 */
export async function applyFloors(stores: Stores): Promise<{ notaDinas: Record<string, number>; packageSeq: number | null }> {
  const settings = stores.settings.get();
  const raised: { notaDinas: Record<string, number>; packageSeq: number | null } = { notaDinas: {}, packageSeq: null };
  if (!settings) return raised;
  const floors = stores.backupState.data.floors;
  const mine = floors.notaDinas[settings.officeId ?? 'kantor'] ?? {};
  await stores.locks.run(LOCKS.app, async () => {
    const counters = stores.appDb.data.counters;
    for (const [key, n] of Object.entries(mine)) {
      if ((counters[key] ?? 0) < n) {
        counters[key] = n;
        raised.notaDinas[key] = n;
      }
    }
    if (Object.keys(raised.notaDinas).length) await stores.appDb.write();
  });
  const seq = floors.packageSeq[stores.appDb.data.installationId];
  if (seq !== undefined && (await stores.syncState.raiseSeq(seq))) raised.packageSeq = seq;
  await stores.syncState.raiseSentTo(floors.sentTo[stores.appDb.data.installationId] ?? {});
  return raised;
}

// ---------- a restored laptop is a new installation ----------

/**
 * Restored data has forgotten the acts its installation made after the backup, and some of
 * them may already be on other laptops: acting again under the same installation id, its next
 * act would take a counter one of those already has, and every other laptop would refuse it as
 * a fork of one installation (domain/workflow/dag.ts). So a restore — from Pengaturan ›
 * Cadangan or on a new laptop's first run — retires the identities involved and the first open
 * afterwards gives the laptop a new installation id and a new device key, as a messenger does
 * for a restored phone. The retired identities go into its own trust.json (source `pulih`),
 * so their acts coming back in others' packages verify as its own past; other laptops see a
 * new device, trusted once by an administrator.
 *
 * What to retire travels with the restored data as `identitas-lama.json` (data-folder.ts),
 * staged and swapped in with it: the renewal happens if and only if the restore did.
 */
const previousIdentitySchema = z.object({
  installationId: z.string().min(1),
  name: z.string().min(1),
  /** Null when the backup held no readable key (then its acts cannot come back signed anyway). */
  publicKey: z.string().nullable(),
  roles: z.array(z.enum(ROLES)),
});
type PreviousIdentity = z.infer<typeof previousIdentitySchema>;

const identityMarkerSchema = z.object({
  v: z.literal(1),
  /** Installation ids this data must not act as again: an open that finds app.json holding one makes a new identity. */
  retire: z.array(z.string().min(1)),
  /** Kept in trust.json as this laptop's past (the ones with a key and a role). */
  previous: z.array(previousIdentitySchema),
  by: z.string(),
  at: z.string(),
});

const rolesOf = (users: readonly { role: Role }[], more: Iterable<Role> = []): Role[] => {
  const have = new Set<Role>([...users.map((u) => u.role), ...more]);
  return ROLES.filter((r) => have.has(r));
};

/** A device name cut to fit trust.json's 80 characters with its note. */
function withNote(name: string, note: string): string {
  const room = 80 - note.length - 1;
  return `${name.trim().slice(0, Math.max(1, room)).trim()} ${note}`;
}

/** The identity the backup's own data carries: its installation id, key, name and account roles. */
async function backupIdentity(opened: OpenedBackup): Promise<PreviousIdentity | null> {
  const app = await json(opened, 'app.json');
  const id = app?.installationId;
  if (typeof id !== 'string' || !id) return null;
  const users = Array.isArray(app!.users) ? (app!.users as { role?: unknown }[]) : [];
  const roles = rolesOf(users.filter((u): u is { role: Role } => (ROLES as readonly unknown[]).includes(u.role)));
  const pem = opened.manifest.files.some((f) => f.path === 'device-key.pem') ? Buffer.from(await opened.read('device-key.pem')).toString('utf8') : '';
  const publicKey = pem ? DeviceKey.publicKeyOfPem(pem) : null;
  const self = (await json(opened, 'trust.json'))?.self as { name?: unknown } | undefined;
  const name = typeof self?.name === 'string' && self.name.trim() ? self.name.trim() : publicKey ? `Perangkat ${publicKeyFingerprint(publicKey).slice(0, 4)}` : 'Perangkat lama';
  return { installationId: id, name, publicKey, roles };
}

/**
 * `identitas-lama.json` for a restore about to be committed: the identity the laptop has now
 * (when it is set up: its acts may be on other laptops), the earlier identities it already
 * kept (trust.json `pulih`, which the restored trust.json may lack), and the backup's own.
 */
export async function identityMarker(stores: Stores, opened: OpenedBackup, by: string, now: Date): Promise<Uint8Array> {
  const note = `(sebelum pemulihan ${dayKey(now, zoneOf(stores))})`;
  const previous: PreviousIdentity[] = [];
  const retire = new Set<string>();
  const put = (p: PreviousIdentity) => {
    retire.add(p.installationId);
    const same = previous.find((x) => x.installationId === p.installationId);
    if (same) same.roles = rolesOf([], [...same.roles, ...p.roles]);
    else if (!p.publicKey || !previous.some((x) => x.publicKey === p.publicKey)) previous.push(p);
  };
  const backupOffice = ((await json(opened, 'settings.json'))?.settings as { officeId?: unknown } | undefined)?.officeId;
  const ownOffice = stores.settings.get()?.officeId;
  // Another office's data gets nothing of this laptop's past there: that office never saw its acts.
  const sameOffice = typeof backupOffice !== 'string' || !ownOffice || backupOffice === ownOffice;
  if (isSetUp({ stores }) && sameOffice) {
    const self = stores.appDb.data.installationId;
    const acted = new Set<Role>();
    for (const c of stores.cycles.list()) for (const e of stores.cycles.events(c.id)) if (e.installationId === self) acted.add(e.actor.role);
    put({ installationId: self, name: withNote(stores.trust.selfName(), note), publicKey: stores.deviceKey.publicKey, roles: rolesOf(stores.appDb.data.users, acted) });
    for (const t of stores.trust.list()) if (t.source === 'pulih') put({ installationId: t.installationId, name: t.name, publicKey: t.publicKey, roles: t.roles });
  }
  const fromBackup = await backupIdentity(opened);
  if (fromBackup) put({ ...fromBackup, name: withNote(fromBackup.name, note) });
  // Retired even when not kept: whatever app.json the swap brings in, it must not be this laptop's id again.
  retire.add(stores.appDb.data.installationId);
  const marker = { v: 1 as const, retire: [...retire], previous, by, at: now.toISOString() };
  return Buffer.from(JSON.stringify(identityMarkerSchema.parse(marker)));
}

export interface RenewedIdentity {
  from: string;
  to: string;
  publicKey: string;
  /** Names of the earlier identities added to trust.json now. */
  kept: string[];
}

/**
 * On open, before anything reads the installation id or the key: when a restore left
 * `identitas-lama.json` and app.json holds an id it retires, a new key is written, the
 * marks of the retired ids are carried to the new one, the retired identities are trusted as
 * this laptop's past, and app.json takes the new id — in that order, so an open cut short
 * anywhere does it again (a key never used is simply replaced) — then the marker goes.
 */
export async function renewIdentity(p: {
  root: string;
  appDb: AppDb;
  keyFile: string;
  trustFile: string;
  backups: Backups;
  clock: Clock;
  backupState: AutoBackupState;
  log?: (m: string, e?: unknown) => void;
}): Promise<RenewedIdentity | null> {
  const file = path.join(p.root, IDENTITY_MARKER);
  let raw: unknown;
  try {
    raw = await readJsonFile(file);
  } catch (e) {
    if (!(e instanceof CorruptFileError)) throw e;
    raw = undefined;
  }
  if (raw === null) return null;
  const parsed = identityMarkerSchema.safeParse(raw);
  const from = p.appDb.data.installationId;
  // A marker that does not read still says a restore happened: the id is renewed, the past is not kept.
  if (!parsed.success) p.log?.(`${IDENTITY_MARKER} tidak terbaca; identitas perangkat tetap diperbarui, identitas lamanya tidak dicatat.`);
  const marker = parsed.success ? parsed.data : { retire: [from], previous: [], by: 'pemulihan', at: p.clock.now().toISOString() };
  let renewed: RenewedIdentity | null = null;
  let self = from;
  if (marker.retire.includes(from)) {
    const to = randomUUID();
    const publicKey = await DeviceKey.renew(p.keyFile);
    await p.backupState.update((d) => {
      const seq = Math.max(0, ...marker.retire.map((id) => d.floors.packageSeq[id] ?? 0));
      const sentTo = marker.retire.reduce<Record<string, number>>((m, id) => maxMerge(m, d.floors.sentTo[id] ?? {}), {});
      return { ...d, floors: { ...d.floors, packageSeq: { ...d.floors.packageSeq, [to]: seq }, sentTo: { ...d.floors.sentTo, [to]: sentTo } } };
    });
    renewed = { from, to, publicKey, kept: [] };
    self = to;
  }
  const trust = await TrustStore.open(p.trustFile, { backups: p.backups, clock: p.clock, selfInstallationId: self, defaultSelfName: () => '' });
  for (const prev of marker.previous) {
    if (!prev.publicKey || !prev.roles.length || prev.installationId === self) continue;
    try {
      const added = await trust.addPrevious(
        { installationId: prev.installationId, name: prev.name, publicKey: prev.publicKey, roles: prev.roles },
        { username: marker.by, at: new Date(marker.at) },
      );
      if (added) renewed?.kept.push(added.name);
    } catch (e) {
      // One odd entry (a key trusted here under another id) must not keep the app from opening.
      p.log?.(`Identitas lama ${prev.name} tidak dapat dicatat sebagai perangkat tepercaya`, e);
    }
  }
  if (renewed) {
    p.appDb.data.installationId = renewed.to;
    await p.appDb.write();
  }
  await fs.rm(file, { force: true });
  return renewed;
}

// ---------- making ----------

/** "Cadangkan semua data": a download in the browser, the save dialog in the desktop app. */
export async function createBackup(ctx: CallContext, input: { save: boolean }): Promise<BackupMade> {
  const { stores, now } = ctx;
  const settings = stores.settings.get()!;
  await recordFloors(stores);
  const made = await makeBackup(stores.paths.root, metaOf(stores), now);
  const tz = settings.calendar.timeZone;
  const fileName = backupFileName(settings.office.unitCode, dayKey(now, tz), format(inZone(now, tz), 'HHmm'));
  let savedTo: string | null = null;
  if (input.save) {
    if (!stores.platform.saveFile) throw new AppError('CONFLICT', 'Penyimpanan lewat dialog hanya tersedia di aplikasi desktop.');
    savedTo = await stores.platform.saveFile({
      suggestedName: fileName,
      bytes: Buffer.from(made.bytes),
      filter: { name: 'Cadangan PPID Desk', extensions: ['ppidbackup'] },
    });
    if (!savedTo) return { fileName, base64: null, savedTo: null, bytes: made.bytes.length, files: made.files, createdAt: now.toISOString() };
  }
  const record: BackupRecord = { at: now.toISOString(), kind: 'manual', fileName, savedTo, bytes: made.bytes.length };
  await stores.backupState.update((d) => ({ ...d, last: record }));
  await appendAudit(
    stores,
    ctx.actor,
    now,
    'cadangan.buat',
    `Cadangan seluruh data dibuat: ${fileName} (${made.files} berkas)${savedTo ? `, disimpan di ${savedTo}` : ', diunduh lewat peramban'}.` +
      (made.skipped.length ? ` Tidak ikut dicadangkan: ${made.skipped.slice(0, 5).join(', ')}.` : ''),
  );
  return { fileName, base64: input.save ? null : Buffer.from(made.bytes).toString('base64'), savedTo, bytes: made.bytes.length, files: made.files, createdAt: now.toISOString() };
}

// ---------- automatic ----------

export type AutoReason = 'mulai' | 'tutup';
export type AutoResult = { made: true; file: string } | { made: false; why: 'tidak-diatur' | 'belum-waktunya' | 'belum-disiapkan' | 'gagal'; message?: string };

/**
 * The automatic backup into the folder the administrator chose, keeping the last N this laptop
 * wrote there. On close (Electron's main), at most once per office day; on start (both hosts:
 * a browser tab has no close the host could hear, and a laptop switched off at the wall never
 * closes the app), when the last one is more than a day old. A failure (flash drive not
 * plugged in) is kept for Pengaturan › Cadangan and never stops the app.
 */
export async function autoBackup(stores: Stores, now: Date, reason: AutoReason, log?: (m: string, e?: unknown) => void): Promise<AutoResult> {
  const st = stores.backupState;
  const folder = st.data.folder;
  if (!folder) return { made: false, why: 'tidak-diatur' };
  const settings = stores.settings.get();
  if (!settings || !isSetUp({ stores })) return { made: false, why: 'belum-disiapkan' };
  const tz = settings.calendar.timeZone;
  const last = st.data.lastAuto?.at ?? null;
  if (last) {
    if (reason === 'tutup' && dayKey(last, tz) === dayKey(now, tz)) return { made: false, why: 'belum-waktunya' };
    if (reason === 'mulai' && now.getTime() - Date.parse(last) < DAY_MS) return { made: false, why: 'belum-waktunya' };
  }
  try {
    const stat = await fs.stat(folder).catch(() => null);
    if (!stat?.isDirectory()) throw new AppError('NOT_FOUND', `Folder cadangan otomatis tidak ditemukan: ${folder}. Pasang flashdisk-nya, atau pilih folder lain di Pengaturan › Cadangan.`);
    await recordFloors(stores);
    const made = await makeBackup(stores.paths.root, metaOf(stores), now);
    const base = backupFileName(settings.office.unitCode, dayKey(now, tz));
    const ours = new Set(st.data.autoFiles.map((f) => f.file));
    // A file of that name this laptop did not write (another laptop of the office, same drive) is left alone.
    const name = ours.has(path.join(folder, base)) ? base : await freeFileName(folder, base);
    const target = path.join(folder, name);
    await writeFileDurably(target, made.bytes);
    const inFolder = [...st.data.autoFiles.filter((f) => path.dirname(f.file) === folder && f.file !== target), { file: target, at: now.toISOString() }];
    const keep = st.data.keep;
    const pruned = inFolder.slice(0, Math.max(0, inFolder.length - keep));
    for (const f of pruned) await fs.rm(f.file, { force: true });
    const record: BackupRecord = { at: now.toISOString(), kind: 'otomatis', fileName: name, savedTo: target, bytes: made.bytes.length };
    await st.update((d) => ({ ...d, last: record, lastAuto: record, autoFiles: inFolder.slice(pruned.length), lastError: null }));
    await appendAudit(stores, null, now, 'cadangan.otomatis', `Cadangan otomatis dibuat: ${target} (${made.files} berkas)${pruned.length ? `; ${pruned.length} cadangan lama dihapus` : ''}.`);
    return { made: true, file: target };
  } catch (e) {
    const message = e instanceof AppError || e instanceof BackupError ? e.message : `Cadangan otomatis gagal dibuat: ${(e as Error).message ?? String(e)}`;
    log?.(`Cadangan otomatis gagal`, e);
    await st.update((d) => ({ ...d, lastError: { at: now.toISOString(), message } })).catch(() => undefined);
    return { made: false, why: 'gagal', message };
  }
}

/** `name`, else `stem-2.ext`, `stem-3.ext`…: a file someone else wrote is never overwritten. */
async function freeFileName(folder: string, name: string): Promise<string> {
  const dot = name.lastIndexOf('.');
  const [stem, ext] = [name.slice(0, dot), name.slice(dot)];
  let candidate = name;
  for (let n = 2; await fs.access(path.join(folder, candidate)).then(() => true, () => false); n++) candidate = `${stem}-${n}${ext}`;
  return candidate;
}

// ---------- status and settings ----------

export function backupStatus(ctx: CallContext): BackupStatus {
  const { stores, now } = ctx;
  const d = stores.backupState.data;
  const lastAt = d.last?.at ?? null;
  return {
    last: d.last,
    lastAuto: d.lastAuto,
    freshness: backupFreshness(lastAt, now),
    warn: backupWarning(lastAt, stores.appDb.data.createdAt, now),
    auto: { folder: d.folder, keep: d.keep, lastError: d.lastError },
    lastRestore: d.lastRestore,
    dataDir: stores.paths.root,
  };
}

export function backupSettings(ctx: CallContext): BackupSettingsView {
  const d = ctx.stores.backupState.data;
  return { folder: d.folder, keep: d.keep };
}

export async function setBackupSettings(ctx: CallContext, input: { folder: string | null; keep: number }): Promise<BackupSettingsView> {
  const { stores } = ctx;
  let folder: string | null = null;
  if (input.folder !== null) {
    const issue = (message: string) => new AppError('INVALID_INPUT', message, [{ path: 'folder', message }]);
    if (!path.isAbsolute(input.folder)) throw issue('Tulis alamat folder lengkap, misalnya E:\\Cadangan PPID atau /media/flashdisk/cadangan.');
    folder = path.resolve(input.folder);
    const stat = await fs.stat(folder).catch(() => null);
    if (!stat?.isDirectory()) throw issue(`Folder ${folder} tidak ditemukan. Pasang flashdisk-nya atau buat foldernya dulu.`);
    const rel = path.relative(stores.paths.root, folder);
    if (rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel))) {
      throw issue('Folder cadangan tidak boleh berada di dalam folder data: cadangan harus selamat bila folder data atau laptop rusak. Pilih flashdisk atau folder lain.');
    }
    const probe = path.join(folder, `.ppid-desk-uji-${process.pid}.tmp`);
    try {
      await fs.writeFile(probe, 'uji');
      await fs.rm(probe, { force: true });
    } catch {
      throw issue(`Folder ${folder} tidak dapat ditulisi. Periksa izin folder, atau flashdisk yang terkunci.`);
    }
  }
  const keep = Math.min(MAX_AUTO_KEEP, Math.max(1, input.keep));
  const before = stores.backupState.data;
  await stores.backupState.update((d) => ({ ...d, folder, keep }));
  await appendAudit(
    stores,
    ctx.actor,
    ctx.now,
    'cadangan.pengaturan',
    folder ? `Cadangan otomatis ke ${folder}, ${keep} cadangan terakhir disimpan.` : 'Cadangan otomatis dimatikan.',
    [
      { field: 'cadangan.folder', from: before.folder, to: folder },
      { field: 'cadangan.jumlah', from: before.keep, to: keep },
    ],
  );
  return { folder, keep };
}

// ---------- preview ----------

interface Staged {
  /** Checked whole at the preview; kept so the restore does not read it all again. */
  opened: OpenedBackup;
  fileName: string;
  at: number;
}
/** Backups previewed and awaiting "Pulihkan": kept in memory for an hour, at most two (they can be large). */
const staged = new WeakMap<AutoBackupState, Map<string, Staged>>();
const STAGED_FOR_MS = 60 * 60 * 1000;
const STAGED_MAX = 2;

function stagedOf(state: AutoBackupState): Map<string, Staged> {
  let m = staged.get(state);
  if (!m) staged.set(state, (m = new Map()));
  return m;
}

export function takeStaged(state: AutoBackupState, previewId: string): Staged {
  const st = stagedOf(state).get(previewId);
  if (!st || Date.now() - st.at > STAGED_FOR_MS) throw new AppError('NOT_FOUND', 'Pratinjau cadangan sudah tidak berlaku. Pilih berkas cadangannya lagi.');
  return st;
}

export function dropStaged(state: AutoBackupState, previewId: string): void {
  stagedOf(state).delete(previewId);
}

/** The backup checked whole and described, with a refusal in the administrator's words. */
export async function openChecked(bytes: Uint8Array): Promise<{ opened: OpenedBackup; content: Content }> {
  let opened: OpenedBackup;
  try {
    // The data files stay in memory once checked (the preview reads them, the restore writes them); scans are inflated again.
    opened = await openBackup(bytes, {}, (p) => p.endsWith('.json') || CYCLE_LOG.test(p));
  } catch (e) {
    if (e instanceof BackupError) throw new AppError('INVALID_INPUT', e.message);
    throw e;
  }
  return { opened, content: await describeContent(opened) };
}

interface Content {
  office: BackupPreview['office'];
  officeId: string | null;
  accounts: number;
  cycles: { count: number; titles: string[] };
  latestAct: { at: string; cycleTitle: string } | null;
}

const VERSIONS: [string, number][] = [
  ['app.json', APP_DB_VERSION],
  ['settings.json', SETTINGS_VERSION],
  ['trust.json', TRUST_VERSION],
  ['sync.json', SYNC_STATE_VERSION],
];
const CYCLE_LOG = /^cycles\/([A-Za-z0-9-]{8,64})\/events\.jsonl$/;

async function json(opened: OpenedBackup, file: string): Promise<Record<string, unknown> | null> {
  if (!opened.manifest.files.some((f) => f.path === file)) return null;
  try {
    const v = JSON.parse(Buffer.from(await opened.read(file)).toString('utf8')) as unknown;
    return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

const newer = (what: string) =>
  new AppError('CONFLICT', `Cadangan ini memuat ${what} dari versi PPID Desk yang lebih baru. Perbarui aplikasi, lalu pulihkan lagi. Data di laptop ini tidak diubah.`);

/**
 * What the backup holds, read from its files (not from its manifest's say-so), and whether this
 * version can open it: a restore must never put in place data that then opens in recovery mode.
 */
async function describeContent(opened: OpenedBackup): Promise<Content> {
  // Never written by this app: restored, they would overwrite the lock, the restore's own journal or this laptop's records.
  const foreign = opened.manifest.files.find((f) => {
    const top = f.path.split('/')[0]!;
    return isMachineEntry(top) || top === BACKUPS_DIR;
  });
  if (foreign) {
    throw new AppError('INVALID_INPUT', `Cadangan ini memuat berkas yang tidak pernah dicadangkan PPID Desk (${foreign.path.slice(0, 80)}), jadi bukan cadangan yang utuh. Data di laptop ini tidak diubah.`);
  }
  const app = await json(opened, 'app.json');
  const settingsFile = await json(opened, 'settings.json');
  if (!app || !settingsFile) {
    throw new AppError('INVALID_INPUT', 'Cadangan ini tidak memuat data aplikasi yang dapat dibaca (app.json dan settings.json). Pakai berkas cadangan lain. Data di laptop ini tidak diubah.');
  }
  for (const [file, version] of VERSIONS) {
    const v = (await json(opened, file))?.schemaVersion;
    if (typeof v === 'number' && v > version) throw newer(file);
  }
  const s = (settingsFile.settings ?? null) as { office?: { pemda?: string; opdName?: string; unitCode?: string }; officeId?: string } | null;
  const office = s?.office && typeof s.office.opdName === 'string' ? { pemda: String(s.office.pemda ?? ''), opdName: s.office.opdName, unitCode: String(s.office.unitCode ?? '') } : null;
  const titles: string[] = [];
  let latestAct: Content['latestAct'] = null;
  let count = 0;
  for (const f of opened.manifest.files) {
    const m = CYCLE_LOG.exec(f.path);
    if (!m) continue;
    count += 1;
    // Scanned, not parsed: five years are 20,000 lines. An act's keys come in a fixed order
    // (v, id, …, at, actor, body), so its own version and time are the first of the line.
    const text = Buffer.from(await opened.read(f.path)).toString('utf8');
    for (const v of text.matchAll(/^\{"v":(\d+)/gm)) if (Number(v[1]) > ACT_FORMAT) throw newer(`siklus dengan format tindakan ${v[1]}`);
    let title: string | null = null;
    try {
      const first = JSON.parse(text.slice(0, text.indexOf('\n'))) as { body?: { type?: string; title?: unknown } };
      if (first.body?.type === 'cycle.created' && typeof first.body.title === 'string') title = first.body.title;
    } catch {
      // a log whose first line does not read: the open reports the cycle as damaged
    }
    let latest: string | null = null;
    for (const at of text.matchAll(/^[^\n]*?,"at":"([^"\n]{10,40})"/gm)) if (!latest || at[1]! > latest) latest = at[1]!;
    if (latest && (!latestAct || latest > latestAct.at)) latestAct = { at: latest, cycleTitle: title ?? m[1]! };
    titles.push(title ?? m[1]!);
  }
  return {
    office,
    officeId: typeof s?.officeId === 'string' ? s.officeId : null,
    accounts: Array.isArray(app.users) ? app.users.length : 0,
    cycles: { count, titles: titles.sort((a, b) => a.localeCompare(b, 'id')) },
    latestAct,
  };
}

function currentContent(stores: Stores): BackupPreview['current'] {
  let latestAct: BackupPreview['current']['latestAct'] = null;
  const cycles = stores.cycles.list();
  for (const c of cycles) {
    for (const e of stores.cycles.events(c.id)) if (!latestAct || e.at > latestAct.at) latestAct = { at: e.at, cycleTitle: c.title };
  }
  return { cycles: cycles.length, latestAct };
}

/**
 * "Pulihkan dari cadangan", first step: the backup checked whole and described, with what
 * restoring it would mean for the data now here. Nothing is written.
 */
export async function previewBackup(stores: Stores, input: { base64: string; fileName: string }): Promise<BackupPreview> {
  const bytes = Buffer.from(input.base64, 'base64');
  const { opened, content } = await openChecked(bytes);
  const m = opened.manifest;
  const tz = zoneOf(stores);
  const ready = isSetUp({ stores });
  const current = ready ? currentContent(stores) : { cycles: 0, latestAct: null };
  const sameInstallation = m.installationId === stores.appDb.data.installationId;
  const ownOfficeId = stores.settings.get()?.officeId ?? null;
  const sameOffice = !ready || !ownOfficeId || !m.officeId || m.officeId === ownOfficeId;
  const warnings: string[] = [];
  if (ready && !sameOffice) {
    warnings.push(`Cadangan ini milik kantor lain (${content.office?.opdName ?? 'tidak diketahui'}). Seluruh data kantor di laptop ini akan diganti dengan data kantor itu.`);
  }
  // Whoever made the backup, the restored laptop is a new installation (renewIdentity): said plainly, since other laptops will ask.
  warnings.push(
    'Sesudah pemulihan, laptop ini mendapat kunci perangkat baru. Laptop lain akan mengenalinya sebagai perangkat baru: ' +
      'administrator di setiap laptop lain perlu mempercayainya sekali lagi saat menerima paket pertama darinya (cocokkan kode kuncinya lewat telepon). ' +
      'Pekerjaan yang sudah dicatat dengan kunci lama tetap sah dan tetap dikenali sebagai pekerjaan laptop ini.',
  );
  if (ready && current.latestAct && (!content.latestAct || current.latestAct.at > content.latestAct.at)) {
    warnings.push(
      `Data di laptop ini lebih baru daripada cadangan: pekerjaan sesudah ${content.latestAct ? formatTanggalJam(content.latestAct.at, tz) : 'cadangan dibuat'} tidak ada di cadangan ini dan tidak akan tampil lagi (tetap tersimpan di folder pengaman). ` +
        'Pekerjaan itu yang sudah dikirim ke laptop lain kembali ke laptop ini saat paket dari laptop itu diterima.',
    );
  }
  if (ready) warnings.push('Nomor Nota Dinas dan nomor paket yang sudah terpakai di laptop ini tetap tidak akan dipakai lagi.');
  warnings.push('Sesudah pemulihan semua pengguna harus masuk lagi, dengan akun dan kata sandi yang ada di cadangan.');

  const previewId = opened.sha256;
  const stage = stagedOf(stores.backupState);
  const at = Date.now();
  for (const [k, v] of stage) if (at - v.at > STAGED_FOR_MS) stage.delete(k);
  while (stage.size >= STAGED_MAX) stage.delete(stage.keys().next().value!);
  stage.set(previewId, { opened, fileName: input.fileName, at });
  return {
    previewId,
    fileName: input.fileName,
    createdAt: m.createdAt,
    appVersion: m.appVersion,
    office: content.office,
    files: m.files.length,
    bytes: m.files.reduce((n, f) => n + f.bytes, 0),
    cycles: content.cycles,
    latestAct: content.latestAct,
    accounts: content.accounts,
    sameInstallation,
    sameOffice,
    current,
    warnings,
  };
}

export { BACKUP_CONTENT_WARNING };
