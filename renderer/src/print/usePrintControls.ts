import { useCallback, useEffect, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { notifyError, notifySaved } from '../components/feedback';
import { savePdf, type SaveOutcome } from '../features/documents/download';
import { PrintUnavailable } from './documents';
import type { PrintSpec } from './model';

/**
 * What every print page does besides laying out its document: the window's title (it names the
 * file a "Simpan sebagai PDF" suggests), "Kembali" (where the user came from; opened directly,
 * `home`), the DOCX and the PDF saved with a notice either way.
 */
export function usePrintControls(opts: { title: string | null; home: string; saveDocx: (() => Promise<SaveOutcome>) | null }) {
  const navigate = useNavigate();
  const location = useLocation();
  const [downloading, setDownloading] = useState(false);
  const { title, home, saveDocx } = opts;

  useEffect(() => {
    if (!title) return;
    const before = document.title;
    document.title = title;
    return () => {
      document.title = before;
    };
  }, [title]);

  const back = useCallback(() => {
    if (location.key !== 'default') navigate(-1);
    else navigate(home);
  }, [location.key, navigate, home]);

  const download = useCallback(async () => {
    if (!saveDocx) return;
    setDownloading(true);
    const r = await saveDocx();
    setDownloading(false);
    if (!r.ok) notifyError(r, 'DOCX tidak dapat dibuat');
    else if (r.message) notifySaved(r.message);
  }, [saveDocx]);

  // Electron: the page as PDF at the paper size its print CSS asks for ("Simpan PDF").
  const pdf = useCallback(async () => {
    const r = await savePdf(document.title || 'dokumen');
    if (!r.ok) notifyError(r, 'PDF tidak dapat dibuat');
    else if (r.message) notifySaved(r.message);
  }, []);

  return { back, download, downloading, pdf };
}

/** A print view laid out, or why it cannot be: a known reason in its words, anything else (a bug) still a message rather than a blank page. */
export function layOut(build: () => PrintSpec): { spec: PrintSpec } | { error: string } {
  try {
    return { spec: build() };
  } catch (e) {
    if (e instanceof PrintUnavailable) return { error: e.message };
    return { error: `Pratinjau tidak dapat disusun (${e instanceof Error ? e.message : String(e)}). Coba "Unduh DOCX".` };
  }
}
