import { MERGE_INSTALLATION, STEP_INFO, type CycleEvent } from '../domain/workflow';
import { opdContactSchema, type IntakeApplied, type IntakeCheck, type IntakeStatus, type OpdContact, type RegisterEntry, type RegisterEntryInput, type WaitingPackage } from '../domain/regency/model';
import type { Manifest } from '../domain/sync/manifest';
import { ROLE_LABELS } from '../domain/roles';
import { LOCKS } from '../keyed-mutex';
import { AppError } from '../result';
import { sameName, type OpdIdentity, type RegencyStore } from '../store/regency-store';
import { publicKeyFingerprint } from '../sync/device-key';
import { PackageError, readPackage } from '../sync/package-file';
import { appendAudit } from './audit';
import type { CallContext, Stores } from './context';
import { actLabel, actSignatureValid, cycleContents, mergeActProblem, preverifyActs, sha256, type CycleContents } from './package-intake-shared';

/**
 * The PPID Utama receives the packages of the regency's OPD (issue 13): the same .ppid files an
 * OPD's laptops exchange, checked whole before anything is written — the container and its
 * signature, kind `siklus`, the OPD matched to its register entry (or to be added), the sender
 * key trusted for that OPD (else the package waits for a PPID Utama to trust it), every
 * installation's key pinned on first sight, every act's signature, every new act against the
 * SOP where its author stood (the OPD's own integrate pipeline), and no cycle held by another
 * OPD. Then all of it is written or none: a journal under utama/masuk/ finishes an apply cut
 * short on the next open. Soft files travel in the packages but are not kept here: the
 * regency's views need the lists, not the OPD's attachments.
 */

/** A check is kept this long for its apply. */
const STAGED_FOR_MS = 60 * 60 * 1000;
/** Files checked and not yet applied ("receive many at once"): their bytes only. */
const STAGED_MAX = 64;
/** Of those, this many newest keep their parsed acts, so an apply right after its check does not read the file again. */
const PARSED_KEEP = 4;

/** A unit code as the register keeps it; anything else from a package is left out. */
export const UNIT_CODE = /^[A-Za-z0-9.-]{1,30}$/;

const UNCHANGED = 'Tidak ada yang diubah.';

/**
 * Who sends what the intake judges: a package's signed manifest, or on the relay
 * (relay/regency-pull.ts) an OPD laptop's trusted card standing in for it.
 */
export type IntakeManifest = Pick<Manifest, 'packageId' | 'officeId' | 'officeName' | 'office' | 'sender'>;

/** A package's contents already read and checked line by line: what `judge` takes. */
export interface IntakeContents {
  manifest: IntakeManifest;
  contents: CycleContents;
}
type Parsed = IntakeContents;

interface CyclePlan {
  id: string;
  events: CycleEvent[];
  lines: Map<string, string>;
  newActs: number;
}

interface Examined {
  /** SHA-256 of the file; '' when it could not be read at all. */
  checkId: string;
  fileName: string;
  status: IntakeStatus;
  message: string | null;
  parsed: Parsed | null;
  identity: OpdIdentity | null;
  contact: Partial<OpdContact>;
  entry: RegisterEntry | null;
  cycles: IntakeCheck['cycles'];
  plans: CyclePlan[];
  /** Installations whose acts arrive for the first time (and the sender), with the key first seen. */
  pin: Record<string, { name: string; publicKey: string }>;
  /** The per-act check for a cycle, given every act known of it (held and incoming). */
  signer: ((all: ReadonlyMap<string, CycleEvent>) => (e: CycleEvent) => string | null) | null;
  /** The store's version when examined: an apply reuses the check only while nothing changed. */
  version: number;
}

interface Staged {
  bytes: Uint8Array;
  fileName: string;
  at: number;
  parsed: Parsed | null;
  examined: Examined | null;
}
const staged = new WeakMap<Stores, Map<string, Staged>>();

function stagedOf(stores: Stores): Map<string, Staged> {
  let m = staged.get(stores);
  if (!m) staged.set(stores, (m = new Map()));
  return m;
}

/** A refusal with the sentence the person reads. */
class Refusal extends Error {
  constructor(
    message: string,
    /** The file was not even a readable package. */
    readonly unread = false,
  ) {
    super(message);
  }
}

// ---------- reading and checking ----------

async function parse(bytes: Uint8Array, reg: RegencyStore): Promise<Parsed> {
  let pkg;
  try {
    // `await`: reading may move to yauzl and become asynchronous.
    pkg = await readPackage(bytes);
  } catch (e) {
    if (e instanceof PackageError) throw new Refusal(e.message, true);
    throw e;
  }
  if (pkg.manifest.kind !== 'siklus') {
    throw new Refusal('Ini paket kantor (untuk memasang laptop baru di sebuah OPD), bukan kiriman daftar informasi dari OPD. Minta OPD mengirim paket siklusnya dengan "Kirim paket". Tidak ada yang diubah.');
  }
  let contents: CycleContents;
  try {
    // The acts this OPD sent before are recognised by hash and signature, not validated and verified again.
    const m = pkg.manifest;
    const known = reg.match({ officeId: m.officeId, name: m.officeName, unitCode: m.office && UNIT_CODE.test(m.office.unitCode) ? m.office.unitCode : '' });
    contents = cycleContents(pkg, known ? (id) => new Map(reg.cycleEvents(known.entryId, id).map((e) => [e.id, e])) : undefined);
  } catch (e) {
    if (e instanceof AppError) throw new Refusal(`${e.message.replace(/\.$/, '')}. ${UNCHANGED}`);
    throw e;
  }
  // The PPID Utama keeps the lists, not the OPD's soft files: they are not held in memory either.
  contents.files.clear();
  return { manifest: pkg.manifest, contents };
}

const safeId = (id: string) => id.length > 0 && !(id in Object.prototype);

/** Everything receiving would do, without writing; a refusal comes back as status `ditolak` with the reason. */
async function examine(reg: RegencyStore, bytes: Uint8Array, fileName: string, cached: Parsed | null): Promise<Examined> {
  const checkId = sha256(bytes);
  let parsed: Parsed;
  try {
    parsed = cached ?? (await parse(bytes, reg));
  } catch (e) {
    const empty = { fileName, parsed: null, identity: null, contact: {}, entry: null, cycles: [], plans: [], pin: {}, signer: null, version: reg.version };
    if (e instanceof Refusal) return { ...empty, checkId: e.unread ? '' : checkId, status: 'ditolak', message: e.message };
    throw e;
  }
  return examineParsed(reg, checkId, fileName, parsed);
}

async function examineParsed(reg: RegencyStore, checkId: string, fileName: string, parsed: Parsed): Promise<Examined> {
  const version = reg.version;
  const empty = { fileName, parsed: null, identity: null, contact: {}, entry: null, cycles: [], plans: [], pin: {}, signer: null, version };
  const m = parsed.manifest;
  const unitCode = m.office && UNIT_CODE.test(m.office.unitCode) ? m.office.unitCode : '';
  const identity: OpdIdentity = { officeId: m.officeId, name: m.officeName, unitCode };
  const entry = reg.match(identity);
  const base = { ...empty, checkId, parsed, identity, contact: contactFrom(m), entry };
  try {
    return { ...base, ...(await judge(reg, checkId, parsed, entry)) };
  } catch (e) {
    if (e instanceof Refusal) return { ...base, status: 'ditolak', message: e.message };
    throw e;
  }
}

/** The checks that depend on the register: who sent it, whose cycles, which keys, which acts are new and whether they follow the SOP. */
async function judge(
  reg: RegencyStore,
  checkId: string,
  parsed: Parsed,
  entry: RegisterEntry | null,
): Promise<Pick<Examined, 'status' | 'message' | 'cycles' | 'plans' | 'pin' | 'signer'>> {
  const { manifest: m, contents } = parsed;
  const sender = m.sender;
  const entryId = entry?.entryId ?? null;
  const opdName = entry?.name ?? m.officeName;
  const nameOf = (id: string) => reg.entry(id)?.name ?? 'OPD lain';

  // Every installation the package names, with the key it gives: the sender's own from the signed manifest.
  const listed = new Map<string, { name: string; publicKey: string }>();
  for (const d of contents.devices.values()) {
    if (!safeId(d.installationId)) throw new Refusal(`Daftar perangkat dalam paket memuat pengenal yang tidak sah. ${UNCHANGED}`);
    listed.set(d.installationId, { name: d.name, publicKey: d.publicKey });
  }
  const saidOfSender = listed.get(sender.installationId);
  if (saidOfSender && saidOfSender.publicKey !== sender.publicKey) {
    throw new Refusal(`Paket menyebut dua kunci berbeda untuk pengirimnya ("${sender.name}"): paket ini mungkin palsu. ${UNCHANGED}`);
  }
  listed.set(sender.installationId, { name: sender.name, publicKey: sender.publicKey });

  // One laptop belongs to one OPD: a laptop known for another OPD does not speak for this one.
  for (const [id, d] of listed) {
    const holder = reg.installationHolder(id);
    if (holder && holder !== entryId) {
      throw new Refusal(
        `Perangkat "${d.name}" sudah tercatat milik ${nameOf(holder)}, sedangkan paket ini mengaku dari ${opdName}: satu laptop hanya dipakai satu OPD. Paket ini mungkin palsu; tanyakan langsung kepada pengirimnya. ${UNCHANGED}`,
      );
    }
  }

  // The sender key, trusted for this OPD once by a person.
  const key = entry?.keys.find((k) => k.installationId === sender.installationId) ?? null;
  if (key && key.publicKey !== sender.publicKey) {
    throw new Refusal(
      `Kunci pengirim "${sender.name}" berbeda dengan kunci yang dipercaya untuk laptop itu di ${opdName}: mungkin laptopnya dipasang ulang, atau paket ini palsu. Tanyakan langsung kepada PPID Pembantu OPD itu. ${UNCHANGED}`,
    );
  }
  if (key?.revokedAt) throw new Refusal(`Kepercayaan pada kunci "${key.name}" dari ${opdName} sudah dicabut: paketnya tidak diterima. ${UNCHANGED}`);
  const trusted = key !== null;

  // Each installation's first key is pinned: another key later is a reinstalled laptop or a forgery.
  const pinned = (id: string) => (entry && Object.hasOwn(entry.devices, id) ? entry.devices[id]! : null);
  for (const [id, d] of listed) {
    const p = pinned(id);
    if (p && p.publicKey !== d.publicKey) {
      throw new Refusal(
        `Paket menyebut kunci lain untuk perangkat "${d.name}" dari ${opdName} daripada kunci yang tercatat sebelumnya: mungkin laptopnya dipasang ulang, atau paket ini palsu. Tanyakan langsung kepada PPID Pembantu OPD itu. ${UNCHANGED}`,
      );
    }
  }

  // Whose cycles: an OPD never writes into another OPD's cycle, whatever its id.
  for (const c of contents.cycles) {
    const holder = reg.cycleHolder(c.id);
    const title = titleOf(c.events) ?? c.id;
    if (holder && holder !== entryId) {
      throw new Refusal(`Siklus "${title}" sudah diterima dari ${nameOf(holder)}; paket dari ${opdName} tidak dapat mengubahnya. ${UNCHANGED}`);
    }
    const damaged = entryId ? reg.damagedCycle(entryId, c.id) : null;
    if (damaged) throw new Refusal(`Catatan siklus "${damaged.title ?? title}" dari ${opdName} di komputer ini rusak (${damaged.message}). Hubungi admin TI. ${UNCHANGED}`);
  }

  const keyOf = (id: string): string | null => listed.get(id)?.publicKey ?? pinned(id)?.publicKey ?? null;
  const deviceName = (id: string) => listed.get(id)?.name ?? pinned(id)?.name ?? id;
  const signer = (all: ReadonlyMap<string, CycleEvent>) => (e: CycleEvent): string | null => {
    if (e.installationId === MERGE_INSTALLATION) return mergeActProblem(e, all);
    const publicKey = keyOf(e.installationId);
    if (!publicKey) return `tindakan dari perangkat yang tidak dikenal (${e.installationId})`;
    // Acts from before acts were signed are vouched for only by their own laptop's package.
    if (e.sig === null) return e.installationId === sender.installationId ? null : `tindakan tanpa tanda tangan dari perangkat "${deviceName(e.installationId)}"`;
    return actSignatureValid(e, publicKey) ? null : `tanda tangan tindakan dari perangkat "${deviceName(e.installationId)}" tidak sah`;
  };

  // Signatures of the acts not held yet, all at once on the thread pool.
  const held = (cycleId: string) => new Map((entryId ? reg.cycleEvents(entryId, cycleId) : []).map((e) => [e.id, e.hash]));
  const heldByCycle = new Map(contents.cycles.map((c) => [c.id, held(c.id)]));
  await preverifyActs(
    contents.cycles.flatMap((c) => c.events.filter((e) => !heldByCycle.get(c.id)!.has(e.id))),
    (e) => keyOf(e.installationId),
  );

  const cycles: IntakeCheck['cycles'] = [];
  const plans: CyclePlan[] = [];
  const pin: Examined['pin'] = {};
  if (!pinned(sender.installationId)) pin[sender.installationId] = listed.get(sender.installationId)!;
  for (const c of contents.cycles) {
    const have = heldByCycle.get(c.id)!;
    const current = entryId ? reg.cycle(entryId, c.id) : null;
    let state;
    let fresh: CycleEvent[];
    if (current && c.events.every((e) => have.get(e.id) === e.hash)) {
      // Every act already held, unchanged (the same package again, or an older one): nothing to check or fold.
      state = current;
      fresh = [];
    } else {
      const all = new Map([...(entryId ? reg.cycleEvents(entryId, c.id) : []), ...c.events].map((e) => [e.id, e]));
      const result = reg.preview(entryId, c.id, c.events, signer(all));
      if (!result.ok) {
        const act = result.actId ? all.get(result.actId) : undefined;
        const where = act ? ` (${actLabel(act.body)} oleh ${act.actor.name}, ${ROLE_LABELS[act.actor.role] ?? act.actor.role})` : '';
        throw new Refusal(`Paket ditolak: ${result.message.replace(/\.$/, '')}${where}. ${UNCHANGED}`);
      }
      state = result.state;
      fresh = result.fresh;
    }
    for (const e of fresh) {
      if (e.installationId !== MERGE_INSTALLATION && !pinned(e.installationId)) pin[e.installationId] = { name: deviceName(e.installationId), publicKey: keyOf(e.installationId)! };
    }
    cycles.push({ id: c.id, title: state.title, year: state.year, step: state.step, stepLabel: stepLabel(state.step), newActs: fresh.length });
    plans.push({ id: c.id, events: c.events, lines: c.lines, newActs: fresh.length });
  }

  const newActs = plans.reduce((n, p) => n + p.newActs, 0);
  if (entry && newActs === 0) return { status: 'sama', message: `Semua isi paket ini sudah diterima dari ${opdName}. ${UNCHANGED}`, cycles, plans, pin, signer };
  if (!trusted) {
    const fingerprint = publicKeyFingerprint(sender.publicKey);
    const already = reg.waiting().some((w) => w.checkId === checkId);
    const message = already
      ? `Paket ini sudah menunggu kunci pengirim "${sender.name}" (${fingerprint}) dipercaya untuk ${opdName}.`
      : `Kunci pengirim "${sender.name}" belum dipercaya untuk ${opdName}. Cocokkan kode kuncinya (${fingerprint}) dengan PPID Pembantu OPD itu, lalu percayai; paket ini disimpan sampai saat itu.`;
    return { status: 'menunggu_kepercayaan', message, cycles, plans, pin, signer };
  }
  return { status: 'siap', message: null, cycles, plans, pin, signer };
}

function titleOf(events: readonly CycleEvent[]): string | null {
  const first = events.find((e) => e.body.type === 'cycle.created')?.body;
  return first?.type === 'cycle.created' ? first.title : null;
}

function stepLabel(step: keyof typeof STEP_INFO): string {
  const info = STEP_INFO[step];
  return step === 'selesai' ? info.label : `Langkah ${info.no}: ${info.label}`;
}

/** The PPID Pembantu as the package names them (a field that would not pass the register's rules is left out). */
export function contactFrom(m: Pick<IntakeManifest, 'office'>): Partial<OpdContact> {
  if (!m.office) return {};
  const out: Partial<OpdContact> = {};
  const { name, phone, email } = m.office.ppid;
  for (const [k, v] of [['name', name], ['phone', phone], ['email', email]] as const) {
    const one = opdContactSchema.shape[k].safeParse(v);
    if (one.success && one.data) out[k] = one.data;
  }
  return out;
}

function toCheck(ex: Examined): IntakeCheck {
  const m = ex.parsed?.manifest;
  return {
    checkId: ex.checkId,
    fileName: ex.fileName,
    status: ex.status,
    message: ex.message,
    opd: m && ex.identity ? { officeId: m.officeId, name: ex.entry?.name ?? m.officeName, unitCode: ex.entry?.unitCode || ex.identity.unitCode, entryId: ex.entry?.entryId ?? null } : null,
    sender: m ? { installationId: m.sender.installationId, name: m.sender.name, fingerprint: publicKeyFingerprint(m.sender.publicKey) } : null,
    cycles: ex.cycles,
  };
}

function result(ex: Examined, r: IntakeApplied['result'], newActs = 0, message: string | null = ex.message, opdName: string | null = null): IntakeApplied {
  return { checkId: ex.checkId, fileName: ex.fileName, result: r, message, opdName: opdName ?? ex.entry?.name ?? ex.parsed?.manifest.officeName ?? null, newActs };
}

// ---------- writing ----------

/**
 * Writes a package judged `siap`: the journal, then the register (entry added or linked,
 * devices pinned, empty contact fields filled, the package on record), then each cycle's new
 * acts; the journal goes last. A kill between any two steps leaves what the next open finishes
 * (`finishInterruptedIntake`): every step is idempotent.
 */
async function write(stores: Stores, ex: Examined, bytes: Uint8Array | null, by: string, now: Date, opts: { journaled?: boolean } = {}): Promise<{ entry: RegisterEntry; newActs: number }> {
  const reg = stores.regency;
  const m = ex.parsed!.manifest;
  // No bytes (the relay): nothing to journal; its caller stores its checkpoint only after this, and every step is idempotent.
  if (bytes && !opts.journaled) await reg.journal(ex.checkId, bytes);
  const at = now.toISOString();
  const received = bytes ? { packageId: m.packageId, checkId: ex.checkId } : undefined;
  const entry = await reg.link({ entryId: ex.entry?.entryId ?? null, identity: ex.identity!, contact: ex.contact, trustKey: null, pin: ex.pin, received, at, by });
  let newActs = 0;
  for (const p of ex.plans) {
    if (!p.newActs) continue;
    const all = new Map([...reg.cycleEvents(entry.entryId, p.id), ...p.events].map((e) => [e.id, e]));
    const r = await reg.receiveCycle(entry.entryId, p.id, p.events, p.lines, ex.signer!(all));
    newActs += r.fresh;
  }
  if (bytes) await reg.clearJournal(ex.checkId);
  return { entry, newActs };
}

/**
 * Acts of one OPD that arrive without a package file (the relay: relay/regency-pull.ts), already
 * read and arranged, under a sender the caller found trusted: the same checks as a package
 * (`judge`) and, when they pass, the same writes — register link and pins, then each cycle's
 * new acts — all or nothing for what is given; without a journal: the caller stores its
 * checkpoint only afterwards and receiving again is idempotent. The caller holds the regency lock.
 */
export async function receiveContents(
  stores: Stores,
  input: { source: string; parsed: IntakeContents; by: string; now: Date },
): Promise<{ status: IntakeStatus; message: string | null; entry: RegisterEntry | null; newActs: number; cycles: IntakeCheck['cycles'] }> {
  const ex = await examineParsed(stores.regency, '', input.source, input.parsed);
  if (ex.status !== 'siap') return { status: ex.status, message: ex.message, entry: ex.entry, newActs: 0, cycles: ex.cycles };
  const { entry, newActs } = await write(stores, ex, null, input.by, input.now);
  return { status: 'siap', message: null, entry, newActs, cycles: ex.cycles };
}

async function keepWaiting(stores: Stores, ex: Examined, bytes: Uint8Array, now: Date): Promise<void> {
  const m = ex.parsed!.manifest;
  const w: WaitingPackage = {
    checkId: ex.checkId,
    fileName: ex.fileName,
    receivedAt: now.toISOString(),
    opd: { officeId: m.officeId, name: ex.entry?.name ?? m.officeName, unitCode: ex.entry?.unitCode || ex.identity!.unitCode, entryId: ex.entry?.entryId ?? null },
    sender: { installationId: m.sender.installationId, name: m.sender.name, fingerprint: publicKeyFingerprint(m.sender.publicKey), publicKey: m.sender.publicKey },
    cycles: ex.cycles.map((c) => ({ title: c.title, year: c.year, stepLabel: c.stepLabel })),
  };
  await stores.regency.addWaiting(w, bytes);
}

/** Applies or keeps one examined package, as its status says; under the regency lock. */
async function settle(ctx: CallContext, ex: Examined, bytes: Uint8Array): Promise<IntakeApplied> {
  const { stores } = ctx;
  const by = ctx.actor?.username ?? 'sistem';
  switch (ex.status) {
    case 'ditolak':
      return result(ex, 'ditolak');
    case 'sama':
      return result(ex, 'sama');
    case 'menunggu_kepercayaan': {
      if (stores.regency.waiting().some((w) => w.checkId === ex.checkId)) return result(ex, 'menunggu_kepercayaan');
      await keepWaiting(stores, ex, bytes, ctx.now);
      const m = ex.parsed!.manifest;
      await appendAudit(stores, ctx.actor, ctx.now, 'utama.menunggu', `Paket ${ex.fileName} dari ${m.officeName} menunggu kunci "${m.sender.name}" (${publicKeyFingerprint(m.sender.publicKey)}) dipercaya.`);
      return result(ex, 'menunggu_kepercayaan');
    }
    case 'siap': {
      const { entry, newActs } = await write(stores, ex, bytes, by, ctx.now);
      await appendAudit(
        stores,
        ctx.actor,
        ctx.now,
        'utama.terima',
        `Paket ${ex.fileName} dari ${entry.name} diterapkan: ${ex.cycles.map((c) => `${c.title} (${c.newActs} tindakan baru, ${c.stepLabel})`).join(', ')}.`,
      );
      return result(ex, 'diterapkan', newActs, null, entry.name);
    }
  }
}

// ---------- the calls ----------

/** `utama.check`: one file checked whole; nothing is written. Kept for `utama.apply` by its checkId (the file's SHA-256). */
export async function checkPackage(ctx: CallContext, input: { base64: string; fileName: string }): Promise<IntakeCheck> {
  const { stores } = ctx;
  const bytes = Buffer.from(input.base64, 'base64');
  const ex = await examine(stores.regency, bytes, input.fileName, null);
  if (ex.checkId && ex.status !== 'ditolak') stage(stores, ex, bytes);
  return toCheck(ex);
}

function stage(stores: Stores, ex: Examined, bytes: Uint8Array) {
  const st = stagedOf(stores);
  const now = Date.now();
  for (const [k, v] of st) if (now - v.at > STAGED_FOR_MS) st.delete(k);
  st.delete(ex.checkId);
  while (st.size >= STAGED_MAX) st.delete(st.keys().next().value!);
  st.set(ex.checkId, { bytes, fileName: ex.fileName, at: now, parsed: ex.parsed, examined: ex });
  // Parsed acts cost memory: only the newest few keep them.
  const keys = [...st.keys()];
  for (const k of keys.slice(0, Math.max(0, keys.length - PARSED_KEEP))) {
    const v = st.get(k)!;
    v.parsed = null;
    v.examined = null;
  }
}

/**
 * `utama.apply`: applies a checked package, all or nothing — checked again under the lock
 * unless nothing changed since its check. From a sender key not yet trusted it is kept waiting
 * instead; refused, it writes nothing and says why.
 */
export async function applyPackage(ctx: CallContext, input: { checkId: string }): Promise<IntakeApplied> {
  const { stores } = ctx;
  const st = stagedOf(stores).get(input.checkId);
  if (!st) {
    const w = stores.regency.waiting().find((x) => x.checkId === input.checkId);
    if (w) return { checkId: w.checkId, fileName: w.fileName, result: 'menunggu_kepercayaan', message: `Paket ini menunggu kunci pengirim "${w.sender.name}" (${w.sender.fingerprint}) dipercaya.`, opdName: w.opd.name, newActs: 0 };
    throw new AppError('NOT_FOUND', 'Paket yang diperiksa sudah tidak berlaku. Pilih berkasnya lagi.');
  }
  return stores.locks.run(LOCKS.regency, async () => {
    const ex = st.examined && st.examined.version === stores.regency.version ? st.examined : await examine(stores.regency, st.bytes, st.fileName, st.parsed);
    const out = await settle(ctx, ex, st.bytes);
    // Package bytes are not kept once applied (or kept on disk, waiting).
    stagedOf(stores).delete(input.checkId);
    return out;
  });
}

/** `utama.waiting`: packages kept until their sender key is trusted, oldest first. */
export function waitingPackages(ctx: CallContext): WaitingPackage[] {
  return ctx.stores.regency.waiting();
}

/**
 * `utama.trustSender`: a PPID Utama trusts the key that signed a waiting package, for that OPD
 * (the OPD is added to the register if it is not there yet), after comparing its fingerprint
 * with the OPD's PPID Pembantu; then every package waiting on that key is applied, each
 * checked again. The key is written before any package: a kill midway leaves packages of a
 * trusted key waiting, which the next open applies.
 */
export async function trustSender(ctx: CallContext, input: { checkId: string }): Promise<IntakeApplied[]> {
  const { stores } = ctx;
  const reg = stores.regency;
  return stores.locks.run(LOCKS.regency, async () => {
    const w = reg.waiting().find((x) => x.checkId === input.checkId);
    if (!w) throw new AppError('NOT_FOUND', 'Paket yang menunggu tidak ditemukan; mungkin sudah diterapkan. Muat ulang daftarnya.');
    const bytes = await reg.waitingBytes(w.checkId);
    if (!bytes) {
      await reg.dropWaiting(w.checkId);
      throw new AppError('NOT_FOUND', `Berkas paket ${w.fileName} yang menunggu tidak ada lagi di folder data. Minta OPD mengirim ulang paketnya.`);
    }
    const ex = await examine(reg, bytes, w.fileName, null);
    if (ex.status === 'ditolak' || ex.status === 'sama') {
      await reg.dropWaiting(w.checkId);
      await appendAudit(stores, ctx.actor, ctx.now, 'utama.menunggu', `Paket ${w.fileName} dari ${w.opd.name} dikeluarkan dari daftar tunggu: ${ex.message}`);
      return [result(ex, ex.status)];
    }
    const m = ex.parsed!.manifest;
    if (ex.status === 'menunggu_kepercayaan') {
      const entry = await reg.link({
        entryId: ex.entry?.entryId ?? null,
        identity: ex.identity!,
        contact: ex.contact,
        trustKey: { installationId: m.sender.installationId, name: m.sender.name, publicKey: m.sender.publicKey, trustedAt: ctx.now.toISOString(), trustedBy: ctx.actor!.username, revokedAt: null },
        pin: ex.pin,
        at: ctx.now.toISOString(),
        by: ctx.actor!.username,
      });
      await appendAudit(
        stores,
        ctx.actor,
        ctx.now,
        'utama.percaya',
        `Kunci pengirim "${m.sender.name}" (${publicKeyFingerprint(m.sender.publicKey)}) dipercaya untuk ${entry.name}${ex.entry ? '' : ' (OPD ditambahkan ke daftar)'}.`,
      );
    }
    const out: IntakeApplied[] = [];
    const same = reg.waiting().filter((x) => x.sender.installationId === m.sender.installationId && x.sender.publicKey === m.sender.publicKey);
    // The first one is read already: only the trust changed since.
    out.push(await applyWaiting(ctx, w, { bytes, parsed: ex.parsed }));
    for (const v of same.filter((x) => x.checkId !== w.checkId)) out.push(await applyWaiting(ctx, v));
    return out;
  });
}

async function applyWaiting(ctx: CallContext, w: WaitingPackage, read?: { bytes: Buffer; parsed: Parsed | null }): Promise<IntakeApplied> {
  const reg = ctx.stores.regency;
  const bytes = read?.bytes ?? (await reg.waitingBytes(w.checkId));
  if (!bytes) {
    await reg.dropWaiting(w.checkId);
    return { checkId: w.checkId, fileName: w.fileName, result: 'ditolak', message: `Berkas paket ${w.fileName} tidak ada lagi di folder data. Minta OPD mengirim ulang paketnya.`, opdName: w.opd.name, newActs: 0 };
  }
  const ex = await examine(reg, bytes, w.fileName, read?.parsed ?? null);
  if (ex.status === 'ditolak' || ex.status === 'sama') {
    await reg.dropWaiting(w.checkId);
    return result(ex, ex.status);
  }
  return settle(ctx, ex, bytes);
}

/** `utama.entries`: the register as kept (the register view of a year is utama.register). */
export function listEntries(ctx: CallContext): RegisterEntry[] {
  return ctx.stores.regency.entries();
}

/**
 * `utama.saveEntry`: adds an OPD by hand (its packages then match it by unit code or name) or
 * corrects one's name, unit code or contact. Two entries may not share a unit code or a name:
 * a package could not tell them apart.
 */
export async function saveEntry(ctx: CallContext, input: RegisterEntryInput & { entryId: string | null }): Promise<RegisterEntry> {
  const { stores } = ctx;
  const reg = stores.regency;
  return stores.locks.run(LOCKS.regency, async () => {
    const before = input.entryId === null ? null : reg.entry(input.entryId);
    if (input.entryId !== null && !before) throw new AppError('NOT_FOUND', 'OPD tidak ditemukan dalam daftar. Muat ulang daftarnya.');
    const name = input.name;
    const unitCode = input.unitCode ?? '';
    const contact = { name: input.contact?.name ?? '', phone: input.contact?.phone ?? '', email: input.contact?.email ?? '' };
    const others = reg.entries().filter((e) => e.entryId !== input.entryId);
    const sameCode = unitCode ? others.find((e) => e.unitCode.toLowerCase() === unitCode.toLowerCase()) : undefined;
    if (sameCode) throw new AppError('CONFLICT', `Kode unit "${unitCode}" sudah dipakai oleh ${sameCode.name}. Tidak ada yang diubah.`, [{ path: 'unitCode', message: `Kode unit "${unitCode}" sudah dipakai oleh ${sameCode.name}.` }]);
    const sameOpd = others.find((e) => sameName(e.name, name));
    if (sameOpd) throw new AppError('CONFLICT', `${sameOpd.name} sudah ada dalam daftar OPD. Tidak ada yang diubah.`, [{ path: 'name', message: `${sameOpd.name} sudah ada dalam daftar OPD.` }]);
    if (before && before.name === name && before.unitCode === unitCode && JSON.stringify(before.contact) === JSON.stringify(contact)) return before;
    const saved = await reg.saveEntry({ entryId: input.entryId, name, unitCode, contact }, ctx.actor!.username, ctx.now.toISOString());
    if (!before) await appendAudit(stores, ctx.actor, ctx.now, 'utama.opd', `${saved.name}${saved.unitCode ? ` (${saved.unitCode})` : ''} ditambahkan ke daftar OPD.`);
    else {
      const changes = [
        ...(['name', 'unitCode'] as const).filter((k) => before[k] !== saved[k]).map((k) => ({ field: k, from: before[k], to: saved[k] })),
        ...(['name', 'phone', 'email'] as const).filter((k) => before.contact[k] !== saved.contact[k]).map((k) => ({ field: `contact.${k}`, from: before.contact[k], to: saved.contact[k] })),
      ];
      await appendAudit(stores, ctx.actor, ctx.now, 'utama.opd', `Data ${saved.name} dalam daftar OPD diubah.`, changes);
    }
    return saved;
  });
}

/**
 * On open, before anyone works: applies cut short are finished (their journal in utama/masuk/),
 * packages a crash left outside the waiting index are indexed again, and packages waiting on a
 * key trusted since (a trust cut short) are applied. Nothing here asks a person anything: a
 * package that is now refused is kept and logged for an administrator.
 */
export async function finishInterruptedIntake(stores: Stores, now: Date, log?: (m: string, e?: unknown) => void): Promise<number> {
  const reg = stores.regency;
  const ctx: CallContext = { stores, actor: null, session: undefined, now };
  let done = 0;
  for (const id of await reg.journals()) {
    try {
      const bytes = (await reg.journalBytes(id))!;
      const ex = await examine(reg, bytes, `${id.slice(0, 12)}.ppid`, null);
      if (ex.status === 'siap') {
        const { entry } = await write(stores, ex, bytes, 'sistem', now, { journaled: true });
        await appendAudit(stores, null, now, 'utama.terima', `Penerimaan paket dari ${entry.name} yang terputus diselesaikan.`);
        done += 1;
      } else if (ex.status === 'sama') await reg.clearJournal(id);
      else if (ex.status === 'menunggu_kepercayaan') {
        await keepWaiting(stores, ex, bytes, now);
        await reg.clearJournal(id);
      } else log?.(`Paket tertunda utama/masuk/${id}.ppid tidak dapat diselesaikan: ${ex.message}`);
    } catch (e) {
      log?.(`Paket tertunda utama/masuk/${id}.ppid tidak dapat diselesaikan`, e);
    }
  }
  for (const id of await reg.unindexedWaiting()) {
    try {
      const bytes = (await reg.waitingBytes(id))!;
      const ex = await examine(reg, bytes, `${id.slice(0, 12)}.ppid`, null);
      if (ex.status === 'menunggu_kepercayaan') await keepWaiting(stores, ex, bytes, now);
      else if (ex.status === 'sama') await reg.dropWaiting(id);
      else if (ex.status === 'siap') {
        await settle(ctx, ex, bytes);
        done += 1;
      } else log?.(`Paket menunggu utama/menunggu/${id}.ppid tidak dapat dibaca lagi: ${ex.message}`);
    } catch (e) {
      log?.(`Paket menunggu utama/menunggu/${id}.ppid tidak dapat diperiksa`, e);
    }
  }
  for (const w of reg.waiting()) {
    const entry = reg.match({ officeId: w.opd.officeId, name: w.opd.name, unitCode: w.opd.unitCode });
    if (!entry?.keys.some((k) => k.installationId === w.sender.installationId && k.publicKey === w.sender.publicKey && !k.revokedAt)) continue;
    try {
      const r = await applyWaiting(ctx, w);
      if (r.result === 'diterapkan') done += 1;
    } catch (e) {
      log?.(`Paket menunggu ${w.fileName} tidak dapat diterapkan`, e);
    }
  }
  return done;
}
