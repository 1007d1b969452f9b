import { describe, expect, it } from 'vitest';
import { fireEvent, screen, within } from '@testing-library/react';
import type { BackupMade } from '../../../electron/core/domain/backup';
import type { DeviceSelfView } from '../../../electron/core/domain/sync/trust';
import type { Laptop } from '../../fixtures/laptops';
import { completeItem } from '../workflow-fixtures';
import { as, chooseFile, exported, showApp, useLaptops } from './sync-fixtures';

/**
 * A laptop restored from a backup becomes a new device (a new key): the restore dialog says so
 * before anything happens and shows the new key's code after, and the other laptops' "Terima
 * paket" shows it as a new laptop replacing the old one, to be trusted once.
 */

const laptops = useLaptops();

/** The operator laptop, named, with a cycle the PPID laptop has received, and a backup of it. */
async function officeWithBackup(op: Laptop, ppid: Laptop) {
  await as(op, 'ppid', 'devices.renameSelf', { name: 'Laptop Operator' });
  const { id } = await as<{ id: string }>(op, 'operator', 'cycles.create', { title: 'DIP 2027', year: 2027 });
  await as(op, 'operator', 'cycles.addItems', { cycleId: id, items: [completeItem('Profil Dinas', 'Sekretariat', 'setiap_saat')] });
  const first = await exported(op, 'operator', [id], 'ppid_pembantu');
  const preview = await as<{ previewId: string; sender: { installationId: string } }>(ppid, 'ppid', 'sync.preview', {
    base64: Buffer.from(await first.arrayBuffer()).toString('base64'),
    fileName: first.name,
  });
  await as(ppid, 'ppid', 'sync.apply', { previewId: preview.previewId, trust: [{ installationId: preview.sender.installationId, roles: ['operator'] }] });
  const made = await as<BackupMade>(op, 'ppid', 'backup.create', { save: false });
  return { id, made };
}

describe('a laptop restored from a backup is a new device', () => {
  it('Pulihkan says the laptop gets a new device key the others trust once, and shows its code when done', async () => {
    const [op, ppid] = await laptops(2);
    const { made } = await officeWithBackup(op!, ppid!);
    const before = await as<DeviceSelfView>(op!, 'ppid', 'devices.self');
    await showApp(op!, 'ppid', '#/pengaturan/cadangan');

    const input = await screen.findByLabelText('Berkas cadangan');
    fireEvent.change(input, { target: { files: [new File([Buffer.from(made.base64!, 'base64')], made.fileName)] } });
    const dialog = await screen.findByRole('dialog', { name: 'Pulihkan dari cadangan?' });
    expect(dialog.textContent).toContain('Sesudah pemulihan, laptop ini mendapat kunci perangkat baru.');
    expect(dialog.textContent).toContain('administrator di setiap laptop lain perlu mempercayainya sekali lagi');
    // The warning that a restored laptop takes over another's identity is gone: it no longer does.
    expect(dialog.textContent).not.toContain('memakai identitas dan kunci laptop itu');

    fireEvent.click(within(dialog).getByLabelText(/Saya mengerti/));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Pulihkan data' }));
    const done = await screen.findByRole('dialog', { name: 'Data dipulihkan' });
    const after = await as<DeviceSelfView>(op!, 'ppid', 'devices.self');
    expect(after.fingerprint).not.toBe(before.fingerprint);
    const note = within(done).getByTestId('kunci-baru');
    // The code the other laptops' administrators compare, read from this laptop's own Pengaturan › Perangkat.
    expect(within(note).getByTestId('kode-kunci').textContent).toBe(after.fingerprint);
    expect(note.textContent).toContain('perlu mempercayai perangkat "Laptop Operator" sekali lagi');
  });

  it('Terima paket on another laptop shows it as a new laptop replacing the old one, to be trusted once', async () => {
    const [op, ppid] = await laptops(2);
    const { id, made } = await officeWithBackup(op!, ppid!);
    const p = await as<{ previewId: string }>(op!, 'ppid', 'backup.preview', { base64: made.base64, fileName: made.fileName });
    await as(op!, 'ppid', 'backup.restore', { previewId: p.previewId });
    const self = await as<DeviceSelfView>(op!, 'ppid', 'devices.self');
    await as(op!, 'operator', 'cycles.addItems', { cycleId: id, items: [completeItem('Rekap pengaduan', 'Sekretariat', 'berkala')] });
    const file = await exported(op!, 'operator', [id], 'ppid_pembantu');

    await showApp(ppid!, 'ppid', '#/beranda');
    fireEvent.click(await screen.findByRole('button', { name: 'Terima paket' }));
    chooseFile(file);
    const dialog = await screen.findByRole('dialog', { name: 'Terima paket' });
    await within(dialog).findByRole('button', { name: 'Terapkan' });
    const signer = dialog.querySelector<HTMLElement>('[data-trust="baru"]')!;
    expect(within(signer).getByTestId('kode-kunci').textContent).toBe(self.fingerprint);
    expect(within(signer).getByTestId('pengganti').textContent).toContain('pengganti dari "Laptop Operator"');
    expect(within(signer).getByTestId('pengganti').textContent).toContain('Tetap cocokkan kode kuncinya');
  });
});
