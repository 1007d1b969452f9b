import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseString } from '@fast-csv/parse';
import { chromium, type Browser } from '@playwright/test';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentFingerprint } from '../../electron/core/documents';
import { publishList, type PublishedFile } from '../../electron/core/documents/publish';
import type { ItemFields } from '../../electron/core/domain/information';
import { completeItem } from '../unit/workflow-fixtures';
import { DEMO_ITEMS, demoContext, manyItems } from './fixtures';
import { convertToPdf, convertWith, pdfInfo, pdfPages, requireTools } from './libreoffice';

/**
 * The lists as the PPID website gets them, read back by real readers: the workbook by exceljs
 * itself and by LibreOffice Calc (to CSV and to PDF), the CSV by a CSV parser, the web page by
 * Chromium with every request but the page's own refused.
 */

/** PerKI 1/2021 Pasal 11 (a–g) in statutory order, as the signed DIP prints them. */
const DIP_HEADS = [
  'No.',
  'Ringkasan Isi Informasi',
  'Pejabat atau Unit/Satuan Kerja yang Menguasai Informasi',
  'Penanggung Jawab Pembuatan atau Penerbitan Informasi',
  'Waktu dan Tempat Pembuatan Informasi',
  'Bentuk Informasi yang Tersedia (Softcopy/Hardcopy)',
  'Jangka Waktu Penyimpanan atau Retensi Arsip',
];
const DIK_HEADS = [
  'No.',
  'Informasi yang Dikecualikan',
  'Dasar Hukum Pengecualian',
  'Konsekuensi bila Informasi Dibuka',
  'Pertimbangan bila Informasi Ditutup (Kepentingan yang Dilindungi)',
  'Jangka Waktu Pengecualian',
];
/** The DIP's groups in the order of UU 14/2008 (Pasal 9, 10, 11). */
const GROUPS = [
  'A. Informasi yang Wajib Disediakan dan Diumumkan Secara Berkala',
  'B. Informasi yang Wajib Diumumkan Secara Serta Merta',
  'C. Informasi yang Wajib Tersedia Setiap Saat',
];
/** DEMO_ITEMS by group, in the order entered; the two exempt ones are in no DIP group. */
const BY_GROUP = [
  [
    'Profil Dinas Komunikasi, Informatika dan Statistik',
    'Rencana Kerja dan Anggaran (RKA) serta Dokumen Pelaksanaan Anggaran (DPA) Tahun 2026',
    'Laporan Realisasi Anggaran (LRA) Semester I dan II',
    'Ringkasan laporan akses informasi publik',
    'Prosedur peringatan dini dan evakuasi keadaan darurat di kantor',
  ],
  ['Informasi gangguan layanan jaringan dan serangan siber pada sistem pemerintah daerah'],
  [
    'Daftar Informasi Publik',
    'Peraturan, keputusan dan kebijakan beserta dokumen pendukungnya',
    'Perjanjian kerja sama dengan pihak ketiga',
    'Rencana Strategis (Renstra) 2025–2029 dan Rencana Kerja (Renja) 2026',
    'Standar operasional prosedur pelayanan informasi publik',
    'Data statistik sektoral Kabupaten Kapuas Hulu',
  ],
];
const SIGNED = 'Ditandatangani Drs. Agustinus Rangkap, M.Si. (Kepala OPD) pada 25 November 2026';

const demo = demoContext('final');
const dipShort = documentFingerprint('dip', demo.cycle).short;
const dikShort = documentFingerprint('dik', demo.cycle).short;
/** A list without serta merta items: its group still prints, saying it is empty. */
const noSertaMerta = DEMO_ITEMS.filter((i) => i.kategori !== 'serta_merta');
/** What a careless or hostile entry could hold: a formula, quotes, semicolons, a line break. */
const tricky: ItemFields[] = [
  completeItem('=HYPERLINK("http://contoh.invalid","klik")', 'Sekretariat', 'setiap_saat', {
    ringkasan: 'Berisi "kutipan"; titik koma, koma,\ndan baris baru.',
    pejabatPenguasa: '+62 812 3456',
  }),
];

let dir: string;
const files: Record<string, PublishedFile> = {};
const loCsv: Record<string, string[][]> = {};
let browser: Browser;

const write = (name: string, f: PublishedFile) => {
  files[name] = f;
  writeFileSync(path.join(dir, `${name}.${f.fileName.split('.').pop()}`), f.bytes);
};

function parseCsv(text: string, delimiter: string): Promise<string[][]> {
  return new Promise((resolve, reject) => {
    const rows: string[][] = [];
    parseString(text, { delimiter })
      .on('error', reject)
      .on('data', (r: string[]) => rows.push(r))
      .on('end', () => resolve(rows));
  });
}

/** Rows as a reader sees them: trailing empty cells and empty rows dropped. */
const tidy = (rows: string[][]) => rows.map((r) => r.slice(0, r.reduceRight((n, c, i) => (n === 0 && c !== '' ? i + 1 : n), 0))).filter((r) => r.length);

beforeAll(async () => {
  requireTools();
  dir = mkdtempSync(path.join(os.tmpdir(), 'ppid-publish-'));
  write('dip', await publishList('dip', 'xlsx', demo.settings, demo.cycle));
  write('dik', await publishList('dik', 'xlsx', demo.settings, demo.cycle));
  const long = demoContext('final', { paper: 'A4', items: manyItems(150) });
  write('dip-a4-150', await publishList('dip', 'xlsx', long.settings, long.cycle));
  const empty = demoContext('final', { items: noSertaMerta });
  write('dip-tanpa-serta-merta', await publishList('dip', 'xlsx', empty.settings, empty.cycle));
  const xlsx = Object.keys(files).map((n) => path.join(dir, `${n}.xlsx`));
  convertWith('csv:Text - txt - csv (StarCalc):44,34,76,1', xlsx, dir);
  convertToPdf(xlsx, dir);
  for (const name of Object.keys(files)) {
    const csv = path.join(dir, `${name}.csv`);
    if (!existsSync(csv)) throw new Error('LibreOffice did not open the workbook: Calc is needed. Install it: sudo apt-get install -y libreoffice-calc-nogui');
    loCsv[name] = await parseCsv(readFileSync(csv, 'utf8'), ',');
  }
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run'] });
}, 240_000);

afterAll(async () => {
  await browser?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function workbook(name: string) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(files[name]!.bytes as unknown as ArrayBuffer);
  return wb;
}

describe('XLSX read back with exceljs', () => {
  it('has the title block, the statutory heads frozen and repeated on every printed page, landscape on the office paper', async () => {
    const ws = (await workbook('dip')).getWorksheet('DIP')!;
    expect(ws.getCell('A1').text).toBe('DAFTAR INFORMASI PUBLIK TAHUN 2026');
    expect(ws.getCell('A2').text).toBe('DINAS KOMUNIKASI, INFORMATIKA DAN STATISTIK KABUPATEN KAPUAS HULU');
    expect(ws.getCell('A3').text).toBe(`${SIGNED}; sidik ${dipShort}`);
    expect(ws.getCell('A4').text).toContain('Versi 2');
    expect(ws.getRow(6).values).toEqual([undefined, ...DIP_HEADS]);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 6 });
    expect(ws.pageSetup).toMatchObject({ orientation: 'landscape', paperSize: 14, fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '6:6' });
    expect(ws.headerFooter.oddFooter).toContain(`sidik ${dipShort}`);
    const a4 = (await workbook('dip-a4-150')).getWorksheet('DIP')!;
    expect(a4.pageSetup.paperSize).toBe(9);
  });

  it('sets column widths from the registry weights (5, 40, 13, 12, 10, 9, 11) and wraps the text', async () => {
    const ws = (await workbook('dip')).getWorksheet('DIP')!;
    const widths = DIP_HEADS.map((_, i) => ws.getColumn(i + 1).width!);
    [5, 40, 13, 12, 10, 9, 11].forEach((w, i) => expect(widths[i]! / widths[1]!).toBeCloseTo(w / 40, 2));
    expect(widths.reduce((a, b) => a + b, 0)).toBeGreaterThan(140);
    expect(ws.getCell('B8').alignment?.wrapText).toBe(true);
    // A row of three lines stands taller than a group heading.
    expect(ws.getRow(8).height).toBeGreaterThan(ws.getRow(7).height ?? 15);
  });

  it('groups the rows under their headings in the statutory order, numbered once across the list, without exempt items', async () => {
    const ws = (await workbook('dip')).getWorksheet('DIP')!;
    const seen: string[] = [];
    for (let r = 7; r <= ws.rowCount; r++) {
      const first = ws.getCell(r, 1);
      if (first.isMerged) seen.push(`# ${first.text}`);
      else seen.push(`${first.value as number} ${ws.getCell(r, 2).text.split('\n')[0]}`);
    }
    let n = 0;
    expect(seen).toEqual(GROUPS.flatMap((g, i) => [`# ${g}`, ...BY_GROUP[i]!.map((j) => `${++n} ${j}`)]));
    expect(ws.getRow(8).values).toEqual([
      undefined,
      1,
      expect.anything(),
      'Sekretariat / Subbagian Umum dan Kepegawaian',
      'Sekretaris Dinas',
      '2026, Putussibau',
      'Softcopy, Hardcopy',
      '5 tahun (aktif 2, inaktif 3)',
    ]);
    expect(ws.getCell('B8').text).toBe(
      'Profil Dinas Komunikasi, Informatika dan Statistik\nKedudukan, tugas pokok dan fungsi, struktur organisasi, profil pimpinan serta alamat dan kontak dinas.\n(Diperbarui setiap 6 bulan)',
    );
  });

  it('keeps an empty group with its heading and says it is empty', async () => {
    const ws = (await workbook('dip-tanpa-serta-merta')).getWorksheet('DIP')!;
    const texts = Array.from({ length: ws.rowCount - 6 }, (_, i) => ws.getCell(i + 7, 1).text);
    const b = texts.indexOf(GROUPS[1]!);
    expect(texts[b + 1]).toBe('Tidak ada informasi dalam kelompok ini.');
    expect(texts[b + 2]).toBe(GROUPS[2]);
  });

  it('prints the DIK under its own heads, one table', async () => {
    const ws = (await workbook('dik')).getWorksheet('DIK')!;
    expect(ws.getCell('A1').text).toBe('DAFTAR INFORMASI YANG DIKECUALIKAN TAHUN 2026');
    expect(ws.getCell('A3').text).toBe(`${SIGNED}; sidik ${dikShort}`);
    expect(ws.getRow(6).values).toEqual([undefined, ...DIK_HEADS]);
    expect([ws.getCell('A7').value, ws.getCell('B7').text.split('\n')[0], ws.getCell('C7').text.split('\n')[0]]).toEqual([
      1,
      'Data riwayat kesehatan pegawai',
      'Pasal 17 huruf h angka 2 UU Nomor 14 Tahun 2008',
    ]);
    expect(ws.getCell('B8').text.split('\n')[0]).toBe('Kunci kriptografi dan konfigurasi keamanan jaringan intra pemerintah');
    expect(ws.getCell('F8').text).toBe('5 tahun atau sampai konfigurasi diganti');
    expect(ws.rowCount).toBe(8);
  });
});

describe('XLSX read by LibreOffice Calc', () => {
  it('gives the same rows as the CSV export, cell for cell', async () => {
    for (const name of ['dip', 'dik', 'dip-tanpa-serta-merta']) {
      const [list] = name.split('-') as ['dip' | 'dik'];
      const ctx = name === 'dip-tanpa-serta-merta' ? demoContext('final', { items: noSertaMerta }) : demo;
      const csv = await publishList(list, 'csv', ctx.settings, ctx.cycle);
      const ours = await parseCsv(csv.bytes.toString('utf8').replace(/^\uFEFF/, ''), ';');
      expect(tidy(loCsv[name]!), name).toEqual(tidy(ours));
    }
    // And what LibreOffice read is the list: heads, then the first row.
    const lo = tidy(loCsv.dip!);
    expect(lo[4]).toEqual(DIP_HEADS);
    expect(lo[5]).toEqual([GROUPS[0]]);
    expect(lo[6]![0]).toBe('1');
  });

  it('prints landscape on F4 (Folio) or A4, one page wide, the heads on every page and the fingerprint in the footer', () => {
    const f4 = pdfInfo(path.join(dir, 'dip.pdf'));
    expect([f4.widthPt, f4.heightPt]).toEqual([936, 612]);
    const a4 = pdfInfo(path.join(dir, 'dip-a4-150.pdf'));
    expect(Math.abs(a4.widthPt - 841.9)).toBeLessThan(1);
    expect(Math.abs(a4.heightPt - 595.3)).toBeLessThan(1);
    const pages = pdfPages(path.join(dir, 'dip-a4-150.pdf'));
    expect(pages.length).toBeGreaterThan(3);
    const short = documentFingerprint('dip', demoContext('final', { paper: 'A4', items: manyItems(150) }).cycle).short;
    pages.forEach((p, i) => {
      expect(p, `page ${i + 1}`).toContain('Ringkasan Isi Informasi');
      expect(p, `page ${i + 1}`).toContain(`Halaman ${i + 1} dari ${pages.length}`);
      expect(p, `page ${i + 1}`).toContain(short);
    });
    // Every row made it onto paper, each number once.
    const numbers = pages.join('\n').match(/^\s*(\d+)\s{2,}Informasi nomor/gm) ?? [];
    expect(numbers.length).toBe(135);
  });
});

describe('CSV', () => {
  it('starts with the UTF-8 byte-order mark and parses back to the title, heads and rows, Indonesian text intact', async () => {
    const csv = await publishList('dip', 'csv', demo.settings, demo.cycle);
    expect([...csv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.fileName).toBe(`DIP-2026-v2-sidik-${dipShort}.csv`);
    const rows = tidy(await parseCsv(csv.bytes.toString('utf8').slice(1), ';'));
    expect(rows.slice(0, 3)).toEqual([['DAFTAR INFORMASI PUBLIK TAHUN 2026'], ['DINAS KOMUNIKASI, INFORMATIKA DAN STATISTIK KABUPATEN KAPUAS HULU'], [`${SIGNED}; sidik ${dipShort}`]]);
    expect(rows[4]).toEqual(DIP_HEADS);
    const body = rows.slice(5);
    expect(body.filter((r) => r.length === 1).map((r) => r[0])).toEqual(GROUPS);
    const data = body.filter((r) => r.length > 1);
    expect(data.map((r) => r[1]!.split('\n')[0])).toEqual(BY_GROUP.flat());
    expect(data.map((r) => r[0])).toEqual(BY_GROUP.flat().map((_, i) => String(i + 1)));
    expect(data.find((r) => r[1]!.startsWith('Rencana Strategis'))![1]).toContain('2025–2029');
  });

  it('keeps quotes, separators and line breaks inside a cell, and never lets a cell run as a formula', async () => {
    const ctx = demoContext('final', { items: tricky });
    const csv = await publishList('dip', 'csv', ctx.settings, ctx.cycle);
    const rows = tidy(await parseCsv(csv.bytes.toString('utf8').slice(1), ';'));
    const row = rows.find((r) => r[0] === '1')!;
    expect(row[1]).toBe(`'=HYPERLINK("http://contoh.invalid","klik")\nBerisi "kutipan"; titik koma, koma,\ndan baris baru.`);
    expect(row[2]).toBe(`'+62 812 3456`);
    expect(row[3]).toBe('Sekretaris Dinas');
    // Groups A and B are empty here; their note is text, not something to neutralise.
    expect(rows.some((r) => r[0] === 'Tidak ada informasi dalam kelompok ini.')).toBe(true);
  });
});

describe('HTML page in Chromium with the network blocked', () => {
  async function render(f: PublishedFile) {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    const url = 'http://ppid.invalid/daftar.html';
    const other: string[] = [];
    await page.route('**/*', (route) => {
      if (route.request().url() === url) return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: f.bytes });
      other.push(route.request().url());
      return route.abort();
    });
    await page.goto(url);
    return { page, other };
  }

  it('renders every row of the DIP in a table per group, asks for nothing else and runs no script', async () => {
    const { page, other } = await render(await publishList('dip', 'html', demo.settings, demo.cycle));
    expect(await page.title()).toBe('Daftar Informasi Publik Tahun 2026 — DINAS KOMUNIKASI, INFORMATIKA DAN STATISTIK KABUPATEN KAPUAS HULU');
    expect(await page.locator('h2').allInnerTexts()).toEqual(GROUPS);
    expect(await page.locator('table').count()).toBe(3);
    for (const [i, table] of (await page.locator('table').all()).entries()) {
      expect(await table.locator('thead th').allInnerTexts()).toEqual(DIP_HEADS);
      const judul = await table.locator('tbody tr td:nth-child(2) p.judul').allInnerTexts();
      expect(judul).toEqual(BY_GROUP[i]);
      for (const j of judul) await expect.poll(() => table.getByText(j, { exact: true }).isVisible()).toBe(true);
    }
    expect(await page.locator('tbody tr td.no').allInnerTexts()).toEqual(BY_GROUP.flat().map((_, i) => `${i + 1}.`));
    expect(await page.locator('header').innerText()).toContain(`${SIGNED}; sidik ${dipShort}`);
    expect(await page.locator('script, link, img, iframe, object').count()).toBe(0);
    expect(other).toEqual([]);
    await page.close();
  });

  it('renders the DIK and an empty group, with markup in the text shown as text', async () => {
    const dik = await render(await publishList('dik', 'html', demo.settings, demo.cycle));
    expect(await dik.page.locator('table').count()).toBe(1);
    expect(await dik.page.locator('thead th').allInnerTexts()).toEqual(DIK_HEADS);
    expect(await dik.page.locator('tbody tr').count()).toBe(2);
    expect(await dik.page.locator('.sidik').innerText()).toBe(dikShort);
    await dik.page.close();

    const ctx = demoContext('final', { items: [...noSertaMerta, completeItem('<img src="http://contoh.invalid/x.png"> Laporan', 'Sekretariat', 'setiap_saat')] });
    const { page, other } = await render(await publishList('dip', 'html', ctx.settings, ctx.cycle));
    expect(await page.locator('section').nth(1).locator('td.kosong').innerText()).toBe('Tidak ada informasi dalam kelompok ini.');
    expect(await page.getByText('<img src="http://contoh.invalid/x.png"> Laporan', { exact: true }).isVisible()).toBe(true);
    expect(await page.locator('img').count()).toBe(0);
    expect(other).toEqual([]);
    await page.close();
  });
});
