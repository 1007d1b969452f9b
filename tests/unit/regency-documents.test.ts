import { describe, expect, it } from 'vitest';
import { Document, Packer } from 'docx';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { buildRegencyDip } from '../../electron/core/documents/docx/regency-dip';
import { buildRegencyDik } from '../../electron/core/documents/docx/regency-dik';
import { buildCompliance } from '../../electron/core/documents/docx/compliance';
import { packDocx } from '../../electron/core/documents/docx/pack';
import { fixedTable } from '../../electron/core/documents/docx/parts/table';
import { plainRowSpec, plainRowsXml, type PlainRow } from '../../electron/core/documents/docx/parts/raw-rows';
import { parseRegencyQr, regencyFingerprint, verifyRegencyPayload } from '../../electron/core/documents/docx/regency-fingerprint';
import { canonicalJson } from '../../electron/core/documents/docx/parts/fingerprint';
import { buildRegencyXlsx } from '../../electron/core/documents/publish/regency-xlsx';
import { buildComplianceXlsx } from '../../electron/core/documents/publish/compliance-xlsx';
import { regencyFingerprintContent, regencyInputSchema, type RegencyInput } from '../../electron/core/documents/shared/regency';
import { barSegments, complianceReport } from '../../electron/core/documents/shared/compliance';
import { themeOf } from '../../electron/core/documents/shared/texts';
import { headerFooterPart, paragraphs, tableRows, unzipDocx } from '../render/docx-xml';
import { BKAD, DINKES, DISDIK, KECAMATAN, listFingerprint, PUPR, regencyContext, regencyInput, utamaSettings } from '../fixtures/regency';

/**
 * The PPID Utama's documents for Kabupaten Kapuas Hulu 2026, read back as a reader of the
 * paper, the workbook or the verify page sees them. Expected values come from the fixture's
 * table (tests/fixtures/regency.ts), written out by hand.
 */

const TZ = 'Asia/Jakarta';

async function docxOf(doc: Document) {
  const parts = unzipDocx(await packDocx(doc));
  return { parts, xml: parts.xml['word/document.xml']!, rows: tableRows(parts.xml['word/document.xml']!) };
}

/** The column heads and their numbers, repeated at the top of every OPD's table. */
const isColumnHead = (cells: string[]) => cells[0] === 'No.' || (cells[0] === '1' && cells[1] === '2');
const judulOf = (o: { items: { fields: { judul: string; kategori: string } }[] }, pick: (k: string) => boolean) => o.items.filter((i) => pick(i.fields.kategori)).map((i) => i.fields.judul);
const firstLine = (cell: string) => cell.split('\n')[0]!;

describe('the consolidated DIP (DOCX)', () => {
  it('prints every OPD under its heading, in the register’s order, with who signed its list and its fingerprint', async () => {
    const { rows } = await docxOf(buildRegencyDip(regencyContext()));
    const headings = rows.filter((r) => r.cells.length === 1 && /^[IVX]+\. /.test(r.cells[0]!)).map((r) => r.cells[0]!);
    expect(headings.map(firstLine)).toEqual([
      'I. DINAS PENDIDIKAN',
      'II. DINAS KESEHATAN',
      'III. DINAS PEKERJAAN UMUM DAN PENATAAN RUANG',
      'IV. BADAN KEUANGAN DAN ASET DAERAH',
      'V. KECAMATAN PUTUSSIBAU UTARA',
    ]);
    expect(headings[0]).toContain(`Ditandatangani Dr. Yosef Kanisius, M.Pd. pada 3 Desember 2026, sidik ${listFingerprint('opd-disdik', 'dip').short}`);
    expect(headings[1]).toContain(`Ditandatangani dr. Maria Magdalena Lenny, M.Kes. pada 15 Desember 2026, sidik ${listFingerprint('opd-dinkes', 'dip').short}`);
    // The Kecamatan's Konsep is still with its PPID Pembantu: named, none of its items printed.
    expect(headings[4]).toContain('Belum ada daftar yang ditandatangani Kepala OPD (tahap 4: Pemeriksaan PPID Pembantu)');
    // A signed OPD's heading repeats, under the column heads, on every page its rows run over.
    const headingRows = rows.filter((r) => r.cells.length === 1 && /^[IVX]+\. /.test(r.cells[0]!));
    expect(headingRows.map((r) => r.xml.includes('<w:tblHeader/>'))).toEqual([true, true, true, true, false]);
  });

  it('puts each OPD’s items in the law’s groups, numbered as the OPD’s own signed list', async () => {
    const { rows } = await docxOf(buildRegencyDip(regencyContext()));
    const text = rows.map((r) => r.cells).filter((c) => !isColumnHead(c));
    const opdAt = (title: string) => text.findIndex((c) => c.length === 1 && firstLine(c[0]!) === title);
    const section = (from: string, to: string | null) => text.slice(opdAt(from) + 1, to ? opdAt(to) : text.length - 1);

    // Dinas Kesehatan: 8 berkala, 4 serta merta, 15 setiap saat, numbered 1–27 through the groups; its 3 exempt items are not here.
    const dinkes = section('II. DINAS KESEHATAN', 'III. DINAS PEKERJAAN UMUM DAN PENATAAN RUANG');
    const groups = dinkes.filter((c) => c.length === 1).map((c) => c[0]);
    expect(groups).toEqual([
      'A. Informasi yang Wajib Disediakan dan Diumumkan Secara Berkala',
      'B. Informasi yang Wajib Diumumkan Secara Serta Merta',
      'C. Informasi yang Wajib Tersedia Setiap Saat',
    ]);
    const items = dinkes.filter((c) => c.length === 7 && /^\d+\.$/.test(c[0]!));
    expect(items.map((c) => c[0])).toEqual(Array.from({ length: 27 }, (_, i) => `${i + 1}.`));
    expect(items.map((c) => firstLine(c[1]!))).toEqual([
      ...judulOf(DINKES, (k) => k === 'berkala'),
      ...judulOf(DINKES, (k) => k === 'serta_merta'),
      ...judulOf(DINKES, (k) => k === 'setiap_saat'),
    ]);

    // PUPR has no serta merta item: the group says so, as in its own list.
    const pupr = section('III. DINAS PEKERJAAN UMUM DAN PENATAAN RUANG', 'IV. BADAN KEUANGAN DAN ASET DAERAH');
    const serta = pupr.findIndex((c) => c[0] === 'B. Informasi yang Wajib Diumumkan Secara Serta Merta');
    expect(pupr[serta + 1]).toEqual(['', 'Tidak ada informasi dalam kelompok ini.']);

    // Every published item of every signed OPD, once; nothing of the Kecamatan's.
    const printed = text.filter((c) => c.length === 7 && /^\d+\.$/.test(c[0]!)).map((c) => firstLine(c[1]!));
    const published = [DISDIK, DINKES, PUPR, BKAD].flatMap((o) => judulOf(o, (k) => k !== 'dikecualikan'));
    expect(printed.sort()).toEqual([...published].sort());
    expect(printed).toHaveLength(11 + 27 + 7 + 7);
    for (const j of judulOf(KECAMATAN, () => true)) expect(printed).not.toContain(j);
  });

  it('has the kop of the PPID Utama’s office, the title of the regency and the PPID Utama’s signature', async () => {
    const { xml, rows } = await docxOf(buildRegencyDip(regencyContext()));
    const paras = paragraphs(xml);
    expect(rows[0]!.cells[1]).toContain('DINAS KOMUNIKASI, INFORMATIKA DAN STATISTIK');
    const at = paras.indexOf('DAFTAR INFORMASI PUBLIK');
    expect(paras.slice(at, at + 4)).toEqual([
      'DAFTAR INFORMASI PUBLIK',
      'PEMERINTAH KABUPATEN KAPUAS HULU',
      'TAHUN 2026',
      'Gabungan daftar 4 dari 5 perangkat daerah yang telah ditandatangani Kepala OPD masing-masing. Belum ditandatangani: Kecamatan Putussibau Utara.',
    ]);
    expect(rows.at(-1)!.cells[0]!.split('\n')).toEqual([
      'Putussibau, 20 Desember 2026',
      'KEPALA DINAS KOMUNIKASI, INFORMATIKA DAN STATISTIK KABUPATEN KAPUAS HULU',
      'selaku PPID Utama,',
      'Drs. Agustinus Rangkap, M.Si.',
      'Pembina Tingkat I (IV/b)',
      'NIP. 19700817 199503 1 004',
    ]);
    // BKAD's last row keeps with what follows — the gap, the Kecamatan's heading (still missing), the
    // signature: the PPID Utama never signs a page holding nothing of the list.
    const lastItem = rows.findIndex((r) => r.cells[1]?.startsWith('Data penerimaan pajak daerah per jenis pajak'));
    expect(rows[lastItem]!.xml).toContain('<w:keepNext/>');
    expect(rows[lastItem + 1]!.cells[0]).toMatch(/^V\. KECAMATAN PUTUSSIBAU UTARA/);
    expect(rows[lastItem + 1]!.xml).toContain('<w:keepNext/>');
    expect(rows[lastItem + 2]).toBe(rows.at(-1));
    const gapBefore = xml.slice(xml.lastIndexOf('</w:tbl>', xml.indexOf('V. KECAMATAN PUTUSSIBAU UTARA')));
    expect(/^<\/w:tbl><w:p><w:pPr><w:keepNext\/>/.test(gapBefore)).toBe(true);
  });

  it('carries its own fingerprint and a QR code of the form PPIDDESK:DIPKAB:<year>:<32 hex> on every page once signed', async () => {
    const input = regencyInput();
    const { parts } = await docxOf(buildRegencyDip(regencyContext(input)));
    const fp = regencyFingerprint('dip', input);
    expect(fp.qrText).toMatch(/^PPIDDESK:DIPKAB:2026:[0-9A-F]{32}$/);
    const footer = headerFooterPart(parts, 'footer', 'default')!;
    expect(paragraphs(footer)).toContain(`Sidik dokumen: ${fp.short}`);
    expect(footer).toContain(fp.qrText);
    expect(paragraphs(headerFooterPart(parts, 'header', 'default')!).join('')).toBe('');
  });

  it('prints a Draft, with the date left to the hand and no seal, before the PPID Utama signs', async () => {
    const { parts, rows } = await docxOf(buildRegencyDip(regencyContext(regencyInput(undefined, null))));
    expect(paragraphs(headerFooterPart(parts, 'header', 'default')!)).toContain('DRAFT — belum ditandatangani');
    expect(headerFooterPart(parts, 'footer', 'default')).not.toContain('Sidik dokumen');
    expect(rows.at(-1)!.cells[0]!.split('\n')[0]).toBe('Putussibau, ……………… 2026');
  });
});

describe('the consolidated DIK (DOCX)', () => {
  it('prints each OPD’s exempt items under its heading, numbered as its own DIK', async () => {
    const { rows } = await docxOf(buildRegencyDik(regencyContext()));
    const body = rows
      .slice(1, -1)
      .map((r) => r.cells)
      .filter((c) => !isColumnHead(c));
    const lines = body.map((c) => (c.length === 1 ? firstLine(c[0]!) : `${c[0]} ${firstLine(c[1]!)}`.trim()));
    expect(lines).toEqual([
      'I. DINAS PENDIDIKAN',
      '1. Berkas penilaian kinerja dan data pribadi guru',
      'II. DINAS KESEHATAN',
      '1. Rekam medis pasien puskesmas',
      '2. Data pasien HIV/AIDS dan tuberkulosis by name by address',
      '3. Dokumen rencana pengadaan obat yang belum diumumkan',
      'III. DINAS PEKERJAAN UMUM DAN PENATAAN RUANG',
      'Tidak ada informasi yang dikecualikan.',
      'IV. BADAN KEUANGAN DAN ASET DAERAH',
      '1. Data rekening dan kondisi keuangan wajib pajak orang pribadi',
      '2. Rencana awal penjualan tanah dan bangunan milik daerah',
      'V. KECAMATAN PUTUSSIBAU UTARA',
    ]);
    // The heading names the OPD's DIK fingerprint, not its DIP's.
    expect(body[2]![0]).toContain(`sidik ${listFingerprint('opd-dinkes', 'dik').short}`);
    // The statutory DIK columns: the basis and the period as the OPD's own DIK prints them.
    const bkadSale = body[10]!;
    expect(bkadSale[2]).toContain('Pasal 17 huruf e angka 4 UU Nomor 14 Tahun 2008');
    expect(bkadSale[5]).toBe('2 tahun atau sampai penjualan diputuskan');
  });
});

describe('rows written as text', () => {
  const theme = themeOf(utamaSettings());
  const awkward: PlainRow[] = [
    { keepNext: true, cells: [{ span: 3, shading: 'D6DCE4', lines: [{ text: 'I. DINAS "A" & <B>', bold: true, after: 20 }, { text: "Kepala's note", italics: true }] }] },
    { cells: [{ lines: [] }, { span: 2, lines: [{ text: '  ', italics: true }] }] },
    { cantSplit: false, cells: [{ lines: [{ text: '1.', center: true }] }, { lines: [{ text: 'baris satu\nbaris dua\r\nbaris tiga\tdengan tab', bold: false }] }, { lines: [] }] },
    { keepNext: true, cells: [{ lines: [] }, { lines: [{ text: 'Ü ñ — “kutip” 😀', after: 40 }, { text: 'akhir' }] }, { lines: [{ text: 'x' }] }] },
  ];

  async function docxRowsXml(rows: PlainRow[], widths: number[]): Promise<string> {
    const doc = new Document({ sections: [{ children: [fixedTable(widths, rows.map((r) => plainRowSpec(r, theme)))] }] });
    const xml = unzipDocx(await Packer.toBuffer(doc)).xml['word/document.xml']!;
    return tableRows(xml).map((r) => r.xml).join('');
  }

  it('are byte for byte what docx writes for the same rows', async () => {
    const widths = [800, 5000, 2000];
    expect(plainRowsXml(awkward, widths, theme)).toBe(await docxRowsXml(awkward, widths));
  });

  it('land in the packed document in place of their marker', async () => {
    const { xml } = await docxOf(buildRegencyDip(regencyContext()));
    expect(xml).not.toContain('PPIDDESK-RAW-ROWS');
    // The kop's table, then one table per OPD.
    expect(xml.match(/<w:tbl>/g)).toHaveLength(1 + 5);
  });
});

describe('the consolidated fingerprint and its verification', () => {
  it('covers every OPD’s own signed fingerprint and rows, not the kop', () => {
    const input = regencyInput();
    const base = regencyFingerprint('dip', input).sha256;
    const otherSig = structuredClone(input);
    otherSig.opds[1]!.signed!.fingerprints.dip.sha256 = 'f'.repeat(64);
    expect(regencyFingerprint('dip', otherSig).sha256).not.toBe(base);
    const otherRow = structuredClone(input);
    otherRow.opds[0]!.items[0]!.fields.ringkasan += ' (diubah)';
    expect(regencyFingerprint('dip', otherRow).sha256).not.toBe(base);
    // An exempt item's wording is not in the DIP: the DIP's fingerprint stays, the DIK's moves.
    const exempt = structuredClone(input);
    exempt.opds[0]!.items[11]!.fields.exemption.konsekuensi += ' Lagi.';
    expect(regencyFingerprint('dip', exempt).sha256).toBe(base);
    expect(regencyFingerprint('dik', exempt).sha256).not.toBe(regencyFingerprint('dik', input).sha256);
    // The kop and the paper are the PPID Utama's settings, outside the content.
    expect(regencyFingerprint('dip', input).sha256).toBe(base);
  });

  it('names each OPD’s own signed version from the payload, and refuses a payload the paper does not match', () => {
    const input = regencyInput();
    const fp = regencyFingerprint('dip', input);
    const payload = canonicalJson(regencyFingerprintContent('dip', input));
    const v = verifyRegencyPayload(payload, fp.qrText);
    expect(v.ok).toBe(true);
    if (!v.ok) return;
    expect(v.sha256).toBe(fp.sha256);
    expect(v.signed).toEqual({ at: '2026-12-20T02:00:00.000Z', by: 'Drs. Agustinus Rangkap, M.Si.' });
    expect(v.versions.map((o) => [o.opdName, o.signed?.short ?? null, o.signed?.by ?? null, o.signed?.rows ?? null])).toEqual([
      ['Dinas Pendidikan', listFingerprint('opd-disdik', 'dip').short, 'Dr. Yosef Kanisius, M.Pd.', 11],
      ['Dinas Kesehatan', listFingerprint('opd-dinkes', 'dip').short, 'dr. Maria Magdalena Lenny, M.Kes.', 27],
      ['Dinas Pekerjaan Umum dan Penataan Ruang', listFingerprint('opd-pupr', 'dip').short, 'Ir. Antonius Rinto, M.T.', 7],
      ['Badan Keuangan dan Aset Daerah', listFingerprint('opd-bkad', 'dip').short, 'Hendrikus Anyang, S.E., M.Si.', 7],
      ['Kecamatan Putussibau Utara', null, null, null],
    ]);
    expect(v.versions[1]!.signed!.sha256).toBe(listFingerprint('opd-dinkes', 'dip').sha256);
    // The short code typed from the paper works too.
    expect(verifyRegencyPayload(payload, fp.short.toLowerCase()).ok).toBe(true);

    const tampered = payload.replace('Rekam medis', 'Rekam');
    expect(verifyRegencyPayload(payload.replace('"Dinas Kesehatan"', '"Dinas Kesehatan "'), fp.qrText)).toEqual({
      ok: false,
      message: 'Sidik pada lembar tidak sesuai dengan isi daftar gabungan ini: lembar atau isinya telah berubah.',
    });
    expect(verifyRegencyPayload(tampered, fp.qrText).ok).toBe(true); // the DIK's wording is not in the DIP's payload
    expect(verifyRegencyPayload('{"app":"lain"}')).toEqual({ ok: false, message: 'Bukan isi sidik PPID Desk.' });
    expect(verifyRegencyPayload('bukan json')).toEqual({ ok: false, message: 'Isi sidik bukan JSON yang sah.' });
    expect(parseRegencyQr(fp.qrText)).toEqual({ kind: 'dip', year: 2026, sha256Prefix: fp.sha256.slice(0, 32) });
  });
});

describe('the input check', () => {
  it('refuses an OPD listed twice and a fingerprint that is not SHA-256, in Indonesian', () => {
    const twice: RegencyInput = regencyInput([DISDIK, DINKES, DISDIK]);
    const r = regencyInputSchema.safeParse(twice);
    expect(r.success).toBe(false);
    expect(r.error!.issues.map((i) => i.message)).toContain('OPD "Dinas Pendidikan" tercantum dua kali.');
    const bad = structuredClone(regencyInput());
    bad.opds[0]!.signed!.fingerprints.dip.sha256 = 'abc';
    expect(regencyInputSchema.safeParse(bad).error!.issues[0]!.message).toBe('Sidik daftar OPD harus SHA-256 (64 angka heksadesimal).');
    // What the schema lets through is what the builders take (tsc checks the assignment).
    const parsed: RegencyInput = regencyInputSchema.parse(regencyInput());
    expect(parsed).toEqual(regencyInput());
  });
});

describe('the compliance report', () => {
  it('counts, per OPD and in all, what the fixture holds', () => {
    const report = complianceReport(regencyInput(), TZ);
    expect(report.rows.map((r) => [r.opdName, r.status, r.statusText, r.detail, r.counts, r.total])).toEqual([
      ['Dinas Pendidikan', 'tepat_waktu', 'Tepat waktu', 'Ditandatangani 3 Desember 2026', { berkala: 4, serta_merta: 1, setiap_saat: 6, dikecualikan: 1 }, 12],
      ['Dinas Kesehatan', 'terlambat', 'Terlambat (terlambat 4 hari kerja)', 'Ditandatangani 15 Desember 2026', { berkala: 8, serta_merta: 4, setiap_saat: 15, dikecualikan: 3 }, 30],
      ['Dinas Pekerjaan Umum dan Penataan Ruang', 'tepat_waktu', 'Tepat waktu', 'Ditandatangani 4 Desember 2026', { berkala: 2, serta_merta: 0, setiap_saat: 5, dikecualikan: 0 }, 7],
      ['Badan Keuangan dan Aset Daerah', 'tepat_waktu', 'Tepat waktu', 'Ditandatangani 5 Desember 2026', { berkala: 3, serta_merta: 0, setiap_saat: 4, dikecualikan: 2 }, 9],
      // Late as well, but no signed DIP is the finding that counts.
      ['Kecamatan Putussibau Utara', 'belum', 'Belum ada DIP (terlambat 6 hari kerja)', 'Tahap 4: Pemeriksaan PPID Pembantu', null, null],
    ]);
    expect(report.totals).toEqual({
      opds: 5,
      byStatus: { tepat_waktu: 3, terlambat: 1, belum: 1 },
      counts: { berkala: 17, serta_merta: 5, setiap_saat: 30, dikecualikan: 6 },
      total: 58,
    });
    expect(report.maxTotal).toBe(30);
    expect(report.rows.flatMap((r) => r.exemptions.map((e) => `${r.opdName} ${e.no}: ${e.jangkaWaktu}`))).toEqual([
      'Dinas Pendidikan 1: Tidak dibatasi waktu',
      'Dinas Kesehatan 1: Tidak dibatasi waktu',
      'Dinas Kesehatan 2: Tidak dibatasi waktu',
      'Dinas Kesehatan 3: Sampai pengumuman pengadaan',
      'Badan Keuangan dan Aset Daerah 1: Tidak dibatasi waktu',
      'Badan Keuangan dan Aset Daerah 2: 2 tahun atau sampai penjualan diputuskan',
    ]);
  });

  it('prints the status table, a bar per OPD as long as its share, the exempt items and the PPID Utama’s signature', async () => {
    const { rows, xml } = await docxOf(buildCompliance(regencyContext()));
    const cells = rows.map((r) => r.cells);
    const status = cells.findIndex((c) => c[0] === 'No.' && c[1] === 'Perangkat Daerah' && c[2] === 'Status DIP');
    expect(cells.slice(status + 1, status + 7)).toEqual([
      ['1.', 'Dinas Pendidikan', 'Tepat waktu', 'Ditandatangani 3 Desember 2026', '4', '1', '6', '1', '12'],
      ['2.', 'Dinas Kesehatan', 'Terlambat (terlambat 4 hari kerja)', 'Ditandatangani 15 Desember 2026', '8', '4', '15', '3', '30'],
      ['3.', 'Dinas Pekerjaan Umum dan Penataan Ruang', 'Tepat waktu', 'Ditandatangani 4 Desember 2026', '2', '0', '5', '0', '7'],
      ['4.', 'Badan Keuangan dan Aset Daerah', 'Tepat waktu', 'Ditandatangani 5 Desember 2026', '3', '0', '4', '2', '9'],
      ['5.', 'Kecamatan Putussibau Utara', 'Belum ada DIP (terlambat 6 hari kerja)', 'Tahap 4: Pemeriksaan PPID Pembantu', '-', '-', '-', '-', '-'],
      ['Jumlah', '17', '5', '30', '6', '58'],
    ]);
    // Bars: 40 units for the largest (30 items); Disdik 12/30 → 16; PUPR 7/30 → 9; BKAD 9/30 → 12.
    const bar = (name: string) => {
      const row = rows.find((r) => r.cells[0] === name)!;
      return [...row.xml.matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)]
        .filter((c) => /w:fill="(1F4E79|C55A11|9DC3E6|595959)"/.test(c[0]))
        .reduce((n, c) => n + Number(/<w:gridSpan w:val="(\d+)"/.exec(c[0])?.[1] ?? 1), 0);
    };
    expect([bar('1. Dinas Pendidikan'), bar('2. Dinas Kesehatan'), bar('3. Dinas Pekerjaan Umum dan Penataan Ruang'), bar('4. Badan Keuangan dan Aset Daerah')]).toEqual([16, 40, 9, 12]);
    expect(rows.find((r) => r.cells[0] === '5. Kecamatan Putussibau Utara')!.cells).toContain('belum ada DIP yang ditandatangani');
    const exempt = cells.findIndex((c) => c[2] === 'Informasi yang Dikecualikan');
    expect(cells.slice(exempt + 1, exempt + 7).map((c) => `${c[0]} ${c[1]} | ${c[2]} | ${c[4]}`)).toEqual([
      '1. Dinas Pendidikan | Berkas penilaian kinerja dan data pribadi guru | Tidak dibatasi waktu',
      '2. Dinas Kesehatan | Rekam medis pasien puskesmas | Tidak dibatasi waktu',
      '3. Dinas Kesehatan | Data pasien HIV/AIDS dan tuberkulosis by name by address | Tidak dibatasi waktu',
      '4. Dinas Kesehatan | Dokumen rencana pengadaan obat yang belum diumumkan | Sampai pengumuman pengadaan',
      '5. Badan Keuangan dan Aset Daerah | Data rekening dan kondisi keuangan wajib pajak orang pribadi | Tidak dibatasi waktu',
      '6. Badan Keuangan dan Aset Daerah | Rencana awal penjualan tanah dan bangunan milik daerah | 2 tahun atau sampai penjualan diputuskan',
    ]);
    expect(cells.at(-1)![0]!.split('\n').slice(0, 3)).toEqual(['Putussibau, 21 Desember 2026', 'KEPALA DINAS KOMUNIKASI, INFORMATIKA DAN STATISTIK KABUPATEN KAPUAS HULU', 'selaku PPID Utama,']);
    expect(paragraphs(xml)).toContain(
      'Dari 5 perangkat daerah, 3 menyampaikan Daftar Informasi Publik yang ditandatangani tepat waktu, 1 terlambat, dan 1 belum menyampaikan (Kecamatan Putussibau Utara). Daftar yang ditandatangani memuat 58 informasi, 6 di antaranya dikecualikan.',
    );
  });

  it('splits a bar into whole units that add up, each category with items keeping at least one', () => {
    const count = fc.nat({ max: 400 });
    fc.assert(
      fc.property(fc.record({ berkala: count, serta_merta: count, setiap_saat: count, dikecualikan: count }), fc.integer({ min: 0, max: 400 }), (counts, extra) => {
        const total = counts.berkala + counts.serta_merta + counts.setiap_saat + counts.dikecualikan;
        const max = total + extra;
        const segs = barSegments(counts, max, 40);
        if (!total) return segs.length === 0;
        const present = Object.values(counts).filter((n) => n > 0).length;
        const sum = segs.reduce((n, s) => n + s.units, 0);
        return (
          segs.every((s) => s.units >= 1 && counts[s.category] > 0) &&
          segs.length === present &&
          sum === Math.max(present, Math.min(40, Math.round((total / max) * 40)))
        );
      }),
    );
  });
});

describe('the workbooks', () => {
  async function read(bytes: Buffer) {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    return wb;
  }
  const text = (v: ExcelJS.CellValue): string =>
    v && typeof v === 'object' && 'richText' in v ? v.richText.map((p) => p.text).join('') : v === null || v === undefined ? '' : String(v);

  it('holds the consolidated DIP and DIK with OPD and category rows, heads frozen and printed on every page', async () => {
    const wb = await read(await buildRegencyXlsx(regencyContext()));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['DIP', 'DIK']);
    const dip = wb.getWorksheet('DIP')!;
    const col1: string[] = [];
    dip.eachRow({ includeEmpty: true }, (row, n) => (col1[n - 1] = text(row.getCell(1).value)));
    expect(col1.slice(0, 4)).toEqual(['DAFTAR INFORMASI PUBLIK', 'PEMERINTAH KABUPATEN KAPUAS HULU', 'TAHUN 2026', expect.stringContaining('Gabungan daftar 4 dari 5')]);
    const headRow = col1.indexOf('No.') + 1;
    expect(dip.getRow(headRow).getCell(2).value).toBe('Ringkasan Isi Informasi');
    expect(dip.views[0]).toMatchObject({ state: 'frozen', ySplit: headRow + 1 });
    expect(dip.pageSetup.printTitlesRow).toBe(`${headRow}:${headRow + 1}`);
    expect(dip.pageSetup.orientation).toBe('landscape');
    expect(dip.getColumn(2).width).toBeGreaterThan(dip.getColumn(1).width!);
    const headings = col1.filter((t) => /^[IVX]+\. /.test(t)).map((t) => t.split('\n')[0]);
    expect(headings).toEqual(['I. DINAS PENDIDIKAN', 'II. DINAS KESEHATAN', 'III. DINAS PEKERJAAN UMUM DAN PENATAAN RUANG', 'IV. BADAN KEUANGAN DAN ASET DAERAH', 'V. KECAMATAN PUTUSSIBAU UTARA']);
    expect(col1.filter((t) => t.startsWith('A. Informasi yang Wajib Disediakan'))).toHaveLength(4);
    const items: string[] = [];
    dip.eachRow((row) => {
      if (/^\d+\.$/.test(text(row.getCell(1).value))) items.push(text(row.getCell(2).value).split('\n')[0]!);
    });
    expect(items.sort()).toEqual([DISDIK, DINKES, PUPR, BKAD].flatMap((o) => judulOf(o, (k) => k !== 'dikecualikan')).sort());
    const fp = regencyFingerprint('dip', regencyInput());
    expect(col1.some((t) => t.includes(fp.qrText))).toBe(true);
    expect(dip.headerFooter.oddFooter).toContain(fp.short);

    const dik = wb.getWorksheet('DIK')!;
    const dikItems: string[] = [];
    dik.eachRow((row) => {
      if (/^\d+\.$/.test(text(row.getCell(1).value))) dikItems.push(`${text(row.getCell(1).value)} ${text(row.getCell(2).value).split('\n')[0]}`);
    });
    expect(dikItems).toHaveLength(6);
    expect(dikItems[3]).toBe('3. Dokumen rencana pengadaan obat yang belum diumumkan');
  });

  it('holds the compliance report as numbers a spreadsheet can sum', async () => {
    const wb = await read(await buildComplianceXlsx(regencyContext()));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Kepatuhan', 'Dikecualikan']);
    const ws = wb.getWorksheet('Kepatuhan')!;
    const rows: (string | number | null)[][] = [];
    ws.eachRow((row) => {
      const first = row.getCell(1).value;
      if (typeof first === 'number') rows.push([1, 2, 3, 5, 6, 7, 8, 9].map((c) => row.getCell(c).value as string | number | null));
    });
    expect(rows).toEqual([
      [1, 'Dinas Pendidikan', 'Tepat waktu', 4, 1, 6, 1, 12],
      [2, 'Dinas Kesehatan', 'Terlambat', 8, 4, 15, 3, 30],
      [3, 'Dinas Pekerjaan Umum dan Penataan Ruang', 'Tepat waktu', 2, 0, 5, 0, 7],
      [4, 'Badan Keuangan dan Aset Daerah', 'Tepat waktu', 3, 0, 4, 2, 9],
      [5, 'Kecamatan Putussibau Utara', 'Belum ada DIP', null, null, null, null, null],
    ]);
    let total: ExcelJS.CellValue = null;
    ws.eachRow((row) => {
      if (row.getCell(1).value === 'Jumlah') total = row.getCell(9).value;
    });
    expect(total).toMatchObject({ result: 58 });
    let dinkesDetail: ExcelJS.CellValue = null;
    ws.eachRow((row) => {
      if (row.getCell(2).value === 'Dinas Kesehatan') dinkesDetail = row.getCell(4).value;
    });
    expect(dinkesDetail).toBe('Ditandatangani 15 Desember 2026; terlambat 4 hari kerja');
    const view = ws.views[0] as { state?: string; ySplit?: number };
    expect(view.state).toBe('frozen');
    expect(ws.getRow(view.ySplit!).getCell(2).value).toBe('Perangkat Daerah');
    const ex = wb.getWorksheet('Dikecualikan')!;
    let exempt = 0;
    ex.eachRow((row) => {
      if (typeof row.getCell(1).value === 'number') exempt++;
    });
    expect(exempt).toBe(6);
  });
});
