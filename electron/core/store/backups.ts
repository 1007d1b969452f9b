import { promises as fs } from 'node:fs';
import path from 'node:path';
import { readJsonFile, writeFileDurably, CorruptFileError } from './durable-file';

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

function stamp(d: Date): string {
  return d.toISOString().replace(/[:.]/g, '-');
}

/** `000042__2026-03-02T08-00-00-000Z__buka.json`; names without a sequence (older copies) count as 0. */
const NAME = /^(?:(\d{6,})__)?(.*?)__([^_]*)\.json$/;

export class Backups {
  constructor(readonly root: string) {}

  private dirFor(file: string) {
    return path.join(this.root, path.basename(file, '.json'));
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
    for (const name of names.filter((n) => n.endsWith('.json') && !n.startsWith('.'))) {
      const full = path.join(dir, name);
      let size: number;
      try {
        size = (await fs.stat(full)).size;
      } catch {
        continue; // pruned meanwhile
      }
      const [, seq = '0', createdAt = '', reason = 'buka'] = NAME.exec(name) ?? [];
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
  async take(file: string, reason: 'buka' | 'ubah' | 'migrasi' | 'pulihkan', now: Date): Promise<string | null> {
    let bytes: Buffer;
    try {
      bytes = await fs.readFile(file);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw e;
    }
    const existing = await this.list(file);
    if ((reason === 'buka' || reason === 'ubah') && existing[0]) {
      const last = await fs.readFile(existing[0].file).catch(() => null);
      if (last && last.equals(bytes)) return null;
    }
    const seq = String((existing[0]?.seq ?? 0) + 1).padStart(6, '0');
    const target = path.join(this.dirFor(file), `${seq}__${stamp(now)}__${reason}.json`);
    await writeFileDurably(target, bytes);
    await this.prune(file);
    return target;
  }

  private async prune(file: string) {
    const all = await this.list(file);
    await Promise.all(all.slice(KEEP).map((b) => fs.rm(b.file, { force: true })));
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
      const base = path.join(path.dirname(file), `${path.basename(file, '.json')}.rusak-${stamp(now)}`);
      keptAs = `${base}.json`;
      // Two restores within one clock tick (or a clock set back) must not overwrite an earlier rescue copy.
      for (let n = 2; await exists(keptAs); n++) keptAs = `${base}-${n}.json`;
      await writeFileDurably(keptAs, broken);
    }
    await writeFileDurably(file, replacement);
    return keptAs;
  }
}

async function exists(file: string): Promise<boolean> {
  try {
    await fs.access(file);
    return true;
  } catch {
    return false;
  }
}
