import { useCallback, useEffect, useMemo, useState } from 'react';
import { Badge } from '@mantine/core';
import { useParams } from 'react-router';
import type { SettingsView } from '../../../electron/core/contract';
import type { CycleView } from '../../../electron/core/domain/cycle-views';
import type { PrintedFingerprint } from '../../../electron/core/domain/document-views';
import { documentFileName } from '../../../electron/core/documents/shared/file-names';
import { LIST_STATE_LABELS, listStateOf } from '../../../electron/core/domain/document-views';
import { call } from '../api/client';
import { saveDocx } from '../features/documents/download';
import { printSpec } from './documents';
import { DOCUMENT_TITLES, kindFromSlug, type DocumentKind, type PrintSpec } from './model';
import { PrintFrame } from './PrintChrome';
import { layOut, usePrintControls } from './usePrintControls';
import { officeNow } from '../i18n/office-clock';

type Loaded =
  | { phase: 'loading' }
  | { phase: 'failed'; message: string }
  | { phase: 'ready'; view: CycleView; settings: SettingsView; fingerprints: { dip: PrintedFingerprint | null; dik: PrintedFingerprint | null } | null };

/** The cycle, the settings and (once signed) the fingerprints: everything a print view reads. */
function usePrintData(cycleId: string, kind: DocumentKind | null): Loaded {
  const [state, setState] = useState<Loaded>({ phase: 'loading' });
  useEffect(() => {
    let live = true;
    setState({ phase: 'loading' });
    void (async () => {
      const [view, settings] = await Promise.all([call('cycles.get', { cycleId }), call('settings.get')]);
      if (!live) return;
      if (!view.ok) return setState({ phase: 'failed', message: view.message });
      if (!settings.ok) return setState({ phase: 'failed', message: settings.message });
      let fingerprints = null;
      if ((kind === 'dip' || kind === 'dik') && view.data.signed) {
        const fp = await call('documents.fingerprints', { cycleId });
        if (!live) return;
        if (!fp.ok) return setState({ phase: 'failed', message: fp.message });
        fingerprints = fp.data;
      }
      setState({ phase: 'ready', view: view.data, settings: settings.data, fingerprints });
    })();
    return () => {
      live = false;
    };
  }, [cycleId, kind]);
  return state;
}

/**
 * `#/cetak/:cycleId/:kind` — one document as it prints, with "Cetak", "Unduh DOCX" and
 * "Kembali". Rendered outside the app shell so that only the paper prints.
 */
export function PrintPage() {
  const { cycleId = '', kind: slug } = useParams();
  const kind = kindFromSlug(slug);
  const data = usePrintData(cycleId, kind);
  // "Now" is the core's clock, fixed once per visit, so a re-render never changes the printed date.
  const now = useMemo(() => officeNow(), []);

  const result = useMemo((): { spec: PrintSpec } | { error: string } | null => {
    if (!kind) return { error: 'Jenis dokumen tidak dikenal.' };
    if (data.phase !== 'ready') return null;
    return layOut(() => printSpec(kind, { cycle: data.view, settings: data.settings, now, fingerprints: data.fingerprints }));
  }, [kind, data, now]);

  const saveThis = useCallback(() => saveDocx(cycleId, kind!), [cycleId, kind]);
  const { back, download, downloading, pdf } = usePrintControls({
    title: kind && data.phase === 'ready' ? documentFileName(kind, data.view).replace(/\.docx$/, '') : null,
    home: `/siklus/${encodeURIComponent(cycleId)}`,
    saveDocx: kind ? saveThis : null,
  });

  const spec = result && 'spec' in result ? result.spec : null;
  const state = kind && (kind === 'dip' || kind === 'dik') && data.phase === 'ready' ? listStateOf(data.view) : null;

  return (
    <PrintFrame
      onBack={back}
      title={kind ? DOCUMENT_TITLES[kind] : 'Cetak dokumen'}
      badges={
        <>
          {state && (
            <Badge color={state === 'final' ? 'teal' : 'orange'} variant="light">
              {LIST_STATE_LABELS[state]}
            </Badge>
          )}
          {kind === 'notaDinas' && data.phase === 'ready' && data.view.notaDinas.number === null && (
            <Badge color="orange" variant="light">
              Konsep
            </Badge>
          )}
        </>
      }
      detail={data.phase === 'ready' ? data.view.title : null}
      paper={data.phase === 'ready' ? data.settings.documents.paper : null}
      spec={spec}
      onDocx={() => void download()}
      docxBusy={downloading}
      docxDisabled={!kind || data.phase !== 'ready'}
      onPdf={() => void pdf()}
      loading={data.phase === 'loading' && !!kind}
      error={data.phase === 'failed' ? data.message : result && 'error' in result ? result.error : null}
    />
  );
}
