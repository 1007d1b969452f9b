import { promises as fs } from 'node:fs';
import path from 'node:path';
import { readJsonFile, writeFileDurably, CorruptFileError } from './durable-file';

/**
 * Copies of data files, one folder per file: backups/<name>/<stamp>.json.
 * Taken on every open that finds the file changed since the last copy, and always
 * before a migration, so there is a last good copy to offer when a file breaks.
 */
export interface BackupInfo {
  file: string;
  name: string;
  createdAt: string;
  bytes: number;
  reason: string;
}

const KEEP = 15;

function stamp(d: Date): string {
  return d.toISOString().replace(/[:.]/g, '-');
}

export class Backups {
  constructor(readonly root: string) {}

  private dirFor(file: string) {
    return path.join(this.root, path.basename(file, '.json'));
  }

  async list(file: string): Promise<BackupInfo[]> {
    const dir = this.dirFor(file);
    let names: string[];
    try {
      names = await fs.readdir(dir);
    } catch {
      return [];
    }
    const infos: BackupInfo[] = [];
    for (const name of names.filter((n) => n.endsWith('.json'))) {
      const full = path.join(dir, name);
      const st = await fs.stat(full);
      const [, createdAt = '', reason = 'buka'] = /^(.*?)__(.*)\.json$/.exec(name) ?? [];
      infos.push({ file: full, name, createdAt: createdAt.replace(/^(\d{4}-\d{2}-\d{2}T\d{2})-(\d{2})-(\d{2})-(\d{3})Z$/, '$1:$2:$3.$4Z'), bytes: st.size, reason });
    }
    return infos.sort((a, b) => b.name.localeCompare(a.name));
  }

  /** Copies `file` if it exists and differs from the newest backup. Returns the copy, if made. */
  async take(file: string, reason: 'buka' | 'migrasi' | 'pulihkan', now: Date): Promise<string | null> {
    let bytes: Buffer;
    try {
      bytes = await fs.readFile(file);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw e;
    }
    const existing = await this.list(file);
    if (reason === 'buka' && existing[0]) {
      const last = await fs.readFile(existing[0].file).catch(() => null);
      if (last && last.equals(bytes)) return null;
    }
    const target = path.join(this.dirFor(file), `${stamp(now)}__${reason}.json`);
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
   */
  async restore(file: string, backup: BackupInfo, now: Date): Promise<string | null> {
    let keptAs: string | null = null;
    try {
      await fs.access(file);
      keptAs = path.join(path.dirname(file), `${path.basename(file, '.json')}.rusak-${stamp(now)}.json`);
      await fs.rename(file, keptAs);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    }
    await writeFileDurably(file, await fs.readFile(backup.file));
    return keptAs;
  }
}
