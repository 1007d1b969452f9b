import { promises as fs } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { Core } from '../../../electron/core/app-core';
import type { CycleSummary } from '../../../electron/core/domain/cycle-views';
import { tempDir } from '../../fixtures/harness';
import type { Laptop } from '../../fixtures/laptops';
import { completeItem } from '../workflow-fixtures';
import { as, showApp, useLaptops } from './sync-fixtures';

/**
 * The shared folders on screen, against real cores: the top bar says what arrived, Beranda
 * lists what waits for a person and opens the usual preview on it, and Pengaturan refuses a
 * folder it cannot use in the field's own words.
 */

const laptops = useLaptops();

/** Reopened with the watcher polled by the test (two looks at an unchanged file: complete). */
async function handPolled(l: Laptop): Promise<void> {
  await l.core.close();
  l.core = await Core.open({
    dataDir: l.dir,
    clock: l.clock,
    holder: 'test',
    resourcesDir: path.resolve('resources'),
    appVersion: '0.0.0-test',
    sharedFolders: { auto: false, settleMs: 0, retryMs: 0 },
  });
}

async function poll(l: Laptop) {
  await l.core.pollSharedFolders();
  await l.core.pollSharedFolders();
}

async function operatorCycle(op: Laptop, title: string, year: number): Promise<string> {
  const { id } = await as<{ id: string }>(op, 'operator', 'cycles.create', { title, year });
  await as(op, 'operator', 'cycles.addItems', { cycleId: id, items: [completeItem('Profil Dinas', 'Sekretariat', 'setiap_saat')] });
  return id;
}

const cyclesOn = async (l: Laptop) => (await as<{ cycles: CycleSummary[] }>(l, 'ppid', 'cycles.list')).cycles.map((c) => c.title);

describe('Folder bersama on screen', () => {
  it('a package from a laptop not yet trusted waits on Beranda; "Periksa dan terima" opens its preview, and once applied it leaves', async () => {
    const [op, ppid] = await laptops(2);
    await handPolled(ppid!);
    const shared = await tempDir('ppid-shared-');
    await as(op!, 'ppid', 'sharedFolders.set', { outbox: shared, inbox: null });
    await as(ppid!, 'ppid', 'sharedFolders.set', { outbox: null, inbox: shared });
    await as(op!, 'ppid', 'devices.renameSelf', { name: 'Laptop Operator' });
    const id = await operatorCycle(op!, 'DIP 2027', 2027);
    await as(op!, 'operator', 'sync.export', { cycleIds: [id], to: 'ppid_pembantu' });
    await poll(ppid!);

    const app = await showApp(ppid!, 'ppid', '#/beranda');
    const card = await screen.findByTestId('paket-menunggu');
    expect(card.textContent).toContain('Paket 1 dari Laptop Operator');
    expect(card.textContent).toContain('DIP 2027: Langkah 1');
    expect(card.textContent).toContain('Dari laptop yang belum dipercaya');
    expect((await screen.findByTestId('status-folder-bersama')).textContent).toBe('Folder bersama: 1 paket menunggu keputusan');
    expect(await cyclesOn(ppid!)).toEqual([]);

    fireEvent.click(within(card).getByRole('button', { name: 'Periksa dan terima' }));
    const dialog = await screen.findByRole('dialog', { name: 'Terima paket' });
    await within(dialog).findByRole('button', { name: 'Terapkan' });
    expect(app.called('sharedFolders.preview')).toHaveLength(1);
    expect(dialog.textContent).toContain('Paket dari Laptop Operator');
    fireEvent.click(within(dialog).getByLabelText(/Saya sudah mencocokkan kode kunci ini/));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Terapkan' }));
    await within(dialog).findByTestId('paket-diterapkan');
    expect(await cyclesOn(ppid!)).toEqual(['DIP 2027']);
    await waitFor(() => expect(screen.queryByTestId('paket-menunggu')).toBeNull());
    // The file the operator's laptop put there is still there.
    expect(await fs.readdir(shared)).toHaveLength(1);
  });

  it('the top bar says how many packages were applied on arrival today, and when', async () => {
    const [op, ppid] = await laptops(2);
    await handPolled(ppid!);
    const shared = await tempDir('ppid-shared-');
    const self = await as<{ installationId: string; publicKey: string }>(op!, 'ppid', 'devices.self');
    await as(ppid!, 'ppid', 'devices.trust', { installationId: self.installationId, name: 'Laptop Operator', publicKey: self.publicKey, roles: ['operator'] });
    await as(op!, 'ppid', 'sharedFolders.set', { outbox: shared, inbox: null });
    await as(ppid!, 'ppid', 'sharedFolders.set', { outbox: null, inbox: shared });
    for (const [title, year] of [['DIP 2027', 2027], ['DIP 2028', 2028]] as const) {
      await as(op!, 'operator', 'sync.export', { cycleIds: [await operatorCycle(op!, title, year)], to: 'ppid_pembantu' });
    }
    await poll(ppid!);

    await showApp(ppid!, 'operator', '#/beranda');
    // 08.00 UTC is 15.00 in the office's zone (WIB).
    await waitFor(async () => expect((await screen.findByTestId('status-folder-bersama')).textContent).toBe('Folder bersama: 2 paket diterapkan otomatis · 15.00'));
    expect(screen.queryByTestId('paket-menunggu')).toBeNull();
    await screen.findByRole('row', { name: /DIP 2028/ });
  });

  it('Pengaturan › Perangkat refuses a folder it cannot use, under the field, and saves one it can', async () => {
    const [l] = await laptops(1);
    const shared = await tempDir('ppid-shared-');
    const app = await showApp(l!, 'ppid', '#/pengaturan/perangkat');
    const section = await screen.findByTestId('folder-bersama');
    const inbox = await within(section).findByRole('textbox', { name: 'Folder masuk' });
    fireEvent.change(inbox, { target: { value: 'Sync/paket' } });
    fireEvent.click(within(section).getByRole('button', { name: 'Simpan folder bersama' }));
    expect(await within(section).findByText(/Folder masuk: tulis alamat folder lengkap/)).toBeTruthy();
    expect(await as(l!, 'ppid', 'sharedFolders.get')).toEqual({ outbox: null, inbox: null, autoApply: true });

    fireEvent.change(inbox, { target: { value: shared } });
    fireEvent.click(within(section).getByRole('switch', { name: /Terapkan otomatis/ }));
    fireEvent.click(within(section).getByRole('button', { name: 'Simpan folder bersama' }));
    await waitFor(async () => expect(await as(l!, 'ppid', 'sharedFolders.get')).toEqual({ outbox: null, inbox: shared, autoApply: false }));
    expect(app.called('sharedFolders.set')).toHaveLength(2);
  });
});
