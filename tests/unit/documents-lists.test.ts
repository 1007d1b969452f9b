import { beforeAll, describe, expect, it } from 'vitest';
import {
  buildDik,
  buildDip,
  DIK_HEADS,
  DIP_EMPTY_GROUP,
  DIP_HEADS,
  documentFingerprint,
  listStateOf,
  packDocx,
  type ListState,
} from '../../electron/core/documents';
import { DIP_GROUPS } from '../../electron/core/domain/information';
import { PAPER_TWIPS } from '../../electron/core/documents/docx/parts/page';
import { qrPng } from '../../electron/core/documents/docx/parts/fingerprint';
import { DEMO_ITEMS, demoContext, type Stage } from '../render/fixtures';
import { allText, attr, headerFooterPart, paragraphs, partsOf, tableRows, unzipDocx, type DocxParts } from '../render/docx-xml';
import { completeItem } from './workflow-fixtures';

const STAGE: Record<ListState, Stage> = { konsep: 'konsep', draft: 'draft', final: 'final' };
const dip: Partial<Record<ListState, DocxParts>> = {};
const dik: Partial<Record<ListState, DocxParts>> = {};
let dipA4: DocxParts;
let dipEmptyGroup: DocxParts;

beforeAll(async () => {
  for (const s of ['konsep', 'draft', 'final'] as const) {
    dip[s] = unzipDocx(await packDocx(buildDip(demoContext(STAGE[s]))));
    dik[s] = unzipDocx(await packDocx(buildDik(demoContext(STAGE[s]))));
  }
  dipA4 = unzipDocx(await packDocx(buildDip(demoContext('draft', { paper: 'A4' }))));
  const noSertaMerta = DEMO_ITEMS.filter((i) => i.kategori !== 'serta_merta');
  dipEmptyGroup = unzipDocx(await packDocx(buildDip(demoContext('konsep', { items: noSertaMerta }))));
});

const doc = (p: DocxParts | undefined) => p!.xml['word/document.xml']!;
const exempt = DEMO_ITEMS.filter((i) => i.kategori === 'dikecualikan');
const published = DEMO_ITEMS.filter((i) => i.kategori !== 'dikecualikan');

/** The list table: the one whose first row holds the statutory heads. */
function listRows(p: DocxParts, heads: readonly string[]) {
  const rows = tableRows(doc(p));
  const start = rows.findIndex((r) => r.cells.join('|') === heads.join('|'));
  expect(start).toBeGreaterThan(-1);
  return rows.slice(start);
}

describe('Daftar Informasi Publik', () => {
  it('has the title block: DAFTAR INFORMASI PUBLIK / OPD / pemda / TAHUN', () => {
    const p = paragraphs(doc(dip.final));
    const at = p.indexOf('DAFTAR INFORMASI PUBLIK');
    expect(p.slice(at, at + 4)).toEqual(['DAFTAR INFORMASI PUBLIK', 'DINAS KOMUNIKASI, INFORMATIKA DAN STATISTIK', 'KABUPATEN KAPUAS HULU', 'TAHUN 2026']);
  });

  it('prints the statutory columns in order, then their numbers 1..7, both repeated on every page', () => {
    const rows = listRows(dip.final!, DIP_HEADS);
    expect(rows[0]!.cells).toEqual([
      'No.',
      'Ringkasan Isi Informasi',
      'Pejabat atau Unit/Satuan Kerja yang Menguasai Informasi',
      'Penanggung Jawab Pembuatan atau Penerbitan Informasi',
      'Waktu dan Tempat Pembuatan Informasi',
      'Bentuk Informasi yang Tersedia (Softcopy/\u200BHardcopy)',
      'Jangka Waktu Penyimpanan atau Retensi Arsip',
    ]);
    expect(rows[1]!.cells).toEqual(['1', '2', '3', '4', '5', '6', '7']);
    expect(rows[0]!.xml).toContain('<w:tblHeader/>');
    expect(rows[1]!.xml).toContain('<w:tblHeader/>');
    expect(rows[2]!.xml).not.toContain('<w:tblHeader/>');
  });

  it('groups rows under A, B, C in the statutory order, each item in its group in entry order, numbered 1..n across the list', () => {
    const rows = listRows(dip.final!, DIP_HEADS).slice(2);
    const groups: { heading: string; items: { no: string; judul: string }[] }[] = [];
    for (const r of rows) {
      if (r.cells.length === 1 && /^[A-C]\. /.test(r.cells[0]!)) groups.push({ heading: r.cells[0]!, items: [] });
      else if (r.cells.length === 7) groups.at(-1)!.items.push({ no: r.cells[0]!, judul: r.cells[1]!.split('\n')[0]! });
    }
    expect(groups.map((g) => g.heading)).toEqual(DIP_GROUPS.map((g, i) => `${'ABC'[i]}. ${g.heading}`));
    DIP_GROUPS.forEach((g, i) => {
      expect(groups[i]!.items.map((x) => x.judul)).toEqual(published.filter((p) => p.kategori === g.category).map((p) => p.judul));
    });
    const numbers = groups.flatMap((g) => g.items.map((x) => x.no));
    expect(numbers).toEqual(published.map((_, i) => `${i + 1}.`));
  });

  it('never prints an exempt item', () => {
    for (const s of ['konsep', 'draft', 'final'] as const) {
      const text = allText(doc(dip[s]));
      for (const e of exempt) {
        expect(text).not.toContain(e.judul);
        expect(text).not.toContain(e.ringkasan);
      }
    }
  });

  it('prints the row content: judul bold, ringkasan, renewal for berkala, and the other columns', () => {
    const rows = listRows(dip.final!, DIP_HEADS);
    const rka = rows.find((r) => r.cells[1]?.startsWith('Rencana Kerja dan Anggaran'))!;
    expect(rka.cells[1]).toBe(
      'Rencana Kerja dan Anggaran (RKA) serta Dokumen Pelaksanaan Anggaran (DPA) Tahun 2026\n' +
        'RKA dan DPA seluruh program, kegiatan dan subkegiatan Diskominfotik Tahun Anggaran 2026 beserta perubahannya.\n' +
        '(Diperbarui setiap bulan)',
    );
    expect(rka.cells.slice(2)).toEqual(['Sekretariat / Subbagian Keuangan dan Aset', 'Sekretaris Dinas', '2026, Putussibau', 'Softcopy, Hardcopy', '5 tahun']);
    expect(rka.xml).toMatch(/<w:b\/>[\s\S]*?Rencana Kerja dan Anggaran/);
    const stat = rows.find((r) => r.cells[1]?.startsWith('Data statistik sektoral'))!;
    expect(stat.cells[5]).toBe('Softcopy');
    expect(stat.cells[1]).not.toContain('Diperbarui');
  });

  it('prints an empty group with a note instead of dropping its heading', () => {
    const rows = listRows(dipEmptyGroup, DIP_HEADS);
    // Serta merta is group B: the law's order is berkala (Pasal 9), serta merta (10), setiap saat (11).
    const b = rows.findIndex((r) => r.cells[0]?.startsWith('B. Informasi yang Wajib Diumumkan Secara Serta Merta'));
    expect(rows[b + 1]!.cells).toEqual(['', DIP_EMPTY_GROUP]);
  });

  it('gives every table and cell a DXA width, a fixed layout, and fills the landscape width exactly', () => {
    for (const [parts, paper] of [[dip.final!, 'F4'], [dipA4, 'A4']] as const) {
      const xml = doc(parts);
      const pg = /<w:pgSz[^>]*>/.exec(xml)![0];
      expect([attr(pg, 'w:w'), attr(pg, 'w:h'), attr(pg, 'w:orient')]).toEqual([
        String(PAPER_TWIPS[paper].height),
        String(PAPER_TWIPS[paper].width),
        'landscape',
      ]);
      const mar = /<w:pgMar[^>]*>/.exec(xml)![0];
      const content = PAPER_TWIPS[paper].height - Number(attr(mar, 'w:left')) - Number(attr(mar, 'w:right'));
      const list = xml.slice(xml.indexOf('<w:tbl>'));
      const tblW = /<w:tblW[^>]*>/.exec(list)![0];
      expect(attr(tblW, 'w:type')).toBe('dxa');
      expect(Number(attr(tblW, 'w:w'))).toBe(content);
      const grid = [...(/<w:tblGrid>([\s\S]*?)<\/w:tblGrid>/.exec(list)![1]!).matchAll(/w:w="(\d+)"/g)].map((m) => Number(m[1]));
      expect(grid).toHaveLength(7);
      expect(grid.reduce((a, b) => a + b, 0)).toBe(content);
      expect(list).toContain('<w:tblLayout w:type="fixed"/>');
      for (const row of tableRows(list)) {
        const tcWs = row.xml.match(/<w:tcW[^>]*>/g) ?? [];
        expect(tcWs.length).toBe(row.cells.length);
        expect(tcWs.every((t) => attr(t, 'w:type') === 'dxa')).toBe(true);
        expect(tcWs.reduce((a, t) => a + Number(attr(t, 'w:w')), 0)).toBe(content);
        expect(row.xml).toContain('<w:cantSplit/>');
      }
    }
  });

  it('is signed by the Kepala OPD as atasan PPID, on the day it was signed', () => {
    const p = paragraphs(doc(dip.final));
    const at = p.indexOf('Putussibau, 25 November 2026');
    expect(at).toBeGreaterThan(-1);
    expect(p.slice(at + 1, at + 6)).toEqual([
      'KEPALA DINAS KOMUNIKASI, INFORMATIKA DAN STATISTIK KABUPATEN KAPUAS HULU',
      'selaku Atasan PPID Pembantu,',
      'Drs. Agustinus Rangkap, M.Si.',
      'Pembina Tingkat I (IV/b)',
      'NIP. 19700817 199503 1 004',
    ]);
  });

  it('keeps the last row with the signature, which cannot split', () => {
    const rows = listRows(dip.final!, DIP_HEADS);
    const sig = rows.at(-1)!;
    expect(sig.cells[0]).toContain('Drs. Agustinus Rangkap, M.Si.');
    expect(sig.xml).toContain('<w:cantSplit/>');
    expect(rows.at(-2)!.xml).toContain('<w:keepNext/>');
  });
});

describe('draft marks, fingerprint and QR', () => {
  const headerText = (p: DocxParts) => partsOf(p, 'header').map(allText).join('\n');
  const footerText = (p: DocxParts) => partsOf(p, 'footer').map(allText).join('\n');
  const footerImages = (p: DocxParts) => partsOf(p, 'footer').filter((x) => x.includes('<w:drawing>')).length;

  it('marks Konsep and Draft on every page, in the default header (the only one the list uses)', () => {
    for (const [list, name] of [[dip, 'DIP'], [dik, 'DIK']] as const) {
      expect(doc(list.konsep)).not.toContain('<w:titlePg/>');
      expect(allText(headerFooterPart(list.konsep!, 'header', 'default')!), name).toContain('KONSEP — belum ditandatangani');
      expect(allText(headerFooterPart(list.draft!, 'header', 'default')!), name).toContain('DRAFT — belum ditandatangani');
      expect(headerText(list.final!), name).not.toMatch(/KONSEP|DRAFT|belum ditandatangani/);
    }
  });

  it('prints fingerprint and QR only on the final, in the footer of every page', () => {
    for (const [list, kind] of [[dip, 'dip'], [dik, 'dik']] as const) {
      const fp = documentFingerprint(kind, demoContext('final').cycle);
      expect(footerText(list.final!)).toContain(`Sidik dokumen: ${fp.short}`);
      expect(footerImages(list.final!)).toBe(1);
      expect(headerFooterPart(list.final!, 'footer', 'default')).toContain('<w:drawing>');
      for (const s of ['konsep', 'draft'] as const) {
        expect(footerText(list[s]!)).not.toContain('Sidik dokumen');
        expect(footerText(list[s]!)).not.toContain(fp.short);
        expect(footerImages(list[s]!)).toBe(0);
        expect(Object.keys(list[s]!.media).filter((n) => n.startsWith('word/media/'))).toHaveLength(0);
      }
    }
  });

  it('embeds the QR of exactly the fingerprint it prints', () => {
    const fp = documentFingerprint('dip', demoContext('final').cycle);
    const media = Object.entries(dip.final!.media).filter(([n]) => n.startsWith('word/media/'));
    expect(media).toHaveLength(1);
    expect(Buffer.from(media[0]![1]).equals(qrPng(fp.qrText).png)).toBe(true);
    expect(headerFooterPart(dip.final!, 'footer', 'default')).toContain(fp.qrText);
  });

  it('refuses a final list for a cycle not yet signed', () => {
    expect(() => buildDip(demoContext('draft'), 'final')).toThrow(/belum ditandatangani/);
    expect(() => buildDik(demoContext('draft'), 'final')).toThrow(/belum ditandatangani/);
  });

  it('prints page numbers on Konsep and Draft', () => {
    expect(headerFooterPart(dip.konsep!, 'footer', 'default')).toContain('NUMPAGES');
  });
});

describe('Daftar Informasi yang Dikecualikan', () => {
  it('lists every exempt item with its legal basis, consequence, consideration and period, and nothing else', () => {
    const rows = listRows(dik.final!, DIK_HEADS);
    expect(rows[0]!.cells).toEqual([...DIK_HEADS]);
    expect(rows[1]!.cells).toEqual(['1', '2', '3', '4', '5', '6']);
    const items = rows.slice(2, -1);
    expect(items.map((r) => r.cells[0])).toEqual(['1.', '2.']);
    expect(items.map((r) => r.cells[1]!.split('\n')[0])).toEqual(exempt.map((e) => e.judul));
    const [health, keys] = items;
    expect(health!.cells[2]).toBe('Pasal 17 huruf h angka 2 UU Nomor 14 Tahun 2008\n(mengungkap rahasia pribadi)');
    expect(health!.cells[3]).toBe('Membuka riwayat kesehatan pegawai.');
    expect(health!.cells[4]).toBe('Melindungi rahasia pribadi.');
    expect(health!.cells[5]).toBe('Tidak dibatasi waktu: Pasal 20 ayat (1) UU Nomor 14 Tahun 2008 menyatakan tidak permanen hanya pengecualian huruf a–f, bukan huruf h. Terbuka bila pihak yang bersangkutan menyetujui secara tertulis atau bila berkaitan dengan jabatan publik (Pasal 18 ayat (2)).');
    expect(keys!.cells[2]).toMatch(/^Pasal 17 huruf c angka 6 UU Nomor 14 Tahun 2008/);
    expect(keys!.cells[5]).toBe('5 tahun atau sampai konfigurasi diganti');
    const text = allText(doc(dik.final));
    for (const p of published) expect(text).not.toContain(p.judul);
  });

  it('has its title block and the Kepala signature', () => {
    const p = paragraphs(doc(dik.final));
    const at = p.indexOf('DAFTAR INFORMASI YANG DIKECUALIKAN');
    expect(p.slice(at, at + 4)).toEqual(['DAFTAR INFORMASI YANG DIKECUALIKAN', 'DINAS KOMUNIKASI, INFORMATIKA DAN STATISTIK', 'KABUPATEN KAPUAS HULU', 'TAHUN 2026']);
    expect(p).toContain('NIP. 19700817 199503 1 004');
  });

  it('says so when nothing is exempt', async () => {
    const parts = unzipDocx(await packDocx(buildDik(demoContext('konsep', { items: published }))));
    expect(allText(doc(parts))).toContain('Tidak ada informasi yang dikecualikan.');
  });
});

describe('documentFingerprint', () => {
  const cycle = demoContext('final').cycle;

  it('is stable, short-grouped, and names the cycle and version in the QR text', () => {
    const a = documentFingerprint('dip', cycle);
    expect(a).toEqual(documentFingerprint('dip', structuredClone(cycle)));
    expect(a.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(a.short).toMatch(/^[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}$/);
    expect(a.short.replace(/-/g, '').toLowerCase()).toBe(a.sha256.slice(0, 12));
    // Alphanumeric QR characters only, with the first 128 bits of the hash: a version-4 code.
    expect(a.qrText).toBe(`PPIDDESK:DIP:${cycle.id.toUpperCase()}:V2:${a.sha256.slice(0, 32).toUpperCase()}`);
    expect(qrPng(a.qrText).modules).toBeLessThanOrEqual(33 + 8);
  });

  it('differs between the DIP and the DIK of one cycle', () => {
    expect(documentFingerprint('dip', cycle).sha256).not.toBe(documentFingerprint('dik', cycle).sha256);
  });

  it('changes when a printed row, the version or the signing changes', () => {
    const base = documentFingerprint('dip', cycle).sha256;
    const edited = { ...cycle, items: cycle.items.map((i, n) => (n === 0 ? { ...i, fields: { ...i.fields, retensi: '6 tahun' } } : i)) };
    expect(documentFingerprint('dip', edited).sha256).not.toBe(base);
    expect(documentFingerprint('dip', { ...cycle, version: 3 }).sha256).not.toBe(base);
    expect(documentFingerprint('dip', { ...cycle, signed: { at: '2026-11-26T01:00:00.000Z', by: cycle.signed!.by } }).sha256).not.toBe(base);
  });

  it('ignores what the DIP does not print: an exempt item changing leaves the DIP fingerprint alone', () => {
    const base = documentFingerprint('dip', cycle).sha256;
    const more = { ...cycle, items: [...cycle.items, { ...cycle.items[0]!, id: 'extra', fields: completeItem('Rahasia tambahan', 'Sekretariat', 'dikecualikan') }] };
    expect(documentFingerprint('dip', more).sha256).toBe(base);
    expect(documentFingerprint('dik', more).sha256).not.toBe(documentFingerprint('dik', cycle).sha256);
  });
});

describe('listStateOf', () => {
  it('follows the SOP: Konsep until the PPID Pembantu approves, Draft before the Kepala, final once signed', () => {
    const c = demoContext('konsep').cycle;
    expect(listStateOf({ ...c, step: 'pengumpulan', signed: null })).toBe('konsep');
    expect(listStateOf({ ...c, step: 'pemeriksaan_ppid', signed: null })).toBe('konsep');
    expect(listStateOf({ ...c, step: 'pemeriksaan_kepala', signed: null })).toBe('draft');
    expect(listStateOf({ ...c, step: 'arsip', signed: { at: '2026-11-25T03:30:00.000Z', by: 'x' } })).toBe('final');
  });
});
