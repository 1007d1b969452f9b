import { spawn } from 'node:child_process';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IntakeApplied, IntakeCheck } from '../../electron/core/domain/regency/model';
import { login, must, openCore, removeTempDirs, tempDir } from '../fixtures/harness';
import { opdItems, opdOffice, receiveAtUtama, runCycle, sendUp, utamaOffice } from '../fixtures/regency-offices';
import { bundleChild, prng, SEED } from './child';

/**
 * A PPID Utama's process applying an OPD package of two cycles is SIGKILLed at random moments;
 * after every kill the folder, opened the way the app opens it, holds the package wholly (every
 * act of both cycles, exactly the OPD's lines) or not at all (as before), never a part, and
 * receiving the package again then brings it in whole.
 */

const KILLS = 12;
let intaker = '';

beforeAll(async () => {
  intaker = await bundleChild('tests/crash/intaker.ts');
});
afterAll(removeTempDirs);

function startIntaker(dir: string, file: string) {
  const child = spawn(process.execPath, [intaker, dir, file], { stdio: ['pipe', 'pipe', 'pipe'] });
  let out = '';
  let stderr = '';
  const waiters: { marker: string; resolve: () => void }[] = [];
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => {
    out += chunk;
    for (const w of waiters.splice(0)) {
      if (out.includes(w.marker)) w.resolve();
      else waiters.push(w);
    }
  });
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  const closed = new Promise<NodeJS.Signals | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (_code, signal) => resolve(signal));
  });
  const seen = (marker: string) =>
    new Promise<void>((resolve) => {
      if (out.includes(marker)) resolve();
      else waiters.push({ marker, resolve });
    });
  return {
    /** Kills `delayMs` after the apply is asked for (`from` GO: the check too; CHECKED: the apply alone). */
    async run(delayMs: number, from: 'GO' | 'CHECKED') {
      await seen('READY\n');
      child.stdin.write('GO\n');
      if (from === 'CHECKED') await Promise.race([seen('CHECKED\n'), closed]);
      setTimeout(() => child.kill('SIGKILL'), delayMs);
      const signal = await closed;
      return { signal, stderr, done: out.includes('DONE diterapkan') };
    },
  };
}

const read = (file: string) => fs.readFile(file).catch(() => null);

describe('PPID Utama intake crash safety', () => {
  it(`survives ${KILLS} SIGKILLs mid-apply: an OPD's package is in whole or not at all`, { timeout: 600_000 }, async () => {
    const random = prng(SEED);
    // The OPD: last year's list at step 3 (its first package, trusted at the PPID Utama), then signed, and next year's begun.
    const opd = await opdOffice({ name: 'Dinas Kesehatan', unitCode: 'Dinkes' });
    const x = await runCycle(opd, { year: 2026, items: opdItems('Dinkes', 6), upTo: 'langkah3' });
    const first = await sendUp(opd, [x]);
    const xBefore = await fs.readFile(path.join(opd.dir, 'cycles', x, 'events.jsonl'));
    await must(opd.core, 'cycles.act', { cycleId: x, action: 'submitKonsep' }, opd.s.operator);
    const v = await must<{ items: { id: string }[] }>(opd.core, 'cycles.get', { cycleId: x }, opd.s.ppid);
    for (const i of v.items) await must(opd.core, 'cycles.markReview', { cycleId: x, itemId: i.id, verdict: 'sesuai' }, opd.s.ppid);
    const y = await runCycle(opd, { year: 2027, items: opdItems('Dinkes 2027', 4), upTo: 'langkah3' });
    const pkg = await sendUp(opd, [x, y]);
    const xAfter = await fs.readFile(path.join(opd.dir, 'cycles', x, 'events.jsonl'));
    const yAfter = await fs.readFile(path.join(opd.dir, 'cycles', y, 'events.jsonl'));
    await opd.core.close();

    const u = await utamaOffice();
    const { applied } = await receiveAtUtama(u, first);
    await must<IntakeApplied[]>(u.core, 'utama.trustSender', { checkId: applied.checkId }, u.s.utama);
    await u.core.close();
    const register = JSON.parse(await fs.readFile(path.join(u.dir, 'utama', 'register.json'), 'utf8')) as { entries: { entryId: string }[] };
    const entryId = register.entries[0]!.entryId;
    const files = await tempDir('ppid-crash-pkg-');
    const file = path.join(files, pkg.fileName);
    await fs.writeFile(file, pkg.bytes);

    let whole = 0;
    let none = 0;
    /** Kills that left an apply under way (its journal), finished by the open. */
    let finished = 0;
    for (let k = 0; k < KILLS; k++) {
      const dir = await tempDir('ppid-crash-utama-');
      await fs.cp(u.dir, dir, { recursive: true, filter: (src) => path.basename(src) !== 'ppid-desk.lock' });
      // Every other kill aims at the apply itself, a short window after the longer check.
      const from = k % 2 ? 'CHECKED' : 'GO';
      const delay = Math.floor(random() * (from === 'GO' ? 400 : 60));
      const r = await startIntaker(dir, file).run(delay, from);
      expect(r.stderr, `seed ${SEED}, kill ${k}`).toBe('');
      const cutShort = (await fs.readdir(path.join(dir, 'utama', 'masuk')).catch(() => [] as string[])).some((n) => n.endsWith('.ppid'));
      if (cutShort) finished += 1;

      const core = await openCore(dir);
      try {
        const logX = await read(path.join(dir, 'utama', 'opd', entryId, x, 'events.jsonl'));
        const logY = await read(path.join(dir, 'utama', 'opd', entryId, y, 'events.jsonl'));
        const isWhole = !!logX?.equals(xAfter) && !!logY?.equals(yAfter);
        const isNone = !!logX?.equals(xBefore) && logY === null;
        expect(isWhole || isNone, `seed ${SEED}, kill ${k} after ${delay} ms: a part of the package`).toBe(true);
        if (r.done) expect(isWhole, `seed ${SEED}, kill ${k}: acknowledged but not whole`).toBe(true);
        expect((await fs.readdir(path.join(dir, 'utama', 'masuk')).catch(() => [])).filter((n) => n.endsWith('.ppid'))).toEqual([]);
        if (isWhole) whole += 1;
        else none += 1;

        // Receiving it again brings it in whole (or says it is there).
        const s = await login(core, 'operator');
        const c = await must<IntakeCheck>(core, 'utama.check', { base64: pkg.base64, fileName: pkg.fileName }, s);
        expect(c.status).toBe(isWhole ? 'sama' : 'siap');
        await must(core, 'utama.apply', { checkId: c.checkId }, s);
        expect((await read(path.join(dir, 'utama', 'opd', entryId, y, 'events.jsonl')))?.equals(yAfter)).toBe(true);
      } finally {
        await core.close();
        await fs.rm(dir, { recursive: true, force: true });
      }
    }
    // Not a guarantee of the schedule, but a run that never cut an apply short would prove nothing.
    console.log(`regency intake crash: ${whole} whole (${finished} finished on open), ${none} none (seed ${SEED})`);
  });
});
