import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { AppError } from '../result';
import type { EmblemMeta } from '../domain/office';
import { writeFileDurably } from '../store/durable-file';

export const EMBLEM_MAX_BYTES = 2 * 1024 * 1024;

/** Reads the real type and size from the bytes: the name and the claimed type can lie. */
export function inspectImage(bytes: Buffer): { mime: 'image/png' | 'image/jpeg'; width: number; height: number } | null {
  if (bytes.length > 24 && bytes.readUInt32BE(0) === 0x89504e47 && bytes.toString('ascii', 12, 16) === 'IHDR') {
    return { mime: 'image/png', width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
  }
  if (bytes.length > 4 && bytes[0] === 0xff && bytes[1] === 0xd8) {
    let i = 2;
    while (i + 9 < bytes.length) {
      if (bytes[i] !== 0xff) return null;
      const marker = bytes[i + 1]!;
      const len = bytes.readUInt16BE(i + 2);
      // SOF0..SOF15 carry the dimensions, except DHT (C4), JPG (C8), DAC (CC)
      if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
        return { mime: 'image/jpeg', height: bytes.readUInt16BE(i + 5), width: bytes.readUInt16BE(i + 7) };
      }
      i += 2 + len;
    }
  }
  return null;
}

export async function storeEmblem(assetsDir: string, base64: string): Promise<EmblemMeta> {
  if (!/^[A-Za-z0-9+/=\s]*$/.test(base64)) throw new AppError('INVALID_INPUT', 'Berkas lambang tidak terbaca (bukan data gambar).');
  const bytes = Buffer.from(base64, 'base64');
  if (bytes.length === 0) throw new AppError('INVALID_INPUT', 'Berkas lambang kosong.');
  if (bytes.length > EMBLEM_MAX_BYTES) {
    throw new AppError('INVALID_INPUT', `Berkas lambang terlalu besar (${(bytes.length / 1048576).toFixed(1)} MB). Maksimal 2 MB.`);
  }
  const info = inspectImage(bytes);
  if (!info) throw new AppError('INVALID_INPUT', 'Lambang harus berupa gambar PNG atau JPG.');
  if (info.width < 64 || info.height < 64) {
    throw new AppError('INVALID_INPUT', `Gambar lambang terlalu kecil (${info.width}×${info.height} piksel). Minimal 64×64 piksel agar tajam saat dicetak.`);
  }
  if (info.width > 5000 || info.height > 5000) {
    throw new AppError('INVALID_INPUT', `Gambar lambang terlalu besar (${info.width}×${info.height} piksel). Maksimal 5000×5000 piksel.`);
  }
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const file = `emblem-${sha256.slice(0, 16)}.${info.mime === 'image/png' ? 'png' : 'jpg'}`;
  await writeFileDurably(path.join(assetsDir, file), bytes);
  return { file, mime: info.mime, sha256, width: info.width, height: info.height, bytes: bytes.length };
}

export async function readEmblem(assetsDir: string, meta: EmblemMeta): Promise<Buffer | null> {
  try {
    return await fs.readFile(path.join(assetsDir, path.basename(meta.file)));
  } catch {
    return null;
  }
}
