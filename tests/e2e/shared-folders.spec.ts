import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { dayKey } from '../../electron/core/domain/calendar';
import { completeItem } from '../unit/workflow-fixtures';
import { api, expect, login, test } from './fixtures';
import { sameOffice, type HostProcess } from './host';

/**
 * Two laptops of one office, each a loopback host on its own data folder, sharing nothing but
 * a folder (as a network drive or Syncthing would): the operator's laptop puts every package
 * it sends in it, the PPID Pembantu's laptop watches it. The operator sends the Konsep; on the
 * other laptop it is applied with nobody clicking "Terima paket", and the top bar says so. With
 * "terapkan otomatis" off, the next package waits on Beranda and is applied from there.
 */

const PASSWORD = 'contoh-ppid-2026';
const SHOTS = 'test-results/shared-folders';

async function session(h: HostProcess, username: string): Promise<string> {
  const r = await api(h, 'auth.login', { username, password: PASSWORD });
  expect(r.body.ok).toBe(true);
  return (r.body.data as { sessionToken: string }).sessionToken;
}

async function must<T>(h: HostProcess, name: string, input: unknown, s: string): Promise<T> {
  const r = await api(h, name, input, { session: s });
  if (!r.body.ok) throw new Error(`${name}: ${r.body.message}`);
  return r.body.data as T;
}

async function loginAs(page: Page, h: HostProcess, username: string) {
  await page.goto(h.url);
  await login(page, username, PASSWORD);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(/Selamat/);
}

/** A cycle made on the operator's laptop and taken to step 4 there (the screens for steps 1–3 are tested elsewhere). */
async function cycleAtStep4(h: HostProcess, title: string, year: number, operator: string, admin: string): Promise<string> {
  const { id } = await must<{ id: string }>(h, 'cycles.create', { title, year }, operator);
  await must(h, 'cycles.addItems', { cycleId: id, items: [completeItem('Profil Dinas', 'Sekretariat', 'setiap_saat'), completeItem('Rencana Strategis', 'Sekretariat', 'berkala')] }, operator);
  await must(h, 'cycles.act', { cycleId: id, action: 'report' }, operator);
  await must(h, 'cycles.act', { cycleId: id, action: 'issueNotaDinas' }, admin);
  await must(h, 'cycles.act', { cycleId: id, action: 'submitKonsep' }, operator);
  return id;
}

test.use({ actionTimeout: 15_000 });

test('a package sent on one laptop is applied on the other through a shared folder, with no clicks; one that needs a person waits on Beranda', async ({ laptops, browser }) => {
  test.setTimeout(240_000);
  const [opLaptop, ppidLaptop] = laptops;
  const shared = await fs.mkdtemp(path.join(os.tmpdir(), 'ppid-e2e-folder-bersama-'));
  try {
    await sameOffice(opLaptop, ppidLaptop, async (h) => {
      expect((await api(h, 'setup.loadDemo')).body.ok).toBe(true);
    });
    const opAdmin = await session(opLaptop, 'ppid');
    const ppidAdmin = await session(ppidLaptop, 'ppid');
    await must(opLaptop, 'devices.renameSelf', { name: 'Laptop Operator' }, opAdmin);
    await must(ppidLaptop, 'devices.renameSelf', { name: 'Laptop PPID Pembantu' }, ppidAdmin);
    // The PPID laptop trusts the operator's (the code compared by phone, Pengaturan › Perangkat).
    const opSelf = await must<{ installationId: string; publicKey: string }>(opLaptop, 'devices.self', {}, opAdmin);
    await must(ppidLaptop, 'devices.trust', { installationId: opSelf.installationId, name: 'Laptop Operator', publicKey: opSelf.publicKey, roles: ['operator', 'ppid_pembantu'] }, ppidAdmin);
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
    const id = await cycleAtStep4(opLaptop, 'DIP 2031', 2031, operator, opAdmin);
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
    const second = await cycleAtStep4(opLaptop, 'DIP 2032', 2032, operator, opAdmin);
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
    await receive.getByRole('button', { name: 'Tutup' }).click();
    await expect(card).toBeHidden();
    await expect(b.locator('[data-waiting="DIP 2032"]')).toBeVisible();
    await ppidContext.close();

    // The shared folder holds what the operator's laptop put there, untouched.
    expect((await fs.readdir(shared)).sort()).toHaveLength(2);
  } finally {
    await fs.rm(shared, { recursive: true, force: true });
  }
});
