import type { RegencyDocumentKind } from '../../../../electron/core/domain/document-views';
import type { RegencyFormat } from '../../../../electron/core/domain/regency/model';
import { call } from '../../api/client';
import { base64ToBlob, isDesktop, saveBlob, type SaveOutcome } from '../documents/download';

/**
 * A regency document as DOCX or XLSX: the desktop's save dialog, or an ordinary download in
 * the browser. `message` is null when the user cancelled the dialog.
 */
export async function saveRegencyDocument(kind: RegencyDocumentKind, format: RegencyFormat, year: number): Promise<SaveOutcome> {
  const desktop = isDesktop();
  const r = await call('utama.buildDocument', { kind, format, year, save: desktop });
  if (!r.ok) return r;
  if (desktop) return { ok: true, message: r.data.savedTo ? `${format.toUpperCase()} disimpan: ${r.data.savedTo}` : null };
  if (!r.data.base64) return { ok: false, code: 'INTERNAL', message: 'Berkas tidak dikirim oleh layanan PPID Desk. Coba lagi.' };
  saveBlob(base64ToBlob(r.data.base64, r.data.mime), r.data.fileName);
  return { ok: true, message: `${format.toUpperCase()} diunduh: ${r.data.fileName}` };
}
