import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { test, expect, api, login } from './fixtures';
import type { HostProcess } from './host';

/**
 * Publication and reminders in the browser against a real loopback host with the demo office:
 * last year's DIP, signed in January of last year, is exported as XLSX and HTML; its berkala
 * items, due months ago by the host's own clock, show on the operator's Beranda and lead to
 * the item in next year's cycle.
 *
 * These hosts run on the machine's clock, so the dates come from the demo's history: a list
 * signed in January of last year is past its six-month renewals whatever the day the test runs.
 * (The clock moving a reminder into view is tests/e2e/reminders.spec.ts, on a test clock.)
 */

const PASSWORD = 'contoh-ppid-2026';

async function ok<T>(host: HostProcess, name: string, input: unknown, session?: string): Promise<T> {
  const r = await api(host, name, input, { session });
  if (!r.body.ok) throw new Error(`${name}: ${r.body.code} ${r.body.message}`);
  return r.body.data as T;
}

test('the Kepala exports the signed DIP as XLSX and as a web page; an unsigned list says why it cannot be', async ({ page, host }) => {
  await ok(host, 'setup.loadDemo', { cycles: true });
  const kepala = (await ok<{ sessionToken: string }>(host, 'auth.login', { username: 'kepala', password: PASSWORD })).sessionToken;
  const { cycles } = await ok<{ cycles: { id: string; year: number; signed: unknown; step: string }[] }>(host, 'cycles.list', {}, kepala);
  const signed = cycles.find((c) => c.signed)!;
  const codes = await ok<{ dip: { short: string } }>(host, 'documents.fingerprints', { cycleId: signed.id }, kepala);

  await page.goto(host.url);
  await login(page, 'kepala', PASSWORD);
  await expect(page.getByRole('heading', { name: /Selamat/ })).toBeVisible();
  await page.goto(`${host.origin}/#/siklus/${signed.id}?tab=dip`);
  const group = page.getByRole('group', { name: 'Publikasikan' });
  await expect(group.getByText(`sidik ${codes.dip.short}`)).toBeVisible();

  const [xlsx] = await Promise.all([page.waitForEvent('download'), group.getByRole('button', { name: 'Publikasikan Daftar Informasi Publik sebagai XLSX' }).click()]);
  expect(xlsx.suggestedFilename()).toBe(`DIP-${signed.year}-v1-sidik-${codes.dip.short}.xlsx`);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(await xlsx.path()) as unknown as ArrayBuffer);
  const ws = wb.getWorksheet('DIP')!;
  expect(ws.getCell('A1').text).toBe(`DAFTAR INFORMASI PUBLIK TAHUN ${signed.year}`);
  expect(ws.getCell('A3').text).toContain(`sidik ${codes.dip.short}`);
  expect(ws.getCell('B6').text).toBe('Ringkasan Isi Informasi');
  expect(ws.getCell('A7').text).toBe('A. Informasi yang Wajib Disediakan dan Diumumkan Secara Berkala');

  const [html] = await Promise.all([page.waitForEvent('download'), group.getByRole('button', { name: 'Publikasikan Daftar Informasi Publik sebagai HTML' }).click()]);
  expect(html.suggestedFilename()).toBe(`DIP-${signed.year}-v1-sidik-${codes.dip.short}.html`);
  const text = readFileSync(await html.path(), 'utf8');
  expect(text).toContain('<h1>Daftar Informasi Publik</h1>');
  expect(text).toContain(`<span class="sidik">${codes.dip.short}</span>`);
  expect(text).not.toMatch(/<script|<link|src=/i);

  // This year's list is still at the PPID Pembantu's review.
  const open = cycles.find((c) => c.step === 'pemeriksaan_ppid')!;
  await page.goto(`${host.origin}/#/siklus/${open.id}?tab=dip`);
  const closed = page.getByRole('group', { name: 'Publikasikan' });
  await expect(closed.getByTestId('alasan-publikasi')).toHaveText('DIP belum ditandatangani Kepala OPD; yang dapat dipublikasikan hanya daftar yang sudah ditandatangani.');
  await expect(closed.getByRole('button', { name: 'Publikasikan Daftar Informasi Publik sebagai XLSX' })).toBeDisabled();
});

test('the operator sees the berkala items due for renewal on Beranda and opens one where it is renewed', async ({ page, host }) => {
  await ok(host, 'setup.loadDemo', { cycles: true });
  await page.goto(host.url);
  await login(page, 'operator', PASSWORD);
  const card = page.getByTestId('pengingat');
  await expect(card.getByRole('heading', { name: /^Pengingat \(\d+\)$/ })).toBeVisible();
  const entry = card.locator('[data-reminder="berkala"][data-status="terlambat"]').first();
  await expect(entry).toBeVisible();
  const link = entry.getByRole('link');
  const title = (await link.innerText()).replace('Perbarui informasi berkala: ', '');
  await link.click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/Daftar Informasi Publik Tahun \d{4}/);
  await expect(page.getByRole('dialog').getByLabel(/Judul informasi/)).toHaveValue(title);
});
