import { mkdtempSync, promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect, api, login } from './fixtures';
import { HostProcess } from './host';
import { chooseFiles, itemsOf, ok, runOpd, utamaSetupInput, type Opd } from './utama-helpers';

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

test('every screen of a PPID Utama office with OPD data passes axe, and the register’s main actions are reachable by keyboard', async ({ page }) => {
  test.setTimeout(420_000);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ppid-a11y-utama-'));
  // One OPD signed (late), one at step 3, one whose sender key is never trusted (it keeps waiting).
  const opds: Opd[] = [
    { name: 'Dinas Pendidikan', unitCode: 'Disdik', upTo: 'ditandatangani', lateDays: 3, items: itemsOf('Disdik') },
    { name: 'Dinas Sosial', unitCode: 'Dinsos', upTo: 'langkah3', items: itemsOf('Dinsos') },
    { name: 'Dinas Perhubungan', unitCode: 'Dishub', upTo: 'langkah3', items: itemsOf('Dishub') },
  ];
  for (const o of opds) await runOpd(o, dir);
  const host = new HostProcess();
  await host.setClock('2026-12-14T02:00:00.000Z');
  await host.start();
  try {
    await ok(host, 'setup.complete', utamaSetupInput());
    await page.goto(host.url);
    await expect(page.getByRole('button', { name: 'Masuk' })).toBeVisible();
    await axe(page, 'masuk (PPID Utama)');
    await login(page, 'utama', PASSWORD);
    await expect(page.getByRole('heading', { level: 1, name: 'Register OPD' })).toBeVisible();
    await axe(page, 'register kosong');

    // Keyboard alone: from the top of the page to "Tambah OPD", the dialog filled and saved.
    await page.locator('body').focus();
    await tabTo(page, /^Tambah OPD$/);
    await page.keyboard.press('Enter');
    const modal = page.getByRole('dialog', { name: 'Tambah OPD ke register' });
    await expect(modal).toBeVisible();
    await axe(page, 'tambah OPD');
    await tabTo(page, /^Nama OPD/, 10);
    await page.keyboard.type('Badan Keuangan dan Aset Daerah');
    await tabTo(page, /^Kode unit/, 5);
    await page.keyboard.type('BKAD');
    await tabTo(page, /^Tambahkan$/, 12);
    await page.keyboard.press('Enter');
    await expect(modal).toBeHidden();
    await expect(page.getByRole('table', { name: 'Register OPD' })).toContainText('Badan Keuangan dan Aset Daerah');

    // Terima paket OPD: the three files checked, then applied (all wait for trust).
    await chooseFiles(page, () => page.getByRole('button', { name: 'Terima paket OPD' }).click(), opds.map((o) => o.file!));
    await expect(page.getByTestId('ringkasan-periksa')).toContainText('3 berkas diperiksa:');
    await axe(page, 'terima paket: diperiksa');
    await page.getByRole('button', { name: 'Terapkan 3 paket' }).click();
    await expect(page.getByTestId('ringkasan-akhir')).toContainText('Penerimaan selesai');
    await axe(page, 'terima paket: ringkasan');

    // Menunggu kepercayaan: three cards; two are trusted, Dishub keeps waiting.
    await page.getByRole('link', { name: 'Buka Menunggu kepercayaan' }).click();
    const cards = page.getByTestId('pengirim-menunggu');
    await expect(cards).toHaveCount(3);
    await axe(page, 'menunggu kepercayaan');
    for (const name of ['Dinas Pendidikan', 'Dinas Sosial']) {
      const card = cards.filter({ has: page.getByRole('heading', { level: 2, name }) });
      await card.getByRole('checkbox').check();
      await card.getByRole('button', { name: 'Percayai & terapkan' }).click();
      await expect(page.getByTestId('hasil-percaya')).toContainText(name);
    }
    await expect(cards).toHaveCount(1);
    await axe(page, 'menunggu kepercayaan, sesudah dipercaya');

    // The register with data; its main actions by keyboard: sort, filter, open an OPD.
    await page.getByRole('link', { name: 'Register OPD' }).click();
    const table = page.getByRole('table', { name: 'Register OPD' });
    await expect(table.getByTestId('nama-opd')).toHaveCount(3);
    await axe(page, 'register OPD');
    await page.locator('body').focus();
    await tabTo(page, /^Terima paket OPD$/);
    await tabTo(page, /^Cari OPD$/);
    await page.keyboard.type('Disdik');
    await expect(table.getByTestId('nama-opd')).toHaveCount(1);
    await tabTo(page, /^Hanya yang terlambat$/, 6);
    await page.keyboard.press('Space');
    await expect(page.getByRole('checkbox', { name: 'Hanya yang terlambat' })).toBeChecked();
    await tabTo(page, /^Hapus saringan$/, 4);
    await page.keyboard.press('Enter');
    await expect(table.getByTestId('nama-opd')).toHaveCount(3);
    await tabTo(page, /^Urutkan menurut status$/);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('columnheader', { name: /status/i })).toHaveAttribute('aria-sort', 'ascending');
    await tabTo(page, /^Dinas Pendidikan$/);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: 'Dinas Pendidikan' })).toBeVisible();

    // OPD detail, with its trusted key and the revoke dialog (cancelled).
    await expect(page.getByRole('table', { name: 'Laptop pengirim yang dipercaya' })).toBeVisible();
    await page.screenshot({ path: `${SHOTS}/utama-opd-detail.png`, fullPage: true });
    await axe(page, 'detail OPD');
    await page.getByRole('button', { name: /^Cabut kepercayaan/ }).click();
    const revoke = page.getByRole('dialog');
    await expect(revoke).toContainText('tetap tersimpan');
    await axe(page, 'detail OPD: cabut kepercayaan');
    await revoke.getByRole('button', { name: 'Batal' }).click();
    await expect(revoke).toBeHidden();
    await page.getByRole('button', { name: 'Ubah data OPD' }).click();
    await expect(page.getByRole('dialog')).toBeVisible();
    await axe(page, 'detail OPD: ubah data');
    await page.keyboard.press('Escape');

    await page.getByRole('link', { name: 'Cari informasi' }).click();
    await page.getByLabel('Kata kunci').fill('Rencana Strategis');
    await page.getByRole('button', { name: 'Cari', exact: true }).click();
    await expect(page.getByRole('table', { name: 'Hasil pencarian' })).toContainText('Rencana Strategis Disdik');
    await axe(page, 'cari informasi');

    await page.getByRole('link', { name: 'Dokumen kabupaten' }).click();
    const signature = page.getByTestId('tanda-tangan-kabupaten');
    await expect(signature).toContainText('Draft');
    await axe(page, 'dokumen kabupaten (draft)');
    await signature.getByRole('button', { name: 'Tandatangani' }).click();
    const confirm = page.getByRole('dialog', { name: /^Tandatangani daftar kabupaten 2026/ });
    await expect(confirm).toBeVisible();
    await axe(page, 'dokumen kabupaten: tandatangani');
    await confirm.getByRole('button', { name: 'Ya, tandatangani' }).click();
    await expect(signature).toContainText('Final');
    await axe(page, 'dokumen kabupaten (final)');
    for (const kind of ['dip-kabupaten', 'dik-kabupaten', 'laporan-kepatuhan']) {
      await page.goto(`${host.origin}/#/cetak-kabupaten/2026/${kind}`);
      await expect(page.getByText('Dinas Pendidikan').first()).toBeVisible();
      await axe(page, `cetak ${kind}`);
    }

    await page.goto(`${host.origin}/#/verifikasi`);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await axe(page, 'verifikasi (PPID Utama)');
    await page.goto(`${host.origin}/#/pengaturan`);
    const tabs = page.getByRole('tab');
    await expect(tabs.first()).toBeVisible();
    const count = await tabs.count();
    for (let i = 0; i < count; i++) {
      await tabs.nth(i).click();
      await axe(page, `pengaturan (PPID Utama), tab ${await tabs.nth(i).innerText()}`);
    }
    await page.goto(`${host.origin}/#/tentang`);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await axe(page, 'tentang (PPID Utama)');
    await logout(page);

    // The operator sees the waiting card without the trust button, and the register.
    await login(page, 'operator', PASSWORD);
    await expect(page.getByRole('heading', { level: 1, name: 'Register OPD' })).toBeVisible();
    await axe(page, 'register OPD (operator)');
    await page.getByRole('link', { name: 'Menunggu kepercayaan' }).click();
    await expect(page.getByTestId('hanya-ppid-utama')).toBeVisible();
    await axe(page, 'menunggu kepercayaan (operator)');
  } finally {
    await host.stop();
    await host.remove();
    await fs.rm(dir, { recursive: true, force: true });
  }
});
