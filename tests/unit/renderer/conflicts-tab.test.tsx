import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { CycleView } from '../../../electron/core/domain/cycle-views';
import type { Role } from '../../../electron/core/domain/roles';
import type { PackagePreview } from '../../../electron/core/domain/sync/preview';
import type { Laptop } from '../../fixtures/laptops';
import { completeItem } from '../workflow-fixtures';
import { as, showApp, useLaptops } from './sync-fixtures';

/**
 * The Konflik tab: what concurrent work on two laptops left to decide, each option side by
 * side with who made it on which laptop; only the holder of the deciding role chooses, and an
 * option the step does not allow says why.
 */

const laptops = useLaptops();

/** `from` sends the cycle to `to`, whose administrator trusts a new sender with `roles`. */
async function deliver(from: Laptop, to: Laptop, cycleId: string, roles: Role[]) {
  const pkg = await as<{ base64: string; fileName: string }>(from, 'operator', 'sync.export', { cycleIds: [cycleId] });
  const p = await as<PackagePreview>(to, 'ppid', 'sync.preview', { base64: pkg.base64, fileName: pkg.fileName });
  const trust = p.signers.filter((s) => s.trust === 'baru').map((s) => ({ installationId: s.installationId, roles }));
  await as(to, 'ppid', 'sync.apply', { previewId: p.previewId, trust });
}

/** The same item's Ringkasan and Bentuk changed differently on the office laptop and on the Statistik officer's laptop. */
async function fieldConflicts() {
  const [office, bidang] = await laptops(2);
  await as(bidang!, 'ppid', 'devices.renameSelf', { name: 'Laptop Bidang Statistik' });
  const { id } = await as<{ id: string }>(office!, 'operator', 'cycles.create', { title: 'DIP 2027', year: 2027 });
  const v = await as<CycleView>(office!, 'operator', 'cycles.addItems', { cycleId: id, items: [completeItem('Profil Dinas', 'Sekretariat', 'setiap_saat')] });
  const itemId = v.items[0]!.id;
  await deliver(office!, bidang!, id, ['operator']);
  await as(office!, 'operator', 'cycles.updateItem', { cycleId: id, itemId, fields: { ringkasan: 'Profil, visi dan misi Dinas', bentuk: ['softcopy'] } });
  await as(bidang!, 'operator', 'cycles.updateItem', { cycleId: id, itemId, fields: { ringkasan: 'Profil singkat Dinas dan struktur organisasi', bentuk: [] } });
  await deliver(bidang!, office!, id, ['operator']);
  return { office: office!, id, itemId };
}

function conflictCard(title: string): HTMLElement {
  return screen.getByText(title).closest('[data-conflict]') as HTMLElement;
}

async function openConflicts(count: number) {
  fireEvent.click(await screen.findByRole('button', { name: `${count} konflik menunggu` }));
  return screen.findByRole('tabpanel', { name: new RegExp(`Konflik \\(${count}\\)`) });
}

describe('Konflik', () => {
  it('shows the two values side by side, each with who made it, when, and on which laptop', async () => {
    const { office, id } = await fieldConflicts();
    await showApp(office, 'operator', `#/siklus/${id}`);
    await openConflicts(2);

    const summary = conflictCard('"Profil Dinas": Ringkasan isi diisi berbeda');
    expect(within(summary).getByText('Isian berbeda')).toBeTruthy();
    const options = within(summary).getAllByRole('group', { name: /^Pilihan \d/ });
    expect(options).toHaveLength(2);
    // Side by side: both in one two-column grid.
    const grid = options[0]!.parentElement!;
    expect(options[1]!.parentElement).toBe(grid);
    expect(grid.className).toContain('SimpleGrid');
    const byValue = () => new Map(options.map((o) => [within(o).getByTestId('nilai-pilihan').textContent, o.textContent!]));
    expect([...byValue().keys()].sort()).toEqual(['Profil singkat Dinas dan struktur organisasi', 'Profil, visi dan misi Dinas']);
    // The laptops' names arrive with the package history.
    await waitFor(() => expect(byValue().get('Profil, visi dan misi Dinas')).toMatch(/Rizky Pratama, S\.Kom\. \(Operator OPD\), 2 Maret 2026 15\.00, di laptop ini/));
    expect(byValue().get('Profil singkat Dinas dan struktur organisasi')).toMatch(/di laptop "Laptop Bidang Statistik"/);

    // A list field reads as words; emptied, it says so.
    const bentuk = conflictCard('"Profil Dinas": Bentuk informasi diisi berbeda');
    expect(within(bentuk).getAllByTestId('nilai-pilihan').map((v) => v.textContent).sort()).toEqual(['(kosong)', 'Softcopy']);
  });

  it('lets only the holder of the deciding role choose, after confirming, and keeps the other value in Riwayat', async () => {
    const { office, id, itemId } = await fieldConflicts();
    const ppidView = await showApp(office, 'ppid', `#/siklus/${id}`);
    await openConflicts(2);
    expect(screen.queryByRole('button', { name: 'Pilih ini' })).toBeNull();
    expect(screen.getAllByTestId('menunggu-keputusan').map((e) => e.textContent)).toEqual(['Menunggu keputusan Operator OPD', 'Menunggu keputusan Operator OPD']);
    ppidView.unmount();

    await showApp(office, 'operator', `#/siklus/${id}`);
    await openConflicts(2);
    const summary = conflictCard('"Profil Dinas": Ringkasan isi diisi berbeda');
    const theirs = within(summary)
      .getAllByRole('group', { name: /^Pilihan \d/ })
      .find((o) => o.textContent!.includes('Profil singkat Dinas dan struktur organisasi'))!;
    fireEvent.click(within(theirs).getByRole('button', { name: 'Pilih ini' }));
    const confirm = await screen.findByRole('dialog', { name: 'Pilih ini?' });
    expect(confirm.textContent).toContain('Profil singkat Dinas dan struktur organisasi');
    fireEvent.click(within(confirm).getByRole('button', { name: 'Ya, pilih ini' }));

    expect(await screen.findByRole('button', { name: '1 konflik menunggu' })).toBeTruthy();
    const v = await as<CycleView>(office, 'operator', 'cycles.get', { cycleId: id });
    expect(v.items.find((i) => i.id === itemId)!.fields.ringkasan).toBe('Profil singkat Dinas dan struktur organisasi');
    expect(v.conflicts.map((c) => c.field)).toEqual(['bentuk']);
    expect(v.timeline.some((t) => t.type === 'conflict.resolved')).toBe(true);
  });

  it('disables an option the step does not allow, with the reason, and shows work set aside', async () => {
    const [office, bidang] = await laptops(2);
    const { id } = await as<{ id: string }>(office!, 'operator', 'cycles.create', { title: 'DIP 2027', year: 2027 });
    const added = await as<CycleView>(office!, 'operator', 'cycles.addItems', {
      cycleId: id,
      items: [completeItem('Profil Dinas', 'Sekretariat', 'setiap_saat'), completeItem('Rencana Strategis', 'Sekretariat', 'berkala')],
    });
    await as(office!, 'operator', 'cycles.act', { cycleId: id, action: 'report' });
    await as(office!, 'ppid', 'cycles.act', { cycleId: id, action: 'issueNotaDinas' });
    await deliver(office!, bidang!, id, ['operator', 'ppid_pembantu']);
    // The officer still fills in an item on the other laptop…
    await as(bidang!, 'operator', 'cycles.updateItem', { cycleId: id, itemId: added.items[0]!.id, fields: { retensi: '10 tahun' } });
    // …while at the office the Konsep is sent, checked and forwarded to the Kepala.
    const v = await as<CycleView>(office!, 'operator', 'cycles.act', { cycleId: id, action: 'submitKonsep' });
    for (const i of v.items) await as(office!, 'ppid', 'cycles.markReview', { cycleId: id, itemId: i.id, verdict: 'sesuai' });
    await as(office!, 'ppid', 'cycles.act', { cycleId: id, action: 'approve' });
    await deliver(bidang!, office!, id, ['operator']);

    await showApp(office!, 'kepala', `#/siklus/${id}`);
    await openConflicts(1);
    const card = screen.getByText('Pekerjaan yang datang terlambat').closest('[data-conflict]') as HTMLElement;
    const [take, aside] = within(card).getAllByRole('group', { name: /^Pilihan \d/ });
    expect((within(take!).getByRole('button', { name: 'Pilih ini' }) as HTMLButtonElement).disabled).toBe(true);
    expect(within(take!).getByTestId('alasan-tidak-bisa').textContent).toBe(
      'Pada tahap "Pemeriksaan Kepala OPD" pekerjaan ini tidak dapat diambil lagi; sisihkan, atau kembalikan siklus lebih dahulu.',
    );
    expect(within(take!).getByText(/Retensi/)).toBeTruthy();
    const setAside = within(aside!).getByRole('button', { name: 'Pilih ini' }) as HTMLButtonElement;
    expect(setAside.disabled).toBe(false);

    fireEvent.click(setAside);
    fireEvent.click(within(await screen.findByRole('dialog', { name: 'Pilih ini?' })).getByRole('button', { name: 'Ya, pilih ini' }));
    const kept = await screen.findByTestId('disisihkan');
    expect(kept.textContent).toContain('1 tindakan disisihkan');
    expect(kept.textContent).toContain('tetap tercatat di Riwayat');
    await waitFor(() => expect(screen.queryByRole('button', { name: /konflik menunggu/ })).toBeNull());
  });
});
