import { createHash, randomUUID } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { dayKey } from '../domain/calendar';
import { ROLE_LABELS, ROLES, type Role } from '../domain/roles';
import { packageFileName, RECIPIENT_LABELS, type Recipient } from '../domain/sync/package-name';
import { describeGaps, type AppliedPackage, type CyclePreview, type PackagePreview, type PackageRecordView, type SignerView } from '../domain/sync/preview';
import { mayCarry, type TrustedInstallation } from '../domain/sync/trust';
import { MERGE_INSTALLATION, STEP_INFO, type CycleEvent, type CycleState } from '../domain/workflow';
import { AppError } from '../result';
import { writeFileDurably } from '../store/durable-file';
import { publicKeyFingerprint, verifySignature, verifySignatureAsync } from '../sync/device-key';
import { PackageError, readPackage, writePackage, type PackageEntry, type ReadPackage } from '../sync/package-file';
import type { PackageRecord } from '../sync/sync-state';
import { LOCKS } from '../keyed-mutex';
import { writeToOutbox } from '../sync/outbox';
import { appendAudit } from './audit';
import type { CallContext, Stores } from './context';
import { actLabel, cycleContents, DEVICES_ENTRY, mergeActProblem, type DeviceInfo } from './package-intake-shared';
import { arrangeActLines } from '../sync/act-lines';

/**
 * Work moves between laptops as signed files (.ppid): "Kirim" writes every act of the chosen
 * cycles (their whole history, so a lost package never means a lost act) and their soft files;
 * "Terima paket" checks everything before writing anything — the container and its signature
 * (sync/package-file.ts), the sender's and every act's installation against trust.json with
 * the roles each may carry, every act's signature, and every new act against the SOP where its
 * author stood (domain/workflow/integrate.ts) — shows what would change, and applies all of it
 * or nothing. See docs/architecture.md, "Sync packages".
 */

/** A preview is kept this long for its "Terapkan". */
const STAGED_FOR_MS = 60 * 60 * 1000;
const STAGED_MAX = 4;

interface Staged {
  bytes: Uint8Array;
  fileName: string;
  at: number;
  /** The newest preview's reading of the file, kept for its "Terapkan" (the file is not read twice). */
  checked: Checked | null;
}
const staged = new WeakMap<Stores, Map<string, Staged>>();

function stagedOf(stores: Stores): Map<string, Staged> {
  let m = staged.get(stores);
  if (!m) staged.set(stores, (m = new Map()));
  return m;
}

// ---------- sending ----------

export async function exportPackage(
  ctx: CallContext,
  input: { cycleIds: string[]; to: Recipient | null; note: string; withFiles: boolean; save: boolean },
): Promise<{ fileName: string; base64: string | null; savedTo: string | null; bytes: number; packageId: string; seq: number; outbox?: { file: string | null; error: string | null } | null }> {
  const { stores } = ctx;
  const settings = stores.settings.get()!;
  if (!settings.officeId) throw new AppError('CONFLICT', 'Kantor ini belum memiliki pengenal. Buka ulang aplikasi agar pengaturannya diperbarui.');
  const cycles = input.cycleIds.map((id) => {
    const s = stores.cycles.get(id);
    if (!s) {
      const damaged = stores.cycles.damagedCycle(id);
      throw damaged ? new AppError('STORAGE', damaged.message) : new AppError('NOT_FOUND', 'Siklus tidak ditemukan.');
    }
    return s;
  });
  return stores.locks.run(LOCKS.sync, async () => {
    const entries: PackageEntry[] = [];
    const signers = new Set<string>();
    const files = new Set<string>();
    for (const c of cycles) {
      entries.push({ path: `siklus/${c.id}.jsonl`, bytes: await stores.cycles.logBytes(c.id) });
      for (const e of stores.cycles.events(c.id)) {
        signers.add(e.installationId);
        if (e.body.type === 'item.attached' || e.body.type === 'archive.filed') files.add(e.body.attachment.sha256);
      }
    }
    if (input.withFiles) {
      for (const sha of [...files].sort()) {
        const bytes = await fs.readFile(path.join(stores.paths.files, sha.slice(0, 2), sha)).catch(() => null);
        // A file this laptop never received itself travels later, with whoever has it.
        if (bytes && sha256(bytes) === sha) entries.push({ path: `berkas/${sha}`, bytes });
      }
    }
    entries.push({ path: DEVICES_ENTRY, bytes: Buffer.from(JSON.stringify(devicesFor(stores, signers))) });
    const packageId = randomUUID();
    const selfName = stores.trust.selfName();
    const date = dayKey(ctx.now, settings.calendar.timeZone);
    const fileName = packageFileName(cycles, input.to, date, settings.office.unitCode);
    const recipient = input.to ?? 'semua';
    const { seq, toSeq } = stores.syncState.nextNumbers(recipient);
    const bytes = await writePackage(
      {
        kind: 'siklus',
        appVersion: stores.appVersion,
        packageId,
        officeId: settings.officeId!,
        officeName: settings.office.opdName,
        // For the PPID Utama's register: who this OPD is and how its PPID Pembantu is reached.
        office: { unitCode: settings.office.unitCode, pemda: settings.office.pemda, ppid: { name: settings.officials.ketuaPpid.name, phone: settings.office.phone, email: settings.office.email } },
        sender: { installationId: stores.appDb.data.installationId, name: selfName, publicKey: stores.deviceKey.publicKey },
        seq,
        received: stores.syncState.receivedSummary(),
        createdAt: ctx.now.toISOString(),
        to: { role: input.to, note: input.note, seq: toSeq },
      },
      entries,
      { publicKey: stores.deviceKey.publicKey, sign: (d) => stores.deviceKey.sign(d) },
    );
    let savedTo: string | null = null;
    if (input.save) {
      if (!stores.platform.saveFile) throw new AppError('CONFLICT', 'Penyimpanan lewat dialog hanya tersedia di aplikasi desktop.');
      savedTo = await stores.platform.saveFile({ suggestedName: fileName, bytes: Buffer.from(bytes), filter: { name: 'Paket PPID Desk', extensions: ['ppid'] } });
      // Cancelled: no package exists, so no number is used up (else the receiver would report a gap).
      if (!savedTo) return { fileName, base64: null, savedTo: null, bytes: bytes.length, packageId, seq };
    }
    const rec = await stores.syncState.recordSent(
      {
        direction: 'kirim',
        packageId,
        seq,
        at: ctx.now.toISOString(),
        peer: null,
        to: input.to,
        fileName,
        cycles: cycles.map((c) => ({ id: c.id, title: c.title, step: c.step })),
        bytes: bytes.length,
        sha256: sha256(bytes),
        newActs: null,
        by: ctx.actor!.username,
      },
      recipient,
    );
    await appendAudit(stores, ctx.actor, ctx.now, 'paket.kirim', `Paket ${rec.seq} dibuat: ${fileName} (${cycles.map((c) => c.title).join(', ')}).`);
    // Also into the shared outbox, when one is set (sync/outbox.ts; never fails the send).
    const outbox = await writeToOutbox(stores.sharedFolders, { fileName, bytes, packageId, seq: rec.seq, laptopName: selfName, now: ctx.now });
    return { fileName, base64: input.save ? null : Buffer.from(bytes).toString('base64'), savedTo, bytes: bytes.length, packageId, seq: rec.seq, outbox };
  });
}

/** The installations whose acts a package carries, as this laptop knows them: the receiver shows their names. */
function devicesFor(stores: Stores, ids: Set<string>): DeviceInfo[] {
  const self = stores.appDb.data.installationId;
  const out: DeviceInfo[] = [];
  for (const id of [...ids].sort()) {
    if (id === MERGE_INSTALLATION) continue;
    if (id === self) {
      const replaces = stores.trust.list().filter((t) => t.source === 'pulih').map((t) => t.installationId);
      out.push({ installationId: id, name: stores.trust.selfName(), publicKey: stores.deviceKey.publicKey, ...(replaces.length ? { replaces } : {}) });
    } else {
      const t = stores.trust.get(id);
      if (t) out.push({ installationId: id, name: t.name, publicKey: t.publicKey });
    }
  }
  return out;
}

// ---------- receiving ----------

interface Checked {
  pkg: ReadPackage;
  fileName: string;
  devices: Map<string, DeviceInfo>;
  /** Per cycle in the package: its acts and their lines as written. */
  cycles: { id: string; events: CycleEvent[]; lines: Map<string, string> }[];
  files: Map<string, Uint8Array>;
}

/** Container, office and content checks: everything that does not depend on trust decisions. */
async function checkPackage(stores: Stores, bytes: Uint8Array, fileName: string): Promise<Checked> {
  let pkg: ReadPackage;
  try {
    pkg = await readPackage(bytes);
  } catch (e) {
    if (e instanceof PackageError) throw new AppError('INVALID_INPUT', e.message);
    throw e;
  }
  const m = pkg.manifest;
  if (m.kind !== 'siklus') {
    throw new AppError('INVALID_INPUT', 'Ini paket kantor, bukan kiriman pekerjaan. Paket kantor dipakai saat memasang laptop baru ("Gabung ke kantor yang sudah ada").');
  }
  checkOffice(stores, m);
  const { devices, cycles, files } = cycleContents(pkg, (id) => new Map(stores.cycles.events(id).map((e) => [e.id, e])));
  return { pkg, fileName, devices, cycles, files };
}

function checkOffice(stores: Stores, m: ReadPackage['manifest']) {
  const settings = stores.settings.get()!;
  if (m.officeId !== settings.officeId) {
    throw new AppError('CONFLICT', `Paket ini dari kantor lain ("${m.officeName}"), bukan untuk ${settings.office.opdName}. Tidak ada yang diubah.`);
  }
}

/** How this laptop stands to one installation, with the trust decisions being made now. */
type Standing = { trust: 'sendiri'; publicKey: string } | { trust: 'dipercaya' | 'dicabut'; entry: TrustedInstallation } | { trust: 'baru'; roles: Role[] };

function standingOf(stores: Stores, installationId: string, proposed: ReadonlyMap<string, Role[]>): Standing {
  if (installationId === stores.appDb.data.installationId) return { trust: 'sendiri', publicKey: stores.deviceKey.publicKey };
  const entry = stores.trust.get(installationId);
  if (entry) return { trust: entry.revokedAt ? 'dicabut' : 'dipercaya', entry };
  return { trust: 'baru', roles: proposed.get(installationId) ?? [] };
}

/**
 * Acts whose signature already verified under a key (an act read from a package is never
 * changed): a preview, its "Terapkan" and the repository's own re-check under the cycle's lock
 * each ask, and Ed25519 is the most expensive part of receiving.
 */
const verifiedWith = new WeakMap<CycleEvent, string>();

/**
 * The per-act check the domain's integrate() calls for every new act: who made it, whether
 * that installation may carry its role here, and its signature. Unsigned acts (made before
 * acts were signed) are accepted only from the package's own signer, who vouches for them.
 */
function signerCheck(stores: Stores, checked: Checked, proposed: ReadonlyMap<string, Role[]>, allActs: () => ReadonlyMap<string, CycleEvent>) {
  const sender = checked.pkg.manifest.sender;
  // Trust does not change during one check; asking the store for every act costs a copy each time.
  const standings = new Map<string, Standing>();
  // Every act by id, for merges only: built when the first one is checked.
  let all: ReadonlyMap<string, CycleEvent> | undefined;
  return (e: CycleEvent): string | null => {
    if (e.installationId === MERGE_INSTALLATION) {
      all ??= allActs();
      return mergeActProblem(e, all);
    }
    let st = standings.get(e.installationId);
    if (!st) standings.set(e.installationId, (st = standingOf(stores, e.installationId, proposed)));
    const name = checked.devices.get(e.installationId)?.name ?? (st.trust === 'dipercaya' || st.trust === 'dicabut' ? st.entry.name : e.installationId);
    let publicKey: string;
    if (st.trust === 'sendiri') publicKey = st.publicKey;
    else if (st.trust === 'baru') {
      if (!st.roles.includes(e.actor.role)) return `tindakan sebagai ${roleLabel(e.actor.role)} dari perangkat "${name}" yang belum dipercaya membawa peran itu`;
      const key = e.installationId === sender.installationId ? sender.publicKey : checked.devices.get(e.installationId)?.publicKey;
      if (!key) return `tindakan dari perangkat yang tidak dikenal (${e.installationId})`;
      publicKey = key;
    } else {
      if (!mayCarry(st.entry, e.actor.role)) {
        return st.trust === 'dicabut'
          ? `tindakan dari perangkat "${name}" yang kepercayaannya sudah dicabut`
          : `perangkat "${name}" tidak dipercaya membawa peran ${roleLabel(e.actor.role)}: tindakan ini ditolak agar tanda tangan peran itu tidak dapat dipalsukan`;
      }
      publicKey = st.entry.publicKey;
    }
    if (e.sig === null) {
      return e.installationId === sender.installationId ? null : `tindakan tanpa tanda tangan dari perangkat "${name}"`;
    }
    if (verifiedWith.get(e) === publicKey) return null;
    if (!verifySignature(publicKey, Buffer.from(e.hash, 'hex'), Buffer.from(e.sig, 'base64'))) return `tanda tangan tindakan dari perangkat "${name}" tidak sah`;
    verifiedWith.set(e, publicKey);
    return null;
  };
}

/**
 * Verifies the new acts' signatures all at once on the thread pool, under the key signerCheck
 * will use for each, so that its own check finds them done. Only a speed-up: a signature that
 * fails here is simply not remembered, and signerCheck refuses it with its reason.
 */
async function preverify(stores: Stores, checked: Checked, proposed: ReadonlyMap<string, Role[]>): Promise<void> {
  const sender = checked.pkg.manifest.sender;
  const keys = new Map<string, string | null>();
  const keyOf = (id: string): string | null => {
    if (!keys.has(id)) {
      const st = standingOf(stores, id, proposed);
      keys.set(id, st.trust === 'sendiri' ? st.publicKey : st.trust === 'baru' ? (id === sender.installationId ? sender.publicKey : (checked.devices.get(id)?.publicKey ?? null)) : st.entry.publicKey);
    }
    return keys.get(id)!;
  };
  const jobs: Promise<void>[] = [];
  for (const c of checked.cycles) {
    const have = new Set(stores.cycles.events(c.id).map((e) => e.id));
    for (const e of c.events) {
      if (e.sig === null || e.installationId === MERGE_INSTALLATION || have.has(e.id)) continue;
      const key = keyOf(e.installationId);
      if (!key || verifiedWith.get(e) === key) continue;
      jobs.push(
        verifySignatureAsync(key, Buffer.from(e.hash, 'hex'), Buffer.from(e.sig, 'base64')).then((ok) => {
          if (ok) verifiedWith.set(e, key);
        }),
      );
    }
  }
  await Promise.all(jobs);
}

function roleLabel(r: Role): string {
  return ROLE_LABELS[r];
}

interface Plan {
  checked: Checked;
  signers: SignerView[];
  cycles: (CyclePreview & { events: CycleEvent[]; lines: Map<string, string> })[];
}

/** Everything receiving would do, without writing: the same checks the apply repeats under the lock. */
function planReceive(stores: Stores, checked: Checked, proposed: ReadonlyMap<string, Role[]>): Plan {
  const m = checked.pkg.manifest;
  const senderStanding = standingOf(stores, m.sender.installationId, proposed);
  if (senderStanding.trust === 'dicabut') {
    throw new AppError('FORBIDDEN', `Kepercayaan pada "${senderStanding.entry.name}" sudah dicabut: paketnya tidak diterima. Tidak ada yang diubah.`);
  }
  if (senderStanding.trust === 'dipercaya' && senderStanding.entry.publicKey !== m.sender.publicKey) {
    throw new AppError(
      'FORBIDDEN',
      `Kunci pengirim "${m.sender.name}" berbeda dengan kunci yang dipercaya untuk perangkat itu: mungkin laptopnya dipasang ulang, atau paket ini palsu. Tanyakan langsung kepada pengirim; bila laptopnya memang baru, cabut dulu kepercayaan lama di Pengaturan › Perangkat. Tidak ada yang diubah.`,
    );
  }
  if (senderStanding.trust === 'sendiri' && m.sender.publicKey !== stores.deviceKey.publicKey) {
    throw new AppError('FORBIDDEN', 'Paket ini mengaku dibuat oleh laptop ini, tetapi dengan kunci lain. Tidak ada yang diubah.');
  }
  for (const d of checked.devices.values()) {
    // What this laptop already knows of a key wins; a package that says otherwise is forged, or one of the two laptops trusts an impostor.
    const st = standingOf(stores, d.installationId, proposed);
    const known = st.trust === 'sendiri' ? st.publicKey : st.trust === 'baru' ? (d.installationId === m.sender.installationId ? m.sender.publicKey : null) : st.entry.publicKey;
    // A key this laptop itself replaced (revoked, then trusted again with a new one) is stale there, not a lie.
    const replaced = (st.trust === 'dipercaya' || st.trust === 'dicabut') && st.entry.previousKeys.some((k) => k.publicKey === d.publicKey);
    if (known !== null && known !== d.publicKey && !replaced) {
      throw new AppError(
        'FORBIDDEN',
        `Paket menyebut kunci lain untuk perangkat "${d.name}" daripada kunci yang dikenal laptop ini: paket ini mungkin palsu, atau salah satu laptop mempercayai perangkat yang keliru. Tanyakan langsung kepada pengirim. Tidak ada yang diubah.`,
      );
    }
  }
  const cycles: Plan['cycles'] = [];
  const rolesUsed = new Map<string, Set<Role>>();
  for (const c of checked.cycles) {
    const existing = stores.cycles.events(c.id);
    const damaged = stores.cycles.damagedCycle(c.id);
    if (damaged) throw new AppError('STORAGE', `Siklus "${damaged.title ?? c.id}" di laptop ini rusak; pulihkan dulu sebelum menerima paket. ${damaged.message}`);
    // Only a check needs every act by id (a package received again does not).
    const allActs = () => new Map([...existing, ...c.events].map((e) => [e.id, e]));
    // With the roles the acts carry proposed for unknown signers: the preview shows what trusting them allows.
    const held = new Map(existing.map((e) => [e.id, e.hash]));
    const current = stores.cycles.get(c.id);
    // Every act already held, unchanged (a package received again, or an older one): nothing to check or fold.
    const result =
      current && c.events.every((e) => held.get(e.id) === e.hash)
        ? { ok: true as const, fresh: [], state: current }
        : stores.cycles.preview(c.id, c.events, signerCheck(stores, checked, proposed, allActs));
    if (!result.ok) {
      const act = result.actId ? allActs().get(result.actId) : undefined;
      const where = act ? ` (${actLabel(act.body)} oleh ${act.actor.name}, ${roleLabel(act.actor.role)})` : '';
      throw new AppError('CONFLICT', `Paket ditolak: ${result.message.replace(/\.$/, '')}${where}. Tidak ada yang diubah.`);
    }
    for (const e of result.fresh) {
      if (e.installationId === MERGE_INSTALLATION) continue;
      const set = rolesUsed.get(e.installationId) ?? new Set<Role>();
      set.add(e.actor.role);
      rolesUsed.set(e.installationId, set);
    }
    const before = stores.cycles.get(c.id);
    cycles.push({ ...cyclePreview(before, result.state, result.fresh.length), events: c.events, lines: c.lines });
  }
  const ids = new Set([m.sender.installationId, ...rolesUsed.keys()]);
  const signers: SignerView[] = [...ids].map((id) => {
    const st = standingOf(stores, id, proposed);
    const device = checked.devices.get(id);
    const isSender = id === m.sender.installationId;
    const publicKey = st.trust === 'sendiri' ? st.publicKey : st.trust === 'baru' ? (isSender ? m.sender.publicKey : (device?.publicKey ?? '')) : st.entry.publicKey;
    return {
      installationId: id,
      name: isSender ? m.sender.name : st.trust === 'dipercaya' || st.trust === 'dicabut' ? st.entry.name : (device?.name ?? id),
      fingerprint: publicKey ? publicKeyFingerprint(publicKey) : '',
      trust: st.trust,
      roles: st.trust === 'dipercaya' || st.trust === 'dicabut' ? st.entry.roles : [],
      rolesUsed: ROLES.filter((r) => rolesUsed.get(id)?.has(r)),
      sender: isSender,
      replaces: (device?.replaces ?? []).flatMap((r) => stores.trust.get(r)?.name ?? checked.devices.get(r)?.name ?? []),
    };
  });
  return { checked, signers, cycles };
}

function cyclePreview(before: CycleState | null, after: CycleState, newActs: number): CyclePreview {
  if (before && !newActs) {
    return { id: after.id, title: after.title, year: after.year, status: 'sama', stepBefore: before.step, stepAfter: after.step, movement: null, newActs: 0, itemsAdded: [], itemsChanged: [], itemsRemoved: [], newConflicts: [] };
  }
  const beforeItems = new Map((before?.items ?? []).map((i) => [i.id, i]));
  const afterIds = new Set(after.items.map((i) => i.id));
  const beforeConflicts = new Set((before?.conflicts ?? []).map((c) => c.id));
  const movement =
    before && before.step !== after.step
      ? `${after.title}: Langkah ${STEP_INFO[before.step].no} → ${after.step === 'selesai' ? 'Selesai' : `Langkah ${STEP_INFO[after.step].no}`}`
      : !before
        ? `${after.title}: ${after.step === 'selesai' ? 'Selesai' : `Langkah ${STEP_INFO[after.step].no}`}`
        : null;
  return {
    id: after.id,
    title: after.title,
    year: after.year,
    status: !before ? 'baru' : newActs ? 'diperbarui' : 'sama',
    stepBefore: before?.step ?? null,
    stepAfter: after.step,
    movement,
    newActs,
    itemsAdded: after.items.filter((i) => !beforeItems.has(i.id)).map((i) => i.fields.judul),
    itemsChanged: after.items
      .filter((i) => beforeItems.has(i.id) && JSON.stringify(beforeItems.get(i.id)!.fields) !== JSON.stringify(i.fields))
      .map((i) => i.fields.judul),
    itemsRemoved: (before?.items ?? []).filter((i) => !afterIds.has(i.id)).map((i) => i.fields.judul),
    newConflicts: after.conflicts.filter((c) => !beforeConflicts.has(c.id)).map((c) => c.title),
  };
}

/** Roles proposed for installations not yet trusted: those their acts in the package carry. */
function proposedFromActs(stores: Stores, checked: Checked): Map<string, Role[]> {
  const out = new Map<string, Set<Role>>();
  const self = stores.appDb.data.installationId;
  const known = new Map<string, boolean>();
  const trusted = (id: string) => {
    if (!known.has(id)) known.set(id, stores.trust.get(id) !== null);
    return known.get(id)!;
  };
  for (const c of checked.cycles) {
    const have = new Set(stores.cycles.events(c.id).map((e) => e.id));
    for (const e of c.events) {
      // This laptop's own acts come back after a restore from an older copy: they need no trust.
      if (have.has(e.id) || e.installationId === MERGE_INSTALLATION || e.installationId === self || trusted(e.installationId)) continue;
      const s = out.get(e.installationId) ?? new Set<Role>();
      s.add(e.actor.role);
      out.set(e.installationId, s);
    }
  }
  const sender = checked.pkg.manifest.sender.installationId;
  if (!stores.trust.get(sender) && !out.has(sender)) out.set(sender, new Set());
  return new Map([...out].map(([k, v]) => [k, ROLES.filter((r) => v.has(r))]));
}

export async function previewPackage(ctx: CallContext, input: { base64: string; fileName: string }): Promise<PackagePreview> {
  return previewPackageBytes(ctx, Buffer.from(input.base64, 'base64'), input.fileName);
}

/** The preview of a package read from disk (the shared folders' inbox: services/shared-folders.ts). */
export async function previewPackageBytes(ctx: CallContext, bytes: Uint8Array, fileName: string): Promise<PackagePreview> {
  const { stores } = ctx;
  const checked = await checkPackage(stores, bytes, fileName);
  const proposed = proposedFromActs(stores, checked);
  await preverify(stores, checked, proposed);
  const plan = planReceive(stores, checked, proposed);
  const m = checked.pkg.manifest;
  const previewId = checked.pkg.packageSha256;
  const stage = stagedOf(stores);
  const now = Date.now();
  for (const [k, v] of stage) if (now - v.at > STAGED_FOR_MS) stage.delete(k);
  while (stage.size >= STAGED_MAX) stage.delete(stage.keys().next().value!);
  for (const v of stage.values()) v.checked = null;
  stage.set(previewId, { bytes, fileName, at: now, checked });
  const referenced = new Set<string>();
  for (const c of checked.cycles) for (const e of c.events) if (e.body.type === 'item.attached' || e.body.type === 'archive.filed') referenced.add(e.body.attachment.sha256);
  let newFiles = 0;
  let missing = 0;
  for (const sha of referenced) {
    const local = await exists(path.join(stores.paths.files, sha.slice(0, 2), sha));
    if (checked.files.has(sha) && !local) newFiles += 1;
    if (!checked.files.has(sha) && !local) missing += 1;
  }
  const sender = plan.signers.find((s) => s.sender)!;
  return {
    previewId,
    fileName,
    packageId: m.packageId,
    kind: 'siklus',
    sender: { installationId: m.sender.installationId, name: m.sender.name, fingerprint: sender.fingerprint },
    seq: m.seq,
    createdAt: m.createdAt,
    to: m.to,
    signers: plan.signers,
    cycles: plan.cycles.map(({ events: _e, lines: _l, ...c }) => c),
    attachments: { inPackage: checked.files.size, new: newFiles, missing },
    gaps: gapsOf(stores, m),
    alreadyReceived: stores.syncState.hasReceived(m.packageId),
    nothingNew: plan.cycles.every((c) => c.newActs === 0) && newFiles === 0,
    canTrust: !!ctx.actor?.isAdmin,
  };
}

/**
 * Applies a previewed package: trusts the installations the person chose to trust (with the
 * roles chosen), then, with everything checked again, stores the soft files, appends each
 * cycle's new acts, and records the package. The package is kept in `sync/masuk/` until all of
 * that is done, so a crash midway is finished on the next start (receiving is idempotent).
 */
export async function applyPackage(ctx: CallContext, input: { previewId: string; trust: { installationId: string; roles: Role[] }[] }): Promise<AppliedPackage> {
  const { stores } = ctx;
  const st = stagedOf(stores).get(input.previewId);
  if (!st) throw new AppError('NOT_FOUND', 'Pratinjau paket sudah tidak berlaku. Pilih berkas paketnya lagi.');
  if (input.trust.length && !ctx.actor?.isAdmin) throw new AppError('FORBIDDEN', 'Hanya administrator yang dapat mempercayai perangkat baru.');
  return stores.locks.run(LOCKS.sync, async () => {
    // What the file holds was checked by the preview; who may carry what is checked again below.
    const checked = st.checked ?? (await checkPackage(stores, st.bytes, st.fileName));
    checkOffice(stores, checked.pkg.manifest);
    const proposed = new Map(input.trust.map((t) => [t.installationId, t.roles]));
    const m = checked.pkg.manifest;
    const untrusted = [...proposedFromActs(stores, checked).keys()].filter((id) => !proposed.has(id));
    if (untrusted.length) {
      const names = untrusted.map((id) => `"${id === m.sender.installationId ? m.sender.name : (checked.devices.get(id)?.name ?? id)}"`);
      throw new AppError('FORBIDDEN', `Percayai dulu perangkat ${names.join(', ')} (periksa kode kuncinya) sebelum menerapkan paket. Tidak ada yang diubah.`);
    }
    await preverify(stores, checked, proposed);
    const plan = planReceive(stores, checked, proposed);
    if (await changesNothing(stores, checked, plan, proposed)) {
      // The same package again (or one's own): no journal, no audit line — receiving it twice writes nothing at all.
      stagedOf(stores).delete(input.previewId);
      const cycles = plan.cycles.map((c) => ({ id: c.id, title: c.title, newActs: 0, merged: false, conflicts: stores.cycles.get(c.id)?.conflicts.length ?? 0 }));
      return { packageId: m.packageId, cycles, attachmentsStored: 0, trusted: [] };
    }
    const trusted: string[] = [];
    for (const s of plan.signers) {
      const roles = proposed.get(s.installationId);
      if (s.trust !== 'baru' || !roles) continue;
      const publicKey = s.sender ? checked.pkg.manifest.sender.publicKey : checked.devices.get(s.installationId)?.publicKey;
      if (!publicKey) throw new AppError('INVALID_INPUT', `Kunci perangkat "${s.name}" tidak ada dalam paket.`);
      await stores.trust.add({ installationId: s.installationId, name: s.name, publicKey, roles }, { username: ctx.actor!.username, at: ctx.now, source: 'paket' });
      await appendAudit(stores, ctx.actor, ctx.now, 'perangkat.percaya', `Perangkat "${s.name}" dipercaya dari paket, dengan peran ${roles.map(roleLabel).join(', ')}.`);
      trusted.push(s.name);
    }
    const journal = await journalIn(stores, checked.pkg.manifest.packageId, st.bytes);
    // No actor: the shared folders' inbox applying on arrival (services/shared-folders.ts), as the system.
    const result = await applyChecked(ctx.stores, checked, ctx.now, ctx.actor?.username ?? 'sistem', plan);
    await fs.rm(journal, { force: true });
    await appendAudit(
      stores,
      ctx.actor,
      ctx.now,
      'paket.terima',
      `Paket ${checked.pkg.manifest.seq} dari "${checked.pkg.manifest.sender.name}" diterapkan: ${result.cycles.map((c) => `${c.title} (${c.newActs} tindakan baru)`).join(', ')}.`,
    );
    stagedOf(stores).delete(input.previewId);
    return { ...result, trusted };
  });
}

/** Nothing to trust, no new act, no new file, and already on record as received. */
async function changesNothing(stores: Stores, checked: Checked, plan: Plan, proposed: ReadonlyMap<string, Role[]>): Promise<boolean> {
  const m = checked.pkg.manifest;
  if (plan.signers.some((s) => s.trust === 'baru' && proposed.has(s.installationId))) return false;
  if (plan.cycles.some((c) => c.newActs > 0)) return false;
  if (m.sender.installationId !== stores.appDb.data.installationId && !stores.syncState.hasReceived(m.packageId)) return false;
  for (const sha of checked.files.keys()) if (!(await exists(path.join(stores.paths.files, sha.slice(0, 2), sha)))) return false;
  return true;
}

async function applyChecked(stores: Stores, checked: Checked, now: Date, by: string, plan: Plan): Promise<Omit<AppliedPackage, 'trusted'>> {
  let attachmentsStored = 0;
  for (const [sha, content] of checked.files) {
    const target = path.join(stores.paths.files, sha.slice(0, 2), sha);
    if (await exists(target)) continue;
    await writeFileDurably(target, content);
    attachmentsStored += 1;
  }
  const cycles: AppliedPackage['cycles'] = [];
  for (const c of plan.cycles) {
    const existing = [...stores.cycles.events(c.id)];
    const all = () => new Map([...existing, ...c.events].map((e) => [e.id, e]));
    const r = await stores.cycles.receive(c.id, c.events, c.lines, signerCheck(stores, checked, new Map(), all), now);
    cycles.push({ id: c.id, title: r.state.title, newActs: r.fresh.length, merged: r.merged !== null, conflicts: r.state.conflicts.length });
  }
  const m = checked.pkg.manifest;
  if (m.sender.installationId !== stores.appDb.data.installationId && !stores.syncState.hasReceived(m.packageId)) {
    const rec: PackageRecord = {
      direction: 'terima',
      packageId: m.packageId,
      seq: m.seq,
      at: now.toISOString(),
      peer: { installationId: m.sender.installationId, name: m.sender.name },
      to: m.to.role,
      fileName: checked.fileName,
      cycles: cycles.map((c) => ({ id: c.id, title: c.title, step: stores.cycles.get(c.id)!.step })),
      bytes: 0,
      sha256: checked.pkg.packageSha256,
      newActs: cycles.reduce((n, c) => n + c.newActs, 0),
      by,
    };
    await stores.syncState.recordReceived(rec, m.sender.installationId, m.received, stores.appDb.data.installationId, recipientOf(stores, m));
  }
  return { packageId: m.packageId, cycles, attachmentsStored };
}

async function journalIn(stores: Stores, packageId: string, bytes: Uint8Array): Promise<string> {
  const file = path.join(stores.paths.incoming, `${packageId}.ppid`);
  await writeFileDurably(file, bytes);
  return file;
}

/**
 * Packages whose apply was cut short (the app killed midway) are finished on the next start:
 * their trust decisions were written before the journal, and receiving is idempotent.
 */
export async function finishInterruptedReceives(stores: Stores, now: Date, log?: (m: string, e?: unknown) => void): Promise<number> {
  const names = await fs.readdir(stores.paths.incoming).catch(() => [] as string[]);
  let done = 0;
  for (const name of names.filter((n) => n.endsWith('.ppid'))) {
    const file = path.join(stores.paths.incoming, name);
    try {
      const bytes = await fs.readFile(file);
      const checked = await checkPackage(stores, bytes, name);
      await preverify(stores, checked, new Map());
      const plan = planReceive(stores, checked, new Map());
      await applyChecked(stores, checked, now, 'sistem', plan);
      await fs.rm(file, { force: true });
      await appendAudit(stores, null, now, 'paket.terima', `Penerimaan paket ${checked.pkg.manifest.seq} dari "${checked.pkg.manifest.sender.name}" yang terputus diselesaikan.`);
      done += 1;
    } catch (e) {
      // Kept for an administrator: nothing of it was lost, and nothing half-applied remains unnamed.
      log?.(`Paket tertunda ${name} tidak dapat diselesaikan`, e);
    }
  }
  return done;
}

/**
 * The recipient numbering this laptop follows for a package: packages for anyone, and those
 * for a role one of its own accounts holds. A package for a role held elsewhere may reach it
 * (forwarded), but its numbers are another laptop's to miss.
 */
function recipientOf(stores: Stores, m: ReadPackage['manifest']): { recipient: string; seq: number } | null {
  if (m.to.seq === undefined || m.sender.installationId === stores.appDb.data.installationId) return null;
  if (m.to.role && !stores.appDb.data.users.some((u) => u.active && u.role === m.to.role)) return null;
  return { recipient: m.to.role ?? 'semua', seq: m.to.seq };
}

function gapsOf(stores: Stores, m: ReadPackage['manifest']): string[] {
  const r = recipientOf(stores, m);
  if (!r) return [];
  const missing = stores.syncState.missingFrom(m.sender.installationId, r.recipient, r.seq);
  return describeGaps(missing, m.sender.name, m.to.role ? RECIPIENT_LABELS[m.to.role] : null);
}

export function packageHistory(ctx: CallContext): PackageRecordView[] {
  const { syncState, trust } = ctx.stores;
  const acked = syncState.data.acked;
  return [...syncState.data.packages].reverse().map((p) => ({
    direction: p.direction,
    packageId: p.packageId,
    seq: p.seq,
    at: p.at,
    peer: p.peer,
    to: p.to,
    fileName: p.fileName,
    cycles: p.cycles,
    bytes: p.bytes,
    sha256: p.sha256,
    newActs: p.newActs,
    acknowledgedBy:
      p.direction === 'kirim'
        ? Object.entries(acked)
            .filter(([, n]) => n >= p.seq)
            .map(([id]) => trust.get(id)?.name ?? id)
        : [],
  }));
}

function sha256(b: Uint8Array): string {
  return createHash('sha256').update(b).digest('hex');
}

async function exists(file: string): Promise<boolean> {
  return fs.access(file).then(
    () => true,
    () => false,
  );
}

// ---------- acts that arrive one by one (the relay) ----------

/** An act from a source other than a package (a relay document): the source's key for it, its cycle, its line. */
export interface LooseAct {
  key: string;
  cycleId: string;
  line: string;
}
/** Why an act was not applied: its installation is not trusted here, it waits for a parent (or a newer app), or it is refused. */
export type KeptKind = 'belum-dipercaya' | 'menunggu' | 'ditolak';
export interface KeptAct extends LooseAct {
  actId: string | null;
  kind: KeptKind;
  reason: string;
}
export interface LooseReceipt {
  cycles: AppliedPackage['cycles'];
  attachmentsStored: number;
  /** Everything not applied, with the reason: the caller keeps them and offers them again. */
  kept: KeptAct[];
}

/**
 * Acts that arrive loose, without a package's signed manifest (the relay: electron/core/relay).
 * Nothing vouches for them but their own signatures, so every act must be signed by this
 * installation or by one trust.json trusts with the act's role; keys come from trust.json only.
 * An act from an installation not trusted here is kept back and named, never applied (the
 * administrator trusts it in Pengaturan › Perangkat and the next round applies it); so is
 * everything that follows it. Each cycle then goes through the package's own pipeline —
 * signerCheck, planReceive (SOP at the author's point, merge or conflict), applyChecked — all
 * of it or none of it.
 */
export async function receiveLooseActs(
  stores: Stores,
  input: { source: string; acts: readonly LooseAct[]; files: ReadonlyMap<string, Uint8Array>; now: Date },
): Promise<LooseReceipt> {
  return stores.locks.run(LOCKS.sync, async () => {
    const self = stores.appDb.data.installationId;
    const settings = stores.settings.get()!;
    // This laptop stands as the "sender": no package record, and no act is vouched for without its own signature (below).
    const pkg = {
      manifest: {
        kind: 'siklus',
        packageId: randomUUID(),
        officeId: settings.officeId,
        officeName: settings.office.opdName,
        sender: { installationId: self, name: stores.trust.selfName(), publicKey: stores.deviceKey.publicKey },
        seq: 1,
        received: {},
        createdAt: input.now.toISOString(),
        to: { role: null, note: '' },
      },
      entries: new Map(),
      packageSha256: '',
    } as unknown as ReadPackage;
    const empty = (): Checked => ({ pkg, fileName: input.source, devices: new Map(), cycles: [], files: new Map() });
    const kept: KeptAct[] = [];
    const cycles: LooseReceipt['cycles'] = [];
    const known = new Map<string, boolean>();
    const trusted = (id: string) => {
      if (!known.has(id)) known.set(id, stores.trust.get(id) !== null);
      return known.get(id)!;
    };
    const byCycle = new Map<string, LooseAct[]>();
    for (const a of input.acts) byCycle.set(a.cycleId, [...(byCycle.get(a.cycleId) ?? []), a]);
    for (const [cycleId, acts] of byCycle) {
      const damaged = stores.cycles.damagedCycle(cycleId);
      if (damaged) {
        kept.push(...acts.map((a) => ({ ...a, actId: null, kind: 'menunggu' as const, reason: `siklus di laptop ini rusak: ${damaged.message}` })));
        continue;
      }
      const existing = stores.cycles.events(cycleId);
      const arranged = arrangeActLines(cycleId, acts, new Map(existing.map((e) => [e.id, e.hash])));
      kept.push(...arranged.notReady.map((w) => ({ key: w.key, cycleId, line: w.line, actId: w.actId, kind: w.kind, reason: w.reason })));
      const checked = empty();
      const lines = new Map(arranged.ready.map((r) => [r.event.id, r.line]));
      checked.cycles = [{ id: cycleId, events: arranged.ready.map((r) => r.event), lines }];
      await preverify(stores, checked, new Map());
      const check = signerCheck(stores, checked, new Map(), () => new Map([...existing, ...checked.cycles[0]!.events].map((e) => [e.id, e])));
      const out = new Set<string>();
      const accepted: CycleEvent[] = [];
      for (const r of arranged.ready) {
        const e = r.event;
        let why: [KeptKind, string] | null = null;
        if (e.installationId !== MERGE_INSTALLATION && e.installationId !== self && !trusted(e.installationId)) {
          why = ['belum-dipercaya', 'tindakan dari perangkat yang belum dipercaya'];
        } else if (e.parents.some((p) => out.has(p))) why = ['menunggu', 'mengikuti tindakan yang belum dapat diterima'];
        else if (e.installationId !== MERGE_INSTALLATION && e.sig === null) why = ['ditolak', 'tindakan tanpa tanda tangan hanya diterima dalam paket dari pembuatnya'];
        else {
          const problem = check(e);
          if (problem) why = ['ditolak', problem];
        }
        if (!why) accepted.push(e);
        else {
          out.add(e.id);
          kept.push({ key: r.key, cycleId, line: r.line, actId: e.id, kind: why[0], reason: why[1] });
        }
      }
      if (!accepted.length) continue;
      checked.cycles = [{ id: cycleId, events: accepted, lines }];
      try {
        const plan = planReceive(stores, checked, new Map());
        cycles.push(...(await applyChecked(stores, checked, input.now, input.source, plan)).cycles);
      } catch (e) {
        if (!(e instanceof AppError)) throw e;
        // All or nothing per cycle: every act of it stays kept, with the pipeline's reason.
        const reason = e.message.replace(/^Paket ditolak: /, '').replace(/ Tidak ada yang diubah\.$/, '');
        const keys = new Map(arranged.ready.map((r) => [r.event.id, r.key]));
        kept.push(...accepted.map((a) => ({ key: keys.get(a.id)!, cycleId, line: lines.get(a.id)!, actId: a.id, kind: 'ditolak' as const, reason })));
      }
    }
    const files = empty();
    for (const [sha, bytes] of input.files) if (sha256(bytes) === sha) files.files.set(sha, bytes);
    const { attachmentsStored } = await applyChecked(stores, files, input.now, input.source, { checked: files, signers: [], cycles: [] });
    const fresh = cycles.filter((c) => c.newActs > 0);
    if (fresh.length || attachmentsStored) {
      await appendAudit(
        stores,
        null,
        input.now,
        'relay.terima',
        `Diterima dari ${input.source}: ${fresh.map((c) => `${c.title} (${c.newActs} tindakan baru)`).join(', ') || 'tanpa tindakan baru'}${attachmentsStored ? `, ${attachmentsStored} berkas lampiran` : ''}.`,
      );
    }
    return { cycles, attachmentsStored, kept };
  });
}
