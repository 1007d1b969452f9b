import { existsSync } from 'node:fs';
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

/** A file that passed the attachment rules, not yet written. */
export interface CheckedFile {
  fileName: string;
  /** What the bytes really are (file-type's name: 'pdf', 'png', 'jpg'…). */
  content: string;
  mime: string;
  bytes: Buffer;
  sha256: string;
}

/**
 * The attachment rules without the write: a known extension (of `only`, when given), real
 * bytes of that kind, at most 20 MB. Throws INVALID_INPUT with the reason.
 */
export async function checkAttachment(name: string, base64: string, only?: readonly string[]): Promise<CheckedFile> {
  const fileName = safeFileName(name);
  const ext = fileName.includes('.') ? extensionOf(fileName) : '';
  const accepted = only ?? allowedExtensions();
  const expected = accepted.includes(ext) ? CONTENT_FOR[ext] : undefined;
  const mime = mimeForExtension(ext);
  if (!expected || !mime) {
    throw new AppError('INVALID_INPUT', `Jenis berkas .${ext || '?'} tidak diterima. Yang diterima: ${accepted.join(', ')}.`);
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
    const hint = better && accepted.includes(better) ? ` Jika memang ${describeContent(found)}, ganti akhiran namanya menjadi .${better}.` : '';
    throw new AppError(
      'INVALID_INPUT',
      `Berkas "${fileName}" ditolak: namanya berakhiran .${ext}, tetapi isinya ${describeContent(found)}.${hint}`,
    );
  }
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  return { fileName, content: found.ext, mime, bytes, sha256 };
}

/** Writes a checked file under files/, named by its SHA-256 (kept once, never rewritten). */
export async function storeChecked(filesDir: string, f: CheckedFile): Promise<Attachment> {
  const stored = path.join(filesDir, f.sha256.slice(0, 2), f.sha256);
  const present = await fs.readFile(stored).catch(() => null);
  // A copy damaged since it was stored is put right: its name says what its content must be.
  if (!present || createHash('sha256').update(present).digest('hex') !== f.sha256) await writeFileDurably(stored, f.bytes);
  return { id: randomUUID(), name: f.fileName, file: `${f.sha256.slice(0, 2)}/${f.sha256}`, sha256: f.sha256, bytes: f.bytes.length, mime: f.mime };
}

export async function storeAttachment(filesDir: string, name: string, base64: string): Promise<Attachment> {
  return storeChecked(filesDir, await checkAttachment(name, base64));
}

/** Whether a soft file's bytes are on this laptop: a package may bring the act before the file. */
export function attachmentPresent(filesDir: string, a: Pick<Attachment, 'sha256'>): boolean {
  return existsSync(path.join(filesDir, a.sha256.slice(0, 2), a.sha256));
}

export async function readAttachment(filesDir: string, a: Attachment): Promise<Buffer> {
  const file = path.join(filesDir, a.sha256.slice(0, 2), a.sha256);
  const bytes = await fs.readFile(file).catch(() => null);
  if (!bytes) {
    throw new AppError(
      'NOT_FOUND',
      `Berkas "${a.name}" belum diterima di laptop ini: lampirannya tercatat, tetapi isinya belum dikirim. Minta laptop yang melampirkannya mengirim paket dengan lampiran.`,
    );
  }
  if (createHash('sha256').update(bytes).digest('hex') !== a.sha256) {
    throw new AppError('STORAGE', `Berkas "${a.name}" berubah sejak dilampirkan (sidik tidak cocok).`);
  }
  return bytes;
}
