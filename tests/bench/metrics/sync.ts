import { createPrivateKey, randomUUID, sign } from 'node:crypto';
import { promises as fs, rmSync } from 'node:fs';
import path from 'node:path';
import { Core } from '../../../electron/core/app-core';
import { ACT_FORMAT, type Actor, type CycleEvent, type EventBody } from '../../../electron/core/domain/workflow';
import { demoSetup, DEMO_PASSWORD } from '../../../electron/core/services/demo';
import { eventHash, eventLine } from '../../../electron/core/store/event-log';
import { benchItem, benchDir, clock } from '../data';
import { defineMetrics, type Metric } from '../metric';

/**
 * Issue 11's package goals: a cycle of N items moved from one laptop to another. The cycle is
 * written as the app writes it — every act chained and signed with the sending laptop's own
 * device key — from the first act to the archive: N items added, N edited at step 3, N review
 * marks, the transitions (about 3N acts). The receiving laptop is another data folder of the
 * same office that trusts the sender with the three roles. Timed through the contract:
 *   sync.export.N    sync.export of the cycle (zip, manifest, signature, base64)
 *   sync.preview.N   sync.preview on the receiver (every check: container, signatures, SOP)
 *   sync.apply.N     sync.apply of that preview on a receiver without the cycle
 *   sync.reimport.N  preview + apply of the same package again on a receiver that has it
 */

const BIDANG = demoSetup(null).input.office.bidang;
export const open = (dir: string) => Core.open({ dataDir: dir, clock, holder: 'bench', resourcesDir: path.resolve('resources'), appVersion: 'bench' });

const item = (n: number) => benchItem(n, BIDANG);

export async function invoke<T>(core: Core, name: string, input: unknown, session?: string): Promise<T> {
  const r = await core.invoke({ name, input, session });
  if (!r.ok) throw new Error(`${name}: ${r.message}`);
  return r.data as T;
}

export async function setUp(dir: string, officeId: string | null, office: { opdName: string; unitCode: string } | null = null): Promise<{ installationId: string; publicKey: string; officeId: string }> {
  const core = await open(dir);
  await invoke(core, 'setup.complete', demoSetup(null).input);
  const admin = (await invoke<{ sessionToken: string }>(core, 'auth.login', { username: 'ppid', password: DEMO_PASSWORD })).sessionToken;
  const self = await invoke<{ installationId: string; publicKey: string }>(core, 'devices.self', {}, admin);
  await core.close();
  const file = path.join(dir, 'settings.json');
  const data = JSON.parse(await fs.readFile(file, 'utf8'));
  if (officeId) data.settings.officeId = officeId;
  if (office) data.settings.office = { ...data.settings.office, ...office };
  if (officeId || office) await fs.writeFile(file, JSON.stringify(data));
  return { ...self, officeId: data.settings.officeId as string };
}

/** The whole cycle's log, each act signed with the sender's key from its data folder. */
export async function writeCycle(dir: string, installationId: string, items: number, year = 2027): Promise<string> {
  const key = createPrivateKey(await fs.readFile(path.join(dir, 'device-key.pem'), 'utf8'));
  const users = (JSON.parse(await fs.readFile(path.join(dir, 'app.json'), 'utf8')) as { users: { id: string; username: string; role: Actor['role'] }[] }).users;
  const actor = (username: string): Actor => {
    const u = users.find((x) => x.username === username)!;
    return { userId: u.id, username, name: `Akun ${username}`, role: u.role };
  };
  const [operator, ppid, kepala] = [actor('operator'), actor('ppid'), actor('kepala')];
  const cycleId = randomUUID();
  const bodies: [EventBody, Actor][] = [[{ type: 'cycle.created', title: `DIP ${year}`, year, carriedFrom: null }, operator]];
  const ids = Array.from({ length: items }, () => randomUUID());
  ids.forEach((itemId, n) => bodies.push([{ type: 'item.added', itemId, fields: item(n), origin: 'baru', sourceItemId: null }, operator]));
  const tr = (action: string, from: string, to: string, who: Actor, data = {}) => bodies.push([{ type: 'transition', action, from, to, reasons: '', data } as EventBody, who]);
  tr('report', 'identifikasi', 'nota_dinas', operator);
  const draft = { kepada: 'Para Kepala Bidang', dari: 'Sekretaris', tembusan: [], sifat: 'Biasa', lampiran: '', hal: 'Pendokumentasian informasi publik', isi: 'Mohon melengkapi daftar informasi publik bidang masing-masing.', batasWaktu: '1 hari' } as const;
  bodies.push([{ type: 'notaDinas.saved', draft: { ...draft, tembusan: [] } }, ppid]);
  tr('issueNotaDinas', 'nota_dinas', 'pengumpulan', ppid, { notaDinasNumber: `500.12.2/001/X/${year}`, notaDinasDate: `${year}-01-05T02:00:00.000Z` });
  ids.forEach((itemId, n) => bodies.push([{ type: 'item.updated', itemId, fields: { retensi: `${(n % 9) + 1} tahun` } }, operator]));
  tr('submitKonsep', 'pengumpulan', 'pemeriksaan_ppid', operator, { version: 1 });
  ids.forEach((itemId) => bodies.push([{ type: 'review.marked', itemId, version: 1, verdict: 'sesuai', note: '' }, ppid]));
  tr('approve', 'pemeriksaan_ppid', 'pemeriksaan_kepala', ppid);
  tr('approve', 'pemeriksaan_kepala', 'arsip', kepala, { signedBy: kepala.name });
  tr('archive', 'arsip', 'selesai', kepala);
  let parents: string[] = [];
  let parentHashes: string[] = [];
  const lines = bodies.map(([body, who], n) => {
    const base = { v: ACT_FORMAT, id: randomUUID(), cycleId, parents, installationId, at: new Date(Date.UTC(2026, 0, 2) + n * 60_000).toISOString(), actor: who, body };
    const hash = eventHash(parentHashes, base);
    const e: CycleEvent = { ...base, hash, sig: sign(null, Buffer.from(hash, 'hex'), key).toString('base64') };
    parents = [e.id];
    parentHashes = [e.hash];
    return eventLine(e);
  });
  await fs.mkdir(path.join(dir, 'cycles', cycleId), { recursive: true });
  await fs.writeFile(path.join(dir, 'cycles', cycleId, 'events.jsonl'), lines.join('\n') + '\n');
  return cycleId;
}

export interface World {
  root: string;
  sender: string;
  /** A set-up receiver that trusts the sender and has never seen the cycle: copied for every apply. */
  template: string;
  cycleId: string;
  pkg: { base64: string; fileName: string };
}

const worlds = new Map<number, Promise<World>>();

/** Built once per size and shared by the four metrics of that size; removed when the bench ends, whichever ran. */
export function world(items: number): Promise<World> {
  let w = worlds.get(items);
  if (!w) {
    w = (async () => {
      const root = await benchDir(`sync-${items}`);
      process.once('exit', () => rmSync(root, { recursive: true, force: true }));
      const sender = path.join(root, 'pengirim');
      const template = path.join(root, 'penerima');
      const s = await setUp(sender, null);
      const cycleId = await writeCycle(sender, s.installationId, items);
      await setUp(template, s.officeId);
      const core = await open(template);
      const admin = (await invoke<{ sessionToken: string }>(core, 'auth.login', { username: 'ppid', password: DEMO_PASSWORD })).sessionToken;
      await invoke(core, 'devices.trust', { installationId: s.installationId, name: 'Laptop Operator', publicKey: s.publicKey, roles: ['operator', 'ppid_pembantu', 'kepala_opd'] }, admin);
      await core.close();
      const out = await open(sender);
      const op = (await invoke<{ sessionToken: string }>(out, 'auth.login', { username: 'operator', password: DEMO_PASSWORD })).sessionToken;
      const { base64, fileName } = await invoke<{ base64: string; fileName: string }>(out, 'sync.export', { cycleIds: [cycleId] }, op);
      await out.close();
      return { root, sender, template, cycleId, pkg: { base64, fileName } };
    })();
    worlds.set(items, w);
  }
  return w;
}

interface Ctx {
  w: World;
  core: Core | null;
  session: string;
  previewId: string;
  copies: number;
}

/** A fresh copy of the receiver (untimed), logged in as its administrator. */
async function freshReceiver(ctx: Ctx): Promise<void> {
  await ctx.core?.close();
  const dir = path.join(ctx.w.root, `penerima-${++ctx.copies}`);
  await fs.cp(ctx.w.template, dir, { recursive: true });
  ctx.core = await open(dir);
  ctx.session = (await invoke<{ sessionToken: string }>(ctx.core, 'auth.login', { username: 'ppid', password: DEMO_PASSWORD })).sessionToken;
}

const preview = (ctx: Ctx) => invoke<{ previewId: string; cycles: { newActs: number }[] }>(ctx.core!, 'sync.preview', ctx.w.pkg, ctx.session);

function metricsFor(items: number, runs: number): Metric<Ctx>[] {
  const base = async (): Promise<Ctx> => ({ w: await world(items), core: null, session: '', previewId: '', copies: 0 });
  const close = async (ctx: Ctx) => {
    await ctx.core?.close();
    ctx.core = null;
  };
  return [
    {
      name: `sync.export.${items}`,
      runs,
      warmup: 1,
      async setup() {
        const ctx = await base();
        ctx.core = await open(ctx.w.sender);
        ctx.session = (await invoke<{ sessionToken: string }>(ctx.core, 'auth.login', { username: 'operator', password: DEMO_PASSWORD })).sessionToken;
        return ctx;
      },
      async run(ctx) {
        await invoke(ctx.core!, 'sync.export', { cycleIds: [ctx.w.cycleId] }, ctx.session);
      },
      teardown: close,
    },
    {
      name: `sync.preview.${items}`,
      runs,
      warmup: 1,
      async setup() {
        const ctx = await base();
        await freshReceiver(ctx);
        return ctx;
      },
      async run(ctx) {
        const p = await preview(ctx);
        if (p.cycles[0]!.newActs < items * 3) throw new Error('preview saw too few acts');
      },
      teardown: close,
    },
    {
      name: `sync.apply.${items}`,
      runs,
      warmup: 1,
      setup: base,
      async beforeEach(ctx) {
        await freshReceiver(ctx);
        ctx.previewId = (await preview(ctx)).previewId;
      },
      async run(ctx) {
        await invoke(ctx.core!, 'sync.apply', { previewId: ctx.previewId }, ctx.session);
      },
      teardown: close,
    },
    {
      name: `sync.reimport.${items}`,
      runs,
      warmup: 1,
      async setup() {
        const ctx = await base();
        await freshReceiver(ctx);
        await invoke(ctx.core!, 'sync.apply', { previewId: (await preview(ctx)).previewId }, ctx.session);
        return ctx;
      },
      async run(ctx) {
        const p = await preview(ctx);
        await invoke(ctx.core!, 'sync.apply', { previewId: p.previewId }, ctx.session);
      },
      teardown: close,
    },
  ];
}

export const metrics = defineMetrics(...(metricsFor(500, 10) as Metric<unknown>[]), ...(metricsFor(5000, 5) as Metric<unknown>[]));
