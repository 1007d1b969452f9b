import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setPasswordCostForTests, verifyPassword } from '../../electron/core/services/password';
import { coreOpener, login, PASSWORD, setupInput, tempDir, USERS } from '../fixtures/harness';

/**
 * The other tests hash at a token cost (tests/fixtures/test-setup.ts); this one restores the
 * app's own and checks what a real first run stores: scrypt with N=2^15, r=8, p=1 — the cost
 * the design promises a guesser must pay per try.
 */
const open = coreOpener();

beforeAll(() => setPasswordCostForTests(null));
afterAll(() => setPasswordCostForTests({ N: 2 ** 10, r: 8, p: 1 }));

describe('password hashes at rest', () => {
  it('a first run stores every account as scrypt N=32768, r=8, p=1 with its own salt, and logging in works', async () => {
    const dir = await tempDir();
    const core = await open(dir);
    const r = await core.invoke({ name: 'setup.complete', input: setupInput() });
    expect(r.ok).toBe(true);

    const app = JSON.parse(await fs.readFile(path.join(dir, 'app.json'), 'utf8')) as { users: { passwordHash: string }[] };
    expect(app.users.length).toBeGreaterThan(0);
    for (const u of app.users) {
      const [scheme, n, rr, p, salt] = u.passwordHash.split('$');
      expect({ scheme, n, r: rr, p }).toEqual({ scheme: 'scrypt', n: '32768', r: '8', p: '1' });
      expect(Buffer.from(salt!, 'base64').length).toBe(16);
      expect(await verifyPassword(PASSWORD, u.passwordHash)).toBe(true);
    }
    expect(new Set(app.users.map((u) => u.passwordHash.split('$')[4])).size).toBe(app.users.length);
    expect(await login(core, USERS.admin)).toBeTruthy();
  });
});
