import { test, expect, api, login } from './fixtures';
import type { HostProcess } from './host';

/**
 * Issue 12, the archive of the signed paper, in the browser against a real loopback host: the
 * demo office's signed DIP is "printed" (its print view captured at scanner resolution), the
 * scan attached in Arsip with the core's QR verdict shown before filing, then found again by
 * search and opened with its hash checked.
 */

const PASSWORD = 'contoh-ppid-2026';

// Three device pixels per CSS pixel stand in for a 200–300 dpi scan of the page.
test.use({ deviceScaleFactor: 3 });

async function ok<T>(host: HostProcess, name: string, input: unknown, session?: string): Promise<T> {
  const r = await api(host, name, input, { session });
  if (!r.body.ok) throw new Error(`${name}: ${r.body.code} ${r.body.message}`);
  return r.body.data as T;
}

test('a scan of the signed DIP is attached to its cycle and found in Arsip', async ({ page, host }) => {
  // Demo office, two page captures at scanner resolution and two QR reads on a busy 2-core machine.
  test.slow();
  await ok(host, 'setup.loadDemo', { cycles: true });
  const session = (await ok<{ sessionToken: string }>(host, 'auth.login', { username: 'operator', password: PASSWORD })).sessionToken;
  const [signed] = await ok<{ id: string; title: string; year: number }[]>(host, 'archive.list', {}, session);
  const printed = await ok<{ dip: { qrText: string } }>(host, 'documents.fingerprints', { cycleId: signed!.id }, session);

  await page.goto(host.url);
  await login(page, 'operator', PASSWORD);
  await expect(page).toHaveURL(/#\/beranda/);

  // "Print" the signed DIP and "scan" it: the first page of the print view, as a picture.
  await page.goto(`${host.origin}/#/cetak/${signed!.id}/dip`);
  await expect(page.getByTestId('sidik-dokumen')).toBeVisible();
  const scan = await page.locator('.pp-sheet').first().screenshot({ scale: 'device' });
  // The Nota Dinas, photographed as a JPEG.
  await page.goto(`${host.origin}/#/cetak/${signed!.id}/nota-dinas`);
  await expect(page.locator('.pp-sheet').first()).toBeVisible();
  const notaDinas = await page.locator('.pp-sheet').first().screenshot({ type: 'jpeg', quality: 80 });

  await page.goto(`${host.origin}/#/beranda`);
  await page.getByRole('link', { name: 'Arsip' }).click();
  await expect(page).toHaveURL(/#\/arsip/);
  const card = page.getByTestId('arsip-siklus').filter({ hasText: signed!.title });
  await expect(card).toBeVisible();
  await expect(card.getByText('Belum ada pindaian').first()).toBeVisible();

  // The DIP: the code is read in the core and matches the signed version before anything is filed.
  await card.getByRole('button', { name: 'Lampirkan pindaian Daftar Informasi Publik' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.locator('input[type="file"]').setInputFiles({ name: 'DIP ttd basah.png', mimeType: 'image/png', buffer: scan });
  const verdict = dialog.getByTestId('hasil-pindaian');
  await expect(verdict).toHaveAttribute('data-status', 'cocok', { timeout: 30_000 });
  await expect(verdict).toContainText('Kode QR cocok');
  await expect(verdict).toContainText(signed!.title);
  await dialog.getByRole('button', { name: 'Arsipkan' }).click();
  await expect(dialog).toBeHidden();
  const dipRow = card.getByRole('row').filter({ has: page.getByText('Daftar Informasi Publik', { exact: true }) });
  await expect(dipRow.getByRole('button', { name: 'DIP ttd basah.png' })).toBeVisible();
  await expect(dipRow.getByText('Kode QR cocok')).toBeVisible();

  // The Nota Dinas prints no code: filed as the document chosen, "tanpa kode".
  await card.getByRole('button', { name: 'Lampirkan pindaian Nota Dinas' }).click();
  await dialog.locator('input[type="file"]').setInputFiles({ name: 'nota dinas.jpg', mimeType: 'image/jpeg', buffer: notaDinas });
  await expect(dialog.getByTestId('hasil-pindaian')).toHaveAttribute('data-status', 'tanpa_kode', { timeout: 30_000 });
  await dialog.getByRole('button', { name: 'Arsipkan' }).click();
  await expect(dialog).toBeHidden();
  await expect(card.getByText('2 dari 6 dokumen dipindai')).toBeVisible();

  // Found again after a reload, by the file's name and by the year.
  await page.reload();
  await page.getByLabel('Cari', { exact: true }).fill('ttd basah');
  await expect(page.getByTestId('arsip-siklus')).toHaveCount(1);
  await page.getByLabel('Cari', { exact: true }).fill('');
  await page.getByLabel('Tahun', { exact: true }).selectOption(String(signed!.year));
  await expect(page.getByTestId('arsip-siklus')).toHaveCount(1);

  // Opening the scan checks its hash, then hands over the very bytes that were filed.
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'DIP ttd basah.png' }).click();
  await expect(page.getByTestId('hasil-buka')).toContainText('Berkas utuh');
  const saved = await (await download).path();
  const { readFileSync } = await import('node:fs');
  expect(readFileSync(saved!).equals(scan)).toBe(true);

  // The act is in the cycle's history.
  const timeline = await ok<{ type: string; summary: string }[]>(host, 'cycles.timeline', { cycleId: signed!.id }, session);
  expect(timeline.filter((e) => e.type === 'archive.filed').map((e) => e.summary)).toEqual([
    expect.stringContaining('Pindaian Nota Dinas'),
    expect.stringContaining(`Pindaian Daftar Informasi Publik (versi`),
  ]);
  // Filed with the code the signed list prints.
  const [after] = await ok<{ documents: { document: string; scans: { qr: { status: string; text: string | null } }[] }[] }[]>(host, 'archive.list', {}, session);
  expect(after!.documents.find((d) => d.document === 'dip')!.scans.map((x) => x.qr)).toEqual([{ status: 'cocok', text: printed.dip.qrText }]);
});
