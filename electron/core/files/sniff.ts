import { fileTypeFromBuffer } from 'file-type/core';

/**
 * What a file is, read from its bytes: names and declared types can lie. Binary formats
 * are recognised by file-type; text, which has no signature, by being valid UTF-8 without
 * control characters, and a web page among texts by its opening tag.
 */
export interface Sniffed {
  /** file-type's name for the format ('pdf', 'docx', 'exe', 'cfb' …), or 'html' / 'txt'. */
  ext: string;
  mime: string;
}

const HTML_START = /^\s*(<!--[\s\S]*?-->\s*)*<(!doctype\s+html|html|head|body|script|iframe|svg)\b/i;

/** Tab, line feed, form feed and carriage return are text; other C0 controls and DEL mean binary. */
const TEXT_CONTROLS = new Set([0x09, 0x0a, 0x0c, 0x0d]);

function asText(bytes: Uint8Array): string | null {
  for (const b of bytes) if ((b < 0x20 && !TEXT_CONTROLS.has(b)) || b === 0x7f) return null;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

export async function sniff(bytes: Uint8Array): Promise<Sniffed | null> {
  const found = await fileTypeFromBuffer(bytes);
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
