import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { CycleEvent } from '../domain/workflow';
import { CorruptFileError, writeFileDurably } from './durable-file';

/**
 * A cycle's acts as JSON lines, appended and fsynced one act at a time: saving an edit
 * costs the same whether the office has one cycle or fifty, and a crash can only ever
 * cut the last, never-acknowledged line.
 */

/**
 * The hash covers the act exactly as written: its JSON with the keys in this fixed order,
 * chained to the previous act's hash. Reading re-hashes the line's own text (everything
 * before `,"hash":`), so verifying a long log costs one SHA-256 per line and no re-encoding.
 */
export function eventBaseJson(e: Omit<CycleEvent, 'hash'>): string {
  return JSON.stringify({ id: e.id, cycleId: e.cycleId, prev: e.prev, installationId: e.installationId, at: e.at, actor: e.actor, body: e.body });
}

function hashText(prevHash: string | null, baseJson: string): string {
  return createHash('sha256').update(prevHash ?? '').update('\n').update(baseJson).digest('hex');
}

export function eventHash(prevHash: string | null, e: Omit<CycleEvent, 'hash'>): string {
  return hashText(prevHash, eventBaseJson(e));
}

/** The line as stored: the base JSON with the hash as its last key. */
export function eventLine(e: CycleEvent): string {
  const base = eventBaseJson(e);
  return `${base.slice(0, -1)},"hash":${JSON.stringify(e.hash)}}`;
}

export class TamperedLogError extends CorruptFileError {}

export interface LogReadResult {
  events: CycleEvent[];
  /** A torn final line from a process killed mid-append; it was never acknowledged. */
  truncatedTail: boolean;
}

export async function readEventLog(file: string): Promise<LogReadResult> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { events: [], truncatedTail: false };
    throw e;
  }
  const lines = text.split('\n');
  const endsClean = text.endsWith('\n') || text.length === 0;
  const events: CycleEvent[] = [];
  let truncatedTail = false;
  let prevHash: string | null = null;
  let prevId: string | null = null;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line === '') continue;
    const isLast = i === lines.length - 1;
    let e: CycleEvent;
    try {
      e = JSON.parse(line) as CycleEvent;
    } catch {
      if (isLast && !endsClean) {
        truncatedTail = true;
        break;
      }
      throw new CorruptFileError(file, `baris ${i + 1} tidak terbaca`);
    }
    const cut = line.lastIndexOf(',"hash":"');
    const baseJson = cut > 0 ? `${line.slice(0, cut)}}` : '';
    if (e.prev !== prevId || hashText(prevHash, baseJson) !== e.hash) {
      throw new TamperedLogError(file, `rantai riwayat putus pada baris ${i + 1}: riwayat diubah di luar aplikasi`);
    }
    events.push(e);
    prevHash = e.hash;
    prevId = e.id;
  }
  return { events, truncatedTail };
}

/** Cuts a torn tail so the next append starts on a clean line. */
export async function repairTail(file: string, events: CycleEvent[]): Promise<void> {
  const text = events.map(eventLine).join('\n') + (events.length ? '\n' : '');
  await writeFileDurably(file, text);
}

export class EventLogWriter {
  private queue: Promise<void> = Promise.resolve();

  constructor(readonly file: string) {}

  /** Resolves once the lines are on disk (fsync); appends run one at a time. */
  append(events: CycleEvent[]): Promise<void> {
    const text = events.map((e) => eventLine(e) + '\n').join('');
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
