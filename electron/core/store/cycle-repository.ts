import { createHash, randomUUID } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import {
  ACT_FORMAT,
  applyInPlace,
  foldGraph,
  integrate,
  mergeActFields,
  type Actor,
  type CycleEvent,
  type CycleState,
  type EventBody,
  type Integration,
} from '../domain/workflow';
import { AppError } from '../result';
import { CycleLogBackups, exists, stamp, type BackupInfo } from './backups';
import { CorruptFileError, writeFileDurably } from './durable-file';
import { EventLogWriter, NewerFormatLogError, eventHash, eventLine, parseEventLog, type LogReadResult } from './event-log';

interface Loaded {
  state: CycleState;
  /** Every act, in canonical order (dag.ts). */
  events: CycleEvent[];
  /** Act id → hash: a new act chains to its parents' hashes. */
  hashes: Map<string, string>;
  writer: EventLogWriter;
  /** Acts on one cycle run one at a time, so two never follow the same act by accident. */
  lock: Promise<void>;
  /** Appends since the last copy of this log; the first append of a session always copies. */
  sinceBackup: number | null;
  /** Counts the changes to `events`: a plan made before one is not the plan now. */
  revision: number;
}

/** An integration that passed, with the cycle as it stood when it was made. */
interface Planned {
  cycleId: string;
  loaded: Loaded | undefined;
  revision: number;
  acts: number;
  plan: Extract<Integration, { ok: true }>;
}

export interface DamagedCycle {
  id: string;
  /** From the first act, when it still reads: the office knows cycles by name, not by id. */
  title: string | null;
  message: string;
  /** `versi_baru`: written by a newer app; update it, an older copy would lose its acts. */
  kind: 'rusak' | 'versi_baru';
  /** The newest copy whose chain verifies, offered by `recovery.restoreCycle`. */
  backup: { createdAt: string; name: string } | null;
}

/** Something the app did to a cycle log on open that the office must hear about. */
export interface CycleNotice {
  cycleId: string;
  title: string | null;
  /** `sisa`: an unfinished last line was set aside; `dipulihkan`: acts lost from the log came back from a copy. */
  kind: 'sisa' | 'dipulihkan';
  message: string;
  /** The side file holding the set-aside bytes, inside the cycle's folder. */
  setAside: string | null;
  at: string;
}

export interface RestoredCycle {
  cycleId: string;
  title: string;
  acts: number;
  backupAt: string;
  /** The damaged log, kept beside as `events.rusak-<time>.jsonl`. */
  keptAs: string | null;
}

const ID_RE = /^[A-Za-z0-9-]{8,64}$/;
/** A copy of a log every this many appends, besides the first append of each session. */
const BACKUP_EVERY = 50;

/** Signs an act's hash as the installation that made it (sync/device-key.ts). */
export interface ActSigner {
  sign(data: Uint8Array): Uint8Array;
}

export interface CycleRepositoryOptions {
  /** Without one (some tests), acts are written unsigned, as before format 4. */
  signer?: ActSigner;
  /** Where copies of the logs go (backups/siklus-<id>); none: no copies, no restore. */
  backupsRoot?: string;
  now?: () => Date;
  log?: (message: string, error?: unknown) => void;
}

/** Every cycle of this office: one folder each, holding its append-only log of acts. */
export class CycleRepository {
  private cycles = new Map<string, Loaded>();
  /**
   * The last integration of each array of received acts (a package's, read once per preview):
   * its "Terapkan" and the re-check under the lock reuse it while the cycle has not moved.
   */
  private planned = new WeakMap<readonly CycleEvent[], Planned>();
  private damagedById = new Map<string, DamagedCycle>();
  readonly notices: CycleNotice[] = [];
  private readonly backups: CycleLogBackups | null;
  private readonly now: () => Date;

  private constructor(
    readonly root: string,
    readonly installationId: string,
    private readonly opts: CycleRepositoryOptions,
  ) {
    this.backups = opts.backupsRoot ? new CycleLogBackups(opts.backupsRoot) : null;
    this.now = opts.now ?? (() => new Date());
  }

  static async open(root: string, installationId: string, opts: CycleRepositoryOptions = {}): Promise<CycleRepository> {
    const repo = new CycleRepository(root, installationId, opts);
    await fs.mkdir(root, { recursive: true });
    const names = (await fs.readdir(root, { withFileTypes: true })).filter((d) => d.isDirectory() && ID_RE.test(d.name));
    for (const d of names) {
      try {
        await repo.load(d.name);
      } catch (e) {
        // One damaged cycle must not lock the office out of the others.
        await repo.markDamaged(d.name, e);
      }
    }
    return repo;
  }

  /** Damaged cycles, in the order found. */
  get damaged(): DamagedCycle[] {
    return [...this.damagedById.values()];
  }

  private fileOf(id: string) {
    return path.join(this.root, id, 'events.jsonl');
  }

  private async markDamaged(id: string, e: unknown) {
    if (!(e instanceof CorruptFileError || e instanceof NewerFormatLogError)) this.opts.log?.(`Siklus ${id} tidak dapat dibaca`, e);
    const future = e instanceof NewerFormatLogError;
    let backup: BackupInfo | null = null;
    if (!future && this.backups) backup = await this.backups.newestReadable(this.fileOf(id)).catch(() => null);
    this.damagedById.set(id, {
      id,
      title: await firstTitle(this.fileOf(id)),
      kind: future ? 'versi_baru' : 'rusak',
      message: future || e instanceof CorruptFileError ? (e as Error).message : `Siklus ${id} tidak dapat dibaca.`,
      backup: backup && { createdAt: backup.createdAt, name: backup.name },
    });
  }

  /**
   * Reads one log. A log that ends short is told apart as far as the bytes allow: when a copy
   * holds the same chain further, acts were lost (a crash only ever tears an unacknowledged
   * last line), and they come back from the copy at once: waiting would let new acts follow
   * the short log and fork it from the copy. An unfinished last line with no longer copy is
   * most likely a crash mid-append; it is set aside in a side file either way, never deleted.
   */
  private async load(id: string): Promise<void> {
    const file = this.fileOf(id);
    const now = this.now();
    let bytes: Buffer;
    try {
      bytes = await fs.readFile(file);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw e;
    }
    let read = parseEventLog(file, bytes);
    const clean = bytes.subarray(0, read.cleanLength);
    const setAside = read.tail ? await this.setAside(file, read.tail, now) : null;
    const longer = await this.longerCopy(file, clean, read.events.length);
    if (longer) {
      await writeFileDurably(file, longer.bytes);
      const lost = longer.read.events.length - read.events.length;
      read = longer.read;
      const title = titleOf(read.events);
      this.notices.push({
        cycleId: id,
        title,
        kind: 'dipulihkan',
        setAside,
        at: now.toISOString(),
        message:
          `Riwayat siklus "${title ?? id}" ternyata terpotong: ${lost} tindakan yang sudah tersimpan hilang dari berkasnya ` +
          `dan telah dikembalikan dari cadangan ${formatStamp(longer.info.createdAt)}. Periksa tindakan terakhir siklus ini.` +
          (setAside ? ` Baris yang tidak lengkap disisihkan ke ${setAside}.` : ''),
      });
      this.opts.log?.(`Siklus ${id}: ${lost} tindakan dipulihkan dari ${longer.info.name}`);
    } else if (read.tail || read.missingNewline) {
      await writeFileDurably(file, read.missingNewline ? Buffer.concat([clean, Buffer.from('\n')]) : clean);
      if (setAside) {
        const title = titleOf(read.events);
        const last = read.events.at(-1);
        this.notices.push({
          cycleId: id,
          title,
          kind: 'sisa',
          setAside,
          at: now.toISOString(),
          message:
            `Baris terakhir riwayat siklus "${title ?? id}" tidak lengkap dan disisihkan ke ${setAside}. ` +
            'Biasanya ini tindakan yang sedang disimpan saat aplikasi atau komputer mati, dan belum pernah dikonfirmasi. ' +
            (last
              ? `Bila ada tindakan sesudah ${formatStamp(last.at)} yang sudah tersimpan, berkas ini terpotong dan tidak ada cadangan yang memuatnya: hubungi admin TI.`
              : 'Siklus ini belum memiliki tindakan yang utuh dan tidak ada cadangan yang memuatnya: hubungi admin TI.'),
        });
        this.opts.log?.(`Siklus ${id}: baris tidak lengkap disisihkan ke ${setAside}`);
      }
    }
    if (!read.events.length) return;
    this.cycles.set(id, loaded(read.events, file));
    await this.backupIfChanged(file, now);
  }

  /** The unfinished bytes go to `events.jsonl.sisa-<time>` beside the log, written before the log is cut. */
  private async setAside(file: string, tail: Buffer, now: Date): Promise<string> {
    const base = `${file}.sisa-${stamp(now)}`;
    let target = base;
    for (let n = 2; await exists(target); n++) target = `${base}-${n}`;
    await writeFileDurably(target, tail);
    return path.basename(target);
  }

  /** A verified copy that starts with exactly the log's complete lines and holds more acts. */
  private async longerCopy(file: string, clean: Buffer, acts: number): Promise<{ bytes: Buffer; read: LogReadResult; info: BackupInfo } | null> {
    if (!this.backups) return null;
    for (const info of await this.backups.list(file)) {
      if (info.bytes <= clean.length) continue;
      const bytes = await fs.readFile(info.file).catch(() => null);
      if (!bytes || !bytes.subarray(0, clean.length).equals(clean)) continue;
      try {
        const read = parseEventLog(info.file, bytes);
        if (!read.tail && !read.missingNewline && read.events.length > acts) return { bytes, read, info };
      } catch {
        // A damaged copy is no evidence of anything: try the next.
      }
    }
    return null;
  }

  /** Sizes first: an append-only log that grew since its newest copy gets a new one. */
  private async backupIfChanged(file: string, now: Date) {
    if (!this.backups) return;
    try {
      const [newest] = await this.backups.list(file);
      const size = (await fs.stat(file)).size;
      if (!newest || newest.bytes !== size) await this.backups.take(file, 'buka', now);
    } catch (e) {
      this.opts.log?.(`Cadangan ${file} tidak dapat dibuat`, e);
    }
  }

  list(): CycleState[] {
    return [...this.cycles.values()].map((c) => c.state);
  }

  get(id: string): CycleState | null {
    return this.cycles.get(id)?.state ?? null;
  }

  damagedCycle(id: string): DamagedCycle | null {
    return this.damagedById.get(id) ?? null;
  }

  events(id: string): CycleEvent[] {
    return this.cycles.get(id)?.events ?? [];
  }

  /**
   * Runs `decideFn` on the cycle's current state under the cycle's lock; the bodies it
   * returns are chained, written durably, and only then applied to the state in memory.
   */
  async record(
    id: string | null,
    actor: Actor,
    now: Date,
    decideFn: (state: CycleState | null) => EventBody[] | Promise<EventBody[]>,
  ): Promise<CycleState> {
    const cycleId = id ?? randomUUID();
    let loaded = this.cycles.get(cycleId);
    if (id !== null && !loaded) {
      const damaged = this.damagedById.get(id);
      throw damaged ? new AppError('STORAGE', damaged.message) : new AppError('NOT_FOUND', 'Siklus tidak ditemukan.');
    }
    if (!loaded) {
      loaded = {
        state: null as unknown as CycleState,
        events: [],
        hashes: new Map(),
        writer: new EventLogWriter(this.fileOf(cycleId)),
        lock: Promise.resolve(),
        sinceBackup: null,
        revision: 0,
      };
    }
    const target = loaded;
    const run = target.lock.then(async () => {
      const bodies = await decideFn(target.events.length ? target.state : null);
      if (!bodies.length) return target.state;
      // A new act follows every head: it has seen all this laptop holds.
      let parents = target.events.length ? target.state.heads : [];
      const at = now.toISOString();
      const fresh: CycleEvent[] = bodies.map((body) => {
        const base = { v: ACT_FORMAT, id: randomUUID(), cycleId, parents, installationId: this.installationId, at, actor, body };
        const hash = eventHash(
          parents.map((p) => target.hashes.get(p)!),
          base,
        );
        const e: CycleEvent = { ...base, hash, sig: this.sign(hash) };
        target.hashes.set(e.id, hash);
        parents = [e.id];
        return e;
      });
      try {
        await target.writer.append(fresh);
      } catch (err) {
        for (const e of fresh) target.hashes.delete(e.id);
        throw err;
      }
      target.events.push(...fresh);
      target.revision += 1;
      const refold = target.state && (target.state.conflicts.length > 0 || fresh.some((e) => e.body.type === 'conflict.resolved'));
      if (refold) target.state = foldGraph(target.events).state;
      else {
        let state: CycleState | null = target.events.length > fresh.length ? target.state : null;
        for (const e of fresh) state = applyInPlace(state, e);
        target.state = state!;
      }
      this.cycles.set(cycleId, target);
      await this.periodicBackup(target, fresh.length, now);
      return target.state;
    });
    target.lock = run.then(
      () => undefined,
      () => undefined,
    );
    return run;
  }

  private sign(hash: string): string | null {
    if (!this.opts.signer) return null;
    return Buffer.from(this.opts.signer.sign(Buffer.from(hash, 'hex'))).toString('base64');
  }

  /** The log as stored, whole acts only: what a package carries for this cycle. */
  async logBytes(id: string): Promise<Buffer> {
    const target = this.cycles.get(id);
    if (!target) throw new AppError('NOT_FOUND', 'Siklus tidak ditemukan.');
    // After the appends queued before this call: never half an act.
    await target.lock;
    return fs.readFile(target.writer.file);
  }

  /**
   * What receiving these acts would do, without writing anything. `incoming` is not to be
   * changed afterwards: asked again with the same array, while the cycle has not moved, the
   * answer is the one already worked out, with only `checkSigner` asked again.
   */
  preview(id: string, incoming: readonly CycleEvent[], checkSigner: (e: CycleEvent) => string | null): Integration {
    const c = this.cycles.get(id);
    return this.integrateOnce(id, c, incoming, checkSigner, () => checkReceived(id, integrate(c?.events ?? [], incoming, checkSigner, c?.state)));
  }

  /**
   * The same acts joined to the same cycle give the same order, state and SOP verdicts: only
   * the signer check depends on the caller (the trust being decided), so a remembered plan
   * that passed is reused after asking it of each new act, in the order integrate() asks.
   * The first act it refuses is then the one integrate() would name: every SOP check passed.
   */
  private integrateOnce(
    id: string,
    loaded: Loaded | undefined,
    incoming: readonly CycleEvent[],
    checkSigner: (e: CycleEvent) => string | null,
    compute: () => Integration,
  ): Integration {
    const p = this.planned.get(incoming);
    const same =
      p !== undefined &&
      p.acts === incoming.length &&
      p.cycleId === id &&
      (p.loaded ? p.loaded === loaded && p.revision === loaded.revision : !loaded || loaded.events.length === 0);
    if (same) {
      const fresh = new Set(p.plan.fresh);
      for (const e of p.plan.order) {
        if (!fresh.has(e)) continue;
        const problem = checkSigner(e);
        if (problem) return { ok: false, actId: e.id, message: problem };
      }
      return p.plan;
    }
    const plan = compute();
    if (plan.ok) this.planned.set(incoming, { cycleId: id, loaded: loaded?.events.length ? loaded : undefined, revision: loaded?.revision ?? 0, acts: incoming.length, plan });
    else this.planned.delete(incoming);
    return plan;
  }

  /**
   * Appends the acts this laptop lacks (as their exact lines), checked again under the
   * cycle's lock, then joins concurrent heads with a merge act. Receiving the same acts again
   * writes nothing. A new cycle gets its folder.
   */
  async receive(
    id: string,
    incoming: readonly CycleEvent[],
    lines: ReadonlyMap<string, string>,
    checkSigner: (e: CycleEvent) => string | null,
    now: Date,
  ): Promise<{ fresh: CycleEvent[]; merged: CycleEvent | null; state: CycleState }> {
    if (!ID_RE.test(id)) throw new AppError('INVALID_INPUT', 'Pengenal siklus dalam paket tidak sah.');
    if (this.damagedById.has(id)) throw new AppError('STORAGE', this.damagedById.get(id)!.message);
    const target: Loaded = this.cycles.get(id) ?? {
      state: null as unknown as CycleState,
      events: [],
      hashes: new Map(),
      writer: new EventLogWriter(this.fileOf(id)),
      lock: Promise.resolve(),
      sinceBackup: null,
      revision: 0,
    };
    const run = target.lock.then(async () => {
      const plan = this.integrateOnce(id, target, incoming, checkSigner, () =>
        checkReceived(id, integrate(target.events, incoming, checkSigner, target.events.length ? target.state : undefined)),
      );
      if (!plan.ok) throw new AppError('CONFLICT', plan.message);
      if (!plan.fresh.length) return { fresh: [], merged: null, state: plan.state };
      let order = plan.order;
      let state = plan.state;
      const hashes = new Map(target.hashes);
      for (const e of plan.fresh) hashes.set(e.id, e.hash);
      const out = plan.fresh.map((e) => {
        const line = lines.get(e.id);
        if (!line) throw new AppError('INVALID_INPUT', 'Baris tindakan dalam paket tidak lengkap.');
        return line;
      });
      let merged: CycleEvent | null = null;
      if (state.heads.length > 1) {
        const byId = new Map(order.map((e) => [e.id, e]));
        merged = mergeAct(id, state.heads.map((h) => byId.get(h)!), hashes);
        out.push(eventLine(merged));
        hashes.set(merged.id, merged.hash);
        ({ order, state } = foldGraph([...order, merged]));
      }
      await target.writer.appendLines(out);
      target.events = order;
      target.revision += 1;
      target.hashes = hashes;
      target.state = state;
      this.cycles.set(id, target);
      await this.periodicBackup(target, out.length, now);
      return { fresh: plan.fresh, merged, state };
    });
    target.lock = run.then(
      () => undefined,
      () => undefined,
    );
    return run;
  }

  /** The acts are on disk already: a copy that fails is logged, never turned into a failed act. */
  private async periodicBackup(target: Loaded, appended: number, now: Date) {
    if (!this.backups) return;
    const due = target.sinceBackup === null || target.sinceBackup + appended >= BACKUP_EVERY;
    target.sinceBackup = due ? 0 : target.sinceBackup! + appended;
    if (!due) return;
    try {
      await this.backups.take(target.writer.file, 'berkala', now);
    } catch (e) {
      this.opts.log?.(`Cadangan ${target.writer.file} tidak dapat dibuat`, e);
    }
  }

  /**
   * Puts the newest verified copy of a damaged cycle's log in place; the damaged log is kept
   * beside it as `events.rusak-<time>.jsonl`. A log from a newer app is not replaced: its acts
   * would be lost, and updating the app opens it.
   */
  async restoreCycle(id: string, now: Date): Promise<RestoredCycle> {
    const damaged = this.damagedById.get(id);
    if (!damaged) {
      if (this.cycles.has(id)) throw new AppError('CONFLICT', 'Siklus ini dapat dibuka dengan baik; tidak ada yang perlu dipulihkan.');
      throw new AppError('NOT_FOUND', 'Siklus tidak ditemukan.');
    }
    if (damaged.kind === 'versi_baru') {
      throw new AppError('CONFLICT', `${damaged.message} Cadangan lama tidak dipulihkan agar tindakan yang lebih baru tidak hilang.`);
    }
    const file = this.fileOf(id);
    const backup = this.backups && (await this.backups.newestReadable(file));
    if (!this.backups || !backup) {
      throw new AppError('NOT_FOUND', 'Tidak ada cadangan siklus ini yang dapat dipakai. Hubungi admin TI untuk memeriksa folder data; jangan menghapus berkas apa pun.');
    }
    const keptAs = await this.backups.restore(file, backup, now);
    const read = parseEventLog(file, await fs.readFile(file));
    this.cycles.set(id, loaded(read.events, file));
    this.damagedById.delete(id);
    const state = this.cycles.get(id)!.state;
    return { cycleId: id, title: state.title, acts: read.events.length, backupAt: backup.createdAt, keptAs: keptAs && path.basename(keptAs) };
  }
}

function loaded(events: CycleEvent[], file: string): Loaded {
  const { order, state } = foldGraph(events);
  return {
    state,
    events: order,
    hashes: new Map(order.map((e) => [e.id, e.hash])),
    writer: new EventLogWriter(file),
    lock: Promise.resolve(),
    sinceBackup: null,
    revision: 0,
  };
}

/**
 * The merge of the given heads: every field follows from them (dag.ts `mergeActFields`), its
 * id is the SHA-256 of their sorted ids, so every laptop joining the same heads writes the
 * same line, and a receiver recomputes it instead of trusting it.
 */
export function mergeAct(cycleId: string, heads: readonly CycleEvent[], hashes: ReadonlyMap<string, string>): CycleEvent {
  const fields = mergeActFields(cycleId, heads);
  const base = { v: ACT_FORMAT, id: mergeActId(fields.parents), ...fields };
  return { ...base, hash: eventHash(fields.parents.map((p) => hashes.get(p)!), base), sig: null };
}

/**
 * What only the store can check of received acts: each belongs to this cycle, and a merge act
 * is exactly the one this laptop would write for its parents. A merge changed on the way (its
 * time, its actor) would be taken once and then never match the merge another laptop writes
 * for the same heads, and the two laptops could not exchange again.
 */
function checkReceived(cycleId: string, plan: Integration): Integration {
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

export function mergeActId(parents: readonly string[]): string {
  return `gabungan-${createHash('sha256').update([...parents].sort().join(',')).digest('hex')}`;
}

async function firstTitle(file: string): Promise<string | null> {
  try {
    const text = await fs.readFile(file, 'utf8');
    const body = (JSON.parse(text.slice(0, text.indexOf('\n') >>> 0)) as { body?: { type?: unknown; title?: unknown } }).body;
    return body?.type === 'cycle.created' && typeof body.title === 'string' ? body.title : null;
  } catch {
    return null;
  }
}

function titleOf(events: readonly CycleEvent[]): string | null {
  const first = events[0]?.body;
  return first?.type === 'cycle.created' ? first.title : null;
}

/** "2026-03-02T08:00:00.000Z" → "2026-03-02 08:00 UTC": file stamps, read by an admin. */
function formatStamp(iso: string): string {
  return iso.replace(/^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}).*$/, '$1 $2 UTC');
}
