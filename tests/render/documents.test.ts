import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Document } from 'docx';
import { buildDik, buildDip, buildNotaDinas, buildUjiKonsekuensi, documentFingerprint } from '../../electron/core/documents';
import { demoContext, manyItems } from './fixtures';
import { pdfInfo, type PdfInfo, pdfPages, renderDocuments } from './libreoffice';

/**
 * What LibreOffice makes of the documents: paper, orientation, page count, the header row
 * and marks on every page, the signature never alone. Each document is converted once.
 *
 * LibreOffice snaps a page to the nearest paper it knows: F4 (609.4 × 935.5 pt exactly)
 * comes out as 610.0 × 936.0 pt, so sizes are compared within 1 pt.
 */
const F4 = { w: 609.4, h: 935.5 };
const A4 = { w: 595.3, h: 841.9 };

const big = manyItems(300);
const bigCtx = demoContext('final', { items: big });
const docs: Record<string, () => Document> = {
  'nota-f4': () => buildNotaDinas(demoContext('konsep')),
  'nota-a4': () => buildNotaDinas(demoContext('nota_dinas', { paper: 'A4' })),
  'dip-300-final': () => buildDip(bigCtx),
  'dip-40-konsep-a4': () => buildDip(demoContext('konsep', { paper: 'A4', items: manyItems(40) })),
  'dik-final': () => buildDik(demoContext('final')),
  'dik-draft-a4': () => buildDik(demoContext('draft', { paper: 'A4' })),
  uji: () => buildUjiKonsekuensi(demoContext('konsep')),
};

let dir: string;
const info: Record<string, PdfInfo> = {};
const pages: Record<string, string[]> = {};

beforeAll(async () => {
  const rendered = await renderDocuments('ppid-render-', docs);
  dir = rendered.dir;
  for (const [name, pdf] of Object.entries(rendered.pdf)) {
    info[name] = pdfInfo(pdf);
    pages[name] = pdfPages(pdf);
  }
}, 180_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function expectSize(i: PdfInfo, paper: { w: number; h: number }, orientation: 'portrait' | 'landscape') {
  const [w, h] = orientation === 'portrait' ? [paper.w, paper.h] : [paper.h, paper.w];
  expect(Math.abs(i.widthPt - w), `width ${i.widthPt} vs ${w}`).toBeLessThanOrEqual(1);
  expect(Math.abs(i.heightPt - h), `height ${i.heightPt} vs ${h}`).toBeLessThanOrEqual(1);
}

describe('documents rendered by LibreOffice', () => {
  it('prints on the paper and in the orientation set', () => {
    expectSize(info['nota-f4']!, F4, 'portrait');
    expectSize(info['nota-a4']!, A4, 'portrait');
    expectSize(info['dip-300-final']!, F4, 'landscape');
    expectSize(info['dip-40-konsep-a4']!, A4, 'landscape');
    expectSize(info['dik-final']!, F4, 'landscape');
    expectSize(info['dik-draft-a4']!, A4, 'landscape');
    expectSize(info.uji!, F4, 'portrait');
  });

  it('fits a typical Nota Dinas on one page, on F4 and on A4', () => {
    expect(info['nota-f4']!.pages).toBe(1);
    expect(info['nota-a4']!.pages).toBe(1);
    const text = pages['nota-f4']![0]!;
    for (const s of ['NOTA DINAS', 'NOMOR: 500.12.2/007/Diskominfotik/2026', 'Yuliana Sari, S.Sos., M.AP.', 'NIP. 19780512 200312 2 006']) {
      expect(text).toContain(s);
    }
    // The tembusan once, in the head, as the Nota Dinas format has it; five items stay in the body.
    expect(text).toMatch(/Tembusan\s+:\s+Kepala Dinas Komunikasi/);
    expect(text).not.toContain('Tembusan:');
    expect(text).toMatch(/Lampiran\s+:\s+-/);
    expect(pages['nota-a4']![0]).toContain('KONSEP — belum diterbitkan');
  });

  it('paginates a 300-row DIP with the column heads, the fingerprint and the page number on every page', () => {
    const p = pages['dip-300-final']!;
    expect(p.length).toBe(info['dip-300-final']!.pages);
    expect(p.length).toBeGreaterThan(10);
    const fp = documentFingerprint('dip', bigCtx.cycle);
    p.forEach((text, i) => {
      expect(text, `page ${i + 1}`).toContain('Ringkasan Isi Informasi');
      expect(text, `page ${i + 1}`).toContain('Jangka Waktu');
      expect(text, `page ${i + 1}`).toContain(`Sidik dokumen: ${fp.short}`);
      expect(text, `page ${i + 1}`).toContain(`Halaman ${i + 1} dari ${p.length}`);
      expect(text, `page ${i + 1}`).not.toMatch(/KONSEP|DRAFT/);
    });
    expect(p[0]).toContain('DAFTAR INFORMASI PUBLIK');
  });

  it('prints every published row of the 300 once, no exempt row, and the signature with at least one row', () => {
    const all = pages['dip-300-final']!.join('\n');
    big.forEach((item, i) => {
      const hits = all.split(`Informasi nomor ${i + 1}:`).length - 1;
      expect(hits, item.judul).toBe(item.kategori === 'dikecualikan' ? 0 : 1);
    });
    const last = pages['dip-300-final']!.at(-1)!;
    expect(last).toContain('Drs. Agustinus Rangkap, M.Si.');
    expect(last).toContain('NIP. 19700817 199503 1 004');
    expect(last).toMatch(/Informasi nomor \d+:/);
  });

  it('marks every page of a Konsep and a Draft, with the heads repeated', () => {
    const konsep = pages['dip-40-konsep-a4']!;
    expect(konsep.length).toBeGreaterThan(2);
    konsep.forEach((text, i) => {
      expect(text, `page ${i + 1}`).toContain('KONSEP — belum ditandatangani');
      expect(text, `page ${i + 1}`).toContain('Ringkasan Isi Informasi');
      expect(text, `page ${i + 1}`).not.toContain('Sidik dokumen');
    });
    for (const text of pages['dik-draft-a4']!) expect(text).toContain('DRAFT — belum ditandatangani');
  });

  it('keeps the DIK with its signature and seal', () => {
    const p = pages['dik-final']!;
    const fp = documentFingerprint('dik', demoContext('final').cycle);
    for (const text of p) expect(text).toContain(`Sidik dokumen: ${fp.short}`);
    expect(p.join('\n')).toContain('Data riwayat kesehatan pegawai');
    expect(p.at(-1)).toContain('Drs. Agustinus Rangkap, M.Si.');
  });

  it('fits each Lembar Uji Konsekuensi on one page', () => {
    expect(info.uji!.pages).toBe(2);
    pages.uji!.forEach((text) => {
      expect(text).toContain('LEMBAR UJI KONSEKUENSI');
      expect(text).toContain('Dewi Lestari, A.Md.');
    });
  });
});
