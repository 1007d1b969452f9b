import { z } from 'zod';
import { DEFAULT_AUTO_KEEP, MAX_AUTO_KEEP } from '../domain/backup';
import { readMachineState } from '../store/machine-state-file';
import { writeFileDurably } from '../store/durable-file';

/**
 * `cadangan-otomatis.json`, in the data folder but outside every backup and untouched by a
 * restore (backup/data-folder.ts): what belongs to this laptop rather than to the office's
 * data —
 *   - the folder for automatic backups (a flash drive's path means nothing on another PC)
 *     and how many to keep there, the files this laptop wrote there, the last failure;
 *   - the last backups made (by hand, automatic, before a restore) and the last restore;
 *   - high-water marks: the highest Nota Dinas number issued per office and year, and per
 *     installation the highest package number sent and the last number given to each
 *     recipient. They are taken before every backup and restore and raised into app.json and
 *     sync.json on every open, so data restored from an older backup never issues a letter
 *     number or a package number a second time. (A restore also gives the laptop a new
 *     installation id, services/backup.ts `renewIdentity`; the new id takes over the marks of
 *     the ones it replaces, so its packages go on numbering where they left off.)
 *
 * Losing it costs little: the folder setting and the history. So a file that does not parse
 * is set aside (`cadangan-otomatis.rusak-<time>.json`) and a fresh one begun; the marks then
 * come again from the data itself at the next backup or restore.
 */

const recordSchema = z.object({
  at: z.string(),
  kind: z.enum(['manual', 'otomatis']),
  fileName: z.string(),
  savedTo: z.string().nullable(),
  bytes: z.number().int().min(0),
});

const stateSchema = z.object({
  folder: z.string().nullable().default(null),
  keep: z.number().int().min(1).max(MAX_AUTO_KEEP).default(DEFAULT_AUTO_KEEP),
  last: recordSchema.nullable().default(null),
  lastAuto: recordSchema.nullable().default(null),
  /** Automatic backups this laptop wrote into `folder`, oldest first: only these are ever pruned. */
  autoFiles: z.array(z.object({ file: z.string(), at: z.string() })).default([]),
  lastError: z.object({ at: z.string(), message: z.string() }).nullable().default(null),
  lastRestore: z
    .object({
      at: z.string(),
      fileName: z.string(),
      backupCreatedAt: z.string(),
      safetyFolder: z.string(),
      safetyFile: z.string().nullable(),
      by: z.string(),
    })
    .nullable()
    .default(null),
  floors: z
    .object({
      /** officeId → `notaDinas:<year>` → highest running number issued. */
      notaDinas: z.record(z.string(), z.record(z.string(), z.number().int().min(0))).default({}),
      /** installationId → highest package number it sent. */
      packageSeq: z.record(z.string(), z.number().int().min(0)).default({}),
      /** installationId → recipient (a role, or `semua`) → how many packages it addressed to it (sync.json `sentTo`). */
      sentTo: z.record(z.string(), z.record(z.string(), z.number().int().min(0))).default({}),
    })
    .default({ notaDinas: {}, packageSeq: {}, sentTo: {} }),
});
export type AutoBackupData = z.infer<typeof stateSchema>;
export type BackupRecord = z.infer<typeof recordSchema>;

export class AutoBackupState {
  private queue: Promise<void> = Promise.resolve();

  private constructor(
    readonly file: string,
    private current: AutoBackupData,
  ) {}

  static async open(file: string, now: Date, log?: (m: string) => void): Promise<AutoBackupState> {
    return new AutoBackupState(file, await readMachineState(file, stateSchema, 'Pengaturan cadangan otomatis', now, log));
  }

  get data(): Readonly<AutoBackupData> {
    return this.current;
  }

  /** One write at a time; the file holds either the old or the new state. */
  update(f: (d: AutoBackupData) => AutoBackupData): Promise<void> {
    const run = this.queue.then(async () => {
      const next = stateSchema.parse(f(structuredClone(this.current)));
      await writeFileDurably(this.file, JSON.stringify(next));
      this.current = next;
    });
    this.queue = run.catch(() => undefined);
    return run;
  }
}

/** Raises `into` to at least every number in `from`. */
export function maxMerge(into: Record<string, number>, from: Record<string, number>): Record<string, number> {
  const out = { ...into };
  for (const [k, v] of Object.entries(from)) if ((out[k] ?? -1) < v) out[k] = v;
  return out;
}
