import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { AppError } from '../result';
import type { EmblemMeta } from '../domain/office';
import { imageSize } from '../files/image';
import { sniff } from '../files/sniff';
import { writeFileDurably } from '../store/durable-file';

export const EMBLEM_MAX_BYTES = 2 * 1024 * 1024;

/** The real type and size, from the bytes: the name and the claimed type can lie. */
export async function inspectImage(bytes: Uint8Array): Promise<{ mime: 'image/png' | 'image/jpeg'; width: number; height: number } | null> {
  const found = await sniff(bytes);
  if (found?.ext !== 'png' && found?.ext !== 'jpg') return null;
  const size = imageSize(bytes);
  return size && size.type === found.ext ? { mime: size.mime, width: size.width, height: size.height } : null;
}

export async function storeEmblem(assetsDir: string, base64: string): Promise<EmblemMeta> {
  if (!/^[A-Za-z0-9+/=\s]*$/.test(base64)) throw new AppError('INVALID_INPUT', 'Berkas lambang tidak terbaca (bukan data gambar).');
  const bytes = Buffer.from(base64, 'base64');
  const meta = await emblemMetaOf(bytes);
  await writeEmblem(assetsDir, meta, bytes);
  return meta;
}

/**
 * Checks emblem bytes (a real PNG or JPG, of a size that prints sharp) and names them by
 * content, writing nothing: joining an office checks the package's emblem before any write.
 */
export async function emblemMetaOf(bytes: Uint8Array): Promise<EmblemMeta> {
  if (bytes.length === 0) throw new AppError('INVALID_INPUT', 'Berkas lambang kosong.');
  if (bytes.length > EMBLEM_MAX_BYTES) {
    throw new AppError('INVALID_INPUT', `Berkas lambang terlalu besar (${(bytes.length / 1048576).toFixed(1)} MB). Maksimal 2 MB.`);
  }
  const info = await inspectImage(bytes);
  if (!info) throw new AppError('INVALID_INPUT', 'Lambang harus berupa gambar PNG atau JPG.');
  if (info.width < 64 || info.height < 64) {
    throw new AppError('INVALID_INPUT', `Gambar lambang terlalu kecil (${info.width}×${info.height} piksel). Minimal 64×64 piksel agar tajam saat dicetak.`);
  }
  if (info.width > 5000 || info.height > 5000) {
    throw new AppError('INVALID_INPUT', `Gambar lambang terlalu besar (${info.width}×${info.height} piksel). Maksimal 5000×5000 piksel.`);
  }
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const file = `emblem-${sha256.slice(0, 16)}.${info.mime === 'image/png' ? 'png' : 'jpg'}`;
  return { file, mime: info.mime, sha256, width: info.width, height: info.height, bytes: bytes.length };
}

export async function writeEmblem(assetsDir: string, meta: EmblemMeta, bytes: Uint8Array): Promise<void> {
  await writeFileDurably(path.join(assetsDir, path.basename(meta.file)), bytes);
}

export async function readEmblem(assetsDir: string, meta: EmblemMeta): Promise<Buffer | null> {
  try {
    return await fs.readFile(path.join(assetsDir, path.basename(meta.file)));
  } catch {
    return null;
  }
}
