import { promises as fs } from 'node:fs';
import path from 'node:path';
import { BACKUP_PATH_MAX_DEPTH, packagePathKey, packagePathProblem } from '../domain/sync/package-path';
import { BACKUP_MANIFEST } from './backup-file';

/**
 * What of the data folder a backup holds, and what a restore replaces. Everything, except:
 *
 * - `ppid-desk.lock`: which process holds the folder now; restored elsewhere it would lock
 *   the folder for a process that does not exist there.
 * - `backups/`: the app's own copies of the same files (up to 15 of each). They would multiply
 *   the backup's size for nothing, and worse, after a restore they would undo it: the copies
 *   of a cycle log hold acts newer than the restored log, and the cut-log check on open puts a
 *   longer copy back (store/cycle-repository.ts). A restore moves the current `backups/` aside
 *   with everything else; the restored data starts its copies afresh.
 * - the restore's own folders and journal (`pemulihan-*`, `.pemulihan-baru-*`,
 *   `pemulihan.json`): they are about this laptop's restores, not the office's data.
 * - `identitas-lama.json`: written by a restore into the data it puts in place, read and
 *   removed on the next open, which gives the laptop a new identity (services/backup.ts
 *   `renewIdentity`). It belongs to that one restore, never to a backup.
 * - `cadangan-otomatis.json`: this laptop's automatic-backup folder, its history and the
 *   highest letter and package numbers it issued. It describes the machine, and it must
 *   survive a restore: it is how numbers issued after the backup stay used (app-core.ts).
 * - `folder-bersama.json`: this laptop's shared folders (their paths mean nothing on another
 *   PC) and the files it handled there (sync/shared-folders-state.ts).
 * - `rahasia-relay.json`: the relay password where no operating-system keyring encrypts it
 *   (the loopback host, relay/secret-file.ts). A backup is a file people copy around; a
 *   password in clear must not travel with it, and a restored laptop asks for it again.
 * - temp files of an unfinished write (`.name.pid.hex.tmp`, `name.tmp-…`): half-written, and
 *   removed on the next open anyway (store/durable-file.ts).
 *
 * Kept in: app.json, settings.json, trust.json, device-key.pem (restored, they are this
 * laptop's identity of the moment of the backup, which the first open retires for a new one),
 * sync.json, audit.jsonl, login-throttle.json,
 * cycles/, files/, assets/, sync/masuk/ (a receive cut short is finished on open), utama/ (a
 * PPID Utama's register and each OPD's acts, five levels deep), and the side files of damaged
 * or cut logs.
 */
export const LOCK_FILE = 'ppid-desk.lock';
export const BACKUPS_DIR = 'backups';
export const AUTO_STATE_FILE = 'cadangan-otomatis.json';
export const SHARED_FOLDERS_FILE = 'folder-bersama.json';
export const RESTORE_JOURNAL = 'pemulihan.json';
export const STAGING_PREFIX = '.pemulihan-baru-';
export const SAFETY_PREFIX = 'pemulihan-';
export const IDENTITY_MARKER = 'identitas-lama.json';
/** relay/secret-file.ts SECRET_FILE (named here so backup code needs no relay import). */
export const RELAY_SECRET_FILE = 'rahasia-relay.json';

const TEMP = [/^\..+\.\d+\.[0-9a-f]{12}\.tmp$/, /^.+\.tmp-\d{10}[0-9a-f]{6}$/];

/** Top-level names that belong to this laptop or to the restore machinery: never backed up, never moved by a restore. */
export function isMachineEntry(name: string): boolean {
  return (
    name === LOCK_FILE ||
    name === AUTO_STATE_FILE ||
    name === SHARED_FOLDERS_FILE ||
    name === RESTORE_JOURNAL ||
    name === IDENTITY_MARKER ||
    name === RELAY_SECRET_FILE ||
    name.startsWith(STAGING_PREFIX) ||
    (name.startsWith(SAFETY_PREFIX) && name !== RESTORE_JOURNAL) ||
    packagePathKey(name) === BACKUP_MANIFEST
  );
}

export interface DataFile {
  /** Relative, forward slashes: the name inside the backup. */
  path: string;
  abs: string;
}

export interface DataFolderListing {
  files: DataFile[];
  /** Files that cannot travel in a backup (a name the path rules refuse, put there by hand), named for the administrator. */
  skipped: string[];
}

/** The files a backup of `root` holds, sorted by path. */
export async function listDataFiles(root: string): Promise<DataFolderListing> {
  const files: DataFile[] = [];
  const skipped: string[] = [];
  const walk = async (dir: string, rel: string, top: boolean): Promise<void> => {
    let entries;
    try {
      entries = await fs.readdir(dir, { withFileTypes: true });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw e;
    }
    for (const e of entries) {
      if (top && (isMachineEntry(e.name) || e.name === BACKUPS_DIR)) continue;
      if (TEMP.some((re) => re.test(e.name))) continue;
      const relPath = rel ? `${rel}/${e.name}` : e.name;
      const abs = path.join(dir, e.name);
      if (e.isDirectory()) await walk(abs, relPath, false);
      else if (e.isFile()) {
        if (packagePathProblem(relPath, BACKUP_PATH_MAX_DEPTH)) skipped.push(relPath);
        else files.push({ path: relPath, abs });
      }
      // Symbolic links and the like: the app never makes them; following one could back up another folder.
      else skipped.push(relPath);
    }
  };
  await walk(root, '', true);
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { files, skipped: skipped.sort() };
}

/** The top-level names a restore moves aside: everything but the machine's own entries (backups/ included, see above). */
export async function dataEntries(root: string): Promise<string[]> {
  const names = await fs.readdir(root);
  return names.filter((n) => !isMachineEntry(n) && !TEMP.some((re) => re.test(n))).sort();
}
