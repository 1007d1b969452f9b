import type { Page } from '@playwright/test';
import type { ItemFields } from '../../electron/core/domain/information';
import type { Role } from '../../electron/core/domain/roles';
import { completeItem } from '../unit/workflow-fixtures';
import { api, expect, login } from './fixtures';
import { sameOffice, type HostProcess } from './host';

/**
 * Two laptops of one office, each a loopback host on its own data folder: what the specs that
 * carry work between them (sync, shared-folders, relay) arrange the same way — sessions and
 * calls through the contract, logging in on a laptop's screen, the laptops' names and trust,
 * and a cycle taken to step 4 on one of them.
 */

/** The demo office's password for every account (setup.loadDemo). */
export const DEMO_PASSWORD = 'contoh-ppid-2026';

export async function session(h: HostProcess, username: string, password = DEMO_PASSWORD): Promise<string> {
  const r = await api(h, 'auth.login', { username, password });
  expect(r.body.ok, `auth.login ${username}: ${r.body.message}`).toBe(true);
  return (r.body.data as { sessionToken: string }).sessionToken;
}

/** A contract call that must succeed: its data, or a thrown error naming the call. */
export async function must<T>(h: HostProcess, name: string, input: unknown, s: string): Promise<T> {
  const r = await api(h, name, input, { session: s });
  if (!r.body.ok) throw new Error(`${name}: ${r.body.message}`);
  return r.body.data as T;
}

/** On that laptop's screen, logged in as this user, on Beranda. */
export async function loginAs(page: Page, h: HostProcess, username: string, password = DEMO_PASSWORD) {
  await page.goto(h.url);
  await login(page, username, password);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(/Selamat/);
}

/**
 * Both laptops on the demo office with one office id (as joining makes them, see `sameOffice`),
 * each named as its people call it; returns the administrator's session on each.
 */
export async function demoOfficePair(first: HostProcess, second: HostProcess, names: [string, string]): Promise<[string, string]> {
  await sameOffice(first, second, async (h) => {
    expect((await api(h, 'setup.loadDemo')).body.ok).toBe(true);
  });
  const admins: [string, string] = [await session(first, 'ppid'), await session(second, 'ppid')];
  await must(first, 'devices.renameSelf', { name: names[0] }, admins[0]);
  await must(second, 'devices.renameSelf', { name: names[1] }, admins[1]);
  return admins;
}

/**
 * `on` trusts `other` for these roles, as its administrator does after comparing the key's code
 * by phone (Pengaturan › Perangkat); through the contract, the screen is tested elsewhere.
 */
export async function trustLaptop(on: HostProcess, onAdmin: string, other: HostProcess, otherAdmin: string, name: string, roles: Role[]): Promise<void> {
  const self = await must<{ installationId: string; publicKey: string }>(other, 'devices.self', {}, otherAdmin);
  await must(on, 'devices.trust', { installationId: self.installationId, name, publicKey: self.publicKey, roles }, onAdmin);
}

/**
 * A cycle made by the operator and taken to step 4 (the Konsep sent to the PPID Pembantu) with
 * these complete items (two by default); the screens for steps 1–3 are tested in cycle.spec.ts.
 * Returns the Konsep's items, for judging them.
 */
export async function cycleAtStep4(
  h: HostProcess,
  title: string,
  year: number,
  operator: string,
  admin: string,
  items: ItemFields[] = [completeItem('Profil Dinas', 'Sekretariat', 'setiap_saat'), completeItem('Rencana Strategis', 'Sekretariat', 'berkala')],
): Promise<{ id: string; items: { id: string }[] }> {
  const { id } = await must<{ id: string }>(h, 'cycles.create', { title, year }, operator);
  await must(h, 'cycles.addItems', { cycleId: id, items }, operator);
  await must(h, 'cycles.act', { cycleId: id, action: 'report' }, operator);
  await must(h, 'cycles.act', { cycleId: id, action: 'issueNotaDinas' }, admin);
  const konsep = await must<{ items: { id: string }[] }>(h, 'cycles.act', { cycleId: id, action: 'submitKonsep' }, operator);
  return { id, items: konsep.items };
}
