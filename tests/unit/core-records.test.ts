import { promises as fs } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/app-core';
import type { AppStatus, AuditView } from '../../electron/core/contract';
import type { CycleView } from '../../electron/core/domain/cycle-views';
import type { CycleEvent } from '../../electron/core/domain/workflow';
import { eventHash, eventLine } from '../../electron/core/store/event-log';
import {
  call,
  codeOf,
  coreOpener,
  fakeClock,
  login,
  must,
  PASSWORD,
  setUpDataDir,
  setupInput,
  tempDir,
  USERS,
  type FakeClock,
} from '../fixtures/harness';

const open = coreOpener();

async function sessions(core: Core) {
  return { admin: await login(core, USERS.admin), operator: await login(core, USERS.operator) };
}

/** A cycle of `year` with one item, reported: the PPID Pembantu may issue its Nota Dinas now. */
async function cycleAtNotaDinas(core: Core, operator: string, year: number): Promise<string> {
  const { id } = await must<{ id: string }>(core, 'cycles.create', { title: `DIP ${year}`, year }, operator);
  await must(core, 'cycles.addItems', { cycleId: id, items: [{ bidang: 'Sekretariat', judul: 'Profil Dinas' }] }, operator);
  await must(core, 'cycles.act', { cycleId: id, action: 'report' }, operator);
  return id;
}

async function issue(core: Core, admin: string, cycleId: string): Promise<string> {
  const v = await must<CycleView>(core, 'cycles.act', { cycleId, action: 'issueNotaDinas' }, admin);
  return v.notaDinas.number!;
}

const readApp = async (dir: string) => JSON.parse(await fs.readFile(path.join(dir, 'app.json'), 'utf8'));

describe('Nota Dinas numbers come from the record, not from app.json', () => {
  it('after app.json is cut and the offered backup restored, the next number is new, never a repeat', async () => {
    const dir = await setUpDataDir();
    const clock = fakeClock();
    let core = await open(dir, clock);
    let s = await sessions(core);
    expect(await issue(core, s.admin, await cycleAtNotaDinas(core, s.operator, 2026))).toBe('500.12.2/001/Diskominfotik/2026');
    await core.close();

    const appFile = path.join(dir, 'app.json');
    const bytes = await fs.readFile(appFile);
    await fs.writeFile(appFile, bytes.subarray(0, bytes.length >> 1));
    core = await open(dir, clock);
    expect((await must<AppStatus>(core, 'app.status')).state).toBe('recovery');
    expect((await must<AppStatus>(core, 'recovery.restoreBackup')).state).toBe('ready');
    // The restored copy predates the first number: its counter knows nothing of it.
    expect((await readApp(dir)).counters['notaDinas:2026'] ?? 0).toBe(0);

    s = await sessions(core);
    expect(await issue(core, s.admin, await cycleAtNotaDinas(core, s.operator, 2027))).toBe('500.12.2/002/Diskominfotik/2026');
  });

  it('keeps the running number in the act, so a number whose text no pattern reads still counts after a restart', async () => {
    const dir = await setUpDataDir();
    const clock = fakeClock();
    let core = await open(dir, clock);
    let s = await sessions(core);
    const id = await cycleAtNotaDinas(core, s.operator, 2026);
    expect(await issue(core, s.admin, id)).toBe('500.12.2/001/Diskominfotik/2026');
    await core.close();

    // Make the issued text unreadable as a number (as a hand-edited pattern might): only the act's own `urut` is left to count.
    const log = path.join(dir, 'cycles', id, 'events.jsonl');
    const lines = (await fs.readFile(log, 'utf8')).trimEnd().split('\n').map((l) => JSON.parse(l) as CycleEvent);
    const hashes = new Map<string, string>();
    const rewritten = lines.map((e) => {
      const base = { ...e, body: e.body.type === 'transition' && e.body.data.notaDinasNumber ? { ...e.body, data: { ...e.body.data, notaDinasNumber: 'ND-tanpa-pola' } } : e.body };
      const { hash: _old, sig: _sig, ...rest } = base;
      const next = { ...rest, hash: eventHash(rest.parents.map((p) => hashes.get(p)!), rest), sig: null } as CycleEvent;
      hashes.set(next.id, next.hash);
      return eventLine(next);
    });
    await fs.writeFile(log, rewritten.join('\n') + '\n');
    // …and app.json's floor gone, as after restoring a copy older than the first number.
    const app = await readApp(dir);
    await fs.writeFile(path.join(dir, 'app.json'), JSON.stringify({ ...app, counters: {} }));

    core = await open(dir, clock);
    s = await sessions(core);
    expect(await issue(core, s.admin, await cycleAtNotaDinas(core, s.operator, 2027))).toBe('500.12.2/002/Diskominfotik/2026');
  });

  it('reads the running number back from acts written before it was kept apart', async () => {
    const dir = await setUpDataDir();
    const clock = fakeClock();
    let core = await open(dir, clock);
    let s = await sessions(core);
    const first = await cycleAtNotaDinas(core, s.operator, 2026);
    expect(await issue(core, s.admin, first)).toBe('500.12.2/001/Diskominfotik/2026');
    await core.close();

    // Rewrite the log the way an older version wrote it: no `urut` in the act, chain intact.
    const logFile = path.join(dir, 'cycles', first, 'events.jsonl');
    const events = (await fs.readFile(logFile, 'utf8')).trim().split('\n').map((l) => JSON.parse(l) as CycleEvent);
    const hashes = new Map<string, string>();
    const rewritten = events.map((e) => {
      const { hash: _old, sig: _sig, ...base } = e;
      if (base.body.type === 'transition') {
        const { urut: _dropped, ...data } = base.body.data;
        base.body = { ...base.body, data };
      }
      const next = { ...base, hash: eventHash(base.parents.map((p) => hashes.get(p)!), base), sig: null };
      hashes.set(next.id, next.hash);
      return eventLine(next);
    });
    expect(rewritten.join('\n')).not.toContain('"urut"');
    await fs.writeFile(logFile, rewritten.join('\n') + '\n');
    const app = await readApp(dir);
    app.counters = {};
    await fs.writeFile(path.join(dir, 'app.json'), JSON.stringify(app));

    core = await open(dir, clock);
    s = await sessions(core);
    expect(await issue(core, s.admin, await cycleAtNotaDinas(core, s.operator, 2027))).toBe('500.12.2/002/Diskominfotik/2026');
  });

  it('two Nota Dinas issued at the same moment get two numbers', async () => {
    const dir = await setUpDataDir();
    const core = await open(dir);
    const s = await sessions(core);
    const a = await cycleAtNotaDinas(core, s.operator, 2026);
    const b = await cycleAtNotaDinas(core, s.operator, 2027);
    const numbers = await Promise.all([issue(core, s.admin, a), issue(core, s.admin, b)]);
    expect(numbers.sort()).toEqual(['500.12.2/001/Diskominfotik/2026', '500.12.2/002/Diskominfotik/2026']);
  });

  it('starts again at 001 in a new calendar year (WIB), and keeps app.json’s counter as a floor', async () => {
    const dir = await setUpDataDir();
    // 31 December 2026, 17:30 UTC is already 1 January 2027 in Putussibau.
    const clock = fakeClock('2026-12-31T17:30:00.000Z');
    const core = await open(dir, clock);
    const s = await sessions(core);
    expect(await issue(core, s.admin, await cycleAtNotaDinas(core, s.operator, 2027))).toBe('500.12.2/001/Diskominfotik/2027');
    await core.close();
    const app = await readApp(dir);
    expect(app.counters['notaDinas:2027']).toBe(1);
    app.counters['notaDinas:2027'] = 41; // e.g. numbers issued from a cycle since damaged
    await fs.writeFile(path.join(dir, 'app.json'), JSON.stringify(app));
    const again = await open(dir, clock);
    const t = await sessions(again);
    expect(await issue(again, t.admin, await cycleAtNotaDinas(again, t.operator, 2028))).toBe('500.12.2/042/Diskominfotik/2027');
  });
});

describe('every change that matters is backed up when it is made', () => {
  async function newestBackup(dir: string, base: string): Promise<Buffer> {
    const names = (await fs.readdir(path.join(dir, 'backups', base))).sort();
    return fs.readFile(path.join(dir, 'backups', base, names[names.length - 1]!));
  }

  it('a password change, an account and a settings change each leave a copy of the file as it now is', async () => {
    const dir = await setUpDataDir();
    const core = await open(dir);
    const s = await sessions(core);
    await must(core, 'auth.changePassword', { current: PASSWORD, next: 'sandi-baru-2026' }, s.operator);
    expect(await newestBackup(dir, 'app')).toEqual(await fs.readFile(path.join(dir, 'app.json')));

    const users = await must<{ id: string; username: string }[]>(core, 'users.list', {}, s.admin);
    await must(core, 'users.resetPassword', { id: users.find((u) => u.username === USERS.kepala)!.id, password: 'sandi-kepala-2026' }, s.admin);
    expect(await newestBackup(dir, 'app')).toEqual(await fs.readFile(path.join(dir, 'app.json')));

    await must(core, 'settings.update', { office: { ...setupInput().office, phone: '(0567) 99999' } }, s.admin);
    expect((await newestBackup(dir, 'settings')).toString('utf8')).toContain('(0567) 99999');
  });

  it('keeps at most 15 copies of a file however many changes are made', async () => {
    const dir = await setUpDataDir();
    const core = await open(dir);
    const { admin } = await sessions(core);
    for (let i = 0; i < 20; i++) await must(core, 'settings.update', { office: { ...setupInput().office, phone: `(0567) 2${i}` } }, admin);
    const copies = await fs.readdir(path.join(dir, 'backups', 'settings'));
    expect(copies.length).toBeLessThanOrEqual(15);
    expect((await newestBackup(dir, 'settings')).toString('utf8')).toContain('(0567) 219');
  });
});

describe('the app’s history is a log of its own', () => {
  const auditLines = async (dir: string) => (await fs.readFile(path.join(dir, 'audit.jsonl'), 'utf8')).split('\n').filter(Boolean);

  it('appends one line per change and leaves app.json the same size, whatever the history', async () => {
    const dir = await setUpDataDir();
    const core = await open(dir);
    const { admin } = await sessions(core);
    const before = await auditLines(dir);
    const appSize = (await fs.stat(path.join(dir, 'app.json'))).size;
    for (let i = 0; i < 10; i++) await must(core, 'settings.update', { office: { ...setupInput().office, phone: `(0567) 3${i}` } }, admin);
    expect(await auditLines(dir)).toHaveLength(before.length + 10);
    expect((await fs.stat(path.join(dir, 'app.json'))).size).toBe(appSize);
    expect((await readApp(dir)).audit).toBeUndefined();
    const listed = await must<AuditView[]>(core, 'audit.listApp', { limit: 3 }, admin);
    expect(listed.map((e) => e.changes[0]?.to)).toEqual(['(0567) 39', '(0567) 38', '(0567) 37']);
  });

  it('cuts a torn last line (a save killed mid-append) and goes on appending', async () => {
    const dir = await setUpDataDir();
    const clock = fakeClock();
    let core = await open(dir, clock);
    const count = (await must<AuditView[]>(core, 'audit.listApp', {}, await login(core, USERS.admin))).length;
    await core.close();
    await fs.appendFile(path.join(dir, 'audit.jsonl'), '{"id":"setengah","cycleId":"app","prev');
    core = await open(dir, clock);
    const admin = await login(core, USERS.admin);
    expect(await must<AuditView[]>(core, 'audit.listApp', {}, admin)).toHaveLength(count);
    await must(core, 'settings.update', { office: { ...setupInput().office, phone: '(0567) 77' } }, admin);
    await core.close();
    core = await open(dir, clock);
    const after = await must<AuditView[]>(core, 'audit.listApp', {}, await login(core, USERS.admin));
    expect(after).toHaveLength(count + 1);
    expect(after[0]!.action).toBe('pengaturan.ubah');
  });

  it('a kill between a whole line and its newline costs nothing: the next entry starts on a line of its own', async () => {
    const dir = await setUpDataDir();
    const clock = fakeClock();
    const file = path.join(dir, 'audit.jsonl');
    const text = await fs.readFile(file, 'utf8');
    await fs.writeFile(file, text.slice(0, -1));
    let core = await open(dir, clock);
    let admin = await login(core, USERS.admin);
    const count = (await must<AuditView[]>(core, 'audit.listApp', {}, admin)).length;
    await must(core, 'settings.update', { office: { ...setupInput().office, phone: '(0567) 66' } }, admin);
    await core.close();
    core = await open(dir, clock);
    admin = await login(core, USERS.admin);
    expect(await must<AuditView[]>(core, 'audit.listApp', {}, admin)).toHaveLength(count + 1);
    expect((await fs.readdir(dir)).filter((n) => n.startsWith('audit.rusak-'))).toEqual([]);
  });

  it('keeps an edited history aside and starts a new one, without locking the office out', async () => {
    const dir = await setUpDataDir();
    const clock = fakeClock();
    const file = path.join(dir, 'audit.jsonl');
    const text = await fs.readFile(file, 'utf8');
    const edited = text.replace('Penyiapan awal selesai', 'Penyiapan awal DIUBAH');
    expect(edited).not.toBe(text);
    await fs.writeFile(file, edited);
    const core = await open(dir, clock);
    expect((await must<AppStatus>(core, 'app.status')).state).toBe('ready');
    const admin = await login(core, USERS.admin);
    await must(core, 'settings.update', { office: { ...setupInput().office, phone: '(0567) 55' } }, admin);
    expect((await must<AuditView[]>(core, 'audit.listApp', {}, admin)).map((e) => e.action)).toEqual(['pengaturan.ubah']);
    const aside = (await fs.readdir(dir)).filter((n) => n.startsWith('audit.rusak-'));
    expect(aside).toHaveLength(1);
    expect(await fs.readFile(path.join(dir, aside[0]!), 'utf8')).toBe(edited);
  });

  it('moves the history out of a v2 app.json into the log once, backing app.json up first', async () => {
    const dir = await setUpDataDir();
    const app = await readApp(dir);
    const history = Array.from({ length: 30 }, (_, i) => ({
      id: `lama-${i}`,
      at: `2026-02-0${1 + (i % 9)}T07:00:00.000Z`,
      actor: null,
      action: 'pengaturan.ubah',
      summary: `Perubahan lama ke-${i}.`,
      changes: [{ field: 'office.phone', from: `${i}`, to: `${i + 1}` }],
    }));
    const v2 = JSON.stringify({ ...app, schemaVersion: 2, audit: history });
    await fs.writeFile(path.join(dir, 'app.json'), v2);
    await fs.rm(path.join(dir, 'audit.jsonl'));

    const clock = fakeClock();
    let core = await open(dir, clock);
    let admin = await login(core, USERS.admin);
    const listed = await must<AuditView[]>(core, 'audit.listApp', { limit: 1000 }, admin);
    expect(listed.map((e) => e.id)).toEqual(history.map((h) => h.id).reverse());
    expect(await readApp(dir)).toMatchObject({ schemaVersion: 3 });
    expect((await readApp(dir)).audit).toBeUndefined();
    const migrasi = (await fs.readdir(path.join(dir, 'backups', 'app'))).filter((n) => n.endsWith('__migrasi.json'));
    expect(migrasi).toHaveLength(1);
    expect(await fs.readFile(path.join(dir, 'backups', 'app', migrasi[0]!), 'utf8')).toBe(v2);
    await core.close();

    // The process died after the log was written but before app.json was: the move runs again, adding nothing twice.
    await fs.writeFile(path.join(dir, 'app.json'), v2);
    core = await open(dir, clock);
    admin = await login(core, USERS.admin);
    expect(await must<AuditView[]>(core, 'audit.listApp', { limit: 1000 }, admin)).toHaveLength(history.length);
  });
});

describe('calls that check and then write run one at a time', () => {
  it('20 simultaneous new cycles for one year: exactly one is made, 19 are told why not', async () => {
    const dir = await setUpDataDir();
    const core = await open(dir);
    const { operator } = await sessions(core);
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => call(core, 'cycles.create', { title: `DIP 2026 (${i})`, year: 2026 }, operator)),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    const refused = results.filter((r) => !r.ok);
    expect(refused).toHaveLength(19);
    for (const r of refused) expect(r).toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/untuk tahun 2026 yang belum selesai/) });
    const list = await must<{ cycles: { year: number }[] }>(core, 'cycles.list', {}, operator);
    expect(list.cycles.filter((c) => c.year === 2026)).toHaveLength(1);
  });

  it('two simultaneous accounts with one user name: one is made, the other is refused', async () => {
    const dir = await setUpDataDir();
    const core = await open(dir);
    const { admin } = await sessions(core);
    const input = setupInput();
    const extra = (id: string, name: string) => ({ id, name, jabatan: 'Pengelola Data', asn: 'NON_ASN', pangkat: '', nip: '' });
    await must(core, 'settings.update', { officials: { ...input.officials, operators: [...input.officials.operators, extra('baru-a', 'Andi'), extra('baru-b', 'Budi')] } }, admin);
    const results = await Promise.all(
      ['baru-a', 'baru-b'].map((personId) => call(core, 'users.create', { personId, username: 'petugas3', role: 'operator', password: 'sandi-baru-2026' }, admin)),
    );
    expect(results.map(codeOf).sort()).toEqual(['CONFLICT', 'ok']);
    expect(results.find((r) => !r.ok)).toMatchObject({ message: 'Nama pengguna "petugas3" sudah dipakai.' });
    const users = await must<{ username: string }[]>(core, 'users.list', {}, admin);
    expect(users.filter((u) => u.username === 'petugas3')).toHaveLength(1);
  });

  it('the demo pressed five times at once loads once', async () => {
    const core = await open(await tempDir());
    const results = await Promise.all(Array.from({ length: 5 }, () => call(core, 'setup.loadDemo')));
    expect(results.map(codeOf).sort()).toEqual(['CONFLICT', 'CONFLICT', 'CONFLICT', 'CONFLICT', 'ok']);
    for (const r of results.filter((x) => !x.ok)) expect(r).toMatchObject({ message: expect.stringMatching(/sudah disiapkan/) });
    const admin = await login(core, USERS.admin);
    expect(await must<unknown[]>(core, 'users.list', {}, admin)).toHaveLength(4);
    const setups = (await must<AuditView[]>(core, 'audit.listApp', {}, admin)).filter((e) => e.action === 'setup.selesai');
    expect(setups).toHaveLength(1);
  });

  it('three first-run setups at once: the first sets the office up, the others are refused', async () => {
    const core = await open(await tempDir());
    const results = await Promise.all(
      ['Dinas A', 'Dinas B', 'Dinas C'].map((opdName) => {
        const input = setupInput();
        return call(core, 'setup.complete', { ...input, office: { ...input.office, opdName } });
      }),
    );
    expect(results.map(codeOf).sort()).toEqual(['CONFLICT', 'CONFLICT', 'ok']);
    const status = await must<AppStatus>(core, 'app.status');
    expect(status.state).toBe('ready');
    const admin = await login(core, USERS.admin);
    expect(await must<unknown[]>(core, 'users.list', {}, admin)).toHaveLength(4);
  });
});

describe('sessions', () => {
  it('end 12 hours after the log-in however busy the user is, and after 8 idle hours', async () => {
    const clock: FakeClock = fakeClock();
    const core = await open(await setUpDataDir(), clock);
    const busy = await login(core, USERS.operator);
    for (let h = 1; h <= 11; h++) {
      clock.advance(60 * 60 * 1000);
      expect(codeOf(await call(core, 'auth.me', {}, busy)), `hour ${h}`).toBe('ok');
    }
    const idle = await login(core, USERS.kepala);
    clock.advance(60 * 60 * 1000 + 1);
    expect(codeOf(await call(core, 'auth.me', {}, busy))).toBe('UNAUTHENTICATED');
    expect(codeOf(await call(core, 'auth.me', {}, idle))).toBe('ok');
    clock.advance(8 * 60 * 60 * 1000 + 1);
    expect(codeOf(await call(core, 'auth.me', {}, idle))).toBe('UNAUTHENTICATED');
  });
});
