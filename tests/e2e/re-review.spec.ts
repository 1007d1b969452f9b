import type { Page } from '@playwright/test';
import { completeItem } from '../unit/workflow-fixtures';
import { api, expect, login, test } from './fixtures';

/**
 * Tracker issue 10, "re-review after a return": the PPID Pembantu returns 2 of 12 items, the
 * operator fixes them on screen and sends version 2. The PPID Pembantu then sees 10 items
 * still "sesuai" (unchanged since version 1) and the 2 fixed ones with their differences, and
 * confirms the 10 with one click.
 */

const PASSWORD = 'contoh-ppid-2026';
const YEAR = 2031;
const TITLE = `DIP ${YEAR}`;
const TITLES = Array.from({ length: 12 }, (_, n) => `Informasi uji ${String(n + 1).padStart(2, '0')}`);
const RETENSI = TITLES[2]!;
const RINGKASAN = TITLES[6]!;

test.use({ actionTimeout: 15_000 });

function row(page: Page, judul: string) {
  return page.locator(`tr[data-item="${judul}"]`);
}

async function loginAs(page: Page, username: string) {
  await login(page, username, PASSWORD);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(/Selamat/);
  const card = page.locator(`[data-waiting="${TITLE}"]`);
  await card.getByRole('button', { name: 'Kerjakan' }).click();
  await expect(page.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
}

async function logout(page: Page) {
  await page.getByRole('button', { name: /^Menu pengguna/ }).click();
  await page.getByRole('menuitem', { name: 'Keluar' }).click();
  await expect(page.getByLabel('Nama pengguna')).toBeVisible();
}

test('version 2 keeps the unchanged "sesuai", shows what changed, and confirms the rest in one click', async ({ page, host }) => {
  test.setTimeout(180_000);
  expect((await api(host, 'setup.loadDemo')).body.ok).toBe(true);
  const session: Record<string, string> = {};
  for (const u of ['operator', 'ppid']) {
    const r = await api(host, 'auth.login', { username: u, password: PASSWORD });
    session[u] = (r.body.data as { sessionToken: string }).sessionToken;
  }
  const must = async (who: string, name: string, input: unknown) => {
    const r = await api(host, name, input, { session: session[who] });
    expect(r.body.ok, `${name}: ${r.body.message}`).toBe(true);
    return r.body.data as { id: string; items: { id: string; fields: { judul: string } }[] };
  };

  // Arranged through the contract: version 1 sent, judged (2 flagged), returned.
  const { id } = await must('operator', 'cycles.create', { title: TITLE, year: YEAR });
  await must('operator', 'cycles.addItems', { cycleId: id, items: TITLES.map((t) => completeItem(t, 'Sekretariat', 'setiap_saat')) });
  await must('operator', 'cycles.act', { cycleId: id, action: 'report' });
  await must('ppid', 'cycles.act', { cycleId: id, action: 'issueNotaDinas' });
  const v1 = await must('operator', 'cycles.act', { cycleId: id, action: 'submitKonsep' });
  for (const item of v1.items) {
    const note = item.fields.judul === RETENSI ? 'Retensi harus 10 tahun sesuai JRA.' : item.fields.judul === RINGKASAN ? 'Ringkasan terlalu umum.' : '';
    await must('ppid', 'cycles.markReview', { cycleId: id, itemId: item.id, verdict: note ? 'perlu_perbaikan' : 'sesuai', note });
  }
  await must('ppid', 'cycles.act', { cycleId: id, action: 'return', reasons: 'Dua informasi perlu diperbaiki.' });

  // ---- The operator fixes both on screen; each row says so once changed. ----
  await page.goto(host.url);
  await loginAs(page, 'operator');
  const retensi = row(page, RETENSI);
  await expect(retensi.getByTestId('catatan-perbaikan')).toHaveText('Perlu perbaikan: Retensi harus 10 tahun sesuai JRA.');
  const editor = page.getByRole('dialog');
  await retensi.getByRole('button', { name: 'Ubah' }).click();
  await editor.getByLabel('Jangka waktu penyimpanan/retensi').fill('10 tahun');
  await editor.getByRole('button', { name: 'Simpan', exact: true }).click();
  await expect(editor.getByTestId('status-simpan')).toHaveText(/Tersimpan pukul/);
  await editor.getByRole('button', { name: 'Tutup', exact: true }).click();
  await expect(retensi.getByTestId('catatan-perbaikan')).toHaveText(
    'Sudah diperbaiki, menunggu pemeriksaan (catatan: Retensi harus 10 tahun sesuai JRA.)',
  );
  await expect(row(page, RINGKASAN).getByTestId('catatan-perbaikan')).toHaveText('Perlu perbaikan: Ringkasan terlalu umum.');

  // Sending with one flagged item untouched warns first; the operator goes back and fixes it.
  await page.getByRole('button', { name: 'Kirim Konsep', exact: true }).first().click();
  const send = page.getByRole('dialog', { name: 'Kirim Konsep' });
  await expect(send.getByTestId('peringatan-tindakan')).toContainText(`1 informasi yang ditandai perlu perbaikan belum diubah: "${RINGKASAN}"`);
  await send.getByRole('button', { name: 'Batal' }).click();
  await expect(send).toBeHidden();
  await row(page, RINGKASAN).getByRole('button', { name: 'Ubah' }).click();
  await editor.getByLabel('Ringkasan isi informasi').fill('Ringkasan lengkap: tujuan, isi pokok dan tahun terbit.');
  await editor.getByRole('button', { name: 'Simpan', exact: true }).click();
  await expect(editor.getByTestId('status-simpan')).toHaveText(/Tersimpan pukul/);
  await editor.getByRole('button', { name: 'Tutup', exact: true }).click();
  await expect(row(page, RINGKASAN).getByTestId('catatan-perbaikan')).toHaveText(/^Sudah diperbaiki, menunggu pemeriksaan/);

  await page.getByRole('button', { name: 'Kirim Konsep', exact: true }).first().click();
  await expect(send.getByTestId('peringatan-tindakan')).toHaveCount(0);
  await send.getByRole('button', { name: 'Kirim Konsep', exact: true }).click();
  await expect(send).toBeHidden();
  await expect(page.getByTestId('tahap-sekarang')).toHaveText('Langkah 4: Pemeriksaan PPID Pembantu');
  await logout(page);

  // ---- Version 2 at step 4: 10 kept, 2 with their differences. ----
  await loginAs(page, 'ppid');
  await page.getByRole('tab', { name: /^Pemeriksaan/ }).click();
  await expect(page.getByText('Konsep versi 2')).toBeVisible();
  await expect(page.getByTestId('jumlah-tidak-berubah')).toHaveText('10 sesuai, tidak berubah');
  await expect(page.getByTestId('jumlah-belum')).toHaveText('2 belum diperiksa');
  await expect(page.getByTestId('jumlah-berubah')).toHaveText('2 berubah');
  for (const t of TITLES.filter((x) => x !== RETENSI && x !== RINGKASAN)) {
    await expect(row(page, t).getByTestId('status-pemeriksaan')).toHaveText('sesuai, tidak berubah sejak versi 1');
    await expect(row(page, t).getByTestId('perubahan')).toHaveCount(0);
  }
  const diff = row(page, RETENSI).getByTestId('perubahan');
  await expect(diff).toContainText('Berubah sejak versi 1 (ditandai perlu perbaikan: Retensi harus 10 tahun sesuai JRA.)');
  await expect(diff.locator('tbody tr')).toHaveCount(1);
  await expect(diff.locator('tr[data-field="retensi"]')).toHaveText(/Retensi\s*5 tahun\s*10 tahun/);
  await expect(row(page, RINGKASAN).getByTestId('perubahan').locator('tr[data-field="ringkasan"]')).toContainText('Ringkasan isi');
  await expect(row(page, RINGKASAN).getByTestId('status-pemeriksaan')).toHaveText('berubah sejak versi 1: periksa lagi');
  await expect(page.getByRole('button', { name: 'Setujui, teruskan ke Kepala OPD' })).toBeDisabled();
  await page.screenshot({ path: 'test-results/re-review-tab.png', fullPage: false });
  await row(page, RETENSI).scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/re-review-changed.png', fullPage: false });

  // One click: the 10 unchanged items become this version's "Sesuai".
  await page.getByRole('button', { name: 'Tandai semua yang tidak berubah sesuai' }).click();
  await expect(page.getByTestId('jumlah-sesuai')).toHaveText('10 sesuai');
  await expect(page.getByTestId('jumlah-belum')).toHaveText('2 belum diperiksa');
  await expect(page.getByTestId('jumlah-tidak-berubah')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Tandai semua yang tidak berubah sesuai' })).toHaveCount(0);
  await expect(row(page, TITLES[0]!).getByRole('button', { name: 'Sesuai', exact: true })).toHaveAttribute('aria-pressed', 'true');

  // The two changed items are judged one by one; then the Draft can go up.
  for (const t of [RETENSI, RINGKASAN]) {
    await row(page, t).getByRole('button', { name: 'Sesuai', exact: true }).click();
    await expect(row(page, t).getByRole('button', { name: 'Sesuai', exact: true })).toHaveAttribute('aria-pressed', 'true');
  }
  await expect(page.getByTestId('jumlah-sesuai')).toHaveText('12 sesuai');
  await expect(page.getByRole('button', { name: 'Setujui, teruskan ke Kepala OPD' })).toBeEnabled();
});
