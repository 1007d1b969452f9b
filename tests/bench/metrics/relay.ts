import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Core } from '../../../electron/core/app-core';
import type { RelayStatus } from '../../../electron/core/domain/sync/relay';
import type { Stores } from '../../../electron/core/services/context';
import { DEMO_PASSWORD } from '../../../electron/core/services/demo';
import { setUpRelay, startCouchServer, type CouchServer } from '../../fixtures/couch-server';
import { defineMetrics, type Metric } from '../metric';
import { invoke, open, world, type World } from './sync';

/**
 * Issue 14's relay goals, against a local CouchDB-protocol server (pouchdb-server in memory,
 * set up as docs/relay.md says), with the same 500-item cycle as sync.*.500 (about 1,500 acts,
 * each signed by the sending laptop):
 *   relay.push.500  one round of the sending laptop into an empty database: every act up in
 *                   `_bulk_docs` batches, checkpoints stored, then its own acts back in `_changes`
 *                   (recognised, nothing written)
 *   relay.pull.500  one round of a receiving laptop that trusts the sender and has never seen
 *                   the cycle: every act through the receive pipeline (hash, signature, trust,
 *                   SOP at the author's point), the log written, the sequence stored
 * Goal: 1 s each. relay.regency.40x300 (the PPID Utama pulling 40 OPD) is relay-regency.ts.
 */

interface Ctx {
  w: World;
  server: CouchServer;
  core: Core | null;
  session: string;
  db: string;
  copies: number;
}

let server: Promise<CouchServer> | null = null;
let databases = 0;
const USERS = [
  { name: 'laptop-pengirim', password: 'sandi-pengirim-bench' },
  { name: 'laptop-penerima', password: 'sandi-penerima-bench' },
];

function couch(): Promise<CouchServer> {
  server ??= startCouchServer().then((s) => {
    process.once('exit', () => void s.kill());
    return s;
  });
  return server;
}

async function newDatabase(s: CouchServer): Promise<string> {
  const db = `bench-relay-${++databases}`;
  await setUpRelay(s, db, databases === 1 ? USERS : []);
  return db;
}

const storesOf = (core: Core) => (core as unknown as { stores: Stores }).stores;

async function round(ctx: Ctx, user: (typeof USERS)[number], enabled: boolean): Promise<void> {
  await invoke(ctx.core!, 'relay.set', { url: ctx.server.url, database: ctx.db, username: user.name, password: user.password, enabled }, ctx.session);
  await storesOf(ctx.core!).relay.idle();
  if (!enabled) return;
  const st = await invoke<RelayStatus>(ctx.core!, 'relay.status', {}, ctx.session);
  if (st.state !== 'tersinkron') throw new Error(`relay round ended ${st.state}: ${st.lastError}`);
}

async function login(core: Core): Promise<string> {
  return (await invoke<{ sessionToken: string }>(core, 'auth.login', { username: 'ppid', password: DEMO_PASSWORD })).sessionToken;
}

const close = async (ctx: Ctx) => {
  await ctx.core?.close();
  ctx.core = null;
};

export const metrics = defineMetrics(
  ...([
    {
      name: 'relay.push.500',
      runs: 5,
      warmup: 1,
      async setup() {
        const w = await world(500);
        const s = await couch();
        const core = await open(w.sender);
        return { w, server: s, core, session: await login(core), db: '', copies: 0 };
      },
      async beforeEach(ctx) {
        // An empty database, and the sender's checkpoints forgotten with it (another target).
        ctx.db = await newDatabase(ctx.server);
        await round(ctx, USERS[0]!, false);
      },
      async run(ctx) {
        await round(ctx, USERS[0]!, true);
      },
      teardown: close,
    },
    {
      name: 'relay.pull.500',
      runs: 5,
      warmup: 1,
      async setup() {
        const w = await world(500);
        const s = await couch();
        const ctx: Ctx = { w, server: s, core: await open(w.sender), session: '', db: await newDatabase(s), copies: 0 };
        ctx.session = await login(ctx.core!);
        await round(ctx, USERS[0]!, true);
        await close(ctx);
        return ctx;
      },
      async beforeEach(ctx) {
        await close(ctx);
        const dir = path.join(ctx.w.root, `relay-penerima-${++ctx.copies}`);
        await fs.cp(ctx.w.template, dir, { recursive: true });
        ctx.core = await open(dir);
        ctx.session = await login(ctx.core);
        await round(ctx, USERS[1]!, false);
      },
      async run(ctx) {
        await round(ctx, USERS[1]!, true);
        if (!storesOf(ctx.core!).cycles.get(ctx.w.cycleId)) throw new Error('the cycle did not arrive');
      },
      teardown: close,
    },
  ] satisfies Metric<Ctx>[] as Metric<unknown>[]),
);
