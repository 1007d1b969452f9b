import { useCallback, useEffect, useMemo, useState } from 'react';
import { Badge } from '@mantine/core';
import { useLocation, useNavigate, useParams } from 'react-router';
import type { SettingsView } from '../../../electron/core/contract';
import { LIST_STATE_LABELS } from '../../../electron/core/domain/document-views';
import type { RegencySignature } from '../../../electron/core/domain/regency/model';
import { regencyListState, type RegencyInput } from '../../../electron/core/documents/shared/regency';
import { call } from '../api/client';
import { notifyError, notifySaved } from '../components/feedback';
import { savePdf } from '../features/documents/download';
import { saveRegencyDocument } from '../features/utama/download';
import { signatureFingerprints } from '../features/utama/fingerprint';
import { officeNow } from '../i18n/office-clock';
import { regencyPrintSpec, PrintUnavailable } from './documents';
import { REGENCY_DOCUMENT_TITLES, regencyKindFromSlug, type PrintSpec } from './model';
import { PrintFrame } from './PrintChrome';

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
  const navigate = useNavigate();
  const location = useLocation();
  const [data, setData] = useState<Loaded>({ phase: 'loading' });
  const [downloading, setDownloading] = useState(false);
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
    try {
      return { spec: regencyPrintSpec(kind, { regency: data.regency, settings: data.settings, now, fingerprints: signatureFingerprints(data.signature) }) };
    } catch (e) {
      if (e instanceof PrintUnavailable) return { error: e.message };
      return { error: `Pratinjau tidak dapat disusun (${e instanceof Error ? e.message : String(e)}). Coba "Unduh DOCX".` };
    }
  }, [kind, data, now]);

  // The title names the file a "Simpan sebagai PDF" suggests.
  useEffect(() => {
    if (!kind) return;
    const before = document.title;
    document.title = `${REGENCY_DOCUMENT_TITLES[kind]} ${year}`;
    return () => {
      document.title = before;
    };
  }, [kind, year]);

  const back = useCallback(() => {
    if (location.key !== 'default') navigate(-1);
    else navigate('/dokumen');
  }, [location.key, navigate]);

  const download = useCallback(async () => {
    if (!kind) return;
    setDownloading(true);
    const r = await saveRegencyDocument(kind, 'docx', year);
    setDownloading(false);
    if (!r.ok) notifyError(r, 'DOCX tidak dapat dibuat');
    else if (r.message) notifySaved(r.message);
  }, [kind, year]);

  const pdf = useCallback(async () => {
    const r = await savePdf(document.title || 'dokumen');
    if (!r.ok) notifyError(r, 'PDF tidak dapat dibuat');
    else if (r.message) notifySaved(r.message);
  }, []);

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
