import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Document } from 'docx';
import { buildDik, buildDip, buildNotaDinas, documentFingerprint, packDocx } from '../../electron/core/documents';
import { demoContext, longItems } from './fixtures';
import { convertToPdf, pdfInfo, pdfPages, qrCodesPerPage, requireTools } from './libreoffice';

/**
 * Issue 9, as a Sekretariat reads the paper: a Nota Dinas for a 40-item cycle is one page
 * with a lampiran, its kop leaves no word alone on a line, and the QR of every page of a
 * signed list reads from a 150-dpi scan.
 */
const items = longItems(40);
const ndF4 = demoContext('konsep', { items, listed: 40 });
const ndA4 = demoContext('nota_dinas', { paper: 'A4', items, listed: 40 });
const finalF4 = demoContext('final');
const finalA4 = demoContext('final', { paper: 'A4', items: longItems(30) });
const docs: Record<string, () => Document> = {
  'nd40-f4': () => buildNotaDinas(ndF4),
  'nd40-a4': () => buildNotaDinas(ndA4),
  'dip-f4': () => buildDip(finalF4),
  'dik-f4': () => buildDik(finalF4),
  'dip-a4': () => buildDip(finalA4),
  'dik-a4': () => buildDik(finalA4),
};

let dir: string;
const pages: Record<string, string[]> = {};
const files: Record<string, string> = {};

beforeAll(async () => {
  requireTools();
  dir = mkdtempSync(path.join(os.tmpdir(), 'ppid-render-nd-'));
  const docx: string[] = [];
  for (const [name, build] of Object.entries(docs)) {
    const file = path.join(dir, `${name}.docx`);
    writeFileSync(file, await packDocx(build()));
    docx.push(file);
    files[name] = path.join(dir, `${name}.pdf`);
  }
  convertToPdf(docx, dir);
  for (const name of Object.keys(docs)) pages[name] = pdfPages(files[name]!);
}, 180_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** The kop's lines: what pdftotext lays out above "NOTA DINAS", less the KONSEP mark. */
function kopLines(page: string): string[] {
  const head = page.slice(0, page.indexOf('NOTA DINAS'));
  return head
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('KONSEP'));
}

describe.each([
  ['F4', 'nd40-f4', ndF4],
  ['A4', 'nd40-a4', ndA4],
] as const)('a Nota Dinas for 40 items on %s', (_paper, name, ctx) => {
  it('is one page, with the list on a lampiran headed by its number and date', () => {
    const p = pages[name]!;
    expect(pdfInfo(files[name]!).pages).toBe(p.length);
    expect(p.length).toBeGreaterThanOrEqual(2);
    const [first, ...lampiran] = p;
    expect(first).toMatch(/Lampiran\s+:\s+1 \(satu\) berkas/);
    expect(first).toContain('sebagaimana tercantum dalam Lampiran Nota');
    // The memo's own page ends with the ketua's signature and holds none of the items.
    expect(first).toContain('Yuliana Sari, S.Sos., M.AP.');
    expect(first).not.toContain('(berkas 1)');
    expect(lampiran[0]).toMatch(/^\s*(KONSEP — belum diterbitkan\s*)?Lampiran Nota Dinas/);
    const number = ctx.cycle.notaDinas.number ?? '…/…/…/…';
    expect(lampiran[0]!.replace(/\s+/g, ' ')).toContain(`Nomor : ${number}`);
    expect(lampiran[0]).toMatch(/Tanggal\s+:\s+\d{1,2} November 2026/);
    const all = lampiran.join('\n');
    for (let i = 1; i <= 40; i++) expect(all.split(`(berkas ${i})`).length - 1, `item ${i}`).toBe(1);
    expect(lampiran.at(-1)).toContain('Yuliana Sari, S.Sos., M.AP.');
  });

  it('prints the tembusan once, in the head', () => {
    const first = pages[name]![0]!;
    expect(first).toMatch(/Tembusan\s+:\s+Kepala Dinas Komunikasi, Informatika dan Statistik/);
    expect(pages[name]!.join('\n')).not.toContain('Tembusan:');
  });

  it('leaves no word alone on a line of the kop', () => {
    const lines = kopLines(pages[name]![0]!);
    expect(lines.join('\n')).toContain('PEMERINTAH KABUPATEN KAPUAS HULU');
    expect(lines.join(' ')).toContain('78711');
    for (const line of lines) expect(line.split(/\s+/).length, `kop line "${line}"`).toBeGreaterThan(1);
  });
});

describe('the QR code of a signed list', () => {
  it.each(['dip-f4', 'dik-f4', 'dip-a4', 'dik-a4'])('reads from every page of %s scanned at 150 dpi', (name) => {
    const kind = name.startsWith('dip') ? 'dip' : 'dik';
    const cycle = (name.endsWith('a4') ? finalA4 : finalF4).cycle;
    const expected = documentFingerprint(kind, cycle).qrText;
    const scanned = qrCodesPerPage(files[name]!, 150);
    expect(scanned.length).toBe(pages[name]!.length);
    scanned.forEach((codes, i) => expect(codes, `page ${i + 1}`).toEqual([expected]));
  }, 60_000);
});
