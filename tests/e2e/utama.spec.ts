import { mkdtempSync, promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { unzipSync, strFromU8 } from 'fflate';
import type { Page } from '@playwright/test';
import { DEMO_PASSWORD } from '../../electron/core/services/demo';
import { expect, login, test } from './fixtures';
import { HostProcess } from './host';
import { chooseFiles, itemsOf, ok, runOpd, signIn, utamaSetupInput, type Opd } from './utama-helpers';

/**
 * Issue 13 end to end: five OPD of Kabupaten Kapuas Hulu, each on its own data folder and its
 * own host, run their documentation cycle through the contract in early November 2026 and send
 * a package up to the PPID Utama. Weeks later the PPID Utama, in the browser, receives all five
 * at once (each waits for its sender's key to be trusted, since none has been yet), trusts them,
 * receives one again (nothing changes), reads the register for 2026 (the OPD whose PPID
 * Pembantu checked the Konsep three working days late is flagged; the one that never sent is
 * named), and produces the consolidated DIP/DIK, read back from the downloaded files, then signs.
 */

const PASSWORD = DEMO_PASSWORD;
const SHOTS = 'test-results/utama';
/** Monday 14 December 2026, 09.00 WIB: the PPID Utama gathers the packages. */
const UTAMA_AT = '2026-12-14T02:00:00.000Z';

const OPDS: Opd[] = [
  { name: 'Dinas Pendidikan', unitCode: 'Disdik', upTo: 'ditandatangani', items: itemsOf('Disdik') },
  // Nov 2 (Mon) → Nov 5 (Thu): three working days later.
  { name: 'Dinas Kesehatan', unitCode: 'Dinkes', upTo: 'ditandatangani', lateDays: 3, items: itemsOf('Dinkes') },
  { name: 'Dinas Sosial', unitCode: 'Dinsos', upTo: 'langkah3', items: itemsOf('Dinsos') },
  { name: 'Dinas Perhubungan', unitCode: 'Dishub', upTo: 'ditandatangani', items: itemsOf('Dishub') },
  { name: 'Dinas Pekerjaan Umum dan Penataan Ruang', unitCode: 'DPUPR', upTo: 'ditandatangani', items: itemsOf('DPUPR') },
];
const BKAD = 'Badan Keuangan dan Aset Daerah';
const SIGNED = OPDS.filter((o) => o.upTo === 'ditandatangani');

const digits = (s: string) => s.replace(/\D/g, '');

async function download(page: Page, card: ReturnType<Page['locator']>, button: string): Promise<Buffer> {
  const dl = page.waitForEvent('download');
  await card.getByRole('button', { name: button }).click();
  const file = await (await dl).path();
  return fs.readFile(file);
}

const docxText = (bytes: Buffer) => strFromU8(unzipSync(new Uint8Array(bytes))['word/document.xml']!).replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

async function xlsxText(bytes: Buffer): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const out: string[] = [];
  wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((c) => out.push(c.text))));
  return out.join('\n');
}

test.use({ actionTimeout: 20_000 });

test('the PPID Utama gathers five OPD packages, sees who is late and who is missing, and signs the regency lists', async ({ page }) => {
  test.setTimeout(420_000);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ppid-utama-e2e-'));
  await fs.mkdir(SHOTS, { recursive: true });
  for (const o of OPDS) await runOpd(o, dir);

  const host = new HostProcess();
  await host.setClock(UTAMA_AT);
  await host.start();
  try {
    await ok(host, 'setup.complete', utamaSetupInput());
    const probe = await signIn(host, 'operator');

    await page.goto(host.url);
    await login(page, 'utama', PASSWORD);
    await expect(page.getByRole('heading', { level: 1, name: 'Register OPD' })).toBeVisible();

    // BKAD is typed in by hand: it has not sent anything.
    await page.getByRole('button', { name: 'Tambah OPD' }).click();
    const modal = page.getByRole('dialog', { name: 'Tambah OPD ke register' });
    await modal.getByLabel('Nama OPD').fill(BKAD);
    await modal.getByLabel('Kode unit').fill('BKAD');
    await modal.getByRole('button', { name: 'Tambahkan' }).click();
    await expect(modal).toBeHidden();
    await expect(page.getByRole('table', { name: 'Register OPD' }).getByRole('row').filter({ hasText: BKAD })).toContainText('Belum mengirim');

    // All five files at once: none of the senders' keys is trusted yet.
    await chooseFiles(page, () => page.getByRole('button', { name: 'Terima paket OPD' }).click(), OPDS.map((o) => o.file!));
    await expect(page).toHaveURL(/\/terima$/);
    const checked = page.getByRole('table', { name: 'Hasil pemeriksaan paket' });
    await expect(page.getByTestId('ringkasan-periksa')).toContainText('5 berkas diperiksa:');
    await expect(page.getByTestId('ringkasan-periksa')).toContainText('Menunggu kunci dipercaya: 5');
    for (const o of OPDS) {
      const row = checked.getByRole('row').filter({ hasText: o.name });
      await expect(row).toHaveCount(1);
      await expect(row).toContainText('Menunggu kunci dipercaya');
    }
    await page.screenshot({ path: `${SHOTS}/intake-checked.png`, fullPage: true });
    await page.getByRole('button', { name: 'Terapkan 5 paket' }).click();
    const done = page.getByTestId('ringkasan-akhir');
    await expect(done).toContainText('Penerimaan selesai');
    await expect(done.locator('[data-count="menunggu_kepercayaan"]')).toContainText('5');
    await expect(done.locator('[data-count="diterapkan"]')).toContainText('0');
    await page.screenshot({ path: `${SHOTS}/intake-summary.png`, fullPage: true });

    // Menunggu kepercayaan: one card per sender, its fingerprint as the OPD's Pengaturan › Perangkat shows it.
    await done.getByRole('link', { name: 'Buka Menunggu kepercayaan' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Menunggu kepercayaan' })).toBeVisible();
    const cards = page.getByTestId('pengirim-menunggu');
    await expect(cards).toHaveCount(5);
    await page.screenshot({ path: `${SHOTS}/waiting.png`, fullPage: true });
    for (let left = 5; left > 0; left--) {
      const card = cards.first();
      const name = (await card.getByRole('heading', { level: 2 }).textContent())!.trim();
      const opd = OPDS.find((o) => o.name === name);
      expect(opd, `a waiting card for ${name}`).toBeTruthy();
      expect(digits((await card.getByTestId('sidik-pengirim').textContent())!)).toBe(digits(opd!.fingerprint!));
      await card.getByRole('checkbox').check();
      await card.getByRole('button', { name: 'Percayai & terapkan' }).click();
      const result = page.getByTestId('hasil-percaya');
      await expect(result).toContainText(name);
      await expect(result).toContainText('Diterapkan');
      await expect(cards).toHaveCount(left - 1);
    }
    await expect(page.getByText('Tidak ada paket yang menunggu.')).toBeVisible();

    // The same file again: already received, nothing to apply, nothing changes.
    const view = async () => {
      const r = await ok<{ rows: Record<string, unknown>[]; totals: unknown }>(host, 'utama.register', { year: 2026 }, probe);
      // Lateness of an open step is counted to now; everything else must stand still.
      return { totals: r.totals, rows: r.rows.map(({ lateness: _l, ...rest }) => rest) };
    };
    const entriesBefore = await ok(host, 'utama.entries', {}, probe);
    const registerBefore = await view();
    await page.getByRole('link', { name: 'Terima paket OPD' }).click();
    // The last batch's summary stays on the screen until another is chosen.
    await expect(done).toContainText('Penerimaan selesai');
    await chooseFiles(page, () => done.getByRole('button', { name: 'Terima paket lain' }).click(), [OPDS[0]!.file!]);
    await expect(page.getByTestId('ringkasan-periksa')).toContainText('1 berkas diperiksa:');
    await expect(page.getByTestId('ringkasan-periksa')).toContainText('Sudah diterima: 1');
    await expect(checked.getByRole('row').filter({ hasText: OPDS[0]!.name })).toContainText('Sudah diterima');
    await expect(page.getByRole('button', { name: 'Terapkan 0 paket' })).toBeDisabled();
    expect(await ok(host, 'utama.entries', {}, probe)).toEqual(entriesBefore);
    expect(await view()).toEqual(registerBefore);

    // The register for 2026.
    await page.getByRole('link', { name: 'Register OPD' }).click();
    const table = page.getByRole('table', { name: 'Register OPD' });
    const rowOf = (name: string) => table.getByRole('row').filter({ has: page.getByTestId('nama-opd').getByText(name, { exact: true }) });
    await expect(table.getByTestId('nama-opd')).toHaveCount(6);
    const dinkes = rowOf('Dinas Kesehatan');
    await expect(dinkes).toContainText('Ditandatangani');
    await expect(dinkes).toContainText('Terlambat');
    // Three working days against step 4's 15 minutes.
    await expect(dinkes).toContainText(/Langkah 4 terlambat 2 hari \d+ jam kerja/);
    await expect(rowOf(BKAD)).toContainText('Belum mengirim');
    await expect(rowOf(BKAD)).toContainText('Belum pernah');
    const dinsos = rowOf('Dinas Sosial');
    await expect(dinsos).toContainText('Dalam proses');
    await expect(dinsos).toContainText('Langkah 3');
    // Its step 3 (standard: one day) has stood open since 2 November.
    await expect(dinsos).toContainText(/Langkah 3 terlambat/i);
    for (const name of ['Dinas Pendidikan', 'Dinas Perhubungan', 'Dinas Pekerjaan Umum dan Penataan Ruang']) {
      await expect(rowOf(name)).toContainText('Ditandatangani');
      await expect(rowOf(name)).toContainText('Tepat waktu');
      await expect(rowOf(name)).toContainText('3 informasi');
    }
    await expect(page.getByTestId('jumlah-opd')).toHaveText('6');
    await expect(page.getByTestId('jumlah-ditandatangani')).toHaveText('4');
    await expect(page.getByTestId('jumlah-proses')).toHaveText('1');
    await expect(page.getByTestId('jumlah-belum_kirim')).toHaveText('1');
    await expect(page.getByTestId('jumlah-late')).toHaveText('2');
    await page.screenshot({ path: `${SHOTS}/register.png`, fullPage: true });

    // Dokumen kabupaten: drafts first, naming who is missing.
    await page.getByRole('link', { name: 'Dokumen kabupaten' }).click();
    const signature = page.getByTestId('tanda-tangan-kabupaten');
    await expect(signature).toContainText('Draft');
    await expect(signature).toContainText('4 dari 6 OPD sudah mengirim daftar yang ditandatangani');
    await expect(signature).toContainText(`belum: ${BKAD}, Dinas Sosial`);
    const dipCard = page.locator('[data-document="regencyDip"]');
    await expect(dipCard.getByTestId('status-dokumen')).toHaveText('Draft');
    await page.screenshot({ path: `${SHOTS}/documents-draft.png`, fullPage: true });

    const docx = docxText(await download(page, dipCard, 'Unduh DOCX'));
    expect(docx).toContain(`Gabungan daftar 4 dari 6 perangkat daerah`);
    expect(docx).toContain(`Belum ditandatangani: ${BKAD}; Dinas Sosial.`);
    // Each OPD a heading of its own, in register order, its signed version named.
    const headings = [...docx.matchAll(/ ([IVX]+)\. ([A-Z ,]+?) (?=Ditandatangani|Belum)/g)].map((m) => m[2]);
    expect(headings).toEqual([BKAD, 'Dinas Kesehatan', 'Dinas Pekerjaan Umum dan Penataan Ruang', 'Dinas Pendidikan', 'Dinas Perhubungan', 'Dinas Sosial'].map((n) => n.toUpperCase()));
    for (const o of SIGNED) {
      expect(docx).toMatch(new RegExp(`${o.name.toUpperCase()} Ditandatangani .+? pada \\d+ November 2026, sidik [0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}`));
      expect(docx).toContain(`Laporan Realisasi Anggaran ${o.unitCode}`);
      expect(docx).toContain(`Rencana Strategis ${o.unitCode} 2025-2029`);
    }
    // The missing ones are named as such, and an unsigned list prints no rows.
    expect(docx).toContain(`${BKAD.toUpperCase()} Belum mengirim daftar untuk tahun ini`);
    expect(docx).toContain('DINAS SOSIAL Belum ada daftar yang ditandatangani Kepala OPD (tahap 3');
    expect(docx).not.toContain('Rencana Strategis Dinsos');
    // The DIP lists public information; exempt items belong to the DIK.
    expect(docx).not.toContain('Data Kepegawaian Pribadi');
    const xlsx = await xlsxText(await download(page, dipCard, 'Unduh XLSX'));
    // One sheet per list, each OPD's heading row in capitals as in the DOCX.
    for (const name of [BKAD, 'Dinas Sosial']) expect(xlsx).toContain(name.toUpperCase());
    for (const o of SIGNED) {
      expect(xlsx).toContain(o.name.toUpperCase());
      expect(xlsx).toContain(`Laporan Realisasi Anggaran ${o.unitCode}`);
      expect(xlsx).toContain(`Rencana Strategis ${o.unitCode} 2025-2029`);
    }
    expect(xlsx).not.toContain('Rencana Strategis Dinsos');

    // The PPID Utama signs: the lists become final.
    await signature.getByRole('button', { name: 'Tandatangani' }).click();
    const confirm = page.getByRole('dialog', { name: 'Tandatangani daftar kabupaten 2026?' });
    await expect(confirm).toContainText(`${BKAD}, Dinas Sosial`);
    await confirm.getByRole('button', { name: 'Ya, tandatangani' }).click();
    await expect(confirm).toBeHidden();
    await expect(signature).toContainText('Final');
    await expect(signature).toContainText('memuat daftar bertanda tangan 4 OPD');
    await expect(dipCard.getByTestId('status-dokumen')).toHaveText('Final');
    await expect(page.locator('[data-document="regencyDik"]').getByTestId('status-dokumen')).toHaveText('Final');
    await page.screenshot({ path: `${SHOTS}/documents-signed.png`, fullPage: true });
    const signedDocx = docxText(await download(page, dipCard, 'Unduh DOCX'));
    for (const o of SIGNED) expect(signedDocx).toContain(`Rencana Strategis ${o.unitCode} 2025-2029`);
    // Dated the day the PPID Utama signed.
    expect(signedDocx).toContain('Putussibau, 14 Desember 2026');
  } finally {
    await host.stop();
    await host.remove();
    await fs.rm(dir, { recursive: true, force: true });
  }
});
