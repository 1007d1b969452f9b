import { describe, expect, it } from 'vitest';
import {
  ACTIONS,
  applyEvent,
  availableActions,
  decide,
  fold,
  STEPS,
  STEP_INFO,
  TRANSITIONS,
  workingMinutesBetween,
  stepTiming,
  canEdit,
  type CycleEvent,
  type CycleState,
  type EventBody,
  type Step,
  type Action,
} from '../../electron/core/domain/workflow';
import { ROLES, type Role } from '../../electron/core/domain/roles';
import { completeItem } from './workflow-fixtures';

/**
 * The seed SOP ("Pendokumentasian Informasi Publik", Lampiran VII, Diskominfotik Kapuas Hulu)
 * written out by hand, column by column: who acts (Pelaksana), the time standard (Waktu), the
 * output, and where an approval or a rejection leads. Nothing here is read from the code under
 * test, so a wrong role, time or target in sop.ts fails.
 */
interface SopRow {
  no: number;
  step: Step;
  actor: Role;
  /** "1 Hari" is one (working) day; "15 Menit" fifteen minutes; step 6 has none. */
  minutes: number | null;
  output: string;
  forward: { action: Action; to: Step };
  back?: { to: Step };
}
const SOP: SopRow[] = [
  // 1. Operator OPD identifies the information and reports to the ketua PPID.
  { no: 1, step: 'identifikasi', actor: 'operator', minutes: 24 * 60, output: 'Tersedianya Data', forward: { action: 'report', to: 'nota_dinas' } },
  // 2. The PPID Pembantu (ketua PPID) orders the officers to gather data: a Nota Dinas.
  { no: 2, step: 'nota_dinas', actor: 'ppid_pembantu', minutes: 15, output: 'Nota Dinas', forward: { action: 'issueNotaDinas', to: 'pengumpulan' } },
  // 3. The officers gather and classify: the Konsep.
  { no: 3, step: 'pengumpulan', actor: 'operator', minutes: 24 * 60, output: 'Konsep Daftar Informasi Publik', forward: { action: 'submitKonsep', to: 'pemeriksaan_ppid' } },
  // 4. The PPID Pembantu checks: approved → to the atasan PPID; not approved → back to the officer.
  {
    no: 4,
    step: 'pemeriksaan_ppid',
    actor: 'ppid_pembantu',
    minutes: 15,
    output: 'Draft Daftar Informasi Publik',
    forward: { action: 'approve', to: 'pemeriksaan_kepala' },
    back: { to: 'pengumpulan' },
  },
  // 5. The Kepala OPD checks: approved → signed; not approved → back to the ketua PPID.
  {
    no: 5,
    step: 'pemeriksaan_kepala',
    actor: 'kepala_opd',
    minutes: 15,
    output: 'Daftar Informasi Publik',
    forward: { action: 'approve', to: 'arsip' },
    back: { to: 'pemeriksaan_ppid' },
  },
  // 6. The DIK, signed by the atasan PPID, is kept as an archive; no time standard.
  { no: 6, step: 'arsip', actor: 'kepala_opd', minutes: null, output: 'Daftar Informasi yang Dikecualikan', forward: { action: 'archive', to: 'selesai' } },
];

/** step/action → the one role the SOP lets act there. */
const HOLDER: Record<string, Role> = {};
for (const row of SOP) {
  HOLDER[`${row.step}/${row.forward.action}`] = row.actor;
  if (row.back) HOLDER[`${row.step}/return`] = row.actor;
}

let n = 0;
function ev(body: EventBody, role: Role = 'operator', at = '2026-11-23T02:00:00.000Z'): CycleEvent {
  n += 1;
  return { v: 2, id: `e${n}`, cycleId: 'c1', parents: [], installationId: 'i', at, actor: { userId: 'u', username: role, name: role, role }, body, hash: '', sig: null };
}

/** A cycle standing at `step` with every guard satisfied for that step's forward action. */
function cycleAt(step: Step): CycleState {
  const events: CycleEvent[] = [ev({ type: 'cycle.created', title: 'DIP 2027', year: 2027, carriedFrom: null })];
  events.push(ev({ type: 'item.added', itemId: 'i1', fields: completeItem('Profil', 'Sekretariat', 'berkala'), origin: 'baru', sourceItemId: null }));
  for (const row of SOP) {
    if (row.step === step) break;
    const { action, to } = row.forward;
    events.push(ev({ type: 'transition', action, from: row.step, to, reasons: '', data: action === 'submitKonsep' ? { version: 1 } : {} }, row.actor));
    // Satisfy the guard of the step just entered, so only role and step decide.
    if (to === 'nota_dinas') {
      events.push(ev({ type: 'notaDinas.saved', draft: { kepada: 'Petugas', dari: 'Ketua', tembusan: [], sifat: 'Biasa', lampiran: '-', hal: 'Hal', isi: 'Isi', batasWaktu: '' } }, 'ppid_pembantu'));
    }
    if (to === 'pemeriksaan_ppid') {
      events.push(ev({ type: 'review.marked', itemId: 'i1', version: 1, verdict: 'sesuai', note: '' }, 'ppid_pembantu'));
    }
  }
  return fold(events);
}

describe('the SOP table as the code holds it', () => {
  it('six steps in the SOP order, then done', () => {
    expect(STEPS).toEqual([...SOP.map((r) => r.step), 'selesai']);
    expect(SOP.map((r) => STEP_INFO[r.step].no)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it.each(SOP)('step $no ($step): held by $actor, time standard $minutes min, output "$output"', (row) => {
    const info = STEP_INFO[row.step];
    expect(info.holder).toBe(row.actor);
    expect(info.standardMinutes).toBe(row.minutes);
    expect(info.output.toLowerCase()).toContain(row.output.toLowerCase());
  });

  it('every act: the step it is taken at, who takes it, where it leads', () => {
    const rows = SOP.flatMap((r) => [
      { step: r.step, action: r.forward.action, next: r.forward.to, roles: [r.actor] },
      ...(r.back ? [{ step: r.step, action: 'return' as const, next: r.back.to, roles: [r.actor] }] : []),
    ]);
    const code = TRANSITIONS.map(({ step, action, next, roles }) => ({ step, action, next, roles: [...roles] }));
    expect(new Set(code.map((t) => JSON.stringify(t)))).toEqual(new Set(rows.map((t) => JSON.stringify(t))));
    expect(code).toHaveLength(rows.length);
  });

  it('the documents the acts bring into being are the SOP outputs', () => {
    const produced = (step: Step, action: Action) => TRANSITIONS.find((t) => t.step === step && t.action === action)?.produces;
    expect(produced('nota_dinas', 'issueNotaDinas')).toBe('Nota Dinas');
    expect(produced('pengumpulan', 'submitKonsep')).toBe('Konsep Daftar Informasi Publik');
    expect(produced('pemeriksaan_ppid', 'approve')).toBe('Draft Daftar Informasi Publik');
    expect(produced('pemeriksaan_kepala', 'approve')).toBe('Daftar Informasi Publik');
    expect(produced('arsip', 'archive')).toContain('Daftar Informasi yang Dikecualikan');
    // A rejection produces nothing but needs a reason.
    for (const t of TRANSITIONS.filter((x) => x.action === 'return')) expect({ produces: t.produces, reasonRequired: t.reasonRequired }).toEqual({ produces: null, reasonRequired: true });
  });
});

describe('workflow table: every step × action × role', () => {
  for (const step of STEPS) {
    for (const action of ACTIONS) {
      for (const role of ROLES) {
        const holder = HOLDER[`${step}/${action}`];
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
  it('counts office minutes only (WIB, Monday–Friday 07.30–16.00)', () => {
    // Friday 16.00 WIB → Monday 09.00 WIB: nothing on Friday (the office has closed), the
    // weekend does not count, 07.30–09.00 on Monday.
    expect(workingMinutesBetween('2026-11-27T09:00:00Z', '2026-11-30T02:00:00Z')).toBe(90);
    expect(workingMinutesBetween('2026-11-23T02:00:00Z', '2026-11-23T02:20:00Z')).toBe(20);
  });

  it('says when a 15-minute step is late', () => {
    const s = cycleAt('nota_dinas');
    const since = s.visits.at(-1)!.since;
    const t10 = stepTiming(s, new Date(Date.parse(since) + 10 * 60_000).toISOString());
    const t20 = stepTiming(s, new Date(Date.parse(since) + 20 * 60_000).toISOString());
    // Entered Monday 23 November 2026 09.00 WIB: due 09.15 WIB.
    expect(t10).toMatchObject({ standardMinutes: 15, late: false, remainingMinutes: 5, dueAt: '2026-11-23T02:15:00.000Z' });
    expect(t20).toMatchObject({ late: true, remainingMinutes: -5 });
  });
});
