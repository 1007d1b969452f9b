/**
 * Indonesian dates as printed on letters ("25 November 2026"). Computed by hand in WIB
 * (UTC+7, no daylight saving) rather than through Intl, so the text never depends on the
 * machine's time zone or ICU data: a document built twice reads the same.
 */
export const BULAN = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'] as const;
export const HARI = ['Minggu', 'Senin', 'Selasa', 'Rabu', 'Kamis', 'Jumat', 'Sabtu'] as const;

const WIB_MS = 7 * 60 * 60 * 1000;

function wib(date: Date | string): Date {
  const t = typeof date === 'string' ? Date.parse(date) : date.getTime();
  if (Number.isNaN(t)) throw new Error(`Tanggal tidak valid: ${String(date)}`);
  return new Date(t + WIB_MS);
}

/** "25 November 2026" */
export function tanggal(date: Date | string): string {
  const d = wib(date);
  return `${d.getUTCDate()} ${BULAN[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}

/** "Rabu, 25 November 2026" */
export function hariTanggal(date: Date | string): string {
  return `${HARI[wib(date).getUTCDay()]}, ${tanggal(date)}`;
}

/** The calendar year in WIB. */
export function tahun(date: Date | string): number {
  return wib(date).getUTCFullYear();
}
