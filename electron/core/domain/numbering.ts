const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII'];

/** `{kode}/{urut}/{unit}/{tahun}` → `500.12.2/007/Diskominfotik/2026`; the running number is padded to 3. */
export function formatLetterNumber(
  pattern: string,
  v: { kode: string; urut: number; unit: string; date: Date },
): string {
  const values: Record<string, string> = {
    kode: v.kode,
    urut: String(v.urut).padStart(3, '0'),
    unit: v.unit,
    tahun: String(v.date.getFullYear()),
    bulan: ROMAN[v.date.getMonth()]!,
  };
  return pattern.replace(/\{(kode|urut|unit|tahun|bulan)\}/g, (_, k: string) => values[k]!);
}
