import type { BuiltDocument } from '../../../../electron/core/domain/document-views';
import type { DocumentKind } from '../../../../electron/core/domain/document-views';
import type { Err } from '../../../../electron/core/result';
import { call } from '../../api/client';

export function base64ToBlob(base64: string, mime: string): Blob {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return new Blob([bytes], { type: mime });
}

/**
 * Saves a Blob under a file name through an `<a download>`: the browser's download, and in
 * Electron the system's "save as" (no Node in the renderer, so no fs). The object URL is
 * released after the click has been handled.
 */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Builds the DOCX in the core and saves it; the core's message when it cannot. */
export async function downloadDocx(cycleId: string, kind: DocumentKind): Promise<{ ok: true; doc: BuiltDocument } | Err> {
  const r = await call('documents.build', { cycleId, kind });
  if (!r.ok) return r;
  saveBlob(base64ToBlob(r.data.base64, r.data.mime), r.data.fileName);
  return { ok: true, doc: r.data };
}

/** True inside the Electron window, where the core can show a native save dialog. */
export function isDesktop(): boolean {
  return typeof window !== 'undefined' && window.ppid?.platform === 'electron';
}

export type SaveOutcome = { ok: true; message: string | null } | Err;

/**
 * "Simpan DOCX": in the desktop app a save dialog, then (when asked) the file opens in
 * Word or LibreOffice; in the browser an ordinary download. `message` is null when the
 * user cancelled the dialog.
 */
export async function saveDocx(cycleId: string, kind: DocumentKind, open = false): Promise<SaveOutcome> {
  if (!isDesktop()) {
    const r = await downloadDocx(cycleId, kind);
    return r.ok ? { ok: true, message: `DOCX disimpan: ${r.doc.fileName}` } : r;
  }
  const r = await call('documents.save', { cycleId, kind, open });
  if (!r.ok) return r;
  if (!r.data.savedTo) return { ok: true, message: null };
  const opened = open && !r.data.openError ? ' dan dibuka' : '';
  const failed = r.data.openError ? ` (tidak dapat dibuka: ${r.data.openError})` : '';
  return { ok: true, message: `DOCX disimpan${opened}: ${r.data.savedTo}${failed}` };
}

/** "Simpan PDF" in the desktop app: the print view now on screen, at its own paper size. */
export async function savePdf(fileName: string): Promise<SaveOutcome> {
  const r = await call('documents.savePdf', { suggestedName: fileName.replace(/\.docx$/i, '') + '.pdf' });
  if (!r.ok) return r;
  return { ok: true, message: r.data.savedTo ? `PDF disimpan: ${r.data.savedTo}` : null };
}
