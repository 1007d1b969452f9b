import { useCallback, useEffect, useMemo, useState } from 'react';
import { Badge } from '@mantine/core';
import { useParams } from 'react-router';
import type { SettingsView } from '../../../electron/core/contract';
import { LIST_STATE_LABELS } from '../../../electron/core/domain/document-views';
import type { RegencySignature } from '../../../electron/core/domain/regency/model';
import { regencyListState, type RegencyInput } from '../../../electron/core/documents/shared/regency';
import { call } from '../api/client';
import { saveRegencyDocument } from '../features/utama/download';
import { signatureFingerprints } from '../features/utama/fingerprint';
import { officeNow } from '../i18n/office-clock';
import { regencyPrintSpec } from './documents';
import { REGENCY_DOCUMENT_TITLES, regencyKindFromSlug, type PrintSpec } from './model';
import { PrintFrame } from './PrintChrome';
import { layOut, usePrintControls } from './usePrintControls';

type Loaded =
  | { phase: 'loading' }
  | { phase: 'failed'; message: string }
  | { phase: 'ready'; regency: RegencyInput; signature: RegencySignature | null; settings: SettingsView };


/**
 * `#/cetak-kabupaten/:year/:kind` — a regency document (PPID Utama mode) as it prints, with
 * "Cetak", "Unduh DOCX" and "Kembali", outside the app shell as the OPD's print page: laid out
 * from `utama.documentData` by the same print views the DOCX agrees with.
 */
export function RegencyPrintPage() {
  const { year: yearText = '', kind: slug } = useParams();
  const kind = regencyKindFromSlug(slug);
  const year = Number(yearText);
  const [data, setData] = useState<Loaded>({ phase: 'loading' });
  const now = useMemo(() => officeNow(), []);

  useEffect(() => {
    let live = true;
    setData({ phase: 'loading' });
    if (!Number.isInteger(year) || year < 2000 || year > 2100) {
      setData({ phase: 'failed', message: 'Tahun tidak valid.' });
      return;
    }
    void (async () => {
      const [doc, settings] = await Promise.all([call('utama.documentData', { year }), call('settings.get')]);
      if (!live) return;
      if (!doc.ok) return setData({ phase: 'failed', message: doc.message });
      if (!settings.ok) return setData({ phase: 'failed', message: settings.message });
      setData({ phase: 'ready', regency: doc.data.input, signature: doc.data.signature, settings: settings.data });
    })();
    return () => {
      live = false;
    };
  }, [year]);

  const result = useMemo((): { spec: PrintSpec } | { error: string } | null => {
    if (!kind) return { error: 'Jenis dokumen tidak dikenal.' };
    if (data.phase !== 'ready') return null;
    return layOut(() => regencyPrintSpec(kind, { regency: data.regency, settings: data.settings, now, fingerprints: signatureFingerprints(data.signature) }));
  }, [kind, data, now]);

  const saveThis = useCallback(() => saveRegencyDocument(kind!, 'docx', year), [kind, year]);
  const { back, download, downloading, pdf } = usePrintControls({
    title: kind ? `${REGENCY_DOCUMENT_TITLES[kind]} ${year}` : null,
    home: '/dokumen',
    saveDocx: kind ? saveThis : null,
  });

  const spec = result && 'spec' in result ? result.spec : null;
  const state = kind && kind !== 'compliance' && data.phase === 'ready' ? regencyListState(data.regency) : null;

  return (
    <PrintFrame
      onBack={back}
      title={kind ? `${REGENCY_DOCUMENT_TITLES[kind]} ${yearText}` : 'Cetak dokumen'}
      badges={
        state && (
          <Badge color={state === 'final' ? 'teal' : 'orange'} variant="light" data-testid="status-dokumen">
            {LIST_STATE_LABELS[state]}
          </Badge>
        )
      }
      detail={data.phase === 'ready' ? `${data.regency.opds.length} OPD` : null}
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
