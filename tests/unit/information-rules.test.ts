import { describe, expect, it } from 'vitest';
import {
  angkaChoices,
  exemptionSchema,
  isUnlimitedInTime,
  itemProblems,
  jangkaWaktuHint,
  legalBasisText,
  needsOtherLaw,
  PASAL17_HURUF,
  withHuruf,
} from '../../electron/core/domain/information';
import { completeItem } from './workflow-fixtures';

const fields = (p: ReturnType<typeof itemProblems>) => p.map((x) => x.field);

describe('classification rules', () => {
  it('a complete item of each public category has no problems', () => {
    for (const k of ['berkala', 'setiap_saat', 'serta_merta', 'dikecualikan'] as const) {
      expect(itemProblems(completeItem('X', 'Sekretariat', k)), k).toEqual([]);
    }
  });

  it('requires a category and the DIP columns', () => {
    const p = itemProblems(completeItem('X', 'Sekretariat', '', { ringkasan: '', retensi: '', bentuk: [] }));
    expect(fields(p)).toEqual(expect.arrayContaining(['kategori', 'ringkasan', 'retensi', 'bentuk']));
    expect(p.find((x) => x.field === 'retensi')!.message).toMatch(/retensi belum diisi/);
  });

  it('berkala items are renewed at most every 6 months', () => {
    expect(itemProblems(completeItem('X', 'S', 'berkala', { berkalaBulan: 0 }))[0]!.message).toMatch(/seberapa sering/);
    expect(itemProblems(completeItem('X', 'S', 'berkala', { berkalaBulan: 12 }))[0]!.message).toMatch(/paling lama setiap 6 bulan/);
    expect(itemProblems(completeItem('X', 'S', 'berkala', { berkalaBulan: 3 }))).toEqual([]);
  });

  it('an exemption needs the letter, the sub-point where the letter has them, consequence, interest and period', () => {
    const base = completeItem('X', 'S', 'dikecualikan');
    const noLetter = itemProblems({ ...base, exemption: { ...base.exemption, huruf: '' } });
    expect(noLetter[0]!.message).toMatch(/huruf Pasal 17/);
    const noAngka = itemProblems({ ...base, exemption: { ...base.exemption, huruf: 'a', angka: 0, jangkaWaktu: '5 tahun' } });
    expect(noAngka.map((x) => x.message).join(' ')).toMatch(/huruf a memiliki angka 1–5/);
    const bAngka = itemProblems({ ...base, exemption: { ...base.exemption, huruf: 'b', angka: 2, jangkaWaktu: '5 tahun' } });
    expect(bAngka.map((x) => x.message).join(' ')).toMatch(/tidak memiliki angka/);
    const empty = itemProblems({ ...base, exemption: { ...base.exemption, konsekuensi: '', pertimbangan: '' } });
    expect(fields(empty)).toEqual(['exemption.konsekuensi', 'exemption.pertimbangan']);
  });

  it('g and h carry no period; the others must; law enforcement at most 30 years', () => {
    const base = completeItem('X', 'S', 'dikecualikan');
    expect(itemProblems({ ...base, exemption: { ...base.exemption, jangkaWaktu: '5 tahun' } })[0]!.message).toMatch(/tidak dibatasi waktu/);
    const c = itemProblems({ ...base, exemption: { ...base.exemption, huruf: 'c', angka: 1, jangkaWaktu: '' } });
    expect(c[0]!.message).toMatch(/Jangka waktu pengecualian wajib diisi/);
    const a = itemProblems({ ...base, exemption: { ...base.exemption, huruf: 'a', angka: 1, jangkaWaktu: '40 tahun' } });
    expect(a[0]!.message).toMatch(/paling lama 30 tahun/);
  });

  it('another law needs its name and article; the DIK prints the basis in full', () => {
    const base = completeItem('X', 'S', 'dikecualikan');
    const other = { ...base.exemption, basis: 'uu_lain' as const, huruf: '' as const, angka: 0, jangkaWaktu: '10 tahun' };
    expect(itemProblems({ ...base, exemption: other })[0]!.message).toMatch(/undang-undang dan pasal/);
    expect(legalBasisText(base.exemption)).toBe('Pasal 17 huruf h angka 2 UU Nomor 14 Tahun 2008');
    // Pasal 17 is the complete list of grounds: another law enters through huruf j.
    expect(legalBasisText({ ...other, undangUndang: 'UU Nomor 24 Tahun 2013', pasal: 'Pasal 79' })).toBe('Pasal 17 huruf j UU Nomor 14 Tahun 2008 jo. Pasal 79 UU Nomor 24 Tahun 2013');
    expect(legalBasisText({ ...other, undangUndang: 'Undang-Undang Nomor 16 Tahun 1997 tentang Statistik', pasal: 'Pasal 21' })).toBe(
      'Pasal 17 huruf j UU Nomor 14 Tahun 2008 jo. Pasal 21 Undang-Undang Nomor 16 Tahun 1997 tentang Statistik',
    );
    expect(legalBasisText({ ...other, basis: 'pasal17', huruf: 'j', undangUndang: 'Undang-Undang Nomor 16 Tahun 1997 tentang Statistik', pasal: 'Pasal 21' })).toBe(
      'Pasal 17 huruf j UU Nomor 14 Tahun 2008 jo. Pasal 21 Undang-Undang Nomor 16 Tahun 1997 tentang Statistik',
    );
  });
});

describe('Pasal 17 letters and numbers, as the editor offers them', () => {
  const pasal17 = (huruf: (typeof PASAL17_HURUF)[number] | '', more: Partial<ReturnType<typeof exemptionSchema.parse>> = {}) =>
    exemptionSchema.parse({ basis: 'pasal17', huruf, ...more });

  it('offers the numbers each letter of Pasal 17 has, and none for a letter without them', () => {
    // UU 14/2008 Pasal 17: a has angka 1–5, c 1–7, e 1–7, f 1–4, h 1–5; b, d, g, i, j have none.
    const counts = Object.fromEntries(PASAL17_HURUF.map((h) => [h, angkaChoices(pasal17(h)).length]));
    expect(counts).toEqual({ a: 5, b: 0, c: 7, d: 0, e: 7, f: 4, g: 0, h: 5, i: 0, j: 0 });
    expect(angkaChoices(pasal17('h'))).toEqual([1, 2, 3, 4, 5]);
    expect(angkaChoices(pasal17(''))).toEqual([]);
    expect(angkaChoices({ basis: 'uu_lain', huruf: 'h' })).toEqual([]);
  });

  it('only g and h are not limited in time (Pasal 20 ayat 1), and only under Pasal 17', () => {
    expect(PASAL17_HURUF.filter((h) => isUnlimitedInTime(pasal17(h)))).toEqual(['g', 'h']);
    expect(isUnlimitedInTime({ basis: 'uu_lain', huruf: 'h' })).toBe(false);
    // Pasal 20 ayat (1) declares only a–f not permanent; g and h end as Pasal 18 ayat (2) says.
    expect(jangkaWaktuHint(pasal17('g'))).toMatch(/^Pengecualian Pasal 17 huruf g tidak dibatasi waktu: Pasal 20 ayat \(1\) .* huruf a sampai dengan f\..*persetujuan tertulis.*jabatan publik \(Pasal 18 ayat \(2\)\)\.$/);
    expect(jangkaWaktuHint(pasal17('a'))).toBe('Paling lama 30 tahun (Pasal 20).');
    expect(jangkaWaktuHint(pasal17('c'))).toBeUndefined();
  });

  it('asks for the other law under huruf j or another law, not under the other letters', () => {
    expect(needsOtherLaw(pasal17('j'))).toBe(true);
    expect(needsOtherLaw({ basis: 'uu_lain', huruf: '' })).toBe(true);
    expect(needsOtherLaw(pasal17('h'))).toBe(false);
  });

  it('choosing another letter drops a number it does not have and a period it does not allow', () => {
    const a3 = pasal17('a', { angka: 3, jangkaWaktu: '5 tahun' });
    expect(withHuruf(a3, 'c')).toMatchObject({ huruf: 'c', angka: 3, jangkaWaktu: '5 tahun' });
    expect(withHuruf(pasal17('c', { angka: 7 }), 'f')).toMatchObject({ huruf: 'f', angka: 0 });
    expect(withHuruf(a3, 'b')).toMatchObject({ huruf: 'b', angka: 0, jangkaWaktu: '5 tahun' });
    expect(withHuruf(a3, 'h')).toMatchObject({ huruf: 'h', angka: 3, jangkaWaktu: '' });
    expect(withHuruf(a3, '')).toMatchObject({ huruf: '', angka: 0 });
    // Whatever the choice, the result passes the rules once the rest is filled in.
    for (const h of PASAL17_HURUF) {
      const next = withHuruf(pasal17('a', { angka: 5, jangkaWaktu: '5 tahun', konsekuensi: 'k', pertimbangan: 'p', undangUndang: 'UU X', pasal: 'Pasal 1' }), h);
      const fixed = { ...next, angka: angkaChoices(next).length ? 1 : 0 };
      expect(itemProblems({ ...completeItem('X', 'S', 'dikecualikan'), exemption: fixed }), h).toEqual([]);
    }
  });
});
