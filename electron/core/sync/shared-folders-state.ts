import { z } from 'zod';
import { INBOX_RESULTS } from '../domain/sync/shared-folders';
import { readMachineState } from '../store/machine-state-file';
import { writeFileDurably } from '../store/durable-file';

/**
 * `folder-bersama.json`, in the data folder but outside every backup and untouched by a
 * restore (backup/data-folder.ts), like cadangan-otomatis.json: an outbox on `E:\` or a
 * Syncthing folder under this user's home means nothing on another PC, so a restored backup
 * must not bring one. It holds
 *   - the outbox, the inbox and "terapkan otomatis";
 *   - the files of the inbox this laptop has handled (name, size, mtime, SHA-256, what became
 *     of it), so a file is read and previewed once, not at every poll and not after a restart;
 *   - the packages written to the outbox, and the last failure to write one.
 *
 * Losing it costs little: the paths, and the memory of handled files — the packages in the
 * inbox are then looked at once more, and those already received are recognised by their
 * package id in sync.json and applied nowhere twice. So a file that does not parse is set
 * aside and a fresh one begun.
 */

const fileRecordSchema = z.object({
  name: z.string(),
  size: z.number().int().min(0),
  mtimeMs: z.number(),
  sha256: z.string(),
  packageId: z.string().nullable(),
  seq: z.number().int().nullable(),
  sender: z.object({ installationId: z.string(), name: z.string() }).nullable(),
  createdAt: z.string().nullable(),
  result: z.enum(INBOX_RESULTS),
  /** What the screens say about it, in Indonesian. */
  message: z.string(),
  reason: z.enum(['perangkat-baru', 'otomatis-mati']).nullable().default(null),
  cycles: z.array(z.string()).default([]),
  at: z.string(),
  /**
   * The situation a wait or a refusal was decided in (trust, app version, automatic apply):
   * when it changes — the administrator trusts the sender in Pengaturan, the app is updated —
   * the file is looked at again.
   */
  situation: z.string().nullable().default(null),
});
export type InboxFileRecord = z.infer<typeof fileRecordSchema>;

const stateSchema = z.object({
  outbox: z.string().nullable().default(null),
  inbox: z.string().nullable().default(null),
  autoApply: z.boolean().default(true),
  /** The inbox `files` were found in: another inbox starts afresh. */
  filesOf: z.string().nullable().default(null),
  files: z.array(fileRecordSchema).default([]),
  sent: z.array(z.object({ packageId: z.string(), seq: z.number().int(), file: z.string(), at: z.string() })).default([]),
  outboxError: z.object({ at: z.string(), message: z.string() }).nullable().default(null),
});
export type SharedFoldersData = z.infer<typeof stateSchema>;

/** Outbox writes remembered for Riwayat paket; older ones are still in the audit log. */
export const SENT_KEPT = 200;

/** What the watcher knows only while the app runs. */
export interface SharedFoldersLive {
  lastPollAt: string | null;
  inboxError: string | null;
  copying: number;
}

export class SharedFoldersState {
  private queue: Promise<void> = Promise.resolve();
  private listeners = new Set<() => void>();
  readonly live: SharedFoldersLive = { lastPollAt: null, inboxError: null, copying: 0 };

  private constructor(
    readonly file: string,
    private current: SharedFoldersData,
  ) {}

  static async open(file: string, now: Date, log?: (m: string) => void): Promise<SharedFoldersState> {
    return new SharedFoldersState(file, await readMachineState(file, stateSchema, 'Pengaturan folder bersama', now, log));
  }

  get data(): Readonly<SharedFoldersData> {
    return this.current;
  }

  /** Told when the folders or "terapkan otomatis" change (the watcher looks at a new inbox at once). */
  onChange(f: () => void): () => void {
    this.listeners.add(f);
    return () => this.listeners.delete(f);
  }

  /** One write at a time; the file holds either the old or the new state. */
  update(f: (d: SharedFoldersData) => SharedFoldersData): Promise<void> {
    const run = this.queue.then(async () => {
      const before = this.current;
      const next = stateSchema.parse(f(structuredClone(before)));
      await writeFileDurably(this.file, JSON.stringify(next));
      this.current = next;
      if (before.inbox !== next.inbox || before.outbox !== next.outbox || before.autoApply !== next.autoApply) for (const l of this.listeners) l();
    });
    this.queue = run.catch(() => undefined);
    return run;
  }
}
