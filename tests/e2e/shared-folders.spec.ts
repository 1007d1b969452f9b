import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { dayKey } from '../../electron/core/domain/calendar';
import { expect, test } from './fixtures';
import { cycleAtStep4, demoOfficePair, loginAs, must, session, trustLaptop } from './two-hosts';

/**
 * Two laptops of one office, each a loopback host on its own data folder, sharing nothing but
 * a folder (as a network drive or Syncthing would): the operator's laptop puts every package
 * it sends in it, the PPID Pembantu's laptop watches it. The operator sends the Konsep; on the
 * other laptop it is applied with nobody clicking "Terima paket", and the top bar says so. With
 * "terapkan otomatis" off, the next package waits on Beranda and is applied from there.
 */

const SHOTS = 'test-results/shared-folders';

test.use({ actionTimeout: 15_000 });

test('a package sent on one laptop is applied on the other through a shared folder, with no clicks; one that needs a person waits on Beranda', async ({ laptops, browser }) => {
  test.setTimeout(240_000);
  const [opLaptop, ppidLaptop] = laptops;
  const shared = await fs.mkdtemp(path.join(os.tmpdir(), 'ppid-e2e-folder-bersama-'));
  try {
    const [opAdmin, ppidAdmin] = await demoOfficePair(opLaptop, ppidLaptop, ['Laptop Operator', 'Laptop PPID Pembantu']);
    // The PPID laptop trusts the operator's (the code compared by phone, Pengaturan › Perangkat).
    await trustLaptop(ppidLaptop, ppidAdmin, opLaptop, opAdmin, 'Laptop Operator', ['operator', 'ppid_pembantu']);
    await must(ppidLaptop, 'sharedFolders.set', { outbox: null, inbox: shared, autoApply: true }, ppidAdmin);

    // ---- The operator laptop's administrator sets the outbox in Pengaturan. ----
    const adminContext = await browser.newContext();
    const admin = await adminContext.newPage();
    await loginAs(admin, opLaptop, 'ppid');
    await admin.getByRole('link', { name: 'Pengaturan' }).click();
    await admin.getByRole('tab', { name: 'Perangkat' }).click();
    const section = admin.getByTestId('folder-bersama');
    await section.getByRole('textbox', { name: 'Folder keluar' }).fill('paket');
    await section.getByRole('button', { name: 'Simpan folder bersama' }).click();
    await expect(section.getByText('Folder keluar: tulis alamat folder lengkap')).toBeVisible();
    await section.getByRole('textbox', { name: 'Folder keluar' }).fill(shared);
    await section.getByRole('button', { name: 'Simpan folder bersama' }).click();
    await expect(admin.getByText('Folder bersama diatur')).toBeVisible();
    await expect(admin.getByTestId('status-folder-bersama')).toContainText('Folder bersama aktif');
    await section.scrollIntoViewIfNeeded();
    await admin.screenshot({ path: `${SHOTS}/1-pengaturan-folder-bersama.png` });
    await adminContext.close();

    // ---- The PPID Pembantu is at her Beranda on her laptop. ----
    const ppidContext = await browser.newContext();
    const b = await ppidContext.newPage();
    await loginAs(b, ppidLaptop, 'ppid');
    await expect(b.getByTestId('status-folder-bersama')).toContainText('Folder bersama aktif');

    // ---- The operator sends the Konsep from the cycle's page: "Kirim paket" → "Simpan". ----
    const operator = await session(opLaptop, 'operator');
    const { id } = await cycleAtStep4(opLaptop, 'DIP 2031', 2031, operator, opAdmin);
    const opContext = await browser.newContext({ acceptDownloads: true });
    const a = await opContext.newPage();
    await loginAs(a, opLaptop, 'operator');
    await a.evaluate((cycleId) => (window.location.hash = `#/siklus/${cycleId}`), id);
    await expect(a.getByRole('heading', { level: 1, name: 'DIP 2031' })).toBeVisible();
    await a.getByRole('button', { name: 'Kirim paket' }).click();
    const send = a.getByRole('dialog', { name: 'Kirim paket' });
    const fileName = `DIP-2031_langkah-4_untuk-PPID-Pembantu_${dayKey(Date.now(), 'Asia/Jakarta')}.ppid`;
    await expect(send.getByTestId('nama-berkas-paket')).toHaveText(fileName);
    await Promise.all([a.waitForEvent('download'), send.getByRole('button', { name: 'Simpan' }).click()]);
    await expect(send.getByTestId('paket-folder-keluar')).toContainText(shared);
    await opContext.close();
    expect(await fs.readdir(shared)).toEqual([fileName.replace('.ppid', '_Laptop-Operator-1.ppid')]);

    // ---- On the PPID laptop: applied on arrival; nobody clicked anything. ----
    await expect(b.getByTestId('status-folder-bersama')).toContainText(/Folder bersama: 1 paket diterapkan otomatis · \d\d\.\d\d/, { timeout: 30_000 });
    const row = b.locator('[data-waiting="DIP 2031"]');
    await expect(row).toBeVisible();
    await row.getByRole('button', { name: 'Kerjakan' }).click();
    await expect(b.getByRole('heading', { level: 1, name: 'DIP 2031' })).toBeVisible();
    await expect(b.getByTestId('tahap-sekarang')).toContainText('Langkah 4');
    await b.getByRole('link', { name: 'Paket' }).click();
    const history = b.getByRole('table', { name: 'Riwayat paket' }).locator('[data-direction="terima"]');
    await expect(history).toContainText('dari Laptop Operator');
    await expect(history).toContainText('diterapkan otomatis');

    // ---- "Terapkan otomatis" off: the next package waits on Beranda for her. ----
    await must(ppidLaptop, 'sharedFolders.set', { outbox: null, inbox: shared, autoApply: false }, ppidAdmin);
    const { id: second } = await cycleAtStep4(opLaptop, 'DIP 2032', 2032, operator, opAdmin);
    await must(opLaptop, 'sync.export', { cycleIds: [second], to: 'ppid_pembantu' }, operator);
    await b.getByRole('link', { name: 'Beranda' }).click();
    const card = b.getByTestId('paket-menunggu');
    await expect(card).toContainText('Paket 2 dari Laptop Operator', { timeout: 30_000 });
    await expect(card).toContainText('DIP 2032: Langkah 4');
    await expect(b.getByTestId('status-folder-bersama')).toContainText('Folder bersama: 1 paket menunggu keputusan');
    expect((await must<{ cycles: { id: string }[] }>(ppidLaptop, 'cycles.list', {}, ppidAdmin)).cycles.map((c) => c.id)).not.toContain(second);
    await b.screenshot({ path: `${SHOTS}/2-beranda-paket-menunggu.png` });
    await card.getByRole('button', { name: 'Periksa dan terima' }).click();
    const receive = b.getByRole('dialog', { name: 'Terima paket' });
    await expect(receive).toContainText('Paket dari Laptop Operator');
    await receive.getByRole('button', { name: 'Terapkan' }).click();
    await expect(receive.getByTestId('paket-diterapkan')).toBeVisible();
    await receive.getByRole('button', { name: 'Tutup', exact: true }).click();
    await expect(card).toBeHidden();
    await expect(b.locator('[data-waiting="DIP 2032"]')).toBeVisible();
    await ppidContext.close();

    // The shared folder holds what the operator's laptop put there, untouched.
    expect((await fs.readdir(shared)).sort()).toHaveLength(2);
  } finally {
    await fs.rm(shared, { recursive: true, force: true });
  }
});
