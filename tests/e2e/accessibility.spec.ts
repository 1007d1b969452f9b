import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect, api, login } from './fixtures';
import type { HostProcess } from './host';

/**
 * Every screen, filled with the demo office (a list signed last year, one waiting for review,
 * one at step 3), checked by axe-core: no serious or critical violation of WCAG 2.1 A/AA.
 * Then the item editor by keyboard alone. Screenshots of Beranda, the editor and a
 * notification go to test-results/ for a person to look at.
 */

const PASSWORD = 'contoh-ppid-2026';
const SHOTS = 'test-results/a11y';

async function axe(page: Page, screen: string) {
  // Let Mantine's transitions finish so axe sees the colours a person sees.
  await page.waitForTimeout(300);
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const bad = result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 8).map((n) => `${n.html.slice(0, 100)} ${v.id === 'color-contrast' ? (n.any[0]?.message ?? '').slice(0, 140) : ''}`).join(' | ')}`);
  expect.soft(bad, `axe on ${screen}`).toEqual([]);
}

async function session(host: HostProcess, username: string): Promise<string> {
  const r = await api(host, 'auth.login', { username, password: PASSWORD });
  return (r.body.data as { sessionToken: string }).sessionToken;
}

interface Summary {
  id: string;
  title: string;
  step: string;
}

async function cycles(host: HostProcess): Promise<Record<'signed' | 'review' | 'collecting', Summary>> {
  const r = await api(host, 'cycles.list', {}, { session: await session(host, 'kepala') });
  const list = (r.body.data as { cycles: Summary[] }).cycles;
  const by = (step: string) => list.find((c) => c.step === step)!;
  return { signed: by('selesai'), review: by('pemeriksaan_ppid'), collecting: by('pengumpulan') };
}

async function logout(page: Page) {
  await page.getByRole('button', { name: /^Menu pengguna/ }).click();
  await page.getByRole('menuitem', { name: 'Keluar' }).click();
  await expect(page.getByRole('button', { name: 'Masuk' })).toBeVisible();
}

/** The accessible name of the focused control, as far as a test needs it. */
function focusedName(page: Page) {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el) return '';
    const input = el as HTMLInputElement;
    const byLabel = input.labels?.[0]?.textContent ?? '';
    return (el.getAttribute('aria-label') ?? byLabel ?? '') || (el.textContent ?? '').trim();
  });
}

/** Tab (forwards only) until the focused control's name matches; fails after `max` presses. */
async function tabTo(page: Page, name: RegExp, max = 60) {
  for (let i = 0; i < max; i++) {
    if (name.test(await focusedName(page))) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${name} (last: ${await focusedName(page)})`);
}

test('every screen of the demo office passes axe (no serious or critical issue)', async ({ page, host }) => {
  test.setTimeout(300_000);
  await page.goto(host.url);
  await expect(page.getByRole('button', { name: 'Coba dengan data contoh' })).toBeVisible();
  await axe(page, 'penyiapan');
  await page.getByRole('button', { name: 'Coba dengan data contoh' }).click();
  await expect(page.getByRole('table', { name: 'Akun contoh' })).toBeVisible();
  await axe(page, 'masuk');
  const c = await cycles(host);

  // The operator: Beranda, the cycle at step 3 (every tab) and its item editor.
  await login(page, 'operator', PASSWORD);
  await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
  await expect(page.getByText(c.collecting.title).first()).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/beranda-operator.png` });
  await axe(page, 'beranda (operator)');

  await page.goto(`${host.origin}/#/siklus/${c.collecting.id}`);
  await expect(page.getByRole('tab', { name: /Daftar informasi/ })).toBeVisible();
  for (const tab of [/Daftar informasi/, /Nota Dinas/, /Pemeriksaan/, /DIP dan DIK/, /Riwayat/]) {
    await page.getByRole('tab', { name: tab }).click();
    await axe(page, `siklus tahap 3, tab ${tab.source}`);
  }
  await page.getByRole('tab', { name: /Daftar informasi/ }).click();
  await page.getByRole('button', { name: 'Isi kolom' }).first().click();
  await expect(page.getByRole('dialog')).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/item-editor.png` });
  await axe(page, 'panel informasi');
  await page.keyboard.press('Escape');
  await logout(page);

  // The PPID Pembantu (administrator): the cycle waiting for review, settings, verification.
  await login(page, 'ppid', PASSWORD);
  await expect(page.getByText(c.review.title).first()).toBeVisible();
  await axe(page, 'beranda (PPID Pembantu)');
  await page.goto(`${host.origin}/#/siklus/${c.review.id}`);
  for (const tab of [/Daftar informasi/, /Nota Dinas/, /Pemeriksaan/, /DIP dan DIK/, /Riwayat/]) {
    await page.getByRole('tab', { name: tab }).click();
    await axe(page, `siklus menunggu pemeriksaan, tab ${tab.source}`);
  }
  await page.goto(`${host.origin}/#/siklus/${c.signed.id}`);
  for (const tab of [/Daftar informasi/, /DIP dan DIK/, /Riwayat/]) {
    await page.getByRole('tab', { name: tab }).click();
    await axe(page, `siklus ditandatangani, tab ${tab.source}`);
  }
  for (const kind of ['nota-dinas', 'dip', 'dik', 'uji-konsekuensi']) {
    await page.goto(`${host.origin}/#/cetak/${c.signed.id}/${kind}`);
    await expect(page.getByText('Dinas Komunikasi, Informatika dan Statistik').first()).toBeVisible();
    await axe(page, `cetak ${kind}`);
  }
  await page.goto(`${host.origin}/#/verifikasi`);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await axe(page, 'verifikasi');
  await page.goto(`${host.origin}/#/pengaturan`);
  const tabs = page.getByRole('tab');
  await expect(tabs.first()).toBeVisible();
  const count = await tabs.count();
  expect(count).toBeGreaterThan(3);
  for (let i = 0; i < count; i++) {
    await tabs.nth(i).click();
    await axe(page, `pengaturan, tab ${await tabs.nth(i).innerText()}`);
  }
  await page.goto(`${host.origin}/#/kata-sandi`);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await axe(page, 'kata-sandi');
  await page.goto(`${host.origin}/#/tentang`);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await axe(page, 'tentang');
  await logout(page);

  // The Kepala OPD sees the signed list and nothing waiting.
  await login(page, 'kepala', PASSWORD);
  await expect(page.getByText(c.signed.title).first()).toBeVisible();
  await axe(page, 'beranda (Kepala OPD)');
});

test('the item editor by keyboard alone: add an item, classify it with the arrow keys, fill it and save', async ({ page, host }) => {
  await page.goto(host.url);
  await page.getByRole('button', { name: 'Coba dengan data contoh' }).click();
  await expect(page.getByRole('table', { name: 'Akun contoh' })).toBeVisible();
  const c = await cycles(host);
  await login(page, 'operator', PASSWORD);
  await expect(page.getByText(c.collecting.title).first()).toBeVisible();
  await page.goto(`${host.origin}/#/siklus/${c.collecting.id}`);
  await expect(page.getByRole('tab', { name: /Daftar informasi/ })).toBeVisible();

  const judul = 'Dokumen rencana induk SPBE Kabupaten Kapuas Hulu';
  await page.locator('body').focus();
  await tabTo(page, /^Tambah informasi$/);
  await page.keyboard.press('Enter');
  await tabTo(page, /^Judul informasi/);
  await page.keyboard.type(judul);
  await page.keyboard.press('Tab');
  await page.keyboard.type('Aplikasi');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await tabTo(page, /^Tambah$/);
  await page.keyboard.press('Enter');
  await expect(page.locator(`tr[data-item="${judul}"]`)).toBeVisible();
  // The confirmation stays in the corner under the navigation, clear of every control.
  const toast = page.getByRole('alert').filter({ hasText: 'ditambahkan' });
  await expect(toast).toBeVisible();
  // Measured once its slide-in has settled (a busy machine may catch it mid-animation).
  await expect.poll(async () => {
    const box = (await toast.boundingBox())!;
    return box.x + box.width;
  }).toBeLessThanOrEqual(216);
  await page.waitForTimeout(400);
  await page.screenshot({ path: `${SHOTS}/notifikasi.png` });

  // To the new row's button, by Tab only.
  for (let i = 0; i < 200; i++) {
    const here = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement;
      return { row: el.closest('tr')?.getAttribute('data-item') ?? null, text: el.textContent?.trim() ?? '' };
    });
    if (here.row === judul && here.text === 'Isi kolom') break;
    await page.keyboard.press('Tab');
  }
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();

  // One stop before the fields: the way to the first missing one.
  await tabTo(page, /^Ke isian pertama yang kurang$/, 12);
  await page.keyboard.press('Enter');
  await expect(dialog.getByRole('radio', { name: 'Berkala' })).toBeFocused();
  // The four classifications are one Tab stop; the arrows choose.
  await page.keyboard.press('ArrowRight');
  await expect(dialog.getByRole('radio', { name: 'Setiap saat' })).toBeFocused();
  await expect(dialog.getByRole('radio', { name: 'Setiap saat' })).toBeChecked();
  await page.keyboard.press('Tab');
  expect(await focusedName(page)).toMatch(/^Ringkasan isi informasi/);
  await page.keyboard.type('Arah pembangunan SPBE lima tahun: arsitektur, peta rencana dan tata kelola.');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Kepala Bidang Aplikasi Informatika');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Kepala Dinas Komunikasi, Informatika dan Statistik');
  await page.keyboard.press('Tab');
  await page.keyboard.type('2026');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Putussibau');
  await page.keyboard.press('Tab');
  expect(await focusedName(page)).toBe('Softcopy');
  await page.keyboard.press('Space');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  expect(await focusedName(page)).toMatch(/^Jangka waktu penyimpanan/);
  await page.keyboard.type('Selama berlaku');
  await expect(dialog.getByTestId('status-kelengkapan')).toContainText('Lengkap');
  await tabTo(page, /^Simpan$/);
  await page.keyboard.press('Enter');
  await expect(dialog.getByTestId('status-simpan')).toContainText('Tersimpan');
  await page.screenshot({ path: `${SHOTS}/item-editor-tersimpan.png` });
  await page.keyboard.press('Escape');
  await expect(page.locator(`tr[data-item="${judul}"]`)).toContainText('Lengkap');
});
