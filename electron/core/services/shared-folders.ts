import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { dayKey } from '../domain/calendar';
import {
  WAIT_REASON_LABELS,
  type InboxEventView,
  type InboxResult,
  type InboxWaitingView,
  type SharedFoldersSettingsView,
  type SharedFoldersStatus,
  type WaitReason,
} from '../domain/sync/shared-folders';
import type { PackagePreview } from '../domain/sync/preview';
import { AppError } from '../result';
import { listInbox, type InboxEntry, type StabilityTracker } from '../sync/inbox-watcher';
import { PACKAGE_LIMITS, PackageError, readPackage, type PackageErrorCode, type ReadPackage } from '../sync/package-file';
import { refuse } from '../sync/package-error';
import type { InboxFileRecord, SharedFoldersState } from '../sync/shared-folders-state';
import { appendAudit } from './audit';
import type { CallContext, Stores } from './context';
import { applyPackage, previewPackageBytes } from './sync';

/**
 * Shared folders carry packages with no clicks (docs/architecture.md, "Shared folders"):
 * every package this laptop sends is also put in the outbox (sync/outbox.ts), and the inbox is
 * watched (sync/inbox-watcher.ts). A complete package found there goes through the same
 * preview and apply as "Terima paket": from laptops already trusted, with nothing to decide,
 * it is applied on arrival (as the system, under the sync lock, between calls); otherwise it
 * waits on Beranda for a person. Each file is handled once (folder-bersama.json remembers it
 * by name, size, mtime and SHA-256; sync.json by package id), and the app never deletes,
 * moves or renames a file of the inbox.
 */

/** Zip errors a file still being written gives: left for later, never refused for them. */
const MAYBE_INCOMPLETE = new Set<PackageErrorCode>(['not-a-package', 'truncated', 'damaged']);
/** Files named on the status, newest first. */
const RECENT_SHOWN = 20;
/** Results that need no word on the screens. */
const QUIET = new Set<InboxResult>(['sudah-diterima', 'milik-sendiri']);

export interface FolderAccess {
  state: SharedFoldersState;
  tracker: StabilityTracker;
  /** For "unchanged for some seconds": a clock that only goes forward, not the office's. */
  monotonic: () => number;
  now: () => Date;
  /** Runs `f` on the open stores beside calls (never during a backup or a restore); null while the app is not ready. */
  withStores<T>(f: (stores: Stores) => Promise<T>): Promise<T | null>;
  log?: (m: string, e?: unknown) => void;
}

export interface PollReport {
  /** Files handled by this poll, and what became of them. */
  handled: { name: string; result: InboxResult; message: string }[];
}

interface Known {
  received: Set<string>;
  self: string;
  situation: string;
}

/**
 * What one poll decided, written to folder-bersama.json together (every so many files, and at
 * the end) rather than file by file: an inbox of a year's packages, seen for the first time, is
 * one write, not hundreds. Losing a batch to a crash is harmless — applying is recorded in
 * sync.json at once, so those files are only recognised again as received.
 */
interface Batch {
  report: PollReport;
  known: Known;
  pending: Map<string, InboxFileRecord>;
}
const BATCH_WRITE = 25;

/** One look at the inbox: new complete files are received; what is still being copied is left. */
export async function pollInbox(a: FolderAccess): Promise<PollReport> {
  const report: PollReport = { handled: [] };
  const { state, tracker } = a;
  const inbox = state.data.inbox;
  if (!inbox) {
    tracker.clear();
    Object.assign(state.live, { copying: 0, inboxError: null });
    return report;
  }
  if (state.data.filesOf !== inbox) {
    tracker.clear();
    await state.update((d) => ({ ...d, filesOf: inbox, files: [] }));
  }
  const known = await a.withStores(async (stores): Promise<Known | null> => {
    // A PPID Utama receives OPD packages through its own intake (issue 13), not this one.
    if ((stores.settings.get()?.officeKind ?? 'opd') !== 'opd' || !stores.settings.get()?.officeId) return null;
    return {
      received: receivedIds(stores),
      self: stores.appDb.data.installationId,
      situation: situationOf(stores, state.data.autoApply),
    };
  });
  if (!known) return report;
  let entries: InboxEntry[];
  try {
    entries = await listInbox(inbox);
  } catch (e) {
    Object.assign(state.live, { inboxError: inboxFailure(inbox, e), lastPollAt: a.now().toISOString() });
    return report;
  }
  state.live.inboxError = null;
  const names = new Set(entries.map((e) => e.name));
  tracker.retain(names);
  const records = new Map(state.data.files.map((r) => [r.name, r]));
  const batch: Batch = { report, known, pending: new Map() };
  let copying = 0;
  for (const e of entries) {
    const rec = records.get(e.name);
    if (rec && rec.size === e.size && rec.mtimeMs === e.mtimeMs) {
      if (rec.result === 'menunggu' && rec.packageId && known.received.has(rec.packageId)) {
        // A person applied it (Beranda, or the same package by another way): no need to read it again.
        await record(a, batch, { ...rec, result: 'diterima', message: `Paket ${rec.seq} dari ${rec.sender?.name ?? '—'} sudah diterapkan.`, at: a.now().toISOString() });
        continue;
      }
      if (settled(rec, known)) {
        tracker.forget(e.name);
        continue;
      }
    }
    const seen = tracker.observe(e, a.monotonic());
    if (seen !== 'stable') {
      copying += 1;
      continue;
    }
    try {
      if ((await receiveFile(a, inbox, e, batch)) === 'wait') copying += 1;
    } catch (err) {
      // One file's failure (a disk error while applying) must not stop the others; it is tried again later.
      tracker.unreadable(e.name, a.monotonic());
      a.log?.(`Paket ${e.name} di folder masuk belum dapat diterima`, err);
    }
  }
  await flush(a, batch);
  if (state.data.files.some((r) => !names.has(r.name))) {
    // Files taken out of the inbox (by a person, or the sync tool) are forgotten; should one come back, sync.json still knows its package.
    await state.update((d) => ({ ...d, files: d.files.filter((r) => names.has(r.name)) }));
  }
  Object.assign(state.live, { copying, lastPollAt: a.now().toISOString() });
  return report;
}

function receivedIds(stores: Stores): Set<string> {
  return new Set(stores.syncState.data.packages.filter((p) => p.direction === 'terima').map((p) => p.packageId));
}

/**
 * What a wait or a refusal was decided on: the laptops trusted here (and with which roles), the
 * app's version, and "terapkan otomatis". When any of them changes, waiting and refused files
 * are looked at again.
 */
function situationOf(stores: Stores, autoApply: boolean): string {
  const trust = stores.trust.list().map((t) => [t.installationId, t.publicKey, [...t.roles].sort(), t.revokedAt ?? null]);
  return createHash('sha256').update(JSON.stringify({ trust, app: stores.appVersion, autoApply })).digest('hex').slice(0, 32);
}

/** Whether a file handled before, unchanged since, needs nothing more. */
function settled(rec: InboxFileRecord, known: Known): boolean {
  switch (rec.result) {
    case 'diterapkan':
    case 'diterima':
    case 'sudah-diterima':
      // Not in sync.json any more: the data was restored from an older backup; received again.
      return rec.packageId !== null && known.received.has(rec.packageId);
    case 'menunggu':
    case 'ditolak':
      return rec.situation === known.situation;
    default:
      return true;
  }
}

async function record(a: FolderAccess, batch: Batch, rec: InboxFileRecord): Promise<void> {
  batch.pending.set(rec.name, rec);
  batch.report.handled.push({ name: rec.name, result: rec.result, message: rec.message });
  // Another copy of the same package later in this poll is then recognised as received.
  if (rec.packageId && (rec.result === 'diterapkan' || rec.result === 'diterima' || rec.result === 'sudah-diterima')) batch.known.received.add(rec.packageId);
  // What a person sees on the top bar or Beranda is written at once; the rest gathers.
  if (batch.pending.size >= BATCH_WRITE || rec.result === 'diterapkan' || rec.result === 'menunggu') await flush(a, batch);
}

async function flush(a: FolderAccess, batch: Batch): Promise<void> {
  if (!batch.pending.size) return;
  const pending = new Map(batch.pending);
  batch.pending.clear();
  await a.state.update((d) => ({ ...d, files: [...d.files.filter((r) => !pending.has(r.name)), ...pending.values()] }));
}

type Outcome =
  | { kind: 'already' }
  | { kind: 'wait'; reason: WaitReason; cycles: string[] }
  | { kind: 'applied'; cycles: string[]; conflicts: number; newActs: number; files: number }
  | { kind: 'refused'; message: string }
  | { kind: 'later' };

/** A file that has stopped changing: read, checked, and received, kept waiting or refused. */
async function receiveFile(a: FolderAccess, inbox: string, e: InboxEntry, batch: Batch): Promise<'done' | 'wait'> {
  const { state, tracker } = a;
  const { known } = batch;
  if (e.size > PACKAGE_LIMITS.maxPackageBytes) {
    // Not read into memory at all: no package is this big.
    const message = `Berkas ${e.name} ditolak: ${refuse.packageTooLarge(e.size, PACKAGE_LIMITS.maxPackageBytes).message}`;
    await record(a, batch, { name: e.name, size: e.size, mtimeMs: e.mtimeMs, sha256: '', at: a.now().toISOString(), situation: known.situation, reason: null, cycles: [], packageId: null, seq: null, sender: null, createdAt: null, result: 'ditolak', message });
    return 'done';
  }
  const bytes = await fs.readFile(path.join(inbox, e.name)).catch(() => null);
  if (!bytes || bytes.length !== e.size) {
    // Gone, locked by the sync tool, or grown while being read: looked at again.
    tracker.forget(e.name);
    return 'wait';
  }
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const at = a.now().toISOString();
  const base = { name: e.name, size: e.size, mtimeMs: e.mtimeMs, sha256, at, situation: known.situation, reason: null, cycles: [] as string[] };

  // The same bytes under another name (a copy, a sync tool's conflict copy): what became of them stands.
  const twin = [...batch.pending.values(), ...state.data.files].find((r) => r.sha256 === sha256 && r.name !== e.name && settled(r, known));
  if (twin) {
    const copy = twin.result === 'diterapkan' || twin.result === 'diterima';
    await record(a, batch, {
      ...twin,
      ...base,
      result: copy ? 'sudah-diterima' : twin.result,
      message: copy ? `Salinan paket ${twin.seq} dari ${twin.sender?.name ?? '—'}, yang sudah diterima.` : twin.message,
      reason: twin.reason,
      cycles: twin.cycles,
      at: copy ? at : twin.at,
    });
    return 'done';
  }

  let pkg: ReadPackage;
  try {
    pkg = await readPackage(bytes);
  } catch (err) {
    if (!(err instanceof PackageError)) throw err;
    if (MAYBE_INCOMPLETE.has(err.code)) {
      // Perhaps still being copied (a tool that writes in place, or fills a file it sized first).
      if (!tracker.unreadable(e.name, a.monotonic())) return 'wait';
      const message = `Berkas ${e.name} di folder masuk tidak utuh dan tidak berubah lagi: ${err.message}`;
      await record(a, batch, { ...base, packageId: null, seq: null, sender: null, createdAt: null, result: 'rusak', message });
      return 'done';
    }
    await record(a, batch, { ...base, packageId: null, seq: null, sender: null, createdAt: null, result: 'ditolak', message: `Berkas ${e.name} ditolak: ${err.message}` });
    return 'done';
  }

  const m = pkg.manifest;
  const about = { packageId: m.packageId, seq: m.seq, sender: { installationId: m.sender.installationId, name: m.sender.name }, createdAt: m.createdAt };
  if (m.sender.installationId === known.self) {
    await record(a, batch, { ...base, ...about, result: 'milik-sendiri', message: `Paket ${m.seq} kiriman laptop ini.` });
    return 'done';
  }
  if (m.kind !== 'siklus') {
    await record(a, batch, { ...base, ...about, result: 'diabaikan', message: `${e.name} adalah paket kantor (untuk memasang laptop baru): tidak diterapkan di sini.` });
    return 'done';
  }
  if (known.received.has(m.packageId)) {
    await record(a, batch, { ...base, ...about, result: 'sudah-diterima', message: `Paket ${m.seq} dari ${m.sender.name} sudah diterima sebelumnya.` });
    return 'done';
  }

  const outcome = await a.withStores(async (stores): Promise<Outcome> => {
    const ctx: CallContext = { stores, actor: null, session: undefined, now: a.now() };
    let preview: PackagePreview;
    try {
      preview = await previewPackageBytes(ctx, bytes, e.name);
    } catch (err) {
      // A cycle damaged on this laptop: the package may be fine; tried again once it is restored.
      if (err instanceof AppError && err.code === 'STORAGE') return { kind: 'later' };
      if (err instanceof AppError) return { kind: 'refused', message: err.message };
      throw err;
    }
    const cycles = preview.cycles.map((c) => c.movement ?? c.title);
    if (preview.alreadyReceived && preview.nothingNew) return { kind: 'already' };
    if (preview.signers.some((s) => s.trust === 'baru')) return { kind: 'wait', reason: 'perangkat-baru', cycles };
    if (!state.data.autoApply) return { kind: 'wait', reason: 'otomatis-mati', cycles };
    try {
      const applied = await applyPackage(ctx, { previewId: preview.previewId, trust: [] });
      await appendAudit(stores, null, ctx.now, 'paket.otomatis', `Paket ${m.seq} dari "${m.sender.name}" diterapkan otomatis dari folder masuk (${e.name}).`);
      return {
        kind: 'applied',
        cycles,
        conflicts: applied.cycles.reduce((n, c) => n + c.conflicts, 0),
        newActs: applied.cycles.reduce((n, c) => n + c.newActs, 0),
        files: applied.attachmentsStored,
      };
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      // Trust changed between the preview and the apply: a person decides.
      if (err.code === 'FORBIDDEN' && /Percayai dulu/.test(err.message)) return { kind: 'wait', reason: 'perangkat-baru', cycles };
      // The preview was pushed out by people previewing other packages meanwhile, or a cycle went bad: next time.
      if (err.code === 'NOT_FOUND' || err.code === 'STORAGE') return { kind: 'later' };
      return { kind: 'refused', message: err.message };
    }
  });
  if (outcome === null || outcome.kind === 'later') {
    tracker.unreadable(e.name, a.monotonic());
    return 'wait';
  }
  const from = `Paket ${m.seq} dari ${m.sender.name}`;
  switch (outcome.kind) {
    case 'already':
      await record(a, batch, { ...base, ...about, result: 'sudah-diterima', message: `${from} sudah diterima sebelumnya.` });
      break;
    case 'wait':
      await record(a, batch, { ...base, ...about, result: 'menunggu', reason: outcome.reason, cycles: outcome.cycles, message: `${from} menunggu keputusan. ${WAIT_REASON_LABELS[outcome.reason]}` });
      break;
    case 'applied': {
      if (!outcome.newActs && !outcome.files) {
        // Received (its sender learns so from this laptop's next package), but nothing to tell anyone.
        await record(a, batch, { ...base, ...about, result: 'sudah-diterima', message: `${from} diterima; tidak ada yang baru.` });
        break;
      }
      const what = outcome.cycles.length ? `: ${outcome.cycles.join('; ')}` : '';
      const conflicts = outcome.conflicts ? ` ${outcome.conflicts} konflik menunggu keputusan pada siklusnya.` : '';
      await record(a, batch, { ...base, ...about, result: 'diterapkan', cycles: outcome.cycles, message: `${from} diterapkan otomatis${what} (${outcome.newActs} tindakan baru).${conflicts}` });
      break;
    }
    case 'refused':
      await record(a, batch, { ...base, ...about, result: 'ditolak', message: `${from} ditolak: ${outcome.message}` });
      break;
  }
  return 'done';
}

function inboxFailure(folder: string, e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return `Folder masuk tidak ditemukan: ${folder}. Periksa drive jaringan atau folder bersamanya.`;
  if (code === 'EACCES' || code === 'EPERM') return `Folder masuk ${folder} tidak dapat dibaca (izin ditolak).`;
  return `Folder masuk ${folder} tidak dapat dibaca (${(e as Error).message}).`;
}

// ---------- calls ----------

export function sharedFoldersSettings(ctx: CallContext): SharedFoldersSettingsView {
  const d = ctx.stores.sharedFolders.data;
  return { outbox: d.outbox, inbox: d.inbox, autoApply: d.autoApply };
}

export async function setSharedFolders(ctx: CallContext, input: SharedFoldersSettingsView): Promise<SharedFoldersSettingsView> {
  const { stores } = ctx;
  const outbox = input.outbox === null ? null : await checkFolder(stores, 'outbox', input.outbox);
  const inbox = input.inbox === null ? null : await checkFolder(stores, 'inbox', input.inbox);
  const before = stores.sharedFolders.data;
  await stores.sharedFolders.update((d) => ({ ...d, outbox, inbox, autoApply: input.autoApply, outboxError: outbox === d.outbox ? d.outboxError : null }));
  const said = [
    outbox ? `folder keluar ${outbox}` : 'tanpa folder keluar',
    inbox ? `folder masuk ${inbox}${input.autoApply ? ' (diterapkan otomatis)' : ' (menunggu keputusan)'}` : 'tanpa folder masuk',
  ];
  await appendAudit(stores, ctx.actor, ctx.now, 'folder-bersama.pengaturan', `Folder bersama: ${said.join(', ')}.`, [
    { field: 'folderBersama.keluar', from: before.outbox, to: outbox },
    { field: 'folderBersama.masuk', from: before.inbox, to: inbox },
    { field: 'folderBersama.otomatis', from: before.autoApply, to: input.autoApply },
  ]);
  return { outbox, inbox, autoApply: input.autoApply };
}

async function checkFolder(stores: Stores, field: 'outbox' | 'inbox', raw: string): Promise<string> {
  const issue = (message: string) => new AppError('INVALID_INPUT', message, [{ path: field, message }]);
  const label = field === 'outbox' ? 'Folder keluar' : 'Folder masuk';
  if (!path.isAbsolute(raw)) throw issue(`${label}: tulis alamat folder lengkap, misalnya Z:\\PPID\\Paket atau /home/ppid/Sync/paket.`);
  const folder = path.resolve(raw);
  const stat = await fs.stat(folder).catch(() => null);
  if (!stat?.isDirectory()) throw issue(`${label} ${folder} tidak ditemukan. Buat foldernya dulu, atau sambungkan drive jaringannya.`);
  const rel = path.relative(stores.paths.root, folder);
  if (rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel))) {
    throw issue(`${label} tidak boleh berada di dalam folder data aplikasi. Pilih folder bersama (drive jaringan, folder Syncthing atau folder drive awan).`);
  }
  if (field === 'outbox') {
    // Hidden, so no inbox takes it for a package.
    const probe = path.join(folder, `.ppid-desk-uji-${process.pid}.tmp`);
    try {
      await fs.writeFile(probe, 'uji');
      await fs.rm(probe, { force: true });
    } catch {
      throw issue(`${label} ${folder} tidak dapat ditulisi. Periksa izin folder atau drive jaringannya.`);
    }
  } else {
    try {
      await fs.readdir(folder);
    } catch {
      throw issue(`${label} ${folder} tidak dapat dibaca. Periksa izin folder atau drive jaringannya.`);
    }
  }
  return folder;
}

export function sharedFoldersStatus(ctx: CallContext): SharedFoldersStatus {
  const { stores, now } = ctx;
  const st = stores.sharedFolders;
  const d = st.data;
  const received = receivedIds(stores);
  const tz = stores.settings.get()!.calendar.timeZone;
  const today = dayKey(now, tz);
  const files = d.filesOf === d.inbox ? d.files : [];
  const waiting: InboxWaitingView[] = [];
  const seen = new Set<string>();
  for (const r of files) {
    if (r.result !== 'menunggu' || !r.packageId || received.has(r.packageId) || seen.has(r.packageId)) continue;
    seen.add(r.packageId);
    waiting.push({
      name: r.name,
      packageId: r.packageId,
      seq: r.seq ?? 0,
      sender: r.sender?.name ?? '—',
      createdAt: r.createdAt ?? r.at,
      reason: r.reason ?? 'perangkat-baru',
      cycles: r.cycles,
      at: r.at,
    });
  }
  const todays = files.filter((r) => dayKey(new Date(r.at), tz) === today);
  const applied = todays.filter((r) => r.result === 'diterapkan').sort((x, y) => (x.at < y.at ? -1 : 1));
  const recent: InboxEventView[] = files
    .filter((r) => !QUIET.has(r.result))
    .sort((x, y) => (x.at < y.at ? 1 : x.at > y.at ? -1 : 0))
    .slice(0, RECENT_SHOWN)
    .map((r) => ({ name: r.name, result: r.result, message: r.message, at: r.at, sender: r.sender?.name ?? null, packageId: r.packageId }));
  return {
    outbox: d.outbox,
    inbox: d.inbox,
    autoApply: d.autoApply,
    configured: d.outbox !== null || d.inbox !== null,
    lastPollAt: d.inbox ? st.live.lastPollAt : null,
    inboxError: d.inbox ? st.live.inboxError : null,
    outboxError: d.outbox ? d.outboxError : null,
    copying: d.inbox ? st.live.copying : 0,
    waiting: waiting.sort((x, y) => (x.at < y.at ? -1 : 1)),
    appliedToday: { count: applied.length, lastAt: applied.at(-1)?.at ?? null },
    refusedToday: todays.filter((r) => r.result === 'ditolak' || r.result === 'rusak').length,
    recent,
    sent: [...d.sent].reverse().slice(0, 50).map((s) => ({ packageId: s.packageId, file: s.file, at: s.at })),
  };
}

/** A waiting package's preview, for the same "Terima paket" dialog: read from the inbox again, and checked to be the file that was examined. */
export async function previewWaiting(ctx: CallContext, input: { name: string }): Promise<PackagePreview> {
  const rec = waitingRecord(ctx, input.name);
  const bytes = await fs.readFile(path.join(ctx.stores.sharedFolders.data.inbox!, rec.name)).catch(() => null);
  if (!bytes) throw new AppError('NOT_FOUND', `Berkas ${rec.name} tidak ada lagi di folder masuk.`);
  if (createHash('sha256').update(bytes).digest('hex') !== rec.sha256) {
    throw new AppError('CONFLICT', `Berkas ${rec.name} berubah sejak diperiksa. Tunggu sebentar sampai folder masuk memeriksanya lagi.`);
  }
  return previewPackageBytes(ctx, bytes, rec.name);
}

/** An administrator sets a waiting package aside: it leaves Beranda; the file stays where it is. */
export async function dismissWaiting(ctx: CallContext, input: { name: string }): Promise<SharedFoldersStatus> {
  const rec = waitingRecord(ctx, input.name);
  const message = `Paket ${rec.seq} dari ${rec.sender?.name ?? '—'} disisihkan oleh ${ctx.actor!.username}: tidak diterapkan. Berkasnya tetap di folder masuk.`;
  await ctx.stores.sharedFolders.update((d) => ({
    ...d,
    files: d.files.map((r) => (r.packageId === rec.packageId && r.result === 'menunggu' ? { ...r, result: 'diabaikan' as const, message, at: ctx.now.toISOString() } : r)),
  }));
  await appendAudit(ctx.stores, ctx.actor, ctx.now, 'folder-bersama.sisihkan', message);
  return sharedFoldersStatus(ctx);
}

function waitingRecord(ctx: CallContext, name: string): InboxFileRecord {
  const d = ctx.stores.sharedFolders.data;
  const rec = d.inbox && d.filesOf === d.inbox ? d.files.find((r) => r.name === name && r.result === 'menunggu') : undefined;
  if (!rec || !rec.packageId) throw new AppError('NOT_FOUND', 'Paket ini tidak lagi menunggu di folder masuk.');
  return rec;
}
