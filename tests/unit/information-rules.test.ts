import { describe, expect, it } from 'vitest';
import { itemProblems, legalBasisText } from '../../electron/core/domain/information';
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
    expect(legalBasisText({ ...other, undangUndang: 'UU Nomor 24 Tahun 2013', pasal: 'Pasal 79' })).toBe('Pasal 79 UU Nomor 24 Tahun 2013');
  });
});
