import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleChild, prng, SEED, startKillable } from './child';
import { CycleRepository } from '../../electron/core/store/cycle-repository';
import { removeStaleTempFiles } from '../../electron/core/store/durable-file';
import { removeTempDirs, tempDir } from '../fixtures/harness';

/**
 * Kill a process appending acts to a cycle log with SIGKILL at random moments, again and
 * again, and check after every kill that the log opens the way the app opens it, holds every
 * act it acknowledged, and that every unfinished tail it set aside is reported, not dropped.
 */

const KILLS = 50;

let appender = '';

beforeAll(async () => {
  appender = await bundleChild('tests/crash/appender.ts');
});
afterAll(removeTempDirs);

interface Ack {
  count: number;
  lastId: string;
}

/** Starts an appender that loads its code now and touches the data dir only on go(). */
function startAppender(dataDir: string, seed: number) {
  const child = startKillable(appender, [dataDir, String(seed)]);
  return {
    /** Kill once this many acts were acknowledged after READY, `delay` ms later: inside the next append. */
    async go(acks: number, delay: number) {
      const acked = (out: string) => {
        const ready = out.indexOf('READY\n');
        return ready >= 0 && (out.slice(ready).match(/^ACK /gm)?.length ?? 0) >= acks;
      };
      const { out, stderr, signal } = await child.go(delay, acked);
      const all = [...out.matchAll(/^ACK (\d+) (\S+)$/gm)].map((m): Ack => ({ count: Number(m[1]), lastId: m[2]! }));
      return { last: all.at(-1) ?? null, acks: all.length, stderr, signal };
    },
    kill: child.kill,
  };
}

describe('crash safety of cycle logs', () => {
  it(`survives ${KILLS} SIGKILLs mid-append with every acknowledged act intact and every set-aside tail reported`, { timeout: 300_000 }, async () => {
    const random = prng(SEED);
    const dir = await tempDir('ppid-crash-log-');
    let last: Ack | null = null;
    let acksTotal = 0;
    let tails = 0;
    let unacknowledged = 0;
    const seen = new Set<string>();
    let next = startAppender(dir, SEED);
    try {
      for (let round = 1; round <= KILLS; round++) {
        // A few acknowledged appends, then a kill some way into the next one.
        const acks = 1 + Math.floor(random() * 4);
        const delay = random() * 8;
        const r = await next.go(acks, delay);
        next = startAppender(dir, SEED + round); // loads while this round is checked
        const where = `round ${round}, kill ${delay.toFixed(2)} ms after ack ${acks}, seed ${SEED}`;
        expect(r.signal, `${where}: the appender died on its own: ${r.stderr}`).toBe('SIGKILL');
        if (r.last) {
          if (last) expect(r.last.count, where).toBeGreaterThan(last.count);
          last = r.last;
          acksTotal += r.acks;
        }

        // Reopen the way the app does.
        await removeStaleTempFiles(dir);
        const repo = await CycleRepository.open(path.join(dir, 'cycles'), 'inst-check', { backupsRoot: path.join(dir, 'backups') });
        expect(repo.damaged, where).toEqual([]);
        if (!last) continue;
        const [cycle] = repo.list();
        expect(cycle, where).toBeDefined();
        const events = repo.events(cycle!.id);
        expect(events.length, `${where}: acknowledged acts lost`).toBeGreaterThanOrEqual(last.count);
        expect(events[last.count - 1]!.id, where).toBe(last.lastId);
        // Written but killed before its ack: the kill landed inside an append.
        if (events.length > last.count) unacknowledged++;

        // Every tail set aside in this open is named by a notice; nothing else was done quietly.
        const folder = path.join(dir, 'cycles', cycle!.id);
        const fresh = (await fs.readdir(folder)).filter((n) => n.startsWith('events.jsonl.sisa-') && !seen.has(n));
        fresh.forEach((n) => seen.add(n));
        tails += fresh.length;
        expect(repo.notices.map((n) => [n.kind, n.setAside]).sort(), where).toEqual(fresh.map((n) => ['sisa', n]).sort());
      }
    } finally {
      next.kill();
    }
    console.info(
      `cycle-log crash test: ${KILLS} kills, ${acksTotal} acknowledged appends, ${unacknowledged} kills after a write and before its ack, ` +
        `${tails} torn tails set aside and reported (seed ${SEED})`,
    );
    expect(acksTotal).toBeGreaterThan(0);
    // Copies of the log are pruned, not piling up with every session.
    const copies = await fs.readdir(path.join(dir, 'backups'));
    for (const d of copies) expect((await fs.readdir(path.join(dir, 'backups', d))).length).toBeLessThanOrEqual(10);
  });
});
