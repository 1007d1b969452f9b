import { promises as fs } from 'node:fs';
import type { z } from 'zod';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { Core } from '../../electron/core/app-core';
import { CALL_NAMES, contract, type Access, type CallName } from '../../electron/core/contract';
import type { Role } from '../../electron/core/domain/roles';
import {
  call,
  codeOf,
  coreOpener,
  fakeClock,
  login,
  makePng,
  must,
  PASSWORD,
  setUpDataDir,
  setupInput,
  snapshotDir,
  tempDir,
  USERS,
} from '../fixtures/harness';

const open = coreOpener();

/**
 * Realistic inputs, so that allowed calls run the way the app runs them. Calls missing here
 * (the contract grows) or whose sample no longer validates are still covered: see `attempt`.
 */
const samples: Partial<Record<CallName, (ids: Record<string, string>) => unknown>> = {
  'app.status': () => ({}),
  'recovery.restoreBackup': () => ({}),
  'recovery.restoreCycle': () => ({ cycleId: 'siklus-tidak-ada' }),
  'setup.complete': () => setupInput(),
  'setup.loadDemo': () => ({}),
  'auth.login': () => ({ username: USERS.operator, password: PASSWORD }),
  'auth.logout': () => ({}),
  'auth.me': () => ({}),
  'auth.demoAccounts': () => ({}),
  'auth.changePassword': () => ({ current: PASSWORD, next: 'sandi-baru-2026' }),
  'settings.get': () => ({}),
  'settings.update': () => ({ office: { ...setupInput().office, phone: '(0567) 99999' } }),
  'settings.setEmblem': () => ({ base64: makePng(96, 96).toString('base64') }),
  'users.list': () => ({}),
  'users.create': () => ({ personId: 'demo-operator-2', username: 'baru', role: 'operator', password: 'sandi-baru-2026' }),
  'users.update': (ids) => ({ id: ids.operator2, role: 'operator', isAdmin: false, active: false }),
  'users.resetPassword': (ids) => ({ id: ids.operator2, password: 'sandi-baru-2026' }),
  'audit.listApp': () => ({ limit: 10 }),
  'cycles.list': () => ({}),
  'cycles.create': () => ({ title: 'Pemutakhiran DIP 2026', year: 2026 }),
  'cycles.get': () => ({ cycleId: 'siklus-tidak-ada' }),
  'cycles.addItems': () => ({ cycleId: 'siklus-tidak-ada', items: [{ bidang: 'Sekretariat', judul: 'Rencana Strategis' }] }),
  'cycles.updateItem': () => ({ cycleId: 'siklus-tidak-ada', itemId: 'butir-tidak-ada', fields: { judul: 'Renstra' } }),
  'cycles.removeItem': () => ({ cycleId: 'siklus-tidak-ada', itemId: 'butir-tidak-ada' }),
  'cycles.saveNotaDinas': () => ({
    cycleId: 'siklus-tidak-ada',
    draft: { kepada: 'Kepala Dinas', dari: 'Ketua PPID Pembantu', tembusan: [], sifat: 'Biasa', lampiran: '-', hal: 'Pemutakhiran DIP', isi: 'Mohon dilaporkan.', batasWaktu: '14 hari' },
  }),
  'cycles.markReview': () => ({ cycleId: 'siklus-tidak-ada', itemId: 'butir-tidak-ada', verdict: 'sesuai' }),
  'cycles.markUnchanged': () => ({ cycleId: 'siklus-tidak-ada' }),
  'cycles.act': () => ({ cycleId: 'siklus-tidak-ada', action: 'report' }),
  'cycles.timeline': () => ({ cycleId: 'siklus-tidak-ada' }),
  'cycles.signingPreview': () => ({ cycleId: 'siklus-tidak-ada' }),
  'documents.publish': () => ({ cycleId: 'siklus-tidak-ada', list: 'dip', format: 'xlsx' }),
  'reminders.list': () => ({}),
  'relay.set': () => ({ url: 'http://127.0.0.1:9', database: 'ppid-uji', username: 'laptop-1', password: 'sandi-relay-uji', enabled: false }),
  'cycles.recordUji': () => ({
    cycleId: 'siklus-tidak-ada',
    participants: [
      { name: 'Kepala Dinas', role: 'Atasan PPID Pembantu' },
      { name: 'Ketua PPID', role: 'Ketua PPID Pembantu' },
    ],
  }),
};

/**
 * Calls `name` so that only the access check can refuse it. The core validates input before
 * it checks access, so without a valid sample the schema is stubbed to accept what it gets:
 * if the access check then fails to refuse, the handler runs and the test sees that.
 */
async function attempt(core: Core, name: CallName, ids: Record<string, string>, session?: string) {
  const make = samples[name];
  const schema = contract[name].input as z.ZodType;
  const input = make ? make(ids) : {};
  if (make && schema.safeParse(input).success) return call(core, name, input, session);
  const spy = vi.spyOn(schema, 'safeParse').mockImplementation((v: unknown) => ({ success: true, data: v }) as never);
  try {
    return await call(core, name, input, session);
  } finally {
    spy.mockRestore();
  }
}

const REFUSED = new Set(['UNAUTHENTICATED', 'FORBIDDEN']);

/** What the contract says an actor may do, derived rather than listed, so the test follows the contract. */
function allowed(access: Access, actor: { role: Role; isAdmin: boolean } | null): boolean {
  if (access === 'public') return true;
  if (!actor) return false;
  if (access.roles !== 'any' && !access.roles.includes(actor.role)) return false;
  return !access.admin || actor.isAdmin;
}

async function userIds(core: Core): Promise<Record<string, string>> {
  const admin = await login(core, USERS.admin);
  const users = await must<{ id: string; username: string }[]>(core, 'users.list', {}, admin);
  await must(core, 'auth.logout', {}, admin);
  return Object.fromEntries(users.map((u) => [u.username, u.id]));
}

/** A core in the phase the call runs in, so the phase gate never hides the access check. */
async function coreFor(phase: string): Promise<{ core: Core; dir: string }> {
  if (phase === 'setup') {
    const dir = await tempDir();
    return { core: await open(dir), dir };
  }
  const dir = await setUpDataDir();
  if (phase === 'recovery') await fs.writeFile(path.join(dir, 'app.json'), '{"schemaVersion":2,');
  return { core: await open(dir), dir };
}

const inPhase = (phase: 'setup' | 'recovery' | 'ready') =>
  CALL_NAMES.filter((n) => contract[n].phase === phase || (phase === 'ready' && contract[n].phase === 'always'));

describe('access, derived from the contract for every call', () => {
  it('refuses every non-public call without a session or with a forged one, and writes nothing', async () => {
    for (const phase of ['setup', 'recovery', 'ready'] as const) {
      const { core, dir } = await coreFor(phase);
      const ids = phase === 'ready' ? await userIds(core) : {};
      const before = await snapshotDir(dir);
      for (const name of inPhase(phase)) {
        if (contract[name].access === 'public') continue;
        for (const session of [undefined, 'token-palsu', '']) {
          const r = await attempt(core, name, ids, session);
          expect(codeOf(r), `${name} session=${session}`).toBe('UNAUTHENTICATED');
        }
      }
      expect(await snapshotDir(dir), phase).toEqual(before);
    }
  });

  it('ends a session after 8 idle hours but keeps an active one alive', async () => {
    const clock = fakeClock();
    const core = await open(await setUpDataDir(), clock);
    const idle = await login(core, USERS.operator);
    const busy = await login(core, USERS.kepala);
    // Two 5-hour gaps: within the 12-hour lifetime of any session (see core-records.test.ts).
    for (let i = 0; i < 2; i++) {
      clock.advance(5 * 60 * 60 * 1000);
      expect(codeOf(await call(core, 'auth.me', {}, busy))).toBe('ok');
    }
    expect(codeOf(await call(core, 'auth.me', {}, idle))).toBe('UNAUTHENTICATED');
  });

  const actors = [
    { username: USERS.operator, role: 'operator', isAdmin: false },
    { username: USERS.kepala, role: 'kepala_opd', isAdmin: false },
    { username: USERS.admin, role: 'ppid_pembantu', isAdmin: true },
  ] as const;

  it.each(actors)('$username ($role, admin: $isAdmin) is refused exactly where the contract says', async (actor) => {
    const { core, dir } = await coreFor('ready');
    const ids = await userIds(core);
    const session = await login(core, actor.username);
    // The template is an OPD office: the PPID Utama's calls are refused there by office kind (office-kind.test.ts).
    const names = inPhase('ready').filter((n) => contract[n].access !== 'public' && (contract[n].office ?? 'opd') === 'opd');
    const refused = names.filter((n) => !allowed(contract[n].access, actor));
    if (!actor.isAdmin) expect(refused).toEqual(expect.arrayContaining(['users.list', 'users.create', 'settings.update', 'audit.listApp']));
    else expect(refused.filter((n) => contract[n].access !== 'public' && (contract[n].access as { roles: unknown }).roles === 'any')).toEqual([]);

    const before = await snapshotDir(dir);
    for (const name of refused) {
      const r = await attempt(core, name, ids, session);
      expect(codeOf(r), name).toBe('FORBIDDEN');
      expect(r.ok ? '' : r.message).toMatch(/^(Hanya administrator|Peran Anda tidak berwenang)/);
    }
    expect(await snapshotDir(dir)).toEqual(before);

    // The rest passes the access check (it may still fail on its own terms); logout last, since it ends the session.
    const permitted = names.filter((n) => allowed(contract[n].access, actor));
    expect(permitted).toEqual(expect.arrayContaining(['auth.me', 'settings.get', 'auth.logout']));
    for (const name of [...permitted.filter((n) => n !== 'auth.logout'), 'auth.logout' as const]) {
      const r = await attempt(core, name, ids, session);
      expect(codeOf(r), name).not.toSatisfy((code: string) => REFUSED.has(code));
    }
  });

  it('lets the public calls run without a session in their own phase', async () => {
    for (const phase of ['setup', 'recovery', 'ready'] as const) {
      for (const name of inPhase(phase).filter((n) => contract[n].access === 'public')) {
        const { core } = await coreFor(phase);
        const r = await attempt(core, name, {});
        expect(codeOf(r), `${name} in ${phase}`).not.toSatisfy((code: string) => REFUSED.has(code));
        if (samples[name]) expect(r.ok ? 'ok' : `${r.code} ${r.message}`, `${name} in ${phase}`).toBe('ok');
        await core.close();
      }
    }
  });

  it('the samples still fit the contract (they keep the allowed runs realistic)', () => {
    const stale = Object.entries(samples)
      .filter(([name]) => name in contract)
      .filter(([name, make]) => !(contract[name as CallName].input as z.ZodType).safeParse(make({ operator2: 'abcdefgh-1234' })).success)
      .map(([name]) => name);
    expect(stale).toEqual([]);
  });
});
