import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { CycleView } from '../../electron/core/domain/cycle-views';
import type { AppliedPackage, PackagePreview } from '../../electron/core/domain/sync/preview';
import { call, failure, login, must, removeTempDirs, snapshotDir } from '../fixtures/harness';
import { officeLaptops, type Laptop } from '../fixtures/laptops';
import { completeItem } from './workflow-fixtures';

let open: Laptop[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((l) => l.core.close()));
});
afterAll(removeTempDirs);

async function laptops(n: number) {
  open = await officeLaptops(n);
  return open;
}

async function send(from: Laptop, session: string, cycleIds: string[], to: string | null = null) {
  return must<{ fileName: string; base64: string }>(from.core, 'sync.export', { cycleIds, to }, session);
}

describe('sync packages between two laptops of one office', () => {
  it('a cycle made on the operator laptop arrives on the PPID laptop, with a preview first, and nothing twice', async () => {
    const [op, ppid] = await laptops(2);
    const opS = await login(op!.core, 'operator');
    const { id } = await must<{ id: string }>(op!.core, 'cycles.create', { title: 'DIP 2027', year: 2027 }, opS);
    await must(op!.core, 'cycles.addItems', { cycleId: id, items: [completeItem('Profil Dinas', 'Sekretariat', 'setiap_saat')] }, opS);
    const pkg = await send(op!, opS, [id], 'ppid_pembantu');
    expect(pkg.fileName).toBe('DIP-2027_langkah-1_untuk-PPID-Pembantu_2026-03-02.ppid');

    const admin = await login(ppid!.core, 'ppid');
    const before = await snapshotDir(ppid!.dir);
    const preview = await must<PackagePreview>(ppid!.core, 'sync.preview', { base64: pkg.base64, fileName: pkg.fileName }, admin);
    expect(preview.signers).toEqual([expect.objectContaining({ trust: 'baru', sender: true, rolesUsed: ['operator'] })]);
    expect(preview.cycles).toEqual([expect.objectContaining({ status: 'baru', title: 'DIP 2027', itemsAdded: ['Profil Dinas'] })]);
    // A preview writes nothing.
    expect(await snapshotDir(ppid!.dir)).toEqual(before);

    // Not trusted: refused with the reason, nothing written.
    expect(failure(await call(ppid!.core, 'sync.apply', { previewId: preview.previewId }, admin)).message).toMatch(/Percayai dulu perangkat/);
    const applied = await must<AppliedPackage>(ppid!.core, 'sync.apply', { previewId: preview.previewId, trust: [{ installationId: preview.sender.installationId, roles: ['operator'] }] }, admin);
    expect(applied.cycles).toEqual([expect.objectContaining({ id, newActs: 2, merged: false })]);
    const view = await must<CycleView>(ppid!.core, 'cycles.get', { cycleId: id }, admin);
    expect(view.items.map((i) => i.fields.judul)).toEqual(['Profil Dinas']);

    const again = await must<PackagePreview>(ppid!.core, 'sync.preview', { base64: pkg.base64, fileName: pkg.fileName }, admin);
    expect(again).toMatchObject({ alreadyReceived: true, nothingNew: true });
    const snap = await snapshotDir(`${ppid!.dir}/cycles`);
    await must(ppid!.core, 'sync.apply', { previewId: again.previewId }, admin);
    expect(await snapshotDir(`${ppid!.dir}/cycles`)).toEqual(snap);
  });
});
