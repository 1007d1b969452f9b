import { promises as fs, rmSync } from 'node:fs';
import path from 'node:path';
import type { Core } from '../../../electron/core/app-core';
import type { RelayStatus } from '../../../electron/core/domain/sync/relay';
import { buildCardDoc } from '../../../electron/core/relay/device-card';
import type { Stores } from '../../../electron/core/services/context';
import { DEMO_PASSWORD } from '../../../electron/core/services/demo';
import { setUpRelay, startCouchServer, type CouchServer } from '../../fixtures/couch-server';
import { benchDir, clock } from '../data';
import { defineMetrics, type Metric } from '../metric';
import { utamaInput } from './regency-intake';
import { invoke, open, setUp, writeCycle } from './sync';

/**
 * Issue 14's regency goal: `relay.regency.40x300` — the PPID Utama's installation pulls 40 OPD
 * of 300 items each from the regency's relay database, from nothing: one round reads every
 * `_changes` page (about 36,000 act documents and 40 laptop cards), checks every card and every
 * act (hash, signature under the key its office's trusted card gives, the SOP where its author
 * stood) and writes each OPD's logs and register entry. Budget ≤ 10 s, peak memory ≤ 500 MB
 * (`peak_mb`: the resident memory's rise during the round; the server is another process).
 *
 * Untimed: the relay filled (each OPD's signed cycle as the app writes it, put there as its
 * laptop's rounds would, with its card), and trust — a person's step, once per OPD: the
 * template's register already trusts each OPD laptop's key. Every run copies the template and
 * switches the relay on; the round that starts is what is timed.
 */

const OPD = 40;
const ITEMS = 300;
const MB = 1024 * 1024;
const USER = { name: 'ppid-utama-bench', password: 'sandi-utama-bench' };

interface World {
  root: string;
  template: string;
  server: CouchServer;
  database: string;
  acts: number;
}

let built: Promise<World> | null = null;

const storesOf = (core: Core) => (core as unknown as { stores: Stores }).stores;
const login = async (core: Core, username: string) => (await invoke<{ sessionToken: string }>(core, 'auth.login', { username, password: DEMO_PASSWORD })).sessionToken;

function world(): Promise<World> {
  built ??= (async () => {
    const root = await benchDir('relay-regency');
    const server = await startCouchServer();
    process.once('exit', () => {
      void server.kill();
      rmSync(root, { recursive: true, force: true });
    });
    const database = 'bench-kapuashulu';
    await setUpRelay(server, database, [USER]);
    const template = path.join(root, 'utama');
    const utama = await open(template);
    await invoke(utama, 'setup.complete', utamaInput());
    const reg = storesOf(utama).regency;
    let acts = 0;
    for (let k = 1; k <= OPD; k++) {
      const dir = path.join(root, `opd-${k}`);
      const office = { opdName: `Perangkat Daerah Nomor ${k}`, unitCode: `OPD-${k}` };
      const self = await setUp(dir, null, office);
      const cycleId = await writeCycle(dir, self.installationId, ITEMS, 2027);
      const lines = (await fs.readFile(path.join(dir, 'cycles', cycleId, 'events.jsonl'), 'utf8')).split('\n').filter(Boolean);
      const docs: Record<string, unknown>[] = lines.map((line) => {
        const id = (JSON.parse(line) as { id: string }).id;
        return { _id: `act:${cycleId}:${id}`, type: 'tindakan', officeId: self.officeId, cycleId, actId: id, installationId: self.installationId, line };
      });
      acts += docs.length;
      const core = await open(dir);
      docs.push(buildCardDoc(storesOf(core), clock.now()) as unknown as Record<string, unknown>);
      await core.close();
      for (let i = 0; i < docs.length; i += 1000) {
        const r = await server.admin('POST', `/${database}/_bulk_docs`, { docs: docs.slice(i, i + 1000) });
        if (r.status >= 300) throw new Error(`relay.regency: bulk_docs ${r.status}`);
      }
      // The PPID Utama trusted this OPD's laptop once (utama.trustRelayDevice writes the same).
      const at = clock.now().toISOString();
      await reg.link({
        entryId: null,
        identity: { officeId: self.officeId, name: office.opdName, unitCode: office.unitCode },
        contact: {},
        trustKey: { installationId: self.installationId, name: 'Laptop PPID Pembantu', publicKey: self.publicKey, trustedAt: at, trustedBy: 'utama', revokedAt: null },
        pin: { [self.installationId]: { name: 'Laptop PPID Pembantu', publicKey: self.publicKey } },
        at,
        by: 'utama',
      });
    }
    await utama.close();
    return { root, template, server, database, acts };
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

const relaySet = (ctx: Ctx, enabled: boolean) =>
  invoke(ctx.core!, 'relay.set', { url: ctx.w.server.url, database: ctx.w.database, username: USER.name, password: USER.password, enabled }, ctx.session);

const pull: Metric<Ctx> = {
  name: `relay.regency.${OPD}x${ITEMS}`,
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
    await relaySet(ctx, false);
    await storesOf(ctx.core).relay.idle();
  },
  async run(ctx) {
    // rss() alone: memoryUsage() walks the heap spaces, too slow to ask every 5 ms.
    const before = process.memoryUsage.rss();
    let peak = before;
    const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 5);
    try {
      await relaySet(ctx, true);
      await storesOf(ctx.core!).relay.idle();
    } finally {
      clearInterval(timer);
    }
    ctx.peakMb = Math.max(ctx.peakMb, (Math.max(peak, process.memoryUsage.rss()) - before) / MB);
    const st = await invoke<RelayStatus>(ctx.core!, 'relay.status', {}, ctx.session);
    if (st.state !== 'tersinkron') throw new Error(`relay.regency: round ended ${st.state}: ${st.lastError}`);
    const reg = storesOf(ctx.core!).regency;
    const held = reg.entries().reduce((n, e) => n + reg.cyclesOf(e.entryId).reduce((m, c) => m + reg.cycleEvents(e.entryId, c.id).length, 0), 0);
    if (held !== ctx.w.acts) throw new Error(`relay.regency: ${held} of ${ctx.w.acts} acts held (${st.kept.ditolak} refused, ${st.kept.menunggu} waiting, ${st.kept.belumDipercaya} untrusted)`);
  },
  async teardown(ctx) {
    await ctx.core?.close();
  },
  extra: (ctx) => ({ peak_mb: ctx.peakMb }),
};

export const metrics = defineMetrics(pull as Metric<unknown>);
