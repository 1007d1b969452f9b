import { describe, expect, it } from 'vitest';
import { DEFAULT_NOTA_DINAS_PATTERN, formatLetterNumber, parseLetterNumber } from '../../electron/core/domain/numbering';

describe('Nota Dinas numbers', () => {
  it('puts the office year in {tahun} when given, whatever the machine’s clock zone says', () => {
    const date = new Date('2026-12-31T18:00:00.000Z');
    expect(formatLetterNumber(DEFAULT_NOTA_DINAS_PATTERN, { kode: '500.12.2', urut: 7, unit: 'Diskominfotik', date, year: 2027 })).toBe(
      '500.12.2/007/Diskominfotik/2027',
    );
  });

  it('reads the running number back from numbers issued with the same or the default pattern', () => {
    const custom = '{kode}/{bulan}/{urut}-{unit}/{tahun}';
    expect(parseLetterNumber('500.12.2/XII/012-Diskominfotik/2026', [custom, DEFAULT_NOTA_DINAS_PATTERN])).toBe(12);
    // Issued before the pattern was changed in Pengaturan.
    expect(parseLetterNumber('500.12.2/003/Diskominfotik/2026', [custom, DEFAULT_NOTA_DINAS_PATTERN])).toBe(3);
    // A unit code with slashes or dots in it does not confuse the reading.
    expect(parseLetterNumber('000.1/041/Dinas/Sub.Bag/2026', [DEFAULT_NOTA_DINAS_PATTERN])).toBe(41);
    expect(parseLetterNumber('nomor tulisan tangan', [DEFAULT_NOTA_DINAS_PATTERN])).toBeNull();
    // A kode with slashes: the office's own kode, taken as written, settles where the running number is.
    expect(parseLetterNumber('500/12/041/Diskominfotik/2026', [DEFAULT_NOTA_DINAS_PATTERN], { kode: '500/12', unit: 'Diskominfotik' })).toBe(41);
  });
});
