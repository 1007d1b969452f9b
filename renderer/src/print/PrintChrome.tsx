import { Alert, Button, Center, Group, Loader } from '@mantine/core';
import { IconDownload, IconPrinter } from '@tabler/icons-react';
import { isDesktop } from '../features/documents/download';
import type { PrintSpec } from './model';
import { PrintView } from './PrintView';

/**
 * What every print page shares around its document: the paper hint, the buttons (DOCX, PDF on
 * the desktop, print), and the stage that shows the pages, a loader or why nothing can be shown.
 * The OPD's documents (PrintPage) and the regency's (RegencyPrintPage) differ only in their data.
 */

export const PAPER_HINT: Record<string, string> = { F4: 'F4 (215 × 330 mm)', A4: 'A4 (210 × 297 mm)' };

export function PrintActions(props: { onDocx: () => void; docxBusy: boolean; docxDisabled: boolean; onPdf: () => void; spec: PrintSpec | null }) {
  return (
    <Group gap="xs" wrap="nowrap">
      <Button variant="default" leftSection={<IconDownload size={16} />} onClick={props.onDocx} loading={props.docxBusy} disabled={props.docxDisabled}>
        {isDesktop() ? 'Simpan DOCX…' : 'Unduh DOCX'}
      </Button>
      {isDesktop() && (
        <Button variant="default" leftSection={<IconDownload size={16} />} onClick={props.onPdf} disabled={!props.spec}>
          Simpan PDF…
        </Button>
      )}
      <Button leftSection={<IconPrinter size={16} />} onClick={() => window.print()} disabled={!props.spec}>
        Cetak
      </Button>
    </Group>
  );
}

export function PrintStage(props: { loading: boolean; error: string | null; spec: PrintSpec | null }) {
  return (
    <div className="pp-stage">
      {props.loading && (
        <Center py="xl">
          <Loader />
        </Center>
      )}
      {props.error !== null && (
        <Center py="xl">
          <Alert color="red" variant="light" title="Dokumen tidak dapat ditampilkan" maw={560} role="alert">
            {props.error}
          </Alert>
        </Center>
      )}
      {props.spec && <PrintView spec={props.spec} />}
    </div>
  );
}
