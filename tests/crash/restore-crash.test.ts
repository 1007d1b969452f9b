import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBackup } from '../../electron/core/backup/backup-file';
import { listDataFiles } from '../../electron/core/backup/data-folder';
import { DeviceKey } from '../../electron/core/sync/device-key';
import type { AppStatus } from '../../electron/core/contract';
import type { BackupMade } from '../../electron/core/domain/backup';
import { fakeClock, login, must, openCore, removeTempDirs, setUpDataDir, tempDir, USERS } from '../fixtures/harness';
import { bundleChild, prng, SEED, startKillable } from './child';

/**
 * A process restoring backups is SIGKILLed at random moments, again and again on one data
 * folder; after every kill the folder, opened the way the app opens it, must hold one of the
 * two backups exactly — never a mix of the two, never a half-written file — and work. The one
 * thing a restore changes on purpose is the identity (a restored laptop is a new installation):
 * after every kill the laptop has either the identity it had before (no restore committed) or
 * a new id with a new key, its previous identity kept in trust.json — never an old id again.
 */

const KILLS = 25;
let restorer = '';

beforeAll(async () => {
  restorer = await bundleChild('tests/crash/restorer.ts');
});
afterAll(removeTempDirs);

const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

/**
 * Every backed-up file by hash; the history grows with each restore ("restored from …"), so it
 * is compared apart, and so is the identity a restore renews: app.json's installation id, the
 * key, and trust.json's entries for this laptop's own earlier identities (source `pulih`).
 */
function hashOf(p: string, bytes: Uint8Array): string | null {
  if (p === 'audit.jsonl' || p === 'device-key.pem') return null;
  if (p === 'app.json') {
    const { installationId: _id, ...rest } = JSON.parse(Buffer.from(bytes).toString('utf8'));
    return sha256(Buffer.from(JSON.stringify(rest)));
  }
  if (p === 'trust.json') {
    const t = JSON.parse(Buffer.from(bytes).toString('utf8'));
    return sha256(Buffer.from(JSON.stringify({ ...t, installations: t.installations.filter((i: { source: string }) => i.source !== 'pulih') })));
  }
  return sha256(bytes);
}

async function dataHashes(dir: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const f of (await listDataFiles(dir)).files) {
    const h = hashOf(f.path, await fs.readFile(f.abs));
    if (h) out.set(f.path, h);
  }
  return out;
}

async function identityOf(dir: string) {
  const app = JSON.parse(await fs.readFile(path.join(dir, 'app.json'), 'utf8'));
  const trust = JSON.parse(await fs.readFile(path.join(dir, 'trust.json'), 'utf8'));
  return {
    id: app.installationId as string,
    publicKey: DeviceKey.publicKeyOfPem(await fs.readFile(path.join(dir, 'device-key.pem'), 'utf8'))!,
    previous: (trust.installations as { installationId: string; publicKey: string; source: string }[]).filter((i) => i.source === 'pulih'),
  };
}

function startRestorer(dir: string, a: string, b: string) {
  const child = startKillable(restorer, [dir, a, b]);
  return {
    async go(delayMs: number) {
      const { out, stderr, signal } = await child.go(delayMs);
      return { signal, stderr, done: [...out.matchAll(/^DONE ([AB])$/gm)].map((m) => m[1]!) };
    },
    kill: child.kill,
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
    const expected = async (made: BackupMade) => {
      const opened = await openBackup(Buffer.from(made.base64!, 'base64'));
      const out = new Map<string, string>();
      for (const f of opened.manifest.files) {
        const h = hashOf(f.path, await opened.read(f.path));
        if (h) out.set(f.path, h);
      }
      return out;
    };
    const dataA = await expected(a);
    const dataB = await expected(b);
    expect(dataA).not.toEqual(dataB);

    let identity = await identityOf(dir);
    const idsSeen = new Set([identity.id]);
    const keysSeen = new Set([identity.publicKey]);
    let done = 0;
    let midRestore = 0;
    let renewed = 0;
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
        expect((await fs.readdir(dir)).filter((n) => n === 'pemulihan.json' || n.startsWith('.pemulihan-baru-') || n === 'identitas-lama.json'), where).toEqual([]);
        // The same identity as before this round, or a new one with a new key that keeps the one before as its past.
        const now = await identityOf(dir);
        if (now.id === identity.id) expect(now.publicKey, where).toBe(identity.publicKey);
        else {
          expect(idsSeen.has(now.id), `${where}: an earlier installation id came back`).toBe(false);
          expect(keysSeen.has(now.publicKey), `${where}: an earlier key came back`).toBe(false);
          expect(now.previous, where).toContainEqual(expect.objectContaining({ installationId: identity.id, publicKey: identity.publicKey }));
          renewed += 1;
        }
        identity = now;
        idsSeen.add(now.id);
        keysSeen.add(now.publicKey);
        await login(core, USERS.admin);
        await core.close();
      }
    } finally {
      next.kill();
    }
    console.info(
      `restore crash test: ${KILLS} kills, ${done} restores acknowledged, ${midRestore} kills landed inside a restore (staging or swap), A ${seen.A}× B ${seen.B}×, ${renewed} rounds ended with a new identity (seed ${SEED})`,
    );
    expect(done).toBeGreaterThan(0);
    expect(renewed).toBeGreaterThan(0);
  });
});
