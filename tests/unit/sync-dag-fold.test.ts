import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { buildTimeline } from '../../electron/core/domain/timeline';
import { availableActions, foldGraph, type CycleState, type OpenConflict } from '../../electron/core/domain/workflow';
import { forceNextIds, seedIds } from '../fixtures/sync-ids';
import { DAY, PEOPLE, projection, SyncSim, type Laptop } from '../fixtures/sync-sim';
import { completeItem } from './workflow-fixtures';

vi.mock('node:crypto', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:crypto')>();
  const ids = await import('../fixtures/sync-ids');
  return { ...actual, randomUUID: () => ids.nextId() };
});

const { operator, petugas, ppid, kepala } = PEOPLE;
const CONFLICT_GUARD = /^1 konflik dari laptop lain menunggu keputusan \(lihat "Konflik"\); selesaikan lebih dahulu\.$/;

let sim: SyncSim;
let O: Laptop; // the operator's laptop
let F: Laptop; // the officer's laptop (operator role)
let P: Laptop; // the PPID Pembantu's laptop
let K: Laptop; // the Kepala's laptop

beforeEach(async () => {
  seedIds(20261123);
  sim = await SyncSim.create(['operator', 'petugas', 'ppid', 'kepala']);
  [O, F, P, K] = sim.laptops as [Laptop, Laptop, Laptop, Laptop];
});
afterEach(() => sim.dispose());

const state = (l: Laptop, id: string): CycleState => l.repo.get(id)!;
const actIds = (l: Laptop, id: string) => new Map(l.repo.events(id).map((e) => [e.id, e.hash]));

/** Every laptop holds the same acts (id and hash) and folds them to the same state. */
function expectAgreement(id: string, laptops: Laptop[] = sim.laptops) {
  const [first, ...rest] = laptops;
  for (const l of rest) {
    expect(actIds(l, id), `${l.name} holds the acts ${first!.name} holds`).toEqual(actIds(first!, id));
    expect(projection(state(l, id)), `${l.name} folds as ${first!.name}`).toEqual(projection(state(first!, id)));
  }
  // The state kept in memory is the state the log folds to.
  for (const l of laptops) expect(projection(foldGraph(l.repo.events(id)).state)).toEqual(projection(state(l, id)));
}

/** Two items on the list, reported, the Nota Dinas issued: every laptop at step 3. */
async function officeAtStep3() {
  const id = await sim.createCycle(O);
  const renstra = await sim.addItem(O, operator, id, completeItem('Rencana Strategis 2027-2031', 'Sekretariat', 'setiap_saat'));
  const keuangan = await sim.addItem(O, operator, id, completeItem('Laporan Keuangan 2026', 'Keuangan', 'berkala'));
  await sim.act(O, operator, id, 'report');
  await sim.exchange(O, P, id);
  await sim.act(P, ppid, id, 'issueNotaDinas');
  await sim.exchangeUntilQuiet(id);
  expect(state(F, id).step).toBe('pengumpulan');
  return { id, renstra, keuangan };
}

/** The Konsep sent and every item judged "sesuai" by the PPID Pembantu: every laptop at step 4, ready to approve. */
async function officeAtStep4Reviewed() {
  const at3 = await officeAtStep3();
  await sim.act(O, operator, at3.id, 'submitKonsep');
  await sim.exchange(O, P, at3.id);
  await sim.markAll(P, ppid, at3.id);
  await sim.exchangeUntilQuiet(at3.id);
  return at3;
}

function only(s: CycleState, kind: OpenConflict['kind']): OpenConflict {
  expect(s.conflicts.map((c) => c.kind)).toEqual([kind]);
  return s.conflicts[0]!;
}

describe('two laptops working on one cycle at once', () => {
  it('two officers fill in different items at step 3: after exchanging, both laptops hold the same acts and list, one merge act shows once in Riwayat, nothing to decide', async () => {
    const { id, renstra, keuangan } = await officeAtStep3();
    const perizinan = await sim.addItem(F, petugas, id, completeItem('Data Perizinan', 'Perizinan', 'setiap_saat'));
    const pengadaan = await sim.addItem(O, operator, id, completeItem('Rencana Pengadaan', 'Sekretariat', 'serta_merta'));

    const toO = await sim.exchange(F, O, id);
    expect(toO.fresh.map((e) => e.body.type)).toEqual(['item.added']);
    expect(toO.merged).not.toBeNull();
    const toF = await sim.exchange(O, F, id);
    // O's own item and the merge O made: F does not join the same heads a second time.
    expect(toF.fresh.map((e) => e.id)).toEqual(expect.arrayContaining([toO.merged!.id]));
    expect(toF.merged).toBeNull();

    expectAgreement(id, [O, F]);
    for (const l of [O, F]) {
      const s = state(l, id);
      expect(new Set(s.items.map((i) => i.id))).toEqual(new Set([renstra, keuangan, perizinan, pengadaan]));
      expect(s.conflicts).toEqual([]);
      expect(s.heads).toEqual([toO.merged!.id]);
      const merges = buildTimeline(l.repo.events(id)).filter((t) => t.type === 'merge');
      expect(merges).toHaveLength(1);
      expect(merges[0]!.summary).toMatch(/digabungkan otomatis/);
      expect(availableActions(s, 'operator').find((a) => a.action === 'submitKonsep')!.allowed).toBe(true);
    }
  });

  it('the same item, different fields on two laptops: both changes kept, nothing to decide', async () => {
    const { id, renstra } = await officeAtStep3();
    await sim.updateItem(F, petugas, id, renstra, { ringkasan: 'Arah kebijakan lima tahun.' });
    await sim.updateItem(O, operator, id, renstra, { retensi: '10 tahun' });
    await sim.exchange(F, O, id);
    await sim.exchange(O, F, id);

    expectAgreement(id, [O, F]);
    const item = state(O, id).items.find((i) => i.id === renstra)!;
    expect(item.fields.ringkasan).toBe('Arah kebijakan lima tahun.');
    expect(item.fields.retensi).toBe('10 tahun');
    expect(state(O, id).conflicts).toEqual([]);
  });
});
