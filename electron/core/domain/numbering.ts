import { DEFAULT_TIME_ZONE, monthIn, yearIn } from './calendar';

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII'];

/** `{kode}/{urut}/{unit}/{tahun}` → `500.12.2/007/Diskominfotik/2026`; the running number is padded to 3. */
export function formatLetterNumber(
  pattern: string,
  v: { kode: string; urut: number; unit: string; date: Date; timeZone?: string },
): string {
  const values: Record<string, string> = {
    kode: v.kode,
    urut: String(v.urut).padStart(3, '0'),
    unit: v.unit,
    // The office's year and month, not the machine's: a letter issued at 23.30 WIB on 31
    // December by a laptop set to UTC still belongs to the year the office is in.
    tahun: String(yearIn(v.date, v.timeZone ?? DEFAULT_TIME_ZONE)),
    bulan: ROMAN[monthIn(v.date, v.timeZone ?? DEFAULT_TIME_ZONE) - 1]!,
  };
  return pattern.replace(/\{(kode|urut|unit|tahun|bulan)\}/g, (_, k: string) => values[k]!);
}
