import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { api, expect, login, test } from './fixtures';
import { HostProcess } from './host';

/**
 * Pengaturan › Cadangan, clicked through by the administrator: a backup of all the data is
 * downloaded, work goes on, a damaged copy is refused, the backup is restored (preview,
 * confirm, done, log in again) and the later work is gone; then the automatic backup is
 * pointed at a "flash drive" folder and made when the app starts again. And a new laptop
 * restores the office's backup from the first-run screen.
 */

const PASSWORD = 'contoh-ppid-2026';
const SHOTS = process.env.PPID_SHOTS;

async function shot(page: import('@playwright/test').Page, name: string) {
  if (SHOTS) await page.screenshot({ path: path.join(SHOTS, `${name}.png`) });
}

test('make a backup, restore it through the screens, and set up the automatic backup', async ({ page, host }) => {
  // Five log-ins at the real password cost and a host restart, on two busy cores.
  test.setTimeout(180_000);
  expect((await api(host, 'setup.loadDemo')).body.ok).toBe(true);
  const operator = (await api(host, 'auth.login', { username: 'operator', password: PASSWORD })).body.data as { sessionToken: string };
  expect((await api(host, 'cycles.create', { title: 'DIP Sebelum Cadangan', year: 2031 }, { session: operator.sessionToken })).body.ok).toBe(true);

  await page.goto(host.url);
  await login(page, 'ppid', PASSWORD);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(/Selamat/);
  // A new installation is not nagged in its first week.
  await expect(page.getByTestId('pengingat-cadangan')).toHaveCount(0);

  await page.goto(`${host.origin}/#/pengaturan/cadangan`);
  await expect(page.getByRole('heading', { name: 'Cadangkan semua data' })).toBeVisible();
  await expect(page.getByText('Belum ada cadangan data di laptop ini.')).toBeVisible();
  // The administrator is told what a backup holds before making one.
  await expect(page.getByText(/termasuk akun pengguna dan sandi/)).toBeVisible();
  await shot(page, 'cadangan-1-tab');

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Cadangkan semua data' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^PPID-Desk-Cadangan-Diskominfotik-\d{4}-\d{2}-\d{2}-\d{4}\.ppidbackup$/);
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'ppid-e2e-cadangan-'));
  const file = path.join(dir, download.suggestedFilename());
  await download.saveAs(file);
  await expect(page.getByRole('status').filter({ hasText: 'Cadangan dibuat' })).toBeVisible();
  await expect(page.getByTestId('cadangan-terakhir')).toContainText('hari ini');

  // Work after the backup.
  expect((await api(host, 'cycles.create', { title: 'DIP Sesudah Cadangan', year: 2032 }, { session: operator.sessionToken })).body.ok).toBe(true);

  // A copy cut short on the way to the flash drive is refused; nothing changes.
  const bytes = await fs.readFile(file);
  const cut = path.join(dir, 'terpotong.ppidbackup');
  await fs.writeFile(cut, bytes.subarray(0, bytes.length >> 1));
  await page.getByLabel('Berkas cadangan').setInputFiles(cut);
  await expect(page.getByRole('alert').filter({ hasText: 'Berkas cadangan terpotong' })).toBeVisible();
  await expect(page.getByRole('dialog')).toHaveCount(0);

  // The real one: its content first.
  await page.getByLabel('Berkas cadangan').setInputFiles(file);
  const dialog = page.getByRole('dialog', { name: 'Pulihkan dari cadangan?' });
  await expect(dialog).toBeVisible();
  const table = dialog.getByRole('table', { name: 'Isi cadangan' });
  await expect(table).toContainText('Dinas Komunikasi, Informatika dan Statistik');
  await expect(table).toContainText('1: DIP Sebelum Cadangan');
  await expect(dialog).toContainText('Sesudah pemulihan semua pengguna harus masuk lagi');
  await expect(dialog).toContainText('laptop ini mendapat kunci perangkat baru');
  await shot(page, 'cadangan-2-pratinjau');
  const restore = dialog.getByRole('button', { name: 'Pulihkan data' });
  await expect(restore).toBeDisabled();
  await dialog.getByLabel(/Saya mengerti/).check();
  await restore.click();

  const done = page.getByRole('dialog', { name: 'Data dipulihkan' });
  await expect(done).toBeVisible();
  await expect(done).toContainText(download.suggestedFilename());
  await expect(done).toContainText('sebelum-pemulihan.ppidbackup');
  await expect(done.getByTestId('kunci-baru')).toContainText('Laptop ini sekarang memakai kunci perangkat baru');
  await shot(page, 'cadangan-3-selesai');
  await done.getByRole('button', { name: 'Masuk lagi' }).click();
  await expect(page.getByRole('button', { name: 'Masuk' })).toBeVisible();

  // Logged in again: the cycle made after the backup is gone, the one before is there.
  await login(page, 'operator', PASSWORD);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(/Selamat/);
  await expect(page.getByText('DIP Sebelum Cadangan').first()).toBeVisible();
  await expect(page.getByText('DIP Sesudah Cadangan')).toHaveCount(0);
  await page.getByRole('button', { name: /^Menu pengguna/ }).click();
  await page.getByRole('menuitem', { name: 'Keluar' }).click();

  // The automatic backup, to a "flash drive" folder, made when the app starts again.
  const flash = await fs.mkdtemp(path.join(os.tmpdir(), 'ppid-e2e-flashdisk-'));
  await login(page, 'ppid', PASSWORD);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(/Selamat/);
  await page.goto(`${host.origin}/#/pengaturan/cadangan`);
  await page.getByLabel('Folder cadangan').fill(path.join(host.dataDir, 'di-dalam'));
  await fs.mkdir(path.join(host.dataDir, 'di-dalam'));
  await page.getByRole('button', { name: 'Simpan pengaturan' }).click();
  await expect(page.getByText(/tidak boleh berada di dalam folder data/).first()).toBeVisible();
  await page.getByLabel('Folder cadangan').fill(flash);
  await page.getByRole('button', { name: 'Simpan pengaturan' }).click();
  await expect(page.getByText('Aktif', { exact: true })).toBeVisible();
  await shot(page, 'cadangan-4-otomatis');

  await host.restart();
  await expect.poll(async () => (await fs.readdir(flash)).filter((n) => n.endsWith('.ppidbackup'))).toEqual([expect.stringMatching(/^PPID-Desk-Cadangan-Diskominfotik-\d{4}-\d{2}-\d{2}\.ppidbackup$/)]);
  await page.goto(host.url);
  await login(page, 'ppid', PASSWORD);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(/Selamat/);
  await page.goto(`${host.origin}/#/pengaturan/cadangan`);
  await expect(page.getByText(/Cadangan otomatis terakhir:/)).toContainText(flash);
  await shot(page, 'cadangan-5-sesudah-mulai');

  await fs.rm(dir, { recursive: true, force: true });
  await fs.rm(flash, { recursive: true, force: true });
});

test('a new laptop restores the office backup from the first-run screen instead of setting up', async ({ page, host }) => {
  test.setTimeout(180_000);
  // The old laptop: the demo office with one cycle, backed up.
  expect((await api(host, 'setup.loadDemo')).body.ok).toBe(true);
  const admin = (await api(host, 'auth.login', { username: 'ppid', password: PASSWORD })).body.data as { sessionToken: string };
  const operator = (await api(host, 'auth.login', { username: 'operator', password: PASSWORD })).body.data as { sessionToken: string };
  expect((await api(host, 'cycles.create', { title: 'DIP Laptop Lama', year: 2031 }, { session: operator.sessionToken })).body.ok).toBe(true);
  const made = (await api(host, 'backup.create', {}, { session: admin.sessionToken })).body.data as { fileName: string; base64: string };
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'ppid-e2e-cadangan-'));
  const file = path.join(dir, made.fileName);
  await fs.writeFile(file, Buffer.from(made.base64, 'base64'));

  // The new laptop: a fresh host on an empty folder.
  const fresh = new HostProcess();
  await fresh.start();
  try {
    await page.goto(fresh.url);
    await expect(page.getByText('Mengganti laptop?')).toBeVisible();
    await shot(page, 'cadangan-6-penyiapan');
    await page.getByLabel('Berkas cadangan').setInputFiles(file);
    const dialog = page.getByRole('dialog', { name: 'Pulihkan dari cadangan?' });
    await expect(dialog.getByRole('table', { name: 'Isi cadangan' })).toContainText('1: DIP Laptop Lama');
    await expect(dialog).toContainText('tanpa penyiapan awal, dengan kunci perangkat baru');
    await dialog.getByLabel(/Saya mengerti/).check();
    await dialog.getByRole('button', { name: 'Pulihkan data' }).click();
    const done = page.getByRole('dialog', { name: 'Data dipulihkan' });
    await expect(done).toBeVisible();
    await expect(done.getByTestId('kunci-baru')).toContainText('perlu mempercayai perangkat');
    await done.getByRole('button', { name: 'Masuk lagi' }).click();
    await login(page, 'operator', PASSWORD);
    await expect(page.getByRole('heading', { level: 1 })).toContainText(/Selamat/);
    await expect(page.getByText('DIP Laptop Lama').first()).toBeVisible();
    // The new laptop is a new installation that keeps the old one's identity as its trusted past.
    const oldApp = JSON.parse(await fs.readFile(path.join(host.dataDir, 'app.json'), 'utf8'));
    const newApp = JSON.parse(await fs.readFile(path.join(fresh.dataDir, 'app.json'), 'utf8'));
    expect(newApp.installationId).not.toBe(oldApp.installationId);
    const trust = JSON.parse(await fs.readFile(path.join(fresh.dataDir, 'trust.json'), 'utf8'));
    expect(trust.installations).toContainEqual(expect.objectContaining({ installationId: oldApp.installationId, source: 'pulih' }));
  } finally {
    await fresh.stop();
    await fs.rm(fresh.dataDir, { recursive: true, force: true });
    await fs.rm(dir, { recursive: true, force: true });
  }
});

test('Beranda warns the administrator, and only the administrator, when the last backup is over a week old', async ({ page, host }) => {
  test.setTimeout(120_000);
  expect((await api(host, 'setup.loadDemo')).body.ok).toBe(true);
  // This laptop's backup record (cadangan-otomatis.json) says the last one was made ten days ago.
  await host.stop();
  const at = new Date(Date.now() - 10 * 86_400_000).toISOString();
  await fs.writeFile(path.join(host.dataDir, 'cadangan-otomatis.json'), JSON.stringify({ last: { at, kind: 'manual', fileName: 'lama.ppidbackup', savedTo: null, bytes: 1 } }));
  await host.start();

  await page.goto(host.url);
  await login(page, 'operator', PASSWORD);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(/Selamat/);
  await expect(page.getByTestId('peringatan-cadangan')).toHaveCount(0);
  await page.getByRole('button', { name: /^Menu pengguna/ }).click();
  await page.getByRole('menuitem', { name: 'Keluar' }).click();

  await login(page, 'ppid', PASSWORD);
  const warning = page.getByTestId('peringatan-cadangan');
  await expect(warning).toContainText('Cadangan terakhir 10 hari yang lalu');
  await shot(page, 'cadangan-7-beranda');
  await warning.getByRole('link', { name: /Buka Pengaturan › Cadangan/ }).click();
  await expect(page.getByRole('heading', { name: 'Cadangkan semua data' })).toBeVisible();
  await expect(page.getByTestId('peringatan-cadangan')).toContainText('lebih dari 7 hari yang lalu');
});
