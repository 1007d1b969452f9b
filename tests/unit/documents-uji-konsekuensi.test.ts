import { beforeAll, describe, expect, it } from 'vitest';
import { buildUjiKonsekuensi, packDocx, UJI_CONCLUSION_TEXT } from '../../electron/core/documents';
import { DEMO_ITEMS, demoContext } from '../render/fixtures';
import { allText, attr, paragraphs, tableRows, unzipDocx, type DocxParts } from '../render/docx-xml';

let all: DocxParts;
let one: DocxParts;
const ctx = demoContext('konsep');
const exempt = DEMO_ITEMS.filter((i) => i.kategori === 'dikecualikan');

beforeAll(async () => {
  all = unzipDocx(await packDocx(buildUjiKonsekuensi(ctx)));
  const secondId = ctx.cycle.items.filter((i) => i.fields.kategori === 'dikecualikan')[1]!.id;
  one = unzipDocx(await packDocx(buildUjiKonsekuensi(ctx, [secondId])));
});

const doc = (p: DocxParts) => p.xml['word/document.xml']!;

describe('Lembar Uji Konsekuensi', () => {
  it('gives each exempt item its own sheet, each a section starting on a new page with the kop and its own page numbers', () => {
    const p = paragraphs(doc(all));
    expect(p.filter((x) => x === 'LEMBAR UJI KONSEKUENSI')).toHaveLength(exempt.length);
    expect(p.filter((x) => x === 'PEMERINTAH KABUPATEN KAPUAS HULU')).toHaveLength(exempt.length);
    expect(p.filter((x) => /^Lembar \d dari \d — Daftar Informasi yang Dikecualikan Tahun 2026$/.test(x))).toEqual(
      exempt.map((_, i) => `Lembar ${i + 1} dari ${exempt.length} — Daftar Informasi yang Dikecualikan Tahun 2026`),
    );
    // One section per sheet (a new page each), numbering its pages from 1, the first page apart
    // (the kop; a continuation page names its sheet in the header).
    const sections = doc(all).match(/<w:sectPr\b[\s\S]*?<\/w:sectPr>/g)!;
    expect(sections).toHaveLength(exempt.length);
    for (const s of sections) {
      expect(s).toMatch(/<w:pgNumType w:start="1"\/>/);
      expect(s).toContain('<w:titlePg/>');
      expect(s).not.toMatch(/<w:type w:val="(continuous|nextColumn)"\/>/);
    }
    const pg = /<w:pgSz[^>]*>/.exec(doc(all))![0];
    expect(attr(pg, 'w:orient')).toBe('portrait');
  });

  it('records the document, the information exactly, the law, consequence against the public interest, the period and a conclusion', () => {
    const rows = tableRows(doc(all)).filter((r) => r.cells.length === 3 && /^\d\.$/.test(r.cells[0]!));
    const first = Object.fromEntries(rows.slice(0, 8).map((r) => [r.cells[1], r.cells[2]]));
    expect(first).toEqual({
      'Dokumen yang memuat informasi': 'Data riwayat kesehatan pegawai',
      'Informasi yang dikecualikan': 'Hasil pemeriksaan kesehatan dan rekam medis pegawai dalam berkas kepegawaian.',
      'Pejabat/unit yang menguasai': 'Subbagian Umum dan Kepegawaian',
      'Dasar hukum pengecualian': 'Pasal 17 huruf h angka 2 UU Nomor 14 Tahun 2008\n(mengungkap rahasia pribadi)',
      'Konsekuensi bila dibuka': 'Membuka riwayat kesehatan pegawai.',
      'Pertimbangan bila ditutup (kepentingan yang dilindungi)': 'Melindungi rahasia pribadi.',
      'Jangka waktu pengecualian': 'Tidak dibatasi waktu: Pasal 20 ayat (1) UU Nomor 14 Tahun 2008 menyatakan tidak permanen hanya pengecualian huruf a–f, bukan huruf h. Terbuka bila pihak yang bersangkutan menyetujui secara tertulis atau bila berkaitan dengan jabatan publik (Pasal 18 ayat (2)).',
      Kesimpulan: UJI_CONCLUSION_TEXT,
    });
  });

  it('states the day, place and date of the test, and has a line for each participant to sign', () => {
    const text = allText(doc(all));
    expect(text).toContain('Pada hari ini, Rabu, 25 November 2026, bertempat di Putussibau');
    expect(text).toContain('Pasal 2 ayat (4) dan Pasal 19 Undang-Undang Nomor 14 Tahun 2008');
    const signers = tableRows(doc(all)).filter((r) => r.cells.length === 4 && /^\d\.$/.test(r.cells[0]!)).slice(0, 4);
    expect(signers.map((r) => r.cells[1]!.split('\n')[0])).toEqual([
      'Drs. Agustinus Rangkap, M.Si.',
      'Yuliana Sari, S.Sos., M.AP.',
      'Rizky Pratama, S.Kom.',
      'Dewi Lestari, A.Md.',
    ]);
    expect(signers.map((r) => r.cells[2]!.split('\n')[0])).toEqual([
      'Atasan PPID Pembantu',
      'Ketua PPID Pembantu',
      'Petugas PPID Pembantu',
      'Petugas PPID Pembantu',
    ]);
    expect(signers[0]!.cells[1]).toContain('NIP. 19700817 199503 1 004');
    expect(signers.map((r) => r.cells[3])).toEqual(['1. …………………', '2. …………………', '3. …………………', '4. …………………']);
  });

  it('prints only the sheets asked for', () => {
    const p = paragraphs(doc(one));
    expect(p.filter((x) => x === 'LEMBAR UJI KONSEKUENSI')).toHaveLength(1);
    expect(allText(doc(one))).toContain(exempt[1]!.judul);
    expect(allText(doc(one))).not.toContain(exempt[0]!.judul);
  });

  it('refuses when there is nothing exempt', () => {
    const c = demoContext('konsep', { items: DEMO_ITEMS.filter((i) => i.kategori !== 'dikecualikan') });
    expect(() => buildUjiKonsekuensi(c)).toThrow(/Tidak ada informasi yang dikecualikan/);
  });
});
