import { promises as fs, constants as fsConstants } from 'node:fs';
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
async function renameWithRetry(from: string, to: string): Promise<void> {
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

async function fsyncDir(dir: string): Promise<void> {
  if (process.platform === 'win32') return; // directories cannot be opened for fsync there
  const handle = await fs.open(dir, fsConstants.O_RDONLY);
  try {
    await handle.sync();
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
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new CorruptFileError(file, text.trim() === '' ? 'berkas kosong' : (e as Error).message);
  }
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

/** Temp files left by a process killed mid-write; harmless, cleaned on open. */
export async function removeStaleTempFiles(dir: string): Promise<void> {
  let names: string[];
  try {
    names = await fs.readdir(dir);
  } catch {
    return;
  }
  await Promise.all(
    names.filter((n) => n.startsWith('.') && n.endsWith('.tmp')).map((n) => fs.rm(path.join(dir, n), { force: true })),
  );
}
