import { randomUUID } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { Low } from 'lowdb';
import { z } from 'zod';
import type { Clock } from '../clock';
import { REGISTER_SOURCES, type OpdContact, type OpdKey, type RegencyRecords, type RegencySignature, type RegisterEntry, type WaitingPackage } from '../domain/regency/model';
import { integrate, type CycleEvent, type CycleState, type Integration } from '../domain/workflow';
import { AppError } from '../result';
import { publicKeyFingerprint } from '../sync/device-key';
import type { Backups } from './backups';
import { CycleRepository, mergeAct, type DamagedCycle } from './cycle-repository';
import { writeFileDurably } from './durable-file';
import { VersionedAdapter, type Migration } from './versioned';

/**
 * The PPID Utama's records under `utama/` (paths.regency). An OPD office never writes here.
 *
 *   register.json          the register of OPD (entries with their trusted sender keys and
 *                          pinned devices, the packages applied from each), the index of the
 *                          packages waiting for trust, and the year's signatures; lowdb through
 *                          the versioned, durable adapter, like settings.json
 *   opd/<entryId>/<cycleId>/events.jsonl
 *                          each OPD's acts, apart from every other OPD's: one CycleRepository
 *                          per entry, holding the exact lines received
 *   menunggu/<sha256>.ppid a package whose sender key is not trusted yet, kept until it is
 *   masuk/<sha256>.ppid    a package being applied: written before the first change and removed
 *                          after the last, so an apply cut short is finished on the next open
 *
 * The OPD's repositories are opened with the store (every OPD's state is in memory for the
 * register, the search and the consolidated lists); they keep no copies in backups/: every
 * package carries its cycles' whole history, so a log lost here comes back with the OPD's next
 * package, and forty OPD's copies would outweigh the data.
 */

export const REGISTER_VERSION = 1;
/** Forward only; none yet. */
export const registerMigrations: Migration[] = [];

const REGISTER_FILE = 'register.json';
const OPD_DIR = 'opd';
const WAITING_DIR = 'menunggu';
const JOURNAL_DIR = 'masuk';
const ID_RE = /^[A-Za-z0-9-]{6,64}$/;
const SHA_RE = /^[a-f0-9]{64}$/;

// Stored rules are looser than input rules (what was accepted once must always load).
const keySchema = z.object({
  installationId: z.string(),
  name: z.string(),
  publicKey: z.string(),
  trustedAt: z.string(),
  trustedBy: z.string(),
  revokedAt: z.string().nullable(),
});

const entrySchema = z.object({
  entryId: z.string().regex(ID_RE),
  officeId: z.string().nullable(),
  name: z.string(),
  unitCode: z.string(),
  contact: z.object({ name: z.string(), phone: z.string(), email: z.string() }),
  keys: z.array(keySchema),
  devices: z.record(z.string(), z.object({ name: z.string(), publicKey: z.string() })),
  addedAt: z.string(),
  addedBy: z.string(),
  source: z.enum(REGISTER_SOURCES),
  /** Package ids applied from this OPD: the same package again writes nothing. */
  received: z.array(z.string()),
  lastReceivedAt: z.string().nullable(),
});
type StoredEntry = z.infer<typeof entrySchema>;

const waitingSchema = z.object({
  checkId: z.string().regex(SHA_RE),
  fileName: z.string(),
  receivedAt: z.string(),
  opd: z.object({ officeId: z.string(), name: z.string(), unitCode: z.string(), entryId: z.string().nullable() }),
  sender: z.object({ installationId: z.string(), name: z.string(), fingerprint: z.string(), publicKey: z.string() }),
  cycles: z.array(z.object({ title: z.string(), year: z.number().int(), stepLabel: z.string() })),
});

const signatureSchema = z.object({
  year: z.number().int(),
  at: z.string(),
  by: z.string(),
  opds: z.record(z.string(), z.object({ dip: z.string(), dik: z.string() })),
  fingerprints: z.object({ dip: z.string(), dik: z.string() }),
});

const registerSchema = z.object({
  entries: z.array(entrySchema),
  waiting: z.array(waitingSchema),
  signatures: z.array(signatureSchema),
});
type RegisterData = z.infer<typeof registerSchema>;

const EMPTY: RegisterData = { entries: [], waiting: [], signatures: [] };

export interface RegencyStoreOptions {
  /** This installation: the repositories' own id (they never sign; merge acts carry none). */
  installationId: string;
  backups: Backups;
  clock: Clock;
  log?: (message: string, error?: unknown) => void;
}

/** Who a package says it comes from, as the register matches it. */
export interface OpdIdentity {
  officeId: string;
  name: string;
  unitCode: string;
}

/** What applying a package changes in an entry (or the entry it adds); computed by the intake, written here. */
export interface EntryLink {
  /** null: add the OPD to the register. */
  entryId: string | null;
  identity: OpdIdentity;
  /** Filled in where the entry's field is empty; a person's own typing is never overwritten. */
  contact: Partial<OpdContact>;
  /** The sender key a person has just trusted, if any. */
  trustKey: OpdKey | null;
  /** Installations seen for the first time, with the key first seen. */
  pin: Record<string, { name: string; publicKey: string }>;
  /** The package being applied: on record against the OPD (its acts follow, under the journal). */
  received?: { packageId: string; checkId: string };
  at: string;
  by: string;
}

/** "Dinas  Kesehatan" and "dinas kesehatan" are one OPD. */
export function sameName(a: string, b: string): boolean {
  const norm = (s: string) => s.trim().replace(/\s+/g, ' ').toLocaleLowerCase('id-ID');
  return norm(a) === norm(b);
}

export class RegencyStore implements RegencyRecords {
  private readonly repos = new Map<string, CycleRepository>();
  /** Cycle id → the entry holding it: one OPD's cycle never reaches another's records. */
  private readonly cycleHolders = new Map<string, string>();
  /** Bumped on every change: a check made before it is made again. */
  private changes = 0;

  private constructor(
    readonly dir: string,
    private readonly db: Low<RegisterData>,
    private readonly opts: RegencyStoreOptions,
  ) {}

  /**
   * Reads register.json (CorruptFileError, InvalidDataError or FutureVersionError without
   * writing: the core offers recovery) and opens every OPD's repository. Writes nothing for an
   * office that never received a package.
   */
  static async open(dir: string, opts: RegencyStoreOptions): Promise<RegencyStore> {
    const file = path.join(dir, REGISTER_FILE);
    const adapter = new VersionedAdapter<RegisterData>({ file, version: REGISTER_VERSION, migrations: registerMigrations, schema: registerSchema, backups: opts.backups, clock: opts.clock });
    const db = new Low<RegisterData>(adapter, structuredClone(EMPTY));
    await db.read();
    const store = new RegencyStore(dir, db, opts);
    for (const e of db.data.entries) await store.openRepo(e.entryId, false);
    if (db.data.entries.length) await opts.backups.take(file, 'buka', opts.clock.now());
    // An index line whose file is gone (removed by hand) would offer a package that cannot be applied.
    const present = new Set(await listNames(path.join(dir, WAITING_DIR)));
    if (db.data.waiting.some((w) => !present.has(`${w.checkId}.ppid`))) {
      await store.update((d) => ({ ...d, waiting: d.waiting.filter((w) => present.has(`${w.checkId}.ppid`)) }));
    }
    return store;
  }

  private async openRepo(entryId: string, create: true): Promise<CycleRepository>;
  private async openRepo(entryId: string, create: boolean): Promise<CycleRepository | null>;
  private async openRepo(entryId: string, create: boolean): Promise<CycleRepository | null> {
    const have = this.repos.get(entryId);
    if (have) return have;
    const root = path.join(this.dir, OPD_DIR, entryId);
    // An entry typed in by hand has no folder until its first package: opening must not make one.
    if (!create && !(await exists(root))) return null;
    const repo = await CycleRepository.open(root, this.opts.installationId, { now: () => this.opts.clock.now(), log: this.opts.log });
    for (const c of repo.list()) this.cycleHolders.set(c.id, entryId);
    for (const d of repo.damaged) this.cycleHolders.set(d.id, entryId);
    this.repos.set(entryId, repo);
    return repo;
  }

  /** Changes since the store opened: a check is valid for its apply only while this is unchanged. */
  get version(): number {
    return this.changes;
  }

  // ---------- what the views read (RegencyRecords) ----------

  /** The register in the order the OPD were added. */
  entries(): RegisterEntry[] {
    return this.db.data.entries.map(publicEntry);
  }

  entry(entryId: string): RegisterEntry | null {
    const e = this.stored(entryId);
    return e ? publicEntry(e) : null;
  }

  cyclesOf(entryId: string): CycleState[] {
    return this.repos.get(entryId)?.list() ?? [];
  }

  /** One OPD's cycle as folded from its acts (null: that OPD sent none with this id). */
  cycle(entryId: string, cycleId: string): CycleState | null {
    return this.repos.get(entryId)?.get(cycleId) ?? null;
  }

  /** The acts of one OPD's cycle, in canonical order (timing and lateness read their times). */
  cycleEvents(entryId: string, cycleId: string): CycleEvent[] {
    return this.repos.get(entryId)?.events(cycleId) ?? [];
  }

  /** Cycle logs of that OPD that could not be read. */
  damagedOf(entryId: string): DamagedCycle[] {
    return this.repos.get(entryId)?.damaged ?? [];
  }

  lastReceivedAt(entryId: string): string | null {
    return this.stored(entryId)?.lastReceivedAt ?? null;
  }

  waiting(): WaitingPackage[] {
    return this.db.data.waiting.map((w) => structuredClone(w));
  }

  signature(year: number): RegencySignature | null {
    const s = this.db.data.signatures.find((x) => x.year === year);
    return s ? structuredClone(s) : null;
  }

  async saveSignature(sig: RegencySignature): Promise<void> {
    const parsed = signatureSchema.parse(sig);
    await this.update((d) => ({ ...d, signatures: [...d.signatures.filter((s) => s.year !== sig.year), parsed].sort((a, b) => a.year - b.year) }));
  }

  // ---------- what the intake asks ----------

  /**
   * The entry a package belongs to: the one with its office id; else one typed in by hand
   * (no office id yet) with the same unit code, or failing that the same name; else one whose
   * packages came with another office id but with the same unit code or name — a laptop of that
   * OPD set up again from scratch gets a new office id, and is still that OPD (its key waits for
   * trust on that entry like any new laptop's); else none.
   */
  match(id: OpdIdentity): RegisterEntry | null {
    const entries = this.db.data.entries;
    const sameCode = (e: StoredEntry) => id.unitCode !== '' && e.unitCode !== '' && e.unitCode.toLowerCase() === id.unitCode.toLowerCase();
    const found =
      entries.find((e) => e.officeId === id.officeId) ??
      entries.find((e) => e.officeId === null && sameCode(e)) ??
      entries.find((e) => e.officeId === null && sameName(e.name, id.name)) ??
      entries.find(sameCode) ??
      entries.find((e) => sameName(e.name, id.name));
    return found ? publicEntry(found) : null;
  }

  /** The entry already holding a cycle with this id, or null. */
  cycleHolder(cycleId: string): string | null {
    return this.cycleHolders.get(cycleId) ?? null;
  }

  /** The entry an installation belongs to (as a trusted sender or a pinned device), or null. */
  installationHolder(installationId: string): string | null {
    for (const e of this.db.data.entries) {
      if (Object.hasOwn(e.devices, installationId) || e.keys.some((k) => k.installationId === installationId)) return e.entryId;
    }
    return null;
  }

  hasReceived(entryId: string, packageId: string): boolean {
    return this.stored(entryId)?.received.includes(packageId) ?? false;
  }

  damagedCycle(entryId: string, cycleId: string): DamagedCycle | null {
    return this.repos.get(entryId)?.damagedCycle(cycleId) ?? null;
  }

  /** What receiving these acts into that OPD's cycle would do, writing nothing (an OPD not yet in the register: an empty one). */
  preview(entryId: string | null, cycleId: string, incoming: readonly CycleEvent[], check: (e: CycleEvent) => string | null): Integration {
    const repo = entryId ? this.repos.get(entryId) : undefined;
    if (repo) return repo.preview(cycleId, incoming, check);
    return checkFresh(cycleId, integrate([], incoming, check));
  }

  // ---------- writes ----------

  /** A person adds an OPD to the register (entryId null) or corrects its name, unit code or contact. */
  async saveEntry(input: { entryId: string | null; name: string; unitCode: string; contact: OpdContact }, by: string, at: string): Promise<RegisterEntry> {
    let saved!: StoredEntry;
    await this.update((d) => {
      if (input.entryId === null) {
        saved = { entryId: randomUUID(), officeId: null, name: input.name, unitCode: input.unitCode, contact: { ...input.contact }, keys: [], devices: {}, addedAt: at, addedBy: by, source: 'manual', received: [], lastReceivedAt: null };
        return { ...d, entries: [...d.entries, saved] };
      }
      const before = d.entries.find((e) => e.entryId === input.entryId);
      if (!before) throw new AppError('NOT_FOUND', 'OPD tidak ditemukan dalam daftar.');
      saved = { ...before, name: input.name, unitCode: input.unitCode, contact: { ...input.contact } };
      return { ...d, entries: d.entries.map((e) => (e.entryId === saved.entryId ? saved : e)) };
    });
    return publicEntry(saved);
  }

  /**
   * Links a package's OPD to its entry before its acts are written: adds the entry (source
   * `paket`) or sets its office id, trusts the sender key just approved, pins the installations
   * seen first, fills empty contact fields, and records the package being applied (out of the
   * waiting index). One durable write, none when nothing changes. Written before the acts,
   * under the intake's journal: an apply cut short after it is finished on the next open.
   */
  async link(l: EntryLink): Promise<RegisterEntry> {
    let saved!: StoredEntry;
    let changed = true;
    await this.update((d) => {
      const before = l.entryId ? d.entries.find((e) => e.entryId === l.entryId) : undefined;
      // A unit code another OPD of the register already has is not taken: matching would no longer tell them apart.
      const code = l.identity.unitCode;
      const freeCode = code && !d.entries.some((e) => e.entryId !== l.entryId && e.unitCode.toLowerCase() === code.toLowerCase()) ? code : '';
      const base: StoredEntry = before ?? {
        entryId: randomUUID(),
        officeId: l.identity.officeId,
        name: l.identity.name,
        unitCode: freeCode,
        contact: { name: '', phone: '', email: '' },
        keys: [],
        devices: {},
        addedAt: l.at,
        addedBy: l.by,
        source: 'paket',
        received: [],
        lastReceivedAt: null,
      };
      const contact = { ...base.contact };
      for (const k of ['name', 'phone', 'email'] as const) if (!contact[k] && l.contact[k]) contact[k] = l.contact[k]!;
      const devices = { ...base.devices };
      for (const [id, dev] of Object.entries(l.pin)) if (!Object.hasOwn(devices, id)) devices[id] = { name: dev.name, publicKey: dev.publicKey };
      saved = {
        ...base,
        officeId: base.officeId ?? l.identity.officeId,
        unitCode: base.unitCode || freeCode,
        contact,
        devices,
        keys: l.trustKey && !base.keys.some((k) => k.installationId === l.trustKey!.installationId) ? [...base.keys, { ...l.trustKey }] : base.keys,
      };
      if (l.received) {
        saved.received = saved.received.includes(l.received.packageId) ? saved.received : [...saved.received, l.received.packageId];
        saved.lastReceivedAt = !saved.lastReceivedAt || saved.lastReceivedAt < l.at ? l.at : saved.lastReceivedAt;
      }
      const waiting = l.received ? d.waiting.filter((w) => w.checkId !== l.received!.checkId) : d.waiting;
      changed = !before || JSON.stringify(before) !== JSON.stringify(saved) || waiting.length !== d.waiting.length;
      return changed ? { ...d, entries: before ? d.entries.map((e) => (e.entryId === saved.entryId ? saved : e)) : [...d.entries, saved], waiting } : d;
    }, () => changed);
    if (l.received) await fs.rm(this.waitingFile(l.received.checkId), { force: true });
    return publicEntry(saved);
  }

  /**
   * Ends the trust in one of an OPD's sender keys (`revokedAt` set; the key stays listed): its
   * later packages are refused, while the acts already received from it stay. Null when the entry
   * or the key is not there; the key as it was when it was already revoked (nothing written).
   */
  async revokeKey(entryId: string, installationId: string, at: string): Promise<{ entry: RegisterEntry; key: OpdKey; changed: boolean } | null> {
    const before = this.stored(entryId);
    const key = before?.keys.find((k) => k.installationId === installationId);
    if (!before || !key) return null;
    if (key.revokedAt) return { entry: publicEntry(before), key: { ...key }, changed: false };
    const saved: StoredEntry = { ...before, keys: before.keys.map((k) => (k.installationId === installationId ? { ...k, revokedAt: at } : k)) };
    await this.update((d) => ({ ...d, entries: d.entries.map((e) => (e.entryId === entryId ? saved : e)) }));
    return { entry: publicEntry(saved), key: { ...key, revokedAt: at }, changed: true };
  }

  /** Appends an OPD's new acts to its cycle (checked again under the cycle's lock), exactly as received. */
  async receiveCycle(entryId: string, cycleId: string, incoming: readonly CycleEvent[], lines: ReadonlyMap<string, string>, check: (e: CycleEvent) => string | null): Promise<{ fresh: number; state: CycleState }> {
    const holder = this.cycleHolders.get(cycleId);
    if (holder && holder !== entryId) throw new Error(`RegencyStore: siklus ${cycleId} milik OPD lain`);
    const repo = await this.openRepo(entryId, true);
    this.changes += 1;
    const r = await repo.receive(cycleId, incoming, lines, check, this.opts.clock.now());
    this.cycleHolders.set(cycleId, entryId);
    return { fresh: r.fresh.length, state: r.state };
  }

  /** Keeps a package until its sender key is trusted: the file first, then its line in the index. */
  async addWaiting(w: WaitingPackage, bytes: Uint8Array): Promise<void> {
    if (!SHA_RE.test(w.checkId)) throw new Error('RegencyStore: pengenal paket tidak sah');
    await writeFileDurably(this.waitingFile(w.checkId), bytes);
    const parsed = waitingSchema.parse(w);
    await this.update((d) => ({ ...d, waiting: [...d.waiting.filter((x) => x.checkId !== w.checkId), parsed] }));
  }

  /** A waiting package's bytes, read when it is applied; null if the file is gone. */
  async waitingBytes(checkId: string): Promise<Buffer | null> {
    if (!SHA_RE.test(checkId)) return null;
    return fs.readFile(this.waitingFile(checkId)).catch(() => null);
  }

  /** Takes a package out of the waiting list without applying it (it can never apply). The index first, then the file. */
  async dropWaiting(checkId: string): Promise<void> {
    if (this.db.data.waiting.some((w) => w.checkId === checkId)) await this.update((d) => ({ ...d, waiting: d.waiting.filter((w) => w.checkId !== checkId) }));
    await fs.rm(this.waitingFile(checkId), { force: true });
  }

  /** Files in menunggu/ the index does not name (a crash between the two writes): the intake checks them again on open. */
  async unindexedWaiting(): Promise<string[]> {
    const indexed = new Set(this.db.data.waiting.map((w) => w.checkId));
    return (await listNames(path.join(this.dir, WAITING_DIR)))
      .filter((n) => n.endsWith('.ppid') && SHA_RE.test(n.slice(0, -5)) && !indexed.has(n.slice(0, -5)))
      .map((n) => n.slice(0, -5));
  }

  /** Written before the first change of an apply, removed after the last. */
  async journal(checkId: string, bytes: Uint8Array): Promise<void> {
    await writeFileDurably(this.journalFile(checkId), bytes);
  }

  async clearJournal(checkId: string): Promise<void> {
    await fs.rm(this.journalFile(checkId), { force: true });
  }

  /** Applies cut short: their ids (the package's SHA-256). */
  async journals(): Promise<string[]> {
    return (await listNames(path.join(this.dir, JOURNAL_DIR))).filter((n) => n.endsWith('.ppid') && SHA_RE.test(n.slice(0, -5))).map((n) => n.slice(0, -5));
  }

  async journalBytes(checkId: string): Promise<Buffer | null> {
    return fs.readFile(this.journalFile(checkId)).catch(() => null);
  }

  private waitingFile(checkId: string) {
    return path.join(this.dir, WAITING_DIR, `${checkId}.ppid`);
  }

  private journalFile(checkId: string) {
    return path.join(this.dir, JOURNAL_DIR, `${checkId}.ppid`);
  }

  private stored(entryId: string): StoredEntry | undefined {
    return this.db.data.entries.find((e) => e.entryId === entryId);
  }

  /** `write`: asked after `f`, whether there is anything to write. */
  private async update(f: (d: RegisterData) => RegisterData, write: () => boolean = () => true): Promise<void> {
    const before = this.db.data;
    this.db.data = f(before);
    if (!write()) return;
    this.changes += 1;
    try {
      await this.db.write();
    } catch (e) {
      this.db.data = before;
      throw e;
    }
  }
}

function publicEntry(e: StoredEntry): RegisterEntry {
  return {
    entryId: e.entryId,
    officeId: e.officeId,
    name: e.name,
    unitCode: e.unitCode,
    contact: { ...e.contact },
    keys: e.keys.map((k) => ({ ...k, fingerprint: publicKeyFingerprint(k.publicKey) })),
    devices: Object.fromEntries(Object.entries(e.devices).map(([k, v]) => [k, { ...v }])),
    addedAt: e.addedAt,
    addedBy: e.addedBy,
    source: e.source,
  };
}

/**
 * What CycleRepository.preview checks beyond integrate, for a cycle no repository holds yet:
 * every act belongs to this cycle, and a merge act is exactly the one this side would write.
 */
function checkFresh(cycleId: string, plan: Integration): Integration {
  if (!plan.ok) return plan;
  const byId = new Map(plan.order.map((e) => [e.id, e]));
  const hashes = new Map(plan.order.map((e) => [e.id, e.hash]));
  for (const e of plan.fresh) {
    if (e.cycleId !== cycleId) return { ok: false, actId: e.id, message: 'tindakan dalam paket milik siklus lain' };
    if (e.body.type !== 'merge') continue;
    const parents = e.parents.map((p) => byId.get(p)!);
    if (parents.length < 2 || mergeAct(cycleId, parents, hashes).hash !== e.hash) return { ok: false, actId: e.id, message: 'penggabungan tidak sesuai aturan' };
  }
  return plan;
}

async function listNames(dir: string): Promise<string[]> {
  return fs.readdir(dir).catch(() => [] as string[]);
}

async function exists(p: string): Promise<boolean> {
  return fs.access(p).then(
    () => true,
    () => false,
  );
}
