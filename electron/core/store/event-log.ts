import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { isNewerFormat, NEWER_FORMAT_MESSAGE, readAct, type CycleEvent } from '../domain/workflow';
import { CorruptFileError } from './durable-file';

/**
 * A cycle's acts as JSON lines, appended and fsynced one act at a time: saving an edit
 * costs the same whether the office has one cycle or fifty, and a crash can only ever
 * cut the last, never-acknowledged line.
 */

/**
 * The hash covers the act exactly as written: its JSON with the keys in this fixed order,
 * chained to the previous act's hash. Reading re-hashes the line's own text (everything
 * before `,"hash":`), so verifying a long log costs one SHA-256 per line and no re-encoding,
 * and a line written by an older format (no `v`) keeps verifying as written: upcasting
 * happens only after its hash checked out.
 */
export function eventBaseJson(e: Omit<CycleEvent, 'hash' | 'sig'>): string {
  return JSON.stringify({ v: e.v, id: e.id, cycleId: e.cycleId, parents: e.parents, installationId: e.installationId, at: e.at, actor: e.actor, body: e.body });
}

/**
 * `parentHashes` joined by commas: one parent chains exactly as format 1–3 did
 * (`prevHash + "\n" + text`), so their lines keep verifying; a merge's parents are hashed
 * in the order the act lists them.
 */
export function hashText(parentHashes: string | null, baseJson: string): string {
  return createHash('sha256').update(parentHashes ?? '').update('\n').update(baseJson).digest('hex');
}

export function eventHash(parentHashes: readonly string[], e: Omit<CycleEvent, 'hash' | 'sig'>): string {
  return hashText(parentHashes.join(','), eventBaseJson(e));
}

/** The line as stored: the base JSON, then the hash, then the signature (which signs the hash). */
export function eventLine(e: CycleEvent): string {
  const base = eventBaseJson(e);
  return `${base.slice(0, -1)},"hash":${JSON.stringify(e.hash)},"sig":${JSON.stringify(e.sig)}}`;
}

export class TamperedLogError extends CorruptFileError {}

const brokenChain = (file: string, lineNo: number) => new TamperedLogError(file, `rantai riwayat putus pada baris ${lineNo}: riwayat diubah di luar aplikasi`);

/** A line written by a newer app: the cycle is refused as a whole, never half-read. */
export class NewerFormatLogError extends Error {
  constructor(readonly file: string) {
    super(NEWER_FORMAT_MESSAGE);
    this.name = 'NewerFormatLogError';
  }
}

export interface LogReadResult {
  events: CycleEvent[];
  /** Bytes at the start of the file that hold complete, verified acts. */
  cleanLength: number;
  /**
   * What follows the last complete line and is not one: a process killed mid-append (never
   * acknowledged) or a file cut short by something else. Bytes as found, to be set aside.
   */
  tail: Buffer | null;
  /** The last act is complete but its line end is missing: the next append must not join it. */
  missingNewline: boolean;
}

/**
 * Reads and verifies a cycle log. Every line is checked in this order: it parses; it is not
 * from a newer format (whose rules this version cannot know); its hash and `prev` continue
 * the chain, on the text as written; then it is upcast and validated (act-schema.ts).
 */
export async function readEventLog(file: string): Promise<LogReadResult> {
  let bytes: Buffer;
  try {
    bytes = await fs.readFile(file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { events: [], cleanLength: 0, tail: null, missingNewline: false };
    throw e;
  }
  return parseEventLog(file, bytes);
}

/** How one kind of chained log turns a verified line into its record. */
export type LineReader<T> = (raw: unknown) => { ok: true; value: T } | { ok: false; future: boolean; message: string };

export interface ChainReadResult<T> extends Omit<LogReadResult, 'events'> {
  records: T[];
  /** Each record's line as written (when asked for): a received act is stored with exactly the text its hash covers. */
  lines?: string[];
}

export interface ChainOptions<T = unknown> {
  /**
   * Cycle logs are graphs (act format 4): a line names the acts it follows (`parents`, or
   * `prev` before format 4), each must come earlier in the file, and its hash covers theirs.
   * The app's history stays a line: `prev` must be the line before.
   */
  graph?: boolean;
  keepLines?: boolean;
  /**
   * A record already held for a line whose chain verified (same id, same hash: the same
   * hashed text) and whose hash and signature are the held record's: readLine would make
   * the very record again, so it is not asked.
   */
  held?: (id: string, hash: string, sig: unknown) => T | undefined;
}

/**
 * What may follow the hashed text of a line: its hash, then (act format 4) its signature, and
 * nothing else. A key added after them is outside the hash yet, repeated, would replace the
 * signed one when the line is parsed: the act read would not be the act signed.
 */
const LINE_END = /^,"hash":"[^"\\]*"(?:,"sig":(?:null|"[^"\\]*"))?\}$/;

/**
 * The hash-chained JSON-lines format shared by the cycle logs and the app's own history:
 * every line parses, is not from a newer format, continues the chain on its text as written
 * (`prev`/`parents` and `hash`), and only then is handed to `readLine` to be upcast and validated.
 */
export function parseChainedLog<T>(file: string, bytes: Buffer, readLine: LineReader<T>, opts: ChainOptions<T> = {}): ChainReadResult<T> {
  const records: T[] = [];
  const lines: string[] | undefined = opts.keepLines ? [] : undefined;
  const hashes = new Map<string, string>();
  let prevHash: string | null = null;
  let prevId: string | null = null;
  let offset = 0;
  let lineNo = 0;
  const done = (cleanLength: number, tail: Buffer | null, missingNewline: boolean) => ({ records, lines, cleanLength, tail, missingNewline });
  while (offset < bytes.length) {
    lineNo += 1;
    const nl = bytes.indexOf(0x0a, offset);
    const end = nl < 0 ? bytes.length : nl;
    const line = bytes.toString('utf8', offset, end);
    const isLast = nl < 0;
    if (line === '') {
      offset = end + 1;
      continue;
    }
    let raw: unknown;
    try {
      raw = JSON.parse(line);
    } catch {
      if (isLast) return done(offset, bytes.subarray(offset), false);
      throw new CorruptFileError(file, `baris ${lineNo} tidak terbaca`);
    }
    if (isNewerFormat(raw)) throw new NewerFormatLogError(file);
    const cut = line.lastIndexOf(',"hash":"');
    const baseJson = cut > 0 ? `${line.slice(0, cut)}}` : '';
    const r = (raw ?? {}) as { id?: unknown; prev?: unknown; parents?: unknown; hash?: unknown };
    if (typeof r.hash !== 'string' || typeof r.id !== 'string' || !LINE_END.test(line.slice(cut))) throw brokenChain(file, lineNo);
    let parentHashes: string | null;
    if (opts.graph) {
      const parents = r.parents !== undefined ? r.parents : r.prev === null ? [] : [r.prev];
      if (!Array.isArray(parents) || hashes.has(r.id)) throw brokenChain(file, lineNo);
      const known = parents.map((p) => (typeof p === 'string' ? hashes.get(p) : undefined));
      if (known.some((h) => h === undefined)) throw brokenChain(file, lineNo);
      parentHashes = known.join(',');
    } else {
      if (r.prev !== prevId) throw brokenChain(file, lineNo);
      parentHashes = prevHash;
    }
    if (hashText(parentHashes, baseJson) !== r.hash) throw brokenChain(file, lineNo);
    const known = opts.held?.(r.id, r.hash, (raw as { sig?: unknown }).sig);
    if (known !== undefined) records.push(known);
    else {
      const read = readLine(raw);
      if (!read.ok) {
        if (read.future) throw new NewerFormatLogError(file);
        throw new CorruptFileError(file, `baris ${lineNo}: ${read.message}`);
      }
      records.push(read.value);
    }
    lines?.push(line);
    hashes.set(r.id, r.hash);
    prevHash = r.hash;
    prevId = r.id;
    offset = end + 1;
    if (isLast) return done(bytes.length, null, true);
  }
  return done(bytes.length, null, false);
}

const readCycleLine: LineReader<CycleEvent> = (raw) => {
  const act = readAct(raw);
  return act.ok ? { ok: true, value: act.act } : { ok: false, future: act.reason === 'future', message: act.message };
};

/**
 * `held`: acts this laptop already holds, by id (a package carries a cycle's whole history).
 * A line of one of them, same hash and signature, is that act: its text was validated when
 * the act was first read or made here, and only the new acts cost a validation.
 */
export function parseEventLog(file: string, bytes: Buffer, keepLines = false, held?: ReadonlyMap<string, CycleEvent>): LogReadResult & { lines?: string[] } {
  const reuse = held?.size
    ? (id: string, hash: string, sig: unknown) => {
        const e = held.get(id);
        return e && e.hash === hash && e.sig === sig ? e : undefined;
      }
    : undefined;
  const { records, ...rest } = parseChainedLog(file, bytes, readCycleLine, { graph: true, keepLines, held: reuse });
  return { events: records, ...rest };
}

/** Reads a chained log of any kind; a missing file is an empty log. */
export async function readChainedLog<T>(file: string, readLine: LineReader<T>, opts: ChainOptions<T> = {}): Promise<ChainReadResult<T>> {
  let bytes: Buffer;
  try {
    bytes = await fs.readFile(file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { records: [], cleanLength: 0, tail: null, missingNewline: false };
    throw e;
  }
  return parseChainedLog(file, bytes, readLine, opts);
}

export class EventLogWriter {
  private queue: Promise<void> = Promise.resolve();

  constructor(readonly file: string) {}

  /** Resolves once the lines are on disk (fsync); appends run one at a time. */
  append(events: CycleEvent[]): Promise<void> {
    return this.appendLines(events.map(eventLine));
  }

  /** Lines as they are to be stored (a received act keeps the exact text its hash covers). */
  appendLines(lines: readonly string[]): Promise<void> {
    const text = lines.map((l) => l + '\n').join('');
    const run = this.queue.then(async () => {
      await fs.mkdir(path.dirname(this.file), { recursive: true });
      const created = await fs
        .access(this.file)
        .then(() => false)
        .catch(() => true);
      const handle = await fs.open(this.file, 'a', 0o600);
      try {
        await handle.writeFile(text);
        await handle.sync();
      } finally {
        await handle.close();
      }
      if (created && process.platform !== 'win32') {
        // A new file's name lives in the directory: sync it too, once.
        const dir = await fs.open(path.dirname(this.file), 'r');
        try {
          await dir.sync();
        } finally {
          await dir.close();
        }
      }
    });
    this.queue = run.catch(() => undefined);
    return run;
  }
}
