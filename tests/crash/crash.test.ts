import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleChild, prng, SEED, startKillable } from './child';
import type { AppStatus } from '../../electron/core/contract';
import { fakeClock, listFilesRecursive, must, openCore, removeTempDirs, setUpDataDir } from '../fixtures/harness';

/**
 * Kill a saving process with SIGKILL at random moments, again and again on the same data
 * directory, and check after every kill that the app opens the data cleanly and has
 * everything it acknowledged. (SIGKILL tests the write → rename protocol; the fsyncs that
 * guard against a power cut cannot be tested without cutting power.)
 */

const KILLS = 50;

let saver = '';

beforeAll(async () => {
  saver = await bundleChild('tests/crash/saver.ts');
});
afterAll(removeTempDirs);

interface Round {
  acked: number | null;
  stderr: string;
  signal: NodeJS.Signals | null;
}

/** Starts a saver that loads its code now and touches the data dir only on go(delayMs): SIGKILLed that long after it reports ready. */
function startSaver(dataDir: string) {
  const child = startKillable(saver, [dataDir]);
  return {
    async go(delayMs: number): Promise<Round> {
      const { out, stderr, signal } = await child.go(delayMs);
      const acks = [...out.matchAll(/^ACK (\d+)$/gm)].map((m) => Number(m[1]));
      return { acked: acks.length ? acks[acks.length - 1]! : null, stderr, signal };
    },
    kill: child.kill,
  };
}

const isTemp = (f: string) => /\.tmp(-\d{10}[0-9a-f]{6})?$/.test(path.basename(f));

describe('crash safety', () => {
  it(`survives ${KILLS} SIGKILLs mid-save with every acknowledged save intact`, { timeout: 180_000 }, async () => {
    const random = prng(SEED);
    const dir = await setUpDataDir();
    // Pad app.json so each save takes a few milliseconds and kills land inside writes.
    const appFile = path.join(dir, 'app.json');
    const app = JSON.parse(await fs.readFile(appFile, 'utf8'));
    for (let i = 0; i < 4000; i++) app.counters[`isi-pengisi-berkas-${i}`] = i;
    await fs.writeFile(appFile, JSON.stringify(app));

    const clock = fakeClock();
    let lastAck = 0;
    let roundsWithTemp = 0;
    let acksTotal = 0;
    /** The last acknowledged save of every round. */
    const acked: number[] = [];
    let next = startSaver(dir);
    try {
      for (let round = 1; round <= KILLS; round++) {
        const delay = Math.floor(random() * 80);
        const r = await next.go(delay);
        next = startSaver(dir); // loads while this round is checked
        const where = `round ${round}, delay ${delay} ms, seed ${SEED}`;
        expect(r.signal, `${where}: the saver died on its own: ${r.stderr}`).toBe('SIGKILL');
        if (r.acked !== null) {
          expect(r.acked, where).toBeGreaterThan(lastAck);
          acksTotal += r.acked - lastAck;
          lastAck = r.acked;
          acked.push(r.acked);
        }
        if ((await listFilesRecursive(dir)).some(isTemp)) roundsWithTemp++;

        // Reopen the way the app does.
        clock.advance(1000);
        const core = await openCore(dir, clock);
        const status = await must<AppStatus>(core, 'app.status');
        await core.close();
        expect(status.recovery, `${where}: ${status.recovery?.message}`).toBeNull();
        expect(status.state, where).toBe('ready');

        const data = JSON.parse(await fs.readFile(appFile, 'utf8'));
        const n: number = data.counters.n ?? 0;
        expect(n, `${where}: app.json lost an acknowledged save`).toBeGreaterThanOrEqual(lastAck);
        // The history entry follows the counter's write: a save killed in between has none
        // (it was never acknowledged), but every acknowledged save has exactly one.
        const logged = (await fs.readFile(path.join(dir, 'audit.jsonl'), 'utf8'))
          .split('\n')
          .flatMap((l) => (l.includes('"uji.crash"') ? [Number(/Simpan ke-(\d+)\./.exec(l)![1])] : []));
        expect(new Set(logged).size, `${where}: a save logged twice`).toBe(logged.length);
        for (const k of acked) expect(logged, `${where}: audit.jsonl lost acknowledged save ${k}`).toContain(k);
        expect(Math.max(0, ...logged), where).toBeLessThanOrEqual(n);
        const settings = JSON.parse(await fs.readFile(path.join(dir, 'settings.json'), 'utf8'));
        // Before the first acknowledged save the phone is still the set-up one (not a counter).
        const phone = /^0\d+$/.test(settings.settings.office.phone) ? Number(settings.settings.office.phone) : 0;
        expect(phone, `${where}: settings.json lost an acknowledged save`).toBeGreaterThanOrEqual(lastAck);

        const left = (await listFilesRecursive(dir)).filter(isTemp);
        expect(left, `${where}: temp files left after open`).toEqual([]);
      }
    } finally {
      next.kill();
    }
    // Evidence that the kills hit saves in flight, not only the gaps between them.
    console.info(`crash test: ${KILLS} kills, ${acksTotal} acknowledged saves, ${roundsWithTemp} kills left a temp file behind (seed ${SEED})`);
    expect(acksTotal).toBeGreaterThan(0);
    // Backups are pruned, not piling up with every reopen.
    expect((await fs.readdir(path.join(dir, 'backups', 'app'))).length).toBeLessThanOrEqual(15);
  });
});
