import type { Locator, Page } from '@playwright/test';
import { completeItem } from '../unit/workflow-fixtures';
import { yearIn } from '../../electron/core/domain/calendar';
import { api, expect, login, test } from './fixtures';

/**
 * The SOP from identification to archive, clicked through by the three roles in one
 * browser (logging out and in between), with a return at step 4 and at step 5, a host
 * restart in the middle, and the operator refused when trying to approve.
 */

const PASSWORD = 'contoh-ppid-2026';
const B = ['Sekretariat', 'Bidang Informasi dan Komunikasi Publik', 'Bidang Statistik Sektoral'] as const;
// The host runs on the system clock; the app proposes the office's (WIB) year + 1.
const NEXT_YEAR = yearIn(Date.now(), 'Asia/Jakarta') + 1;
const TITLE = `DIP ${NEXT_YEAR}`;

async function logout(page: Page) {
  await page.getByRole('button', { name: /^Menu pengguna/ }).click();
  await page.getByRole('menuitem', { name: 'Keluar' }).click();
  await expect(page.getByLabel('Nama pengguna')).toBeVisible();
}

async function loginAs(page: Page, username: string) {
  await login(page, username, PASSWORD);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(/Selamat/);
}

/** From Beranda, the cycle waiting for this user. */
async function openWaiting(page: Page) {
  const card = page.locator(`[data-waiting="${TITLE}"]`);
  await expect(card).toBeVisible();
  await card.getByRole('button', { name: 'Kerjakan' }).click();
  await expect(page.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
}

/** Press an action in the header and confirm it in its dialog (with reasons or a note if asked). */
async function act(page: Page, label: string, text?: string) {
  await page.getByRole('button', { name: label, exact: true }).first().click();
  const dialog = page.getByRole('dialog', { name: label });
  await expect(dialog).toBeVisible();
  if (text !== undefined) await dialog.getByRole('textbox').fill(text);
  await dialog.getByRole('button', { name: label.startsWith('Kembalikan') ? 'Kembalikan' : label, exact: true }).click();
  await expect(dialog).toBeHidden();
}

async function chooseOption(page: Page, field: Locator, option: string) {
  await field.click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

async function sessionOf(page: Page): Promise<string> {
  return page.evaluate(() => sessionStorage.getItem('ppid.session') ?? '');
}

function row(page: Page, judul: string) {
  return page.locator(`tr[data-item="${judul}"]`);
}

async function markAll(page: Page, titles: string[], except?: { judul: string; note: string }) {
  for (const judul of titles) {
    const r = row(page, judul);
    if (except?.judul === judul) {
      await r.getByRole('button', { name: 'Perlu perbaikan' }).click();
      await r.getByLabel('Catatan perbaikan untuk petugas').fill(except.note);
      await r.getByRole('button', { name: 'Simpan catatan' }).click();
      await expect(r.getByRole('button', { name: 'Perlu perbaikan' })).toHaveAttribute('aria-pressed', 'true');
    } else {
      await r.getByRole('button', { name: 'Sesuai', exact: true }).click();
      await expect(r.getByRole('button', { name: 'Sesuai', exact: true })).toHaveAttribute('aria-pressed', 'true');
    }
  }
}

// A wait that cannot succeed should fail in seconds, not at the end of the whole test.
test.use({ actionTimeout: 15_000 });

test('a full documentation cycle through the six SOP steps, by three roles', async ({ page, host }) => {
  test.setTimeout(240_000);
  expect((await api(host, 'setup.loadDemo')).body.ok).toBe(true);
  await page.goto(host.url);

  // ---- Step 1: the operator starts the cycle and identifies the information. ----
  await loginAs(page, 'operator');
  await page.getByRole('button', { name: 'Mulai siklus baru' }).click();
  const create = page.getByRole('dialog', { name: 'Mulai siklus pendokumentasian baru' });
  await expect(create.getByLabel('Nama siklus')).toHaveValue(TITLE);
  await create.getByRole('button', { name: 'Mulai siklus' }).click();
  await expect(page.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
  await expect(page.getByTestId('tahap-sekarang')).toHaveText('Langkah 1: Identifikasi informasi');
  const cycleId = page.url().split('/siklus/')[1]!;

  const add = page.getByRole('form', { name: 'Tambah informasi' });
  for (const [judul, bidang, catatan] of [
    ['Profil Dinas', B[0], 'Minta ke Subbag Umum'],
    ['Data hasil uji penetrasi jaringan', B[1], ''],
    ['Statistik sektoral kabupaten', B[2], ''],
  ] as const) {
    await add.getByLabel('Judul informasi').fill(judul);
    await chooseOption(page, add.getByLabel('Bidang'), bidang);
    if (catatan) await add.getByLabel(/Catatan/).fill(catatan);
    await add.getByRole('button', { name: 'Tambah', exact: true }).click();
    await expect(row(page, judul)).toBeVisible();
  }
  await expect(row(page, 'Profil Dinas')).toContainText('Minta ke Subbag Umum');

  // Several usual items at once from the checklist, each with its bidang.
  await page.getByRole('button', { name: 'Pilih dari daftar umum…' }).click();
  const checklist = page.getByRole('dialog', { name: 'Pilih dari daftar informasi yang umum' });
  const lra = 'Laporan Realisasi Anggaran (LRA)';
  const agenda = 'Agenda kerja pimpinan';
  await checklist.getByRole('checkbox', { name: lra }).check();
  await checklist.getByRole('checkbox', { name: agenda }).check();
  await checklist.getByLabel(`Bidang untuk ${agenda}`).selectOption(B[1]);
  await checklist.getByRole('button', { name: 'Tambahkan 2 informasi' }).click();
  await expect(checklist).toBeHidden();
  await expect(row(page, lra)).toBeVisible();
  await expect(row(page, agenda)).toBeVisible();

  // The rest of the 12 through the operator's own session, to keep the test short.
  const operatorSession = await sessionOf(page);
  const more = [
    ['Rencana Strategis 2025-2029', B[0]],
    ['Rekap pengaduan masyarakat', B[1]],
    ['Data kesehatan pegawai', B[0]],
    ['Publikasi statistik daerah', B[2]],
    ['Metadata statistik sektoral', B[2]],
    ['Daftar aset dinas', B[0]],
    ['Prosedur peringatan dini bencana', B[2]],
  ] as const;
  const added = await api(host, 'cycles.addItems', { cycleId, items: more.map(([judul, bidang]) => ({ judul, bidang })) }, { session: operatorSession });
  expect(added.body.ok).toBe(true);
  await page.reload();
  await expect(page.getByRole('tab', { name: /Daftar informasi \(12\)/ })).toBeVisible();
  const titles = [...(added.body.data as { items: { fields: { judul: string } }[] }).items.map((i) => i.fields.judul)];
  expect(titles).toHaveLength(12);

  await act(page, 'Laporkan ke Ketua PPID');
  await expect(page.getByTestId('tahap-sekarang')).toHaveText('Langkah 2: Nota Dinas');
  await expect(page.getByTestId('menunggu')).toContainText('Menunggu PPID Pembantu');
  await logout(page);

  // ---- Step 2: the PPID Pembantu issues the Nota Dinas. ----
  await loginAs(page, 'ppid');
  await openWaiting(page);
  const nd = page.getByRole('form', { name: 'Konsep Nota Dinas' });
  await expect(nd.getByLabel('Isi')).toHaveValue(/Profil Dinas \(Sekretariat\)/);
  await nd.getByLabel('Hal').fill(`Penghimpunan dan Pendokumentasian Informasi Publik Tahun ${NEXT_YEAR} (segera)`);
  await nd.getByRole('button', { name: 'Simpan konsep' }).click();
  await expect(page.getByTestId('status-nota-dinas')).toHaveText('Tersimpan');
  await act(page, 'Terbitkan Nota Dinas');
  await page.getByRole('tab', { name: /Nota Dinas/ }).click();
  const nomor = page.getByTestId('nota-dinas-surat').getByTestId('nomor-surat');
  await expect(nomor).toHaveText(/NOMOR: 500\.12\.2\/001\/Diskominfotik\/\d{4}/);
  await expect(page.getByTestId('nota-dinas-surat')).toContainText('(segera)');
  await logout(page);

  // ---- Step 3: the operator fills the columns; three items by hand in the editor. ----
  await loginAs(page, 'operator');
  await openWaiting(page);
  const editor = page.getByRole('dialog');

  // A berkala item, with a soft file.
  await row(page, 'Profil Dinas').getByRole('button', { name: 'Isi kolom' }).click();
  await expect(editor.getByTestId('status-kelengkapan')).toContainText('Belum lengkap');
  await editor.getByRole('radio', { name: 'Berkala' }).click();
  await editor.getByRole('radio', { name: '3 bulan' }).click();
  await editor.getByLabel('Ringkasan isi informasi').fill('Kedudukan, tugas dan fungsi, struktur organisasi serta profil pimpinan.');
  await editor.getByLabel('Pejabat atau unit/satuan kerja yang menguasai informasi').fill('Sekretariat');
  await editor.getByLabel('Penanggung jawab pembuatan atau penerbitan informasi').fill('Sekretaris Dinas');
  await editor.getByLabel('Waktu pembuatan').fill('2026');
  await editor.getByLabel('Tempat pembuatan').fill('Putussibau');
  await editor.getByRole('checkbox', { name: 'Softcopy' }).check();
  await editor.getByLabel('Jangka waktu penyimpanan/retensi').fill('5 tahun');
  await expect(editor.getByTestId('status-kelengkapan')).toContainText('Lengkap');
  await expect(editor.getByTestId('status-simpan')).toHaveText('Ada perubahan yang belum disimpan.');
  await editor.getByRole('button', { name: 'Simpan', exact: true }).click();
  await expect(editor.getByTestId('status-simpan')).toHaveText(/Tersimpan pukul/);
  await editor.locator('input[type=file]').setInputFiles({ name: 'Profil Dinas 2026.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4 profil dinas') });
  await expect(editor.getByRole('button', { name: 'Profil Dinas 2026.pdf', exact: true })).toBeVisible();
  await editor.getByRole('button', { name: 'Tutup', exact: true }).click();
  await expect(editor).toBeHidden();
  await expect(row(page, 'Profil Dinas')).toContainText('Lengkap');
  await expect(row(page, 'Profil Dinas')).toContainText('1 berkas');

  // An exempt item: Pasal 17 huruf h has sub-points and no time limit.
  await row(page, 'Data kesehatan pegawai').getByRole('button', { name: 'Isi kolom' }).click();
  await editor.getByRole('radio', { name: 'Dikecualikan' }).click();
  await editor.getByLabel('Uraian informasi yang dikecualikan').fill('Rekam medis dan hasil pemeriksaan kesehatan pegawai.');
  await editor.getByLabel('Pejabat atau unit/satuan kerja yang menguasai informasi').fill('Subbagian Umum dan Kepegawaian');
  await chooseOption(page, editor.getByLabel('Pasal 17 huruf'), 'h. mengungkap rahasia pribadi');
  await expect(editor.getByTestId('status-kelengkapan')).toContainText('Pasal 17 huruf h memiliki angka 1–5');
  await chooseOption(page, editor.getByRole('combobox', { name: 'Angka', exact: true }), 'angka 2: riwayat, kondisi dan perawatan, pengobatan kesehatan fisik, dan psikis seseorang');
  await editor.getByLabel('Konsekuensi bila informasi dibuka').fill('Mengungkap riwayat kesehatan pegawai kepada publik.');
  await editor.getByLabel(/Pertimbangan bila ditutup/).fill('Melindungi rahasia pribadi pegawai.');
  await expect(editor.getByLabel('Jangka waktu pengecualian')).toBeDisabled();
  await expect(editor).toContainText('Pasal 17 huruf h angka 2 UU Nomor 14 Tahun 2008');
  await expect(editor.getByTestId('status-kelengkapan')).toContainText('Lengkap');
  await editor.getByRole('button', { name: 'Simpan', exact: true }).click();
  await expect(editor.getByTestId('status-simpan')).toHaveText(/Tersimpan pukul/);
  await editor.getByRole('button', { name: 'Tutup', exact: true }).click();

  // A setiap-saat item; closing with unsaved edits asks first.
  await row(page, agenda).getByRole('button', { name: 'Isi kolom' }).click();
  await editor.getByRole('radio', { name: 'Setiap saat' }).click();
  await editor.getByLabel('Ringkasan isi informasi').fill('Jadwal kegiatan Kepala Dinas.');
  await editor.getByLabel('Pejabat atau unit/satuan kerja yang menguasai informasi').fill('Sekretariat');
  await editor.getByLabel('Penanggung jawab pembuatan atau penerbitan informasi').fill('Sekretaris Dinas');
  await editor.getByLabel('Waktu pembuatan').fill('2026');
  await editor.getByLabel('Tempat pembuatan').fill('Putussibau');
  await editor.getByRole('checkbox', { name: 'Hardcopy' }).check();
  await editor.getByLabel('Jangka waktu penyimpanan/retensi').fill('1 tahun');
  await editor.getByRole('button', { name: 'Tutup', exact: true }).click();
  const ask = page.getByRole('dialog', { name: 'Simpan perubahan?' });
  await ask.getByRole('button', { name: 'Simpan dan tutup' }).click();
  await expect(ask).toBeHidden();
  await expect(row(page, agenda)).toContainText('Lengkap');

  // The other nine through the API (this log-in's session; logging out ended the first one);
  // one more exempt item, two in all.
  const session3 = await sessionOf(page);
  const view = (await api(host, 'cycles.get', { cycleId }, { session: session3 })).body.data as { items: { id: string; fields: { judul: string; bidang: string; kategori: string; catatan: string } }[] };
  for (const item of view.items.filter((i) => !i.fields.kategori || (i.fields.judul === lra))) {
    const kind = item.fields.judul === 'Data hasil uji penetrasi jaringan' ? 'dikecualikan' : item.fields.judul === 'Prosedur peringatan dini bencana' ? 'serta_merta' : item.fields.judul === lra ? 'berkala' : 'setiap_saat';
    // Penetration-test results are exempt on security grounds, for a limited period.
    const security =
      kind === 'dikecualikan'
        ? {
            exemption: {
              basis: 'pasal17' as const,
              huruf: 'c' as const,
              angka: 1,
              undangUndang: '',
              pasal: '',
              konsekuensi: 'Membuka celah keamanan jaringan pemerintah daerah.',
              pertimbangan: 'Melindungi keamanan sistem elektronik dan data warga.',
              jangkaWaktu: '5 tahun',
            },
          }
        : {};
    const fields = completeItem(item.fields.judul, item.fields.bidang, kind, { catatan: item.fields.catatan, ...security });
    const r = await api(host, 'cycles.updateItem', { cycleId, itemId: item.id, fields }, { session: session3 });
    expect(r.body.ok, r.body.message).toBe(true);
  }

  // ---- The app is closed and opened again in the middle: nothing is lost. ----
  await host.restart();
  await page.goto(host.url);
  await loginAs(page, 'operator');
  await openWaiting(page);
  await expect(page.getByText('12 informasi · 10 masuk DIP · 2 dikecualikan')).toBeVisible();
  await expect(row(page, 'Profil Dinas')).toContainText('1 berkas');
  await expect(page.getByRole('button', { name: 'Kirim Konsep' })).toBeEnabled();
  await act(page, 'Kirim Konsep');
  await expect(page.getByTestId('tahap-sekarang')).toHaveText('Langkah 4: Pemeriksaan PPID Pembantu');

  // The operator cannot approve: no button, and the core refuses the call.
  await expect(page.getByTestId('menunggu')).toContainText('Menunggu PPID Pembantu');
  await expect(page.getByRole('button', { name: /Setujui/ })).toHaveCount(0);
  const refused = await api(host, 'cycles.act', { cycleId, action: 'approve' }, { session: await sessionOf(page) });
  expect(refused.body.ok).toBe(false);
  expect(['FORBIDDEN', 'CONFLICT']).toContain(refused.body.code);
  expect(refused.body.message).toMatch(/peran Anda tidak dapat|tidak tersedia/);
  await logout(page);

  // ---- Step 4: the PPID Pembantu finds one item to fix and returns the Konsep. ----
  await loginAs(page, 'ppid');
  await openWaiting(page);
  await expect(page.getByTestId('jumlah-belum')).toHaveText('12 belum diperiksa');
  await markAll(page, titles, { judul: 'Rekap pengaduan masyarakat', note: 'Retensi harus 10 tahun sesuai JRA.' });
  await expect(page.getByTestId('jumlah-sesuai')).toHaveText('11 sesuai');
  await expect(page.getByTestId('jumlah-perbaikan')).toHaveText('1 perlu perbaikan');
  await expect(page.getByRole('button', { name: 'Setujui, teruskan ke Kepala OPD' })).toBeDisabled();
  await expect(page.getByLabel('Belum dapat dilanjutkan')).toContainText('1 informasi ditandai perlu perbaikan');
  // A return needs a reason.
  await page.getByRole('button', { name: 'Kembalikan ke petugas' }).click();
  const back = page.getByRole('dialog', { name: 'Kembalikan ke petugas' });
  await back.getByRole('button', { name: 'Kembalikan', exact: true }).click();
  await expect(back).toContainText('Tuliskan alasan pengembalian');
  await back.getByLabel('Alasan pengembalian').fill('Retensi rekap pengaduan belum sesuai Jadwal Retensi Arsip.');
  await back.getByRole('button', { name: 'Kembalikan', exact: true }).click();
  await expect(back).toBeHidden();
  await expect(page.getByTestId('tahap-sekarang')).toHaveText('Langkah 3: Pengumpulan & klasifikasi');
  await logout(page);

  // ---- Back at step 3: the operator sees the reasons and the flagged item, fixes it. ----
  await loginAs(page, 'operator');
  await openWaiting(page);
  await expect(page.getByTestId('alasan-pengembalian')).toContainText('Retensi rekap pengaduan belum sesuai Jadwal Retensi Arsip.');
  const flagged = row(page, 'Rekap pengaduan masyarakat');
  await expect(flagged).toHaveAttribute('data-flagged', 'true');
  await expect(flagged.getByTestId('catatan-perbaikan')).toHaveText('Perlu perbaikan: Retensi harus 10 tahun sesuai JRA.');
  await expect(flagged).toHaveClass(/flagged/);
  await flagged.getByRole('button', { name: 'Ubah' }).click();
  await expect(editor).toContainText('Ditandai perlu perbaikan oleh PPID Pembantu');
  await editor.getByLabel('Jangka waktu penyimpanan/retensi').fill('10 tahun');
  await editor.getByRole('button', { name: 'Simpan', exact: true }).click();
  await expect(editor.getByTestId('status-simpan')).toHaveText(/Tersimpan pukul/);
  await editor.getByRole('button', { name: 'Tutup', exact: true }).click();
  await act(page, 'Kirim Konsep');
  await logout(page);

  // ---- Step 4 again: version 2 is judged afresh, but the 11 untouched items keep their
  // "Sesuai" on screen (re-review is tested in re-review.spec.ts); all good, forward. ----
  await loginAs(page, 'ppid');
  await openWaiting(page);
  await expect(page.getByText('Konsep versi 2')).toBeVisible();
  await expect(page.getByTestId('jumlah-tidak-berubah')).toHaveText('11 sesuai, tidak berubah');
  await expect(page.getByTestId('jumlah-belum')).toHaveText('1 belum diperiksa');
  await markAll(page, titles);
  await act(page, 'Setujui, teruskan ke Kepala OPD');
  await expect(page.getByTestId('tahap-sekarang')).toHaveText('Langkah 5: Pemeriksaan Kepala OPD');
  await logout(page);

  // ---- Step 5: the Kepala reads the Draft DIP and the DIK, returns once. ----
  await loginAs(page, 'kepala');
  await openWaiting(page);
  const dip = page.getByRole('table', { name: 'Daftar Informasi Publik' });
  await expect(dip.locator('tr[data-item]')).toHaveCount(10);
  await expect(dip).not.toContainText('Data kesehatan pegawai');
  await page.getByText('Dikecualikan (2)').click();
  const dik = page.getByRole('table', { name: 'Daftar Informasi yang Dikecualikan' });
  await expect(dik.locator('tr[data-item]')).toHaveCount(2);
  await expect(row(page, 'Data kesehatan pegawai')).toContainText('Pasal 17 huruf h angka 2 UU Nomor 14 Tahun 2008');
  await expect(row(page, 'Data kesehatan pegawai')).toContainText('Tidak dibatasi waktu');
  await page.getByText('Perubahan dari DIP sebelumnya').click();
  await expect(page.getByText('Belum ada DIP yang ditandatangani sebelumnya')).toBeVisible();
  await act(page, 'Kembalikan ke PPID Pembantu', 'Ringkasan profil dinas perlu diperiksa ulang.');
  await expect(page.getByTestId('tahap-sekarang')).toHaveText('Langkah 4: Pemeriksaan PPID Pembantu');
  await logout(page);

  await loginAs(page, 'ppid');
  await openWaiting(page);
  await expect(page.getByTestId('alasan-pengembalian')).toContainText('Ringkasan profil dinas perlu diperiksa ulang.');
  // The Kepala's return opens a new round: nothing changed, so one click confirms all 12.
  await page.getByRole('button', { name: 'Tandai semua yang tidak berubah sesuai' }).click();
  await expect(page.getByTestId('jumlah-sesuai')).toHaveText('12 sesuai');
  await act(page, 'Setujui, teruskan ke Kepala OPD');
  await logout(page);

  // ---- Step 5 and 6: sign, then archive the DIK. ----
  await loginAs(page, 'kepala');
  await openWaiting(page);
  // The uji konsekuensi of the exempt items is recorded first, then the Kepala signs with the password.
  await page.getByRole('button', { name: 'Catat uji konsekuensi', exact: true }).click();
  const uji = page.getByRole('dialog', { name: 'Catat uji konsekuensi' });
  await uji.getByRole('button', { name: /^Catat uji konsekuensi \(\d+ peserta\)$/ }).click();
  await expect(uji).toBeHidden();
  await page.getByRole('button', { name: 'Setujui dan tandatangani', exact: true }).click();
  const signing = page.getByRole('dialog', { name: 'Setujui dan tandatangani' });
  await expect(signing.getByRole('table', { name: 'Yang ditandatangani' })).toBeVisible();
  await signing.getByLabel(/Kata sandi Anda/).fill(PASSWORD);
  await signing.getByRole('button', { name: 'Tandatangani' }).click();
  await expect(signing).toBeHidden();
  await expect(page.getByTestId('tahap-sekarang')).toHaveText('Langkah 6: Arsip DIK');
  await expect(page.getByTestId('status-dokumen')).toContainText('Ditandatangani oleh Drs. Agustinus Rangkap, M.Si.');
  await act(page, 'Catat arsip DIK', 'Lemari arsip PPID, map 3');
  const done = page.getByTestId('siklus-selesai');
  await expect(done).toContainText('ditandatangani oleh Drs. Agustinus Rangkap, M.Si.');
  await expect(done).toContainText('Catatan: Lemari arsip PPID, map 3');
  await expect(page.getByTestId('tahap-sekarang')).toHaveText('Selesai');

  // Read-only now; the audit trail keeps who did what, filterable by role.
  await page.getByRole('tab', { name: /Daftar informasi/ }).click();
  await expect(page.getByRole('form', { name: 'Tambah informasi' })).toHaveCount(0);
  await expect(row(page, 'Profil Dinas').getByRole('button', { name: 'Lihat' })).toBeVisible();
  await page.getByRole('tab', { name: 'Riwayat' }).click();
  await chooseOption(page, page.getByRole('combobox', { name: 'Peran', exact: true }), 'Kepala OPD');
  const trail = page.getByRole('table', { name: 'Riwayat siklus' });
  await expect(trail).toContainText('Alasan: Ringkasan profil dinas perlu diperiksa ulang.');
  await expect(trail).toContainText('ditandatangani');
  await expect(trail).toContainText('Uji konsekuensi (Konsep versi 2) dicatat');
  // The Kepala's acts: the return, the uji konsekuensi, the signature, the archive.
  await expect(trail.locator('tbody tr')).toHaveCount(4);

  // The signed DIP prints from the cycle's "Dokumen" menu, and "Kembali" returns here.
  await page.getByRole('button', { name: 'Dokumen' }).click();
  await page.getByRole('menuitem', { name: 'Pratinjau & cetak Daftar Informasi Publik' }).click();
  await expect(page.getByTestId('dip-baris')).toHaveCount(10);
  await page.getByRole('button', { name: 'Kembali' }).click();
  await expect(page.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();

  // Beranda lists it as done.
  await page.getByRole('link', { name: 'Beranda' }).first().click();
  await expect(page.locator(`tr[data-cycle="${TITLE}"]`)).toContainText('Selesai');
});
