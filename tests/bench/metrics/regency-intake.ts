import { rmSync } from 'node:fs';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Core } from '../../../electron/core/app-core';
import type { IntakeApplied, IntakeCheck } from '../../../electron/core/domain/regency/model';
import { demoSetup, DEMO_PASSWORD } from '../../../electron/core/services/demo';
import { benchDir } from '../data';
import { defineMetrics, type Metric } from '../metric';
import { invoke, open, setUp, writeCycle } from './sync';

/**
 * Issue 13's budget as the PPID Utama lives it: `utama.consolidate.40x300` receives 40 OPD packages
 * of a signed 300-item cycle each (≈ 900 signed acts apiece, from 40 installations of 40
 * offices) through `utama.check` + `utama.apply`, then builds the consolidated DIP DOCX through
 * `utama.buildDocument` — all through the contract, as the screens call it. Budget: ≤ 5 s in
 * all, peak memory ≤ 500 MB (`peak_mb`: the resident memory's rise during the run).
 *
 * Untimed: each OPD's first contact. The PPID Utama trusts each OPD's key once, on a small
 * earlier package (its 2026 list), in a template data folder copied before every run; the timed
 * packages are the 2027 lists from laptops already trusted.
 */

const OPD = 40;
const ITEMS = 300;
const MB = 1024 * 1024;

interface World {
  root: string;
  template: string;
  packages: { base64: string; fileName: string }[];
}

let built: Promise<World> | null = null;

export function utamaInput() {
  const base = demoSetup(null).input;
  const { bidang: _bidang, ...office } = base.office;
  const kepala = base.officials.kepala;
  const operator = base.officials.operators[0]!;
  return {
    officeKind: 'utama',
    office,
    officials: { ...base.officials, kepala: { ...kepala, jabatan: 'Kepala Dinas Komunikasi, Informatika dan Statistik selaku PPID Utama' } },
    documents: base.documents,
    accounts: [
      { personId: kepala.id, username: 'utama', role: 'ppid_utama', isAdmin: true, password: DEMO_PASSWORD },
      { personId: operator.id, username: 'operator', role: 'operator', isAdmin: false, password: DEMO_PASSWORD },
    ],
  };
}

const login = async (core: Core, username: string) => (await invoke<{ sessionToken: string }>(core, 'auth.login', { username, password: DEMO_PASSWORD })).sessionToken;

async function exportFor(dir: string, cycleId: string): Promise<{ base64: string; fileName: string }> {
  const core = await open(dir);
  const ppid = await login(core, 'ppid');
  const { base64, fileName } = await invoke<{ base64: string; fileName: string }>(core, 'sync.export', { cycleIds: [cycleId], to: 'ppid_utama', withFiles: false }, ppid);
  await core.close();
  return { base64, fileName };
}

function world(): Promise<World> {
  built ??= (async () => {
    const root = await benchDir('utama-intake');
    process.once('exit', () => rmSync(root, { recursive: true, force: true }));
    const template = path.join(root, 'utama');
    const utama = await open(template);
    await invoke(utama, 'setup.complete', utamaInput());
    const boss = await login(utama, 'utama');
    const packages: World['packages'] = [];
    for (let k = 1; k <= OPD; k++) {
      const dir = path.join(root, `opd-${k}`);
      const self = await setUp(dir, null, { opdName: `Perangkat Daerah Nomor ${k}`, unitCode: `OPD-${k}` });
      const first = await writeCycle(dir, self.installationId, 3, 2026);
      const big = await writeCycle(dir, self.installationId, ITEMS, 2027);
      // First contact: the 2026 list waits for its key, which the PPID Utama trusts once.
      const check = await invoke<IntakeCheck>(utama, 'utama.check', await exportFor(dir, first), boss);
      const applied = await invoke<IntakeApplied>(utama, 'utama.apply', { checkId: check.checkId }, boss);
      if (applied.result !== 'menunggu_kepercayaan') throw new Error(`utama.consolidate: first package ${applied.result}`);
      const trusted = await invoke<IntakeApplied[]>(utama, 'utama.trustSender', { checkId: check.checkId }, boss);
      if (trusted[0]?.result !== 'diterapkan') throw new Error('utama.consolidate: the first package was not applied after trust');
      packages.push(await exportFor(dir, big));
    }
    await utama.close();
    return { root, template, packages };
  })();
  return built;
}

interface Ctx {
  w: World;
  core: Core | null;
  session: string;
  copies: number;
  peakMb: number;
}

const intake: Metric<Ctx> = {
  name: `utama.consolidate.${OPD}x${ITEMS}`,
  runs: 3,
  warmup: 1,
  async setup() {
    return { w: await world(), core: null, session: '', copies: 0, peakMb: 0 };
  },
  async beforeEach(ctx) {
    await ctx.core?.close();
    const dir = path.join(ctx.w.root, `utama-${++ctx.copies}`);
    await fs.cp(ctx.w.template, dir, { recursive: true });
    ctx.core = await open(dir);
    ctx.session = await login(ctx.core, 'utama');
  },
  async run(ctx) {
    const before = process.memoryUsage().rss;
    let peak = before;
    const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
    try {
      for (const pkg of ctx.w.packages) {
        const check = await invoke<IntakeCheck>(ctx.core!, 'utama.check', pkg, ctx.session);
        const applied = await invoke<IntakeApplied>(ctx.core!, 'utama.apply', { checkId: check.checkId }, ctx.session);
        if (applied.result !== 'diterapkan') throw new Error(`utama.consolidate: ${applied.result} ${applied.message ?? ''}`);
      }
      const doc = await invoke<{ base64: string | null }>(ctx.core!, 'utama.buildDocument', { kind: 'regencyDip', format: 'docx', year: 2027 }, ctx.session);
      if (!doc.base64 || doc.base64.length < 100_000) throw new Error('utama.consolidate: the consolidated DIP is suspiciously small');
    } finally {
      clearInterval(timer);
    }
    ctx.peakMb = Math.max(ctx.peakMb, (Math.max(peak, process.memoryUsage().rss) - before) / MB);
  },
  async teardown(ctx) {
    await ctx.core?.close();
  },
  extra: (ctx) => ({ peak_mb: ctx.peakMb }),
};

export const metrics = defineMetrics(intake);
