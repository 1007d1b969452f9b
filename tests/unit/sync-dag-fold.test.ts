import { createHash, generateKeyPairSync, sign } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { buildTimeline } from '../../electron/core/domain/timeline';
import { availableActions, foldGraph, type Actor, type CycleEvent, type CycleState, type EventBody, type OpenConflict } from '../../electron/core/domain/workflow';
import { AppError } from '../../electron/core/result';
import { eventHash, eventLine } from '../../electron/core/store/event-log';
import { forceNextIds, seedIds } from '../fixtures/sync-ids';
import { DAY, PEOPLE, projection, readPackage, SyncSim, type Laptop } from '../fixtures/sync-sim';
import { formatOneLog } from './act-log-fixtures';
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

describe('what waits for a person', () => {
  it('one field, two values: one "Isian berbeda" conflict shows both, Kirim Konsep waits, the operator chooses and every laptop gets that value; the other stays in Riwayat', async () => {
    const { id, renstra } = await officeAtStep3();
    await sim.updateItem(F, petugas, id, renstra, { judul: 'Renstra Dinas 2027-2031' });
    await sim.updateItem(O, operator, id, renstra, { judul: 'Rencana Strategis Dinas 2027-2031' });
    await sim.exchange(F, O, id);
    await sim.exchange(O, F, id);
    expectAgreement(id, [O, F]);

    const c = only(state(O, id), 'isian');
    expect(c).toMatchObject({ decider: 'operator', itemId: renstra, field: 'judul', title: expect.stringContaining('Judul diisi berbeda') });
    expect(c.options.map((o) => o.value).sort()).toEqual(['Rencana Strategis Dinas 2027-2031', 'Renstra Dinas 2027-2031']);
    expect(c.options.map((o) => o.acts[0]!.by).sort()).toEqual([operator.name, petugas.name].sort());

    for (const l of [O, F]) {
      await expect(sim.act(l, operator, id, 'submitKonsep')).rejects.toThrow(CONFLICT_GUARD);
      expect(availableActions(state(l, id), 'operator').find((a) => a.action === 'submitKonsep')).toMatchObject({ allowed: false, problems: [expect.stringMatching(CONFLICT_GUARD)] });
    }
    // The PPID Pembantu does not decide what an item says at step 3.
    await expect(sim.resolve(P, ppid, id, c.id, c.options[0]!.choice)).rejects.toThrow();

    const officers = c.options.find((o) => o.value === 'Renstra Dinas 2027-2031')!;
    await sim.resolve(O, operator, id, c.id, officers.choice);
    await sim.exchangeUntilQuiet(id);
    expectAgreement(id);
    for (const l of sim.laptops) {
      const s = state(l, id);
      expect(s.items.find((i) => i.id === renstra)!.fields.judul).toBe('Renstra Dinas 2027-2031');
      expect(s.conflicts).toEqual([]);
      expect(s.resolvedConflicts).toEqual([expect.objectContaining({ conflictId: c.id, kind: 'isian', choice: officers.choice, by: operator.name })]);
      // The value not chosen is still an act of the log, shown in Riwayat.
      const riwayat = buildTimeline(l.repo.events(id));
      expect(riwayat.some((t) => t.changes.some((ch) => ch.to === 'Rencana Strategis Dinas 2027-2031'))).toBe(true);
      expect(riwayat.filter((t) => t.type === 'conflict.resolved').map((t) => t.summary)).toEqual([expect.stringMatching(/^Konflik diselesaikan: isian Judul dipilih/)]);
    }
    await sim.act(F, petugas, id, 'submitKonsep');
    expect(state(F, id).step).toBe('pemeriksaan_ppid');
  });

  it('two laptops writing the same value into one field: nothing to decide', async () => {
    const { id, renstra } = await officeAtStep3();
    await sim.updateItem(F, petugas, id, renstra, { retensi: '10 tahun' });
    await sim.updateItem(O, operator, id, renstra, { retensi: '10 tahun' });
    await sim.exchangeUntilQuiet(id);
    expectAgreement(id);
    expect(state(P, id).conflicts).toEqual([]);
  });

  describe('the Konsep sent on one laptop while an officer still filled in items on another', () => {
    async function lateWork() {
      const at3 = await officeAtStep3();
      const { id, keuangan } = at3;
      await sim.act(O, operator, id, 'submitKonsep');
      await sim.exchange(O, P, id);
      await sim.markAll(P, ppid, id);
      // Meanwhile, on the officer's laptop that had not heard of the Konsep yet:
      const perizinan = await sim.addItem(F, petugas, id, completeItem('Data Perizinan', 'Perizinan', 'setiap_saat'));
      await sim.updateItem(F, petugas, id, keuangan, { ringkasan: 'Laporan realisasi anggaran 2026.' });
      await sim.exchangeUntilQuiet(id);
      expectAgreement(id);
      return { ...at3, perizinan };
    }

    it('is late work for the PPID Pembantu to take or set aside; approving waits', async () => {
      const { id, perizinan, keuangan } = await lateWork();
      for (const l of sim.laptops) {
        const s = state(l, id);
        expect(s.step).toBe('pemeriksaan_ppid');
        expect(s.items.map((i) => i.id)).not.toContain(perizinan);
        expect(s.items.find((i) => i.id === keuangan)!.fields.ringkasan).toBe('Ringkasan Laporan Keuangan 2026');
        const c = only(s, 'terlambat');
        expect(c).toMatchObject({ decider: 'ppid_pembantu', step: 'pemeriksaan_ppid', title: '2 perubahan dibuat di laptop lain setelah tahapnya berpindah' });
        expect(c.options.map((o) => [o.choice, o.allowed])).toEqual([
          ['ambil', true],
          ['sisihkan', true],
        ]);
        expect(c.options[0]!.label).toBe('Ambil ke Konsep (menjadi versi baru, diperiksa lagi)');
      }
      await expect(sim.act(P, ppid, id, 'approve')).rejects.toThrow(CONFLICT_GUARD);
      // Not the operator's to decide at step 4.
      await expect(sim.resolve(O, operator, id, state(O, id).conflicts[0]!.id, 'ambil')).rejects.toThrow();
    });

    it('"ambil" at step 4 makes a new Konsep version and a new review round, everywhere', async () => {
      const { id, perizinan, keuangan, renstra } = await lateWork();
      const before = state(P, id);
      expect([before.version, before.reviewRound]).toEqual([1, 1]);
      await sim.resolve(P, ppid, id, before.conflicts[0]!.id, 'ambil');
      await sim.exchangeUntilQuiet(id);
      expectAgreement(id);
      const s = state(O, id);
      expect([s.version, s.reviewRound]).toEqual([2, 2]);
      expect(s.items.map((i) => i.id)).toContain(perizinan);
      expect(s.items.find((i) => i.id === keuangan)!.fields.ringkasan).toBe('Laporan realisasi anggaran 2026.');
      expect(s.conflicts).toEqual([]);
      expect(s.setAside).toEqual([]);
      // The new version is checked again: the changed and the new item, the unchanged one confirmed.
      const approve = availableActions(state(P, id), 'ppid_pembantu').find((a) => a.action === 'approve')!;
      expect(approve.allowed).toBe(false);
      expect(approve.problems).toEqual(['1 informasi tidak berubah sejak dinyatakan sesuai: tandai sesuai sekaligus.', '2 informasi belum diperiksa.']);
      await sim.markAll(P, ppid, id);
      await sim.act(P, ppid, id, 'approve');
      await sim.exchangeUntilQuiet(id);
      expectAgreement(id);
      expect(state(K, id).step).toBe('pemeriksaan_kepala');
      expect(Object.keys(state(K, id).reviews).sort()).toEqual([renstra, keuangan, perizinan].sort());
    });

    it('"sisihkan" keeps the late acts in the log and lists them as set aside; the Konsep stays as sent', async () => {
      const { id, perizinan } = await lateWork();
      const c = state(P, id).conflicts[0]!;
      await sim.resolve(P, ppid, id, c.id, 'sisihkan');
      await sim.exchangeUntilQuiet(id);
      expectAgreement(id);
      for (const l of sim.laptops) {
        const s = state(l, id);
        expect([s.version, s.reviewRound]).toEqual([1, 1]);
        expect(s.items.map((i) => i.id)).not.toContain(perizinan);
        expect(s.setAside).toEqual(c.acts.map((a) => ({ id: a, reason: 'pekerjaan terlambat disisihkan' })));
        const ids = new Set(l.repo.events(id).map((e) => e.id));
        for (const a of c.acts) expect(ids.has(a)).toBe(true);
        expect(s.conflicts).toEqual([]);
      }
      await sim.act(P, ppid, id, 'approve');
      expect(state(P, id).step).toBe('pemeriksaan_kepala');
    });
  });
});

describe('approved on one laptop, returned on another at step 4', () => {
  /**
   * The PPID Pembantu approves on their laptop and the Kepala signs after it; meanwhile, on the
   * officer's laptop, the PPID Pembantu (logged in there) returned the same Konsep.
   */
  async function twoDecisions(onTheReturnedList?: (id: string) => Promise<void>) {
    const at4 = await officeAtStep4Reviewed();
    const { id } = at4;
    const approved = await sim.act(P, ppid, id, 'approve');
    const approve = approved.lastEventId!;
    await sim.exchange(P, K, id);
    const signed = await sim.act(K, kepala, id, 'approve');
    const sign = signed.lastEventId!;
    const returned = await sim.act(F, ppid, id, 'return', 'Ringkasan keuangan belum lengkap.');
    const ret = returned.lastEventId!;
    await onTheReturnedList?.(id);
    await sim.exchangeUntilQuiet(id);
    expectAgreement(id);
    return { ...at4, approve, sign, ret };
  }

  it('one "Dua keputusan berbeda" conflict, decided by the PPID Pembantu; forward moves wait on every laptop', async () => {
    const { id, approve, sign, ret } = await twoDecisions();
    for (const l of sim.laptops) {
      const c = only(state(l, id), 'keputusan');
      expect(c).toMatchObject({ decider: 'ppid_pembantu', step: 'pemeriksaan_ppid', acts: [approve, ret].sort() });
      const byChoice = Object.fromEntries(c.options.map((o) => [o.choice, o.acts.map((a) => a.id)]));
      expect(byChoice).toEqual({ [approve]: [approve, sign], [ret]: [ret] });
      expect(c.options.every((o) => o.allowed)).toBe(true);
    }
    // Whichever decision the canonical order holds for now, its next forward move waits.
    const s = state(O, id);
    const holder = { pengumpulan: [O, operator, 'submitKonsep'], arsip: [K, kepala, 'archive'] } as const;
    expect(Object.keys(holder)).toContain(s.step);
    const [l, who, action] = holder[s.step as keyof typeof holder];
    await expect(sim.act(l, who, id, action)).rejects.toThrow(CONFLICT_GUARD);
    await expect(sim.resolve(K, kepala, id, s.conflicts[0]!.id, approve)).rejects.toThrow();
  });

  it('choosing the return: every laptop goes back to step 3, the approval and the signature after it are set aside, not deleted', async () => {
    const { id, approve, sign, ret } = await twoDecisions();
    await sim.resolve(P, ppid, id, state(P, id).conflicts[0]!.id, ret);
    await sim.exchangeUntilQuiet(id);
    expectAgreement(id);
    for (const l of sim.laptops) {
      const s = state(l, id);
      expect(s.step).toBe('pengumpulan');
      expect(s.signed).toBeNull();
      expect(s.returns).toEqual([expect.objectContaining({ from: 'pemeriksaan_ppid', to: 'pengumpulan', reasons: 'Ringkasan keuangan belum lengkap.' })]);
      expect(s.setAside).toEqual(expect.arrayContaining([
        { id: approve, reason: 'keputusan lain yang dipilih' },
        { id: sign, reason: 'mengikuti keputusan yang tidak dipilih' },
      ]));
      expect(s.setAside).toHaveLength(2);
      expect(s.conflicts).toEqual([]);
      expect(l.repo.events(id).map((e) => e.id)).toEqual(expect.arrayContaining([approve, sign]));
    }
    await sim.updateItem(O, operator, id, state(O, id).items[1]!.id, { ringkasan: 'Laporan realisasi anggaran.' });
    await sim.act(O, operator, id, 'submitKonsep');
    expect(state(O, id).version).toBe(2);
  });

  it('choosing the approval: every laptop holds the signed list, the return is set aside', async () => {
    const { id, ret } = await twoDecisions();
    await sim.resolve(F, ppid, id, state(F, id).conflicts[0]!.id, state(F, id).conflicts[0]!.options.find((o) => o.choice !== ret)!.choice);
    await sim.exchangeUntilQuiet(id);
    expectAgreement(id);
    for (const l of sim.laptops) {
      const s = state(l, id);
      expect(s.step).toBe('arsip');
      expect(s.signed).toMatchObject({ by: kepala.name });
      expect(s.returns).toEqual([]);
      expect(s.setAside).toEqual([{ id: ret, reason: 'keputusan lain yang dipilih' }]);
      expect(s.conflicts).toEqual([]);
    }
    await sim.act(K, kepala, id, 'archive');
    expect(state(K, id).step).toBe('selesai');
  });

  it('choosing the approval while the officer had already worked on the returned list: that work waits for the Kepala, who can only set it aside', async () => {
    let edit = '';
    // Before anything else reached the officer's laptop, the officer there followed the return.
    const { id, keuangan, ret } = await twoDecisions(async (cycle) => {
      const s = await sim.updateItem(F, petugas, cycle, state(F, cycle).items[1]!.id, { ringkasan: 'Laporan realisasi anggaran 2026.' });
      edit = s.lastEventId!;
    });
    await sim.resolve(P, ppid, id, state(P, id).conflicts[0]!.id, state(P, id).conflicts[0]!.options.find((o) => o.choice !== ret)!.choice);
    await sim.exchangeUntilQuiet(id);
    expectAgreement(id);
    const late = only(state(K, id), 'terlambat');
    expect(late).toMatchObject({ decider: 'kepala_opd', acts: [edit] });
    expect(late.options.map((o) => [o.choice, o.allowed])).toEqual([
      ['ambil', false],
      ['sisihkan', true],
    ]);
    await expect(sim.act(K, kepala, id, 'archive')).rejects.toThrow(CONFLICT_GUARD);
    await sim.resolve(K, kepala, id, late.id, 'sisihkan');
    await sim.act(K, kepala, id, 'archive');
    await sim.exchangeUntilQuiet(id);
    expectAgreement(id);
    expect(state(O, id).step).toBe('selesai');
    expect(state(O, id).items.find((i) => i.id === keuangan)!.fields.ringkasan).toBe('Ringkasan Laporan Keuangan 2026');
    expect(state(O, id).setAside.map((x) => x.id)).toEqual(expect.arrayContaining([ret, edit]));
  });

  it('two choices made apart that disagree settle nothing: the conflict stays open until one choice follows both', async () => {
    const { id, approve, ret } = await twoDecisions();
    const c = state(P, id).conflicts[0]!;
    await sim.resolve(P, ppid, id, c.id, approve);
    await sim.resolve(F, ppid, id, c.id, ret);
    await sim.exchangeUntilQuiet(id);
    expectAgreement(id);
    expect(state(O, id).conflicts.map((x) => x.id)).toEqual([c.id]);
    // Open, so not listed as settled either.
    expect(state(O, id).resolvedConflicts).toEqual([]);
    await sim.resolve(P, ppid, id, c.id, ret);
    await sim.exchangeUntilQuiet(id);
    expectAgreement(id);
    expect(state(O, id).step).toBe('pengumpulan');
    expect(state(O, id).conflicts).toEqual([]);
    expect(state(O, id).resolvedConflicts).toEqual([expect.objectContaining({ conflictId: c.id, choice: ret })]);
  });

  it('the same choice made on two laptops before either heard of the other: settled, and listed once', async () => {
    const { id, ret } = await twoDecisions();
    const c = state(P, id).conflicts[0]!;
    await sim.resolve(P, ppid, id, c.id, ret);
    await sim.resolve(F, ppid, id, c.id, ret);
    await sim.exchangeUntilQuiet(id);
    expectAgreement(id);
    const s = state(O, id);
    expect(s.step).toBe('pengumpulan');
    expect(s.conflicts).toEqual([]);
    expect(s.resolvedConflicts.map((r) => r.conflictId)).toEqual([c.id]);
    expect(O.repo.events(id).filter((e) => e.body.type === 'conflict.resolved')).toHaveLength(2);
  });
});

describe('an item removed on one laptop and changed on another', () => {
  async function removedAndChanged() {
    const at3 = await officeAtStep3();
    await sim.removeItem(O, operator, at3.id, at3.keuangan);
    await sim.updateItem(F, petugas, at3.id, at3.keuangan, { ringkasan: 'Laporan realisasi anggaran 2026.' });
    await sim.exchangeUntilQuiet(at3.id);
    expectAgreement(at3.id);
    return at3;
  }

  it('is a "hapus" conflict for the operator; the item is off the list until they decide', async () => {
    const { id, keuangan } = await removedAndChanged();
    const s = state(O, id);
    const c = only(s, 'hapus');
    expect(c).toMatchObject({ decider: 'operator', itemId: keuangan, title: '"Laporan Keuangan 2026" dihapus di satu laptop, diubah di laptop lain' });
    expect(c.options.map((o) => [o.choice, o.allowed])).toEqual([
      ['hapus', true],
      ['pulihkan', true],
    ]);
    expect(s.items.map((i) => i.id)).not.toContain(keuangan);
    await expect(sim.act(O, operator, id, 'submitKonsep')).rejects.toThrow(CONFLICT_GUARD);
  });

  it('"pulihkan" brings the item back with the change made on the other laptop, everywhere', async () => {
    const { id, keuangan } = await removedAndChanged();
    await sim.resolve(F, petugas, id, state(F, id).conflicts[0]!.id, 'pulihkan');
    await sim.exchangeUntilQuiet(id);
    expectAgreement(id);
    const s = state(P, id);
    expect(s.items.find((i) => i.id === keuangan)!.fields.ringkasan).toBe('Laporan realisasi anggaran 2026.');
    expect(s.removedItems).toEqual([]);
    expect(s.conflicts).toEqual([]);
  });

  it('"hapus" keeps it removed; the change stays in Riwayat', async () => {
    const { id, keuangan } = await removedAndChanged();
    await sim.resolve(O, operator, id, state(O, id).conflicts[0]!.id, 'hapus');
    await sim.exchangeUntilQuiet(id);
    expectAgreement(id);
    const s = state(P, id);
    expect(s.items.map((i) => i.id)).not.toContain(keuangan);
    expect(s.removedItems.map((i) => i.id)).toEqual([keuangan]);
    expect(s.conflicts).toEqual([]);
    expect(l(P).some((e) => e.body.type === 'item.updated' && e.body.itemId === keuangan)).toBe(true);
    function l(x: Laptop) {
      return x.repo.events(id);
    }
  });

  it('the same item removed on both laptops: removed, nothing to decide', async () => {
    const { id, keuangan } = await officeAtStep3();
    await sim.removeItem(O, operator, id, keuangan);
    await sim.removeItem(F, petugas, id, keuangan);
    await sim.exchangeUntilQuiet(id);
    expectAgreement(id);
    const s = state(O, id);
    expect(s.conflicts).toEqual([]);
    expect(s.removedItems.map((i) => i.id)).toEqual([keuangan]);
  });
});

describe('an item removed on both laptops, one of them after changing it', () => {
  it('removed, nothing to decide, whichever removal sorts first', async () => {
    for (const order of [['0', 'f'], ['f', '0']] as const) {
      const { id, keuangan } = await officeAtStep3();
      await sim.updateItem(F, petugas, id, keuangan, { ringkasan: 'Laporan realisasi anggaran 2026.' });
      forceNextIds(`${order[0]}0000000-0000-4000-a000-000000000001`);
      await sim.removeItem(F, petugas, id, keuangan);
      forceNextIds(`${order[1]}0000000-0000-4000-a000-000000000002`);
      await sim.removeItem(O, operator, id, keuangan);
      await sim.exchangeUntilQuiet(id);
      expectAgreement(id);
      const s = state(O, id);
      expect(s.conflicts).toEqual([]);
      expect(s.removedItems.map((i) => i.id)).toEqual([keuangan]);
    }
  });
});

describe('late work changed twice on the other laptop', () => {
  it('taking it applies the officer\'s last value, not a conflict of the choice with itself', async () => {
    const { id, keuangan } = await officeAtStep3();
    await sim.act(O, operator, id, 'submitKonsep');
    await sim.updateItem(F, petugas, id, keuangan, { ringkasan: 'Draf pertama.' });
    await sim.updateItem(F, petugas, id, keuangan, { ringkasan: 'Laporan realisasi anggaran 2026.' });
    await sim.exchangeUntilQuiet(id);
    const c = only(state(P, id), 'terlambat');
    expect(c.acts).toHaveLength(2);
    await sim.resolve(P, ppid, id, c.id, 'ambil');
    await sim.exchangeUntilQuiet(id);
    expectAgreement(id);
    const s = state(O, id);
    expect(s.conflicts).toEqual([]);
    expect(s.items.find((i) => i.id === keuangan)!.fields.ringkasan).toBe('Laporan realisasi anggaran 2026.');
    expect(s.resolvedConflicts.flatMap((r) => l(r.actId))).toEqual([c.id]);
    function l(actId: string) {
      const e = O.repo.events(id).find((x) => x.id === actId)!;
      return e.body.type === 'conflict.resolved' ? [e.body.conflictId] : [];
    }
  });
});

/** A package's acts changed and re-chained (hashes recomputed, signatures kept): what a tamperer can do without the keys. */
function rechain(events: readonly CycleEvent[], change: (e: CycleEvent) => CycleEvent): { events: CycleEvent[]; lines: Map<string, string> } {
  const hashes = new Map<string, string>();
  const out = events.map((e0) => {
    const e = change(structuredClone(e0));
    const { hash: _h, sig: _s, ...base } = e;
    const hash = eventHash(e.parents.map((p) => hashes.get(p)!), base);
    hashes.set(e.id, hash);
    return { ...e, hash };
  });
  return { events: out, lines: new Map(out.map((e) => [e.id, eventLine(e)])) };
}

describe('receiving acts', () => {
  it('the same acts twice: nothing changes, the log file is byte for byte the same', async () => {
    const { id } = await officeAtStep3();
    await sim.addItem(F, petugas, id, completeItem('Data Perizinan', 'Perizinan', 'setiap_saat'));
    await sim.addItem(O, operator, id, completeItem('Rencana Pengadaan', 'Sekretariat', 'serta_merta'));
    const first = await sim.exchange(F, O, id);
    expect(first.fresh).toHaveLength(1);
    const before = await sim.fingerprint(O);
    const stateBefore = projection(state(O, id));
    const again = await sim.exchange(F, O, id);
    expect(again.fresh).toEqual([]);
    expect(again.merged).toBeNull();
    expect(await sim.fingerprint(O)).toEqual(before);
    expect(projection(state(O, id))).toEqual(stateBefore);
  });

  it('an older package after a newer one: nothing changes', async () => {
    const { id, renstra } = await officeAtStep3();
    const old = await sim.package(O, id);
    await sim.updateItem(O, operator, id, renstra, { retensi: '10 tahun' });
    await sim.removeItem(O, operator, id, renstra);
    await sim.exchange(O, F, id);
    const before = await sim.fingerprint(F);
    const r = await sim.deliver(old, F, id);
    expect(r).toMatchObject({ fresh: [], merged: null });
    expect(await sim.fingerprint(F)).toEqual(before);
    expect(state(F, id).removedItems.map((i) => i.id)).toEqual([renstra]);
  });

  describe('an act the SOP forbids is refused with the reason, and nothing is written', () => {
    const draft = (judul: string): EventBody => ({ type: 'item.added', itemId: `item-${judul}`, fields: completeItem(judul, 'Sekretariat', 'setiap_saat'), origin: 'baru', sourceItemId: null });
    const cases: { name: string; at: 3 | 4 | 5; actor: Actor; bodies: (s: CycleState) => EventBody[]; reason: string | RegExp }[] = [
      { name: 'the Kepala adds an item (wrong role)', at: 3, actor: kepala, bodies: () => [draft('Daftar Aset')], reason: 'Hanya Operator OPD yang dapat mengubah daftar informasi.' },
      {
        name: 'an item added while the Konsep is under review (wrong step)',
        at: 4,
        actor: operator,
        bodies: () => [draft('Daftar Aset')],
        reason: 'Siklus sedang pada tahap "Pemeriksaan PPID Pembantu": tidak dapat mengubah daftar informasi sekarang.',
      },
      {
        name: 'the Konsep sent with an incomplete item (guard unmet)',
        at: 3,
        actor: operator,
        bodies: (s) => [
          { type: 'item.added', itemId: 'item-draf', fields: { ...completeItem('Daftar Aset', 'Sekretariat', 'setiap_saat'), ringkasan: '' }, origin: 'baru', sourceItemId: null },
          { type: 'transition', action: 'submitKonsep', from: 'pengumpulan', to: 'pemeriksaan_ppid', reasons: '', data: { version: s.version + 1 } },
        ],
        reason: '1 informasi belum lengkap: "Daftar Aset".',
      },
      {
        name: 'approved at step 4 by the PPID Pembantu with no item checked in this round (guard unmet)',
        at: 4,
        actor: ppid,
        bodies: () => [{ type: 'transition', action: 'approve', from: 'pemeriksaan_ppid', to: 'pemeriksaan_kepala', reasons: '', data: {} }],
        reason: '2 informasi tidak berubah sejak dinyatakan sesuai: tandai sesuai sekaligus.',
      },
      {
        name: 'a review of a Konsep version that was never sent',
        at: 4,
        actor: ppid,
        bodies: (s) => [{ type: 'review.marked', itemId: s.items[0]!.id, version: s.version + 1, verdict: 'sesuai', note: '', judged: s.items[0]!.fields }],
        reason: 'versi Konsep tidak sesuai',
      },
      {
        name: 'an "approve" at step 5 signed by the operator',
        at: 5,
        actor: operator,
        bodies: () => [{ type: 'transition', action: 'approve', from: 'pemeriksaan_kepala', to: 'arsip', reasons: '', data: { signedBy: operator.name } }],
        reason: 'Tahap "Pemeriksaan Kepala OPD" dipegang Kepala OPD; peran Anda tidak dapat melakukannya.',
      },
      {
        name: 'a step skipped (the Konsep "sent" straight to the archive)',
        at: 3,
        actor: operator,
        bodies: () => [{ type: 'transition', action: 'submitKonsep', from: 'pengumpulan', to: 'arsip', reasons: '', data: { version: 1 } }],
        reason: 'perpindahan tahap tidak sesuai SOP (pengumpulan → arsip)',
      },
      {
        name: 'a conflict "settled" that was never open',
        at: 3,
        actor: operator,
        bodies: (s) => [{ type: 'conflict.resolved', conflictId: `isian:${s.items[0]!.id}:judul:a+b`, choice: 'a', acts: ['a', 'b'] }],
        reason: 'konflik yang diselesaikan tidak ada pada saat itu',
      },
      {
        name: 'a second start of the cycle',
        at: 3,
        actor: operator,
        bodies: () => [{ type: 'cycle.created', title: 'DIP 2027 (palsu)', year: 2027, carriedFrom: null }],
        reason: 'pembuatan siklus hanya boleh menjadi tindakan pertama',
      },
    ];

    it.each(cases)('$name', async ({ at, actor, bodies, reason }) => {
      const { id } = at === 3 ? await officeAtStep3() : await officeAtStep4Reviewed();
      if (at === 4) {
        // Unchecked again: a new round after the Kepala's return.
        await sim.act(P, ppid, id, 'approve');
        await sim.act(P, kepala, id, 'return', 'Periksa ulang semuanya.');
        await sim.exchangeUntilQuiet(id);
      }
      if (at === 5) {
        await sim.act(P, ppid, id, 'approve');
        await sim.exchangeUntilQuiet(id);
      }
      // The officer's laptop runs a modified app: it writes what its screens would refuse.
      await sim.forge(F, actor, id, bodies);
      const before = await sim.fingerprint(O);
      const stateBefore = projection(state(O, id));
      const refused = sim.exchange(F, O, id);
      await expect(refused).rejects.toBeInstanceOf(AppError);
      await expect(refused).rejects.toMatchObject({ code: 'CONFLICT', message: reason });
      expect(await sim.fingerprint(O)).toEqual(before);
      expect(projection(state(O, id))).toEqual(stateBefore);
      // And after a restart, the same: nothing half-received.
      await sim.reopen(O);
      expect(projection(state(O, id))).toEqual(stateBefore);
    });
  });

  describe('an act not made by the installation it names is refused, and nothing is written', () => {
    async function newAct() {
      const { id } = await officeAtStep3();
      await sim.addItem(F, petugas, id, completeItem('Data Perizinan', 'Perizinan', 'setiap_saat'));
      return { id, p: await sim.package(F, id), before: await sim.fingerprint(O) };
    }

    it('a signature made with another key', async () => {
      const { id, p, before } = await newAct();
      const last = p.events.at(-1)!;
      const stranger = generateKeyPairSync('ed25519').privateKey;
      const sig = sign(null, Buffer.from(last.hash, 'hex'), stranger).toString('base64');
      const forged = { ...last, sig };
      const lines = new Map(p.lines).set(last.id, eventLine(forged));
      await expect(sim.deliver({ events: [...p.events.slice(0, -1), forged], lines }, O, id)).rejects.toMatchObject({ code: 'CONFLICT', message: 'tanda tangan tindakan tidak sah' });
      expect(await sim.fingerprint(O)).toEqual(before);
    });

    it('an act from an installation the office does not know', async () => {
      const { id } = await officeAtStep3();
      const stranger = await sim.addLaptop('asing', { trusted: false });
      await sim.exchange(O, stranger, id);
      await sim.addItem(stranger, petugas, id, completeItem('Data Perizinan', 'Perizinan', 'setiap_saat'));
      const before = await sim.fingerprint(O);
      await expect(sim.exchange(stranger, O, id)).rejects.toMatchObject({ message: `perangkat ${stranger.installationId} tidak dikenal` });
      expect(await sim.fingerprint(O)).toEqual(before);
    });

    it('a line changed on the way: the package does not even read', async () => {
      const { p, before } = await newAct();
      const text = p.bytes.toString('utf8').replace('Data Perizinan', 'Data Perizinan Palsu');
      expect(() => readPackage(Buffer.from(text))).toThrow(/rantai riwayat putus pada baris \d+/);
      expect(await sim.fingerprint(O)).toEqual(before);
    });

    it('a line changed and its hash recomputed: the signature no longer matches', async () => {
      const { id, p, before } = await newAct();
      const target = p.events.at(-1)!.id;
      const forged = rechain(p.events, (e) =>
        e.id === target && e.body.type === 'item.added' ? { ...e, body: { ...e.body, fields: { ...e.body.fields, judul: 'Data Perizinan Palsu' } } } : e,
      );
      await expect(sim.deliver(forged, O, id)).rejects.toMatchObject({ message: 'tanda tangan tindakan tidak sah' });
      expect(await sim.fingerprint(O)).toEqual(before);
    });

    it('two acts from one installation that do not follow each other (a cloned laptop) are refused', async () => {
      const { id } = await officeAtStep3();
      const twin = await sim.clone(F, 'kembaran');
      await sim.addItem(F, petugas, id, completeItem('Data Perizinan', 'Perizinan', 'setiap_saat'));
      await sim.addItem(twin, petugas, id, completeItem('Data Kepegawaian', 'Sekretariat', 'setiap_saat'));
      await sim.exchange(F, O, id);
      const before = await sim.fingerprint(O);
      await expect(sim.exchange(twin, O, id)).rejects.toMatchObject({
        code: 'CONFLICT',
        message: `satu perangkat mencatat dua tindakan yang tidak saling mengikuti (perangkat ${F.installationId})`,
      });
      expect(await sim.fingerprint(O)).toEqual(before);
    });

    it('a merge act whose fields were changed (its time moved) is refused: another laptop joining the same acts would write it otherwise', async () => {
      const { id } = await officeAtStep3();
      await sim.addItem(F, petugas, id, completeItem('Data Perizinan', 'Perizinan', 'setiap_saat'));
      await sim.addItem(O, operator, id, completeItem('Rencana Pengadaan', 'Sekretariat', 'serta_merta'));
      const { merged } = await sim.exchange(F, O, id);
      const p = await sim.package(O, id);
      const forged = rechain(p.events, (e) => (e.id === merged!.id ? { ...e, at: '2020-01-01T00:00:00.000Z' } : e));
      const before = await sim.fingerprint(P);
      await expect(sim.deliver(forged, P, id)).rejects.toMatchObject({ code: 'CONFLICT', message: 'penggabungan tidak sesuai aturan' });
      expect(await sim.fingerprint(P)).toEqual(before);
      // The real one is taken, and P still joins O's and F's work.
      await sim.exchange(O, P, id);
      await sim.exchangeUntilQuiet(id);
      expectAgreement(id);
    });
  });

  it('two laptops joining the same acts independently write the very same merge act, byte for byte', async () => {
    const { id } = await officeAtStep3();
    await sim.addItem(F, petugas, id, completeItem('Data Perizinan', 'Perizinan', 'setiap_saat'));
    await sim.addItem(O, operator, id, completeItem('Rencana Pengadaan', 'Sekretariat', 'serta_merta'));
    // Packages made before either side received anything: both sides join the same two heads.
    const fromF = await sim.package(F, id);
    const fromO = await sim.package(O, id);
    const atO = await sim.deliver(fromF, O, id);
    const atF = await sim.deliver(fromO, F, id);
    expect(atO.merged!.id).toBe(atF.merged!.id);
    const lastLine = async (l: Laptop) => (await fs.readFile(sim.logFile(l, id), 'utf8')).trimEnd().split('\n').at(-1);
    expect(await lastLine(O)).toBe(await lastLine(F));
    expect(await sim.exchange(O, F, id)).toMatchObject({ fresh: [], merged: null });
    expect(await sim.exchange(F, O, id)).toMatchObject({ fresh: [], merged: null });
    expectAgreement(id, [O, F]);
    expect(buildTimeline(O.repo.events(id)).filter((t) => t.type === 'merge')).toHaveLength(1);
  });
});

describe('receiving acts of another cycle', () => {
  it('filed under another cycle\'s id, they are refused and no folder is made', async () => {
    const { id } = await officeAtStep3();
    const other = await sim.createCycle(P, ppid, 'DIP 2028', 2028);
    await sim.exchange(P, F, other);
    const p = await sim.package(O, id);
    const before = await sim.fingerprint(F);
    // Into a cycle F holds, they never join its acts (another start, unknown parents).
    await expect(sim.deliver(p, F, other)).rejects.toMatchObject({ code: 'CONFLICT' });
    // As a cycle F does not hold yet, the ids must agree, or F would file cycle A under B's name.
    await expect(sim.deliver(p, F, '0b5e1c1e-0000-4000-a000-00000000beef')).rejects.toMatchObject({ message: 'tindakan dalam paket milik siklus lain' });
    expect(await sim.fingerprint(F)).toEqual(before);
  });
});

describe('clocks are never consulted', () => {
  /** The same work, with the officer's laptop clock set as given: acts follow what each laptop had seen, not their times. */
  async function officeDay(officerClockMs: number) {
    await sim.dispose();
    seedIds(77);
    sim = await SyncSim.create(['operator', 'petugas', 'ppid', 'kepala'], { clockOffsetMs: { petugas: officerClockMs } });
    [O, F, P, K] = sim.laptops as [Laptop, Laptop, Laptop, Laptop];
    const { id, renstra, keuangan } = await officeAtStep3();
    await sim.updateItem(F, petugas, id, renstra, { judul: 'Renstra Dinas 2027-2031' });
    await sim.updateItem(O, operator, id, renstra, { judul: 'Rencana Strategis Dinas 2027-2031' });
    await sim.exchangeUntilQuiet(id);
    const isian = state(O, id).conflicts[0]!;
    await sim.resolve(O, operator, id, isian.id, isian.options.find((o) => o.value === 'Renstra Dinas 2027-2031')!.choice);
    await sim.act(O, operator, id, 'submitKonsep');
    const late = await sim.updateItem(F, petugas, id, keuangan, { ringkasan: 'Laporan realisasi anggaran 2026.' });
    await sim.exchangeUntilQuiet(id);
    await sim.resolve(P, ppid, id, state(P, id).conflicts[0]!.id, 'ambil');
    await sim.exchangeUntilQuiet(id);
    expectAgreement(id);
    return { id, order: O.repo.events(id).map((e) => e.id), view: projection(state(O, id)), lateAct: late.lastEventId!, events: O.repo.events(id) };
  }

  it('an officer laptop a week behind: the same order, the same conflicts, the same list', async () => {
    const right = await officeDay(0);
    const behind = await officeDay(-7 * DAY);
    expect(behind.order).toEqual(right.order);
    expect(behind.view).toEqual(right.view);
    expect(behind.view).toMatchObject({ step: 'pemeriksaan_ppid', version: 2, conflicts: [] });
    // The officer's change reads a week older than the Konsep it missed, and was still late work.
    const at = (id: string) => Date.parse(behind.events.find((e) => e.id === id)!.at);
    const submit = behind.events.find((e) => e.body.type === 'transition' && e.body.action === 'submitKonsep')!;
    expect(at(submit.id) - at(behind.lateAct)).toBeGreaterThan(6 * DAY);
    expect(behind.view.resolved.map((r) => r.conflictId.split(':')[0])).toEqual(['isian', 'terlambat']);
  });
});

describe('one conflict settled on two laptops at once (found by sync-convergence)', () => {
  async function isianOnBoth() {
    const at3 = await officeAtStep3();
    await sim.updateItem(F, petugas, at3.id, at3.renstra, { judul: 'Renstra Dinas 2027-2031' });
    await sim.updateItem(O, operator, at3.id, at3.renstra, { judul: 'Rencana Strategis Dinas 2027-2031' });
    await sim.exchangeUntilQuiet(at3.id);
    const c = state(O, at3.id).conflicts[0]!;
    const byValue = (v: string) => c.options.find((o) => o.value === v)!.choice;
    return { ...at3, c, officers: byValue('Renstra Dinas 2027-2031'), operators: byValue('Rencana Strategis Dinas 2027-2031') };
  }

  it('both operators keep the same value: it applies, and the conflict is listed once', async () => {
    const { id, renstra, c, officers } = await isianOnBoth();
    await sim.resolve(O, operator, id, c.id, officers);
    await sim.resolve(F, petugas, id, c.id, officers);
    await sim.exchangeUntilQuiet(id);
    expectAgreement(id);
    const s = state(P, id);
    expect(s.conflicts).toEqual([]);
    expect(s.resolvedConflicts.map((r) => r.conflictId)).toEqual([c.id]);
    expect(s.items.find((i) => i.id === renstra)!.fields.judul).toBe('Renstra Dinas 2027-2031');
  });

  it('they keep different values: neither wins silently, the two choices are a new conflict, whichever sorts first', async () => {
    for (const order of [['0', 'f'], ['f', '0']] as const) {
      const { id, c, officers, operators } = await isianOnBoth();
      forceNextIds(`${order[0]}0000000-0000-4000-a000-00000000000a`);
      await sim.resolve(O, operator, id, c.id, officers);
      forceNextIds(`${order[1]}0000000-0000-4000-a000-00000000000b`);
      await sim.resolve(F, petugas, id, c.id, operators);
      await sim.exchangeUntilQuiet(id);
      expectAgreement(id);
      const s = state(P, id);
      const again = only(s, 'isian');
      expect(again.id).not.toBe(c.id);
      expect(again.options.map((o) => o.value).sort()).toEqual(['Rencana Strategis Dinas 2027-2031', 'Renstra Dinas 2027-2031']);
      expect(s.resolvedConflicts.map((r) => r.conflictId)).toEqual([c.id]);
      await sim.resolve(P, operator, id, again.id, again.options.find((o) => o.value === 'Renstra Dinas 2027-2031')!.choice);
      await sim.exchangeUntilQuiet(id);
      expectAgreement(id);
      expect(state(O, id).conflicts).toEqual([]);
      expect(state(O, id).resolvedConflicts.map((r) => r.conflictId)).toEqual([c.id, again.id]);
    }
  });

  it('a choice made while the other laptop changed the field again: the new value and the choice are a new conflict, whichever sorts first', async () => {
    for (const order of [['0', 'f'], ['f', '0']] as const) {
      const { id, renstra, c, officers } = await isianOnBoth();
      forceNextIds(`${order[0]}0000000-0000-4000-a000-00000000000c`);
      await sim.resolve(O, operator, id, c.id, officers);
      // The officer, not yet knowing of the choice, renames the item once more.
      forceNextIds(`${order[1]}0000000-0000-4000-a000-00000000000d`);
      await sim.updateItem(F, petugas, id, renstra, { judul: 'Renstra 2027-2031 (revisi)' });
      await sim.exchangeUntilQuiet(id);
      expectAgreement(id);
      const again = only(state(P, id), 'isian');
      expect(again.options.map((o) => o.value).sort()).toEqual(['Renstra 2027-2031 (revisi)', 'Renstra Dinas 2027-2031']);
    }
  });

  it('"Tetap hapus" chosen on both laptops: removed, listed once', async () => {
    const { id, keuangan } = await officeAtStep3();
    await sim.removeItem(O, operator, id, keuangan);
    await sim.updateItem(F, petugas, id, keuangan, { ringkasan: 'Laporan realisasi anggaran 2026.' });
    await sim.exchangeUntilQuiet(id);
    const c = only(state(O, id), 'hapus');
    await sim.resolve(O, operator, id, c.id, 'hapus');
    await sim.resolve(F, petugas, id, c.id, 'hapus');
    await sim.exchangeUntilQuiet(id);
    expectAgreement(id);
    const s = state(P, id);
    expect(s.conflicts).toEqual([]);
    expect(s.resolvedConflicts.map((r) => r.conflictId)).toEqual([c.id]);
    expect(s.removedItems.map((i) => i.id)).toEqual([keuangan]);
  });
});

describe('a removed item changed again on the other laptop after "Tetap hapus" was chosen', () => {
  it('the new change is a new conflict of its own, not the settled one coming back', async () => {
    const { id, keuangan } = await officeAtStep3();
    await sim.removeItem(O, operator, id, keuangan);
    await sim.updateItem(F, petugas, id, keuangan, { ringkasan: 'Laporan realisasi anggaran 2026.' });
    await sim.exchange(F, O, id);
    const first = only(state(O, id), 'hapus');
    await sim.resolve(O, operator, id, first.id, 'hapus');
    // The officer's laptop had heard of neither the removal nor the choice.
    await sim.updateItem(F, petugas, id, keuangan, { retensi: '10 tahun' });
    const edit2 = state(F, id).lastEventId!;
    await sim.exchangeUntilQuiet(id);
    expectAgreement(id);
    const s = state(O, id);
    const again = only(s, 'hapus');
    expect(again.id).not.toBe(first.id);
    expect(again.acts).toEqual([first.acts.find((a) => !first.options[1]!.acts.some((x) => x.id === a))!, edit2].sort());
    expect(s.resolvedConflicts.map((r) => r.conflictId)).toEqual([first.id]);
    await sim.resolve(F, petugas, id, again.id, 'pulihkan');
    await sim.exchangeUntilQuiet(id);
    expectAgreement(id);
    const item = state(P, id).items.find((i) => i.id === keuangan)!;
    expect(item.fields.retensi).toBe('10 tahun');
    expect(state(P, id).conflicts).toEqual([]);
  });

  it('a choice settles only the changes it named: one made meanwhile on a third laptop still waits', async () => {
    const { id, keuangan } = await officeAtStep3();
    await sim.removeItem(O, operator, id, keuangan);
    await sim.updateItem(F, petugas, id, keuangan, { ringkasan: 'Laporan realisasi anggaran 2026.' });
    await sim.exchange(F, O, id);
    const c = only(state(O, id), 'hapus');
    // The Kepala's laptop, where the officer also worked earlier, changes the item without knowing any of it.
    await sim.updateItem(K, petugas, id, keuangan, { retensi: '10 tahun' });
    const unseen = state(K, id).lastEventId!;
    await sim.resolve(O, operator, id, c.id, 'hapus');
    await sim.exchangeUntilQuiet(id);
    expectAgreement(id);
    const s = state(P, id);
    const left = only(s, 'hapus');
    expect(left.acts).toContain(unseen);
    expect(left.acts).not.toEqual(c.acts);
    expect(s.removedItems.map((i) => i.id)).toEqual([keuangan]);
  });
});

describe('a review mark made on another laptop on the Konsep version before late work was taken in', () => {
  it.each(['00', 'zz'])('is what was judged last time, not a check of the new version: the changed item must be checked again (mark ids %s…)', async (prefix) => {
    const { id, keuangan, renstra } = await officeAtStep3();
    await sim.act(O, operator, id, 'submitKonsep');
    await sim.exchange(O, P, id);
    await sim.exchange(O, K, id);
    // The officer changes an item, late; the PPID Pembantu takes it in on their laptop: version 2.
    await sim.updateItem(F, petugas, id, keuangan, { ringkasan: 'Laporan realisasi anggaran 2026.' });
    await sim.exchange(F, P, id);
    await sim.resolve(P, ppid, id, only(state(P, id), 'terlambat').id, 'ambil');
    expect(state(P, id).version).toBe(2);
    // Meanwhile, on the Kepala's laptop, the PPID Pembantu had judged version 1 of both items
    // ('zz' ids sort after the merge and the choice, so the canonical order meets them last).
    forceNextIds(`${prefix}000000-0000-4000-a000-000000000001`, `${prefix}000000-0000-4000-a000-000000000002`);
    await sim.markAll(K, ppid, id, 'sesuai');
    await sim.exchangeUntilQuiet(id);
    expectAgreement(id);
    const s = state(P, id);
    expect(s.version).toBe(2);
    const approve = availableActions(s, 'ppid_pembantu').find((a) => a.action === 'approve')!;
    expect(approve.allowed).toBe(false);
    expect(approve.problems).toEqual(['1 informasi tidak berubah sejak dinyatakan sesuai: tandai sesuai sekaligus.', '1 informasi belum diperiksa.']);
    // What was judged on version 1 is shown against the item as it is now.
    expect(s.reviews[keuangan]).toMatchObject({ version: 1, verdict: 'sesuai' });
    expect(s.reviews[renstra]).toMatchObject({ version: 1, verdict: 'sesuai' });
    await sim.markAll(P, ppid, id, 'sesuai');
    await sim.act(P, ppid, id, 'approve');
    expect(state(P, id).step).toBe('pemeriksaan_kepala');
  });
});

describe('a cycle started before laptops exchanged (acts written before format 4, unsigned)', () => {
  const legacyId = 'c0ffee00-0000-4000-a000-000000000001';
  async function legacyCycle() {
    const at = (h: number) => `2026-11-20T0${h}:00:00.000Z`;
    const item = (n: number, judul: string) => ({ type: 'item.added', itemId: `lama-${n}`, fields: completeItem(judul, 'Sekretariat', 'setiap_saat'), origin: 'baru', sourceItemId: null });
    const text = formatOneLog(legacyId, [
      { at: at(1), actor: operator, body: { type: 'cycle.created', title: 'DIP 2027', year: 2027, carriedFrom: null } },
      { at: at(2), actor: operator, body: item(1, 'Rencana Strategis 2027-2031') },
      { at: at(3), actor: operator, body: item(2, 'Laporan Keuangan 2026') },
    ]);
    await fs.mkdir(path.dirname(sim.logFile(O, legacyId)), { recursive: true });
    await fs.writeFile(sim.logFile(O, legacyId), text);
    await sim.reopen(O);
    return text;
  }

  it('travels: its old acts are taken as written, the work after them is signed and joins as usual', async () => {
    const legacy = await legacyCycle();
    await sim.addItem(O, operator, legacyId, completeItem('Data Perizinan', 'Perizinan', 'setiap_saat'));
    await sim.exchange(O, F, legacyId);
    await sim.updateItem(F, petugas, legacyId, 'lama-1', { retensi: '10 tahun' });
    await sim.updateItem(O, operator, legacyId, 'lama-2', { retensi: '7 tahun' });
    await sim.exchangeUntilQuiet(legacyId);
    expectAgreement(legacyId);
    expect(state(P, legacyId).items.map((i) => i.fields.retensi)).toEqual(['10 tahun', '7 tahun', '5 tahun']);
    // The old lines are kept byte for byte: their hashes cover the text as written.
    expect((await fs.readFile(sim.logFile(P, legacyId), 'utf8')).startsWith(legacy)).toBe(true);
  });

  it('an unsigned old-format line slipped in after signed acts is refused', async () => {
    await legacyCycle();
    await sim.addItem(O, operator, legacyId, completeItem('Data Perizinan', 'Perizinan', 'setiap_saat'));
    await sim.exchange(O, F, legacyId);
    const p = await sim.package(O, legacyId);
    const last = p.events.at(-1)!;
    const base = JSON.stringify({
      id: 'c0ffee00-act-9999',
      cycleId: legacyId,
      prev: last.id,
      installationId: 'inst-lama',
      at: '2026-11-20T09:00:00.000Z',
      actor: operator,
      body: { type: 'item.removed', itemId: 'lama-1' },
    });
    const hash = createHash('sha256').update(last.hash).update('\n').update(base).digest('hex');
    const forged = readPackage(Buffer.concat([p.bytes, Buffer.from(`${base.slice(0, -1)},"hash":"${hash}"}\n`)]));
    const before = await sim.fingerprint(F);
    await expect(sim.deliver(forged, F, legacyId)).rejects.toMatchObject({ code: 'CONFLICT', message: 'tindakan format lama tidak boleh mengikuti tindakan baru' });
    expect(await sim.fingerprint(F)).toEqual(before);
  });
});
