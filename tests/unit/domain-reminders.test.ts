import { describe, expect, it } from 'vitest';
import { DEFAULT_CALENDAR, type CalendarSettings, type OfficeTimeZone } from '../../electron/core/domain/calendar';
import type { ItemFields } from '../../electron/core/domain/information';
import {
  addOfficeMonths,
  addOfficeYears,
  exemptionPeriod,
  reminderHref,
  remindersFor,
  type Reminder,
  type ReminderCycle,
} from '../../electron/core/domain/reminders';
import type { ItemState, Step } from '../../electron/core/domain/workflow';
import { completeItem } from './workflow-fixtures';

/**
 * Reminder dates written out by hand from the calendar: month ends, leap years, the office's
 * time zone. The law's periods: berkala at least every 6 months (Pasal 9), the DIP at least
 * yearly, an exemption for the period its consequence test set.
 */

const cal = (timeZone: OfficeTimeZone = 'Asia/Jakarta'): CalendarSettings => ({ ...DEFAULT_CALENDAR, timeZone });

let seq = 0;
function items(fields: ItemFields[], sources: (string | null)[] = []): ItemState[] {
  return fields.map((f, i) => ({
    id: `item-${++seq}`,
    fields: f,
    origin: sources[i] ? 'tetap' : 'baru',
    sourceItemId: sources[i] ?? null,
    attachments: [],
    addedAt: '2020-01-01T00:00:00.000Z',
    updatedAt: '2020-01-01T00:00:00.000Z',
  }));
}

function signedCycle(id: string, year: number, signedAt: string, list: ItemState[], carriedFrom: string | null = null): ReminderCycle {
  return {
    id,
    title: `Daftar Informasi Publik Tahun ${year}`,
    year,
    step: 'selesai',
    items: list,
    signed: { at: signedAt, by: 'Drs. Agustinus Rangkap, M.Si.' },
    visits: [{ step: 'selesai', since: signedAt, until: null, by: null }],
    carriedFrom,
  };
}

function openCycle(id: string, year: number, step: Step, since: string, list: ItemState[] = [], carriedFrom: string | null = null): ReminderCycle {
  return { id, title: `Daftar Informasi Publik Tahun ${year}`, year, step, items: list, signed: null, visits: [{ step, since, until: null, by: null }], carriedFrom };
}

const berkala = (judul: string, bulan: number) => completeItem(judul, 'Sekretariat', 'berkala', { berkalaBulan: bulan });
const exempt = (judul: string, exemption: Partial<ItemFields['exemption']>) =>
  completeItem(judul, 'Sekretariat', 'dikecualikan', {
    exemption: { basis: 'pasal17', huruf: 'c', angka: 6, undangUndang: '', pasal: '', konsekuensi: 'k', pertimbangan: 'p', jangkaWaktu: '', ...exemption },
  });

const brief = (r: Reminder) => ({ kind: r.kind, status: r.status, due: r.due, daysLeft: r.daysLeft, role: r.role });
const ofKind = (list: Reminder[], kind: Reminder['kind']) => list.filter((r) => r.kind === kind);

describe('calendar months and years in the office zone', () => {
  it('clamps 31 January + 1 month to the last day of February, 29th in a leap year', () => {
    expect(addOfficeMonths('2026-01-31T02:00:00.000Z', 1, 'Asia/Jakarta')).toBe('2026-02-28');
    expect(addOfficeMonths('2028-01-31T02:00:00.000Z', 1, 'Asia/Jakarta')).toBe('2028-02-29');
    expect(addOfficeMonths('2026-01-31T02:00:00.000Z', 3, 'Asia/Jakarta')).toBe('2026-04-30');
    expect(addOfficeMonths('2027-08-31T02:00:00.000Z', 6, 'Asia/Jakarta')).toBe('2028-02-29');
  });

  it('takes 29 February + 1 year to 28 February', () => {
    expect(addOfficeYears('2028-02-29T03:00:00.000Z', 1, 'Asia/Jakarta')).toBe('2029-02-28');
    expect(addOfficeYears('2028-02-29T03:00:00.000Z', 4, 'Asia/Jakarta')).toBe('2032-02-29');
  });

  it('counts from the office day: 23.30 UTC is already the next morning in WIT', () => {
    // 30 December 2026 23.30 UTC = 31 December 08.30 WIT = 31 December 06.30 WIB.
    expect(addOfficeYears('2026-12-30T23:30:00.000Z', 1, 'Asia/Jayapura')).toBe('2027-12-31');
    // 27 February 16.30 UTC: 23.30 on the 27th in WIB, 01.30 on the 28th in WIT.
    expect(addOfficeMonths('2026-02-27T16:30:00.000Z', 1, 'Asia/Jakarta')).toBe('2026-03-27');
    expect(addOfficeMonths('2026-02-27T16:30:00.000Z', 1, 'Asia/Jayapura')).toBe('2026-03-28');
  });
});

describe('berkala items', () => {
  const signedAt = '2026-01-31T02:00:00.000Z'; // Saturday 31 January 2026, 09.00 WIB
  const list = items([berkala('Laporan bulanan', 1), berkala('Laporan triwulan', 3), berkala('Laporan Realisasi Anggaran', 6), completeItem('Renstra', 'Sekretariat', 'setiap_saat')]);
  const dip = signedCycle('c-2026', 2026, signedAt, list);

  it('is due soon within 30 days of its renewal date, counted from the signing of the DIP in force', () => {
    const r = ofKind(remindersFor([dip], '2026-02-20T03:00:00.000Z', cal()), 'berkala');
    // Monthly: 28 February, 8 days ahead. Quarterly (30 April) and half-yearly (31 July) are not yet near.
    expect(r.map(brief)).toEqual([{ kind: 'berkala', status: 'segera', due: '2026-02-28', daysLeft: 8, role: 'operator' }]);
    expect(r[0]!.title).toBe('Perbarui informasi berkala: Laporan bulanan');
    expect(r[0]!.detail).toContain('Diperbarui setiap bulan');
    expect(r[0]!.detail).toContain('31 Januari 2026');
  });

  it('is overdue the day after, and the others come into the window in their turn', () => {
    const march = remindersFor([dip], '2026-03-01T03:00:00.000Z', cal());
    expect(ofKind(march, 'berkala').map((r) => [r.due, r.status, r.daysLeft])).toEqual([['2026-02-28', 'terlambat', -1]]);
    // 31 March: 30 days before 30 April, the quarterly report shows; the monthly is 31 days late.
    const april = ofKind(remindersFor([dip], '2026-03-31T03:00:00.000Z', cal()), 'berkala');
    expect(april.map((r) => [r.title.replace('Perbarui informasi berkala: ', ''), r.due, r.status, r.daysLeft])).toEqual([
      ['Laporan bulanan', '2026-02-28', 'terlambat', -31],
      ['Laporan triwulan', '2026-04-30', 'segera', 30],
    ]);
    // 1 July: 30 days before 31 July.
    const july = ofKind(remindersFor([dip], '2026-07-01T03:00:00.000Z', cal()), 'berkala');
    expect(july.map((r) => r.due)).toEqual(['2026-02-28', '2026-04-30', '2026-07-31']);
  });

  it('renews at most every 6 months whatever an old log stored', () => {
    const old = signedCycle('c-old', 2026, signedAt, items([berkala('Periode tersimpan 12 bulan', 12)]));
    expect(ofKind(remindersFor([old], '2026-07-01T03:00:00.000Z', cal()), 'berkala').map((r) => r.due)).toEqual(['2026-07-31']);
  });

  it('falls due on 29 February in a leap year', () => {
    const leap = signedCycle('c-2028', 2028, '2028-01-31T02:00:00.000Z', items([berkala('Laporan bulanan', 1)]));
    const r = ofKind(remindersFor([leap], '2028-02-29T10:00:00.000Z', cal()), 'berkala');
    expect(r.map(brief)).toEqual([{ kind: 'berkala', status: 'segera', due: '2028-02-29', daysLeft: 0, role: 'operator' }]);
    expect(r[0]!.dueAt).toBe('2028-02-28T17:00:00.000Z'); // 00.00 WIB on the 29th
  });

  it('counts in the office zone: the same signing falls due a day later in WIT than in WIB', () => {
    const at = '2026-02-27T16:30:00.000Z';
    const c = signedCycle('c-tz', 2026, at, items([berkala('Laporan bulanan', 1)]));
    // 27 March 2026 17.30 UTC: 00.30 on the 28th in WIB, 02.30 on the 28th in WIT.
    const now = '2026-03-27T17:30:00.000Z';
    expect(ofKind(remindersFor([c], now, cal('Asia/Jakarta')), 'berkala').map((r) => [r.due, r.status, r.daysLeft])).toEqual([['2026-03-27', 'terlambat', -1]]);
    expect(ofKind(remindersFor([c], now, cal('Asia/Jayapura')), 'berkala').map((r) => [r.due, r.status, r.daysLeft])).toEqual([['2026-03-28', 'segera', 0]]);
  });

  it('follows only the DIP in force, and leads to the item where it is worked on', () => {
    const older = signedCycle('c-2025', 2025, '2025-01-13T02:00:00.000Z', items([berkala('Laporan lama', 1)]));
    const now = '2026-02-20T03:00:00.000Z';
    const r = ofKind(remindersFor([older, dip], now, cal()), 'berkala');
    expect(r.map((x) => x.title)).toEqual(['Perbarui informasi berkala: Laporan bulanan']);
    const monthly = list[0]!;
    expect(r[0]!.link).toEqual({ route: 'siklus', cycleId: 'c-2026', tab: 'dip', part: 'dip', itemId: monthly.id });
    expect(reminderHref(r[0]!.link)).toBe(`/siklus/c-2026?tab=dip&bagian=dip&butir=${monthly.id}`);

    // Once next year's cycle carries the item, that is where it is renewed.
    const next = openCycle('c-2027', 2027, 'pengumpulan', '2026-02-19T02:00:00.000Z', items([berkala('Laporan bulanan', 1)], [monthly.id]), 'c-2026');
    const withNext = ofKind(remindersFor([dip, next], now, cal()), 'berkala');
    expect(withNext[0]!.link).toEqual({ route: 'siklus', cycleId: 'c-2027', tab: 'informasi', itemId: next.items[0]!.id });
  });
});

describe('exemption periods', () => {
  it('reads the period the officer typed', () => {
    const p = (jangkaWaktu: string, huruf: ItemFields['exemption']['huruf'] = 'c') => exemptionPeriod({ basis: 'pasal17', huruf, jangkaWaktu });
    expect(p('5 tahun')).toEqual({ kind: 'months', months: 60 });
    expect(p('5 (lima) tahun atau sampai kunci dan konfigurasi tidak lagi dipakai')).toEqual({ kind: 'months', months: 60 });
    expect(p('lima tahun')).toEqual({ kind: 'months', months: 60 });
    expect(p('Dua puluh lima tahun')).toEqual({ kind: 'months', months: 300 });
    expect(p('18 bulan')).toEqual({ kind: 'months', months: 18 });
    expect(p('90 hari')).toEqual({ kind: 'days', days: 90 });
    expect(p('Sampai rencana pengadaan diumumkan')).toEqual({ kind: 'unknown' });
    expect(p('Tidak dibatasi waktu')).toEqual({ kind: 'unlimited' });
    // Huruf g and h are not limited in time (Pasal 20 ayat (1) names only a–f).
    expect(p('', 'h')).toEqual({ kind: 'unlimited' });
    expect(p('', 'g')).toEqual({ kind: 'unlimited' });
  });

  const kunci = exempt('Kunci kriptografi', { jangkaWaktu: '5 (lima) tahun atau sampai kunci diganti' });
  const first = signedCycle('c-2022', 2022, '2022-03-01T02:00:00.000Z', items([kunci]));
  const carried = signedCycle('c-2026', 2026, '2026-11-25T03:30:00.000Z', items([kunci], [first.items[0]!.id]), 'c-2022');

  it('ends 5 years after the first signed DIK that exempted it, and shows 90 days ahead', () => {
    // 1 March 2022 + 5 years = 1 March 2027; 15 December 2026 is 76 days before.
    const r = ofKind(remindersFor([first, carried], '2026-12-15T03:00:00.000Z', cal()), 'pengecualian');
    expect(r.map(brief)).toEqual([{ kind: 'pengecualian', status: 'segera', due: '2027-03-01', daysLeft: 76, role: 'ppid_pembantu' }]);
    expect(r[0]!.detail).toContain('Dikecualikan sejak 1 Maret 2022');
    expect(r[0]!.link).toEqual({ route: 'siklus', cycleId: 'c-2026', tab: 'dip', part: 'dik', itemId: carried.items[0]!.id });
    // 2 December 2026 is 89 days before; 1 December 90; 30 November 91, not yet shown.
    expect(ofKind(remindersFor([first, carried], '2026-12-01T03:00:00.000Z', cal()), 'pengecualian').map((x) => x.daysLeft)).toEqual([90]);
    expect(ofKind(remindersFor([first, carried], '2026-11-30T03:00:00.000Z', cal()), 'pengecualian')).toEqual([]);
    // Passed: the information is open now.
    expect(ofKind(remindersFor([first, carried], '2027-03-02T03:00:00.000Z', cal()), 'pengecualian').map((x) => [x.status, x.daysLeft])).toEqual([['terlambat', -1]]);
  });

  it('starts again when a new period was decided', () => {
    const renewed = signedCycle('c-2026b', 2026, '2026-11-25T03:30:00.000Z', items([exempt('Kunci kriptografi', { jangkaWaktu: '5 tahun' })], [first.items[0]!.id]), 'c-2022');
    expect(ofKind(remindersFor([first, renewed], '2026-12-15T03:00:00.000Z', cal()), 'pengecualian')).toEqual([]);
    expect(ofKind(remindersFor([first, renewed], '2031-11-01T03:00:00.000Z', cal()), 'pengecualian').map((x) => x.due)).toEqual(['2031-11-25']);
  });

  it('never ends for personal secrets, nor for a period given as an event only', () => {
    const c = signedCycle('c', 2026, '2020-01-10T03:00:00.000Z', items([exempt('Riwayat kesehatan pegawai', { huruf: 'h', angka: 2 }), exempt('Rencana pengadaan', { huruf: 'e', angka: 3, jangkaWaktu: 'Sampai rencana pengadaan diumumkan' })]));
    expect(ofKind(remindersFor([c], '2060-01-01T00:00:00.000Z', cal()), 'pengecualian')).toEqual([]);
  });
});

describe('steps past their time standard', () => {
  it('reminds the holder once the office minutes run out, not before', () => {
    // Wednesday 25 November 2026, 09.00 WIB: the PPID Pembantu has 15 office minutes.
    const c = openCycle('c-open', 2026, 'pemeriksaan_ppid', '2026-11-25T02:00:00.000Z');
    expect(remindersFor([c], '2026-11-25T02:10:00.000Z', cal())).toEqual([]);
    const late = remindersFor([c], '2026-11-25T04:30:00.000Z', cal()); // 11.30 WIB
    expect(late.map(brief)).toEqual([{ kind: 'langkah', status: 'terlambat', due: '2026-11-25', daysLeft: 0, role: 'ppid_pembantu' }]);
    expect(late[0]!.dueAt).toBe('2026-11-25T02:15:00.000Z');
    expect(late[0]!.title).toBe('Langkah 4 terlambat: Pemeriksaan PPID Pembantu — Daftar Informasi Publik Tahun 2026');
    expect(late[0]!.detail).toContain('sudah lewat 2 jam 15 menit');
    expect(reminderHref(late[0]!.link)).toBe('/siklus/c-open?tab=periksa');
  });

  it('counts a step held over a weekend in working time only', () => {
    // Friday 27 November 2026 15.50 WIB, step 3 (1 working day = 510 office minutes): due Monday 15.50.
    const c = openCycle('c-open', 2026, 'pengumpulan', '2026-11-27T08:50:00.000Z');
    expect(remindersFor([c], '2026-11-30T08:40:00.000Z', cal())).toEqual([]);
    const late = remindersFor([c], '2026-12-01T01:00:00.000Z', cal()); // Tuesday 08.00 WIB
    expect(late.map((r) => [r.role, r.dueAt, r.detail])).toEqual([['operator', '2026-11-30T08:50:00.000Z', 'Standar waktu SOP 1 hari; sudah lewat 40 menit waktu kerja.']]);
  });
});

describe('the DIP renewed yearly', () => {
  const dip = signedCycle('c-2025', 2025, '2025-01-13T01:00:00.000Z', items([completeItem('Renstra', 'Sekretariat', 'setiap_saat')]));

  it('is due a year after the list in force was signed, 30 days ahead, for the PPID Pembantu', () => {
    expect(remindersFor([dip], '2025-12-13T03:00:00.000Z', cal())).toEqual([]);
    const soon = remindersFor([dip], '2025-12-14T03:00:00.000Z', cal());
    expect(soon.map(brief)).toEqual([{ kind: 'dip_tahunan', status: 'segera', due: '2026-01-13', daysLeft: 30, role: 'ppid_pembantu' }]);
    expect(soon[0]!.link).toEqual({ route: 'siklus-baru' });
    expect(reminderHref(soon[0]!.link)).toBe('/beranda?siklus=baru');
    const late = remindersFor([dip], '2026-12-05T03:00:00.000Z', cal());
    expect(late.map((r) => [r.status, r.daysLeft])).toEqual([['terlambat', -326]]);
  });

  it('leads to the cycle already renewing it', () => {
    const next = openCycle('c-2026', 2026, 'pemeriksaan_ppid', '2026-12-05T02:50:00.000Z');
    const r = ofKind(remindersFor([dip, next], '2026-12-05T03:00:00.000Z', cal()), 'dip_tahunan');
    expect(r[0]!.link).toEqual({ route: 'siklus', cycleId: 'c-2026', tab: 'periksa' });
    expect(r[0]!.detail).toContain('sedang berjalan di langkah 4');
  });

  it('is due on 28 February after a DIP signed on 29 February', () => {
    const leap = signedCycle('c-2028', 2028, '2028-02-29T03:00:00.000Z', []);
    expect(remindersFor([leap], '2029-03-01T03:00:00.000Z', cal()).map(brief)).toEqual([
      { kind: 'dip_tahunan', status: 'terlambat', due: '2029-02-28', daysLeft: -1, role: 'ppid_pembantu' },
    ]);
  });
});

it('puts what is overdue first, then by date', () => {
  const dip = signedCycle('c-2026', 2026, '2026-01-31T02:00:00.000Z', items([berkala('Laporan bulanan', 1), berkala('Laporan triwulan', 3)]));
  const c = openCycle('c-2027', 2027, 'pemeriksaan_ppid', '2026-03-31T02:00:00.000Z');
  const r = remindersFor([dip, c], '2026-03-31T04:00:00.000Z', cal());
  expect(r.map((x) => `${x.status} ${x.kind} ${x.due}`)).toEqual(['terlambat berkala 2026-02-28', 'terlambat langkah 2026-03-31', 'segera berkala 2026-04-30']);
});
