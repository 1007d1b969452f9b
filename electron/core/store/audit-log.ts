import { promises as fs } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { ROLES } from '../domain/roles';
import { CorruptFileError } from './durable-file';
import { EventLogWriter, hashText, readChainedLog, type LineReader } from './event-log';
import { writeFileDurably } from './durable-file';

/**
 * The app's own history (setup, settings, accounts) as a log beside the cycles' logs:
 * `audit.jsonl`, one act a line, appended and fsynced, never rewritten. Saving an account
 * change therefore writes one line plus a small app.json, whatever the office's history.
 *
 * A line has exactly the shape and hash chain of a cycle's act (store/event-log.ts), with
 * `cycleId` "app" and the entry in `body`: one reader verifies both kinds of log, one writer
 * appends them, and a torn tail or an edited line is recognised the same way.
 */
export const auditEntrySchema = z.object({
  id: z.string(),
  at: z.string(),
  actor: z.object({ userId: z.string(), username: z.string(), role: z.enum(ROLES) }).nullable(),
  action: z.string(),
  summary: z.string(),
  changes: z.array(z.object({ field: z.string(), from: z.unknown(), to: z.unknown() })).default([]),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

const APP_SCOPE = 'app';

interface AppLogLine {
  id: string;
  cycleId: typeof APP_SCOPE;
  prev: string | null;
  installationId: string;
  at: string;
  actor: AuditEntry['actor'];
  body: Pick<AuditEntry, 'action' | 'summary' | 'changes'>;
  hash: string;
}

/** The keys in their fixed order, hashed as written (the same rule as a format-3 cycle act). */
function appLineBase(l: Omit<AppLogLine, 'hash'>): string {
  return JSON.stringify({ id: l.id, cycleId: l.cycleId, prev: l.prev, installationId: l.installationId, at: l.at, actor: l.actor, body: l.body });
}

const ROLE_SET = new Set<string>(ROLES);

const readAppLine: LineReader<{ entry: AuditEntry; hash: string }> = (raw) => {
  try {
    return { ok: true, value: { entry: entryOf(raw), hash: (raw as AppLogLine).hash } };
  } catch (e) {
    return { ok: false, future: false, message: e instanceof Error ? e.message : 'bukan entri riwayat aplikasi' };
  }
};
const isStr = (v: unknown): v is string => typeof v === 'string';

/** Checked by hand rather than with zod: an office opens ten thousand of these at every start. */
function entryOf(raw: unknown): AuditEntry {
  const line = raw as AppLogLine;
  const { actor, body } = line;
  const actorOk = actor === null || (typeof actor === 'object' && isStr(actor.userId) && isStr(actor.username) && ROLE_SET.has(actor.role));
  const bodyOk =
    typeof body === 'object' &&
    body !== null &&
    isStr(body.action) &&
    isStr(body.summary) &&
    Array.isArray(body.changes) &&
    body.changes.every((c) => typeof c === 'object' && c !== null && isStr(c.field));
  if (line.cycleId !== APP_SCOPE || !isStr(line.at) || !actorOk || !bodyOk) {
    throw new CorruptFileError('audit.jsonl', `baris ${line.id ?? '?'} bukan entri riwayat aplikasi`);
  }
  return { id: line.id, at: line.at, actor, action: body.action, summary: body.summary, changes: body.changes };
}

export class AuditLog {
  private queue: Promise<void> = Promise.resolve();
  private lastHash: string | null;

  private constructor(
    readonly file: string,
    private readonly installationId: string,
    private readonly writer: EventLogWriter,
    readonly entries: AuditEntry[],
    lastHash: string | null,
    /** Where a log that failed its check was put aside (kept, never deleted), if one was. */
    readonly setAside: string | null,
  ) {
    this.lastHash = lastHash;
  }

  /**
   * Reads and verifies the whole chain. A torn last line (killed mid-append, never
   * acknowledged) is cut. A log that fails its check is renamed aside and a new one begun,
   * so that a damaged history never stops the office from changing an account.
   */
  static async open(file: string, installationId: string, now: Date): Promise<AuditLog> {
    let setAside: string | null = null;
    let entries: AuditEntry[] = [];
    let lastHash: string | null = null;
    try {
      const read = await readChainedLog(file, readAppLine);
      entries = read.records.map((r) => r.entry);
      lastHash = read.records[read.records.length - 1]?.hash ?? null;
      if (read.tail || read.missingNewline) {
        // A torn tail (killed mid-append, never acknowledged) is kept beside the log, not
        // deleted; a whole last line missing only its newline gets one, so the next append
        // cannot run on into it.
        const bytes = await fs.readFile(file);
        if (read.tail) await writeFileDurably(`${file}.sisa-${now.toISOString().replace(/[:.]/g, '-')}`, read.tail);
        const clean = bytes.subarray(0, read.cleanLength);
        await writeFileDurably(file, read.missingNewline ? Buffer.concat([clean, Buffer.from('\n')]) : clean);
      }
    } catch (e) {
      if (!(e instanceof CorruptFileError)) throw e;
      setAside = path.join(path.dirname(file), `audit.rusak-${now.toISOString().replace(/[:.]/g, '-')}.jsonl`);
      await fs.rename(file, setAside);
      entries = [];
      lastHash = null;
    }
    return new AuditLog(file, installationId, new EventLogWriter(file), entries, lastHash, setAside);
  }

  /** Appends in call order; resolves once the entries are on disk. */
  append(...entries: AuditEntry[]): Promise<void> {
    const run = this.queue.then(async () => {
      if (!entries.length) return;
      let prev = this.entries[this.entries.length - 1]?.id ?? null;
      let prevHash = this.lastHash;
      const lines = entries.map((entry) => {
        const { id, at, actor, action, summary, changes } = entry;
        const base = appLineBase({ id, cycleId: APP_SCOPE, prev, installationId: this.installationId, at, actor, body: { action, summary, changes } });
        const hash = hashText(prevHash, base);
        prev = id;
        prevHash = hash;
        return `${base.slice(0, -1)},"hash":${JSON.stringify(hash)}}`;
      });
      await this.writer.appendLines(lines);
      this.entries.push(...entries);
      this.lastHash = prevHash;
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Newest first. */
  latest(limit: number): AuditEntry[] {
    return this.entries.slice(-limit).reverse();
  }
}

/**
 * Moves entries kept in app.json before v3 into the log. Entries already there (a move that
 * ran before the process died, or an old app.json restored from a backup) are not added twice.
 */
export async function importAuditEntries(file: string, installationId: string, raw: unknown[], now: Date): Promise<void> {
  const log = await AuditLog.open(file, installationId, now);
  const known = new Set(log.entries.map((e) => e.id));
  const missing = raw.map((r) => auditEntrySchema.safeParse(r)).flatMap((p) => (p.success && !known.has(p.data.id) ? [p.data] : []));
  await log.append(...missing);
}
