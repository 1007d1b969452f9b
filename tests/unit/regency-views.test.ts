import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CALENDAR } from '../../electron/core/domain/calendar';
import type { RegisterView, WaitingPackage } from '../../electron/core/domain/regency/model';
import { registerView, stepDelays } from '../../electron/core/domain/regency/register-view';
import { fold, type CycleEvent, type CycleState, type EventBody } from '../../electron/core/domain/workflow';
import { call, coreOpener, failure, must } from '../fixtures/harness';
import { exemptForSixMonths, FakeRecords, fiveItems, opdDesk, registerEntry, utamaDesk } from '../fixtures/regency-records';
import { completeItem } from './workflow-fixtures';

/**
 * The PPID Utama's register (issue 13) from real cycles: each OPD ran its cycle through the
 * contract in its own data folder, at times chosen so the SOP's time standards (STEP_INFO:
 * step 4 and 5 "15 menit", steps 1 and 3 "1 hari") decide who is late. Office hours are the
 * default 07.30–16.00 WIB (00.30–09.00 UTC), so a working day is 510 minutes; the register is
 * read on Monday 9 November 2026, 09.00 WIB.
 */

const open = coreOpener();
const NOW = '2026-11-09T02:00:00.000Z';
const cal = DEFAULT_CALENDAR;

let five: FakeRecords;
let revised: FakeRecords;

const waiting = (entryId: string | null, officeId: string): WaitingPackage => ({
  checkId: 'a'.repeat(64),
  fileName: 'paket.ppid',
  receivedAt: '2026-11-08T03:00:00.000Z',
  opd: { officeId, name: 'x', unitCode: 'x', entryId },
  sender: { installationId: 'inst', name: 'Laptop', fingerprint: '1'.repeat(20), publicKey: 'k' },
  cycles: [],
});

beforeAll(async () => {
  // Monday 2 November: every step well inside its standard, signed 09.20 WIB.
  const disdik = await opdDesk(open, { name: 'Dinas Pendidikan', unitCode: 'Disdik', kepala: 'Dr. Yosef Kanisius, M.Pd.' }, '2026-11-02T01:00:00.000Z');
  const onTime = await disdik.cycle('DIP Dinas Pendidikan 2026', 2026, fiveItems('Dinas Pendidikan'), {
    created: '2026-11-02T01:00:00.000Z',
    report: '2026-11-02T01:30:00.000Z',
    notaDinas: '2026-11-02T01:40:00.000Z',
    konsep: '2026-11-02T02:00:00.000Z',
    approve: '2026-11-02T02:10:00.000Z',
    sign: '2026-11-02T02:20:00.000Z',
  });
  // The Konsep sent Monday 09.00 WIB and approved by the PPID Pembantu on Wednesday 09.00:
  // two working days at a step whose standard is 15 minutes.
  const dinkes = await opdDesk(open, { name: 'Dinas Kesehatan', unitCode: 'Dinkes', kepala: 'dr. Maria Magdalena Lenny, M.Kes.' }, '2026-11-02T01:00:00.000Z');
  const lateStep4 = await dinkes.cycle('DIP Dinas Kesehatan 2026', 2026, fiveItems('Dinas Kesehatan'), {
    created: '2026-11-02T01:00:00.000Z',
    report: '2026-11-02T01:30:00.000Z',
    notaDinas: '2026-11-02T01:40:00.000Z',
    konsep: '2026-11-02T02:00:00.000Z',
    approve: '2026-11-04T02:00:00.000Z',
    sign: '2026-11-04T02:10:00.000Z',
  });
  // The Konsep sent Friday 15.00 WIB, still waiting for the PPID Pembantu on Monday 09.00.
  const kec = await opdDesk(open, { name: 'Kecamatan Putussibau Utara', unitCode: 'Kec-PSU', kepala: 'Petrus Lansau, S.Sos.' }, '2026-11-06T06:00:00.000Z');
  const waitingAt4 = await kec.cycle('DIP Kecamatan 2026', 2026, fiveItems('Kecamatan Putussibau Utara').slice(0, 4), {
    created: '2026-11-06T06:00:00.000Z',
    report: '2026-11-06T06:30:00.000Z',
    notaDinas: '2026-11-06T06:40:00.000Z',
    konsep: '2026-11-06T08:00:00.000Z',
  });
  // Signed on Monday 2 March 2026, with a monthly berkala item, a six-monthly one and an
  // exemption for six months: by November all three are past their dates.
  const dinsos = await opdDesk(open, { name: 'Dinas Sosial', unitCode: 'Dinsos', kepala: 'Yustinus Ading, S.H.' }, '2026-03-02T01:00:00.000Z');
  const march = await dinsos.cycle(
    'DIP Dinas Sosial 2026',
    2026,
    [
      completeItem('Laporan penyaluran bantuan sosial bulanan', 'Sekretariat', 'berkala', { berkalaBulan: 1 }),
      completeItem('Profil Dinas Sosial', 'Sekretariat', 'berkala', { berkalaBulan: 6 }),
      completeItem('Daftar panti sosial', 'Sekretariat', 'setiap_saat'),
      exemptForSixMonths('Berkas penyidikan penyalahgunaan bantuan sosial'),
    ],
    {
      created: '2026-03-02T01:00:00.000Z',
      report: '2026-03-02T01:30:00.000Z',
      notaDinas: '2026-03-02T01:40:00.000Z',
      konsep: '2026-03-02T02:00:00.000Z',
      approve: '2026-03-02T02:10:00.000Z',
      sign: '2026-03-02T02:20:00.000Z',
    },
  );
  five = new FakeRecords(
    [
      { entry: registerEntry('e-kec', 'Kecamatan Putussibau Utara', 'Kec-PSU'), cycles: [waitingAt4] },
      { entry: registerEntry('e-dinkes', 'Dinas Kesehatan', 'Dinkes'), cycles: [lateStep4], lastReceivedAt: '2026-11-04T05:00:00.000Z' },
      { entry: registerEntry('e-bkad', 'Badan Keuangan dan Aset Daerah', 'BKAD', undefined, 'office-bkad'), cycles: [] },
      { entry: registerEntry('e-disdik', 'Dinas Pendidikan', 'Disdik'), cycles: [onTime] },
      { entry: registerEntry('e-dinsos', 'Dinas Sosial', 'Dinsos'), cycles: [march] },
    ],
    [waiting(null, 'office-bkad'), waiting('e-dinkes', 'office-dinkes')],
  );

  // One OPD over two years: 2026 signed and archived on 2 March, a revision of the 2026 list
  // begun the next day (carried from it), and the 2027 cycle begun on Monday 1 March 2027.
  const dishub = await opdDesk(open, { name: 'Dinas Perhubungan', unitCode: 'Dishub', kepala: 'Ir. Fransiskus Ason' }, '2026-03-02T01:00:00.000Z');
  const first = await dishub.cycle('DIP Dinas Perhubungan 2026', 2026, fiveItems('Dinas Perhubungan'), {
    created: '2026-03-02T01:00:00.000Z',
    report: '2026-03-02T01:30:00.000Z',
    notaDinas: '2026-03-02T01:40:00.000Z',
    konsep: '2026-03-02T02:00:00.000Z',
    approve: '2026-03-02T02:10:00.000Z',
    sign: '2026-03-02T02:20:00.000Z',
    archive: '2026-03-02T02:30:00.000Z',
  });
  const revision = await dishub.cycle('DIP Dinas Perhubungan 2026 (perubahan)', 2026, [], { created: '2026-03-03T01:00:00.000Z' }, first.id);
  const next = await dishub.cycle('DIP Dinas Perhubungan 2027', 2027, [], { created: '2027-03-01T01:00:00.000Z' }, first.id);
  revised = new FakeRecords([{ entry: registerEntry('e-dishub', 'Dinas Perhubungan', 'Dishub'), cycles: [first, revision, next] }]);
}, 240_000);

const row = (v: RegisterView, name: string) => v.rows.find((r) => r.opdName === name)!;

describe('the register of a year', () => {
  it('lists every OPD by name, each with where it stands and why it is late, in words', () => {
    const v = registerView(five, 2026, NOW, cal);
    expect(v.rows.map((r) => [r.opdName, r.standing, r.cycle?.stepLabel ?? null, r.late, r.lateness])).toEqual([
      ['Badan Keuangan dan Aset Daerah', 'belum_kirim', null, false, ''],
      // Step 4 took 2 × 510 = 1,020 office minutes against 15: 1,005 over = 1 day (510) and 8 h 15 min.
      ['Dinas Kesehatan', 'ditandatangani', 'Langkah 6: Arsip DIK', true, 'Langkah 4 terlambat 1 hari 8 jam kerja'],
      ['Dinas Pendidikan', 'ditandatangani', 'Langkah 6: Arsip DIK', false, ''],
      ['Dinas Sosial', 'ditandatangani', 'Langkah 6: Arsip DIK', false, ''],
      // Friday 15.00–16.00 (60) and Monday 07.30–09.00 (90): 150 minutes against 15.
      ['Kecamatan Putussibau Utara', 'proses', 'Langkah 4: Pemeriksaan PPID Pembantu', true, 'Langkah 4 terlambat 2 jam 15 menit kerja'],
    ]);
    expect(v.totals).toEqual({ belum_kirim: 1, proses: 1, ditandatangani: 3, late: 2, opd: 5 });
    expect(v.year).toBe(2026);
    expect(v.years).toEqual([2026]);
  });

  it('says when each signed, what each list holds per category, and what waits or arrived', () => {
    const v = registerView(five, 2026, NOW, cal);
    expect(row(v, 'Dinas Kesehatan')).toMatchObject({
      entryId: 'e-dinkes',
      unitCode: 'Dinkes',
      signedAt: '2026-11-04T02:10:00.000Z',
      counts: { berkala: 2, serta_merta: 1, setiap_saat: 1, dikecualikan: 1 },
      cycle: { title: 'DIP Dinas Kesehatan 2026', step: 'arsip' },
      lastReceivedAt: '2026-11-04T05:00:00.000Z',
      waiting: 1,
    });
    expect(row(v, 'Kecamatan Putussibau Utara')).toMatchObject({ signedAt: null, counts: { berkala: 2, serta_merta: 1, setiap_saat: 1, dikecualikan: 0 }, waiting: 0 });
    // A package waiting before its OPD was matched names only the OPD's office id.
    expect(row(v, 'Badan Keuangan dan Aset Daerah')).toMatchObject({ cycle: null, signedAt: null, counts: { berkala: 0, serta_merta: 0, setiap_saat: 0, dikecualikan: 0 }, waiting: 1, lastReceivedAt: null });
  });

  it('counts berkala items overdue (Pasal 9) and exemptions whose period has ended, on the list in force', () => {
    const v = registerView(five, 2026, NOW, cal);
    // Signed 2 March: the monthly item was due 2 April, the six-monthly one 2 September, the
    // six-month exemption ended 2 September.
    expect(row(v, 'Dinas Sosial')).toMatchObject({ berkalaOverdue: 2, exemptionsEnding: 1 });
    // Signed in November: the six-monthly items are due in May 2027; exemption under huruf h is not limited in time.
    expect(row(v, 'Dinas Kesehatan')).toMatchObject({ berkalaOverdue: 0, exemptionsEnding: 0 });
    // In July only the monthly item is overdue and the exemption ends within the 90 days shown ahead.
    const july = registerView(five, 2026, '2026-07-01T02:00:00.000Z', cal);
    expect(row(july, 'Dinas Sosial')).toMatchObject({ berkalaOverdue: 1, exemptionsEnding: 1 });
  });

  it('takes the cycle made last in a year, and counts the year signed while a revision is under way', () => {
    const v = registerView(revised, 2026, '2026-03-03T02:00:00.000Z', cal);
    expect(v.rows[0]).toMatchObject({
      standing: 'ditandatangani',
      signedAt: '2026-03-02T02:20:00.000Z',
      cycle: { title: 'DIP Dinas Perhubungan 2026 (perubahan)', step: 'identifikasi', stepLabel: 'Langkah 1: Identifikasi informasi' },
      late: false,
      counts: { berkala: 2, serta_merta: 1, setiap_saat: 1, dikecualikan: 1 },
    });
    expect(v.years).toEqual([2027, 2026]);
  });

  it('flags a year whose list is not signed a year after the last one, and the step left open', () => {
    const v = registerView(revised, 2027, '2027-03-08T02:00:00.000Z', cal);
    expect(v.years).toEqual([2027, 2026]);
    // Signed 2 March 2026, so the 2027 list was due 2 March 2027: six days ago. Step 1 open
    // since Monday 1 March 08.00 WIB: 480 + 4 × 510 + 90 = 2,610 minutes against 510 →
    // 2,100 over = 4 days (2,040) and 1 hour.
    expect(v.rows[0]).toMatchObject({
      standing: 'proses',
      late: true,
      lateness: 'DIP tahun 2027 belum ditandatangani; jatuh tempo pembaruan tahunan 2 Maret 2027 (lewat 6 hari); langkah 1 terlambat 4 hari 1 jam kerja',
    });
    expect(v.totals).toMatchObject({ proses: 1, late: 1, opd: 1 });
  });

  it('lists the current year even before any OPD has a cycle for it, and an empty register', () => {
    expect(registerView(new FakeRecords(), 2026, NOW, cal)).toEqual({ year: 2026, years: [2026], rows: [], totals: { belum_kirim: 0, proses: 0, ditandatangani: 0, late: 0, opd: 0 } });
    expect(registerView(five, 2025, NOW, cal).years).toEqual([2026, 2025]);
    expect(registerView(five, 2025, NOW, cal).rows.every((r) => r.standing === 'belum_kirim' && !r.late)).toBe(true);
  });
});

describe('lateness against the SOP time standards, in office time', () => {
  const actor = { userId: 'u', username: 'operator', name: 'Operator', role: 'operator' as const };
  const t = (action: 'report' | 'issueNotaDinas' | 'submitKonsep' | 'approve', from: string, to: string): EventBody => ({ type: 'transition', action, from, to, reasons: '', data: {} }) as EventBody;
  /** A cycle whose Konsep reached the PPID Pembantu at `sent` and was approved at `approved`. */
  function step4(sent: string, approved: string): CycleState {
    const bodies: [string, EventBody][] = [
      ['2026-11-02T01:00:00.000Z', { type: 'cycle.created', title: 'DIP 2026', year: 2026, carriedFrom: null }],
      ['2026-11-02T01:10:00.000Z', t('report', 'identifikasi', 'nota_dinas')],
      ['2026-11-02T01:20:00.000Z', t('issueNotaDinas', 'nota_dinas', 'pengumpulan')],
      [sent, t('submitKonsep', 'pengumpulan', 'pemeriksaan_ppid')],
      [approved, t('approve', 'pemeriksaan_ppid', 'pemeriksaan_kepala')],
    ];
    const events: CycleEvent[] = bodies.map(([at, body], n) => ({ v: 4, id: `a${n}`, cycleId: 'c', parents: n ? [`a${n - 1}`] : [], installationId: 'i', at, actor, body, hash: 'h'.repeat(64), sig: null }));
    return fold(events);
  }
  /** Step 4's delay once it is over (the earlier steps of these made-up cycles are not the point). */
  const closed = (s: CycleState) => stepDelays(s, s.visits.at(-1)!.since, cal).filter((d) => d.step === 'pemeriksaan_ppid');

  it('a 15-minute step is on time at 15 minutes and late at 16', () => {
    expect(closed(step4('2026-11-02T02:00:00.000Z', '2026-11-02T02:15:00.000Z'))).toEqual([]);
    expect(closed(step4('2026-11-02T02:00:00.000Z', '2026-11-02T02:16:00.000Z'))).toEqual([{ step: 'pemeriksaan_ppid', overMinutes: 1 }]);
  });

  it('counts only office hours: sent Friday 15.55 WIB and approved Monday 07.40 is 15 minutes', () => {
    expect(closed(step4('2026-11-06T08:55:00.000Z', '2026-11-09T00:40:00.000Z'))).toEqual([]);
    // Overnight on a working week: Thursday 15.55 → Friday 07.40 is 15 minutes as well.
    expect(closed(step4('2026-11-05T08:55:00.000Z', '2026-11-06T00:40:00.000Z'))).toEqual([]);
  });
});

describe('the yearly renewal', () => {
  const actor = { userId: 'u', username: 'kepala', name: 'Kepala', role: 'kepala_opd' as const };
  /** A cycle of `year` taken through the SOP on `day` in ten-minute steps, signed at 09.20 WIB. */
  function signedOn(year: number, day: string): CycleState {
    const t = (action: string, from: string, to: string): EventBody => ({ type: 'transition', action, from, to, reasons: '', data: {} }) as EventBody;
    const bodies: [string, EventBody][] = [
      [`${day}T01:00:00.000Z`, { type: 'cycle.created', title: `DIP ${year}`, year, carriedFrom: null }],
      [`${day}T01:10:00.000Z`, t('report', 'identifikasi', 'nota_dinas')],
      [`${day}T01:20:00.000Z`, t('issueNotaDinas', 'nota_dinas', 'pengumpulan')],
      [`${day}T01:30:00.000Z`, t('submitKonsep', 'pengumpulan', 'pemeriksaan_ppid')],
      [`${day}T01:40:00.000Z`, t('approve', 'pemeriksaan_ppid', 'pemeriksaan_kepala')],
      [`${day}T02:20:00.000Z`, t('approve', 'pemeriksaan_kepala', 'arsip')],
    ];
    return fold(bodies.map(([at, body], n) => ({ v: 4, id: `${year}-${n}`, cycleId: `c${year}`, parents: n ? [`${year}-${n - 1}`] : [], installationId: 'i', at, actor, body, hash: 'h'.repeat(64), sig: null })));
  }

  it('a list signed more than a year after the previous one is late by the days between', () => {
    const recs = new FakeRecords([{ entry: registerEntry('e', 'Dinas Perikanan', 'Diskan'), cycles: [signedOn(2025, '2025-03-03'), signedOn(2026, '2026-03-13')] }]);
    // Signed 3 March 2025, so the next was due 3 March 2026; signed 13 March: ten days after.
    // (Step 5 took 40 minutes against 15 as well.)
    expect(registerView(recs, 2026, NOW, cal).rows[0]).toMatchObject({
      standing: 'ditandatangani',
      late: true,
      lateness: 'DIP ditandatangani 10 hari setelah jatuh tempo pembaruan tahunan (3 Maret 2026); langkah 5 terlambat 25 menit kerja',
    });
    // Signed on the day it was due: on time as far as the renewal goes.
    const onDay = new FakeRecords([{ entry: registerEntry('e', 'Dinas Perikanan', 'Diskan'), cycles: [signedOn(2025, '2025-03-03'), signedOn(2026, '2026-03-03')] }]);
    expect(registerView(onDay, 2026, NOW, cal).rows[0]!.lateness).toBe('Langkah 5 terlambat 25 menit kerja');
  });
});

describe('utama.register', () => {
  it('answers the PPID Utama office with the register of the current year by default', async () => {
    const { core, s } = await utamaDesk(open, five, NOW);
    const v = await must<RegisterView>(core, 'utama.register', {}, s.operator);
    expect(v).toEqual(registerView(five, 2026, NOW, cal));
    expect((await must<RegisterView>(core, 'utama.register', { year: 2025 }, s.utama)).year).toBe(2025);
  });

  it('is refused in an OPD office, in Indonesian', async () => {
    const { core, s, stores } = await utamaDesk(open, five, NOW);
    await stores.settings.set({ ...stores.settings.get()!, officeKind: 'opd' });
    const r = failure(await call(core, 'utama.register', {}, s.operator));
    expect([r.code, r.message]).toEqual(['FORBIDDEN', 'Perintah ini hanya untuk kantor PPID Utama.']);
  });
});
