import { describe, expect, it } from 'vitest';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { MantineProvider } from '@mantine/core';
import type { RelayConfigView, RelayStatus } from '../../../electron/core/domain/sync/relay';
import { RelaySection } from '../../../renderer/src/features/settings/RelaySection';
import { RelayStatusLine } from '../../../renderer/src/features/shell/RelayStatusLine';
import { keptLine, relayLine, retryWords } from '../../../renderer/src/features/sync/relay-words';
import { installFakeApi } from '../../../renderer/src/test/fake-api';

/**
 * What the office reads about the relay: the top bar's one line ("Tersinkron 3 menit lalu",
 * "12 tindakan menunggu dikirim", "Tidak terhubung — bekerja luring"), and Pengaturan's
 * section where an administrator sets it and sees what it holds back.
 */

const NOW = new Date('2026-03-02T08:00:00.000Z');
const base: RelayStatus = { state: 'tersinkron', lastSyncAt: '2026-03-02T07:57:00.000Z', waitingToSend: 0, lastError: null, nextTryAt: null, received: 0, kept: { belumDipercaya: 0, menunggu: 0, ditolak: 0, acts: [] }, devices: [], cardsRefused: [] };

describe('the relay in words', () => {
  it('says when it last synced, what waits to be sent, and when it works offline', () => {
    expect(relayLine(base, NOW)).toEqual({ text: 'Tersinkron 3 menit lalu', tone: 'ok' });
    expect(relayLine({ ...base, lastSyncAt: '2026-03-02T07:59:40.000Z' }, NOW)?.text).toBe('Tersinkron baru saja');
    expect(relayLine({ ...base, lastSyncAt: '2026-03-01T05:00:00.000Z' }, NOW)?.text).toBe('Tersinkron 1 hari lalu');
    expect(relayLine({ ...base, waitingToSend: 12 }, NOW)).toEqual({ text: '12 tindakan menunggu dikirim', tone: 'waiting' });
    // Offline, the count still shows: it is what the next connection carries.
    expect(relayLine({ ...base, state: 'luring', waitingToSend: 12 }, NOW)).toEqual({ text: 'Tidak terhubung — bekerja luring · 12 tindakan menunggu dikirim', tone: 'offline' });
    expect(relayLine({ ...base, state: 'luring' }, NOW)).toEqual({ text: 'Tidak terhubung — bekerja luring', tone: 'offline' });
    expect(relayLine({ ...base, state: 'mati' }, NOW)).toBeNull();
    // A retry seconds away is "sebentar lagi", not a full date.
    const far = () => 'jauh';
    expect(retryWords('2026-03-02T08:00:20.000Z', NOW, far)).toBe('sebentar lagi');
    expect(retryWords('2026-03-02T08:04:00.000Z', NOW, far)).toBe('dalam 4 menit');
    expect(retryWords('2026-03-02T10:00:00.000Z', NOW, far)).toBe('jauh');
    expect(keptLine(base)).toBeNull();
    expect(keptLine({ ...base, kept: { belumDipercaya: 3, menunggu: 0, ditolak: 1, acts: [] } })).toBe('4 tindakan dari relay ditahan: 3 dari perangkat yang belum dipercaya, 1 ditolak');
  });
});

describe('the top bar', () => {
  it('shows nothing without a relay, the line with one, and asks for a round on a click', async () => {
    const api = installFakeApi({ state: 'ready' });
    const { unmount } = render(
      <MantineProvider env="test">
        <RelayStatusLine />
      </MantineProvider>,
    );
    await waitFor(() => expect(api.callsTo('relay.status').length).toBeGreaterThan(0));
    expect(screen.queryByTestId('status-relay')).toBeNull();
    unmount();

    api.on('relay.status', () => ({ ok: true, data: { ...base, state: 'luring', waitingToSend: 12 } }));
    api.on('relay.syncNow', () => ({ ok: true, data: { ...base, state: 'menyinkronkan' } }));
    render(
      <MantineProvider env="test">
        <RelayStatusLine />
      </MantineProvider>,
    );
    const line = await screen.findByTestId('status-relay');
    expect(line.textContent).toContain('Tidak terhubung — bekerja luring');
    fireEvent.click(line);
    await waitFor(() => expect(screen.getByTestId('status-relay').textContent).toContain('Menyinkronkan…'));
    expect(api.callsTo('relay.syncNow')).toHaveLength(1);
  });
});

describe('Pengaturan › Perangkat › Server relay', () => {
  it('refuses an address without TLS before sending, keeps a stored password when left empty, and names what is held back', async () => {
    const api = installFakeApi({ state: 'ready' });
    const stored: RelayConfigView = { url: 'https://relay.kapuashulukab.go.id', database: 'ppid-kapuashulu', username: 'laptop-kepala', enabled: true, hasPassword: true, protection: 'sistem' };
    api.on('relay.get', () => ({ ok: true, data: stored }));
    api.on('relay.set', (input) => ({ ok: true, data: { ...stored, ...(input as object), hasPassword: true } as RelayConfigView }));
    api.on('relay.status', () => ({
      ok: true,
      data: {
        ...base,
        kept: {
          belumDipercaya: 1,
          menunggu: 0,
          ditolak: 0,
          acts: [{ kind: 'belum-dipercaya', cycleId: 'c1', cycleTitle: null, actId: 'a1', installationId: 'a1b2c3d4-0000-4000-8000-0000000000cc', reason: 'tindakan dari perangkat yang belum dipercaya' }],
        },
      },
    }));
    render(
      <MantineProvider env="test">
        <RelaySection />
      </MantineProvider>,
    );
    const url = await screen.findByLabelText(/Alamat server/);
    expect(await screen.findByText('1 tindakan dari relay ditahan: 1 dari perangkat yang belum dipercaya')).toBeTruthy();
    expect(screen.getByText('a1b2c3d4-0000-4000-8000-0000000000cc')).toBeTruthy();
    expect(screen.getByText(/terenkripsi oleh sistem operasi/)).toBeTruthy();

    fireEvent.change(url, { target: { value: 'http://relay.kapuashulukab.go.id' } });
    fireEvent.click(screen.getByRole('button', { name: 'Simpan server relay' }));
    expect(await screen.findByText(/harus memakai https:\/\/ \(TLS\)/)).toBeTruthy();
    expect(api.callsTo('relay.set')).toHaveLength(0);

    fireEvent.change(url, { target: { value: 'https://relay2.kapuashulukab.go.id' } });
    fireEvent.click(screen.getByRole('button', { name: 'Simpan server relay' }));
    await waitFor(() => expect(api.callsTo('relay.set')).toHaveLength(1));
    expect(api.callsTo('relay.set')[0]!.input).toEqual({ url: 'https://relay2.kapuashulukab.go.id', database: 'ppid-kapuashulu', username: 'laptop-kepala', password: null, enabled: true });
  });
});
