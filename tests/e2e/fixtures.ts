import { test as base, expect, type Page } from '@playwright/test';
import { HostProcess } from './host';

export const test = base.extend<{ host: HostProcess; laptops: [HostProcess, HostProcess]; hostClock: string | null }>({
  /**
   * `test.use({ hostClock: '2026-03-02T02:00:00.000Z' })` starts `host` on a test clock at that
   * instant instead of the machine's; `host.setClock(iso)` then moves the running host.
   */
  hostClock: [null, { option: true }],
  host: async ({ hostClock }, use) => {
    const host = new HostProcess();
    if (hostClock) await host.setClock(hostClock);
    await host.start();
    await use(host);
    await host.stop();
    await host.remove();
  },
  /** Two hosts, each on its own data folder, not yet set up; see `sameOffice` in host.ts. */
  // eslint-disable-next-line no-empty-pattern -- Playwright requires the destructuring form
  laptops: async ({}, use) => {
    const pair: [HostProcess, HostProcess] = [new HostProcess(), new HostProcess()];
    await use(pair);
    for (const h of pair) {
      await h.stop();
      await h.remove();
    }
  },
});
export { expect };

/** Calls the contract the way the renderer does; for arranging state and for probing the host. */
export async function api(host: HostProcess, name: string, input: unknown = {}, opts: { session?: string; token?: string | null } = {}) {
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  if (opts.token !== null) headers.Authorization = `Bearer ${opts.token ?? host.token}`;
  if (opts.session) headers['X-PPID-Session'] = opts.session;
  const res = await fetch(`${host.origin}/api/${name}`, { method: 'POST', headers, body: JSON.stringify({ input }) });
  return { status: res.status, body: (await res.json()) as { ok: boolean; data?: unknown; code?: string; message?: string } };
}

export async function login(page: Page, username: string, password: string) {
  await page.getByLabel('Nama pengguna').fill(username);
  await page.getByRole('textbox', { name: 'Kata sandi', exact: true }).fill(password);
  await page.getByRole('button', { name: 'Masuk' }).click();
}
