import { spawnSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DataDirLockedError, type LockInfo } from '../../electron/core/store/lock';
import { coreOpener, fakeClock, openCore, tempDir } from '../fixtures/harness';

const open = coreOpener();

const lockFile = (dir: string) => path.join(dir, 'ppid-desk.lock');
const readLock = async (dir: string) => JSON.parse(await fs.readFile(lockFile(dir), 'utf8')) as LockInfo;

/** The pid of a process that has certainly exited. */
function deadPid(): number {
  const r = spawnSync(process.execPath, ['-e', '']);
  return r.pid!;
}

async function writeLock(dir: string, info: Partial<LockInfo>) {
  const full: LockInfo = { pid: process.pid, hostname: os.hostname(), holder: 'PPID Desk (jendela aplikasi)', since: '2026-03-01T07:00:00.000Z', ...info };
  await fs.writeFile(lockFile(dir), JSON.stringify(full));
}

describe('data-dir lock', () => {
  it('refuses a second open in the same process, in Indonesian, naming the holder', async () => {
    const dir = await tempDir();
    await open(dir);
    const e = await openCore(dir, fakeClock()).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(DataDirLockedError);
    expect((e as Error).message).toMatch(/^Folder data ini sedang dipakai oleh test \(PID \d+, sejak 2026-03-02T08:00:00\.000Z\)/);
  });

  it('opens again after close, and close removes the lock', async () => {
    const dir = await tempDir();
    const core = await open(dir);
    expect(await readLock(dir)).toMatchObject({ pid: process.pid, holder: 'test', hostname: os.hostname() });
    await core.close();
    await expect(fs.access(lockFile(dir))).rejects.toThrow();
    await open(dir);
  });

  it('takes over a lock left by a process that died', async () => {
    const dir = await tempDir();
    const pid = deadPid();
    await writeLock(dir, { pid });
    await open(dir);
    expect((await readLock(dir)).pid).toBe(process.pid);
  });

  it('takes over a half-written lock file', async () => {
    const dir = await tempDir();
    await fs.writeFile(lockFile(dir), '{"pid":12');
    await open(dir);
    expect((await readLock(dir)).pid).toBe(process.pid);
  });

  it('refuses while another live process holds it, and leaves its lock alone', async () => {
    const dir = await tempDir();
    await writeLock(dir, { pid: process.ppid });
    const before = await fs.readFile(lockFile(dir));
    const e = await openCore(dir, fakeClock()).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(DataDirLockedError);
    expect((e as DataDirLockedError).info.pid).toBe(process.ppid);
    expect((e as Error).message).toContain('PPID Desk (jendela aplikasi)');
    expect(await fs.readFile(lockFile(dir))).toEqual(before);
  });

  it('refuses a lock held from another computer (a shared folder), whose pids it cannot check', async () => {
    const dir = await tempDir();
    await writeLock(dir, { pid: deadPid(), hostname: `${os.hostname()}-lain` });
    await expect(openCore(dir, fakeClock())).rejects.toBeInstanceOf(DataDirLockedError);
  });

  it('does not remove a lock that another process took over after us', async () => {
    const dir = await tempDir();
    const core = await open(dir);
    await writeLock(dir, { pid: process.ppid, holder: 'lain' });
    await core.close();
    expect((await readLock(dir)).holder).toBe('lain');
  });
});
