import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEFAULT_CALENDAR,
  NATIONAL_HOLIDAYS,
  addWorkingMinutes,
  describeOfficeHours,
  formatHariTanggal,
  formatTanggal,
  formatTanggalJam,
  holidayOn,
  workingMinutesBetween,
  yearIn,
  type CalendarSettings,
} from '../../electron/core/domain/calendar';
import { ACT_FORMAT, fold, stepTiming, TRANSITIONS, type CycleEvent, type EventBody } from '../../electron/core/domain/workflow';
import { formatLetterNumber } from '../../electron/core/domain/numbering';
import { calendarSettingsSchema, settingsSchema } from '../../electron/core/domain/office';
import { tanggal, hariTanggal, tahun } from '../../electron/core/documents/shared/dates';

/*
 * Expected values are worked out by hand from the SOP (1 hari, 15 menit), the office hours
 * (Senin–Jumat 07.30–16.00) and the SKB 3 Menteri for 2026; WIB = UTC+7, WITA = UTC+8.
 */

// The laptop of the bug report had its clock in UTC; make the machine zone as unhelpful as
// possible so a formatter that reads it shows the wrong day.
const machineTz = process.env.TZ;
beforeAll(() => {
  process.env.TZ = 'Pacific/Honolulu';
});
afterAll(() => {
  process.env.TZ = machineTz;
});

const WITA: CalendarSettings = { ...DEFAULT_CALENDAR, timeZone: 'Asia/Makassar' };

let n = 0;
function ev(body: EventBody, at: string): CycleEvent {
  n += 1;
  return { v: ACT_FORMAT, id: `e${n}`, cycleId: 'c1', parents: [], installationId: 'i', at, actor: { userId: 'u', username: 'u', name: 'u', role: 'operator' }, body, hash: '', sig: null };
}

/** A cycle whose step 1 (1 hari) began at `at`. */
function identificationSince(at: string) {
  return fold([ev({ type: 'cycle.created', title: 'DIP 2027', year: 2027, carriedFrom: null }, at)]);
}

/** A cycle whose step 2, the Nota Dinas (15 menit), began at `at`. */
function notaDinasSince(at: string) {
  const t = TRANSITIONS.find((x) => x.step === 'identifikasi' && x.next === 'nota_dinas')!;
  return fold([
    ev({ type: 'cycle.created', title: 'DIP 2027', year: 2027, carriedFrom: null }, '2026-11-02T01:00:00.000Z'),
    ev({ type: 'transition', action: t.action, from: 'identifikasi', to: 'nota_dinas', reasons: '', data: {} }, at),
  ]);
}

describe('the office day, not the machine day', () => {
  it('shows 23.30 UTC as the next day in WIB, in every format', () => {
    const at = '2026-12-03T23:30:00Z'; // Friday 4 December 2026, 06.30 WIB
    expect(formatTanggal(at, 'Asia/Jakarta')).toBe('4 Desember 2026');
    expect(formatHariTanggal(at, 'Asia/Jakarta')).toBe('Jumat, 4 Desember 2026');
    expect(formatTanggalJam(at, 'Asia/Jakarta')).toBe('4 Desember 2026 06.30');
    expect(yearIn('2026-12-31T17:30:00Z', 'Asia/Jakarta')).toBe(2027); // 00.30 WIB on New Year's day
  });

  it('the report of issue 7: 21.22 UTC on 3 December is 4 December 04.22 WIB everywhere', () => {
    const at = '2026-12-03T21:22:00Z';
    expect(formatTanggalJam(at, 'Asia/Jakarta')).toBe('4 Desember 2026 04.22');
    expect(tanggal(at, 'Asia/Jakarta')).toBe('4 Desember 2026');
  });

  it('a WITA office is an hour ahead of WIB: 16.30 UTC is already tomorrow there', () => {
    const at = '2026-12-03T16:30:00Z'; // 23.30 WIB, 00.30 WITA
    expect(formatTanggal(at, 'Asia/Jakarta')).toBe('3 Desember 2026');
    expect(formatTanggal(at, 'Asia/Makassar')).toBe('4 Desember 2026');
    expect(formatTanggalJam('2026-12-03T15:00:00Z', 'Asia/Jayapura')).toBe('4 Desember 2026 00.00');
  });

  it('documents/shared writes the same day as the screen formatter', () => {
    expect(tanggal('2026-11-24T16:59:00Z', 'Asia/Jakarta')).toBe('24 November 2026');
    expect(tanggal('2026-11-24T17:00:00Z', 'Asia/Jakarta')).toBe('25 November 2026');
    expect(hariTanggal('2026-11-25T03:00:00Z', 'Asia/Jakarta')).toBe('Rabu, 25 November 2026');
    expect(tahun('2026-12-31T17:30:00Z', 'Asia/Jakarta')).toBe(2027);
    expect(tahun('2026-12-31T16:30:00Z', 'Asia/Jakarta')).toBe(2026);
    expect(() => tanggal('bukan tanggal', 'Asia/Jakarta')).toThrow('Tanggal tidak valid');
  });

  it('numbers a Nota Dinas issued at 00.30 WIB on 1 January 2027 in 2027, month I', () => {
    const number = formatLetterNumber('{kode}/{urut}/{unit}/{bulan}/{tahun}', {
      kode: '500.12.2',
      urut: 1,
      unit: 'Diskominfotik',
      date: new Date('2026-12-31T17:30:00Z'),
      timeZone: 'Asia/Jakarta',
    });
    expect(number).toBe('500.12.2/001/Diskominfotik/I/2027');
  });
});

describe('lateness in office hours', () => {
  it('a 15-minute step entered Friday 15.50 WIB is not late before Monday 07.35 and late after', () => {
    const s = notaDinasSince('2026-12-04T08:50:00Z'); // Friday 4 December 2026, 15.50 WIB
    // Friday 16.00: 10 office minutes. Saturday noon: still 10.
    expect(stepTiming(s, '2026-12-04T09:00:00Z')).toMatchObject({ spentMinutes: 10, late: false, remainingMinutes: 5 });
    expect(stepTiming(s, '2026-12-05T05:00:00Z')).toMatchObject({ spentMinutes: 10, late: false });
    // Monday 7 December, 07.30 WIB = 00.30 UTC: 10; 07.35: 15, exactly the standard.
    expect(stepTiming(s, '2026-12-07T00:30:00Z')).toMatchObject({ spentMinutes: 10, late: false });
    expect(stepTiming(s, '2026-12-07T00:35:00Z')).toMatchObject({ spentMinutes: 15, late: false, remainingMinutes: 0 });
    expect(stepTiming(s, '2026-12-07T00:36:00Z')).toMatchObject({ spentMinutes: 16, late: true, remainingMinutes: -1 });
    expect(stepTiming(s, '2026-12-07T00:36:00Z').dueAt).toBe('2026-12-07T00:35:00.000Z');
  });

  it('skips Christmas: entered Wednesday 23 December 2026 15.50 WIB, due Monday 28 December 07.35', () => {
    // 24 December is cuti bersama, 25 December Natal, then the weekend.
    const s = notaDinasSince('2026-12-23T08:50:00Z');
    expect(stepTiming(s, '2026-12-25T03:00:00Z')).toMatchObject({ spentMinutes: 10, late: false });
    expect(stepTiming(s, '2026-12-28T00:35:00Z')).toMatchObject({ spentMinutes: 15, late: false });
    expect(stepTiming(s, '2026-12-28T00:36:00Z')).toMatchObject({ late: true });
    expect(stepTiming(s, '2026-12-28T00:36:00Z').dueAt).toBe('2026-12-28T00:35:00.000Z');
  });

  it('a 1-day step across Nyepi and Idul Fitri 2026: begun Tuesday 17 March 10.00, due Wednesday 25 March 10.00 WIB', () => {
    // 17 March: 10.00–16.00 = 6 h. 18–24 March: cuti bersama, Nyepi, cuti bersama, weekend
    // with Idul Fitri, cuti bersama ×2. 25 March: the remaining 2 h 30 min from 07.30.
    const s = identificationSince('2026-03-17T03:00:00Z');
    const t = stepTiming(s, '2026-03-25T03:00:00Z');
    expect(t).toMatchObject({ standardMinutes: 510, spentMinutes: 510, late: false, dueAt: '2026-03-25T03:00:00.000Z' });
    expect(stepTiming(s, '2026-03-25T03:01:00Z').late).toBe(true);
    expect(stepTiming(s, '2026-03-24T08:00:00Z')).toMatchObject({ spentMinutes: 360, remainingMinutes: 150 });
  });

  it('a 1-day step across a weekend: begun Friday 13.00 WIB, due Monday 13.00 WIB', () => {
    // Friday 4 December: 13.00–16.00 = 3 h; Monday 7 December: 07.30–13.00 = 5 h 30 min; 8 h 30 min = 1 hari.
    const s = identificationSince('2026-12-04T06:00:00Z');
    expect(stepTiming(s, '2026-12-07T06:00:00Z')).toMatchObject({ spentMinutes: 510, late: false, remainingMinutes: 0 });
    expect(stepTiming(s, '2026-12-07T06:01:00Z')).toMatchObject({ late: true, remainingMinutes: -1 });
    expect(stepTiming(s, '2026-12-07T06:01:00Z').dueAt).toBe('2026-12-07T06:00:00.000Z');
  });

  it('a WITA office counts its own office hours: Friday 15.50 WITA → Monday 07.35 WITA', () => {
    const s = notaDinasSince('2026-12-04T07:50:00Z'); // 15.50 WITA
    // Monday 07.35 WITA = Sunday 23.35 UTC; in WIB that would still be Sunday night.
    expect(stepTiming(s, '2026-12-06T23:35:00Z', WITA)).toMatchObject({ spentMinutes: 15, late: false });
    expect(stepTiming(s, '2026-12-06T23:36:00Z', WITA)).toMatchObject({ spentMinutes: 16, late: true });
    // Counted in WIB the same instant began at 14.50 WIB: 70 minutes before Friday's closing.
    expect(stepTiming(s, '2026-12-06T23:36:00Z', DEFAULT_CALENDAR)).toMatchObject({ spentMinutes: 70, late: true });
  });

  it('follows the administrator: an extra holiday pushes the deadline, a removed cuti bersama brings it back', () => {
    const since = '2026-12-04T08:50:00Z'; // Friday 15.50 WIB
    const hariJadi: CalendarSettings = { ...DEFAULT_CALENDAR, extraHolidays: [{ date: '2026-12-07', name: 'Hari Jadi Kabupaten' }] };
    expect(addWorkingMinutes(since, 15, hariJadi)).toBe('2026-12-08T00:35:00.000Z'); // Tuesday 07.35
    expect(holidayOn('2026-12-07T03:00:00Z', hariJadi)).toBe('Hari Jadi Kabupaten');
    const worksOn24th: CalendarSettings = { ...DEFAULT_CALENDAR, removedHolidays: ['2026-12-24'] };
    expect(addWorkingMinutes('2026-12-23T08:50:00Z', 15, worksOn24th)).toBe('2026-12-24T00:35:00.000Z');
    // Saturday as a working day (some offices): Friday 15.50 → Saturday 07.35.
    const sixDays: CalendarSettings = { ...DEFAULT_CALENDAR, workingDays: [1, 2, 3, 4, 5, 6] };
    expect(workingMinutesBetween(since, '2026-12-05T00:35:00Z', sixDays)).toBe(15);
  });

  it('says what counts, in the office\'s words', () => {
    expect(describeOfficeHours(DEFAULT_CALENDAR)).toBe('Senin–Jumat 07.30–16.00 WIB, di luar hari libur nasional dan cuti bersama');
    expect(describeOfficeHours({ ...WITA, officeEnd: '15.30', workingDays: [1, 3, 5] })).toBe(
      'Senin, Rabu, Jumat 07.30–15.30 WITA, di luar hari libur nasional dan cuti bersama',
    );
  });
});

describe('the shipped holidays', () => {
  it('has the 17 libur nasional and 8 cuti bersama of 2026 (SKB 1497, 2 and 5 Tahun 2025)', () => {
    const y2026 = NATIONAL_HOLIDAYS.filter((h) => h.date.startsWith('2026'));
    expect(y2026.filter((h) => h.kind === 'libur')).toHaveLength(17);
    expect(y2026.filter((h) => h.kind === 'cuti_bersama').map((h) => h.date)).toEqual([
      '2026-02-16',
      '2026-03-18',
      '2026-03-20',
      '2026-03-23',
      '2026-03-24',
      '2026-05-15',
      '2026-05-28',
      '2026-12-24',
    ]);
    expect(new Set(NATIONAL_HOLIDAYS.map((h) => h.date)).size).toBe(NATIONAL_HOLIDAYS.length);
  });

  it('marks the 2027 moving holidays as provisional, and the fixed ones not', () => {
    const y2027 = NATIONAL_HOLIDAYS.filter((h) => h.date.startsWith('2027'));
    expect(y2027.find((h) => h.date === '2027-08-17')?.provisional).toBeUndefined();
    expect(y2027.find((h) => h.name.startsWith('Idul Fitri'))?.provisional).toBe(true);
  });
});

describe('calendar settings', () => {
  it('old settings without a calendar parse with WIB and Monday–Friday 07.30–16.00', () => {
    expect(calendarSettingsSchema.parse({})).toEqual(DEFAULT_CALENDAR);
    const shape = settingsSchema.shape.calendar;
    expect(shape.parse(undefined)).toEqual(DEFAULT_CALENDAR);
  });

  it('refuses bad input with Indonesian messages', () => {
    const issues = (input: unknown) => {
      const r = calendarSettingsSchema.safeParse(input);
      return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    };
    expect(issues({ officeStart: '16.00', officeEnd: '07.30' })).toEqual(['officeEnd: Jam selesai kerja (07.30) harus sesudah jam mulai (16.00).']);
    expect(issues({ officeStart: '7.3' })).toEqual(['officeStart: Jam mulai kerja harus berupa jam dan menit, misalnya 07.30.']);
    expect(issues({ workingDays: [] })).toEqual(['workingDays: Pilih minimal satu hari kerja.']);
    expect(issues({ timeZone: 'Europe/Berlin' })).toEqual(['timeZone: Zona waktu harus WIB, WITA atau WIT.']);
    expect(issues({ extraHolidays: [{ date: '2026-02-30', name: 'Hari Jadi' }] })).toEqual([
      'extraHolidays.0.date: Tanggal tidak valid (pilih tanggal pada kalender).',
    ]);
    expect(issues({ extraHolidays: [{ date: '', name: 'Hari Jadi' }] })).toEqual(['extraHolidays.0.date: Tanggal wajib diisi.']);
    expect(issues({ extraHolidays: [{ date: '2026-12-07', name: ' ' }] })).toEqual(['extraHolidays.0.name: Nama hari libur wajib diisi.']);
    expect(
      issues({
        extraHolidays: [
          { date: '2026-12-07', name: 'Hari Jadi' },
          { date: '2026-12-07', name: 'Lagi' },
        ],
      }),
    ).toEqual(['extraHolidays.1.date: Tanggal 2026-12-07 sudah ada dalam daftar hari libur tambahan.']);
    // "07:30" is accepted and stored as Indonesians write it.
    expect(calendarSettingsSchema.parse({ officeStart: '07:30', officeEnd: '16:00' })).toMatchObject({ officeStart: '07.30', officeEnd: '16.00' });
  });
});
