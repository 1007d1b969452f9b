import { fileTypeFromBuffer } from 'file-type/core';

/**
 * What a file is, read from its bytes: names and declared types can lie. Binary formats
 * are recognised by file-type; text, which has no signature, by having no control
 * characters, and a web page among texts by its opening tag.
 */
export interface Sniffed {
  /** file-type's name for the format ('pdf', 'docx', 'exe', 'cfb' …), or 'html' / 'txt'. */
  ext: string;
  mime: string;
}

const HTML_START = /^\s*(<!--[\s\S]*?-->\s*)*<(!doctype\s+html|html|head|body|script|iframe|svg)\b/i;

/** Tab, line feed, form feed and carriage return are text; other C0 controls and DEL mean binary. */
function isTextCode(c: number): boolean {
  return c >= 0x20 ? c !== 0x7f : c === 0x09 || c === 0x0a || c === 0x0c || c === 0x0d;
}

/**
 * The text of bytes that are text: UTF-8, UTF-16 with a byte-order mark (Notepad's
 * "Unicode"), or a single-byte code page (Excel's "CSV" on Windows is Windows-1252).
 */
function asText(bytes: Uint8Array): string | null {
  const bom16 = bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff));
  if (bom16) {
    let text: string;
    try {
      text = new TextDecoder(bytes[0] === 0xff ? 'utf-16le' : 'utf-16be', { fatal: true }).decode(bytes);
    } catch {
      return null;
    }
    for (let i = 0; i < text.length; i++) if (!isTextCode(text.charCodeAt(i))) return null;
    return text;
  }
  for (const b of bytes) if (!isTextCode(b)) return null;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

export async function sniff(bytes: Uint8Array): Promise<Sniffed | null> {
  // A view in this realm's Uint8Array: a Buffer made in another realm (a test's jsdom
  // window, a worker) fails file-type's instanceof check though its bytes are fine.
  const found = await fileTypeFromBuffer(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  if (found) return { ext: found.ext, mime: found.mime };
  const text = asText(bytes);
  if (text === null) return null;
  if (HTML_START.test(text) || /<script\b/i.test(text)) return { ext: 'html', mime: 'text/html' };
  return { ext: 'txt', mime: 'text/plain' };
}

const LABELS: Record<string, string> = {
  pdf: 'PDF',
  jpg: 'gambar JPEG',
  png: 'gambar PNG',
  gif: 'gambar GIF',
  webp: 'gambar WebP',
  docx: 'dokumen Word (DOCX)',
  xlsx: 'lembar kerja Excel (XLSX)',
  pptx: 'presentasi PowerPoint (PPTX)',
  odt: 'dokumen OpenDocument (ODT)',
  ods: 'lembar kerja OpenDocument (ODS)',
  cfb: 'dokumen Office lama (DOC/XLS/PPT)',
  exe: 'program Windows (EXE)',
  elf: 'program Linux',
  msi: 'penginstal Windows (MSI)',
  zip: 'arsip ZIP',
  rar: 'arsip RAR',
  '7z': 'arsip 7-Zip',
  html: 'halaman web (HTML)',
  xml: 'berkas XML',
  txt: 'teks biasa',
};

/** How the content is named to the user, in Indonesian. */
export function describeContent(s: Sniffed | null): string {
  if (!s) return 'data yang tidak dikenali';
  return LABELS[s.ext] ?? `berkas ${s.ext.toUpperCase()}`;
}
