import { promises as fs } from 'node:fs';
import path from 'node:path';
import { readJsonFile, writeFileDurably, CorruptFileError } from './durable-file';
import { NewerFormatLogError, readEventLog } from './event-log';

/**
 * Copies of data files, one folder per file: backups/<name>/<seq>__<stamp>__<reason>.json.
 * Taken on every open that finds the file changed since the last copy, after every change
 * to accounts or settings (`ubah`), and always before a migration, so there is a last good
 * copy to offer when a file breaks.
 *
 * Order comes from the sequence number, not the time stamp: office PCs run with wrong
 * clocks (a dead CMOS battery, a clock fixed by hand), and a copy stamped in the "future"
 * must not pass for the newest one, nor make pruning delete the copies taken after it.
 */
export interface BackupInfo {
  file: string;
  name: string;
  createdAt: string;
  bytes: number;
  reason: string;
  seq: number;
}

const KEEP = 15;

export type BackupReason = 'buka' | 'ubah' | 'migrasi' | 'pulihkan' | 'berkala';

export function stamp(d: Date): string {
  return d.toISOString().replace(/[:.]/g, '-');
}

/** `000042__2026-03-02T08-00-00-000Z__buka.json`; names without a sequence (older copies) count as 0. */
const nameRe = (ext: string) => new RegExp(`^(?:(\\d{6,})__)?(.*?)__([^_]*)${ext.replace('.', '\\.')}$`);

export class Backups {
  private readonly NAME: RegExp;

  constructor(
    readonly root: string,
    /** The data file's extension; copies and rescued files keep it. */
    protected readonly ext = '.json',
    protected readonly keep = KEEP,
  ) {
    this.NAME = nameRe(ext);
  }

  protected dirFor(file: string) {
    return path.join(this.root, path.basename(file, this.ext));
  }

  /** Newest first. */
  async list(file: string): Promise<BackupInfo[]> {
    const dir = this.dirFor(file);
    let names: string[];
    try {
      names = await fs.readdir(dir);
    } catch {
      return [];
    }
    const infos: BackupInfo[] = [];
    for (const name of names.filter((n) => n.endsWith(this.ext) && !n.startsWith('.'))) {
      const full = path.join(dir, name);
      let size: number;
      try {
        size = (await fs.stat(full)).size;
      } catch {
        continue; // pruned meanwhile
      }
      const [, seq = '0', createdAt = '', reason = 'buka'] = this.NAME.exec(name) ?? [];
      infos.push({
        file: full,
        name,
        createdAt: createdAt.replace(/^(\d{4}-\d{2}-\d{2}T\d{2})-(\d{2})-(\d{2})-(\d{3})Z$/, '$1:$2:$3.$4Z'),
        bytes: size,
        reason,
        seq: Number(seq),
      });
    }
    return infos.sort((a, b) => b.seq - a.seq || b.name.localeCompare(a.name));
  }

  /** Copies `file` if it exists and differs from the newest backup. Returns the copy, if made. */
  async take(file: string, reason: BackupReason, now: Date): Promise<string | null> {
    let bytes: Buffer;
    try {
      bytes = await fs.readFile(file);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw e;
    }
    const existing = await this.list(file);
    if ((reason === 'buka' || reason === 'ubah' || reason === 'berkala') && existing[0]) {
      const last = await fs.readFile(existing[0].file).catch(() => null);
      if (last && last.equals(bytes)) return null;
    }
    const seq = String((existing[0]?.seq ?? 0) + 1).padStart(6, '0');
    const target = path.join(this.dirFor(file), `${seq}__${stamp(now)}__${reason}${this.ext}`);
    await writeFileDurably(target, bytes);
    await this.prune(file);
    return target;
  }

  private async prune(file: string) {
    const all = await this.list(file);
    await Promise.all(all.slice(this.keep).map((b) => fs.rm(b.file, { force: true })));
  }

  /** The newest backup that still parses. */
  async newestReadable(file: string): Promise<BackupInfo | null> {
    for (const b of await this.list(file)) {
      try {
        if ((await readJsonFile(b.file)) !== null) return b;
      } catch (e) {
        if (!(e instanceof CorruptFileError)) throw e;
      }
    }
    return null;
  }

  /**
   * Puts a backup in place of a broken file. The broken file is kept beside it
   * (`<name>.rusak-<stamp>.json`), never deleted: someone may still want to rescue it.
   * It is copied rather than moved away, so that a crash halfway never leaves the data
   * file missing: a missing app.json would look like a fresh install and start the wizard.
   */
  async restore(file: string, backup: BackupInfo, now: Date): Promise<string | null> {
    const replacement = await fs.readFile(backup.file);
    let keptAs: string | null = null;
    let broken: Buffer | null = null;
    try {
      broken = await fs.readFile(file);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    }
    if (broken) {
      const base = path.join(path.dirname(file), `${path.basename(file, this.ext)}.rusak-${stamp(now)}`);
      keptAs = `${base}${this.ext}`;
      // Two restores within one clock tick (or a clock set back) must not overwrite an earlier rescue copy.
      for (let n = 2; await exists(keptAs); n++) keptAs = `${base}-${n}${this.ext}`;
      await writeFileDurably(keptAs, broken);
    }
    await writeFileDurably(file, replacement);
    return keptAs;
  }
}

export async function exists(file: string): Promise<boolean> {
  try {
    await fs.access(file);
    return true;
  } catch {
    return false;
  }
}

/**
 * Copies of cycle logs: backups/siklus-<id>/<seq>__<stamp>__<reason>.jsonl. A log only grows,
 * so a copy is the whole history up to that moment, and a log that lost acts can be matched
 * against a copy that holds the same chain, longer.
 */
export class CycleLogBackups extends Backups {
  constructor(root: string) {
    super(root, '.jsonl', 10);
  }

  /** `cycles/<id>/events.jsonl` → `backups/siklus-<id>` (two levels deep, where stale temp files are swept). */
  protected override dirFor(file: string) {
    return path.join(this.root, `siklus-${path.basename(path.dirname(file))}`);
  }

  /** The newest copy whose chain verifies to its end: whole lines only, nothing from a newer format. */
  override async newestReadable(file: string): Promise<BackupInfo | null> {
    for (const b of await this.list(file)) {
      try {
        const r = await readEventLog(b.file);
        if (r.events.length && !r.tail && !r.missingNewline) return b;
      } catch (e) {
        if (!(e instanceof CorruptFileError || e instanceof NewerFormatLogError)) throw e;
      }
    }
    return null;
  }
}
