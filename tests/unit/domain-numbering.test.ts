import { describe, expect, it } from 'vitest';
import { DEFAULT_NOTA_DINAS_PATTERN, formatLetterNumber, parseLetterNumber } from '../../electron/core/domain/numbering';

describe('Nota Dinas numbers', () => {
  it('puts the office year in {tahun}, whatever the machine’s clock zone says', () => {
    const date = new Date('2026-12-31T18:00:00.000Z');
    expect(formatLetterNumber(DEFAULT_NOTA_DINAS_PATTERN, { kode: '500.12.2', urut: 7, unit: 'Diskominfotik', date, timeZone: 'Asia/Jakarta' })).toBe(
      '500.12.2/007/Diskominfotik/2027',
    );
    // 15.30 UTC on 31 December: 22.30 WIB, still 2026; 00.30 WIT, already January 2027.
    expect(formatLetterNumber('{urut}/{bulan}/{tahun}', { kode: '', urut: 1, unit: '', date: new Date('2026-12-31T15:30:00.000Z'), timeZone: 'Asia/Jakarta' })).toBe('001/XII/2026');
    expect(formatLetterNumber('{urut}/{bulan}/{tahun}', { kode: '', urut: 1, unit: '', date: new Date('2026-12-31T15:30:00.000Z'), timeZone: 'Asia/Jayapura' })).toBe('001/I/2027');
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
