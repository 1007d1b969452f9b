import { describe, expect, it } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { App } from '../../../renderer/src/app/App';
import { installFakeApi } from '../../../renderer/src/test/fake-api';
import { fakeRelayWaiting } from '../../../renderer/src/test/fake-utama';

/**
 * "Menunggu kepercayaan" at the PPID Utama with a relay (issue 14): beside the packages
 * waiting for their sender's key, the OPD offices whose acts are on the regency's relay while
 * none of their laptops is trusted — each laptop's key code to compare over the phone, then
 * "Percayai". A laptop whose key cannot be trusted for that OPD says why and offers no button.
 */

const office = (name: string) => screen.getAllByTestId('kantor-relay-menunggu').find((c) => within(c).queryByRole('heading', { name }))!;

describe('Menunggu kepercayaan: offices on the relay', () => {
  it('lists each office with its acts waiting and each laptop’s code; the PPID Utama trusts one after comparing it, and it leaves the list', async () => {
    window.location.hash = '#/menunggu';
    const api = installFakeApi({ state: 'ready', kind: 'utama', loggedInAs: 'ppidutama' });
    api.regency.relayWaiting = fakeRelayWaiting();
    render(<App env="test" />);
    expect(await screen.findByRole('heading', { level: 2, name: 'Dari server relay' })).toBeTruthy();

    // The package waiting for its sender (fake-utama.ts) is still there, beside the relay's offices.
    expect(screen.getByTestId('pengirim-menunggu').textContent).toContain('Dinas Kependudukan dan Pencatatan Sipil');
    const dishub = office('Dinas Perhubungan');
    expect(dishub.textContent).toContain('Dishub');
    expect(dishub.textContent).toContain('212 tindakan menunggu');
    expect(dishub.textContent).toContain('belum ada di register');
    expect(within(dishub).getByTestId('kode-laptop-relay').textContent).toContain('4821 0937 5512 8840 1276');
    expect(dishub.textContent).toContain('Laptop PPID Pembantu Dishub');

    // A laptop known for another OPD: the reason, and no way to trust it here.
    const embaloh = office('Kecamatan Embaloh Hulu');
    const operator = embaloh.querySelector<HTMLElement>('[data-installation="2a8f1c7b-0e4d-4b9f-81c6-7b2d3f4e5a03"]')!;
    expect(within(operator).getByRole('alert').textContent).toContain('sudah tercatat milik Dinas Pendidikan');
    expect(within(operator).queryByRole('button', { name: 'Percayai' })).toBeNull();
    expect(within(embaloh).getAllByRole('button', { name: 'Percayai' })).toHaveLength(1);

    // The nav counts the package and the two offices.
    const nav = within(screen.getByRole('navigation', { name: 'Navigasi utama' })).getByRole('link', { name: /Menunggu kepercayaan/ });
    await waitFor(() => expect(within(nav).getByLabelText('3 menunggu')).toBeTruthy());

    // Not compared yet: asked to, nothing sent.
    fireEvent.click(within(dishub).getByRole('button', { name: 'Percayai' }));
    expect(within(dishub).getByText('Cocokkan dulu kode ini lewat telepon, lalu centang.')).toBeTruthy();
    expect(api.callsTo('utama.trustRelayDevice')).toHaveLength(0);

    fireEvent.click(within(dishub).getByRole('checkbox'));
    fireEvent.click(within(dishub).getByRole('button', { name: 'Percayai' }));
    const done = await screen.findByTestId('hasil-percaya-relay');
    expect(done.textContent).toContain('Laptop “Laptop PPID Pembantu Dishub” (4821 0937 5512 8840 1276) dipercaya untuk Dinas Perhubungan (ditambahkan ke register)');
    expect(api.callsTo('utama.trustRelayDevice').map((c) => c.input)).toEqual([{ installationId: '8d1c5a52-4c1e-4bb1-9a36-2f3c2a6d1e01', publicKey: `${'D'.repeat(43)}=` }]);
    await waitFor(() => expect(screen.getAllByTestId('kantor-relay-menunggu')).toHaveLength(1));
    await waitFor(() => expect(within(nav).getByLabelText('2 menunggu')).toBeTruthy());
  });

  it('shows an operator the codes but no button: only the PPID Utama trusts a key', async () => {
    window.location.hash = '#/menunggu';
    const api = installFakeApi({ state: 'ready', kind: 'utama', loggedInAs: 'operator' });
    api.regency.relayWaiting = fakeRelayWaiting();
    render(<App env="test" />);
    await screen.findByRole('heading', { level: 2, name: 'Dari server relay' });
    const dishub = office('Dinas Perhubungan');
    expect(within(dishub).getByTestId('kode-laptop-relay').textContent).toContain('4821 0937 5512 8840 1276');
    expect(within(dishub).queryByRole('button', { name: 'Percayai' })).toBeNull();
    expect(dishub.textContent).toContain('Hanya akun dengan peran');
  });
});
