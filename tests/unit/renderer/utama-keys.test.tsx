import { describe, expect, it } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { App } from '../../../renderer/src/app/App';
import { installFakeApi, type FakeApi } from '../../../renderer/src/test/fake-api';

/**
 * The OPD page at the PPID Utama lists the laptops trusted to send for that OPD — each with
 * its code, who trusted it and when — and lets a PPID Utama revoke one after a dialog that says
 * what revoking means (fake core: renderer/src/test/fake-utama.ts, Dinas Pendidikan).
 */

async function showDisdik(user: string): Promise<FakeApi> {
  window.location.hash = '#/opd/e-disdik';
  const api = installFakeApi({ state: 'ready', kind: 'utama', loggedInAs: user });
  render(<App env="test" />);
  await screen.findByRole('heading', { level: 1, name: 'Dinas Pendidikan' });
  return api;
}

const keysTable = () => screen.getByRole('table', { name: 'Laptop pengirim yang dipercaya' });

describe('Laptop pengirim yang dipercaya, on the OPD page', () => {
  it('shows each trusted laptop with its code, who trusted it and when', async () => {
    await showDisdik('ppidutama');
    const row = within(keysTable()).getByText('Laptop PPID Disdik').closest('tr')!;
    expect(within(row).getByTestId('kode-kunci').textContent).toBe('4821 0937 5516 2048 7730');
    expect(row.textContent).toContain('2 Oktober 2026');
    expect(row.textContent).toContain('oleh ppidutama');
    expect(within(row).getByText('Aktif')).toBeTruthy();
  });

  it('revokes a key only after the dialog, which says later packages are refused and what came stays', async () => {
    const api = await showDisdik('ppidutama');
    fireEvent.click(within(keysTable()).getByRole('button', { name: 'Cabut kepercayaan pada Laptop PPID Disdik' }));
    const dialog = await screen.findByRole('dialog', { name: 'Cabut kepercayaan pada laptop “Laptop PPID Disdik”?' });
    expect(dialog.textContent).toContain('ditolak');
    expect(dialog.textContent).toContain('tetap tersimpan');
    expect(dialog.textContent).toContain('4821 0937 5516 2048 7730');
    // Cancelled: nothing is asked of the core.
    fireEvent.click(within(dialog).getByRole('button', { name: 'Batal' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(api.callsTo('utama.revokeKey')).toEqual([]);

    fireEvent.click(within(keysTable()).getByRole('button', { name: 'Cabut kepercayaan pada Laptop PPID Disdik' }));
    const again = await screen.findByRole('dialog');
    fireEvent.click(within(again).getByRole('button', { name: 'Ya, cabut kepercayaan' }));
    await waitFor(() => expect(within(keysTable()).getByText('Dicabut')).toBeTruthy());
    expect(api.callsTo('utama.revokeKey').map((c) => c.input)).toEqual([{ entryId: 'e-disdik', installationId: 'inst-e-disdik' }]);
    // The key stays listed, revoked, with no button left to press.
    expect(within(keysTable()).getByText('Laptop PPID Disdik')).toBeTruthy();
    expect(within(keysTable()).queryByRole('button', { name: /Cabut kepercayaan/ })).toBeNull();
  });

  it('shows a refusal inside the dialog and keeps the key as it was', async () => {
    const api = await showDisdik('ppidutama');
    api.on('utama.revokeKey', () => ({ ok: false, code: 'CONFLICT', message: 'Kepercayaan pada kunci "Laptop PPID Disdik" dari Dinas Pendidikan sudah dicabut sebelumnya. Tidak ada yang diubah.' }));
    fireEvent.click(within(keysTable()).getByRole('button', { name: 'Cabut kepercayaan pada Laptop PPID Disdik' }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Ya, cabut kepercayaan' }));
    expect((await within(dialog).findByRole('alert')).textContent).toContain('sudah dicabut sebelumnya');
    expect(within(keysTable()).getByText('Aktif')).toBeTruthy();
  });

  it('offers no revoke button to an operator', async () => {
    await showDisdik('operator');
    expect(within(keysTable()).getByText('Aktif')).toBeTruthy();
    expect(within(keysTable()).queryByRole('button', { name: /Cabut kepercayaan/ })).toBeNull();
  });
});
