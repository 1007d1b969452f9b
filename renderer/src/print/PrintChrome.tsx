import type { ReactNode } from 'react';
import { Alert, Box, Button, Center, Group, Loader, Stack, Text } from '@mantine/core';
import { IconArrowLeft, IconDownload, IconPrinter } from '@tabler/icons-react';
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

/**
 * A whole print page: the toolbar (back, the document's title with its state badges, a line
 * naming what it is and its paper, the buttons) above the stage.
 */
export function PrintFrame(props: {
  onBack: () => void;
  title: string;
  badges?: ReactNode;
  /** What the document is about (a cycle's title, "40 OPD"); with the paper hint after it. Null: no line yet. */
  detail: string | null;
  paper: string | null;
  spec: PrintSpec | null;
  onDocx: () => void;
  docxBusy: boolean;
  docxDisabled: boolean;
  onPdf: () => void;
  loading: boolean;
  error: string | null;
}) {
  const { spec } = props;
  return (
    <div className="pp-page">
      <Box className="pp-toolbar pp-no-print" px="md" py="xs">
        <Group justify="space-between" wrap="nowrap" gap="sm">
          <Group gap="sm" wrap="nowrap" style={{ minWidth: 0 }}>
            <Button variant="subtle" leftSection={<IconArrowLeft size={16} />} onClick={props.onBack}>
              Kembali
            </Button>
            <Stack gap={0} style={{ minWidth: 0 }}>
              <Group gap={6} wrap="nowrap">
                <Text fw={600} truncate="end">
                  {props.title}
                </Text>
                {props.badges}
              </Group>
              {props.detail !== null && (
                <Text size="xs" c="dimmed" truncate="end">
                  {props.detail} · kertas {PAPER_HINT[props.paper ?? ''] ?? props.paper}
                  {spec?.box.orientation === 'landscape' ? ', mendatar' : ''} — pilih ukuran yang sama di dialog cetak
                </Text>
              )}
            </Stack>
          </Group>
          <PrintActions onDocx={props.onDocx} docxBusy={props.docxBusy} docxDisabled={props.docxDisabled} onPdf={props.onPdf} spec={spec} />
        </Group>
      </Box>
      <PrintStage loading={props.loading} error={props.error} spec={spec} />
    </div>
  );
}
