import { createHash, randomBytes } from 'node:crypto';
import { promises as fs, constants as fsConstants } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { writeFileDurably } from '../store/durable-file';
import type { OpenedBackup } from './backup-file';
import { BACKUPS_DIR, dataEntries, isMachineEntry, RESTORE_JOURNAL, SAFETY_PREFIX, STAGING_PREFIX } from './data-folder';

/**
 * Puts a backup's files in place of the data folder's, all or nothing, surviving a kill or a
 * power cut at any moment. The data folder itself is never renamed (it holds the lock file,
 * and on Windows a folder in use cannot be), so its content is swapped, entry by entry,
 * inside it — one file system, so every move is a rename:
 *
 *   1. stage    the backup's files are written to `.pemulihan-baru-<id>/` (each fsynced),
 *               then read back and checked against the manifest's SHA-256. A crash here
 *               leaves the old content untouched; the half-written staging folder is
 *               removed on the next open.
 *   2. commit   `pemulihan.json` (the journal: which staging folder, which safety folder,
 *               which top-level names come in) is written durably. This is the moment the
 *               restore happens: from here on every open finishes it.
 *   3. out      every top-level entry of the current data (backups/ too) is renamed into
 *               `pemulihan-<time>/`, the safety folder, which keeps it whole.
 *   4. in       every staged top-level entry is renamed into the data folder.
 *   5. done     the empty staging folder, then the journal, are removed.
 *
 * Steps 3–5 are idempotent and decided by what is on disk, so a restart finishes them from
 * wherever they stopped: while the staging folder exists, an entry still in it has not come
 * in (whatever stands under its name in the data folder is old and goes out first); an entry
 * no longer in it has. Once the staging folder is gone nothing is moved. The folder therefore
 * opens as the old content (no journal) or the new (journal), never a mix.
 */

export const restoreJournalSchema = z.object({
  v: z.literal(1),
  id: z.string().regex(/^[a-f0-9]{16}$/),
  staging: z.string().startsWith(STAGING_PREFIX),
  safety: z.string().startsWith(SAFETY_PREFIX),
  /** Top-level names in the staging folder, in the order they move in. */
  incoming: z.array(z.string().min(1)),
  fileName: z.string(),
  backupCreatedAt: z.string(),
  at: z.string(),
  by: z.string(),
});
export type RestoreJournal = z.infer<typeof restoreJournalSchema>;

/** Called between the steps; a test throws from it to stop a restore exactly there, as a kill would. */
export type StepHook = (step: string) => void | Promise<void>;

/** Folders the app expects: staged even when the backup has no file in them, so the old ones never stay behind. */
const STANDARD_DIRS = ['cycles', 'files', 'assets'];

const RETRYABLE = new Set(['EPERM', 'EBUSY', 'EACCES']);

async function renameWithRetry(from: string, to: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await fs.rename(from, to);
      return;
    } catch (e) {
      // Windows' antivirus and indexers hold files briefly.
      if (!RETRYABLE.has((e as NodeJS.ErrnoException).code ?? '') || attempt >= 8) throw e;
      await new Promise((r) => setTimeout(r, 15 * 2 ** attempt));
    }
  }
}

const DIR_FSYNC_UNSUPPORTED = new Set(['EINVAL', 'ENOTSUP', 'EOPNOTSUPP', 'EISDIR']);

async function fsyncDir(dir: string): Promise<void> {
  if (process.platform === 'win32') return;
  const handle = await fs.open(dir, fsConstants.O_RDONLY);
  try {
    await handle.sync();
  } catch (e) {
    if (!DIR_FSYNC_UNSUPPORTED.has((e as NodeJS.ErrnoException).code ?? '')) throw e;
  } finally {
    await handle.close();
  }
}

async function exists(p: string): Promise<boolean> {
  try {
    await fs.lstat(p);
    return true;
  } catch {
    return false;
  }
}

/** A name in `dir` not taken yet: `name`, else `name-2`, `name-3`… */
export async function freeName(dir: string, name: string): Promise<string> {
  let candidate = name;
  for (let n = 2; await exists(path.join(dir, candidate)); n++) candidate = `${name}-${n}`;
  return candidate;
}

const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

/**
 * Step 1: the backup's files in a new staging folder inside `root`, each fsynced, then every
 * one read back from disk and checked against its SHA-256. `extra` are top-level files the
 * restore itself adds (the identity marker, data-folder.ts): they come in with the backup's,
 * all or nothing. Returns the staging folder's name and the top-level names in it. On any
 * failure the staging folder is removed and the error rethrown: nothing else was touched.
 */
export async function stageBackup(
  root: string,
  backup: OpenedBackup,
  step?: StepHook,
  extra: { name: string; bytes: Uint8Array }[] = [],
): Promise<{ id: string; staging: string; incoming: string[] }> {
  // The caller has refused these already; here too, since one would overwrite the lock or this very journal.
  const foreign = backup.manifest.files.find((f) => isMachineEntry(f.path.split('/')[0]!) || f.path.split('/')[0] === BACKUPS_DIR);
  if (foreign) throw new Error(`Cadangan memuat ${foreign.path}, yang tidak boleh dipulihkan. Data tidak diubah.`);
  const id = randomBytes(8).toString('hex');
  const staging = `${STAGING_PREFIX}${id}`;
  const dir = path.join(root, staging);
  try {
    await fs.mkdir(dir, { recursive: false, mode: 0o700 });
    const folders = new Set<string>([dir]);
    for (const f of backup.manifest.files) {
      const target = path.join(dir, ...f.path.split('/'));
      const parent = path.dirname(target);
      if (!folders.has(parent)) {
        await fs.mkdir(parent, { recursive: true, mode: 0o700 });
        for (let p = parent; p.length > dir.length; p = path.dirname(p)) folders.add(p);
      }
      const handle = await fs.open(target, 'wx', 0o600);
      try {
        await handle.writeFile(await backup.read(f.path));
        await handle.sync();
      } finally {
        await handle.close();
      }
    }
    for (const f of extra) {
      if (f.name.includes('/') || f.name.includes('\\') || backup.manifest.files.some((m) => m.path.split('/')[0] === f.name)) {
        throw new Error(`Berkas pemulihan ${f.name} bertabrakan dengan isi cadangan. Data tidak diubah.`);
      }
      const handle = await fs.open(path.join(dir, f.name), 'wx', 0o600);
      try {
        await handle.writeFile(f.bytes);
        await handle.sync();
      } finally {
        await handle.close();
      }
    }
    for (const d of STANDARD_DIRS) {
      if (!folders.has(path.join(dir, d))) {
        await fs.mkdir(path.join(dir, d), { recursive: true, mode: 0o700 });
        folders.add(path.join(dir, d));
      }
    }
    // Deepest first, so each folder's new names are durable before its parent's.
    for (const f of [...folders].sort((a, b) => b.length - a.length)) await fsyncDir(f);
    await step?.('staged');
    for (const f of backup.manifest.files) {
      const written = await fs.readFile(path.join(dir, ...f.path.split('/')));
      if (written.length !== f.bytes || sha256(written) !== f.sha256) {
        throw new Error(`Berkas ${f.path} tidak tertulis utuh di disk (isi yang dibaca kembali berbeda). Data tidak diubah.`);
      }
    }
    for (const f of extra) {
      const written = await fs.readFile(path.join(dir, f.name));
      if (!written.equals(f.bytes)) throw new Error(`Berkas ${f.name} tidak tertulis utuh di disk. Data tidak diubah.`);
    }
    await step?.('verified');
    const incoming = (await fs.readdir(dir)).sort();
    return { id, staging, incoming };
  } catch (e) {
    await fs.rm(dir, { recursive: true, force: true }).catch(() => undefined);
    throw e;
  }
}

/** Step 2: the journal, durably. After this the restore is decided and every open finishes it. */
export async function commitRestore(root: string, journal: RestoreJournal, step?: StepHook): Promise<void> {
  await writeFileDurably(path.join(root, RESTORE_JOURNAL), JSON.stringify(journal));
  await step?.('committed');
  await completeSwap(root, journal, step);
}

/** Steps 3–5, from wherever they stopped. */
async function completeSwap(root: string, j: RestoreJournal, step?: StepHook): Promise<void> {
  const staging = path.join(root, j.staging);
  if (await exists(staging)) {
    const safety = path.join(root, j.safety);
    await fs.mkdir(safety, { recursive: true, mode: 0o700 });
    const incoming = new Set(j.incoming);
    for (const name of await dataEntries(root)) {
      // Already in from the staging folder: the new content, stays.
      if (incoming.has(name) && !(await exists(path.join(staging, name)))) continue;
      await renameWithRetry(path.join(root, name), path.join(safety, await freeName(safety, name)));
      await step?.(`out:${name}`);
    }
    await fsyncDir(safety);
    await fsyncDir(root);
    for (const name of j.incoming) {
      const from = path.join(staging, name);
      if (!(await exists(from))) continue;
      await renameWithRetry(from, path.join(root, name));
      await step?.(`in:${name}`);
    }
    await fsyncDir(root);
    await fs.rm(staging, { recursive: true, force: true });
    await fsyncDir(root);
    await step?.('swapped');
  }
  await fs.rm(path.join(root, RESTORE_JOURNAL), { force: true });
  await fsyncDir(root);
}

export type InterruptedRestore = { kind: 'none' } | { kind: 'rolled-back'; staging: string[] } | { kind: 'completed'; journal: RestoreJournal };

/**
 * On open, before anything reads the data: a committed restore is finished, an uncommitted
 * one's staging folder removed (the old content never changed). A journal that does not
 * parse is left alone and reported: guessing could mix two data sets.
 */
export async function finishInterruptedRestore(root: string): Promise<InterruptedRestore> {
  let text: string | null = null;
  try {
    text = await fs.readFile(path.join(root, RESTORE_JOURNAL), 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  }
  if (text !== null) {
    let journal: RestoreJournal;
    try {
      journal = restoreJournalSchema.parse(JSON.parse(text));
    } catch {
      throw new Error(
        `Catatan pemulihan data (${RESTORE_JOURNAL}) di folder data rusak, sehingga tidak dapat dipastikan apakah pemulihan dari cadangan sudah selesai. Hubungi admin TI; jangan menghapus folder pemulihan-* maupun .pemulihan-baru-*.`,
      );
    }
    await completeSwap(root, journal);
    return { kind: 'completed', journal };
  }
  const names = await fs.readdir(root).catch(() => [] as string[]);
  const stale = names.filter((n) => n.startsWith(STAGING_PREFIX) && isMachineEntry(n));
  for (const n of stale) await fs.rm(path.join(root, n), { recursive: true, force: true });
  return stale.length ? { kind: 'rolled-back', staging: stale } : { kind: 'none' };
}
