import { createHash, randomUUID } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { AppError } from '../result';
import type { Attachment } from '../domain/workflow';
import { writeFileDurably } from '../store/durable-file';

/** Soft files of an item: content-addressed under files/, so the same scan is kept once. */
export const ATTACHMENT_MAX_BYTES = 20 * 1024 * 1024;

const ALLOWED: Record<string, string> = {
  pdf: 'application/pdf',
  doc: 'application/msword',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xls: 'application/vnd.ms-excel',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  ppt: 'application/vnd.ms-powerpoint',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  odt: 'application/vnd.oasis.opendocument.text',
  ods: 'application/vnd.oasis.opendocument.spreadsheet',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  txt: 'text/plain',
  csv: 'text/csv',
};

export function allowedExtensions(): string[] {
  return Object.keys(ALLOWED);
}

/** Keeps only a plain file name: no folders, no control characters, nothing Windows refuses. */
export function safeFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const clean = [...base].map((ch) => (ch.charCodeAt(0) < 32 || '<>:"|?*'.includes(ch) ? '_' : ch)).join('')
    .replace(/^\.+/, '')
    .trim()
    .slice(0, 150);
  return clean || 'berkas';
}

export async function storeAttachment(filesDir: string, name: string, base64: string): Promise<Attachment> {
  const fileName = safeFileName(name);
  const ext = fileName.includes('.') ? fileName.split('.').pop()!.toLowerCase() : '';
  const mime = ALLOWED[ext];
  if (!mime) {
    throw new AppError('INVALID_INPUT', `Jenis berkas .${ext || '?'} tidak diterima. Yang diterima: ${allowedExtensions().join(', ')}.`);
  }
  if (!/^[A-Za-z0-9+/=\s]*$/.test(base64)) throw new AppError('INVALID_INPUT', 'Isi berkas tidak terbaca.');
  const bytes = Buffer.from(base64, 'base64');
  if (!bytes.length) throw new AppError('INVALID_INPUT', 'Berkas kosong.');
  if (bytes.length > ATTACHMENT_MAX_BYTES) {
    throw new AppError('INVALID_INPUT', `Berkas terlalu besar (${(bytes.length / 1048576).toFixed(1)} MB). Maksimal 20 MB per berkas.`);
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
