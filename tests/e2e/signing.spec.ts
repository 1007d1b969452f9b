import { test, expect, api, login } from './fixtures';
import type { HostProcess } from './host';
import type { Page } from '@playwright/test';
import { completeItem } from '../unit/workflow-fixtures';

/**
 * The Kepala's signature as an act of its own (tracker issues 9 and 10): at step 5 the uji
 * konsekuensi of the exempt items is recorded first (who took part, today), then "Setujui dan
 * tandatangani" says what is signed and asks for the password again. A wrong password signs
 * nothing; the right one signs, and the printed lists carry the code the dialog showed.
 */

const PASSWORD = 'contoh-ppid-2026';
const B = ['Sekretariat', 'Bidang Informasi dan Komunikasi Publik'];

async function ok<T>(host: HostProcess, name: string, input: unknown, session?: string): Promise<T> {
  const r = await api(host, name, input, { session });
  if (!r.body.ok) throw new Error(`${name}: ${r.body.code} ${r.body.message}`);
  return r.body.data as T;
}

/** A cycle at step 5 by the API, as the three roles. */
async function atStepFive(host: HostProcess): Promise<string> {
  await ok(host, 'setup.loadDemo', {});
  const s: Record<string, string> = {};
  for (const u of ['operator', 'ppid']) s[u] = (await ok<{ sessionToken: string }>(host, 'auth.login', { username: u, password: PASSWORD })).sessionToken;
  const { id } = await ok<{ id: string }>(host, 'cycles.create', { title: 'DIP 2026', year: 2026 }, s.operator);
  const view = await ok<{ items: { id: string }[] }>(
    host,
    'cycles.addItems',
    {
      cycleId: id,
      items: [
        completeItem('Profil Dinas', B[0]!, 'berkala'),
        completeItem('Rekap pengaduan masyarakat', B[1]!, 'setiap_saat'),
        completeItem('Data riwayat kesehatan pegawai', B[0]!, 'dikecualikan'),
      ],
    },
    s.operator,
  );
  await ok(host, 'cycles.act', { cycleId: id, action: 'report' }, s.operator);
  await ok(host, 'cycles.act', { cycleId: id, action: 'issueNotaDinas' }, s.ppid);
  await ok(host, 'cycles.act', { cycleId: id, action: 'submitKonsep' }, s.operator);
  for (const item of view.items) await ok(host, 'cycles.markReview', { cycleId: id, itemId: item.id, verdict: 'sesuai' }, s.ppid);
  await ok(host, 'cycles.act', { cycleId: id, action: 'approve' }, s.ppid);
  return id;
}

async function openCycle(page: Page, host: HostProcess, id: string) {
  await page.goto(host.url);
  await login(page, 'kepala', PASSWORD);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(/Selamat/);
  await page.goto(`${host.origin}/#/siklus/${id}`);
  await expect(page.getByRole('heading', { level: 1, name: 'DIP 2026' })).toBeVisible();
}

test.use({ actionTimeout: 15_000 });

test('the Kepala records the uji konsekuensi, then signs with the password; a wrong password signs nothing', async ({ page, host }) => {
  test.setTimeout(120_000);
  const id = await atStepFive(host);
  await openCycle(page, host, id);

  // Not signable before the uji is recorded.
  await expect(page.getByRole('button', { name: 'Setujui dan tandatangani', exact: true })).toBeDisabled();
  await expect(page.getByText(/Catat uji konsekuensi lebih dahulu/)).toBeVisible();

  await page.getByRole('button', { name: 'Catat uji konsekuensi', exact: true }).click();
  const uji = page.getByRole('dialog', { name: 'Catat uji konsekuensi' });
  await expect(uji.getByRole('checkbox', { name: /Drs\. Agustinus Rangkap, M\.Si\. — Atasan PPID Pembantu/ })).toBeChecked();
  await uji.getByRole('button', { name: 'Tambah peserta lain' }).click();
  await uji.getByLabel('Nama').last().fill('dr. Maria Ulfa');
  await uji.getByLabel('Jabatan').last().fill('Kepala Puskesmas Putussibau');
  await page.screenshot({ path: 'test-results/uji-dialog-1366x768.png' });
  await uji.getByRole('button', { name: /^Catat uji konsekuensi \(\d+ peserta\)$/ }).click();
  await expect(uji).toBeHidden();
  await expect(page.getByTestId('uji-tercatat')).toContainText('dr. Maria Ulfa');

  await page.getByRole('button', { name: 'Setujui dan tandatangani', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Setujui dan tandatangani' });
  const table = dialog.getByRole('table', { name: 'Yang ditandatangani' });
  await expect(table).toBeVisible();
  await expect(dialog).toContainText('Drs. Agustinus Rangkap, M.Si., menyetujui');
  await expect(dialog).not.toContainText('M.Si..');
  const dipRow = table.locator('tr[data-list="dip"]');
  await expect(dipRow).toContainText('Daftar Informasi Publik');
  await expect(dipRow.locator('td').nth(1)).toHaveText('2');
  await expect(table.locator('tr[data-list="dik"] td').nth(1)).toHaveText('1');
  const shown = (await dipRow.locator('td').nth(2).textContent())!.trim();
  expect(shown).toMatch(/^[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}$/);
  await page.screenshot({ path: 'test-results/signing-dialog-1366x768.png' });

  // A wrong password: refused in words, nothing signed.
  await dialog.getByLabel(/Kata sandi Anda/).fill('bukan-kata-sandinya');
  await dialog.getByRole('button', { name: 'Tandatangani' }).click();
  await expect(dialog.getByText('Kata sandi salah. Tidak ada yang ditandatangani.')).toBeVisible();
  await expect(page.getByTestId('tahap-sekarang')).toHaveText('Langkah 5: Pemeriksaan Kepala OPD');

  await dialog.getByLabel(/Kata sandi Anda/).fill(PASSWORD);
  await dialog.getByRole('button', { name: 'Tandatangani' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('tahap-sekarang')).toHaveText('Langkah 6: Arsip DIK');
  await expect(page.getByTestId('status-dokumen')).toContainText('Ditandatangani oleh Drs. Agustinus Rangkap, M.Si.');

  // The signed list carries the code the dialog showed.
  const session = await page.evaluate(() => sessionStorage.getItem('ppid.session') ?? '');
  const printed = await ok<{ dip: { short: string } }>(host, 'documents.fingerprints', { cycleId: id }, session);
  expect(printed.dip.short).toBe(shown);
});
