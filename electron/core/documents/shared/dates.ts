import { formatHariTanggal, formatTanggal, yearIn } from '../../domain/calendar';

/**
 * Indonesian dates as printed on letters ("25 November 2026"), in the office's time zone
 * (settings.calendar.timeZone) through the one calendar, so the DOCX, the print view and the
 * screens agree on the day whatever zone the machine's clock is set to.
 */

/** "25 November 2026" */
export function tanggal(date: Date | string, timeZone: string): string {
  return formatTanggal(date, timeZone);
}

/** "Rabu, 25 November 2026" */
export function hariTanggal(date: Date | string, timeZone: string): string {
  return formatHariTanggal(date, timeZone);
}

/** The calendar year in the office's zone. */
export function tahun(date: Date | string, timeZone: string): number {
  return yearIn(date, timeZone);
}

/**
 * The day the uji konsekuensi was held, as its sheet prints it ("Pada hari ini …" and the
 * date above the signatures): the recorded act's time, every time the sheet is printed.
 * Before it is recorded, a preview shows `now`.
 */
export function ujiHeldAt(cycle: { ujiKonsekuensi?: { at: string } | null }, now: Date): Date | string {
  return cycle.ujiKonsekuensi?.at ?? now;
}
