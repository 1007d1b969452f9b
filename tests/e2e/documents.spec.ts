import { execFileSync } from 'node:child_process';
import { test, expect, api, login } from './fixtures';
import type { HostProcess } from './host';
import type { Page } from '@playwright/test';
import { completeItem } from '../unit/workflow-fixtures';

/**
 * The print views and the verification page against a real loopback host: a cycle is driven
 * through the SOP by the API (as the three roles), then the browser opens the routes
 * `#/cetak/:cycleId/:kind` and `#/verifikasi`.
 */

const PASSWORD = 'contoh-ppid-2026';
const B = ['Sekretariat', 'Bidang Informasi dan Komunikasi Publik', 'Bidang Statistik Sektoral'];

const ITEMS = [
  completeItem('Profil Dinas Komunikasi, Informatika dan Statistik', B[0]!, 'berkala', { ringkasan: 'Kedudukan, tugas pokok dan fungsi, struktur organisasi.' }),
  completeItem('Laporan Realisasi Anggaran Semester I dan II', B[0]!, 'berkala'),
  completeItem('Daftar Informasi Publik', B[1]!, 'setiap_saat'),
  completeItem('Data riwayat kesehatan pegawai', B[0]!, 'dikecualikan'),
  completeItem('Informasi gangguan layanan jaringan', B[2]!, 'serta_merta', { bentuk: ['softcopy'] }),
];

// Screenshots at three device pixels per CSS pixel stand in for a 200–300 dpi scan of the page.
test.use({ deviceScaleFactor: 3 });

type Sessions = Record<'operator' | 'ppid' | 'kepala', string>;

async function ok<T>(host: HostProcess, name: string, input: unknown, session?: string): Promise<T> {
  const r = await api(host, name, input, { session });
  if (!r.body.ok) throw new Error(`${name}: ${r.body.code} ${r.body.message}`);
  return r.body.data as T;
}

async function sessions(host: HostProcess): Promise<Sessions> {
  await ok(host, 'setup.loadDemo', {});
  const s = {} as Sessions;
  for (const u of ['operator', 'ppid', 'kepala'] as const) {
    s[u] = (await ok<{ sessionToken: string }>(host, 'auth.login', { username: u, password: PASSWORD })).sessionToken;
  }
  return s;
}

/** The SOP's steps through the contract, as tests/unit/cycle-service.test.ts drives them. */
async function cycleAt(host: HostProcess, s: Sessions, title: string, stage: 'draft' | 'signed', items = ITEMS): Promise<string> {
  const { id } = await ok<{ id: string }>(host, 'cycles.create', { title, year: 2026 }, s.operator);
  const act = (who: keyof Sessions, action: string) => ok(host, 'cycles.act', { cycleId: id, action }, s[who]);
  const view = await ok<{ items: { id: string }[] }>(host, 'cycles.addItems', { cycleId: id, items }, s.operator);
  await act('operator', 'report');
  await act('ppid', 'issueNotaDinas');
  await act('operator', 'submitKonsep');
  for (const item of view.items) await ok(host, 'cycles.markReview', { cycleId: id, itemId: item.id, verdict: 'sesuai' }, s.ppid);
  await act('ppid', 'approve');
  if (stage === 'signed') {
    // ITEMS has an exempt item: its uji konsekuensi is recorded before the Kepala signs, with the password.
    await ok(host, 'cycles.recordUji', { cycleId: id, participants: [{ name: 'Drs. Agustinus Rangkap, M.Si.', role: 'Atasan PPID Pembantu' }, { name: 'Ketua PPID', role: 'Ketua PPID Pembantu' }] }, s.kepala);
    await ok(host, 'cycles.act', { cycleId: id, action: 'approve', password: PASSWORD }, s.kepala);
    // Archived, so that the same year can have another cycle (one open cycle per year).
    await ok(host, 'cycles.act', { cycleId: id, action: 'archive', note: 'Lemari arsip PPID' }, s.kepala);
  }
  return id;
}

async function open(page: Page, host: HostProcess, route: string) {
  await page.goto(`${host.origin}/#${route}`);
}

test('final DIP prints with its fingerprint and no mark; the Draft is marked; the fingerprint and the QR verify', async ({ page, host }) => {
  const s = await sessions(host);
  const signed = await cycleAt(host, s, 'DIP 2026', 'signed');
  const draft = await cycleAt(host, s, 'DIP 2026 (perubahan)', 'draft');
  const fp = await ok<{ dip: { short: string } }>(host, 'documents.fingerprints', { cycleId: signed }, s.ppid);

  await page.goto(host.url);
  await login(page, 'ppid', PASSWORD);
  await expect(page).toHaveURL(/#\/beranda/);

  // The signed list: every non-exempt item under its heading, numbered 1..n, the seal, no mark.
  await open(page, host, `/cetak/${signed}/dip`);
  const table = page.getByRole('table', { name: 'Daftar Informasi Publik' });
  await expect(table).toBeVisible();
  const rows = page.getByTestId('dip-baris');
  await expect(rows).toHaveCount(4);
  await expect(rows.locator('td:first-child')).toHaveText(['1.', '2.', '3.', '4.']);
  await expect(table).toContainText('Profil Dinas Komunikasi, Informatika dan Statistik');
  await expect(table).not.toContainText('Data riwayat kesehatan pegawai');
  await expect(page.getByTestId('dip-kelompok')).toHaveText([
    'A. Informasi yang Wajib Disediakan dan Diumumkan Secara Berkala',
    'B. Informasi yang Wajib Diumumkan Secara Serta Merta',
    'C. Informasi yang Wajib Tersedia Setiap Saat',
  ]);
  await expect(page.getByTestId('sidik-dokumen')).toHaveText(fp.dip.short);
  await expect(page.getByRole('img', { name: `Kode QR sidik dokumen ${fp.dip.short}` })).toBeVisible();
  await expect(page.getByTestId('tanda-konsep')).toHaveCount(0);
  await expect(page.getByTestId('tanda-tangan')).toContainText('Drs. Agustinus Rangkap, M.Si.');
  await expect(page.getByText('Final', { exact: true })).toBeVisible();

  // The printed page's own @page rule carries the seal; no mark in its header.
  const pageRule = await page.locator('.pp-doc style').textContent();
  expect(pageRule).toContain(`Sidik dokumen: ${fp.dip.short}`);
  expect(pageRule).toContain('size: 330mm 215mm');
  expect(pageRule).not.toContain('belum ditandatangani');

  // "Unduh DOCX" on the print page saves the core's file under its own name.
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Unduh DOCX' }).click();
  expect((await download).suggestedFilename()).toBe('DIP-2026-Final-v1.docx');
  await expect(page.getByText('DOCX disimpan: DIP-2026-Final-v1.docx')).toBeVisible();

  // A picture of the page at scanner resolution, for the QR reader below.
  const scan = await page.locator('.pp-sheet').first().screenshot({ scale: 'device' });

  // The Draft of another cycle: marked on the page and in the print header.
  await open(page, host, `/cetak/${draft}/dip`);
  await expect(page.getByTestId('dip-baris')).toHaveCount(4);
  await expect(page.getByTestId('tanda-konsep')).toHaveText('DRAFT — belum ditandatangani');
  await expect(page.getByTestId('sidik-dokumen')).toHaveCount(0);
  expect(await page.locator('.pp-doc style').textContent()).toContain('DRAFT — belum ditandatangani');

  // The DIK lists exactly the exempt item.
  await open(page, host, `/cetak/${draft}/dik`);
  await expect(page.getByTestId('dik-baris')).toHaveCount(1);
  await expect(page.getByTestId('dik-baris')).toContainText('Data riwayat kesehatan pegawai');

  // Verification by the typed fingerprint.
  await open(page, host, '/verifikasi');
  await page.getByLabel('Sidik dokumen atau isi kode QR').fill(fp.dip.short.toLowerCase());
  await page.getByRole('button', { name: 'Periksa' }).click();
  await expect(page.getByTestId('hasil-verifikasi')).toHaveAttribute('data-result', 'signed');
  await expect(page.getByTestId('hasil-verifikasi')).toContainText('Dokumen sah');
  await expect(page.getByTestId('hasil-verifikasi')).toContainText('DIP 2026');

  // A code that matches nothing.
  await page.getByLabel('Sidik dokumen atau isi kode QR').fill('0000-0000-0000');
  await page.getByRole('button', { name: 'Periksa' }).click();
  await expect(page.getByTestId('hasil-verifikasi')).toHaveAttribute('data-result', 'none');
  await expect(page.getByTestId('hasil-verifikasi')).toContainText('Tidak cocok');

  // Verification from the picture of the printed page: the QR is read in the browser.
  await page.getByRole('main').locator('input[type="file"]').setInputFiles({ name: 'pindaian-dip.png', mimeType: 'image/png', buffer: scan });
  await expect(page.getByTestId('hasil-verifikasi')).toHaveAttribute('data-result', 'signed', { timeout: 30_000 });
  await expect(page.getByLabel('Sidik dokumen atau isi kode QR')).toHaveValue(new RegExp(`^PPIDDESK:DIP:${signed.toUpperCase()}:V1:[0-9A-F]{32}$`));

  // A picture without a code says so plainly.
  const blank = await page.getByRole('heading', { name: 'Verifikasi dokumen' }).screenshot();
  await page.getByRole('main').locator('input[type="file"]').setInputFiles({ name: 'kosong.png', mimeType: 'image/png', buffer: blank });
  await expect(page.getByTestId('qr-tidak-terbaca')).toContainText('Tidak ada kode QR yang terbaca dari "kosong.png"');
});

test('the Nota Dinas and the uji konsekuensi sheets print from the cycle', async ({ page, host }) => {
  const s = await sessions(host);
  const id = await cycleAt(host, s, 'DIP 2026', 'draft');
  const view = await ok<{ notaDinas: { number: string } }>(host, 'cycles.get', { cycleId: id }, s.ppid);

  await page.goto(host.url);
  await login(page, 'operator', PASSWORD);
  await expect(page).toHaveURL(/#\/beranda/);

  await open(page, host, `/cetak/${id}/nota-dinas`);
  await expect(page.getByTestId('nomor-surat')).toHaveText(`NOMOR: ${view.notaDinas.number}`);
  await expect(page.getByText('PEMERINTAH KABUPATEN KAPUAS HULU').first()).toBeVisible();
  await expect(page.getByTestId('tanda-konsep')).toHaveCount(0);
  expect(await page.locator('.pp-doc style').textContent()).toContain('size: 215mm 330mm');

  await open(page, host, `/cetak/${id}/uji-konsekuensi`);
  await expect(page.getByTestId('uji-lembar')).toHaveCount(1);
  await expect(page.getByTestId('uji-lembar')).toContainText('Data riwayat kesehatan pegawai');
  await expect(page.getByTestId('uji-lembar')).toContainText('Yuliana Sari, S.Sos., M.AP.');

  // An unknown document kind is refused in words, not with a blank page.
  await open(page, host, `/cetak/${id}/surat-lain`);
  await expect(page.getByRole('alert')).toContainText('Jenis dokumen tidak dikenal.');
});

test('an uji konsekuensi sheet that runs over a page names its item on the next page, and each sheet numbers its own pages', async ({ page, host }, testInfo) => {
  const s = await sessions(host);
  // As long as the item editor lets these fields be (2 000 characters each): the sheet cannot fit one page.
  const long = (start: string) => `${start} `.concat('Pembukaan berkas ini dapat mengungkap identitas pelapor, saksi dan pegawai yang diperiksa. '.repeat(21)).trim();
  const judul = 'Berkas pemeriksaan disiplin pegawai';
  const longItem = completeItem(judul, B[0]!, 'dikecualikan', {
    ringkasan: long('Berita acara pemeriksaan, keterangan saksi dan bukti.'),
    exemption: { basis: 'pasal17', huruf: 'h', angka: 2, undangUndang: '', pasal: '', konsekuensi: long('Membuka berkas pemeriksaan.'), pertimbangan: long('Melindungi rahasia pribadi.'), jangkaWaktu: '' },
  });
  // The long sheet first, then the short one of ITEMS ("Data riwayat kesehatan pegawai").
  const id = await cycleAt(host, s, 'DIP 2026', 'draft', [longItem, ...ITEMS]);

  await page.goto(host.url);
  await login(page, 'operator', PASSWORD);
  await expect(page).toHaveURL(/#\/beranda/);
  await open(page, host, `/cetak/${id}/uji-konsekuensi`);
  await expect(page.getByTestId('uji-lembar')).toHaveCount(2);
  await page.evaluate(() => document.fonts.ready);

  // What "Simpan PDF" and the print dialog make of the page: Electron prints with these options.
  const file = testInfo.outputPath('uji-konsekuensi.pdf');
  await page.pdf({ path: file, preferCSSPageSize: true, printBackground: true });
  const pages = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).split('\f').slice(0, -1);
  const flat = pages.map((p) => p.replace(/\s+/g, ' '));

  // Every page says which sheet it belongs to and counts within that sheet, as the DOCX footer:
  // sheet 1 runs over two pages or more, sheet 2 (short) starts again at 1 on a page of its own.
  const footers = flat.map((p) => /Lembar Uji Konsekuensi (\d+) dari 2 · halaman (\d+)/.exec(p)?.slice(1).join('/'));
  expect(flat.length).toBeGreaterThanOrEqual(3);
  expect(footers).toEqual([...flat.slice(1).map((_, i) => `1/${i + 1}`), '2/1']);

  // A sheet's first page has the kop and its title, no continuation line.
  expect(flat[0]).toContain('LEMBAR UJI KONSEKUENSI');
  expect(flat[0]).not.toContain('(lanjutan)');
  // A loose page after it still says which sheet and which information it continues.
  for (const p of flat.slice(1, -1)) expect(p).toContain(`Lembar Uji Konsekuensi 1 dari 2 (lanjutan) — ${judul}`);
  const last = flat.at(-1)!;
  expect(last).toContain('PEMERINTAH KABUPATEN KAPUAS HULU');
  expect(last).toContain('Data riwayat kesehatan pegawai');
  expect(last).not.toContain('(lanjutan)');
});
