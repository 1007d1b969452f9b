import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test, expect, api, login } from './fixtures';
import { HostProcess } from './host';

/**
 * Joining an office through the screens, across two loopback hosts with their own data
 * folders: the administrator of laptop A downloads the office package from Pengaturan ›
 * Perangkat; laptop B, fresh, joins with it from the first-run screen, makes its own
 * accounts, and its Beranda shows the office.
 */

const SHOTS = 'test-results/join-office';
const OFFICE = 'Dinas Komunikasi, Informatika dan Statistik';
const PASSWORD_B = 'sandi-laptop-b-2026';

test('a second laptop joins the office from the office package and logs in to its Beranda', async ({ page, host }) => {
  // Two hosts start, and laptop B hashes four new passwords at the real cost.
  test.setTimeout(180_000);
  const laptopB = new HostProcess();
  const flashDrive = await fs.mkdtemp(path.join(os.tmpdir(), 'ppid-e2e-flashdisk-'));
  try {
    // Laptop A: the demo office, its administrator downloads the office package.
    const demo = await api(host, 'setup.loadDemo', {});
    expect(demo.body.ok).toBe(true);
    const { accounts } = demo.body.data as { accounts: { username: string; password: string }[] };
    const ppid = accounts.find((a) => a.username === 'ppid')!;
    await page.goto(host.url);
    await login(page, ppid.username, ppid.password);
    await expect(page).toHaveURL(/#\/beranda/);
    await page.getByRole('link', { name: 'Pengaturan' }).click();
    await page.getByRole('tab', { name: 'Perangkat' }).click();
    const fingerprintA = (await page.getByTestId('sidik-perangkat-ini').textContent())!;
    const nameA = (await page.getByTestId('nama-perangkat-ini').textContent())!;
    expect(fingerprintA).toMatch(/^\d{4}( \d{4}){4}$/);
    await expect(page.getByText('tidak pernah memuat akun, kata sandi atau riwayat masuk', { exact: false })).toBeVisible();
    await page.screenshot({ path: `${SHOTS}/0-perangkat-admin.png` });
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Buat paket kantor untuk laptop baru' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^Kantor-Diskominfotik_\d{4}-\d{2}-\d{2}\.ppid$/);
    const saved = path.join(flashDrive, file.suggestedFilename());
    await file.saveAs(saved);
    await expect(page.getByText('Paket kantor dibuat')).toBeVisible();

    // Laptop B: a fresh install.
    await laptopB.start();
    await page.goto(laptopB.url);
    await expect(page.getByRole('button', { name: 'Coba dengan data contoh' })).toBeVisible();
    await page.screenshot({ path: `${SHOTS}/0-penyiapan-awal.png` });
    await page.getByRole('button', { name: 'Gabung ke kantor yang sudah ada' }).click();
    await expect(page.getByRole('heading', { name: 'Pilih paket kantor' })).toBeVisible();
    await page.screenshot({ path: `${SHOTS}/1-pilih-paket.png` });
    await page.locator('input[type=file][accept=".ppid"]').setInputFiles(saved);

    // The summary: the office, and the sender's key to compare by phone.
    await expect(page.getByRole('heading', { name: 'Periksa isi paket' })).toBeVisible();
    await expect(page.getByText(`Laptop pengirim: ${nameA}, kode kunci`)).toBeVisible();
    await expect(page.getByTestId('kode-kunci-pengirim')).toHaveText(fingerprintA);
    await expect(page.getByText(OFFICE).first()).toBeVisible();
    await expect(page.getByRole('table', { name: 'Laptop yang akan dipercaya' }).getByText(nameA)).toBeVisible();
    await page.screenshot({ path: `${SHOTS}/2-periksa.png` });
    await page.getByRole('table', { name: 'Laptop yang akan dipercaya' }).scrollIntoViewIfNeeded();
    await page.mouse.wheel(0, 1000);
    await page.screenshot({ path: `${SHOTS}/2-periksa-bawah.png` });
    await page.getByLabel(/Kode kunci sudah saya cocokkan/).check();
    await page.getByRole('button', { name: 'Lanjut' }).click();

    // This laptop's own accounts.
    await expect(page.getByRole('heading', { name: 'Akun di laptop ini' })).toBeVisible();
    const groups = page.getByRole('group', { name: /^Akun / });
    for (let i = 0; i < (await groups.count()); i++) {
      await groups.nth(i).getByRole('textbox', { name: 'Kata sandi', exact: true }).fill(PASSWORD_B);
      await groups.nth(i).getByRole('textbox', { name: 'Ulangi kata sandi', exact: true }).fill(PASSWORD_B);
    }
    await expect(page.getByRole('group', { name: /^Akun Ketua PPID Pembantu/ }).getByLabel('Nama pengguna')).toHaveValue('yuliana');
    await page.screenshot({ path: `${SHOTS}/3-akun.png` });
    await page.getByRole('button', { name: 'Gabung dan mulai' }).click();

    // The login screen, then Beranda with the office's name.
    await expect(page.getByRole('button', { name: 'Masuk' })).toBeVisible();
    await login(page, 'yuliana', PASSWORD_B);
    await expect(page).toHaveURL(/#\/beranda/);
    await expect(page.getByRole('main').getByText(OFFICE).first()).toBeVisible();
    // Laptop A's password does not open laptop B.
    const other = await api(laptopB, 'auth.login', { username: 'ppid', password: ppid.password });
    expect(other.body.ok).toBe(false);
  } finally {
    await laptopB.stop();
    await fs.rm(laptopB.dataDir, { recursive: true, force: true });
    await fs.rm(flashDrive, { recursive: true, force: true });
  }
});
