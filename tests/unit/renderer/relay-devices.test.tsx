import { describe, expect, it } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { MantineProvider } from '@mantine/core';
import type { RelayConfigView, RelayStatus, RelayWaitingDevice } from '../../../electron/core/domain/sync/relay';
import { RelaySection } from '../../../renderer/src/features/settings/RelaySection';
import { RelayStatusLine } from '../../../renderer/src/features/shell/RelayStatusLine';
import { installFakeApi } from '../../../renderer/src/test/fake-api';

/**
 * Pengaturan › Perangkat › Server relay, for a laptop met only on the relay: what its card
 * claims (name, office, the key's code in groups to read aloud), who vouches for it, what waits,
 * the roles preselected from its acts — and "Percayai" sends exactly the key shown.
 */

const B = 'b0b0b0b0-0000-4000-8000-0000000000bb';
const KEY = 'Q2FyZE9mVGhlTGFwdG9wT3BlcmF0b3JCYXJ1MTIzNDU=';
const waitingB: RelayWaitingDevice = {
  installationId: B,
  actsWaiting: 4,
  roles: ['operator'],
  claims: [
    {
      name: 'Laptop Operator Baru',
      publicKey: KEY,
      fingerprint: '3997 7530 1842 0065 9921',
      officeId: 'kantor-1',
      officeName: 'Dinas Komunikasi dan Informatika',
      sameOffice: true,
      knownBy: ['Laptop Kepala'],
      at: '2026-03-02T07:50:00.000Z',
    },
  ],
  trustedAs: null,
};
const noCard: RelayWaitingDevice = { installationId: 'c0c0c0c0-0000-4000-8000-0000000000cc', actsWaiting: 2, roles: ['ppid_pembantu'], claims: [], trustedAs: null };
const base: RelayStatus = {
  state: 'tersinkron',
  lastSyncAt: '2026-03-02T07:57:00.000Z',
  waitingToSend: 0,
  received: 0,
  lastError: null,
  nextTryAt: null,
  kept: { belumDipercaya: 6, menunggu: 0, ditolak: 0, acts: [] },
  devices: [waitingB, noCard],
  cardsRefused: [{ docId: `kartu:${B}:abc`, name: 'Laptop Palsu', reason: 'kartu perangkat tidak sesuai namanya (diubah di server)' }],
};
const stored: RelayConfigView = { url: 'https://relay.kapuashulukab.go.id', database: 'ppid-kapuashulu', username: 'laptop-kepala', enabled: true, hasPassword: true, protection: 'sistem' };

describe('laptops waiting to be trusted', () => {
  it('shows each card’s claim and code, says when no card came yet, names a refused card, and trusts with the key and roles chosen', async () => {
    const api = installFakeApi({ state: 'ready' });
    let status = base;
    api.on('relay.get', () => ({ ok: true, data: stored }));
    api.on('relay.status', () => ({ ok: true, data: status }));
    api.on('relay.trustDevice', () => {
      status = { ...base, devices: [noCard], kept: { ...base.kept, belumDipercaya: 2 } };
      return { ok: true, data: { installationId: B, name: 'Laptop Operator Baru', publicKey: KEY, fingerprint: '3997 7530 1842 0065 9921', roles: ['operator', 'ppid_pembantu'], source: 'relay', addedAt: '2026-03-02T08:00:00.000Z', addedBy: 'ppid', revokedAt: null } };
    });
    render(
      <MantineProvider env="test">
        <RelaySection />
      </MantineProvider>,
    );
    expect(await screen.findByText('Laptop yang menunggu dipercaya')).toBeTruthy();
    expect(screen.getByText(/Cocokkan kode ini dengan pemilik laptop melalui telepon sebelum mempercayainya/)).toBeTruthy();

    const [first, second] = screen.getAllByTestId('relay-waiting-device') as [HTMLElement, HTMLElement];
    const card = within(first);
    expect(card.getAllByText('Laptop Operator Baru').length).toBeGreaterThan(0);
    expect(card.getByText(/Dinas Komunikasi dan Informatika/)).toBeTruthy();
    expect(card.getByText('Kantor ini')).toBeTruthy();
    // The code in its five groups, to be read aloud.
    expect([...first.querySelectorAll('.fingerprint-group')].map((g) => g.textContent)).toEqual(['3997', '7530', '1842', '0065', '9921']);
    expect(card.getByText('Dikenal oleh Laptop Kepala')).toBeTruthy();
    expect(card.getByText('4 tindakan menunggu, dibuat sebagai Operator OPD.')).toBeTruthy();
    // The roles its acts were made in, preselected.
    expect((card.getByLabelText('Operator OPD') as HTMLInputElement).checked).toBe(true);
    expect((card.getByLabelText('PPID Pembantu') as HTMLInputElement).checked).toBe(false);

    // No card yet: said, and no button to trust it.
    expect(within(second).getByText(/Kartu laptop ini belum ada di server relay, sehingga laptop ini belum dapat dipercaya dari sini/)).toBeTruthy();
    expect(within(second).queryByRole('button', { name: /Percayai/ })).toBeNull();

    expect(screen.getByText('Kartu perangkat "Laptop Palsu" ditolak: kartu perangkat tidak sesuai namanya (diubah di server).')).toBeTruthy();

    fireEvent.click(card.getByLabelText('PPID Pembantu'));
    const before = api.callsTo('relay.status').length;
    fireEvent.click(card.getByRole('button', { name: 'Percayai Laptop Operator Baru' }));
    await waitFor(() => expect(api.callsTo('relay.trustDevice')).toHaveLength(1));
    expect(api.callsTo('relay.trustDevice')[0]!.input).toEqual({ installationId: B, publicKey: KEY, roles: ['operator', 'ppid_pembantu'] });
    // The list is read again: the trusted laptop leaves it.
    await waitFor(() => expect(api.callsTo('relay.status').length).toBeGreaterThan(before));
    await waitFor(() => expect(screen.getAllByTestId('relay-waiting-device')).toHaveLength(1));
  });

  it('shows the core’s refusal next to the button', async () => {
    const api = installFakeApi({ state: 'ready' });
    api.on('relay.get', () => ({ ok: true, data: stored }));
    api.on('relay.status', () => ({ ok: true, data: { ...base, devices: [waitingB], cardsRefused: [] } }));
    api.on('relay.trustDevice', () => ({ ok: false, code: 'NOT_FOUND', message: 'Kartu laptop ini belum ada di server relay, atau kartunya menyebut kunci lain.' }));
    render(
      <MantineProvider env="test">
        <RelaySection />
      </MantineProvider>,
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Percayai Laptop Operator Baru' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Kartu laptop ini belum ada di server relay');
  });

  it('a second card for a laptop already trusted is shown, with what to do, and cannot be trusted from here', async () => {
    const api = installFakeApi({ state: 'ready' });
    const second: RelayWaitingDevice = { ...waitingB, actsWaiting: 0, roles: [], claims: [{ ...waitingB.claims[0]!, knownBy: [], fingerprint: '1111 2222 3333 4444 5555' }], trustedAs: { name: 'Laptop Operator Baru', fingerprint: '3997 7530 1842 0065 9921' } };
    api.on('relay.get', () => ({ ok: true, data: stored }));
    api.on('relay.status', () => ({ ok: true, data: { ...base, devices: [second], cardsRefused: [] } }));
    render(
      <MantineProvider env="test">
        <RelaySection />
      </MantineProvider>,
    );
    expect(await screen.findByText(/sudah dipercaya sebagai "Laptop Operator Baru" dengan kode 3997 7530 1842 0065 9921.*cabut dulu kepercayaan lamanya/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: /Percayai/ })).toBeNull();
  });
});

describe('the top bar', () => {
  it('tells an administrator how many laptops wait to be trusted; others see the sync line only', async () => {
    const api = installFakeApi({ state: 'ready' });
    api.on('relay.status', () => ({ ok: true, data: { ...base, devices: [waitingB] } }));
    const { unmount } = render(
      <MantineProvider env="test">
        <RelayStatusLine admin />
      </MantineProvider>,
    );
    expect((await screen.findByTestId('status-relay')).textContent).toContain('1 laptop menunggu dipercaya');
    unmount();
    render(
      <MantineProvider env="test">
        <RelayStatusLine />
      </MantineProvider>,
    );
    expect((await screen.findByTestId('status-relay')).textContent).not.toContain('laptop menunggu dipercaya');
  });
});
