import path from 'node:path';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { Core } from '../../electron/core/app-core';
import type { Role } from '../../electron/core/domain/roles';
import type { RelayConfigView, RelayStatus } from '../../electron/core/domain/sync/relay';
import type { DeviceSelfView } from '../../electron/core/domain/sync/trust';
import type { RelayOptions, RelayTimer } from '../../electron/core/relay/relay';
import { login, must, removeTempDirs } from '../fixtures/harness';
import { officeLaptops } from '../fixtures/laptops';
import { setUpRelay, startCouchServer, type CouchServer } from '../fixtures/couch-server';
import { storesOf, type Desk } from './sync-fixtures';

/**
 * Desks for the relay tests: laptops of one office (tests/fixtures/laptops.ts), reopened with
 * a relay whose timer the test holds (no round starts by itself: a test asks for one with
 * relay.syncNow, then waits for it), each trusting the others with the roles the office gave
 * them — as an administrator does in Pengaturan › Perangkat before switching a relay on,
 * since a relay batch has no package whose signer could be trusted on the spot.
 */

/** Rounds wait on it until the test fires it: the delays asked for are what back-off means. */
export class ManualTimer implements RelayTimer {
  readonly asked: number[] = [];
  private pending = new Map<number, () => void>();
  private next = 1;
  set(fn: () => void, ms: number): unknown {
    this.asked.push(ms);
    const h = this.next++;
    this.pending.set(h, fn);
    return h;
  }
  clear(handle: unknown): void {
    this.pending.delete(handle as number);
  }
  /** Runs what is waiting (a retry, or the next regular round). */
  fire(): void {
    const all = [...this.pending.values()];
    this.pending.clear();
    for (const f of all) f();
  }
}

export interface RelayDesk extends Desk {
  timer: ManualTimer;
  relayUser: string;
}

export async function openRelayCore(dir: string, clock: Desk['clock'], relay: Partial<RelayOptions>): Promise<Core> {
  return Core.open({ dataDir: dir, clock, holder: 'test', resourcesDir: path.resolve('resources'), appVersion: '0.0.0-test', relay });
}

/** Relay user names stay unique within a test file, which shares one server. */
let users = 0;

export async function relayDesks(
  spec: { name: string; roles: Role[]; trustedBy?: 'semua' | 'tidak-ada' }[],
  relay: Partial<Omit<RelayOptions, 'timer'>> = {},
): Promise<RelayDesk[]> {
  const laptops = await officeLaptops(spec.length);
  const out: RelayDesk[] = [];
  for (const [n, l] of laptops.entries()) {
    await l.core.close();
    const timer = new ManualTimer();
    const core = await openRelayCore(l.dir, l.clock, { ...relay, timer });
    const s = {
      operator: await login(core, 'operator'),
      operator2: await login(core, 'operator2'),
      ppid: await login(core, 'ppid'),
      kepala: await login(core, 'kepala'),
    };
    const self = await must<DeviceSelfView>(core, 'devices.renameSelf', { name: spec[n]!.name }, s.ppid);
    out.push({ ...l, core, timer, s, name: spec[n]!.name, installationId: self.installationId, publicKey: self.publicKey, roles: spec[n]!.roles, relayUser: `laptop-${++users}` });
  }
  for (const d of out) {
    for (const o of out) {
      if (o === d || spec[out.indexOf(o)]!.trustedBy === 'tidak-ada') continue;
      await trust(d, o);
    }
  }
  return out;
}

export async function trust(d: RelayDesk, o: RelayDesk): Promise<void> {
  await must(d.core, 'devices.trust', { installationId: o.installationId, name: o.name, publicKey: o.publicKey, roles: o.roles }, d.s.ppid);
}

export const relayPassword = (d: RelayDesk) => `sandi-${d.relayUser}-uji`;

/** Pengaturan › Perangkat › Server relay, as the administrator fills it in. */
export async function connect(d: RelayDesk, server: CouchServer, database: string): Promise<RelayConfigView> {
  const view = await must<RelayConfigView>(d.core, 'relay.set', { url: server.url, database, username: d.relayUser, password: relayPassword(d), enabled: true }, d.s.ppid);
  await storesOf(d.core).relay.idle();
  return view;
}

/** "Sinkronkan sekarang", then wait for the round it started (the call itself answers at once); a round that failed fails the test unless `mayFail`. */
export async function syncNow(d: RelayDesk, mayFail = false): Promise<RelayStatus> {
  await must(d.core, 'relay.syncNow', {}, d.s.operator);
  await storesOf(d.core).relay.idle();
  const st = await must<RelayStatus>(d.core, 'relay.status', {}, d.s.operator);
  if (!mayFail && st.state !== 'tersinkron') throw new Error(`relay round on ${d.name} ended ${st.state}: ${st.lastError}`);
  return st;
}

/** Rounds until nothing moves: every laptop pulls what every other pushed. */
export async function settle(desks: RelayDesk[]): Promise<void> {
  for (let i = 0; i < 2; i++) for (const d of desks) await syncNow(d);
}

/**
 * One relay server for a test file (started before its tests, stopped after), the desks a test
 * opened closed after it, and `office`: desks of one office with a database of their own on
 * that server, the first `connected` (default all) with the relay set, the others by files only.
 */
export function relayTestBed(prefix: string) {
  let server: CouchServer | null = null;
  const open: RelayDesk[] = [];
  let db = 0;
  beforeAll(async () => {
    server = await startCouchServer();
  }, 120_000);
  afterEach(async () => {
    await Promise.all(open.splice(0).map((d) => d.core.close()));
  });
  afterAll(async () => {
    await server?.stop();
    await removeTempDirs();
  });
  return {
    get server(): CouchServer {
      if (!server) throw new Error('the relay server is started in beforeAll');
      return server;
    },
    async office(spec: Parameters<typeof relayDesks>[0], opts: { relay?: Parameters<typeof relayDesks>[1]; connected?: number } = {}) {
      const all = await relayDesks(spec, opts.relay);
      open.push(...all);
      const desks = all.slice(0, opts.connected ?? spec.length);
      const database = `${prefix}-${++db}`;
      await setUpRelay(this.server, database, desks.map((d) => ({ name: d.relayUser, password: relayPassword(d) })));
      return { desks, database, offline: all.slice(desks.length) };
    },
  };
}
