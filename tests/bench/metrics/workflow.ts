import { randomUUID } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { Core } from '../../../electron/core/app-core';
import { demoSetup, DEMO_PASSWORD } from '../../../electron/core/services/demo';
import { ACT_FORMAT, type Actor, type CycleEvent, type EventBody } from '../../../electron/core/domain/workflow';
import { eventHash, eventLine } from '../../../electron/core/store/event-log';
import { benchItem, benchDir, clock, removeDir } from '../data';
import { defineMetrics, type Metric } from '../metric';

/**
 * Five years of one OPD: five signed cycles of 400 items each (2,000 items) and 20,000
 * recorded acts in all, written as the app writes them (chained, one log per cycle).
 */
const YEARS = 5;
const ITEMS = 400;
const ACTS_PER_CYCLE = 4000;
const BIDANG = demoSetup(null).input.office.bidang;

const item = (n: number) => benchItem(n, BIDANG);

async function writeCycle(root: string, year: number, installationId: string, actors: Record<string, Actor>): Promise<string> {
  const cycleId = randomUUID();
  const bodies: [EventBody, Actor][] = [[{ type: 'cycle.created', title: `DIP ${year}`, year, carriedFrom: null }, actors.operator!]];
  const ids = Array.from({ length: ITEMS }, () => randomUUID());
  ids.forEach((itemId, n) => bodies.push([{ type: 'item.added', itemId, fields: item(n), origin: 'baru', sourceItemId: null }, actors.operator!]));
  const tr = (action: 'report' | 'issueNotaDinas' | 'submitKonsep' | 'approve' | 'archive', from: string, to: string, role: string, data = {}) =>
    bodies.push([{ type: 'transition', action, from, to, reasons: '', data } as EventBody, actors[role]!]);
  tr('report', 'identifikasi', 'nota_dinas', 'operator');
  tr('issueNotaDinas', 'nota_dinas', 'pengumpulan', 'ppid', { notaDinasNumber: `500.12.2/001/X/${year}`, notaDinasDate: `${year}-01-05T02:00:00.000Z` });
  const reviews = ITEMS;
  const edits = ACTS_PER_CYCLE - bodies.length - reviews - 4;
  for (let i = 0; i < edits; i++) bodies.push([{ type: 'item.updated', itemId: ids[i % ITEMS]!, fields: { retensi: `${(i % 9) + 1} tahun` } }, actors.operator!]);
  tr('submitKonsep', 'pengumpulan', 'pemeriksaan_ppid', 'operator', { version: 1 });
  ids.forEach((itemId) => bodies.push([{ type: 'review.marked', itemId, version: 1, verdict: 'sesuai', note: '' }, actors.ppid!]));
  tr('approve', 'pemeriksaan_ppid', 'pemeriksaan_kepala', 'ppid');
  tr('approve', 'pemeriksaan_kepala', 'arsip', 'kepala', { signedBy: actors.kepala!.name });
  tr('archive', 'arsip', 'selesai', 'kepala');
  let parents: string[] = [];
  let parentHashes: string[] = [];
  const lines: string[] = [];
  bodies.forEach(([body, actor], n) => {
    const base = { v: ACT_FORMAT, id: randomUUID(), cycleId, parents, installationId, at: new Date(Date.UTC(year, 0, 2) + n * 60_000).toISOString(), actor, body };
    const e: CycleEvent = { ...base, hash: eventHash(parentHashes, base), sig: null };
    lines.push(eventLine(e));
    parents = [e.id];
    parentHashes = [e.hash];
  });
  await fs.mkdir(path.join(root, cycleId), { recursive: true });
  await fs.writeFile(path.join(root, cycleId, 'events.jsonl'), lines.join('\n') + '\n');
  return cycleId;
}

interface Ctx {
  dir: string;
  core: Core | null;
  session: string;
  cycleId: string;
  itemId: string;
  n: number;
}

/** Also used by the backup metrics: the same five years, in a data folder of its own. */
export async function fiveYears(): Promise<Ctx> {
  const dir = await benchDir('workflow');
  const core = await Core.open({ dataDir: dir, clock, holder: 'bench', resourcesDir: path.resolve('resources'), appVersion: 'bench' });
  await core.invoke({ name: 'setup.loadDemo' });
  const installationId = JSON.parse(await fs.readFile(path.join(dir, 'app.json'), 'utf8')).installationId as string;
  await core.close();
  const actors: Record<string, Actor> = {
    operator: { userId: 'u1', username: 'operator', name: 'Rizky Pratama, S.Kom.', role: 'operator' },
    ppid: { userId: 'u2', username: 'ppid', name: 'Yuliana Sari, S.Sos., M.AP.', role: 'ppid_pembantu' },
    kepala: { userId: 'u3', username: 'kepala', name: 'Drs. Agustinus Rangkap, M.Si.', role: 'kepala_opd' },
  };
  for (let y = 2021; y < 2021 + YEARS; y++) await writeCycle(path.join(dir, 'cycles'), y, installationId, actors);
  return { dir, core: null, session: '', cycleId: '', itemId: '', n: 0 };
}

const open: Metric<Ctx> = {
  name: 'workflow.open.5y',
  runs: 10,
  warmup: 1,
  setup: fiveYears,
  async run(ctx) {
    const core = await Core.open({ dataDir: ctx.dir, clock, holder: 'bench', resourcesDir: path.resolve('resources'), appVersion: 'bench' });
    const status = core.status();
    await core.close();
    if (status.state !== 'ready') throw new Error('did not open');
  },
  teardown: (ctx) => removeDir(ctx.dir),
};

/** One item edit through the contract, as the screen sends it, on top of five years of history. */
const save: Metric<Ctx> = {
  name: 'workflow.save.5y',
  runs: 30,
  warmup: 3,
  floor: 'fsync.baseline.10k',
  async setup() {
    const ctx = await fiveYears();
    const core = await Core.open({ dataDir: ctx.dir, clock, holder: 'bench', resourcesDir: path.resolve('resources'), appVersion: 'bench' });
    const login = (await core.invoke({ name: 'auth.login', input: { username: 'operator', password: DEMO_PASSWORD } })) as { data: { sessionToken: string } };
    const created = (await core.invoke({ name: 'cycles.create', input: { title: 'DIP 2026', year: 2026 }, session: login.data.sessionToken })) as { data: { id: string } };
    const added = (await core.invoke({
      name: 'cycles.addItems',
      input: { cycleId: created.data.id, items: Array.from({ length: ITEMS }, (_, n) => item(n)) },
      session: login.data.sessionToken,
    })) as { ok: boolean; data: { items: { id: string }[] } };
    return { ...ctx, core, session: login.data.sessionToken, cycleId: created.data.id, itemId: added.data.items[0]!.id };
  },
  async run(ctx) {
    ctx.n += 1;
    const r = await ctx.core!.invoke({
      name: 'cycles.updateItem',
      input: { cycleId: ctx.cycleId, itemId: ctx.itemId, fields: { ringkasan: `Ringkasan revisi ${ctx.n}` } },
      session: ctx.session,
    });
    if (!r.ok) throw new Error(r.message);
  },
  async teardown(ctx) {
    await ctx.core?.close();
    await removeDir(ctx.dir);
  },
};

export const metrics = defineMetrics(open as Metric<unknown>, save as Metric<unknown>);
