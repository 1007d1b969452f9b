import { beforeAll, describe, expect, it } from 'vitest';
import { bodyBlocks, buildNotaDinas, documentFileName, NOTA_DINAS_DRAFT_MARK, packDocx } from '../../electron/core/documents';
import { tanggal, hariTanggal } from '../../electron/core/documents/shared/dates';
import { demoContext } from '../render/fixtures';
import { allText, attr, headerFooterPart, paragraphs, tableRows, unzipDocx, type DocxParts } from '../render/docx-xml';

let issued: DocxParts;
let unissued: DocxParts;
let a4NoEmblem: DocxParts;

beforeAll(async () => {
  issued = unzipDocx(await packDocx(buildNotaDinas(demoContext('konsep'))));
  unissued = unzipDocx(await packDocx(buildNotaDinas(demoContext('nota_dinas'))));
  a4NoEmblem = unzipDocx(await packDocx(buildNotaDinas(demoContext('konsep', { paper: 'A4', emblem: false }))));
});

const doc = (p: DocxParts) => p.xml['word/document.xml']!;

describe('Nota Dinas', () => {
  it('prints the issued number under NOTA DINAS and no KONSEP mark', () => {
    const paras = paragraphs(doc(issued));
    const title = paras.indexOf('NOTA DINAS');
    expect(title).toBeGreaterThan(-1);
    expect(paras[title + 1]).toBe('NOMOR: 500.12.2/007/Diskominfotik/2026');
    for (const type of ['first', 'default'] as const) {
      expect(allText(headerFooterPart(issued, 'header', type)!)).not.toContain('KONSEP');
    }
  });

  it('before issue: no number, and KONSEP on the first page and every later page', () => {
    expect(paragraphs(doc(unissued))).toContain('NOMOR: …/…/…/…');
    expect(allText(doc(unissued))).not.toContain('500.12.2/');
    for (const type of ['first', 'default'] as const) {
      expect(allText(headerFooterPart(unissued, 'header', type)!)).toContain(NOTA_DINAS_DRAFT_MARK);
    }
  });

  it('has the kop on page 1: emblem, pemda, OPD name in capitals, address and contacts', () => {
    const text = allText(doc(issued));
    expect(text).toContain('PEMERINTAH KABUPATEN KAPUAS HULU');
    // The OPD name may take two balanced lines: the words, in order, in capitals.
    expect(text.replace(/\s+/g, ' ')).toContain('DINAS KOMUNIKASI, INFORMATIKA DAN STATISTIK');
    expect(text).toContain('Jalan Lintas Selatan No. 12, Putussibau');
    expect(text).toContain('Telepon (0567) 21012');
    expect(text).toContain('Pos-el diskominfotik@kapuashulukab.go.id');
    expect(Object.keys(issued.media).filter((n) => n.startsWith('word/media/'))).toHaveLength(1);
    // Without an emblem the kop still prints, just without a picture.
    expect(Object.keys(a4NoEmblem.media).filter((n) => n.startsWith('word/media/'))).toHaveLength(0);
    expect(allText(doc(a4NoEmblem))).toContain('PEMERINTAH KABUPATEN KAPUAS HULU');
  });

  it('aligns the head on its colons: Yth., Dari, Tembusan, Tanggal, Sifat, Lampiran, Hal', () => {
    const rows = tableRows(doc(issued)).filter((r) => r.cells.length === 3 && r.cells[1] === ':');
    expect(rows.map((r) => r.cells[0])).toEqual(['Yth.', 'Dari', 'Tembusan', 'Tanggal', 'Sifat', 'Lampiran', 'Hal']);
    const value = Object.fromEntries(rows.map((r) => [r.cells[0], r.cells[2]]));
    expect(value['Yth.']).toBe('Petugas PPID Pembantu Dinas Komunikasi, Informatika dan Statistik');
    expect(value['Dari']).toBe('Sekretaris Dinas selaku Ketua PPID Pembantu');
    expect(value['Tanggal']).toBe('23 November 2026');
    expect(value['Sifat']).toBe('Segera');
    expect(value['Hal']).toBe('Penghimpunan dan Pendokumentasian Informasi Publik Tahun 2026');
    // The colon column is the same width in every row: that is what aligns them.
    const widths = new Set(rows.map((r) => attr(r.xml.match(/<w:tcW[^>]*>/g)![1]!, 'w:w')));
    expect(widths.size).toBe(1);
  });

  it('keeps the body paragraphs and a short numbered list as typed, then the ketua PPID signs; the tembusan only in the head', () => {
    const paras = paragraphs(doc(issued)).filter((p) => p.trim());
    const intro = paras.findIndex((p) => p.startsWith('Dalam rangka melaksanakan'));
    expect(paras[intro]).toMatch(/informasi publik berikut:$/);
    expect(paras[intro + 1]).toBe('1.\tProfil Dinas Komunikasi, Informatika dan Statistik (Sekretariat)');
    expect(paras[intro + 5]).toMatch(/^5\.\tProsedur peringatan dini/);
    expect(paras[intro + 6]).toMatch(/^Hasilnya disusun/);
    const sign = paras.indexOf('Sekretaris Dinas selaku Ketua PPID Pembantu,');
    expect(sign).toBeGreaterThan(intro);
    expect(paras.slice(sign + 1, sign + 4)).toEqual(['Yuliana Sari, S.Sos., M.AP.', 'Pembina (IV/a)', 'NIP. 19780512 200312 2 006']);
    // Nothing after the signature: the Nota Dinas format has the tembusan in its head, once.
    expect(paras.slice(sign + 4)).toEqual([]);
    expect(allText(doc(issued)).split('Kepala Dinas Komunikasi, Informatika dan Statistik')).toHaveLength(2);
  });

  it('keeps the signature block together: keepNext and keepLines on its paragraphs', () => {
    const xml = doc(issued);
    const ps = [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) => m[0]);
    const at = ps.findIndex((p) => p.includes('Sekretaris Dinas selaku Ketua PPID Pembantu,'));
    for (const p of ps.slice(at, at + 3)) expect(p).toMatch(/<w:keepNext\/>[\s\S]*<w:keepLines\/>|<w:keepLines\/>[\s\S]*<w:keepNext\/>/);
    // The name is bold and underlined.
    expect(ps[at + 1]).toContain('<w:b/>');
    expect(ps[at + 1]).toMatch(/<w:u /);
  });

  it('numbers pages from page 2 only', () => {
    expect(doc(issued)).toContain('<w:titlePg/>');
    expect(headerFooterPart(issued, 'footer', 'default')).toContain('PAGE');
    expect(headerFooterPart(issued, 'footer', 'first')).not.toContain('PAGE');
  });

  it('is portrait F4 or A4 as set, with the letter margins', () => {
    const f4 = /<w:pgSz[^>]*>/.exec(doc(issued))![0];
    expect([attr(f4, 'w:w'), attr(f4, 'w:h'), attr(f4, 'w:orient')]).toEqual(['12189', '18709', 'portrait']);
    const a4 = /<w:pgSz[^>]*>/.exec(doc(a4NoEmblem))![0];
    expect([attr(a4, 'w:w'), attr(a4, 'w:h'), attr(a4, 'w:orient')]).toEqual(['11906', '16838', 'portrait']);
    const mar = /<w:pgMar[^>]*>/.exec(doc(issued))![0];
    expect(Number(attr(mar, 'w:left'))).toBe(1701); // 3 cm
    expect(Number(attr(mar, 'w:top'))).toBe(1134); // 2 cm
  });

  it('uses the office font and size', () => {
    const styles = issued.xml['word/styles.xml']!;
    expect(styles).toMatch(/<w:docDefaults>[\s\S]*w:ascii="Arial"[\s\S]*<w:sz w:val="24"\/>/);
  });

  it('refuses to build without a draft', () => {
    const ctx = demoContext('nota_dinas');
    ctx.cycle = { ...ctx.cycle, notaDinas: { draft: null, number: null, date: null } };
    expect(() => buildNotaDinas(ctx)).toThrow(/belum disusun/);
  });
});

describe('body blocks', () => {
  it('splits paragraphs on blank lines, keeps list lines and their markers, joins wrapped prose', () => {
    expect(bodyBlocks('Satu baris\nlanjutannya.\n\nDaftar:\n1. a\n2) b\na. c\n- d\n\nPenutup.')).toEqual([
      { kind: 'paragraph', text: 'Satu baris lanjutannya.' },
      { kind: 'paragraph', text: 'Daftar:' },
      { kind: 'item', marker: '1.', text: 'a' },
      { kind: 'item', marker: '2)', text: 'b' },
      { kind: 'item', marker: 'a.', text: 'c' },
      { kind: 'item', marker: '-', text: 'd' },
      { kind: 'paragraph', text: 'Penutup.' },
    ]);
  });
});

describe('Indonesian dates', () => {
  it('are written in the office zone whatever the machine zone', () => {
    expect(tanggal('2026-11-24T16:59:00Z', 'Asia/Jakarta')).toBe('24 November 2026');
    expect(tanggal('2026-11-24T17:00:00Z', 'Asia/Jakarta')).toBe('25 November 2026');
    expect(tanggal(new Date('2026-01-01T00:00:00Z'), 'Asia/Jakarta')).toBe('1 Januari 2026');
    expect(hariTanggal('2026-11-25T03:00:00Z', 'Asia/Jakarta')).toBe('Rabu, 25 November 2026');
    expect(() => tanggal('bukan tanggal', 'Asia/Jakarta')).toThrow();
  });

  it('dates a Nota Dinas issued at 23.30 UTC with the next day, as the office lives it', async () => {
    const ctx = demoContext('konsep');
    // Thursday 3 December 2026 23.30 UTC = Friday 4 December 06.30 WIB = 07.30 WITA.
    ctx.cycle = { ...ctx.cycle, notaDinas: { ...ctx.cycle.notaDinas, date: '2026-12-03T23:30:00.000Z' } };
    const wib = unzipDocx(await packDocx(buildNotaDinas(ctx)));
    const dateOf = (p: DocxParts) => tableRows(doc(p)).find((r) => r.cells[0] === 'Tanggal')?.cells[2];
    expect(dateOf(wib)).toBe('4 Desember 2026');
    // An office in WIT: 15.30 UTC on 3 December is 00.30 on the 4th there, still the 3rd in WIB.
    const wit = demoContext('konsep');
    wit.settings = { ...wit.settings, calendar: { ...wit.settings.calendar, timeZone: 'Asia/Jayapura' } };
    wit.cycle = { ...wit.cycle, notaDinas: { ...wit.cycle.notaDinas, date: '2026-12-03T15:30:00.000Z' } };
    expect(dateOf(unzipDocx(await packDocx(buildNotaDinas(wit))))).toBe('4 Desember 2026');
  });
});

describe('file names', () => {
  it('say what the file is, and a Konsep never looks like a final', () => {
    expect(documentFileName('notaDinas', demoContext('konsep').cycle)).toBe('Nota-Dinas-500.12.2-007-Diskominfotik-2026.docx');
    expect(documentFileName('notaDinas', demoContext('nota_dinas').cycle)).toBe('Nota-Dinas-KONSEP-2026.docx');
    expect(documentFileName('dip', demoContext('konsep').cycle)).toBe('DIP-2026-Konsep-v2.docx');
    expect(documentFileName('dip', demoContext('draft').cycle)).toBe('DIP-2026-Draft-v2.docx');
    expect(documentFileName('dik', demoContext('final').cycle)).toBe('DIK-2026-Final-v2.docx');
    expect(documentFileName('ujiKonsekuensi', demoContext('final').cycle)).toBe('Uji-Konsekuensi-2026-v2.docx');
  });
});
