/**
 * An example Nota Dinas number from the pattern, for the settings screens only. The real
 * numbering (the running number per year) belongs to the core.
 */
export function exampleNumber(pattern: string, values: { kode: string; unit: string; urut?: number; date?: Date }): string {
  const date = values.date ?? new Date();
  const tokens: Record<string, string> = {
    kode: values.kode || '500.12.2',
    urut: String(values.urut ?? 15),
    unit: values.unit || 'UNIT',
    tahun: String(date.getFullYear()),
    bulan: String(date.getMonth() + 1).padStart(2, '0'),
  };
  return pattern.replace(/\{([^}]*)\}/g, (whole, name: string) => tokens[name] ?? whole);
}
