import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Document } from 'docx';
import { buildDik, buildDip, buildUjiKonsekuensi } from '../../electron/core/documents';
import { cycle40Items } from './cycle-40';
import { demoContext } from './fixtures';
import { pdfInfo, type PdfInfo, pdfPages, pdfRawPages, renderDocuments } from './libreoffice';

/**
 * Tracker issue 9 as LibreOffice lays it out: a realistic 40-item cycle (descriptions of
 * 300–600 characters, three exempt items) on F4 and A4. The DIP fills its pages, prints its
 * groups in the law's order and leaves an unsigned date to the hand; each consequence-test
 * sheet is one page, or its continuation names the sheet and the information tested.
 */

const items = cycle40Items();
const PAPERS = ['F4', 'A4'] as const;
const docs: Record<string, () => Document> = {};
for (const paper of PAPERS) {
  docs[`dip-konsep-${paper}`] = () => buildDip(demoContext('konsep', { paper, items }));
  docs[`dip-final-${paper}`] = () => buildDip(demoContext('final', { paper, items }));
  docs[`dik-final-${paper}`] = () => buildDik(demoContext('final', { paper, items }));
  docs[`uji-${paper}`] = () => buildUjiKonsekuensi(demoContext('konsep', { paper, items }));
}

// An exemption argued at length (the editor allows 2,000 characters a field): its sheet cannot
// fit one page, and its continuation must say whose it is.
const longArgued = items.map((f) =>
  f.judul.startsWith('Kunci kriptografi')
    ? { ...f, exemption: { ...f.exemption, konsekuensi: `${f.exemption.konsekuensi} `.repeat(6).trim(), pertimbangan: `${f.exemption.pertimbangan} `.repeat(4).trim() } }
    : f,
);
docs['uji-long-A4'] = () => buildUjiKonsekuensi(demoContext('konsep', { paper: 'A4', items: longArgued }));

let dir: string;
const info: Record<string, PdfInfo> = {};
const pages: Record<string, string[]> = {};
/** Each page's text in the PDF's own order (cell by cell), which -layout interleaves across columns. */
const raw: Record<string, string[]> = {};
const bottoms: Record<string, number[]> = {};

/**
 * How far down each page the body text reaches, as a share of the page's height: the lowest
 * word above the footer band. The mark in the header and the footer are left out.
 */
function bodyReach(file: string, footerShare: number): number[] {
  const r = spawnSync('pdftotext', ['-bbox', file, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`pdftotext -bbox ${file}: ${r.stderr}`);
  return r.stdout
    .split('<page ')
    .slice(1)
    .map((page) => {
      const height = Number(/height="([\d.]+)"/.exec(page)![1]);
      const words = [...page.matchAll(/yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)"/g)].map((m) => [Number(m[1]), Number(m[2])] as const);
      const body = words.filter(([top, bottom]) => top > 0.06 * height && bottom < (1 - footerShare) * height);
      return body.length ? Math.max(...body.map(([, bottom]) => bottom)) / height : 0;
    });
}

beforeAll(async () => {
  const rendered = await renderDocuments('ppid-render-issue9-', docs);
  dir = rendered.dir;
  for (const [name, pdf] of Object.entries(rendered.pdf)) {
    info[name] = pdfInfo(pdf);
    pages[name] = pdfPages(pdf);
    bottoms[name] = bodyReach(pdf, 0.07);
    raw[name] = pdfRawPages(pdf);
  }
}, 240_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Whitespace and line breaks as one space; a word hyphenated over a line break joined again. */
const flat = (text: string) => text.replace(/-\s*\n\s*/g, '-').replace(/\s+/g, ' ');

describe.each(PAPERS)('the 40-item cycle on %s', (paper) => {
  it('fills every DIP page but the last at least half way down', () => {
    for (const state of ['konsep', 'final']) {
      const reach = bottoms[`dip-${state}-${paper}`]!;
      expect(reach.length).toBe(info[`dip-${state}-${paper}`]!.pages);
      expect(reach.length).toBeGreaterThan(3);
      reach.slice(0, -1).forEach((r, i) => expect(r, `${state} page ${i + 1} of ${reach.length}`).toBeGreaterThanOrEqual(0.5));
    }
  });

  it('prints the Konsep and the signed DIP on the same pages (the marks take no rows)', () => {
    expect(info[`dip-konsep-${paper}`]!.pages).toBe(info[`dip-final-${paper}`]!.pages);
  });

  it('prints the groups in the law\u2019s order: berkala, serta merta, setiap saat', () => {
    const all = flat(pages[`dip-konsep-${paper}`]!.join('\n'));
    const at = ['A. Informasi yang Wajib Disediakan dan Diumumkan Secara Berkala', 'B. Informasi yang Wajib Diumumkan Secara Serta Merta', 'C. Informasi yang Wajib Tersedia Setiap Saat'].map((h) =>
      all.indexOf(h),
    );
    expect(at.every((i) => i >= 0), at.join(',')).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
  });

  it('leaves the date of the unsigned DIP to the hand and prints the signing date on the final', () => {
    const konsepLast = pages[`dip-konsep-${paper}`]!.at(-1)!;
    expect(konsepLast).toContain('Putussibau, ……………… 2026');
    expect(konsepLast).toContain('Drs. Agustinus Rangkap, M.Si.');
    expect(pages[`dip-final-${paper}`]!.at(-1)).toContain('Putussibau, 25 November 2026');
  });

  it('cites the Statistics Act through Pasal 17 huruf j in the DIK and on its sheet', () => {
    const dik = flat(raw[`dik-final-${paper}`]!.join('\n'));
    expect(dik).toContain('Pasal 17 huruf j UU Nomor 14 Tahun 2008 jo. Pasal 21 Undang-Undang Nomor 16 Tahun 1997 tentang Statistik');
    const sheet = flat(raw[`uji-${paper}`]!.join('\n'));
    expect(sheet).toContain('Pasal 17 huruf j UU Nomor 14 Tahun 2008 jo. Pasal 21 Undang-Undang Nomor 16 Tahun 1997 tentang Statistik');
  });

  it('keeps each consequence-test sheet on its page, or names the sheet and the information on its continuation', () => {
    const judul = ['Data riwayat kesehatan dan rekam medis pegawai', 'Kunci kriptografi dan konfigurasi keamanan jaringan intra pemerintah', 'Data individu responden survei statistik sektoral'];
    const p = raw[`uji-${paper}`]!;
    expect(p).toHaveLength(info[`uji-${paper}`]!.pages);
    let sheet = 0;
    let page = 0;
    for (const text of p) {
      if (text.includes('LEMBAR UJI KONSEKUENSI')) {
        sheet += 1;
        page = 1;
        expect(flat(text)).toContain(`Lembar ${sheet} dari 3 — Daftar Informasi yang Dikecualikan Tahun 2026`);
        expect(flat(text)).toContain(judul[sheet - 1]);
      } else {
        page += 1;
        // A continuation: its header says which sheet and which information it continues.
        expect(flat(text)).toContain(`Lembar Uji Konsekuensi ${sheet} dari 3 (lanjutan) — ${judul[sheet - 1]}`);
      }
      expect(flat(text)).toContain(`Lembar Uji Konsekuensi ${sheet} dari 3 · halaman ${page}`);
    }
    expect(sheet).toBe(3);
    // Every sheet is signed by all four, with the signing table whole on one page.
    const signed = p.filter((t) => t.includes('Dewi Lestari, A.Md.'));
    expect(signed).toHaveLength(3);
    for (const t of signed) expect(t).toContain('Drs. Agustinus Rangkap, M.Si.');
  });
});

describe('consequence-test sheets', () => {
  it('fits each sheet of the 40-item cycle on one page, on F4 and on A4', () => {
    expect(info['uji-F4']!.pages).toBe(3);
    expect(info['uji-A4']!.pages).toBe(3);
  });

  it('continues a sheet too long for one page under a header naming the sheet and the information, signatures kept together', () => {
    const p = raw['uji-long-A4']!;
    expect(p.length).toBeGreaterThan(3);
    const at = p.findIndex((t) => !t.includes('LEMBAR UJI KONSEKUENSI'));
    expect(at).toBe(2);
    const cont = flat(p[at]!);
    expect(cont).toContain('Lembar Uji Konsekuensi 2 dari 3 (lanjutan) — Kunci kriptografi dan konfigurasi keamanan jaringan intra pemerintah');
    expect(cont).toContain('Lembar Uji Konsekuensi 2 dari 3 · halaman 2');
    // The signing table is whole on the continuation, not split from its heading.
    for (const name of ['Drs. Agustinus Rangkap, M.Si.', 'Dewi Lestari, A.Md.', 'Yang melakukan uji konsekuensi:']) expect(cont).toContain(name);
    // The next sheet starts its own page numbers again.
    expect(flat(p[at + 1]!)).toContain('Lembar Uji Konsekuensi 3 dari 3 · halaman 1');
  });
});
