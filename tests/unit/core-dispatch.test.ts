import { promises as fs } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CALL_NAMES, contract } from '../../electron/core/contract';
import {
  call,
  coreOpener,
  failure,
  login,
  must,
  setUpDataDir,
  setupInput,
  snapshotDir,
  tempDir,
  USERS,
} from '../fixtures/harness';

const open = coreOpener();

/** English leaking through means a schema message was not worded for the user (zod's type names may stay). */
const ENGLISH = /\b(invalid|expected|required|received|too (small|big)|unrecognized|must be|should be)\b/i;

describe('dispatch', () => {
  it('refuses names that are not calls, including inherited object keys', async () => {
    const core = await open(await setUpDataDir());
    for (const name of ['foo.bar', '__proto__', 'constructor', 'hasOwnProperty', 'toString', '', 'x'.repeat(500)]) {
      const r = failure(await call(core, name));
      expect(r.code).toBe('UNKNOWN_CALL');
      expect(r.message).toMatch(/^Perintah tidak dikenal: /);
      expect(r.message.length).toBeLessThan(100);
    }
    const notAString = failure(await core.invoke({ name: 42 as unknown as string }));
    expect(notAString.code).toBe('UNKNOWN_CALL');
  });

  it('refuses bad input with INVALID_INPUT, Indonesian messages, field paths, and writes nothing', async () => {
    const dir = await setUpDataDir();
    const core = await open(dir);
    const admin = await login(core, USERS.admin);
    const office = setupInput().office;
    const before = await snapshotDir(dir);

    const cases: { name: string; input: unknown; paths: string[] }[] = [
      { name: 'settings.update', input: { office: { ...office, email: 'bukan-email', unitCode: 'A/B' } }, paths: ['office.email', 'office.unitCode'] },
      { name: 'settings.update', input: { documents: { notaDinasPattern: '{kode}/{unit}' } }, paths: ['documents.notaDinasPattern'] },
      { name: 'settings.update', input: { emblem: null }, paths: [''] },
      { name: 'users.create', input: { personId: 'x', username: 'A B', role: 'raja', password: '123' }, paths: ['personId', 'username', 'role', 'password'] },
      { name: 'users.update', input: { id: 'abc', role: 'operator', isAdmin: 'ya', active: true }, paths: ['id', 'isAdmin'] },
      { name: 'users.resetPassword', input: { id: 'abcdefgh', password: 'pendek' }, paths: ['password'] },
      { name: 'auth.changePassword', input: { current: 'contoh-ppid-2026', next: 'contoh-ppid-2026' }, paths: ['next'] },
      { name: 'audit.listApp', input: { limit: 0 }, paths: ['limit'] },
      { name: 'settings.setEmblem', input: { base64: 5 }, paths: ['base64'] },
      { name: 'auth.me', input: 'abc', paths: [''] },
      { name: 'auth.login', input: { username: '', password: '' }, paths: ['username', 'password'] },
    ];
    for (const c of cases) {
      const r = failure(await call(core, c.name, c.input, admin));
      expect(r.code, c.name).toBe('INVALID_INPUT');
      expect(r.message, c.name).toMatch(/^Data tidak valid: /);
      expect(r.message, c.name).not.toMatch(ENGLISH);
      expect([...new Set(r.issues?.map((i) => i.path))].sort(), c.name).toEqual([...c.paths].sort());
      for (const i of r.issues ?? []) expect(i.message, `${c.name} ${i.path}`).not.toMatch(ENGLISH);
    }
    expect(await snapshotDir(dir)).toEqual(before);
  });

  it('refuses a bad first-run input field by field and writes nothing', async () => {
    const dir = await tempDir();
    const core = await open(dir);
    const before = await snapshotDir(dir);
    const input = setupInput();
    input.office.unitCode = 'Kominfo / 2026';
    input.officials.kepala.nip = '19810207 200003 3 001';
    input.accounts = input.accounts.map((a) => ({ ...a, isAdmin: false }));
    const r = failure(await call(core, 'setup.complete', input));
    expect(r.code).toBe('INVALID_INPUT');
    const paths = r.issues!.map((i) => i.path);
    expect(paths).toEqual(expect.arrayContaining(['office.unitCode', 'officials.kepala.nip', 'accounts']));
    expect(r.issues!.find((i) => i.path === 'accounts')?.message).toBe('Minimal satu akun harus menjadi administrator.');
    expect(await snapshotDir(dir)).toEqual(before);
    expect((await must<{ state: string }>(core, 'app.status')).state).toBe('setup');
  });
});

describe('phase gating', () => {
  it('before setup, every call outside setup answers NOT_READY', async () => {
    const dir = await tempDir();
    const core = await open(dir);
    const ready = CALL_NAMES.filter((n) => contract[n].phase === 'ready' || contract[n].phase === 'recovery');
    expect(ready.length).toBeGreaterThan(5);
    for (const name of ready) {
      const r = failure(await call(core, name, {}));
      expect(r.code, name).toBe('NOT_READY');
      expect(r.message).toBe('Aplikasi belum disiapkan. Selesaikan penyiapan awal dulu.');
    }
  });

  it('after setup, setup calls are refused even with a valid input, and nothing is replaced', async () => {
    const dir = await setUpDataDir();
    const core = await open(dir);
    const before = await snapshotDir(dir);
    const again = setupInput();
    again.office.opdName = 'Dinas Lain';
    for (const [name, input] of [['setup.complete', again], ['setup.loadDemo', {}]] as const) {
      const r = failure(await call(core, name, input));
      expect(r.code, name).toBe('CONFLICT');
      expect(r.message).toBe('Aplikasi sudah disiapkan.');
    }
    expect(failure(await call(core, 'recovery.restoreBackup')).message).toBe('Tidak ada data yang perlu dipulihkan.');
    expect(await snapshotDir(dir)).toEqual(before);
    const status = await must<{ state: string; office: { opdName: string } }>(core, 'app.status');
    expect(status.state).toBe('ready');
    expect(status.office.opdName).toBe('Dinas Komunikasi, Informatika dan Statistik');
  });

  it('completes setup once, after which the office is shown and the accounts can log in', async () => {
    const dir = await tempDir();
    const core = await open(dir);
    expect(await must(core, 'setup.complete', setupInput())).toEqual({ done: true });
    const status = await must<{ state: string; demo: boolean; office: unknown }>(core, 'app.status');
    expect(status).toMatchObject({ state: 'ready', demo: false, office: { pemda: 'Kabupaten Kapuas Hulu' } });
    const me = await must<{ username: string; role: string; name: string }>(core, 'auth.me', {}, await login(core, USERS.kepala));
    expect(me).toMatchObject({ username: 'kepala', role: 'kepala_opd', name: 'Drs. Agustinus Rangkap, M.Si.' });
    // A normal office never shows demo passwords on the log-in page.
    expect(await must(core, 'auth.demoAccounts')).toEqual([]);
  });

  it('loads the demo, marks it as demo and shows its accounts', async () => {
    const dir = await tempDir();
    const core = await open(dir);
    const { accounts } = await must<{ accounts: { username: string; password: string }[] }>(core, 'setup.loadDemo');
    expect((await must<{ demo: boolean }>(core, 'app.status')).demo).toBe(true);
    expect(await must(core, 'auth.demoAccounts')).toEqual(accounts);
    const first = accounts[0]!;
    await login(core, first.username, first.password);
    expect(JSON.parse(await fs.readFile(path.join(dir, 'app.json'), 'utf8')).demo).toBe(true);
  });
});
