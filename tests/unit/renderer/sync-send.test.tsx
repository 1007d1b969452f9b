import { afterEach, describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { CycleView } from '../../../electron/core/domain/cycle-views';
import type { PackagePreview } from '../../../electron/core/domain/sync/preview';
import type { DeviceSelfView } from '../../../electron/core/domain/sync/trust';
import type { SaveRequest } from '../../../electron/core/platform';
import { defaultRecipient, handOffRecipient } from '../../../renderer/src/features/sync/SendDialog';
import type { Laptop } from '../../fixtures/laptops';
import { completeItem } from '../workflow-fixtures';
import { as, exported, showApp, useLaptops, withPlatform } from './sync-fixtures';

/**
 * "Kirim paket" on the cycle page: addressed by default to whoever holds the cycle's next step,
 * the file named as the issue asks, downloaded in the browser and saved through the desktop's
 * dialog; and, right after a hand-off to a role held on another laptop, offered at once.
 */

const laptops = useLaptops();
// The laptops' clock: 2 March 2026, the date every package name below carries.
const TODAY = '2026-03-02';

const ITEMS = [completeItem('Profil Dinas', 'Sekretariat', 'setiap_saat'), completeItem('Rencana Strategis', 'Sekretariat', 'berkala')];

/** DIP 2027 reported to the Ketua PPID: step 2, the PPID Pembantu's turn. */
async function atStepTwo(l: Laptop): Promise<string> {
  const { id } = await as<{ id: string }>(l, 'operator', 'cycles.create', { title: 'DIP 2027', year: 2027 });
  await as(l, 'operator', 'cycles.addItems', { cycleId: id, items: ITEMS });
  await as(l, 'operator', 'cycles.act', { cycleId: id, action: 'report' });
  return id;
}

/** At step 4 with every item marked "sesuai": the PPID Pembantu may send it on to the Kepala. */
async function atStepFourReviewed(l: Laptop): Promise<string> {
  const id = await atStepTwo(l);
  await as(l, 'ppid', 'cycles.act', { cycleId: id, action: 'issueNotaDinas' });
  const v = await as<CycleView>(l, 'operator', 'cycles.act', { cycleId: id, action: 'submitKonsep' });
  for (const i of v.items) await as(l, 'ppid', 'cycles.markReview', { cycleId: id, itemId: i.id, verdict: 'sesuai' });
  return id;
}

function selectValue(container: HTMLElement, label: string): string {
  return (within(container).getAllByLabelText(label).find((el) => el.tagName === 'INPUT') as HTMLInputElement).value;
}

async function openSend() {
  fireEvent.click(await screen.findByRole('button', { name: 'Kirim paket' }));
  return screen.findByRole('dialog', { name: 'Kirim paket' });
}

/** Bytes that left through `<a download>`: the object URL's Blob and the link's file name. */
function catchDownloads() {
  const blobs = new Map<string, Blob>();
  const saved: { fileName: string; blob: Blob }[] = [];
  const click = HTMLAnchorElement.prototype.click;
  Object.defineProperty(URL, 'createObjectURL', {
    configurable: true,
    value: (b: Blob) => {
      const url = `blob:test/${blobs.size + 1}`;
      blobs.set(url, b);
      return url;
    },
  });
  Object.defineProperty(URL, 'revokeObjectURL', { configurable: true, value: () => {} });
  HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
    if (this.download) saved.push({ fileName: this.download, blob: blobs.get(this.getAttribute('href')!)! });
  };
  restore.push(() => (HTMLAnchorElement.prototype.click = click));
  return saved;
}
const restore: (() => void)[] = [];
afterEach(() => restore.splice(0).forEach((f) => f()));

/** The receiving laptop's preview of the bytes: that they are a whole package of this office. */
async function previewOn(l: Laptop, bytes: Uint8Array, fileName: string) {
  return as<PackagePreview>(l, 'ppid', 'sync.preview', { base64: Buffer.from(bytes).toString('base64'), fileName });
}

describe('Kirim paket', () => {
  it('is addressed by default to the holder of the cycle’s step, and names the file before saving', async () => {
    const [op] = await laptops(1);
    const id = await atStepTwo(op!);
    await showApp(op!, 'operator', `#/siklus/${id}`);
    const dialog = await openSend();
    expect(selectValue(dialog, 'Untuk')).toBe('PPID Pembantu');
    expect(within(dialog).getByTestId('nama-berkas-paket').textContent).toBe(`DIP-2027_langkah-2_untuk-PPID-Pembantu_${TODAY}.ppid`);
    expect((within(dialog).getByLabelText('Sertakan lampiran') as HTMLInputElement).checked).toBe(true);
    const thisCycle = within(dialog).getByLabelText('DIP 2027 (Langkah 2)') as HTMLInputElement;
    expect(thisCycle.checked).toBe(true);

    // Another recipient renames the file at once.
    fireEvent.click(within(dialog).getAllByLabelText('Untuk').find((el) => el.tagName === 'INPUT')!);
    fireEvent.click(await screen.findByRole('option', { name: 'Kepala OPD' }));
    expect(within(dialog).getByTestId('nama-berkas-paket').textContent).toBe(`DIP-2027_langkah-2_untuk-Kepala-OPD_${TODAY}.ppid`);
  });

  it('goes to the PPID Utama once the list is signed, and to the holder before that', () => {
    expect(defaultRecipient({ step: 'pengumpulan', holderRole: 'operator' })).toBe('operator');
    expect(defaultRecipient({ step: 'pemeriksaan_kepala', holderRole: 'kepala_opd' })).toBe('kepala_opd');
    expect(defaultRecipient({ step: 'arsip', holderRole: 'kepala_opd' })).toBe('ppid_utama');
    expect(defaultRecipient({ step: 'selesai', holderRole: null })).toBe('ppid_utama');
  });

  it('downloads the package in the browser, then says where to take it', async () => {
    const [op, ppid] = await laptops(2);
    const id = await atStepTwo(op!);
    const downloads = catchDownloads();
    const app = await showApp(op!, 'operator', `#/siklus/${id}`, 'browser');
    const dialog = await openSend();
    fireEvent.change(within(dialog).getByLabelText(/Catatan untuk penerima/), { target: { value: 'Mohon Nota Dinas diterbitkan.' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Simpan' }));

    const done = await within(dialog).findByTestId('paket-disimpan');
    const name = `DIP-2027_langkah-2_untuk-PPID-Pembantu_${TODAY}.ppid`;
    expect(done.textContent).toContain(`Berkas ${name} diunduh ke folder unduhan peramban.`);
    expect(done.textContent).toContain('Kirim berkas ini lewat flashdisk atau WhatsApp kepada PPID Pembantu.');
    expect(app.called('sync.export').map((c) => c.input)).toEqual([{ cycleIds: [id], to: 'ppid_pembantu', note: 'Mohon Nota Dinas diterbitkan.', withFiles: true, save: false }]);
    expect(downloads.map((d) => d.fileName)).toEqual([name]);

    // What was downloaded is the package: the PPID Pembantu's laptop reads it, note and all.
    const preview = await previewOn(ppid!, new Uint8Array(await downloads[0]!.blob.arrayBuffer()), name);
    expect(preview.cycles.map((c) => [c.title, c.movement])).toEqual([['DIP 2027', 'DIP 2027: Langkah 2']]);
    expect(preview.to).toEqual({ role: 'ppid_pembantu', seq: 1, note: 'Mohon Nota Dinas diterbitkan.' });
  });

  it('in the desktop app asks the core to save through its dialog, and downloads nothing', async () => {
    const [op, ppid] = await laptops(2);
    const id = await atStepTwo(op!);
    const asked: SaveRequest[] = [];
    await withPlatform(op!, {
      saveFile: async (req) => {
        asked.push(req);
        return `D:\\Flashdisk\\${req.suggestedName}`;
      },
    });
    const downloads = catchDownloads();
    const app = await showApp(op!, 'operator', `#/siklus/${id}`, 'electron');
    const dialog = await openSend();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Simpan' }));

    const done = await within(dialog).findByTestId('paket-disimpan');
    const name = `DIP-2027_langkah-2_untuk-PPID-Pembantu_${TODAY}.ppid`;
    expect(done.textContent).toContain(`disimpan di D:\\Flashdisk\\${name}.`);
    expect(done.textContent).toContain('Kirim berkas ini lewat flashdisk atau WhatsApp kepada PPID Pembantu.');
    expect(app.called('sync.export').map((c) => (c.input as { save: boolean }).save)).toEqual([true]);
    expect(downloads).toEqual([]);
    expect(asked.map((r) => [r.suggestedName, r.filter.extensions])).toEqual([[name, ['ppid']]]);
    expect((await previewOn(ppid!, asked[0]!.bytes, name)).cycles.map((c) => c.title)).toEqual(['DIP 2027']);
  });

  it('right after a hand-off to a role on another laptop, offers "Kirim ke …" with the dialog filled in: two clicks', async () => {
    const [ppidLaptop, kepalaLaptop] = await laptops(2);
    // This laptop trusts the Kepala's laptop to carry the Kepala OPD's acts: the Kepala works there.
    const kepala = await as<DeviceSelfView>(kepalaLaptop!, 'ppid', 'devices.self');
    await as(ppidLaptop!, 'ppid', 'devices.trust', { installationId: kepala.installationId, name: 'Laptop Kepala Dinas', publicKey: kepala.publicKey, roles: ['kepala_opd'] });
    const id = await atStepFourReviewed(ppidLaptop!);
    const downloads = catchDownloads();
    await showApp(ppidLaptop!, 'ppid', `#/siklus/${id}`, 'browser');

    fireEvent.click(await screen.findByRole('button', { name: 'Setujui, teruskan ke Kepala OPD' }));
    const confirm = await screen.findByRole('dialog', { name: 'Setujui, teruskan ke Kepala OPD' });
    fireEvent.click(within(confirm).getByRole('button', { name: 'Setujui, teruskan ke Kepala OPD' }));

    const offer = await screen.findByTestId('tawaran-kirim');
    expect(offer.textContent).toContain('Kirim ke Kepala OPD sekarang?');
    fireEvent.click(within(offer).getByRole('button', { name: 'Kirim ke Kepala OPD' }));
    const dialog = await screen.findByRole('dialog', { name: 'Kirim paket' });
    expect(selectValue(dialog, 'Untuk')).toBe('Kepala OPD');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Simpan' }));
    await within(dialog).findByTestId('paket-disimpan');
    expect(downloads.map((d) => d.fileName)).toEqual([`DIP-2027_langkah-5_untuk-Kepala-OPD_${TODAY}.ppid`]);
    // Sent: the offer has done its work.
    await waitFor(() => expect(screen.queryByTestId('tawaran-kirim')).toBeNull());
  });

  it('with a relay set, says the relay carries the cycle and the file is for a laptop that does not use it', async () => {
    const [ppidLaptop, kepalaLaptop] = await laptops(2);
    const kepala = await as<DeviceSelfView>(kepalaLaptop!, 'ppid', 'devices.self');
    await as(ppidLaptop!, 'ppid', 'devices.trust', { installationId: kepala.installationId, name: 'Laptop Kepala Dinas', publicKey: kepala.publicKey, roles: ['kepala_opd'] });
    // A relay on this computer that does not answer: set and on, which is what the offer reads.
    await as(ppidLaptop!, 'ppid', 'relay.set', { url: 'http://127.0.0.1:9', database: 'ppid-uji', username: 'laptop-ppid', password: 'sandi-uji', enabled: true });
    const id = await atStepFourReviewed(ppidLaptop!);
    await showApp(ppidLaptop!, 'ppid', `#/siklus/${id}`, 'browser');

    fireEvent.click(await screen.findByRole('button', { name: 'Setujui, teruskan ke Kepala OPD' }));
    const confirm = await screen.findByRole('dialog', { name: 'Setujui, teruskan ke Kepala OPD' });
    fireEvent.click(within(confirm).getByRole('button', { name: 'Setujui, teruskan ke Kepala OPD' }));
    const offer = await screen.findByTestId('tawaran-kirim');
    expect(offer.textContent).toContain('Server relay membawanya bila laptop itu juga memakainya; bila tidak, kirim sebagai berkas paket.');
    expect(within(offer).getByRole('button', { name: 'Kirim ke Kepala OPD' })).toBeTruthy();
  });

  it('offers nothing when the next holder works on this laptop', async () => {
    const [l] = await laptops(1);
    // This laptop alone: the office laptop it joined from (trusted with every role) is let go.
    for (const d of await as<{ installationId: string }[]>(l!, 'ppid', 'devices.list')) await as(l!, 'ppid', 'devices.revoke', { installationId: d.installationId });
    const id = await atStepFourReviewed(l!);
    await showApp(l!, 'ppid', `#/siklus/${id}`);
    fireEvent.click(await screen.findByRole('button', { name: 'Setujui, teruskan ke Kepala OPD' }));
    const confirm = await screen.findByRole('dialog', { name: 'Setujui, teruskan ke Kepala OPD' });
    fireEvent.click(within(confirm).getByRole('button', { name: 'Setujui, teruskan ke Kepala OPD' }));
    // The notice comes once the offer has been decided.
    await screen.findByText('Diteruskan kepada Kepala OPD');
    await waitFor(() => expect(screen.getByTestId('tahap-sekarang').textContent).toBe('Langkah 5: Pemeriksaan Kepala OPD'));
    expect(screen.queryByTestId('tawaran-kirim')).toBeNull();
  });

  it('knows a role is elsewhere once a package was sent to it, for a user who may not read the trust list', async () => {
    const [op] = await laptops(1);
    const id = await atStepTwo(op!);
    await as(op!, 'ppid', 'cycles.act', { cycleId: id, action: 'issueNotaDinas' });
    // Earlier the operator sent this laptop's work to the PPID Pembantu as a file.
    await exported(op!, 'operator', [id], 'ppid_pembantu');
    await showApp(op!, 'operator', `#/siklus/${id}`);
    fireEvent.click(await screen.findByRole('button', { name: 'Kirim Konsep' }));
    const confirm = await screen.findByRole('dialog', { name: 'Kirim Konsep' });
    fireEvent.click(within(confirm).getByRole('button', { name: 'Kirim Konsep' }));
    expect((await screen.findByTestId('tawaran-kirim')).textContent).toContain('Kirim ke PPID Pembantu sekarang?');
  });

  it('names the hand-offs that travel as files', () => {
    const here = { holderNames: ['Yuliana Sari, S.Sos., M.AP.'] };
    expect(handOffRecipient({ step: 'pemeriksaan_ppid' }, { step: 'pemeriksaan_kepala', holderRole: 'kepala_opd', ...here })).toBeNull();
    expect(handOffRecipient({ step: 'pemeriksaan_ppid' }, { step: 'pemeriksaan_kepala', holderRole: 'kepala_opd', holderNames: [] })).toBe('kepala_opd');
    expect(handOffRecipient({ step: 'pemeriksaan_ppid' }, { step: 'pemeriksaan_kepala', holderRole: 'kepala_opd', ...here }, new Set(['kepala_opd']))).toBe('kepala_opd');
    // Returned to the operator, who fills items on another laptop.
    expect(handOffRecipient({ step: 'pemeriksaan_ppid' }, { step: 'pengumpulan', holderRole: 'operator', ...here }, new Set(['operator']))).toBe('operator');
    expect(handOffRecipient({ step: 'arsip' }, { step: 'selesai', holderRole: null, holderNames: [] })).toBe('ppid_utama');
    // No step moved (an item saved): nothing to hand off.
    expect(handOffRecipient({ step: 'pengumpulan' }, { step: 'pengumpulan', holderRole: 'operator', holderNames: [] })).toBeNull();
  });
});
