import type { Page } from '@playwright/test';
import { completeItem } from '../unit/workflow-fixtures';
import { api, expect, login, test } from './fixtures';
import type { HostProcess } from './host';

/**
 * Reminders appearing as time passes, on a host whose clock the test moves (host.setClock): the
 * Kepala signs the DIP on Monday 2 March 2026; its berkala item must be published again at
 * least every six months (UU 14/2008 Pasal 9), so it falls due on 2 September 2026, and the DIP
 * itself is renewed at least once a year, so by 2 March 2027. The operator sees nothing due on
 * the day of signing, is warned the day before the six months run out, and finds it overdue a
 * few days after; a year on, the PPID Pembantu is told to renew the DIP. The browser session
 * ends while the months pass, so each visit starts at the log-in, as it would for the user.
 */

const PASSWORD = 'contoh-ppid-2026';
const BERKALA = 'Laporan Realisasi Anggaran';

// 09.00 WIB on the day of signing: mid-morning, so the seconds the test takes stay in that day.
test.use({ hostClock: '2026-03-02T02:00:00.000Z', actionTimeout: 15_000 });

async function ok<T>(host: HostProcess, name: string, input: unknown, session?: string): Promise<T> {
  const r = await api(host, name, input, { session });
  if (!r.body.ok) throw new Error(`${name}: ${r.body.code} ${r.body.message}`);
  return r.body.data as T;
}

/** The demo office's people, and a DIP with one berkala item taken through the SOP to the Kepala's signature. */
async function signedDip(host: HostProcess) {
  await ok(host, 'setup.loadDemo', {});
  const as = async (username: string) => (await ok<{ sessionToken: string }>(host, 'auth.login', { username, password: PASSWORD })).sessionToken;
  const operator = await as('operator');
  const ppid = await as('ppid');
  const kepala = await as('kepala');
  const { id } = await ok<{ id: string }>(host, 'cycles.create', { title: 'Daftar Informasi Publik Tahun 2026', year: 2026 }, operator);
  await ok(host, 'cycles.addItems', {
    cycleId: id,
    items: [completeItem(BERKALA, 'Sekretariat', 'berkala', { berkalaBulan: 6 }), completeItem('Rencana Strategis 2025–2029', 'Sekretariat', 'setiap_saat')],
  }, operator);
  await ok(host, 'cycles.act', { cycleId: id, action: 'report' }, operator);
  await ok(host, 'cycles.act', { cycleId: id, action: 'issueNotaDinas' }, ppid);
  const konsep = await ok<{ items: { id: string }[] }>(host, 'cycles.act', { cycleId: id, action: 'submitKonsep' }, operator);
  for (const item of konsep.items) await ok(host, 'cycles.markReview', { cycleId: id, itemId: item.id, verdict: 'sesuai' }, ppid);
  await ok(host, 'cycles.act', { cycleId: id, action: 'approve' }, ppid);
  const signed = await ok<{ signed: unknown }>(host, 'cycles.act', { cycleId: id, action: 'approve', password: PASSWORD }, kepala);
  expect(signed.signed).toBeTruthy();
}

/** Opens the app as a user who comes back to it: the log-in, then Beranda. */
async function visit(page: Page, host: HostProcess, username: string) {
  await page.goto(host.url);
  await login(page, username, PASSWORD);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(/Selamat/);
}

test('a berkala item and the DIP itself show on Beranda once the host\'s clock reaches their renewal', async ({ page, host }) => {
  await signedDip(host);
  const card = page.getByTestId('pengingat');

  // The day of signing: everything in the DIP has just been declared current.
  await visit(page, host, 'operator');
  await expect(card.getByRole('heading', { name: 'Pengingat (0)' })).toBeVisible();
  await expect(card).toContainText('Tidak ada yang jatuh tempo untuk Anda dalam waktu dekat.');

  // Tuesday 1 September 2026, 10.00 WIB: the six months end tomorrow.
  await host.setClock('2026-09-01T03:00:00.000Z');
  await page.reload();
  await expect(page.getByLabel('Nama pengguna')).toBeVisible();
  await login(page, 'operator', PASSWORD);
  await expect(card.getByRole('heading', { name: 'Pengingat (1)' })).toBeVisible();
  const soon = card.locator('[data-reminder]');
  await expect(soon.getByRole('link')).toHaveText(`Perbarui informasi berkala: ${BERKALA}`);
  await expect(soon).toContainText('Segera');
  await expect(soon).toContainText('1 hari lagi · 2 September 2026');
  await expect(soon).toContainText('2 Maret 2026');

  // Monday 7 September 2026: five days past it, and the card says it is late.
  await host.setClock('2026-09-07T03:00:00.000Z');
  await page.reload();
  await login(page, 'operator', PASSWORD);
  // The whole app is on the host's day, not the browser's.
  await expect(page.getByText('Senin, 7 September 2026')).toBeVisible();
  await expect(card.getByRole('heading', { name: 'Pengingat (1)' })).toBeVisible();
  await expect(card).toContainText('1 terlambat');
  const late = card.locator('[data-reminder]');
  await expect(late.getByRole('link')).toHaveText(`Perbarui informasi berkala: ${BERKALA}`);
  await expect(late).toContainText('Terlambat');
  await expect(late).toContainText('Lewat 5 hari · 2 September 2026');

  // Wednesday 3 March 2027: a year and a day after the signing, the PPID Pembantu must renew the DIP.
  await host.setClock('2027-03-03T03:00:00.000Z');
  await page.reload();
  await login(page, 'ppid', PASSWORD);
  const dip = card.locator('[data-reminder]').filter({ hasText: 'Perbarui Daftar Informasi Publik' });
  await expect(dip.getByRole('link')).toContainText('2 Maret 2026');
  await expect(dip).toContainText('Terlambat');
  await expect(dip).toContainText('Lewat 1 hari · 2 Maret 2027');
});
