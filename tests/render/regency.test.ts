import { rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Document } from 'docx';
import { buildCompliance } from '../../electron/core/documents/docx/compliance';
import { buildRegencyDik } from '../../electron/core/documents/docx/regency-dik';
import { buildRegencyDip } from '../../electron/core/documents/docx/regency-dip';
import { regencyFingerprint } from '../../electron/core/documents/docx/regency-fingerprint';
import { generatedRegency, regencyContext, regencyInput } from '../fixtures/regency';
import { pdfInfo, type PdfInfo, pdfRawPages, qrCodesPerPage, renderDocuments } from './libreoffice';

/**
 * The PPID Utama's documents as LibreOffice lays them out (issue 13): the five-OPD regency
 * on F4, and forty OPD of six items each (pages that cross many OPD boundaries). Every page
 * of a signed list carries the consolidated QR and names the OPD whose rows it holds; an OPD's
 * heading never ends a page; the PPID Utama signs on a page that holds rows of the list. (40 OPD × 300 items was rendered and
 * looked at by hand: about 1,500 pages, too slow for a test.)
 */

const five = regencyInput();
const forty = generatedRegency(40, 6);
const docs: Record<string, () => Document> = {
  'dip-five': () => buildRegencyDip(regencyContext(five)),
  'dik-five': () => buildRegencyDik(regencyContext(five)),
  'compliance-five': () => buildCompliance(regencyContext(five)),
  'dip-forty': () => buildRegencyDip(regencyContext(forty)),
};

let dir: string;
const info: Record<string, PdfInfo> = {};
/** Each page's text in reading order of its cells (pdftotext -raw). */
const pages: Record<string, string[]> = {};

beforeAll(async () => {
  const rendered = await renderDocuments('ppid-render-regency-', docs);
  dir = rendered.dir;
  for (const [name, pdf] of Object.entries(rendered.pdf)) {
    info[name] = pdfInfo(pdf);
    pages[name] = pdfRawPages(pdf);
  }
}, 600_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const flat = (text: string) => text.replace(/-\s*\n\s*/g, '-').replace(/\s+/g, ' ');
const OPD_HEADING = /^(?:[IVXL]+)\. [A-Z][A-Z ,.()]+$/;

describe('the consolidated lists in LibreOffice', () => {
  it('print on landscape F4', () => {
    for (const name of ['dip-five', 'dik-five', 'compliance-five', 'dip-forty']) {
      expect(Math.round(info[name]!.widthPt)).toBe(936);
      expect(Math.round(info[name]!.heightPt)).toBe(610);
    }
  });

  it('print the five OPD in the register’s order, the signature of the PPID Utama on the last page with rows of the list', () => {
    const all = flat(pages['dip-five']!.join('\n'));
    const at = ['I. DINAS PENDIDIKAN', 'II. DINAS KESEHATAN', 'III. DINAS PEKERJAAN UMUM DAN PENATAAN RUANG', 'IV. BADAN KEUANGAN DAN ASET DAERAH', 'V. KECAMATAN PUTUSSIBAU UTARA'].map((h) => all.indexOf(h));
    expect(at.every((i) => i >= 0), at.join(',')).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    const last = flat(pages['dip-five']!.at(-1)!);
    expect(last).toContain('Putussibau, 20 Desember 2026');
    expect(last).toContain('selaku PPID Utama,');
    expect(last).toContain('NIP. 19700817 199503 1 004');
    expect(last).toContain('V. KECAMATAN PUTUSSIBAU UTARA');
    // The missing Kecamatan, last in the register, does not leave the signature a page of its own.
    expect(last).toContain('Data penerimaan pajak daerah per jenis pajak');
    expect(flat(pages['dik-five']!.at(-1)!)).toContain('Drs. Agustinus Rangkap, M.Si.');
  });

  it('never leave an OPD’s heading, or a group’s, as the last line of a page', () => {
    for (const name of ['dip-five', 'dip-forty']) {
      pages[name]!.forEach((text, i) => {
        const lines = text.split('\n').map((l) => l.trim()).filter(Boolean);
        // The page's last body line comes before the footer's "Sidik dokumen" block.
        const foot = lines.findIndex((l) => l.startsWith('Sidik dokumen:'));
        const body = lines.slice(0, foot < 0 ? lines.length : foot);
        const lastRows = body.slice(-2).join(' ');
        // pdftotext -raw reads cell by cell: a heading row at a page's foot would be its last line.
        const last = body.at(-1)!;
        expect(OPD_HEADING.test(last) || /^Ditandatangani /.test(last) || /sidik [0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}$/.test(last), `${name} page ${i + 1}: ${lastRows}`).toBe(false);
        expect(/^[ABC]\. Informasi yang Wajib/.test(body.at(-1)!), `${name} page ${i + 1}: ${lastRows}`).toBe(false);
      });
    }
  });

  it('name on every page the OPD whose rows it holds', () => {
    for (const name of ['dip-five', 'dik-five', 'dip-forty']) {
      pages[name]!.forEach((text, i) => {
        const headings = text.split('\n').filter((l) => OPD_HEADING.test(l.trim()));
        expect(headings.length, `${name} page ${i + 1}`).toBeGreaterThan(0);
      });
    }
  });

  it('carry the consolidated list’s QR code on every page, read from a 150-dpi scan', () => {
    const qr = regencyFingerprint('dip', five).qrText;
    const codes = qrCodesPerPage(path.join(dir, 'dip-five.pdf'), 150);
    expect(codes).toHaveLength(info['dip-five']!.pages);
    for (const c of codes) expect(c).toEqual([qr]);
  });

  it('print forty OPD with every heading once, in order', () => {
    const all = flat(pages['dip-forty']!.join('\n'));
    let from = 0;
    forty.opds.forEach((o, i) => {
      const at = all.indexOf(o.opdName.toLocaleUpperCase('id-ID'), from);
      expect(at, `${i + 1}. ${o.opdName}`).toBeGreaterThanOrEqual(from);
      from = at + 1;
    });
    expect(flat(pages['dip-forty']!.at(-1)!)).toContain('selaku PPID Utama,');
  });
});

describe('the compliance report in LibreOffice', () => {
  it('names the late and the missing OPD, draws the bars and closes with the PPID Utama’s signature', () => {
    const all = flat(pages['compliance-five']!.join('\n'));
    expect(all).toContain('Terlambat (terlambat 4 hari kerja)');
    expect(all).toContain('Belum ada DIP (terlambat 6 hari kerja)');
    expect(all).toContain('B. Jumlah Informasi per Perangkat Daerah');
    expect(all).toContain('belum ada DIP yang ditandatangani');
    expect(flat(pages['compliance-five']!.at(-1)!)).toContain('selaku PPID Utama,');
  });
});
