import { createHash, randomUUID } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { AppError } from '../result';
import type { Attachment } from '../domain/workflow';
import { extensionOf, mimeForExtension } from '../files/mime';
import { describeContent, sniff } from '../files/sniff';
import { writeFileDurably } from '../store/durable-file';

/** Soft files of an item: content-addressed under files/, so the same scan is kept once. */
export const ATTACHMENT_MAX_BYTES = 20 * 1024 * 1024;

/**
 * The accepted extensions and what their bytes must be, as file-type names it. A name is
 * only a claim: an EXE or a web page renamed to .pdf would be stored, listed as a PDF and
 * later opened by someone trusting that. The old binary Office formats share one
 * container (cfb); text has no signature and is accepted when it is plain UTF-8 text.
 */
const CONTENT_FOR: Record<string, readonly string[]> = {
  // Illustrator saves PDF-compatible files that file-type names 'ai'; they are PDFs to a reader.
  pdf: ['pdf', 'ai'],
  jpg: ['jpg'],
  jpeg: ['jpg'],
  // An animated PNG is still a PNG to every viewer.
  png: ['png', 'apng'],
  docx: ['docx'],
  xlsx: ['xlsx'],
  pptx: ['pptx'],
  odt: ['odt'],
  ods: ['ods'],
  doc: ['cfb'],
  xls: ['cfb'],
  ppt: ['cfb'],
  txt: ['txt'],
  csv: ['txt'],
};

/** The extension to suggest for content that is acceptable under another name. */
const SUGGESTED: Record<string, string> = { pdf: 'pdf', ai: 'pdf', jpg: 'jpg', png: 'png', apng: 'png', docx: 'docx', xlsx: 'xlsx', pptx: 'pptx', odt: 'odt', ods: 'ods', txt: 'txt' };

export function allowedExtensions(): string[] {
  return Object.keys(CONTENT_FOR);
}

/**
 * Keeps only a plain file name: no folders, no control or format characters (bidi
 * overrides would make "fakturexe.pdf" of "faktur\u202Efdp.exe"), nothing Windows refuses.
 */
const NAME_MAX = 150;

export function safeFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const clean = base
    .replace(/[\p{Cc}\p{Cf}]/gu, '')
    .replace(/[<>:"|?*]/g, '_')
    .replace(/^[.\s]+/, '')
    // Windows drops trailing dots and spaces, which would change the extension it sees.
    .replace(/[.\s]+$/, '');
  const chars = Array.from(clean);
  if (chars.length <= NAME_MAX) return clean || 'berkas';
  // Shorten the name, never the extension: it decides whether the file is accepted.
  const dot = clean.lastIndexOf('.');
  const ext = dot > 0 && clean.length - dot <= 8 ? clean.slice(dot) : '';
  return Array.from(clean.slice(0, clean.length - ext.length)).slice(0, NAME_MAX - ext.length).join('').trimEnd() + ext;
}

export async function storeAttachment(filesDir: string, name: string, base64: string): Promise<Attachment> {
  const fileName = safeFileName(name);
  const ext = fileName.includes('.') ? extensionOf(fileName) : '';
  const expected = CONTENT_FOR[ext];
  const mime = mimeForExtension(ext);
  if (!expected || !mime) {
    throw new AppError('INVALID_INPUT', `Jenis berkas .${ext || '?'} tidak diterima. Yang diterima: ${allowedExtensions().join(', ')}.`);
  }
  if (!/^[A-Za-z0-9+/=\s]*$/.test(base64)) throw new AppError('INVALID_INPUT', 'Isi berkas tidak terbaca.');
  const bytes = Buffer.from(base64, 'base64');
  if (!bytes.length) throw new AppError('INVALID_INPUT', 'Berkas kosong.');
  if (bytes.length > ATTACHMENT_MAX_BYTES) {
    throw new AppError('INVALID_INPUT', `Berkas terlalu besar (${(bytes.length / 1048576).toFixed(1)} MB). Maksimal 20 MB per berkas.`);
  }
  const found = await sniff(bytes);
  if (!found || !expected.includes(found.ext)) {
    const better = found && SUGGESTED[found.ext];
    const hint = better ? ` Jika memang ${describeContent(found)}, ganti akhiran namanya menjadi .${better}.` : '';
    throw new AppError(
      'INVALID_INPUT',
      `Berkas "${fileName}" ditolak: namanya berakhiran .${ext}, tetapi isinya ${describeContent(found)}.${hint}`,
    );
  }
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const stored = path.join(filesDir, sha256.slice(0, 2), sha256);
  try {
    await fs.access(stored);
  } catch {
    await writeFileDurably(stored, bytes);
  }
  return { id: randomUUID(), name: fileName, file: `${sha256.slice(0, 2)}/${sha256}`, sha256, bytes: bytes.length, mime };
}

export async function readAttachment(filesDir: string, a: Attachment): Promise<Buffer> {
  const file = path.join(filesDir, a.sha256.slice(0, 2), a.sha256);
  const bytes = await fs.readFile(file).catch(() => null);
  if (!bytes) throw new AppError('NOT_FOUND', `Berkas "${a.name}" tidak ditemukan di folder data.`);
  if (createHash('sha256').update(bytes).digest('hex') !== a.sha256) {
    throw new AppError('STORAGE', `Berkas "${a.name}" berubah sejak dilampirkan (sidik tidak cocok).`);
  }
  return bytes;
}
