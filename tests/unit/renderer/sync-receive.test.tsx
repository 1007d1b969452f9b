import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { PACKAGE_TOO_LARGE_MESSAGE } from '../../../electron/core/contract';
import type { CycleSummary } from '../../../electron/core/domain/cycle-views';
import type { DeviceSelfView } from '../../../electron/core/domain/sync/trust';
import type { Err } from '../../../electron/core/result';
import { login } from '../../fixtures/harness';
import type { Laptop } from '../../fixtures/laptops';
import { completeItem } from '../workflow-fixtures';
import { as, chooseFile, exported, showApp, useLaptops } from './sync-fixtures';

/**
 * "Terima paket" on the receiving laptop: what the package would change is shown before
 * anything is written, a laptop seen for the first time is trusted only by an administrator
 * who compared its key, and a refusal is shown in the core's own words.
 */

const laptops = useLaptops();

/** The operator laptop's DIP 2027 with one item, as a package for the PPID Pembantu. */
async function operatorPackage(op: Laptop) {
  const { id } = await as<{ id: string }>(op, 'operator', 'cycles.create', { title: 'DIP 2027', year: 2027 });
  await as(op, 'operator', 'cycles.addItems', { cycleId: id, items: [completeItem('Profil Dinas', 'Sekretariat', 'setiap_saat')] });
  return { id, file: await exported(op, 'operator', [id], 'ppid_pembantu') };
}

const cyclesOn = async (l: Laptop) => (await as<{ cycles: CycleSummary[] }>(l, 'ppid', 'cycles.list')).cycles.map((c) => c.title);

async function openPreview(file: File) {
  fireEvent.click(await screen.findByRole('button', { name: 'Terima paket' }));
  chooseFile(file);
  const dialog = await screen.findByRole('dialog', { name: 'Terima paket' });
  await within(dialog).findByRole('button', { name: 'Terapkan' });
  return dialog;
}

describe('Terima paket', () => {
  it('shows the sender, its key, the cycle and its items before anything is written, and applies on Terapkan', async () => {
    const [op, ppid] = await laptops(2);
    const { id, file } = await operatorPackage(op!);
    const sender = await as<DeviceSelfView>(op!, 'operator', 'devices.self');
    const app = await showApp(ppid!, 'ppid', '#/beranda');

    const dialog = await openPreview(file);
    expect(dialog.textContent).toContain(`Paket dari ${sender.name}, ditujukan kepada PPID Pembantu.`);
    const signer = dialog.querySelector<HTMLElement>('[data-trust="baru"]')!;
    // The digits the operator reads aloud from Pengaturan › Perangkat on the sending laptop.
    expect(within(signer).getByTestId('kode-kunci').textContent).toBe(sender.fingerprint);
    expect(within(signer).getByText('Baru: belum dipercaya')).toBeTruthy();
    const cycle = dialog.querySelector<HTMLElement>('[data-cycle-preview="DIP 2027"]')!;
    expect(within(cycle).getByText('Siklus baru')).toBeTruthy();
    expect(within(cycle).getByTestId('perpindahan').textContent).toBe('DIP 2027: Langkah 1');
    expect(within(cycle).getByText('Informasi ditambahkan: 1')).toBeTruthy();
    expect(within(cycle).getByText('Profil Dinas')).toBeTruthy();

    // Shown, not written: the cycle is not on this laptop yet.
    expect(app.called('sync.apply')).toHaveLength(0);
    expect(await cyclesOn(ppid!)).toEqual([]);

    fireEvent.click(within(dialog).getByLabelText(/Saya sudah mencocokkan kode kunci ini/));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Terapkan' }));
    const done = await within(dialog).findByTestId('paket-diterapkan');
    expect(done.textContent).toContain(`Kini dipercaya: ${sender.name}.`);
    expect(within(dialog).getByText('2 tindakan baru.')).toBeTruthy();
    expect(await cyclesOn(ppid!)).toEqual(['DIP 2027']);

    // Beranda lists it at once, and "Buka siklus" opens it.
    await screen.findByRole('row', { name: /DIP 2027/ });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Buka siklus' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'DIP 2027' })).toBeTruthy();
    expect(window.location.hash).toBe(`#/siklus/${id}`);
  });

  it('trusts a new laptop only when the administrator ticks that its key was compared, with the roles its acts carry ticked', async () => {
    const [op, ppid] = await laptops(2);
    const { file } = await operatorPackage(op!);
    const app = await showApp(ppid!, 'ppid', '#/beranda');
    const dialog = await openPreview(file);

    const roles = within(dialog).getByRole('group', { name: 'Peran yang boleh dibawa tindakan dari laptop ini' });
    expect((within(roles).getByLabelText('Operator OPD') as HTMLInputElement).checked).toBe(true);
    expect((within(roles).getByLabelText('PPID Pembantu') as HTMLInputElement).checked).toBe(false);
    expect((within(roles).getByLabelText('Kepala OPD') as HTMLInputElement).checked).toBe(false);

    fireEvent.click(within(dialog).getByRole('button', { name: 'Terapkan' }));
    expect(await within(dialog).findByText('Cocokkan dulu kode kunci ini dengan pemilik laptop, lalu centang.')).toBeTruthy();
    expect(app.called('sync.apply')).toHaveLength(0);
    expect(await cyclesOn(ppid!)).toEqual([]);

    // Ticked, but with no role left: still not sent.
    fireEvent.click(within(dialog).getByLabelText(/Saya sudah mencocokkan kode kunci ini/));
    fireEvent.click(within(roles).getByLabelText('Operator OPD'));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Terapkan' }));
    expect(await within(dialog).findByText('Pilih sedikitnya satu peran yang boleh dibawa laptop ini.')).toBeTruthy();
    expect(app.called('sync.apply')).toHaveLength(0);

    fireEvent.click(within(roles).getByLabelText('Operator OPD'));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Terapkan' }));
    await within(dialog).findByTestId('paket-diterapkan');
    expect(app.called('sync.apply').map((c) => c.input)).toEqual([
      { previewId: expect.any(String), trust: [{ installationId: expect.any(String), roles: ['operator'] }] },
    ]);
    const trusted = await as<{ name: string; roles: string[]; source: string }[]>(ppid!, 'ppid', 'devices.list');
    // Besides the office laptop both joined from: the operator laptop, trusted as operator only.
    expect(trusted.filter((d) => d.source === 'paket').map((d) => d.roles)).toEqual([['operator']]);
  });

  it('tells a user who is not an administrator to ask one, and offers no way to apply', async () => {
    const [op, ppid] = await laptops(2);
    const { file } = await operatorPackage(op!);
    const app = await showApp(ppid!, 'operator', '#/beranda');
    const dialog = await openPreview(file);

    expect(within(dialog).getByTestId('minta-admin').textContent).toMatch(/Minta administrator menerima paket ini/);
    expect(within(dialog).queryByLabelText(/Saya sudah mencocokkan kode kunci ini/)).toBeNull();
    expect((within(dialog).getByRole('button', { name: 'Terapkan' }) as HTMLButtonElement).disabled).toBe(true);
    expect(app.called('sync.apply')).toHaveLength(0);
  });

  it('shows the core’s refusal in its own words, in the dialog, and writes nothing', async () => {
    const [op, ppid] = await laptops(2);
    const { file } = await operatorPackage(op!);
    await showApp(ppid!, 'ppid', '#/beranda');

    // Not a package at all: refused at preview, with what the core says of these bytes.
    const notes = Buffer.from('Notulen rapat koordinasi PPID');
    const said = await ppid!.core.invoke({ name: 'sync.preview', input: { base64: notes.toString('base64'), fileName: 'notulen.ppid' }, session: await login(ppid!.core, 'ppid') });
    expect(said.ok).toBe(false);
    fireEvent.click(await screen.findByRole('button', { name: 'Terima paket' }));
    chooseFile(new File([notes], 'notulen.ppid'));
    let dialog = await screen.findByRole('dialog', { name: 'Terima paket' });
    const refused = await within(dialog).findByTestId('galat-paket');
    expect(refused.textContent).toBe((said as Err).message);
    expect(within(dialog).queryByRole('button', { name: 'Terapkan' })).toBeNull();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Tutup' }));
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Terima paket' })).toBeNull());

    // Trusted with a role its acts do not carry: refused at apply, the reason in the dialog.
    dialog = await openPreview(file);
    const roles = within(dialog).getByRole('group', { name: 'Peran yang boleh dibawa tindakan dari laptop ini' });
    fireEvent.click(within(dialog).getByLabelText(/Saya sudah mencocokkan kode kunci ini/));
    fireEvent.click(within(roles).getByLabelText('Operator OPD'));
    fireEvent.click(within(roles).getByLabelText('Kepala OPD'));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Terapkan' }));
    const alert = await within(dialog).findByTestId('galat-paket');
    expect(alert.textContent).toMatch(/^Paket ditolak: tindakan sebagai Operator OPD dari perangkat ".+" yang belum dipercaya membawa peran itu.*Tidak ada yang diubah\.$/);
    expect(within(dialog).getByRole('button', { name: 'Terapkan' })).toBeTruthy();
    expect(await cyclesOn(ppid!)).toEqual([]);
  });

  it('refuses a file over the limit with the contract’s words before sending it', async () => {
    const [, ppid] = await laptops(2);
    const app = await showApp(ppid!, 'ppid', '#/beranda');
    const big = new File([Buffer.from('x')], 'besar.ppid');
    Object.defineProperty(big, 'size', { value: 29 * 1024 * 1024 });
    fireEvent.click(await screen.findByRole('button', { name: 'Terima paket' }));
    chooseFile(big);
    const dialog = await screen.findByRole('dialog', { name: 'Terima paket' });
    expect((await within(dialog).findByTestId('galat-paket')).textContent).toBe(PACKAGE_TOO_LARGE_MESSAGE);
    expect(app.called('sync.preview')).toHaveLength(0);
  });

  it('takes a .ppid file dropped anywhere on the window, and ignores a drag that carries no file', async () => {
    const [op, ppid] = await laptops(2);
    const { file } = await operatorPackage(op!);
    await showApp(ppid!, 'ppid', '#/paket');
    await screen.findByRole('heading', { level: 1, name: 'Riwayat paket' });

    const drag = (type: string, dataTransfer: object) => {
      const e = new Event(type, { bubbles: true, cancelable: true });
      Object.defineProperty(e, 'dataTransfer', { value: dataTransfer });
      window.dispatchEvent(e);
      return e;
    };
    drag('dragenter', { types: ['text/plain'], files: [] });
    expect(screen.queryByTestId('zona-paket')).toBeNull();

    const files = { types: ['Files'], files: [file], dropEffect: 'none' };
    expect(drag('dragenter', files).defaultPrevented).toBe(true);
    expect((await screen.findByTestId('zona-paket')).textContent).toContain('Lepaskan berkas paket (.ppid) untuk menerimanya');
    // Dropped outside any target, the file must not replace the app in the window.
    expect(drag('drop', files).defaultPrevented).toBe(true);
    await waitFor(() => expect(screen.queryByTestId('zona-paket')).toBeNull());
    const dialog = await screen.findByRole('dialog', { name: 'Terima paket' });
    expect(await within(dialog).findByText('Siklus baru')).toBeTruthy();
  });
});
