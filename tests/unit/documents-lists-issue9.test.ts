import { beforeAll, describe, expect, it } from 'vitest';
import { buildDik, buildDip, buildUjiKonsekuensi, packDocx } from '../../electron/core/documents';
import { formatDecreeNumber } from '../../electron/core/domain/numbering';
import { settingsSchema } from '../../electron/core/domain/office';
import { ujiTestDate } from '../../electron/core/documents/shared/texts';
import { cycle40Items } from '../render/cycle-40';
import { allText, tableRows, unzipDocx } from '../render/docx-xml';
import { demoContext } from '../render/fixtures';

/**
 * Tracker issue 9, "Documents a Sekretariat would not send back": the DIP, the DIK and the
 * consequence-test sheets as word/document.xml says them. Expected words come from UU 14/2008
 * (Pasal 9–11 order, Pasal 17 huruf j, Pasal 18 ayat (2), Pasal 20 ayat (1)) and the paper a
 * Kepala signs by hand, not from the code.
 */

const items = cycle40Items();
const xmlOf = async (doc: ReturnType<typeof buildDip>) => unzipDocx(await packDocx(doc)).xml['word/document.xml']!;
const decree = { enabled: true, issuer: 'kepala' as const, pattern: '100.3.3/{urut}/{unit}/{tahun}' };

let dipKonsep: string;
let dipFinal: string;
let dikDraft: string;
let dikFinal: string;
let uji: string;
let dipDecreeKonsep: string;
let dikDecreeFinal: string;

beforeAll(async () => {
  dipKonsep = await xmlOf(buildDip(demoContext('konsep', { items })));
  dipFinal = await xmlOf(buildDip(demoContext('final', { items })));
  dikDraft = await xmlOf(buildDik(demoContext('draft', { items })));
  dikFinal = await xmlOf(buildDik(demoContext('final', { items })));
  uji = await xmlOf(buildUjiKonsekuensi(demoContext('konsep', { items })));
  const withDecree = (ctx: ReturnType<typeof demoContext>) => ({ ...ctx, settings: { ...ctx.settings, documents: { ...ctx.settings.documents, listDecree: decree } } });
  dipDecreeKonsep = await xmlOf(buildDip(withDecree(demoContext('konsep', { items }))));
  dikDecreeFinal = await xmlOf(buildDik(withDecree(demoContext('final', { items }))));
});

const numbered = (xml: string) => tableRows(xml).filter((r) => /^\d+\.$/.test(r.cells[0] ?? ''));

describe('DIP rows and pages', () => {
  it('lets long rows break across pages and keeps only short rows whole', () => {
    const rows = numbered(dipKonsep);
    expect(rows).toHaveLength(37);
    // A description of 450 characters or more runs to eight lines and more in its column (about
    // 65 characters a line at 10 pt on F4): such a row must not hold up a page.
    const long = rows.filter((r) => r.cells[1]!.length >= 450);
    expect(long.length).toBeGreaterThan(10);
    for (const r of long) expect(r.xml, r.cells[1]!.slice(0, 40)).not.toContain('<w:cantSplit/>');
    // The demo office's short rows stay whole.
    return xmlOf(buildDip(demoContext('konsep'))).then((short) => {
      const s = numbered(short);
      expect(s.length).toBeGreaterThan(5);
      for (const r of s) expect(r.xml).toContain('<w:cantSplit/>');
    });
  });

  it('repeats the column heads on every page and keeps the group head with its first row', () => {
    const rows = tableRows(dipKonsep);
    expect(rows[0]!.xml).toContain('<w:tblHeader/>');
    expect(rows[1]!.xml).toContain('<w:tblHeader/>');
    const heads = rows.filter((r) => /^[ABC]\. /.test(r.cells[0] ?? ''));
    for (const h of heads) expect(h.xml).toMatch(/<w:cantSplit\/>/);
  });

  it('groups the DIP as UU 14/2008 orders it: berkala (Pasal 9), serta merta (Pasal 10), setiap saat (Pasal 11)', () => {
    const heads = tableRows(dipKonsep)
      .map((r) => r.cells[0]!)
      .filter((c) => /^[ABC]\. /.test(c));
    expect(heads).toEqual([
      'A. Informasi yang Wajib Disediakan dan Diumumkan Secara Berkala',
      'B. Informasi yang Wajib Diumumkan Secara Serta Merta',
      'C. Informasi yang Wajib Tersedia Setiap Saat',
    ]);
    // Numbers run 1..n down the printed list, whatever order the items were entered in.
    expect(numbered(dipKonsep).map((r) => r.cells[0])).toEqual(Array.from({ length: 37 }, (_, i) => `${i + 1}.`));
  });
});

describe('the signing date', () => {
  it('leaves the date of a Konsep or Draft to be written by hand, in the cycle\u2019s year', () => {
    for (const xml of [dipKonsep, dikDraft]) {
      expect(allText(xml)).toContain('Putussibau, ……………… 2026');
      // The day of printing (25 November 2026 in the fixture) is not the signing date.
      expect(allText(xml)).not.toContain('25 November 2026');
    }
  });

  it('prints the signing date on the signed list', () => {
    for (const xml of [dipFinal, dikFinal]) {
      expect(allText(xml)).toContain('Putussibau, 25 November 2026');
      expect(allText(xml)).not.toContain('………………');
    }
  });
});

describe('legal basis and period of an exemption', () => {
  it('cites another law through Pasal 17 huruf j, in the DIK and on the consequence-test sheet', () => {
    const basis = 'Pasal 17 huruf j UU Nomor 14 Tahun 2008 jo. Pasal 21 Undang-Undang Nomor 16 Tahun 1997 tentang Statistik';
    const dik = numbered(dikFinal).find((r) => r.cells[1]!.startsWith('Data individu responden'))!;
    expect(dik.cells[2]!.split('\n')[0]).toBe(basis);
    const sheet = tableRows(uji).find((r) => r.cells[1] === 'Dasar hukum pengecualian' && r.cells[2]!.includes('Statistik'))!;
    expect(sheet.cells[2]!.split('\n')[0]).toBe(basis);
  });

  it('says why personal information has no period and when it opens all the same (Pasal 20 ayat (1), Pasal 18 ayat (2))', () => {
    const health = numbered(dikFinal).find((r) => r.cells[1]!.startsWith('Data riwayat kesehatan'))!;
    const period = health.cells[5]!;
    expect(period).toMatch(/^Tidak dibatasi waktu/);
    expect(period).toContain('Pasal 20 ayat (1) UU Nomor 14 Tahun 2008');
    expect(period).toContain('huruf a–f');
    expect(period).toContain('menyetujui secara tertulis');
    expect(period).toContain('Pasal 18 ayat (2)');
    // Pasal 20 ayat (1) is not itself the ground of a permanent exemption.
    expect(period).not.toContain('jo. Pasal 20');
  });
});

describe('the consequence-test sheets', () => {
  it('numbers each sheet and each sheet\u2019s pages, and names the item over a continuation page', async () => {
    const parts = unzipDocx(await packDocx(buildUjiKonsekuensi(demoContext('konsep', { items }))));
    const text = allText(uji);
    for (const n of [1, 2, 3]) expect(text).toContain(`Lembar ${n} dari 3 — Daftar Informasi yang Dikecualikan Tahun 2026`);
    const headers = Object.entries(parts.xml)
      .filter(([name]) => /^word\/header\d+\.xml$/.test(name))
      .map(([, xml]) => allText(xml));
    expect(headers).toContain('Lembar Uji Konsekuensi 2 dari 3 (lanjutan) — Kunci kriptografi dan konfigurasi keamanan jaringan intra pemerintah');
    const footers = Object.entries(parts.xml)
      .filter(([name]) => /^word\/footer\d+\.xml$/.test(name))
      .map(([, xml]) => xml);
    expect(footers.some((f) => f.includes('Lembar Uji Konsekuensi 3 dari 3 · halaman ') && f.includes('PAGE'))).toBe(true);
  });

  it('reads the test\u2019s date from one place, the recorded test when there is one', () => {
    const now = new Date('2026-11-25T03:00:00.000Z');
    expect(ujiTestDate({ year: 2026 }, now)).toBe(now);
    expect(ujiTestDate({ year: 2026, ujiKonsekuensi: { at: '2026-11-20T02:00:00.000Z' } }, now)).toBe('2026-11-20T02:00:00.000Z');
  });
});

describe('lists set by a Keputusan', () => {
  it('is off by default: no lampiran heading', () => {
    expect(settingsSchema.shape.documents.parse({}).listDecree.enabled).toBe(false);
    expect(allText(dipKonsep)).not.toContain('LAMPIRAN');
  });

  it('heads the list as the Keputusan\u2019s lampiran, the number\u2019s running part and an unsigned date left to the hand', () => {
    const rows = tableRows(dipDecreeKonsep).slice(0, 5).map((r) => r.cells.slice(1).join(' '));
    expect(rows).toEqual([
      'LAMPIRAN',
      'KEPUTUSAN KEPALA DINAS KOMUNIKASI, INFORMATIKA DAN STATISTIK KABUPATEN KAPUAS HULU',
      'NOMOR : 100.3.3/……/Diskominfotik/2026',
      'TANGGAL : ……………… 2026',
      'TENTANG : DAFTAR INFORMASI PUBLIK TAHUN 2026',
    ]);
  });

  it('dates the signed list\u2019s Keputusan on the signing day', () => {
    const rows = tableRows(dikDecreeFinal).slice(0, 5).map((r) => r.cells.slice(1).join(' '));
    expect(rows.slice(2)).toEqual(['NOMOR : 100.3.3/……/Diskominfotik/2026', 'TANGGAL : 25 November 2026', 'TENTANG : DAFTAR INFORMASI YANG DIKECUALIKAN TAHUN 2026']);
  });

  it('formats the number in the office\u2019s zone, with the month of signing and the running number for the hand', () => {
    // 31 December 2026, 23.30 WIB: the office is still in December 2026.
    const late = new Date('2026-12-31T16:30:00.000Z');
    expect(formatDecreeNumber('{kode}/{urut}/{unit}/{bulan}/{tahun}', { kode: '100.3.3', unit: 'DKIS', year: 2026, date: late, timeZone: 'Asia/Jakarta' })).toBe(
      '100.3.3/……/DKIS/XII/2026',
    );
    expect(formatDecreeNumber('{kode}/{urut}/{unit}/{bulan}/{tahun}', { kode: '100.3.3', unit: 'DKIS', year: 2027, date: null })).toBe('100.3.3/……/DKIS/……/2027');
  });
});
