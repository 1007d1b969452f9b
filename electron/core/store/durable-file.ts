import { promises as fs, constants as fsConstants, type Dirent } from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';

/** A file that exists but does not parse: we never overwrite it. */
export class CorruptFileError extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(`Berkas data ${path.basename(file)} rusak dan tidak dapat dibaca (${reason}).`);
    this.name = 'CorruptFileError';
  }
}

const RETRYABLE = new Set(['EPERM', 'EBUSY', 'EACCES']);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Windows antivirus and indexers hold files briefly; a rename then fails with EPERM/EBUSY. */
export async function renameWithRetry(from: string, to: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await fs.rename(from, to);
      return;
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code ?? '';
      if (!RETRYABLE.has(code) || attempt >= 8) throw e;
      await sleep(15 * 2 ** attempt);
    }
  }
}

/**
 * Some file systems (SMB/CIFS mounts, some FUSE) refuse fsync on a directory. By then the
 * rename has happened and the data is in place: failing the save would tell the user it
 * was not saved when it was. So "not supported" is accepted; real I/O errors are not.
 */
const DIR_FSYNC_UNSUPPORTED = new Set(['EINVAL', 'ENOTSUP', 'EOPNOTSUPP']);

async function fsyncDir(dir: string): Promise<void> {
  if (process.platform === 'win32') return; // directories cannot be opened for fsync there
  const handle = await fs.open(dir, fsConstants.O_RDONLY);
  try {
    await handle.sync();
  } catch (e) {
    if (!DIR_FSYNC_UNSUPPORTED.has((e as NodeJS.ErrnoException).code ?? '')) throw e;
  } finally {
    await handle.close();
  }
}

/**
 * Writes bytes so that after a crash the file holds either the old or the new content,
 * never a mix: unique temp file → write → fsync → rename → fsync the directory.
 */
export async function writeFileDurably(file: string, data: string | Uint8Array): Promise<void> {
  const dir = path.dirname(file);
  await fs.mkdir(dir, { recursive: true });
  const tmp = path.join(dir, `.${path.basename(file)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  const handle = await fs.open(tmp, 'w', 0o600);
  try {
    await handle.writeFile(data);
    await handle.sync();
  } catch (e) {
    await handle.close().catch(() => undefined);
    await fs.rm(tmp, { force: true });
    throw e;
  }
  await handle.close();
  try {
    await renameWithRetry(tmp, file);
  } catch (e) {
    await fs.rm(tmp, { force: true });
    throw e;
  }
  await fsyncDir(dir);
}

/** Reads and parses JSON; `null` when the file does not exist, CorruptFileError when it does not parse. */
export async function readJsonFile(file: string): Promise<unknown | null> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new CorruptFileError(file, text.trim() === '' ? 'berkas kosong' : (e as Error).message);
  }
  // A file holding just `null` would otherwise read like a missing one, i.e. a fresh
  // install, and the first save would overwrite whatever should have been there.
  if (value === null) throw new CorruptFileError(file, 'berkas berisi null');
  return value;
}

/**
 * lowdb adapter: durable writes, strict reads, and one write at a time per file — two
 * overlapping renames could otherwise land the older content last.
 */
export class DurableJsonFile<T> {
  private queue: Promise<void> = Promise.resolve();

  constructor(readonly file: string) {}

  async read(): Promise<T | null> {
    return (await readJsonFile(this.file)) as T | null;
  }

  write(data: T): Promise<void> {
    // Serialise now: the caller's object may change before our turn comes.
    const text = JSON.stringify(data);
    const run = this.queue.then(() => writeFileDurably(this.file, text));
    this.queue = run.catch(() => undefined);
    return run;
  }
}

/**
 * Temp files left by a process killed mid-write: ours (`.<name>.<pid>.<hex>.tmp`, see
 * writeFileDurably) and those of conf's writer (`<name>.tmp-<10 digits><6 hex>`). Harmless,
 * but without this they pile up, one per crash. Looks into subfolders (backups, assets)
 * too, since those are written the same way. Call it only while holding the data-dir lock.
 */
const STALE_TEMP = [/^\..+\.\d+\.[0-9a-f]{12}\.tmp$/, /^.+\.tmp-\d{10}[0-9a-f]{6}$/];

export async function removeStaleTempFiles(dir: string, depth = 2): Promise<void> {
  let entries: Dirent[];
  try {
    entries = await fs.readdir(dir, { withFileTypes: true });
  } catch {
    return;
  }
  await Promise.all(
    entries.map(async (e) => {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) {
        if (depth > 0) await removeStaleTempFiles(full, depth - 1);
      } else if (STALE_TEMP.some((re) => re.test(e.name))) {
        await fs.rm(full, { force: true });
      }
    }),
  );
}
