import { promises as fs } from 'node:fs';
import path from 'node:path';
import { test, expect, api, login } from './fixtures';
import type { Page } from '@playwright/test';

const PASSWORDS = { kepala: 'kepala-rahasia-1', ppid: 'ppid-rahasia-22', operator: 'operator-rahasia-3' };

async function fillPerson(page: Page, group: string, p: { name: string; jabatan: string; pangkat: string; nip: string }) {
  const g = page.getByRole('group', { name: group });
  await g.getByLabel('Nama lengkap dengan gelar').fill(p.name);
  await g.getByLabel('Jabatan').fill(p.jabatan);
  await g.getByLabel('Pangkat/golongan').click();
  await page.getByRole('option', { name: p.pangkat, exact: true }).click();
  await g.getByLabel('NIP').fill(p.nip);
}

async function fillAccount(page: Page, group: RegExp, username: string, password: string) {
  const g = page.getByRole('group', { name: group });
  await g.getByLabel('Nama pengguna').fill(username);
  // Mantine puts " *" into required labels; the accessible name is the plain text.
  await g.getByRole('textbox', { name: 'Kata sandi', exact: true }).fill(password);
  await g.getByRole('textbox', { name: 'Ulangi kata sandi', exact: true }).fill(password);
}

async function logout(page: Page) {
  await page.getByRole('button', { name: /^Menu pengguna/ }).click();
  await page.getByRole('menuitem', { name: 'Keluar' }).click();
  await expect(page.getByRole('button', { name: 'Masuk' })).toBeVisible();
}

test('first-run setup in the browser, then a restart, then every role logs in and finds the settings', async ({ page, host }) => {
  await page.goto(host.url);
  // The token leaves the address bar once it is read.
  await expect(page).not.toHaveURL(/token=/);

  // Step 1: the office.
  await page.getByLabel('Pemerintah daerah').fill('Kabupaten Kapuas Hulu');
  await page.getByLabel('Nama OPD').fill('Dinas Pendidikan dan Kebudayaan');
  await page.getByLabel('Kode unit').fill('Disdikbud');
  await page.getByLabel('Tempat penandatanganan').fill('Putussibau');
  await page.getByLabel('Alamat kantor').fill('Jalan Pendidikan No. 3, Putussibau');
  await page.getByLabel('E-mail').fill('surat-salah');
  await page.getByLabel('Nama bidang 1').fill('Sekretariat');
  await page.getByRole('button', { name: 'Tambah bidang' }).click();
  await page.getByLabel('Nama bidang 2').fill('Bidang Pembinaan SD');
  await page.getByRole('button', { name: 'Lanjut' }).click();
  await expect(page.getByText('Alamat e-mail tidak valid.')).toBeVisible();
  await page.getByLabel('E-mail').fill('disdikbud@kapuashulukab.go.id');
  await page.getByRole('button', { name: 'Lanjut' }).click();

  // Step 2: officials; a wrong NIP is refused in plain words.
  await fillPerson(page, 'Kepala OPD', { name: 'Drs. Paulus Sigit, M.Pd.', jabatan: 'Kepala Dinas Pendidikan dan Kebudayaan', pangkat: 'Pembina Tingkat I (IV/b)', nip: '19700813 199503 1 004' });
  await fillPerson(page, 'Ketua PPID Pembantu', { name: 'Maria Ulfa, S.E., M.M.', jabatan: 'Sekretaris Dinas selaku Ketua PPID Pembantu', pangkat: 'Pembina (IV/a)', nip: '19790512 200513 2 006' });
  await fillPerson(page, 'Operator 1', { name: 'Budi Santoso, S.Kom.', jabatan: 'Pranata Komputer', pangkat: 'Penata Muda Tingkat I (III/b)', nip: '19920101 201903 1 002' });
  await expect(page.getByText('Bulan/tahun pengangkatan pada NIP (13-2005) tidak valid.')).toBeVisible();
  await page.getByRole('group', { name: 'Ketua PPID Pembantu' }).getByLabel('NIP').fill('19790512 200503 2 006');
  await page.getByRole('button', { name: 'Lanjut' }).click();

  // Step 3: documents (defaults: F4, Arial, {kode}/{urut}/{unit}/{tahun}).
  await expect(page.getByLabel('Pola nomor Nota Dinas')).toHaveValue('{kode}/{urut}/{unit}/{tahun}');
  await page.getByRole('button', { name: 'Lanjut' }).click();

  // Step 4: one account per person.
  await fillAccount(page, /^Akun Kepala OPD/, 'kepala', PASSWORDS.kepala);
  await fillAccount(page, /^Akun Ketua PPID Pembantu/, 'ppid', PASSWORDS.ppid);
  await fillAccount(page, /^Akun Operator 1/, 'operator', PASSWORDS.operator);
  await page.getByRole('button', { name: 'Lanjut' }).click();
  await page.getByRole('button', { name: 'Simpan dan mulai' }).click();
  await expect(page.getByRole('button', { name: 'Masuk' })).toBeVisible();

  // A wrong password is refused.
  await login(page, 'ppid', 'bukan-sandinya');
  await expect(page.getByText('Nama pengguna atau kata sandi salah.')).toBeVisible();

  // Stop and start the host on the same folder: everything is still there.
  await host.restart();
  await page.goto(host.url);
  for (const [username, role] of [
    ['operator', 'Operator OPD'],
    ['kepala', 'Kepala OPD'],
    ['ppid', 'PPID Pembantu'],
  ] as const) {
    await login(page, username, PASSWORDS[username]);
    await expect(page.getByText('Dinas Pendidikan dan Kebudayaan').first()).toBeVisible();
    await expect(page.getByText(role, { exact: true }).first()).toBeVisible();
    if (username !== 'ppid') {
      // Only the administrator (the ketua PPID by default) sees Pengaturan.
      await expect(page.getByRole('link', { name: 'Pengaturan' })).toHaveCount(0);
      await logout(page);
    }
  }
  await page.getByRole('link', { name: 'Pengaturan' }).click();
  await expect(page.getByLabel('Nama OPD')).toHaveValue('Dinas Pendidikan dan Kebudayaan');
  await expect(page.getByLabel('E-mail')).toHaveValue('disdikbud@kapuashulukab.go.id');
  await page.getByRole('tab', { name: 'Pejabat' }).click();
  await expect(page.getByRole('group', { name: 'Kepala OPD' }).getByLabel('NIP')).toHaveValue(/19700813/);

  // An edit in Pengaturan persists and is written to the history.
  await page.getByRole('tab', { name: 'Kantor' }).click();
  await page.getByLabel('Telepon').fill('(0567) 21555');
  await page.getByRole('button', { name: 'Simpan' }).click();
  await expect(page.getByText('Pengaturan disimpan').first()).toBeVisible();
  await host.restart();
  await page.goto(host.url);
  await login(page, 'ppid', PASSWORDS.ppid);
  await page.getByRole('link', { name: 'Pengaturan' }).click();
  await expect(page.getByLabel('Telepon')).toHaveValue('(0567) 21555');
  await page.getByRole('tab', { name: 'Riwayat perubahan' }).click();
  await expect(page.getByRole('table', { name: 'Riwayat perubahan' })).toContainText('Pengaturan diubah');
});

test('the demo office, and password change', async ({ page, host }) => {
  await page.goto(host.url);
  await page.getByRole('button', { name: 'Coba dengan data contoh' }).click();
  await expect(page.getByText('Akun contoh')).toBeVisible();
  await page.getByRole('button', { name: 'Pakai akun operator', exact: true }).click();
  await page.getByRole('button', { name: 'Masuk' }).click();
  await expect(page.getByText('Rizky Pratama, S.Kom.').first()).toBeVisible();
  // The demo office has a history: a list signed last year, one under review, one at step 3 (the operator's turn).
  const cycles = page.getByRole('table', { name: 'Daftar siklus' });
  await expect(cycles.getByRole('row')).toHaveCount(4);
  await expect(cycles).toContainText('Selesai');
  await expect(cycles).toContainText('Pemeriksaan PPID Pembantu');
  await expect(page.getByText('Menunggu Anda').first()).toBeVisible();

  await page.getByRole('button', { name: /^Menu pengguna/ }).click();
  await page.getByRole('menuitem', { name: 'Ganti kata sandi' }).click();
  await page.getByRole('textbox', { name: 'Kata sandi lama', exact: true }).fill('contoh-ppid-2026');
  await page.getByRole('textbox', { name: 'Kata sandi baru', exact: true }).fill('sandi-baru-operator');
  await page.getByRole('textbox', { name: 'Ulangi kata sandi baru', exact: true }).fill('sandi-baru-operator');
  await page.getByRole('button', { name: 'Ganti kata sandi' }).click();
  await expect(page.getByText(/Kata sandi diganti/i).first()).toBeVisible();
  await logout(page);
  await login(page, 'operator', 'contoh-ppid-2026');
  await expect(page.getByText('Nama pengguna atau kata sandi salah.')).toBeVisible();
  await login(page, 'operator', 'sandi-baru-operator');
  await expect(page.getByRole('link', { name: 'Beranda' })).toBeVisible();
});

test('the API refuses a call without the token or from a foreign origin, and nothing changes', async ({ host }) => {
  const noToken = await api(host, 'setup.loadDemo', {}, { token: null });
  expect(noToken.status).toBe(401);
  expect(noToken.body).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
  const wrong = await api(host, 'setup.loadDemo', {}, { token: 'x'.repeat(32) });
  expect(wrong.status).toBe(401);
  const status = await api(host, 'app.status');
  expect(status.body).toMatchObject({ ok: true, data: { state: 'setup' } });
  await expect(fs.access(path.join(host.dataDir, 'app.json'))).rejects.toThrow();

  const foreign = await fetch(`${host.origin}/api/setup.loadDemo`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${host.token}`, Origin: 'http://evil.example' },
    body: '{}',
  });
  expect(foreign.status).toBe(403);
  expect((await api(host, 'app.status')).body).toMatchObject({ data: { state: 'setup' } });
});

test('a damaged data file is explained, never overwritten, and restored from the newest backup', async ({ page, host }) => {
  await api(host, 'setup.loadDemo');
  // A restart takes the open-time backup of the good file.
  await host.restart();
  await host.stop();
  const file = path.join(host.dataDir, 'app.json');
  await fs.writeFile(file, '{"schemaVersion": 2, "users": [');
  await host.start();
  await page.goto(host.url);
  await expect(page.getByText(/app\.json/).first()).toBeVisible();
  expect(await fs.readFile(file, 'utf8')).toBe('{"schemaVersion": 2, "users": [');
  await page.getByRole('button', { name: /Pulihkan dari cadangan terbaru/ }).click();
  await expect(page.getByRole('button', { name: 'Masuk' })).toBeVisible();
  await login(page, 'kepala', 'contoh-ppid-2026');
  await expect(page.getByRole('link', { name: 'Beranda' })).toBeVisible();
  const kept = (await fs.readdir(host.dataDir)).filter((n) => n.startsWith('app.rusak-'));
  expect(kept).toHaveLength(1);
});
