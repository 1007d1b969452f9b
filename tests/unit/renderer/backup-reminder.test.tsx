import { describe, expect, it } from 'vitest';
import { render, screen, waitFor } from '@testing-library/react';
import { MantineProvider } from '@mantine/core';
import { MemoryRouter } from 'react-router';
import type { BackupStatus } from '../../../electron/core/domain/backup';
import { BackupReminder } from '../../../renderer/src/features/settings/BackupReminder';
import { BackupTab } from '../../../renderer/src/features/settings/BackupTab';
import { installFakeApi } from '../../../renderer/src/test/fake-api';

/** Beranda (administrators) and Pengaturan › Cadangan say when the last backup was made, and warn when it is too old. */

const DAY = 86_400_000;
const status = (over: Partial<BackupStatus>): BackupStatus => ({
  last: null,
  lastAuto: null,
  freshness: 'belum',
  warn: false,
  auto: { folder: null, keep: 7, lastError: null },
  lastRestore: null,
  dataDir: '/home/ppid/.config/PPID Desk/data',
  ...over,
});

function mount(node: React.ReactNode, s: BackupStatus) {
  const api = installFakeApi({ state: 'ready' });
  api.on('backup.status', () => ({ ok: true, data: s }));
  return render(
    <MantineProvider env="test">
      <MemoryRouter>{node}</MemoryRouter>
    </MantineProvider>,
  );
}

describe('backup reminders', () => {
  it('Beranda warns an administrator when the last backup is more than a week old, and leads to Pengaturan › Cadangan', async () => {
    const at = new Date(Date.now() - 9 * DAY).toISOString();
    mount(<BackupReminder />, status({ last: { at, kind: 'otomatis', fileName: 'x.ppidbackup', savedTo: '/media/usb/x.ppidbackup', bytes: 10 }, freshness: 'lama', warn: true }));
    expect(await screen.findByText('Cadangan terakhir 9 hari yang lalu')).toBeTruthy();
    expect(screen.getByText(/lebih dari 7 hari yang lalu/)).toBeTruthy();
    expect(screen.getByRole('link', { name: /Buka Pengaturan › Cadangan/ }).getAttribute('href')).toBe('/pengaturan/cadangan');
  });

  it('Beranda warns when there has never been a backup (once the installation is a week old)', async () => {
    mount(<BackupReminder />, status({ warn: true }));
    expect(await screen.findByText('Data belum pernah dicadangkan')).toBeTruthy();
  });

  it('Beranda stays quiet while the last backup is recent', async () => {
    const api = installFakeApi({ state: 'ready' });
    api.on('backup.status', () => ({ ok: true, data: status({ freshness: 'baik', last: { at: new Date().toISOString(), kind: 'manual', fileName: 'x', savedTo: null, bytes: 1 } }) }));
    render(
      <MantineProvider env="test">
        <MemoryRouter>
          <BackupReminder />
        </MemoryRouter>
      </MantineProvider>,
    );
    await waitFor(() => expect(api.callsTo('backup.status')).toHaveLength(1));
    expect(screen.queryByTestId('peringatan-cadangan')).toBeNull();
    expect(screen.queryByText(/cadang/i)).toBeNull();
  });

  it('Pengaturan › Cadangan says when the last one was made, and why the automatic one failed', async () => {
    const at = new Date(Date.now() - 2 * DAY).toISOString();
    mount(
      <BackupTab />,
      status({
        last: { at, kind: 'otomatis', fileName: 'x.ppidbackup', savedTo: '/media/usb/x.ppidbackup', bytes: 10 },
        lastAuto: { at, kind: 'otomatis', fileName: 'x.ppidbackup', savedTo: '/media/usb/x.ppidbackup', bytes: 10 },
        freshness: 'baik',
        auto: { folder: '/media/usb', keep: 7, lastError: { at: new Date().toISOString(), message: 'Folder cadangan otomatis tidak ditemukan: /media/usb. Pasang flashdisk-nya.' } },
      }),
    );
    expect((await screen.findByTestId('cadangan-terakhir')).textContent).toMatch(/Cadangan terakhir: .*\(2 hari yang lalu, otomatis\)/);
    expect(screen.getByText(/Pasang flashdisk-nya/)).toBeTruthy();
    expect(screen.getByText('Aktif')).toBeTruthy();
    expect((screen.getByLabelText('Folder cadangan') as HTMLInputElement).value).toBe('/media/usb');
    // Before a backup is made, what it holds is said.
    expect(screen.getByText(/termasuk akun pengguna dan sandi \(dalam bentuk hash\)/)).toBeTruthy();
  });
});
