import { describe, expect, it } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { MantineProvider } from '@mantine/core';
import type { DeviceSelfView, TrustedDeviceView } from '../../../electron/core/domain/sync/trust';
import type { Role } from '../../../electron/core/domain/roles';
import { App } from '../../../renderer/src/app/App';
import { DevicesTab } from '../../../renderer/src/features/settings/DevicesTab';
import { DEMO_PASSWORD, installFakeApi } from '../../../renderer/src/test/fake-api';

const SELF: DeviceSelfView = {
  installationId: 'a1b2c3d4-0000-4000-8000-000000000001',
  name: 'Yuliana Sari, S.Sos., M.AP.',
  publicKey: 'j2j7AExKFgTsV0X7K/Gb7BRfNILQNauzjYzSj6Z5REg=',
  fingerprint: '3997 7530 7271 9807 8101',
};

const KEPALA: TrustedDeviceView = {
  installationId: 'a1b2c3d4-0000-4000-8000-0000000000aa',
  name: 'Laptop Kepala Dinas',
  publicKey: 'AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=',
  fingerprint: '0042 1185 9920 3310 0007',
  roles: ['kepala_opd'],
  source: 'paket',
  addedAt: '2026-11-20T03:00:00.000Z',
  addedBy: 'ppid',
  revokedAt: null,
};

const OLD_OPERATOR: TrustedDeviceView = {
  ...KEPALA,
  installationId: 'a1b2c3d4-0000-4000-8000-0000000000bb',
  name: 'Laptop Operator Lama',
  fingerprint: '5521 8830 1274 4821 0937',
  roles: ['operator'],
  source: 'kantor',
  revokedAt: '2026-11-24T02:00:00.000Z',
};

/** A fake core holding this laptop and two trusted ones, changed by the calls as the core would. */
function fakeDevices() {
  const api = installFakeApi({ state: 'ready' });
  let self = { ...SELF };
  let devices = [structuredClone(KEPALA), structuredClone(OLD_OPERATOR)];
  api.on('devices.self', () => ({ ok: true, data: self }));
  api.on('devices.list', () => ({ ok: true, data: devices }));
  api.on('devices.renameSelf', (input) => {
    self = { ...self, name: (input as { name: string }).name.trim() };
    return { ok: true, data: self };
  });
  api.on('devices.setRoles', (input) => {
    const { installationId, roles } = input as { installationId: string; roles: Role[] };
    devices = devices.map((d) => (d.installationId === installationId ? { ...d, roles } : d));
    return { ok: true, data: devices.find((d) => d.installationId === installationId)! };
  });
  api.on('devices.revoke', (input) => {
    const { installationId } = input as { installationId: string };
    devices = devices.map((d) => (d.installationId === installationId ? { ...d, revokedAt: '2026-11-25T02:00:00.000Z' } : d));
    return { ok: true, data: devices.find((d) => d.installationId === installationId)! };
  });
  return api;
}

function mount() {
  return render(
    <MantineProvider env="test">
      <DevicesTab />
    </MantineProvider>,
  );
}

const rowOf = (name: string) => screen.getByRole('cell', { name: new RegExp(name) }).closest('tr')!;

describe('Pengaturan › Perangkat', () => {
  it('shows this laptop\'s key as five groups of digits to read aloud, with its name', async () => {
    fakeDevices();
    mount();
    const code = await screen.findByTestId('sidik-perangkat-ini');
    expect([...code.querySelectorAll('.fingerprint-group')].map((g) => g.textContent)).toEqual(['3997', '7530', '7271', '9807', '8101']);
    expect(code.textContent).toBe('3997 7530 7271 9807 8101');
    expect(screen.getByRole('heading', { name: 'Kunci perangkat ini' })).toBeTruthy();
    expect(screen.getByText(/bacakan kedua puluh angka di atas lewat telepon/)).toBeTruthy();
    expect(screen.getByTestId('nama-perangkat-ini').textContent).toBe('Yuliana Sari, S.Sos., M.AP.');
  });

  it('lists the trusted laptops with fingerprint, roles by their SOP names, source and whether trust was revoked', async () => {
    fakeDevices();
    mount();
    const table = await screen.findByRole('table', { name: 'Perangkat tepercaya' });
    await within(table).findByText('Laptop Kepala Dinas');
    const kepala = rowOf('Laptop Kepala Dinas');
    expect(kepala.textContent).toContain('0042 1185 9920 3310 0007');
    expect(within(kepala).getByText('Kepala OPD')).toBeTruthy();
    expect(within(kepala).getByText('Paket kiriman')).toBeTruthy();
    expect(within(kepala).getByText('Dipercaya')).toBeTruthy();
    expect(within(kepala).getByRole('button', { name: 'Ubah peran Laptop Kepala Dinas' })).toBeTruthy();

    const old = rowOf('Laptop Operator Lama');
    expect(within(old).getByText('Operator OPD')).toBeTruthy();
    expect(within(old).getByText('Paket kantor')).toBeTruthy();
    expect(within(old).getByText('Dicabut')).toBeTruthy();
    expect(old.getAttribute('data-revoked')).toBe('true');
    expect(within(old).queryByRole('button')).toBeNull();
  });

  it('renames this laptop; a blank name is refused on the spot', async () => {
    const api = fakeDevices();
    mount();
    fireEvent.click(await screen.findByRole('button', { name: 'Ubah nama' }));
    const input = screen.getByLabelText('Nama perangkat ini') as HTMLInputElement;
    fireEvent.change(input, { target: { value: '   ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Simpan nama' }));
    expect(await screen.findByText('Nama perangkat wajib diisi.')).toBeTruthy();
    expect(api.callsTo('devices.renameSelf')).toHaveLength(0);

    fireEvent.change(input, { target: { value: 'Laptop Sekretariat' } });
    fireEvent.click(screen.getByRole('button', { name: 'Simpan nama' }));
    await waitFor(() => expect(screen.getByTestId('nama-perangkat-ini').textContent).toBe('Laptop Sekretariat'));
    expect(api.callsTo('devices.renameSelf')[0]!.input).toEqual({ name: 'Laptop Sekretariat' });
  });

  it('changes which roles a laptop may carry', async () => {
    const api = fakeDevices();
    mount();
    fireEvent.click(await screen.findByRole('button', { name: 'Ubah peran Laptop Kepala Dinas' }));
    const dialog = await screen.findByRole('dialog', { name: 'Ubah peran: Laptop Kepala Dinas' });
    expect((within(dialog).getByLabelText('Kepala OPD') as HTMLInputElement).checked).toBe(true);
    fireEvent.click(within(dialog).getByLabelText('PPID Pembantu'));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Simpan peran' }));
    await waitFor(() => expect(api.callsTo('devices.setRoles')).toHaveLength(1));
    expect(api.callsTo('devices.setRoles')[0]!.input).toEqual({ installationId: KEPALA.installationId, roles: ['kepala_opd', 'ppid_pembantu'] });
    await waitFor(() => expect(within(rowOf('Laptop Kepala Dinas')).getByText('PPID Pembantu')).toBeTruthy());
  });

  it('revokes trust only after the confirmation, and then shows the laptop as revoked', async () => {
    const api = fakeDevices();
    mount();
    fireEvent.click(await screen.findByRole('button', { name: 'Cabut kepercayaan Laptop Kepala Dinas' }));
    let dialog = await screen.findByRole('dialog', { name: 'Cabut kepercayaan kepada Laptop Kepala Dinas?' });
    expect(dialog.textContent).toContain('Paket baru dari perangkat ini akan ditolak.');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Batal' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(api.callsTo('devices.revoke')).toHaveLength(0);

    fireEvent.click(screen.getByRole('button', { name: 'Cabut kepercayaan Laptop Kepala Dinas' }));
    dialog = await screen.findByRole('dialog', { name: 'Cabut kepercayaan kepada Laptop Kepala Dinas?' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cabut kepercayaan' }));
    await waitFor(() => expect(within(rowOf('Laptop Kepala Dinas')).getByText('Dicabut')).toBeTruthy());
    expect(api.callsTo('devices.revoke')[0]!.input).toEqual({ installationId: KEPALA.installationId });
  });

  it('is a tab of Pengaturan for the administrator', async () => {
    fakeDevices();
    render(<App env="test" />);
    fireEvent.change(await screen.findByLabelText('Nama pengguna'), { target: { value: 'ppid' } });
    fireEvent.change(screen.getByLabelText('Kata sandi'), { target: { value: DEMO_PASSWORD } });
    fireEvent.click(screen.getByRole('button', { name: 'Masuk' }));
    await waitFor(() => expect(window.location.hash).toBe('#/beranda'));
    window.location.hash = '#/pengaturan/perangkat';
    expect((await screen.findByRole('tab', { name: 'Perangkat' })).getAttribute('aria-selected')).toBe('true');
    expect(await screen.findByTestId('sidik-perangkat-ini')).toBeTruthy();
  });
});
