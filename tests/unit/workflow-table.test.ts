import { describe, expect, it } from 'vitest';
import {
  ACTIONS,
  applyEvent,
  availableActions,
  decide,
  fold,
  STEPS,
  TRANSITIONS,
  workingMinutesBetween,
  stepTiming,
  canEdit,
  type CycleEvent,
  type CycleState,
  type EventBody,
  type Step,
} from '../../electron/core/domain/workflow';
import { ROLES, type Role } from '../../electron/core/domain/roles';
import { completeItem } from './workflow-fixtures';

let n = 0;
function ev(body: EventBody, role: Role = 'operator', at = '2026-11-23T02:00:00.000Z'): CycleEvent {
  n += 1;
  return { v: 2, id: `e${n}`, cycleId: 'c1', prev: null, installationId: 'i', at, actor: { userId: 'u', username: role, name: role, role }, body, hash: '' };
}

/** A cycle standing at `step` with every guard satisfied for that step's forward action. */
function cycleAt(step: Step): CycleState {
  const events: CycleEvent[] = [ev({ type: 'cycle.created', title: 'DIP 2027', year: 2027, carriedFrom: null })];
  events.push(ev({ type: 'item.added', itemId: 'i1', fields: completeItem('Profil', 'Sekretariat', 'berkala'), origin: 'baru', sourceItemId: null }));
  const order: Step[] = ['identifikasi', 'nota_dinas', 'pengumpulan', 'pemeriksaan_ppid', 'pemeriksaan_kepala', 'arsip', 'selesai'];
  for (let i = 0; i < order.indexOf(step); i++) {
    const from = order[i]!;
    const t = TRANSITIONS.find((x) => x.step === from && x.action !== 'return')!;
    events.push(ev({ type: 'transition', action: t.action, from, to: t.next, reasons: '', data: t.action === 'submitKonsep' ? { version: 1 } : {} }, t.roles[0]));
    // Satisfy the guard of the step just entered, so only role and step decide.
    if (t.next === 'nota_dinas') {
      events.push(ev({ type: 'notaDinas.saved', draft: { kepada: 'Petugas', dari: 'Ketua', tembusan: [], sifat: 'Biasa', lampiran: '-', hal: 'Hal', isi: 'Isi', batasWaktu: '' } }, 'ppid_pembantu'));
    }
    if (t.next === 'pemeriksaan_ppid') {
      events.push(ev({ type: 'review.marked', itemId: 'i1', version: 1, verdict: 'sesuai', note: '' }, 'ppid_pembantu'));
    }
  }
  return fold(events);
}

describe('workflow table: every step × action × role', () => {
  const expected: Record<string, Role | null> = {};
  for (const t of TRANSITIONS) expected[`${t.step}/${t.action}`] = t.roles[0]!;

  for (const step of STEPS) {
    for (const action of ACTIONS) {
      for (const role of ROLES) {
        const holder = expected[`${step}/${action}`];
        const verdict = holder === undefined ? 'not at this step' : holder === role ? 'allowed' : 'refused (role)';
        it(`${step} · ${action} · ${role}: ${verdict}`, () => {
          const s = cycleAt(step);
          const d = decide(s, role, action, 'Alasan pengembalian yang jelas');
          if (holder === undefined) {
            expect(d).toMatchObject({ ok: false, code: 'CONFLICT' });
          } else if (holder === role) {
            expect(d).toMatchObject({ ok: true });
          } else {
            expect(d).toMatchObject({ ok: false, code: 'FORBIDDEN' });
            expect((d as { message: string }).message).toMatch(/peran Anda/);
          }
        });
      }
    }
  }

  it('the SOP order: each forward act leads to the next step, returns go one loop back', () => {
    const forward = TRANSITIONS.filter((t) => t.action !== 'return').map((t) => `${t.step}→${t.next}`);
    expect(forward).toEqual([
      'identifikasi→nota_dinas',
      'nota_dinas→pengumpulan',
      'pengumpulan→pemeriksaan_ppid',
      'pemeriksaan_ppid→pemeriksaan_kepala',
      'pemeriksaan_kepala→arsip',
      'arsip→selesai',
    ]);
    const back = TRANSITIONS.filter((t) => t.action === 'return').map((t) => `${t.step}→${t.next}`);
    expect(back).toEqual(['pemeriksaan_ppid→pengumpulan', 'pemeriksaan_kepala→pemeriksaan_ppid']);
  });

  it('a return needs a reason', () => {
    const d = decide(cycleAt('pemeriksaan_ppid'), 'ppid_pembantu', 'return', '  ');
    expect(d).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
  });

  it('edits belong to the step holder only', () => {
    expect(canEdit(cycleAt('identifikasi'), 'operator', 'items').ok).toBe(true);
    expect(canEdit(cycleAt('identifikasi'), 'ppid_pembantu', 'items')).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(canEdit(cycleAt('pemeriksaan_ppid'), 'operator', 'items')).toMatchObject({ ok: false, code: 'CONFLICT' });
    expect(canEdit(cycleAt('nota_dinas'), 'ppid_pembantu', 'notaDinas').ok).toBe(true);
    expect(canEdit(cycleAt('pemeriksaan_kepala'), 'ppid_pembantu', 'review')).toMatchObject({ ok: false, code: 'CONFLICT' });
  });
});

describe('guards and returned versions', () => {
  it('cannot report an empty list or send an incomplete Konsep', () => {
    const empty = fold([ev({ type: 'cycle.created', title: 'DIP', year: 2027, carriedFrom: null })]);
    expect(decide(empty, 'operator', 'report', '')).toMatchObject({ ok: false, message: expect.stringMatching(/Belum ada informasi/) });
    const s = cycleAt('pengumpulan');
    const incomplete = applyEvent(s, ev({ type: 'item.updated', itemId: 'i1', fields: { retensi: '' } }));
    const d = decide(incomplete, 'operator', 'submitKonsep', '');
    expect(d).toMatchObject({ ok: false, code: 'CONFLICT' });
    expect((d as { message: string }).message).toMatch(/belum lengkap: "Profil"/);
  });

  it('approval at step 4 needs every item reviewed as sesuai', () => {
    let s = cycleAt('pengumpulan');
    s = applyEvent(s, ev({ type: 'transition', action: 'submitKonsep', from: 'pengumpulan', to: 'pemeriksaan_ppid', reasons: '', data: { version: 1 } }));
    expect(decide(s, 'ppid_pembantu', 'approve', '')).toMatchObject({ ok: false, message: expect.stringMatching(/belum diperiksa/) });
    s = applyEvent(s, ev({ type: 'review.marked', itemId: 'i1', version: 1, verdict: 'sesuai', note: '' }, 'ppid_pembantu'));
    expect(decide(s, 'ppid_pembantu', 'approve', '')).toMatchObject({ ok: true });
    s = applyEvent(s, ev({ type: 'review.marked', itemId: 'i1', version: 1, verdict: 'perlu_perbaikan', note: 'Retensi salah' }, 'ppid_pembantu'));
    expect(decide(s, 'ppid_pembantu', 'approve', '')).toMatchObject({ ok: false, message: expect.stringMatching(/perlu perbaikan/) });
    expect(availableActions(s, 'ppid_pembantu').find((a) => a.action === 'return')?.allowed).toBe(true);
  });

  it('a return belongs to the version it judged; a new submission clears pending reviews', () => {
    let s = cycleAt('pengumpulan');
    s = applyEvent(s, ev({ type: 'transition', action: 'submitKonsep', from: 'pengumpulan', to: 'pemeriksaan_ppid', reasons: '', data: { version: 1 } }));
    s = applyEvent(s, ev({ type: 'review.marked', itemId: 'i1', version: 1, verdict: 'perlu_perbaikan', note: 'Retensi salah' }, 'ppid_pembantu'));
    s = applyEvent(s, ev({ type: 'transition', action: 'return', from: 'pemeriksaan_ppid', to: 'pengumpulan', reasons: 'Perbaiki retensi', data: {} }, 'ppid_pembantu'));
    expect(s.returns).toEqual([expect.objectContaining({ version: 1, flaggedItemIds: ['i1'], reasons: 'Perbaiki retensi' })]);
    s = applyEvent(s, ev({ type: 'transition', action: 'submitKonsep', from: 'pengumpulan', to: 'pemeriksaan_ppid', reasons: '', data: { version: 2 } }));
    expect(s.version).toBe(2);
    // No stale "perlu perbaikan": version 2 has not been judged yet.
    expect(decide(s, 'ppid_pembantu', 'approve', '')).toMatchObject({ ok: false, message: expect.stringMatching(/1 informasi belum diperiksa/) });
    expect(s.returns[0]!.version).toBe(1);
  });
});

describe('time standards', () => {
  it('counts working minutes only (WIB, Monday–Friday)', () => {
    // Friday 16:00 WIB → Monday 09:00 WIB: 8 h on Friday + 9 h on Monday.
    expect(workingMinutesBetween('2026-11-27T09:00:00Z', '2026-11-30T02:00:00Z')).toBe(17 * 60);
    expect(workingMinutesBetween('2026-11-23T02:00:00Z', '2026-11-23T02:20:00Z')).toBe(20);
  });

  it('says when a 15-minute step is late', () => {
    const s = cycleAt('nota_dinas');
    const since = s.visits.at(-1)!.since;
    const t10 = stepTiming(s, new Date(Date.parse(since) + 10 * 60_000).toISOString());
    const t20 = stepTiming(s, new Date(Date.parse(since) + 20 * 60_000).toISOString());
    expect(t10).toMatchObject({ standardMinutes: 15, late: false, remainingMinutes: 5 });
    expect(t20).toMatchObject({ late: true, remainingMinutes: -5 });
  });
});
