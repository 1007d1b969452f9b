import { describe, expect, it } from 'vitest';
import '../../electron/core/domain/zod-locale';
import { checkNip, formatNip } from '../../electron/core/domain/nip';
import { personSchema } from '../../electron/core/domain/office';

const TODAY = new Date('2026-03-02T00:00:00Z');
const VALID = '19810207 200003 1 001';

describe('NIP', () => {
  it('accepts the SOP example and normalises spaces and dots away', () => {
    for (const written of [VALID, '198102072000031001', '19810207.200003.1.001']) {
      const r = checkNip(written, 'PNS', TODAY);
      expect(r.errors).toEqual([]);
      expect(r.warnings).toEqual([]);
      expect(r.normalized).toBe('198102072000031001');
    }
    expect(formatNip('198102072000031001')).toBe(VALID);
  });

  const broken: [string, string, RegExp][] = [
    ['a birth date that does not exist', '19810231 200003 1 001', /Tanggal lahir pada NIP \(31-02-1981\) tidak valid/],
    ['birth month 13', '19811307 200003 1 001', /Tanggal lahir pada NIP .* tidak valid/],
    ['appointment month 13', '19810207 200013 1 001', /Bulan\/tahun pengangkatan pada NIP \(13-2000\) tidak valid/],
    ['appointed before the age of 17', '19810207 199503 1 001', /sebelum usia 17 tahun/],
    ['sex digit 3', '19810207 200003 3 001', /Digit jenis kelamin .* harus 1 \(laki-laki\) atau 2 \(perempuan\), bukan 3/],
    ['sequence 000', '19810207 200003 1 000', /Nomor urut .* tidak boleh 000/],
    ['17 digits', '19810207 200003 1 01', /NIP harus 18 digit \(sekarang 17 digit\)/],
    ['19 digits', '19810207 200003 1 0011', /NIP harus 18 digit \(sekarang 19 digit\)/],
    ['letters', '19810207 2000O3 1 001', /NIP hanya boleh berisi angka/],
  ];

  it.each(broken)('refuses %s for a PNS, in Indonesian', (_what, nip, message) => {
    const r = checkNip(nip, 'PNS', TODAY);
    expect(r.errors.join(' ')).toMatch(message);
    expect(r.warnings).toEqual([]);
  });

  it.each(broken.filter(([what]) => what !== 'letters'))('only warns about %s for a PPPK', (_what, nip, message) => {
    const r = checkNip(nip, 'PPPK', TODAY);
    expect(r.errors).toEqual([]);
    expect(r.warnings.join(' ')).toMatch(message);
  });

  it('refuses letters even for a PPPK: a number with letters cannot be printed as a NIP', () => {
    expect(checkNip('ABC', 'PPPK', TODAY).errors).toEqual(['NIP hanya boleh berisi angka.']);
  });

  it('judges the birth year against the date it is given, not a fixed year', () => {
    // Born 2010: too young in 2026, an adult by 2030.
    const nip = '20100101 202801 1 001';
    expect(checkNip(nip, 'PNS', new Date('2026-01-01T00:00:00Z')).errors.length).toBeGreaterThan(0);
    expect(checkNip(nip, 'PNS', new Date('2030-01-01T00:00:00Z')).errors).toEqual([]);
  });
});

describe('person schema', () => {
  const person = { id: 'orang-1', name: 'Budi Santoso', jabatan: 'Kepala Dinas', asn: 'PNS', pangkat: 'IV/b', nip: VALID };

  it('stores the NIP without spaces', () => {
    expect(personSchema.parse(person).nip).toBe('198102072000031001');
  });

  it('puts NIP errors on the nip field for a PNS', () => {
    const r = personSchema.safeParse({ ...person, nip: '19810207 200003 3 001' });
    expect(r.success).toBe(false);
    const issue = r.error!.issues.find((i) => i.path.join('.') === 'nip');
    expect(issue?.message).toMatch(/Digit jenis kelamin/);
  });

  it('lets a PPPK with an unusual number through', () => {
    expect(personSchema.safeParse({ ...person, asn: 'PPPK', pangkat: '', nip: '19810207 200003 3 001' }).success).toBe(true);
  });

  it('requires a NIP from an ASN and a pangkat from a PNS, not from non-ASN staff', () => {
    const noNip = personSchema.safeParse({ ...person, nip: '' });
    expect(noNip.error?.issues.map((i) => i.message)).toContain('NIP wajib diisi untuk ASN.');
    const noPangkat = personSchema.safeParse({ ...person, pangkat: '' });
    expect(noPangkat.error?.issues.map((i) => i.message)).toContain('Pangkat/golongan wajib dipilih untuk PNS.');
    expect(personSchema.safeParse({ ...person, asn: 'NON_ASN', pangkat: '', nip: '' }).success).toBe(true);
  });
});
