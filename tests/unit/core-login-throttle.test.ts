import { promises as fs } from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { verifyPassword } from '../../electron/core/services/password';
import { call, codeOf, coreOpener, fakeClock, failure, login, PASSWORD, setUpDataDir, USERS } from '../fixtures/harness';

// Count the password checks (each one a scrypt run) without changing what they answer.
vi.mock('../../electron/core/services/password', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../electron/core/services/password')>();
  return { ...real, verifyPassword: vi.fn(real.verifyPassword) };
});
const checks = vi.mocked(verifyPassword);

const open = coreOpener();
beforeEach(() => {
  checks.mockClear();
});

describe('the log-in throttle', () => {
  it('41 wrong passwords at once: five are checked, the others get the lock message without a check', async () => {
    const core = await open(await setUpDataDir());
    const results = await Promise.all(
      Array.from({ length: 41 }, (_, i) => call(core, 'auth.login', { username: USERS.operator, password: `salah-${i}` })),
    );
    expect(checks).toHaveBeenCalledTimes(5);
    expect(results.filter((r) => codeOf(r) === 'UNAUTHENTICATED')).toHaveLength(5);
    const locked = results.filter((r) => codeOf(r) === 'TOO_MANY_ATTEMPTS');
    expect(locked).toHaveLength(36);
    for (const r of locked) expect(failure(r).message).toMatch(/^Terlalu banyak percobaan yang salah\. Coba lagi dalam \d+ detik\.$/);

    // Locked now, even for the right password, and still nothing is checked.
    expect(codeOf(await call(core, 'auth.login', { username: USERS.operator, password: PASSWORD }))).toBe('TOO_MANY_ATTEMPTS');
    expect(checks).toHaveBeenCalledTimes(5);
    // Another name is not affected.
    await login(core, USERS.kepala);
  });

  it('keeps a lock across a restart, and lifts it when the wait is over', async () => {
    const dir = await setUpDataDir();
    const clock = fakeClock();
    let core = await open(dir, clock);
    for (let i = 0; i < 5; i++) await call(core, 'auth.login', { username: USERS.operator, password: `salah-${i}` });
    await core.close();

    core = await open(dir, clock);
    checks.mockClear();
    const r = failure(await call(core, 'auth.login', { username: USERS.operator, password: PASSWORD }));
    expect(r.code).toBe('TOO_MANY_ATTEMPTS');
    expect(checks).not.toHaveBeenCalled();
    expect(await fs.readFile(path.join(dir, 'login-throttle.json'), 'utf8')).toContain('"operator"');

    clock.advance(31_000);
    await login(core, USERS.operator);
  });

  it('after a lock runs out, one wrong try locks the name again at once', async () => {
    const clock = fakeClock();
    const core = await open(await setUpDataDir(), clock);
    for (let i = 0; i < 5; i++) await call(core, 'auth.login', { username: USERS.operator, password: `salah-${i}` });
    clock.advance(31_000);
    checks.mockClear();
    const results = await Promise.all(
      Array.from({ length: 3 }, (_, i) => call(core, 'auth.login', { username: USERS.operator, password: `lagi-${i}` })),
    );
    expect(checks).toHaveBeenCalledTimes(1);
    expect(results.map(codeOf).sort()).toEqual(['TOO_MANY_ATTEMPTS', 'TOO_MANY_ATTEMPTS', 'UNAUTHENTICATED']);
  });
});
