import { randomUUID } from 'node:crypto';
import { dayKey } from '../domain/calendar';
import { checkAccountCoverage, settingsSchema, type AccountInput, type EmblemMeta, type Settings } from '../domain/office';
import { ROLES, ROLE_LABELS, type Role } from '../domain/roles';
import {
  EMBLEM_FOLDER,
  OFFICE_DEVICES_FILE,
  OFFICE_FILE,
  officeDevicesSchema,
  officePackageSettingsSchema,
  officialIds,
  type JoinPreview,
  type OfficeDevice,
  type OfficePackageSettings,
} from '../domain/sync/office-package';
import { officePackageFileName } from '../domain/sync/package-name';
import { LOCKS } from '../keyed-mutex';
import { AppError } from '../result';
import { publicKeyFingerprint } from '../sync/device-key';
import { PackageError, readPackage, writePackage, type PackageEntry, type ReadPackage } from '../sync/package-file';
import { appendAudit } from './audit';
import type { CallContext, Stores } from './context';
import { emblemMetaOf, readEmblem, writeEmblem } from './emblem';
import { isSetUp } from './setup';
import { newUserRecord } from './users';

/**
 * Joining an office (issue 11): the administrator makes an office package (kind `kantor`,
 * domain/sync/office-package.ts) and a new laptop starts from it instead of retyping the
 * office. The new laptop takes the office's settings, emblem and trusted installations, keeps
 * its own installation id and device key (made when its data folder was first opened), and
 * makes its own accounts: no account, hash or session ever travels.
 */

const NOTHING_CHANGED = 'Tidak ada yang diubah.';
const ALREADY = 'Aplikasi sudah disiapkan. Paket kantor hanya dipakai saat memasang laptop baru.';
/** A preview is kept this long for its "Gabung". */
const STAGED_FOR_MS = 60 * 60 * 1000;
const STAGED_MAX = 4;

const byLabel = (roles: readonly Role[]) => roles.map((r) => ROLE_LABELS[r]).join(', ');

// ---------- the administrator's side ----------

/** The roles of this laptop's active accounts: what the acts it signs may carry on a joined laptop. */
function localRoles(stores: Stores): Role[] {
  const users = stores.appDb.data.users.filter((u) => u.active);
  return ROLES.filter((r) => users.some((u) => u.role === r));
}

export async function exportOfficePackage(
  ctx: CallContext,
  input: { save: boolean },
): Promise<{ fileName: string; base64: string | null; savedTo: string | null; bytes: number; devices: number }> {
  const { stores } = ctx;
  // Under the app lock: settings, emblem and trust are read as one state, not mid-change.
  const { bytes, fileName, devices } = await stores.locks.run(LOCKS.app, async () => {
    const settings = stores.settings.get()!;
    if (!settings.officeId) throw new AppError('CONFLICT', 'Kantor ini belum memiliki pengenal. Buka ulang aplikasi agar pengaturannya diperbarui.');
    // An explicit list of what travels: adding a field to settings does not make it leave unseen.
    const office: OfficePackageSettings = {
      officeId: settings.officeId,
      officeKind: settings.officeKind,
      office: settings.office,
      officials: settings.officials,
      documents: settings.documents,
      calendar: settings.calendar,
      emblem: settings.emblem,
    };
    const entries: PackageEntry[] = [{ path: OFFICE_FILE, bytes: Buffer.from(JSON.stringify(office, null, 1)) }];
    if (settings.emblem) {
      const image = await readEmblem(stores.paths.assets, settings.emblem);
      const meta = image && (await emblemMetaOf(image).catch(() => null));
      if (!meta || meta.sha256 !== settings.emblem.sha256) {
        throw new AppError('STORAGE', 'Berkas lambang tidak ditemukan atau berubah di folder data. Pasang ulang lambang di Pengaturan › Lambang, lalu buat paket kantor lagi.');
      }
      entries.push({ path: `${EMBLEM_FOLDER}${settings.emblem.file}`, bytes: image! });
    }
    const roles = localRoles(stores);
    const self: OfficeDevice = { installationId: stores.appDb.data.installationId, name: stores.trust.selfName(), publicKey: stores.deviceKey.publicKey, roles };
    const others: OfficeDevice[] = stores.trust
      .list()
      .filter((t) => t.revokedAt === null)
      .map((t) => ({ installationId: t.installationId, name: t.name, publicKey: t.publicKey, roles: t.roles }));
    const list = officeDevicesSchema.parse([self, ...others]);
    entries.push({ path: OFFICE_DEVICES_FILE, bytes: Buffer.from(JSON.stringify(list, null, 1)) });
    const fileName = officePackageFileName(settings.office.unitCode, dayKey(ctx.now, settings.calendar.timeZone));
    const bytes = await writePackage(
      {
        kind: 'kantor',
        appVersion: stores.appVersion,
        packageId: randomUUID(),
        officeId: settings.officeId,
        officeName: settings.office.opdName,
        sender: { installationId: self.installationId, name: self.name, publicKey: self.publicKey },
        // Not drawn from sync.json's counter: that numbers the cycle packages a receiver checks
        // for gaps, and an office package is never received into sync.json, so using a number
        // there would make every laptop report a package "not yet received" that never will be.
        seq: 1,
        received: {},
        createdAt: ctx.now.toISOString(),
        to: { role: null, note: '' },
      },
      entries,
      { publicKey: stores.deviceKey.publicKey, sign: (d) => stores.deviceKey.sign(d) },
    );
    await appendAudit(
      stores,
      ctx.actor,
      ctx.now,
      'paket.kantor',
      `Paket kantor dibuat: ${fileName} (data kantor, pejabat, pengaturan dokumen, kalender${settings.emblem ? ', lambang' : ''} dan ${list.length} perangkat tepercaya; tanpa akun dan kata sandi).`,
    );
    return { bytes, fileName, devices: list.length };
  });
  let savedTo: string | null = null;
  if (input.save) {
    if (!stores.platform.saveFile) throw new AppError('CONFLICT', 'Penyimpanan lewat dialog hanya tersedia di aplikasi desktop.');
    savedTo = await stores.platform.saveFile({ suggestedName: fileName, bytes: Buffer.from(bytes), filter: { name: 'Paket PPID Desk', extensions: ['ppid'] } });
  }
  return { fileName, base64: input.save ? null : Buffer.from(bytes).toString('base64'), savedTo, bytes: bytes.length, devices };
}

// ---------- the joining laptop's side ----------

interface CheckedOffice {
  pkg: ReadPackage;
  fileName: string;
  settings: OfficePackageSettings;
  devices: OfficeDevice[];
  emblem: { meta: EmblemMeta; bytes: Uint8Array } | null;
}

const refuse = (message: string) => new AppError('INVALID_INPUT', `${message} ${NOTHING_CHANGED}`);

function parseJson(bytes: Uint8Array): unknown {
  try {
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    return undefined;
  }
}

/** Everything a join needs, proved from the package alone; writes nothing. */
async function checkOfficePackage(stores: Stores, bytes: Uint8Array, fileName: string): Promise<CheckedOffice> {
  let pkg: ReadPackage;
  try {
    pkg = await readPackage(bytes);
  } catch (e) {
    if (e instanceof PackageError) throw refuse(e.message);
    throw e;
  }
  const m = pkg.manifest;
  if (m.kind === 'siklus') {
    throw refuse(
      'Ini kiriman pekerjaan, bukan paket kantor. Kiriman pekerjaan diterima lewat "Terima paket" setelah laptop ini bergabung. Minta administrator membuat paket kantor di Pengaturan › Perangkat.',
    );
  }
  for (const p of pkg.entries.keys()) {
    if (p !== OFFICE_FILE && p !== OFFICE_DEVICES_FILE && !p.startsWith(EMBLEM_FOLDER)) throw refuse(`Paket kantor memuat berkas yang tidak dikenal: ${p.slice(0, 80)}.`);
  }
  const officeBytes = pkg.entries.get(OFFICE_FILE);
  const devicesBytes = pkg.entries.get(OFFICE_DEVICES_FILE);
  if (!officeBytes || !devicesBytes) throw refuse('Paket kantor tidak lengkap: data kantor atau daftar perangkatnya tidak ada.');

  const office = officePackageSettingsSchema.safeParse(parseJson(officeBytes));
  if (!office.success) {
    const issue = office.error.issues[0];
    throw refuse(`Data kantor dalam paket tidak sah${issue ? ` (${issue.path.join('.') || 'isi'}: ${issue.message})` : ''}.`);
  }
  const settings = office.data;
  if (settings.officeId !== m.officeId) throw refuse('Data kantor dalam paket tidak sesuai dengan daftar isinya.');

  const devices = officeDevicesSchema.safeParse(parseJson(devicesBytes));
  if (!devices.success) throw refuse(`Daftar perangkat dalam paket tidak sah (${devices.error.issues[0]?.message ?? 'isinya tidak dikenali'}).`);
  const sender = devices.data.find((d) => d.installationId === m.sender.installationId);
  if (!sender || sender.publicKey !== m.sender.publicKey || sender.name !== m.sender.name) throw refuse('Laptop pengirim tidak tercantum dengan kuncinya sendiri dalam daftar perangkat paket ini.');
  if (devices.data.some((d) => d.installationId === stores.appDb.data.installationId || d.publicKey === stores.deviceKey.publicKey)) {
    throw refuse('Paket ini sudah memuat laptop ini sendiri: paket kantor dipakai oleh laptop yang belum pernah bergabung.');
  }

  let emblem: CheckedOffice['emblem'] = null;
  const images = [...pkg.entries.keys()].filter((p) => p.startsWith(EMBLEM_FOLDER));
  const expected = settings.emblem ? `${EMBLEM_FOLDER}${settings.emblem.file}` : null;
  if (images.some((p) => p !== expected)) throw refuse('Paket kantor memuat gambar lambang yang tidak disebut dalam data kantornya.');
  if (settings.emblem) {
    const image = pkg.entries.get(expected!);
    if (!image) throw refuse('Lambang kantor tidak ada dalam paket.');
    let meta: EmblemMeta;
    try {
      meta = await emblemMetaOf(image);
    } catch (e) {
      if (e instanceof AppError) throw refuse(`Lambang dalam paket tidak dapat dipakai: ${e.message}`);
      throw e;
    }
    if (meta.sha256 !== settings.emblem.sha256 || meta.file !== settings.emblem.file || meta.mime !== settings.emblem.mime) {
      throw refuse('Lambang dalam paket tidak sesuai dengan data kantornya.');
    }
    emblem = { meta, bytes: image };
  }
  return { pkg, fileName, settings, devices: [sender, ...devices.data.filter((d) => d !== sender)], emblem };
}

interface Staged {
  bytes: Uint8Array;
  fileName: string;
  at: number;
}
const staged = new WeakMap<Stores, Map<string, Staged>>();

function stagedOf(stores: Stores): Map<string, Staged> {
  let m = staged.get(stores);
  if (!m) staged.set(stores, (m = new Map()));
  return m;
}

function notSetUp(ctx: CallContext) {
  if (isSetUp(ctx)) throw new AppError('CONFLICT', ALREADY);
}

/** What joining would do, shown before anything is written; the sender's key fingerprint is read aloud and compared by phone. */
export async function previewJoin(ctx: CallContext, input: { base64: string; fileName: string }): Promise<JoinPreview> {
  const { stores } = ctx;
  notSetUp(ctx);
  const bytes = Buffer.from(input.base64, 'base64');
  const checked = await checkOfficePackage(stores, bytes, input.fileName);
  const m = checked.pkg.manifest;
  const previewId = checked.pkg.packageSha256;
  const stage = stagedOf(stores);
  const now = Date.now();
  for (const [k, v] of stage) if (now - v.at > STAGED_FOR_MS) stage.delete(k);
  while (stage.size >= STAGED_MAX) stage.delete(stage.keys().next().value!);
  stage.set(previewId, { bytes, fileName: input.fileName, at: now });
  const s = checked.settings;
  return {
    previewId,
    fileName: input.fileName,
    createdAt: m.createdAt,
    appVersion: m.appVersion,
    office: s.office,
    officials: s.officials,
    emblemDataUrl: checked.emblem ? `data:${checked.emblem.meta.mime};base64,${Buffer.from(checked.emblem.bytes).toString('base64')}` : null,
    sender: { installationId: m.sender.installationId, name: m.sender.name, fingerprint: publicKeyFingerprint(m.sender.publicKey) },
    devices: checked.devices.map((d) => ({
      installationId: d.installationId,
      name: d.name,
      fingerprint: publicKeyFingerprint(d.publicKey),
      roles: d.roles,
      sender: d.installationId === m.sender.installationId,
    })),
  };
}

/**
 * The trust entries a join adds. An entry already there with the same key is a join that was
 * cut short before the accounts were written: it is kept (roles as the package says), so
 * joining again finishes instead of failing on "already trusted". Anything else already
 * there refuses the join before a byte is written.
 */
function trustPlan(stores: Stores, devices: OfficeDevice[]): { add: OfficeDevice[]; reRole: OfficeDevice[] } {
  const add: OfficeDevice[] = [];
  const reRole: OfficeDevice[] = [];
  for (const d of devices) {
    const existing = stores.trust.get(d.installationId);
    const holder = stores.trust.findByPublicKey(d.publicKey);
    if (holder && holder.entry.installationId !== d.installationId) {
      throw refuse(`Kunci perangkat "${d.name}" sudah dipercaya di laptop ini sebagai perangkat lain ("${holder.entry.name}").`);
    }
    if (!existing) add.push(d);
    else if (existing.revokedAt !== null || existing.publicKey !== d.publicKey) {
      throw refuse(`Laptop ini sudah mencatat perangkat "${existing.name}" dengan kunci atau status lain. Minta admin TI memeriksa folder data sebelum bergabung.`);
    } else if (byLabel(existing.roles) !== byLabel(d.roles)) reRole.push(d);
  }
  return { add, reRole };
}

/**
 * Joins the office of a package: its settings, emblem and trusted installations, and the
 * accounts made here. Everything is checked before the first write; then the emblem, the
 * trust entries, settings.json and, last, the accounts in app.json: until that last write the
 * app is not set up (isSetUp needs both), so a join cut short opens the wizard again.
 */
export async function joinOffice(
  ctx: CallContext,
  input: { previewId?: string | undefined; base64?: string | undefined; fileName: string; accounts: AccountInput[] },
): Promise<{ done: true; officeName: string }> {
  const { stores } = ctx;
  notSetUp(ctx);
  let source: { bytes: Uint8Array; fileName: string };
  if (input.base64) source = { bytes: Buffer.from(input.base64, 'base64'), fileName: input.fileName };
  else {
    const st = stagedOf(stores).get(input.previewId ?? '');
    if (!st) throw new AppError('NOT_FOUND', 'Pratinjau paket kantor sudah tidak berlaku. Pilih berkas paketnya lagi.');
    source = st;
  }
  const first = await checkOfficePackage(stores, source.bytes, source.fileName);
  const issues = checkAccountCoverage(input.accounts, officialIds(first.settings.officials));
  if (issues.length) throw new AppError('INVALID_INPUT', `Data tidak valid: ${issues.map((i) => i.message).slice(0, 3).join(' ')}`, issues.map((i) => ({ path: i.path.join('.'), message: i.message })));
  // Slow (scrypt): before the lock, as setup does.
  const users = await Promise.all(input.accounts.map((a) => newUserRecord(a, ctx.now)));

  return stores.locks.run(LOCKS.app, async () => {
    notSetUp(ctx);
    const checked = await checkOfficePackage(stores, source.bytes, source.fileName);
    const plan = trustPlan(stores, checked.devices);
    const s = checked.settings;
    const settings: Settings = settingsSchema.parse({
      officeId: s.officeId,
      office: s.office,
      officials: s.officials,
      documents: s.documents,
      calendar: s.calendar,
      emblem: checked.emblem?.meta ?? null,
    });
    const m = checked.pkg.manifest;
    const by = { username: users.find((u) => u.isAdmin)?.username ?? '', at: ctx.now, source: 'kantor' as const };

    if (checked.emblem) await writeEmblem(stores.paths.assets, checked.emblem.meta, checked.emblem.bytes);
    for (const d of plan.add) await stores.trust.add(d, by);
    for (const d of plan.reRole) await stores.trust.updateRoles(d.installationId, d.roles);
    await stores.settings.set(settings);
    const db = stores.appDb;
    const before = { users: db.data.users, demo: db.data.demo };
    db.data.users = users;
    db.data.demo = false;
    try {
      await db.write();
    } catch (e) {
      // Not on disk, so not in memory either: the app stays in setup and the join can be repeated.
      Object.assign(db.data, before);
      throw e;
    }

    await stores.backups.take(stores.paths.appDb, 'buka', ctx.now);
    await stores.backups.take(stores.paths.settings, 'buka', ctx.now);
    await stores.backups.take(stores.paths.trust, 'ubah', ctx.now);
    for (const d of checked.devices) {
      await appendAudit(
        stores,
        null,
        ctx.now,
        'perangkat.percayai',
        `Perangkat "${d.name}" (sidik ${publicKeyFingerprint(d.publicKey)}) dipercaya dari paket kantor untuk peran ${byLabel(d.roles)}.`,
      );
    }
    await appendAudit(
      stores,
      null,
      ctx.now,
      'setup.gabung',
      `Laptop ini bergabung ke kantor ${s.office.opdName} dari paket ${source.fileName} (dibuat oleh "${m.sender.name}", sidik ${publicKeyFingerprint(m.sender.publicKey)}): ${checked.devices.length} perangkat dipercaya, ${users.length} akun dibuat.`,
    );
    stagedOf(stores).delete(checked.pkg.packageSha256);
    return { done: true as const, officeName: s.office.opdName };
  });
}
