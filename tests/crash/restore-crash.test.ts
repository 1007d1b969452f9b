import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBackup } from '../../electron/core/backup/backup-file';
import { listDataFiles } from '../../electron/core/backup/data-folder';
import type { AppStatus } from '../../electron/core/contract';
import type { BackupMade } from '../../electron/core/domain/backup';
import { fakeClock, login, must, openCore, removeTempDirs, setUpDataDir, tempDir, USERS } from '../fixtures/harness';
import { bundleChild, prng, SEED } from './child';

/**
 * A process restoring backups is SIGKILLed at random moments, again and again on one data
 * folder; after every kill the folder, opened the way the app opens it, must hold one of the
 * two backups exactly — never a mix of the two, never a half-written file — and work.
 */

const KILLS = 25;
let restorer = '';

beforeAll(async () => {
  restorer = await bundleChild('tests/crash/restorer.ts');
});
afterAll(removeTempDirs);

const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

/** Every backed-up file by hash; the history grows with each restore ("restored from …"), so it is compared apart. */
async function dataHashes(dir: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const f of (await listDataFiles(dir)).files) if (f.path !== 'audit.jsonl') out.set(f.path, sha256(await fs.readFile(f.abs)));
  return out;
}

function startRestorer(dir: string, a: string, b: string) {
  const child = spawn(process.execPath, [restorer, dir, a, b], { stdio: ['pipe', 'pipe', 'pipe'] });
  let out = '';
  let stderr = '';
  let onReady: (() => void) | null = null;
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => {
    out += chunk;
    if (onReady && out.includes('READY\n')) {
      onReady();
      onReady = null;
    }
  });
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  const closed = new Promise<NodeJS.Signals | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (_code, signal) => resolve(signal));
  });
  return {
    async go(delayMs: number) {
      onReady = () => setTimeout(() => child.kill('SIGKILL'), delayMs);
      child.stdin.write('GO\n');
      const signal = await closed;
      return { signal, stderr, done: [...out.matchAll(/^DONE ([AB])$/gm)].map((m) => m[1]!) };
    },
    kill: () => child.kill('SIGKILL'),
  };
}

describe('restore crash safety', () => {
  it(`survives ${KILLS} SIGKILLs mid-restore: the folder is one backup or the other, whole`, { timeout: 300_000 }, async () => {
    const random = prng(SEED);
    // A: the office as set up; B: with a cycle and a changed setting. The folder starts as B.
    const dir = await setUpDataDir();
    const clock = fakeClock();
    let core = await openCore(dir, clock);
    const admin = await login(core, USERS.admin);
    const a = await must<BackupMade>(core, 'backup.create', {}, admin);
    await must(core, 'cycles.create', { title: 'DIP 2026', year: 2026 }, await login(core, USERS.operator));
    await must(core, 'settings.setEmblem', { base64: null }, admin);
    const b = await must<BackupMade>(core, 'backup.create', {}, admin);
    await core.close();
    const files = await tempDir('ppid-crash-backups-');
    const fileA = path.join(files, 'A.ppidbackup');
    const fileB = path.join(files, 'B.ppidbackup');
    await fs.writeFile(fileA, Buffer.from(a.base64!, 'base64'));
    await fs.writeFile(fileB, Buffer.from(b.base64!, 'base64'));
    const expected = async (made: BackupMade) =>
      new Map((await openBackup(Buffer.from(made.base64!, 'base64'))).manifest.files.filter((f) => f.path !== 'audit.jsonl').map((f) => [f.path, f.sha256]));
    const dataA = await expected(a);
    const dataB = await expected(b);
    expect(dataA).not.toEqual(dataB);

    let done = 0;
    let midRestore = 0;
    const seen = { A: 0, B: 0 };
    let next = startRestorer(dir, fileA, fileB);
    try {
      for (let round = 1; round <= KILLS; round++) {
        const delay = Math.floor(random() * 2000);
        const r = await next.go(delay);
        next = startRestorer(dir, fileA, fileB);
        const where = `round ${round}, delay ${delay} ms, seed ${SEED}`;
        expect(r.signal, `${where}: the restorer died on its own: ${r.stderr}`).toBe('SIGKILL');
        done += r.done.length;
        const left = await fs.readdir(dir);
        if (left.some((n) => n === 'pemulihan.json' || n.startsWith('.pemulihan-baru-'))) midRestore += 1;

        clock.advance(1000);
        core = await openCore(dir, clock);
        const status = await must<AppStatus>(core, 'app.status');
        expect(status.state, `${where}: ${status.recovery?.message}`).toBe('ready');
        const data = await dataHashes(dir);
        const which = JSON.stringify([...data]) === JSON.stringify([...dataA]) ? 'A' : JSON.stringify([...data]) === JSON.stringify([...dataB]) ? 'B' : null;
        expect(which, `${where}: the folder holds neither backup whole`).not.toBeNull();
        seen[which!] += 1;
        // The last acknowledged restore is what the folder holds, unless a later one was under way.
        if (r.done.length) expect(['A', 'B'], where).toContain(r.done.at(-1));
        expect((await fs.readdir(dir)).filter((n) => n === 'pemulihan.json' || n.startsWith('.pemulihan-baru-')), where).toEqual([]);
        await login(core, USERS.admin);
        await core.close();
      }
    } finally {
      next.kill();
    }
    console.info(`restore crash test: ${KILLS} kills, ${done} restores acknowledged, ${midRestore} kills landed inside a restore (staging or swap), A ${seen.A}× B ${seen.B}× (seed ${SEED})`);
    expect(done).toBeGreaterThan(0);
  });
});
