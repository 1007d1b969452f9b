import { DEFAULT_TIME_ZONE, monthIn, yearIn } from './calendar';

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII'];

/**
 * `{kode}/{urut}/{unit}/{tahun}` → `500.12.2/007/Diskominfotik/2026`; the running number is padded to 3.
 * The year and month are `date`'s in the office's time zone (`timeZone`, WIB by default).
 */
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

export const DEFAULT_NOTA_DINAS_PATTERN = '{kode}/{urut}/{unit}/{tahun}';

/**
 * The running number inside a number issued before acts kept it apart (`urut`), read back
 * with the patterns it may have been made with; null when none fits. The office's current
 * kode and unit are tried as written first: a kode with slashes in it ("000/1") would
 * otherwise leave the reading ambiguous.
 */
export function parseLetterNumber(text: string, patterns: string[], known: { kode?: string; unit?: string } = {}): number | null {
  const escape = (t: string) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const attempts: Record<string, string>[] = [];
  if (known.kode !== undefined || known.unit !== undefined) {
    attempts.push({ ...(known.kode !== undefined && { kode: escape(known.kode) }), ...(known.unit !== undefined && { unit: escape(known.unit) }) });
  }
  attempts.push({});
  for (const literal of attempts) {
    for (const pattern of patterns) {
      const parts = pattern.split(/(\{(?:kode|urut|unit|tahun|bulan)\})/);
      if (!parts.includes('{urut}')) continue;
      const re = parts
        .map((p) => {
          const key = /^\{(\w+)\}$/.exec(p)?.[1];
          if (!key) return escape(p);
          if (key === 'urut') return '(\\d+)';
          if (key === 'tahun') return '\\d{4}';
          return literal[key] ?? '.*?';
        })
        .join('');
      const m = new RegExp(`^${re}$`).exec(text);
      if (m) return Number(m[1]);
    }
  }
  return null;
}

/** A part of a number the app cannot know yet, left for the hand. */
export const UNFILLED = '……';

/**
 * The number of the Keputusan that sets the DIP or the DIK (documents.listDecree). The
 * running number belongs to the office's register of decrees, so `{urut}` prints as dots to
 * be filled in by hand; the year and month are the signing's, and before signing the year is
 * the cycle's and the month is left open.
 */
export function formatDecreeNumber(pattern: string, v: { kode: string; unit: string; year: number; date: Date | string | null; timeZone?: string }): string {
  const tz = v.timeZone ?? DEFAULT_TIME_ZONE;
  const values: Record<string, string> = {
    kode: v.kode,
    urut: UNFILLED,
    unit: v.unit,
    tahun: String(v.date ? yearIn(v.date, tz) : v.year),
    bulan: v.date ? ROMAN[monthIn(v.date, tz) - 1]! : UNFILLED,
  };
  return pattern.replace(/\{(kode|urut|unit|tahun|bulan)\}/g, (_, k: string) => values[k]!);
}
