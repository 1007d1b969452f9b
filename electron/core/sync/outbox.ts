import { promises as fs } from 'node:fs';
import path from 'node:path';
import { outboxFileName } from '../domain/sync/shared-folders';
import { renameWithRetry } from '../store/durable-file';
import { SENT_KEPT, type SharedFoldersState } from './shared-folders-state';

/**
 * Every package this laptop sends is also put in the outbox, when one is set. Written under a
 * hidden temp name (`.<name>.tmp`, which no inbox reads), flushed, then renamed: a sync tool or
 * another laptop's watcher never sees half of it under its real name. A name already taken (by
 * anyone) is never replaced: `-2`, `-3` is added.
 *
 * Never throws: the package was made and recorded; a missing drive costs only the copy, and is
 * said in the answer and in Pengaturan until a later package gets through.
 */
export async function writeToOutbox(
  state: SharedFoldersState,
  p: { fileName: string; bytes: Uint8Array; packageId: string; seq: number; laptopName: string; now: Date },
): Promise<{ file: string; error: null } | { file: null; error: string } | null> {
  const folder = state.data.outbox;
  if (!folder) return null;
  let tmp: string | null = null;
  try {
    const stat = await fs.stat(folder).catch(() => null);
    if (!stat?.isDirectory()) {
      throw Object.assign(new Error(`Folder keluar tidak ditemukan: ${folder}. Periksa drive jaringan atau folder bersamanya.`), { shown: true });
    }
    const name = await freeName(folder, outboxFileName(p.fileName, p.laptopName, p.seq));
    const target = path.join(folder, name);
    tmp = path.join(folder, `.${name}.tmp`);
    // Not owner-only (unlike the data folder's files): the point of this folder is that others read it.
    const handle = await fs.open(tmp, 'w');
    try {
      await handle.writeFile(p.bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await renameWithRetry(tmp, target);
    tmp = null;
    await state.update((d) => ({
      ...d,
      outboxError: null,
      sent: [...d.sent, { packageId: p.packageId, seq: p.seq, file: target, at: p.now.toISOString() }].slice(-SENT_KEPT),
    }));
    return { file: target, error: null };
  } catch (e) {
    if (tmp) await fs.rm(tmp, { force: true }).catch(() => undefined);
    const message = (e as { shown?: boolean }).shown ? (e as Error).message : outboxFailure(folder, e);
    await state.update((d) => ({ ...d, outboxError: { at: p.now.toISOString(), message } })).catch(() => undefined);
    return { file: null, error: message };
  }
}

function outboxFailure(folder: string, e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOSPC') return `Folder keluar ${folder} penuh: paket tidak dapat ditaruh di sana.`;
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return `Folder keluar ${folder} tidak dapat ditulisi (izin ditolak).`;
  if (code === 'ENOENT') return `Folder keluar tidak ditemukan: ${folder}. Periksa drive jaringan atau folder bersamanya.`;
  return `Paket tidak dapat ditaruh di folder keluar ${folder} (${(e as Error).message}).`;
}

async function freeName(folder: string, name: string): Promise<string> {
  const ext = path.extname(name);
  const stem = name.slice(0, name.length - ext.length);
  let candidate = name;
  for (let n = 2; await fs.lstat(path.join(folder, candidate)).then(() => true, () => false); n++) candidate = `${stem}-${n}${ext}`;
  return candidate;
}
