import { dayKey } from '../../electron/core/domain/calendar';
import { expect, test } from './fixtures';
import { cycleAtStep4, demoOfficePair, loginAs, must, session, trustLaptop } from './two-hosts';

/**
 * Two laptops of one office, each a loopback host on its own data folder: the PPID Pembantu
 * forwards the Draft on hers, and the app offers at once to send it to the Kepala, whose
 * laptop is another; the file downloads, and on the Kepala's laptop it is received through
 * the screens — file chooser, preview with the sender's key, trust, applied — and the cycle is
 * there at step 5. Two clicks each side.
 */

const TITLE = 'DIP 2031';

test.use({ actionTimeout: 15_000 });

test('a Draft goes from the PPID Pembantu’s laptop to the Kepala’s as a file, previewed and trusted before it is applied', async ({ laptops, browser }, testInfo) => {
  test.setTimeout(180_000);
  const [office, kepala] = laptops;
  const [officeAdmin, kepalaAdmin] = await demoOfficePair(office, kepala, ['Laptop PPID Pembantu', 'Laptop Kepala Dinas']);
  // The office laptop knows the Kepala works on the other laptop (as joining the office tells it).
  await trustLaptop(office, officeAdmin, kepala, kepalaAdmin, 'Laptop Kepala Dinas', ['kepala_opd']);
  const sender = await must<{ fingerprint: string }>(office, 'devices.self', {}, officeAdmin);

  // Steps 1–4 on the office laptop, through the API: the screens for them are tested elsewhere.
  const operator = await session(office, 'operator');
  const { id, items } = await cycleAtStep4(office, TITLE, 2031, operator, officeAdmin);
  for (const i of items) await must(office, 'cycles.markReview', { cycleId: id, itemId: i.id, verdict: 'sesuai' }, officeAdmin);

  // ---- Sending: the hand-off, then "Kirim ke Kepala OPD" → "Simpan". ----
  const senderContext = await browser.newContext({ acceptDownloads: true });
  const a = await senderContext.newPage();
  await loginAs(a, office, 'ppid');
  await a.locator(`[data-waiting="${TITLE}"]`).getByRole('button', { name: 'Kerjakan' }).click();
  await expect(a.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
  await a.getByRole('button', { name: 'Setujui, teruskan ke Kepala OPD' }).first().click();
  await a.getByRole('dialog', { name: 'Setujui, teruskan ke Kepala OPD' }).getByRole('button', { name: 'Setujui, teruskan ke Kepala OPD' }).click();
  const offer = a.getByTestId('tawaran-kirim');
  await expect(offer).toContainText('Kirim ke Kepala OPD sekarang?');
  await offer.getByRole('button', { name: 'Kirim ke Kepala OPD' }).click();
  const send = a.getByRole('dialog', { name: 'Kirim paket' });
  const fileName = `DIP-2031_langkah-5_untuk-Kepala-OPD_${dayKey(Date.now(), 'Asia/Jakarta')}.ppid`;
  await expect(send.getByTestId('nama-berkas-paket')).toHaveText(fileName);
  const [download] = await Promise.all([a.waitForEvent('download'), send.getByRole('button', { name: 'Simpan' }).click()]);
  expect(download.suggestedFilename()).toBe(fileName);
  const file = testInfo.outputPath(fileName);
  await download.saveAs(file);
  await expect(send.getByTestId('paket-disimpan')).toContainText('Kirim berkas ini lewat flashdisk atau WhatsApp kepada Kepala OPD.');
  await senderContext.close();

  // ---- Receiving on the Kepala's laptop: "Terima paket" → (file) → "Terapkan". ----
  const receiverContext = await browser.newContext();
  const b = await receiverContext.newPage();
  await loginAs(b, kepala, 'ppid');
  const [chooser] = await Promise.all([b.waitForEvent('filechooser'), b.getByRole('button', { name: 'Terima paket' }).click()]);
  await chooser.setFiles(file);
  const receive = b.getByRole('dialog', { name: 'Terima paket' });
  await expect(receive).toContainText('Paket dari Laptop PPID Pembantu, ditujukan kepada Kepala OPD.');
  const signer = receive.locator('[data-signer="Laptop PPID Pembantu"]');
  // The digits the PPID Pembantu reads aloud from her Pengaturan › Perangkat.
  await expect(signer.getByTestId('kode-kunci')).toHaveText(sender.fingerprint);
  await expect(signer).toContainText('Baru: belum dipercaya');
  const cycle = receive.locator(`[data-cycle-preview="${TITLE}"]`);
  await expect(cycle).toContainText('Siklus baru');
  await expect(cycle.getByTestId('perpindahan')).toHaveText(`${TITLE}: Langkah 5`);
  // Previewed, not written.
  expect((await must<{ cycles: unknown[] }>(kepala, 'cycles.list', {}, kepalaAdmin)).cycles).toEqual([]);

  await signer.getByLabel(/Saya sudah mencocokkan kode kunci ini/).check();
  await expect(signer.getByRole('checkbox', { name: 'Operator OPD' })).toBeChecked();
  await expect(signer.getByRole('checkbox', { name: 'PPID Pembantu' })).toBeChecked();
  await receive.getByRole('button', { name: 'Terapkan' }).click();
  await expect(receive.getByTestId('paket-diterapkan')).toContainText('Kini dipercaya: Laptop PPID Pembantu.');
  await receive.getByRole('button', { name: 'Buka siklus' }).click();
  await expect(b.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
  await expect(b.getByTestId('tahap-sekarang')).toHaveText('Langkah 5: Pemeriksaan Kepala OPD');

  await b.getByRole('link', { name: 'Paket' }).click();
  const row = b.getByRole('table', { name: 'Riwayat paket' }).locator(`[data-package="${fileName}"]`);
  await expect(row).toContainText('Diterima');
  await expect(row).toContainText('dari Laptop PPID Pembantu');
  await receiverContext.close();
});
