import { describe, expect, it } from 'vitest';
import type { CycleSummary, CycleView } from '../../electron/core/domain/cycle-views';
import type { BuiltDocument } from '../../electron/core/domain/document-views';
import { workingMinutesBetween } from '../../electron/core/domain/calendar';
import { standardOfficeMinutes } from '../../electron/core/domain/workflow';
import { coreOpener, fakeClock, login, must, tempDir, USERS } from '../fixtures/harness';

const open = coreOpener();

/** A newcomer presses "Coba dengan data contoh" on a Friday morning (10.00 WIB). */
async function demoOffice(at = '2026-12-04T03:00:00.000Z') {
  const clock = fakeClock(at);
  const core = await open(await tempDir(), clock);
  await must(core, 'setup.loadDemo', { cycles: true });
  const s = { ppid: await login(core, USERS.admin), operator: await login(core, USERS.operator), kepala: await login(core, USERS.kepala) };
  const { cycles } = await must<{ cycles: CycleSummary[] }>(core, 'cycles.list', {}, s.ppid);
  const view = (id: string) => must<CycleView>(core, 'cycles.get', { cycleId: id }, s.ppid);
  return { core, clock, s, cycles, view };
}

describe('the demo office', () => {
  it('holds a list signed last year, one waiting for the PPID Pembantu after a return, and one at step 3', async () => {
    const { core, s, cycles, view } = await demoOffice();
    expect(cycles.map((c) => [c.year, c.step])).toEqual([
      [2027, 'pengumpulan'],
      [2026, 'pemeriksaan_ppid'],
      [2025, 'selesai'],
    ]);
    const [next, review, signed] = cycles as [CycleSummary, CycleSummary, CycleSummary];

    // Signed last year, with exempt items: the DIP, the DIK and the uji konsekuensi all print.
    expect(signed.signed).not.toBeNull();
    expect(signed.signed!.at.startsWith('2025-')).toBe(true);
    expect(signed.exemptCount).toBe(3);
    for (const kind of ['notaDinas', 'dip', 'dik', 'ujiKonsekuensi']) {
      const doc = await must<BuiltDocument>(core, 'documents.build', { cycleId: signed.id, kind }, s.kepala);
      expect(doc.fileName.length).toBeGreaterThan(0);
    }
    const signedView = await view(signed.id);
    // Pasal 17: c angka 6 (sistem persandian negara), h angka 2 (riwayat kesehatan), i (memorandum).
    expect(
      signedView.items
        .filter((i) => i.fields.kategori === 'dikecualikan')
        .map((i) => `${i.fields.exemption.huruf}${i.fields.exemption.angka || ''}`)
        .sort(),
    ).toEqual(['c6', 'h2', 'i']);
    expect(signedView.items.every((i) => i.problems.length === 0)).toBe(true);
    // Signed as real work signs: the uji konsekuensi held (before the signature, for the version signed) and the fingerprints stored.
    expect(signedView.ujiKonsekuensi).not.toBeNull();
    expect(signedView.ujiKonsekuensi!.version).toBe(signedView.version);
    expect(signedView.ujiKonsekuensi!.participants.length).toBeGreaterThanOrEqual(2);
    expect(Date.parse(signedView.ujiKonsekuensi!.at)).toBeLessThanOrEqual(Date.parse(signedView.signed!.at));
    const printed = await must<{ dip: { short: string } | null }>(core, 'documents.fingerprints', { cycleId: signed.id }, s.kepala);
    expect(printed.dip?.short).toMatch(/^[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}$/);

    // Waiting for the PPID Pembantu, with one return in its history and the flagged item fixed.
    expect(review.waitingForMe).toBe(true);
    const reviewView = await view(review.id);
    expect(reviewView.returns).toHaveLength(1);
    expect(reviewView.returns[0]!.flaggedItemIds).toHaveLength(1);
    expect(reviewView.items.every((i) => i.problems.length === 0)).toBe(true);
    expect(reviewView.items.filter((i) => i.origin === 'tetap').length).toBe(signedView.items.length);

    // At step 3: carried items complete, new ones half filled.
    const nextView = await view(next.id);
    const incomplete = nextView.items.filter((i) => i.problems.length > 0);
    expect(incomplete.length).toBeGreaterThan(0);
    expect(incomplete.length).toBeLessThan(nextView.items.length);
    expect(nextView.notaDinas.number).toMatch(/^500\.12\.2\/0*2\/Diskominfotik\/2026$/);
    expect(reviewView.notaDinas.number).toMatch(/^500\.12\.2\/0*1\/Diskominfotik\/2026$/);
  });

  it('every step was taken within its SOP time, nothing is dated after now, and the open steps are not late', async () => {
    for (const at of ['2026-12-04T03:00:00.000Z', '2026-12-05T14:00:00.000Z', '2027-01-04T00:45:00.000Z']) {
      const { clock, cycles, view } = await demoOffice(at);
      const now = clock.now().toISOString();
      for (const c of cycles) {
        const v = await view(c.id);
        expect(v.timing.late, `${c.title} at ${at}`).toBe(false);
        for (const visit of v.visits) {
          expect(visit.since <= now).toBe(true);
          const standard = standardOfficeMinutes(visit.step);
          if (standard === null || visit.until === null) continue;
          expect(workingMinutesBetween(visit.since, visit.until), `${c.title}: ${visit.step}`).toBeLessThanOrEqual(standard);
        }
        for (const e of v.timeline) expect(e.at <= now).toBe(true);
      }
    }
  });
});
