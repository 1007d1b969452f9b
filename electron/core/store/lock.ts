import { promises as fs } from 'node:fs';
import os from 'node:os';

/**
 * Only one process may hold a data directory: the Electron app and the loopback host
 * must never write the same files at once.
 */
export interface LockInfo {
  pid: number;
  hostname: string;
  holder: string;
  since: string;
}

export class DataDirLockedError extends Error {
  constructor(readonly info: LockInfo) {
    super(
      `Folder data ini sedang dipakai oleh ${info.holder} (PID ${info.pid}, sejak ${info.since}). Tutup aplikasi itu dulu, atau pilih folder data lain.`,
    );
    this.name = 'DataDirLockedError';
  }
}

/** Locks this process holds: a second open of the same folder in one process is refused too. */
const heldHere = new Set<string>();

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export async function acquireLock(file: string, holder: string, now: Date): Promise<() => Promise<void>> {
  const info: LockInfo = { pid: process.pid, hostname: os.hostname(), holder, since: now.toISOString() };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      // Owner-only like the data files: the lock names the holder, the host and the pid.
      await fs.writeFile(file, JSON.stringify(info), { flag: 'wx', mode: 0o600 });
      heldHere.add(file);
      return async () => {
        heldHere.delete(file);
        try {
          const current = JSON.parse(await fs.readFile(file, 'utf8')) as LockInfo;
          if (current.pid === process.pid) await fs.rm(file, { force: true });
        } catch {
          /* already gone */
        }
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      let existing: LockInfo | null = null;
      try {
        existing = JSON.parse(await fs.readFile(file, 'utf8')) as LockInfo;
      } catch {
        existing = null; // half-written lock from a killed process: stale
      }
      const stale =
        !existing ||
        (existing.hostname === os.hostname() &&
          (existing.pid === process.pid ? !heldHere.has(file) : !alive(existing.pid)));
      if (!stale && existing) throw new DataDirLockedError(existing);
      await fs.rm(file, { force: true });
    }
  }
  throw new Error('Tidak dapat mengunci folder data.');
}
