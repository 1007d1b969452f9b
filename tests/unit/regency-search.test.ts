import { beforeAll, describe, expect, it } from 'vitest';
import { regencySearchSchema, type RegencySearchInput, type RegencySearchResult } from '../../electron/core/domain/regency/model';
import { foldText, regencySearch } from '../../electron/core/domain/regency/search';
import { call, coreOpener, failure, must } from '../fixtures/harness';
import { FakeRecords, opdDesk, registerEntry, utamaDesk } from '../fixtures/regency-records';
import { completeItem } from './workflow-fixtures';

/**
 * Search across every OPD's items (issue 13) over real cycles: Dinas Kesehatan's 2026 list,
 * signed, and its 2027 cycle carried from it; Kecamatan Putussibau Utara's 2026 list still at
 * step 1, with one item not yet classified.
 */

const open = coreOpener();
let records: FakeRecords;

const search = (q: RegencySearchInput) => regencySearch(records, regencySearchSchema.parse(q));
const titles = (r: RegencySearchResult) => r.hits.map((h) => h.judul);

beforeAll(async () => {
  const dinkes = await opdDesk(
    open,
    {
      name: 'Dinas Kesehatan',
      unitCode: 'Dinkes',
      kepala: 'dr. Maria Magdalena Lenny, M.Kes.',
      bidang: ['Sekretariat', 'Bidang Pelayanan Kesehatan', 'Bidang Pencegahan dan Pengendalian Penyakit'],
    },
    '2026-11-02T01:00:00.000Z',
  );
  const signed = await dinkes.cycle(
    'DIP Dinas Kesehatan 2026',
    2026,
    [
      completeItem('Profil Kesehatan Kabupaten Kapuas Hulu', 'Sekretariat', 'berkala'),
      completeItem('Data cakupan imunisasi dasar per puskesmas', 'Bidang Pencegahan dan Pengendalian Penyakit', 'berkala', {
        ringkasan: 'Cakupan imunisasi bayi di setiap puskesmas, dilaporkan tiap bulan.',
      }),
      completeItem('Peringatan kejadian luar biasa demam berdarah', 'Bidang Pencegahan dan Pengendalian Penyakit', 'serta_merta'),
      completeItem('Standar pelayanan puskesmas', 'Bidang Pelayanan Kesehatan', 'setiap_saat'),
      completeItem('Rekam medis pasien puskesmas', 'Bidang Pelayanan Kesehatan', 'dikecualikan'),
    ],
    {
      created: '2026-11-02T01:00:00.000Z',
      report: '2026-11-02T01:30:00.000Z',
      notaDinas: '2026-11-02T01:40:00.000Z',
      konsep: '2026-11-02T02:00:00.000Z',
      approve: '2026-11-02T02:10:00.000Z',
      sign: '2026-11-02T02:20:00.000Z',
    },
  );
  const next = await dinkes.cycle('DIP Dinas Kesehatan 2027', 2027, [], { created: '2027-01-04T01:00:00.000Z' }, signed.id);

  const kec = await opdDesk(
    open,
    { name: 'Kecamatan Putussibau Utara', unitCode: 'Kec-PSU', kepala: 'Petrus Lansau, S.Sos.', bidang: ['Sekretariat', 'Seksi Pemerintahan', 'Seksi Kesejahteraan Sosial'] },
    '2026-11-03T01:00:00.000Z',
  );
  const draft = await kec.cycle(
    'DIP Kecamatan 2026',
    2026,
    [
      completeItem('Profil Kecamatan Putussibau Utara', 'Sekretariat', 'berkala'),
      completeItem('Jadwal posyandu dan pelayanan kesehatan keliling', 'Seksi Kesejahteraan Sosial', 'setiap_saat'),
      completeItem('Laporan kegiatan Café Literasi Kecamatan', 'Seksi Pemerintahan', 'setiap_saat'),
      completeItem('Data penduduk miskin per desa', 'Seksi Kesejahteraan Sosial', 'berkala', { ringkasan: 'Rekap data kesehatan dan kesejahteraan keluarga miskin.' }),
      completeItem('Catatan rapat koordinasi camat', 'Seksi Pemerintahan', ''),
    ],
    { created: '2026-11-03T01:00:00.000Z' },
  );
  records = new FakeRecords([
    { entry: registerEntry('e-kec', 'Kecamatan Putussibau Utara', 'Kec-PSU'), cycles: [draft] },
    { entry: registerEntry('e-dinkes', 'Dinas Kesehatan', 'Dinkes'), cycles: [signed, next] },
  ]);
}, 240_000);

describe('search across every OPD', () => {
  it('puts items whose title holds the word first, then those found by their summary, bidang or OPD', () => {
    const r = search({ query: 'kesehatan', year: 2026 });
    expect(titles(r)).toEqual([
      // In the title: Dinas Kesehatan before the Kecamatan (register order, by name).
      'Profil Kesehatan Kabupaten Kapuas Hulu',
      'Jadwal posyandu dan pelayanan kesehatan keliling',
      // Elsewhere: the rest of Dinas Kesehatan (its name), in its list's order, then the summary "Rekap data kesehatan…".
      'Data cakupan imunisasi dasar per puskesmas',
      'Peringatan kejadian luar biasa demam berdarah',
      'Standar pelayanan puskesmas',
      'Rekam medis pasien puskesmas',
      'Data penduduk miskin per desa',
    ]);
    expect(r.total).toBe(7);
    expect(r.hits[0]).toMatchObject({ entryId: 'e-dinkes', opdName: 'Dinas Kesehatan', year: 2026, category: 'berkala', bidang: 'Sekretariat', signed: true });
    expect(r.hits[1]).toMatchObject({ entryId: 'e-kec', signed: false, category: 'setiap_saat' });
  });

  it('needs every word (AND), in any field', () => {
    expect(titles(search({ query: 'puskesmas standar', year: 2026 }))).toEqual(['Standar pelayanan puskesmas']);
    expect(titles(search({ query: 'imunisasi bulan', year: 2026 }))).toEqual(['Data cakupan imunisasi dasar per puskesmas']);
    expect(search({ query: 'puskesmas kecamatan', year: 2026 })).toEqual({ hits: [], total: 0 });
  });

  it('ignores case and diacritics, in the query and in the items', () => {
    expect(titles(search({ query: 'cafe literasi' }))).toEqual(['Laporan kegiatan Café Literasi Kecamatan']);
    expect(titles(search({ query: '  CAFÉ   Literasi ' }))).toEqual(['Laporan kegiatan Café Literasi Kecamatan']);
    expect(titles(search({ query: 'DEMAM berdarah', year: 2026 }))).toEqual(['Peringatan kejadian luar biasa demam berdarah']);
    expect(foldText('Kesèhatan  Masyarakat')).toBe('kesehatan masyarakat');
  });

  it('finds by category, and filters by year, category and OPD', () => {
    // "Serta merta" is the category's label: found though no text says it.
    expect(titles(search({ query: 'serta merta', year: 2026 }))).toEqual(['Peringatan kejadian luar biasa demam berdarah']);
    expect(titles(search({ category: 'dikecualikan', year: 2026 }))).toEqual(['Rekam medis pasien puskesmas']);
    // The 2027 cycle carries the 2026 list: the same titles, a year apart, the newer first.
    expect(search({ query: 'profil kesehatan' }).hits.map((h) => [h.judul, h.year, h.signed])).toEqual([
      ['Profil Kesehatan Kabupaten Kapuas Hulu', 2027, false],
      ['Profil Kesehatan Kabupaten Kapuas Hulu', 2026, true],
    ]);
    expect(search({ query: 'profil', year: 2027 }).hits.map((h) => [h.opdName, h.year])).toEqual([['Dinas Kesehatan', 2027]]);
    // A list still at step 1: its unclassified item is in no list yet and is not found.
    expect(titles(search({ entryId: 'e-kec' }))).toEqual([
      'Profil Kecamatan Putussibau Utara',
      'Jadwal posyandu dan pelayanan kesehatan keliling',
      'Laporan kegiatan Café Literasi Kecamatan',
      'Data penduduk miskin per desa',
    ]);
    expect(search({ query: 'rapat koordinasi' }).total).toBe(0);
  });

  it('gives the first `limit` hits and the total of all', () => {
    const r = search({ limit: 3 });
    expect(r.hits).toHaveLength(3);
    // 5 + 5 items of Dinas Kesehatan (2026, 2027) and 4 classified of the Kecamatan.
    expect(r.total).toBe(14);
  });
});

describe('utama.search', () => {
  it('answers through the contract, and refuses bad input in Indonesian', async () => {
    const { core, s } = await utamaDesk(open, records, '2026-11-09T02:00:00.000Z');
    const r = await must<RegencySearchResult>(core, 'utama.search', { query: 'kesehatan', year: 2026 }, s.operator);
    expect(r).toEqual(search({ query: 'kesehatan', year: 2026 }));
    const bad = failure(await call(core, 'utama.search', { query: 'x', category: 'rahasia' }, s.operator));
    expect([bad.code, bad.message]).toEqual(['INVALID_INPUT', 'Data tidak valid: Kategori tidak dikenal.']);
    const long = failure(await call(core, 'utama.search', { query: 'a'.repeat(201) }, s.operator));
    expect(long.message).toBe('Data tidak valid: Kata kunci terlalu panjang (maksimal 200 karakter).');
  });
});
