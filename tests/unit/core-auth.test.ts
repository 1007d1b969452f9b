import { promises as fs } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/app-core';
import {
  call,
  codeOf,
  coreOpener,
  failure,
  fakeClock,
  login,
  must,
  PASSWORD,
  setUpDataDir,
  snapshotDir,
  USERS,
} from '../fixtures/harness';

const open = coreOpener();

async function idOf(core: Core, admin: string, username: string): Promise<string> {
  const users = await must<{ id: string; username: string }[]>(core, 'users.list', {}, admin);
  return users.find((u) => u.username === username)!.id;
}

describe('log-in', () => {
  it('gives the same answer for a wrong password and an unknown user', async () => {
    const core = await open(await setUpDataDir());
    const wrong = failure(await call(core, 'auth.login', { username: USERS.operator, password: 'salah-sekali' }));
    const unknown = failure(await call(core, 'auth.login', { username: 'siapa', password: PASSWORD }));
    expect(wrong).toEqual({ ok: false, code: 'UNAUTHENTICATED', message: 'Nama pengguna atau kata sandi salah.' });
    expect(unknown).toEqual(wrong);
  });

  it('accepts the user name in any case and with spaces around it', async () => {
    const core = await open(await setUpDataDir());
    const r = await must<{ user: { username: string } }>(core, 'auth.login', { username: '  Kepala ', password: PASSWORD });
    expect(r.user.username).toBe('kepala');
  });

  it('logging out ends that session only', async () => {
    const core = await open(await setUpDataDir());
    const a = await login(core, USERS.operator);
    const b = await login(core, USERS.operator);
    await must(core, 'auth.logout', {}, a);
    expect(codeOf(await call(core, 'auth.me', {}, a))).toBe('UNAUTHENTICATED');
    expect(codeOf(await call(core, 'auth.me', {}, b))).toBe('ok');
  });

  it('locks a user name after 5 wrong tries, even for the right password, and unlocks after the wait', async () => {
    const clock = fakeClock();
    const core = await open(await setUpDataDir(), clock);
    for (let i = 0; i < 5; i++) {
      expect(codeOf(await call(core, 'auth.login', { username: USERS.operator, password: `salah-${i}` }))).toBe('UNAUTHENTICATED');
    }
    const locked = failure(await call(core, 'auth.login', { username: 'OPERATOR', password: PASSWORD }));
    expect(locked.code).toBe('TOO_MANY_ATTEMPTS');
    expect(locked.message).toMatch(/^Terlalu banyak percobaan yang salah\. Coba lagi dalam \d+ detik\.$/);
    // Someone else's name is not locked by another's typos.
    await login(core, USERS.kepala);
    clock.advance(29_000);
    expect(codeOf(await call(core, 'auth.login', { username: USERS.operator, password: PASSWORD }))).toBe('TOO_MANY_ATTEMPTS');
    clock.advance(2_000);
    await login(core, USERS.operator);
  });

  it('locks longer when the guessing goes on after a lock', async () => {
    const clock = fakeClock();
    const core = await open(await setUpDataDir(), clock);
    const wrong = () => call(core, 'auth.login', { username: USERS.kepala, password: 'salah-lagi' });
    for (let i = 0; i < 5; i++) await wrong();
    clock.advance(31_000);
    expect(codeOf(await wrong())).toBe('UNAUTHENTICATED');
    clock.advance(31_000);
    expect(codeOf(await call(core, 'auth.login', { username: USERS.kepala, password: PASSWORD }))).toBe('TOO_MANY_ATTEMPTS');
    clock.advance(30_000);
    await login(core, USERS.kepala);
  });
});

describe('password change and deactivation', () => {
  it('changing the password ends the other sessions; the old password stops working', async () => {
    const core = await open(await setUpDataDir());
    const here = await login(core, USERS.operator);
    const elsewhere = await login(core, USERS.operator);
    const other = await login(core, USERS.kepala);
    await must(core, 'auth.changePassword', { current: PASSWORD, next: 'sandi-baru-2026' }, here);
    expect(codeOf(await call(core, 'auth.me', {}, elsewhere))).toBe('UNAUTHENTICATED');
    expect(codeOf(await call(core, 'auth.me', {}, here))).toBe('ok');
    expect(codeOf(await call(core, 'auth.me', {}, other))).toBe('ok');
    expect(codeOf(await call(core, 'auth.login', { username: USERS.operator, password: PASSWORD }))).toBe('UNAUTHENTICATED');
    await login(core, USERS.operator, 'sandi-baru-2026');
  });

  it('refuses a wrong current password on the field and changes nothing', async () => {
    const dir = await setUpDataDir();
    const core = await open(dir);
    const session = await login(core, USERS.operator);
    const before = await snapshotDir(dir);
    const r = failure(await call(core, 'auth.changePassword', { current: 'bukan-sandinya', next: 'sandi-baru-2026' }, session));
    expect(r).toMatchObject({ code: 'INVALID_INPUT', issues: [{ path: 'current', message: 'Kata sandi lama salah.' }] });
    expect(await snapshotDir(dir)).toEqual(before);
    await login(core, USERS.operator);
  });

  it('the new password survives a restart', async () => {
    const dir = await setUpDataDir();
    const core = await open(dir);
    await must(core, 'auth.changePassword', { current: PASSWORD, next: 'sandi-baru-2026' }, await login(core, USERS.operator));
    await core.close();
    const again = await open(dir);
    expect(codeOf(await call(again, 'auth.login', { username: USERS.operator, password: PASSWORD }))).toBe('UNAUTHENTICATED');
    await login(again, USERS.operator, 'sandi-baru-2026');
  });

  it('a deactivated user is thrown out at once and cannot log in again until reactivated', async () => {
    const core = await open(await setUpDataDir());
    const admin = await login(core, USERS.admin);
    const victim = await login(core, USERS.operator2);
    const id = await idOf(core, admin, USERS.operator2);
    await must(core, 'users.update', { id, role: 'operator', isAdmin: false, active: false }, admin);
    expect(codeOf(await call(core, 'auth.me', {}, victim))).toBe('UNAUTHENTICATED');
    const refused = failure(await call(core, 'auth.login', { username: USERS.operator2, password: PASSWORD }));
    expect(refused).toMatchObject({ code: 'FORBIDDEN', message: 'Akun ini dinonaktifkan. Hubungi administrator.' });
    await must(core, 'users.update', { id, role: 'operator', isAdmin: false, active: true }, admin);
    await login(core, USERS.operator2);
  });

  it('a password reset by the administrator ends the user’s sessions', async () => {
    const core = await open(await setUpDataDir());
    const admin = await login(core, USERS.admin);
    const victim = await login(core, USERS.operator2);
    await must(core, 'users.resetPassword', { id: await idOf(core, admin, USERS.operator2), password: 'sandi-reset-2026' }, admin);
    expect(codeOf(await call(core, 'auth.me', {}, victim))).toBe('UNAUTHENTICATED');
    expect(codeOf(await call(core, 'auth.me', {}, admin))).toBe('ok');
    await login(core, USERS.operator2, 'sandi-reset-2026');
  });
});

describe('secrets at rest', () => {
  it('no password and no session token reaches the disk; hashes are scrypt', async () => {
    const dir = await setUpDataDir();
    const core = await open(dir);
    const session = await login(core, USERS.operator);
    await must(core, 'auth.changePassword', { current: PASSWORD, next: 'Rahasia-Baru-77' }, session);
    const admin = await login(core, USERS.admin);
    await must(core, 'users.resetPassword', { id: await idOf(core, admin, USERS.kepala), password: 'Setel-Ulang-88' }, admin);
    await core.close();
    await open(dir); // a restart takes backups: they must be clean too

    const files = await snapshotDir(dir);
    expect([...files.keys()].some((f) => f.startsWith('backups'))).toBe(true);
    for (const [name, { bytes }] of files) {
      const text = bytes.toString('utf8');
      for (const secret of [PASSWORD, 'Rahasia-Baru-77', 'Setel-Ulang-88', session, admin]) {
        expect(text.includes(secret), `${secret} in ${name}`).toBe(false);
      }
    }
    const app = JSON.parse(await fs.readFile(path.join(dir, 'app.json'), 'utf8')) as { users: { passwordHash: string }[] };
    expect(app.users.length).toBe(4);
    for (const u of app.users) expect(u.passwordHash).toMatch(/^scrypt\$\d+\$\d+\$\d+\$[A-Za-z0-9+/=]{20,}\$[A-Za-z0-9+/=]{40,}$/);
    // Same password, different salt: the hashes must differ.
    expect(new Set(app.users.map((u) => u.passwordHash)).size).toBe(4);
  });
});
