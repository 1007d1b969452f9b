import { TZDate, tzOffset } from '@date-fns/tz';
import { format } from 'date-fns';
import { id } from 'date-fns/locale';

/**
 * The office's calendar: one time zone, office hours and holidays for everything dated —
 * screens, documents, letter numbers and the SOP's time standards. A laptop whose clock runs
 * in UTC must still print the day the office lives in, so nothing here reads the machine's
 * zone: every instant is shown in the zone of the office's settings.
 */

export const OFFICE_TIME_ZONES = ['Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura'] as const;
export type OfficeTimeZone = (typeof OFFICE_TIME_ZONES)[number];
export const DEFAULT_TIME_ZONE: OfficeTimeZone = 'Asia/Jakarta';

export const ZONE_ABBR: Record<OfficeTimeZone, string> = {
  'Asia/Jakarta': 'WIB',
  'Asia/Makassar': 'WITA',
  'Asia/Jayapura': 'WIT',
};
export const ZONE_LABELS: Record<OfficeTimeZone, string> = {
  'Asia/Jakarta': 'WIB — Waktu Indonesia Barat (UTC+7)',
  'Asia/Makassar': 'WITA — Waktu Indonesia Tengah (UTC+8)',
  'Asia/Jayapura': 'WIT — Waktu Indonesia Timur (UTC+9)',
};

/** ISO weekday: 1 = Senin … 7 = Minggu. */
export const HARI_ISO: Record<number, string> = { 1: 'Senin', 2: 'Selasa', 3: 'Rabu', 4: 'Kamis', 5: 'Jumat', 6: 'Sabtu', 7: 'Minggu' };

export interface Holiday {
  /** yyyy-MM-dd, a day in the office's calendar (not an instant). */
  date: string;
  name: string;
}

export interface NationalHoliday extends Holiday {
  kind: 'libur' | 'cuti_bersama';
  /** Not yet confirmed against the SKB: the administrator should check it. */
  provisional?: boolean;
}

export interface CalendarSettings {
  timeZone: OfficeTimeZone;
  /** "07.30" */
  officeStart: string;
  /** "16.00" */
  officeEnd: string;
  /** ISO weekdays the office works. */
  workingDays: number[];
  /** Days off the shipped list lacks: regional holidays, a late SKB change. */
  extraHolidays: Holiday[];
  /** Shipped days on which this office works after all (a cuti bersama it does not take). */
  removedHolidays: string[];
}

export const DEFAULT_CALENDAR: CalendarSettings = {
  timeZone: DEFAULT_TIME_ZONE,
  officeStart: '07.30',
  officeEnd: '16.00',
  workingDays: [1, 2, 3, 4, 5],
  extraHolidays: [],
  removedHolidays: [],
};

/**
 * Libur nasional and cuti bersama. 2026: SKB Menteri Agama, Menteri Ketenagakerjaan and
 * Menteri PANRB Nomor 1497, 2 and 5 Tahun 2025 (17 libur nasional, 8 cuti bersama).
 * 2027: the SKB for 2027 was not at hand when this list was written; the dates below are
 * the fixed holidays plus the usual astronomical reckoning for the moving ones, marked
 * provisional, and no cuti bersama. The administrator confirms or corrects them in
 * Pengaturan → Kalender kerja.
 */
export const NATIONAL_HOLIDAYS: readonly NationalHoliday[] = [
  { date: '2026-01-01', name: 'Tahun Baru 2026 Masehi', kind: 'libur' },
  { date: '2026-01-16', name: 'Isra Mikraj Nabi Muhammad SAW', kind: 'libur' },
  { date: '2026-02-16', name: 'Cuti bersama Tahun Baru Imlek', kind: 'cuti_bersama' },
  { date: '2026-02-17', name: 'Tahun Baru Imlek 2577 Kongzili', kind: 'libur' },
  { date: '2026-03-18', name: 'Cuti bersama Hari Suci Nyepi', kind: 'cuti_bersama' },
  { date: '2026-03-19', name: 'Hari Suci Nyepi (Tahun Baru Saka 1948)', kind: 'libur' },
  { date: '2026-03-20', name: 'Cuti bersama Idul Fitri 1447 H', kind: 'cuti_bersama' },
  { date: '2026-03-21', name: 'Idul Fitri 1447 H', kind: 'libur' },
  { date: '2026-03-22', name: 'Idul Fitri 1447 H', kind: 'libur' },
  { date: '2026-03-23', name: 'Cuti bersama Idul Fitri 1447 H', kind: 'cuti_bersama' },
  { date: '2026-03-24', name: 'Cuti bersama Idul Fitri 1447 H', kind: 'cuti_bersama' },
  { date: '2026-04-03', name: 'Wafat Yesus Kristus', kind: 'libur' },
  { date: '2026-04-05', name: 'Kebangkitan Yesus Kristus (Paskah)', kind: 'libur' },
  { date: '2026-05-01', name: 'Hari Buruh Internasional', kind: 'libur' },
  { date: '2026-05-14', name: 'Kenaikan Yesus Kristus', kind: 'libur' },
  { date: '2026-05-15', name: 'Cuti bersama Kenaikan Yesus Kristus', kind: 'cuti_bersama' },
  { date: '2026-05-27', name: 'Idul Adha 1447 H', kind: 'libur' },
  { date: '2026-05-28', name: 'Cuti bersama Idul Adha 1447 H', kind: 'cuti_bersama' },
  { date: '2026-05-31', name: 'Hari Raya Waisak 2570 BE', kind: 'libur' },
  { date: '2026-06-01', name: 'Hari Lahir Pancasila', kind: 'libur' },
  { date: '2026-06-16', name: 'Tahun Baru Islam 1448 H', kind: 'libur' },
  { date: '2026-08-17', name: 'Hari Proklamasi Kemerdekaan RI', kind: 'libur' },
  { date: '2026-08-25', name: 'Maulid Nabi Muhammad SAW', kind: 'libur' },
  { date: '2026-12-24', name: 'Cuti bersama Kelahiran Yesus Kristus', kind: 'cuti_bersama' },
  { date: '2026-12-25', name: 'Kelahiran Yesus Kristus', kind: 'libur' },

  // 2027 — fixed by law every year:
  { date: '2027-01-01', name: 'Tahun Baru 2027 Masehi', kind: 'libur' },
  { date: '2027-05-01', name: 'Hari Buruh Internasional', kind: 'libur' },
  { date: '2027-06-01', name: 'Hari Lahir Pancasila', kind: 'libur' },
  { date: '2027-08-17', name: 'Hari Proklamasi Kemerdekaan RI', kind: 'libur' },
  { date: '2027-12-25', name: 'Kelahiran Yesus Kristus', kind: 'libur' },
  // 2027 — moving holidays, reckoned, to be checked against the SKB (provisional):
  { date: '2027-01-05', name: 'Isra Mikraj Nabi Muhammad SAW (perkiraan)', kind: 'libur', provisional: true },
  { date: '2027-02-06', name: 'Tahun Baru Imlek 2578 Kongzili (perkiraan)', kind: 'libur', provisional: true },
  { date: '2027-03-09', name: 'Hari Suci Nyepi, Tahun Baru Saka 1949 (perkiraan)', kind: 'libur', provisional: true },
  { date: '2027-03-10', name: 'Idul Fitri 1448 H (perkiraan)', kind: 'libur', provisional: true },
  { date: '2027-03-11', name: 'Idul Fitri 1448 H (perkiraan)', kind: 'libur', provisional: true },
  { date: '2027-03-26', name: 'Wafat Yesus Kristus', kind: 'libur' },
  { date: '2027-03-28', name: 'Kebangkitan Yesus Kristus (Paskah)', kind: 'libur' },
  { date: '2027-05-06', name: 'Kenaikan Yesus Kristus', kind: 'libur' },
  { date: '2027-05-17', name: 'Idul Adha 1448 H (perkiraan)', kind: 'libur', provisional: true },
  { date: '2027-05-20', name: 'Hari Raya Waisak 2571 BE (perkiraan)', kind: 'libur', provisional: true },
  { date: '2027-06-06', name: 'Tahun Baru Islam 1449 H (perkiraan)', kind: 'libur', provisional: true },
  { date: '2027-08-15', name: 'Maulid Nabi Muhammad SAW (perkiraan)', kind: 'libur', provisional: true },
];

// ---------- instants in the office's zone ----------

type DateLike = Date | string | number;

function instant(value: DateLike): number {
  const t = typeof value === 'string' ? Date.parse(value) : typeof value === 'number' ? value : value.getTime();
  if (Number.isNaN(t)) throw new Error(`Tanggal tidak valid: ${String(value)}`);
  return t;
}

/** The instant as the office's wall clock reads it. */
export function inZone(value: DateLike, timeZone: string): TZDate {
  return new TZDate(instant(value), timeZone);
}

/** "4 Desember 2026" */
export function formatTanggal(value: DateLike, timeZone: string): string {
  return format(inZone(value, timeZone), 'd MMMM yyyy', { locale: id });
}

/** "Jumat, 4 Desember 2026" */
export function formatHariTanggal(value: DateLike, timeZone: string): string {
  return format(inZone(value, timeZone), 'EEEE, d MMMM yyyy', { locale: id });
}

/** "4 Desember 2026 04.30" — Indonesian writes the time with a dot. */
export function formatTanggalJam(value: DateLike, timeZone: string): string {
  return format(inZone(value, timeZone), 'd MMMM yyyy HH.mm', { locale: id });
}

/** "Jumat, 4 Desember 2026 04.30" */
export function formatHariTanggalJam(value: DateLike, timeZone: string): string {
  return format(inZone(value, timeZone), 'EEEE, d MMMM yyyy HH.mm', { locale: id });
}

/** The calendar year in the office's zone (the year of a letter number). */
export function yearIn(value: DateLike, timeZone: string): number {
  return inZone(value, timeZone).getFullYear();
}

/** 1–12 in the office's zone. */
export function monthIn(value: DateLike, timeZone: string): number {
  return inZone(value, timeZone).getMonth() + 1;
}

/** 0–23 in the office's zone. */
export function hourIn(value: DateLike, timeZone: string): number {
  return inZone(value, timeZone).getHours();
}

/** "2026-12-04": the office's day, as holidays are keyed. */
export function dayKey(value: DateLike, timeZone: string): string {
  return format(inZone(value, timeZone), 'yyyy-MM-dd');
}

export function zoneAbbr(timeZone: string): string {
  return ZONE_ABBR[timeZone as OfficeTimeZone] ?? timeZone;
}

// ---------- office hours ----------

/** "07.30" or "07:30" → minutes after midnight; null when not a time of day. */
export function parseTimeOfDay(text: string): number | null {
  const m = /^([01]\d|2[0-3])[.:]([0-5]\d)$/.exec(text.trim());
  return m ? Number(m[1]) * 60 + Number(m[2]) : null;
}

/** Is `yyyy-MM-dd` a real day of the Gregorian calendar? */
export function isRealDay(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const probe = new Date(Date.UTC(y, mo - 1, d));
  return probe.getUTCFullYear() === y && probe.getUTCMonth() === mo - 1 && probe.getUTCDate() === d;
}

/**
 * The SOP's "1 hari" in office minutes: one working day of office hours. With the default
 * 07.30–16.00 that is 8.5 hours = 510 minutes, so a step given one day and started at
 * 10.00 runs out at 10.00 the next working day.
 */
export function workingDayMinutes(cal: CalendarSettings): number {
  const start = parseTimeOfDay(cal.officeStart) ?? 0;
  const end = parseTimeOfDay(cal.officeEnd) ?? 0;
  return Math.max(0, end - start);
}

/** The shipped list with the office's removals and additions, by day. */
export function holidayMap(cal: CalendarSettings): Map<string, string> {
  const removed = new Set(cal.removedHolidays);
  const map = new Map<string, string>();
  for (const h of NATIONAL_HOLIDAYS) if (!removed.has(h.date)) map.set(h.date, h.name);
  for (const h of cal.extraHolidays) map.set(h.date, h.name);
  return map;
}

/** The holiday on the office's day of `value`, or null. */
export function holidayOn(value: DateLike, cal: CalendarSettings, holidays = holidayMap(cal)): string | null {
  return holidays.get(dayKey(value, cal.timeZone)) ?? null;
}

interface OfficeSpan {
  start: number;
  end: number;
}

const DAY_MS = 86_400_000;

/** `yyyy-MM-dd` → days since 1970-01-01. */
function dayNumber(key: string): number {
  const [y, m, d] = key.split('-').map(Number);
  return Math.floor(Date.UTC(y!, m! - 1, d!) / DAY_MS);
}

/**
 * The office-hour windows (instants) from the office day holding `from` onwards, skipping
 * non-working weekdays and holidays. WIB, WITA and WIT keep one UTC offset all year (no
 * daylight saving), so the offset is read once and days are stepped by arithmetic: a cycle
 * open for two years is counted in microseconds, not a TZDate per day.
 */
function* officeWindows(from: number, cal: CalendarSettings): Generator<OfficeSpan> {
  const startMin = parseTimeOfDay(cal.officeStart);
  const endMin = parseTimeOfDay(cal.officeEnd);
  if (startMin === null || endMin === null || endMin <= startMin || cal.workingDays.length === 0) return;
  const offsetMs = tzOffset(cal.timeZone, new Date(from)) * 60_000;
  const holidays = new Set([...holidayMap(cal).keys()].map(dayNumber));
  const working = new Set(cal.workingDays);
  for (let day = Math.floor((from + offsetMs) / DAY_MS); ; day++) {
    // 1970-01-01 was a Thursday (ISO 4).
    const iso = ((((day + 3) % 7) + 7) % 7) + 1;
    if (!working.has(iso) || holidays.has(day)) continue;
    const midnight = day * DAY_MS - offsetMs;
    yield { start: midnight + startMin * 60_000, end: midnight + endMin * 60_000 };
  }
}

/**
 * Office minutes between two instants: only office hours of working days that are not
 * holidays count, since the SOP's standards are meant in working time. Whole minutes,
 * rounded down, so a step is late only once a full minute past its standard has passed.
 */
export function workingMinutesBetween(fromIso: DateLike, toIso: DateLike, cal: CalendarSettings = DEFAULT_CALENDAR): number {
  const from = instant(fromIso);
  const to = instant(toIso);
  if (!(to > from)) return 0;
  let total = 0;
  for (const w of officeWindows(from, cal)) {
    if (w.start >= to) break;
    const a = Math.max(w.start, from);
    const b = Math.min(w.end, to);
    if (b > a) total += b - a;
  }
  return Math.floor(total / 60_000);
}

/**
 * The instant at which `minutes` office minutes have passed since `fromIso`: the deadline
 * of a step. Null when the calendar has no office hours at all.
 */
export function addWorkingMinutes(fromIso: DateLike, minutes: number, cal: CalendarSettings = DEFAULT_CALENDAR): string | null {
  const from = instant(fromIso);
  let left = Math.max(0, minutes) * 60_000;
  if (workingDayMinutes(cal) === 0 || cal.workingDays.length === 0) return null;
  for (const w of officeWindows(from, cal)) {
    const a = Math.max(w.start, from);
    if (w.end <= a) continue;
    if (a + left <= w.end) return new Date(a + left).toISOString();
    left -= w.end - a;
  }
  return null;
}

/** "Senin–Jumat" for a run of days, "Senin, Rabu, Jumat" otherwise. */
export function describeWorkingDays(days: number[]): string {
  const sorted = [...new Set(days)].filter((d) => d >= 1 && d <= 7).sort((a, b) => a - b);
  if (sorted.length === 0) return 'tidak ada hari kerja';
  const run = sorted.every((d, i) => i === 0 || d === sorted[i - 1]! + 1);
  if (run && sorted.length >= 3) return `${HARI_ISO[sorted[0]!]}–${HARI_ISO[sorted.at(-1)!]}`;
  return sorted.map((d) => HARI_ISO[d]).join(', ');
}

/** "Senin–Jumat 07.30–16.00 WIB, di luar hari libur nasional dan cuti bersama" */
export function describeOfficeHours(cal: CalendarSettings): string {
  return `${describeWorkingDays(cal.workingDays)} ${cal.officeStart}–${cal.officeEnd} ${zoneAbbr(cal.timeZone)}, di luar hari libur nasional dan cuti bersama`;
}
