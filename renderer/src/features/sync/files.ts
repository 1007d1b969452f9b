import { PACKAGE_TOO_LARGE_MESSAGE, PACKAGE_UPLOAD_MAX_BASE64 } from '../../../../electron/core/contract';
import type { Err } from '../../../../electron/core/result';
import { fileToBase64 } from '../cycles/format';

/** The base64 length a file of `bytes` becomes: what the contract limits. */
export function base64Length(bytes: number): number {
  return Math.ceil(bytes / 3) * 4;
}

/**
 * A chosen or dropped file as the core takes it. A file over the contract's limit is refused
 * here, with the contract's words, before megabytes are read and sent only to be refused.
 */
export async function readPackageFile(file: File): Promise<{ ok: true; base64: string; fileName: string } | Err> {
  if (base64Length(file.size) > PACKAGE_UPLOAD_MAX_BASE64) return { ok: false, code: 'INVALID_INPUT', message: PACKAGE_TOO_LARGE_MESSAGE };
  if (file.size === 0) return { ok: false, code: 'INVALID_INPUT', message: 'Berkas kosong.' };
  try {
    return { ok: true, base64: await fileToBase64(file), fileName: file.name || 'paket.ppid' };
  } catch {
    return { ok: false, code: 'INVALID_INPUT', message: `Berkas "${file.name}" tidak dapat dibaca dari disk.` };
  }
}

/** Whether a drag carries files (and not text, a link or an image from the page itself). */
export function dragHasFiles(e: DragEvent): boolean {
  return Array.from(e.dataTransfer?.types ?? []).includes('Files');
}
