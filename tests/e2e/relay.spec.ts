import type { Locator, Page } from '@playwright/test';
import { TEST_RELAY_ENV } from '../../electron/host/test-relay';
import { setUpRelay, startCouchServer, type CouchServer } from '../fixtures/couch-server';
import { completeItem } from '../unit/workflow-fixtures';
import { api, expect, test } from './fixtures';
import type { HostProcess } from './host';
import { cycleAtStep4, loginAs, must, session } from './two-hosts';

/**
 * Issue 14, "two hosts and the local CouchDB-protocol server run a cycle end to end": the PPID
 * Pembantu's laptop and the Kepala's laptop of one office (the second joined from the first's
 * office package), and a relay database on pouchdb-server set up as docs/relay.md tells a
 * regency's IT staff. On each laptop an administrator sets the relay in Pengaturan; from then
 * on no package file moves. The Draft goes up, the Kepala returns it once, the PPID Pembantu
 * approves again while the server is down (the top bar says the laptop works offline, and it
 * catches up by itself once the server is back), and the Kepala signs; the PPID Pembantu's
 * laptop shows the cycle signed.
 *
 * Rounds run on start, on a settings change and on "Sinkronkan sekarang" (the regular round is
 * set to ten minutes here, so what the top bar says between rounds is known); a failed round is
 * retried after 1–2 s instead of 5 s doubling, so catching up after the restart takes seconds.
 * The top bar asks where the relay stands every 30 s: its waits are that long and more.
 */

const OFFICE_PASSWORD_B = 'sandi-laptop-kepala-2026';
const TITLE = 'DIP 2031';
const ITEMS = [
  completeItem('Profil Dinas', 'Sekretariat', 'setiap_saat'),
  completeItem('Rencana Strategis', 'Sekretariat', 'berkala'),
  completeItem('Pengumuman gangguan layanan jaringan', 'Bidang Informasi dan Komunikasi Publik', 'serta_merta'),
];
const DATABASE = 'ppid-kapuashulu-diskominfotik';
const ROLE = 'kantor-diskominfotik';
const RELAY_USERS = {
  ppid: { name: 'diskominfotik-laptop-ppid', password: 'relay-laptop-ppid-2026' },
  kepala: { name: 'diskominfotik-laptop-kepala', password: 'relay-laptop-kepala-2026' },
};
const KEPALA = 'Drs. Agustinus Rangkap, M.Si.';
const REASON = 'Ringkasan Rencana Strategis perlu dicocokkan dengan dokumen Renstra.';
const SHOTS = 'test-results/relay';
/** The top bar asks every 30 s (every 2 s while a round runs); a busy CI adds to it. */
const TOP_BAR = { timeout: 75_000 };
/** "Tersinkron baru saja", or a minute later on a slow machine: either way after what came before it. */
const SYNCED = /^Tersinkron (baru saja|\d menit lalu)$/;

const topBar = (page: Page) => page.getByTestId('status-relay');

/** The password box's label: marked required (" *") until a password is stored. */
const PASSWORD_LABEL = /^Kata sandi( \*)?$/;

/** Pengaturan › Perangkat › Server relay, filled and saved by the laptop's administrator. */
async function setRelay(page: Page, couch: CouchServer, user: { name: string; password: string }): Promise<Locator> {
  await page.getByRole('navigation', { name: 'Navigasi utama' }).getByRole('link', { name: 'Pengaturan' }).click();
  await page.getByRole('tab', { name: 'Perangkat' }).click();
  const section = page.getByTestId('server-relay');
  await section.scrollIntoViewIfNeeded();
  await section.getByRole('textbox', { name: 'Alamat server' }).fill(couch.url);
  await section.getByRole('textbox', { name: 'Basis data' }).fill(DATABASE);
  await section.getByRole('textbox', { name: 'Nama pengguna laptop ini' }).fill(user.name);
  await section.getByLabel(PASSWORD_LABEL).fill(user.password);
  await expect(section.getByRole('switch', { name: 'Sinkronkan lewat server relay' })).toBeChecked();
  await section.getByRole('button', { name: 'Simpan server relay' }).click();
  await expect(page.getByText('Server relay disimpan')).toBeVisible();
  await expect(section.getByLabel(PASSWORD_LABEL)).toHaveAttribute('placeholder', 'Tersimpan — kosongkan bila tidak diganti');
  return section;
}

/**
 * "Sinkronkan sekarang" from the top bar until what it brought is shown: the screens do not
 * redraw when a round brings acts, so the page is opened again after each round asked for.
 */
async function syncUntil(page: Page, shown: () => Promise<void>) {
  await expect(async () => {
    await Promise.all([page.waitForResponse((r) => r.url().endsWith('/api/relay.syncNow')), topBar(page).click()]);
    await page.reload();
    await shown();
  }).toPass({ timeout: 90_000, intervals: [1_000, 2_000, 5_000] });
}

async function openWaiting(page: Page) {
  await page.locator(`[data-waiting="${TITLE}"]`).getByRole('button', { name: 'Kerjakan' }).click();
  await expect(page.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
}

/** An action in the cycle's header, confirmed in its dialog (with the reasons when asked). */
async function act(page: Page, label: string, reasons?: string) {
  await page.getByRole('button', { name: label, exact: true }).first().click();
  const dialog = page.getByRole('dialog', { name: label });
  if (reasons !== undefined) await dialog.getByRole('textbox').fill(reasons);
  await dialog.getByRole('button', { name: label.startsWith('Kembalikan') ? 'Kembalikan' : label, exact: true }).click();
  await expect(dialog).toBeHidden();
}

/** The Kepala's laptop joins the office from the PPID Pembantu laptop's office package, with its own accounts. */
async function joinFrom(office: HostProcess, officeAdmin: string, kepala: HostProcess) {
  const pkg = await must<{ fileName: string; base64: string }>(office, 'office.exportPackage', {}, officeAdmin);
  const accounts = [
    { personId: 'demo-kepala', username: 'agustinus', role: 'kepala_opd', isAdmin: true, password: OFFICE_PASSWORD_B },
    { personId: 'demo-ketua', username: 'yuliana', role: 'ppid_pembantu', isAdmin: false, password: OFFICE_PASSWORD_B },
    { personId: 'demo-operator-1', username: 'rizky', role: 'operator', isAdmin: false, password: OFFICE_PASSWORD_B },
  ];
  const joined = await api(kepala, 'setup.join', { base64: pkg.base64, fileName: pkg.fileName, accounts });
  expect(joined.body.ok, joined.body.message).toBe(true);
}

test.use({ actionTimeout: 15_000 });

test('two laptops of one office run a cycle through the relay only: returned once, approved offline, signed', async ({ laptops, browser }) => {
  test.setTimeout(600_000);
  const [office, kepala] = laptops;
  for (const h of laptops) h.env[TEST_RELAY_ENV] = JSON.stringify({ intervalMs: 600_000, firstRetryMs: 1_000, maxRetryMs: 2_000 });
  // On disk, so that the restart below finds the database, its users and its acts again.
  const couch = await startCouchServer({ persistent: true });
  try {
    await setUpRelay(couch, DATABASE, [RELAY_USERS.ppid, RELAY_USERS.kepala], ROLE);

    // ---- The office: the PPID Pembantu's laptop; the Kepala's joins from its office package. ----
    await office.start();
    expect((await api(office, 'setup.loadDemo')).body.ok).toBe(true);
    const officeAdmin = await session(office, 'ppid');
    await must(office, 'devices.renameSelf', { name: 'Laptop PPID Pembantu' }, officeAdmin);
    await kepala.start();
    await joinFrom(office, officeAdmin, kepala);
    const kepalaAdmin = await session(kepala, 'agustinus', OFFICE_PASSWORD_B);
    await must(kepala, 'devices.renameSelf', { name: 'Laptop Kepala Dinas' }, kepalaAdmin);
    // Joining made the Kepala's laptop trust the office's; the other way is done below, from the Kepala laptop's card on the relay.
    const kepalaSelf = await must<{ fingerprint: string }>(kepala, 'devices.self', {}, kepalaAdmin);

    // ---- Each laptop's administrator sets the relay in Pengaturan. ----
    const aContext = await browser.newContext();
    const a = await aContext.newPage();
    await loginAs(a, office, 'ppid');
    await expect(topBar(a)).toHaveCount(0);
    const sectionA = await setRelay(a, couch, RELAY_USERS.ppid);
    const bContext = await browser.newContext();
    const b = await bContext.newPage();
    await loginAs(b, kepala, 'agustinus', OFFICE_PASSWORD_B);
    await setRelay(b, couch, RELAY_USERS.kepala);
    await Promise.all([expect(topBar(a)).toHaveText(SYNCED, TOP_BAR), expect(topBar(b)).toHaveText(SYNCED, TOP_BAR)]);
    await expect(sectionA.getByText(SYNCED)).toBeVisible();

    // ---- The office laptop meets the Kepala's only on the relay: its card, its code read over the phone, trusted. ----
    const waiting = sectionA.getByTestId('relay-waiting-device');
    await expect(async () => {
      await sectionA.getByRole('button', { name: 'Sinkronkan sekarang' }).click();
      await expect(waiting.filter({ hasText: 'Laptop Kepala Dinas' })).toBeVisible({ timeout: 3_000 });
    }).toPass({ timeout: 90_000, intervals: [1_000, 2_000, 5_000] });
    const card = waiting.filter({ hasText: 'Laptop Kepala Dinas' });
    await expect(card.getByText('Kantor ini')).toBeVisible();
    // The code the Kepala reads from his own Pengaturan › Perangkat is the one shown here.
    await expect(card).toContainText(kepalaSelf.fingerprint);
    await card.scrollIntoViewIfNeeded();
    await a.screenshot({ path: `${SHOTS}/1b-laptop-menunggu-dipercaya.png` });
    await card.getByRole('checkbox', { name: 'Kepala OPD' }).check();
    await card.getByRole('button', { name: 'Percayai Laptop Kepala Dinas' }).click();
    await expect(a.getByText('Laptop "Laptop Kepala Dinas" dipercaya')).toBeVisible();
    await expect(waiting.filter({ hasText: 'Laptop Kepala Dinas' })).toHaveCount(0);
    await expect(sectionA.getByRole('table', { name: 'Tindakan dari relay yang ditahan' })).toHaveCount(0);
    await a.screenshot({ path: `${SHOTS}/1-pengaturan-relay.png` });

    // ---- Steps 1–3 on the office laptop (their screens are tested in cycle.spec.ts), then the PPID Pembantu's review on screen. ----
    const operator = await session(office, 'operator');
    const { id } = await cycleAtStep4(office, TITLE, 2031, operator, officeAdmin, ITEMS);
    await a.getByRole('navigation', { name: 'Navigasi utama' }).getByRole('link', { name: 'Beranda' }).click();
    await openWaiting(a);
    for (const item of ITEMS) {
      const sesuai = a.locator(`tr[data-item="${item.judul}"]`).getByRole('button', { name: 'Sesuai', exact: true });
      await sesuai.click();
      await expect(sesuai).toHaveAttribute('aria-pressed', 'true');
    }
    await act(a, 'Setujui, teruskan ke Kepala OPD');
    await expect(a.getByTestId('tahap-sekarang')).toHaveText('Langkah 5: Pemeriksaan Kepala OPD');
    await a.screenshot({ path: `${SHOTS}/2a-siklus-setelah-disetujui.png` });
    // Nothing has gone yet: the next regular round is minutes away.
    await expect(topBar(a)).toHaveText(/^\d+ tindakan menunggu dikirim$/, TOP_BAR);
    await a.locator('header').screenshot({ path: `${SHOTS}/2-bilah-atas-menunggu.png` });
    await topBar(a).click();
    await expect(topBar(a)).toHaveText(SYNCED, TOP_BAR);
    await a.locator('header').screenshot({ path: `${SHOTS}/3-bilah-atas-tersinkron.png` });

    // ---- The Kepala's laptop: "Sinkronkan sekarang", the Draft is there; he returns it once. ----
    await b.getByRole('navigation', { name: 'Navigasi utama' }).getByRole('link', { name: 'Beranda' }).click();
    await syncUntil(b, () => expect(b.locator(`[data-waiting="${TITLE}"]`)).toBeVisible({ timeout: 3_000 }));
    await openWaiting(b);
    await expect(b.getByTestId('tahap-sekarang')).toHaveText('Langkah 5: Pemeriksaan Kepala OPD');
    await expect(b.getByRole('table', { name: 'Daftar Informasi Publik' }).locator('tr[data-item]')).toHaveCount(ITEMS.length);
    await act(b, 'Kembalikan ke PPID Pembantu', REASON);
    await expect(b.getByTestId('tahap-sekarang')).toHaveText('Langkah 4: Pemeriksaan PPID Pembantu');
    await expect(topBar(b)).toHaveText('1 tindakan menunggu dikirim', TOP_BAR);
    await topBar(b).click();
    await expect(topBar(b)).toHaveText(SYNCED, TOP_BAR);

    // ---- Back on the office laptop: the return arrives; then the server goes down. ----
    await a.getByRole('navigation', { name: 'Navigasi utama' }).getByRole('link', { name: 'Beranda' }).click();
    await syncUntil(a, () => expect(a.locator(`[data-waiting="${TITLE}"]`)).toBeVisible({ timeout: 3_000 }));
    await openWaiting(a);
    await expect(a.getByTestId('alasan-pengembalian')).toContainText(REASON);

    await couch.kill();
    await topBar(a).click();
    await expect(topBar(a)).toHaveText(/^Tidak terhubung — bekerja luring/, TOP_BAR);
    // Work goes on: the Kepala's return opened a new round of review; nothing changed, one click confirms all.
    await a.getByRole('button', { name: 'Tandai semua yang tidak berubah sesuai' }).click();
    await expect(a.getByTestId('jumlah-sesuai')).toHaveText(`${ITEMS.length} sesuai`);
    await act(a, 'Setujui, teruskan ke Kepala OPD');
    await expect(a.getByTestId('tahap-sekarang')).toHaveText('Langkah 5: Pemeriksaan Kepala OPD');
    // Offline, the top bar still says what waits for the connection.
    await expect(topBar(a)).toHaveText(/^Tidak terhubung — bekerja luring · \d+ tindakan menunggu dikirim$/, TOP_BAR);
    await a.locator('header').screenshot({ path: `${SHOTS}/4-bilah-atas-luring.png` });
    await a.getByRole('navigation', { name: 'Navigasi utama' }).getByRole('link', { name: 'Pengaturan' }).click();
    await a.getByRole('tab', { name: 'Perangkat' }).click();
    await sectionA.scrollIntoViewIfNeeded();
    await expect(sectionA).toContainText(/\d+ tindakan menunggu dikirim/);
    await expect(sectionA.getByRole('status')).toContainText('Server relay tidak dapat dihubungi.');
    await a.screenshot({ path: `${SHOTS}/5-pengaturan-relay-luring.png` });

    // ---- The server is back: the laptop catches up by itself (its retry), nobody clicks. ----
    await couch.restart();
    await expect(topBar(a)).toHaveText(SYNCED, TOP_BAR);

    // ---- The Kepala signs with his password. ----
    await b.getByRole('navigation', { name: 'Navigasi utama' }).getByRole('link', { name: 'Beranda' }).click();
    await syncUntil(b, () => expect(b.locator(`[data-waiting="${TITLE}"]`)).toBeVisible({ timeout: 3_000 }));
    await openWaiting(b);
    await expect(b.getByTestId('tahap-sekarang')).toHaveText('Langkah 5: Pemeriksaan Kepala OPD');
    await b.getByRole('button', { name: 'Setujui dan tandatangani', exact: true }).click();
    const signing = b.getByRole('dialog', { name: 'Setujui dan tandatangani' });
    await expect(signing.getByRole('table', { name: 'Yang ditandatangani' })).toBeVisible();
    await signing.getByLabel(/Kata sandi Anda/).fill(OFFICE_PASSWORD_B);
    await signing.getByRole('button', { name: 'Tandatangani' }).click();
    await expect(signing).toBeHidden();
    await expect(b.getByTestId('tahap-sekarang')).toHaveText('Langkah 6: Arsip DIK');
    await expect(topBar(b)).toHaveText(/^\d+ tindakan menunggu dikirim$/, TOP_BAR);
    await topBar(b).click();
    await expect(topBar(b)).toHaveText(SYNCED, TOP_BAR);
    await bContext.close();

    // ---- The office laptop shows the cycle signed, each of the Kepala's acts once. ----
    await a.evaluate((cycleId) => (window.location.hash = `#/siklus/${cycleId}`), id);
    await expect(a.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
    await syncUntil(a, () => expect(a.getByTestId('tahap-sekarang')).toHaveText('Langkah 6: Arsip DIK', { timeout: 3_000 }));
    await expect(a.getByTestId('status-dokumen')).toContainText(`Ditandatangani oleh ${KEPALA}`);
    await a.getByRole('tab', { name: 'Riwayat' }).click();
    await a.getByRole('combobox', { name: 'Peran', exact: true }).click();
    await a.getByRole('option', { name: 'Kepala OPD', exact: true }).click();
    const trail = a.getByRole('table', { name: 'Riwayat siklus' });
    await expect(trail).toContainText(`Alasan: ${REASON}`);
    await expect(trail).toContainText('ditandatangani');
    // The return and the signature: each once, though both went through the relay and back.
    await expect(trail.locator('tbody tr')).toHaveCount(2);
    await aContext.close();
  } finally {
    await couch.stop();
  }
});
