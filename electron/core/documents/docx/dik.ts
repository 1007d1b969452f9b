import { type Document } from 'docx';
import type { DocumentContext } from './context';
import type { ListState } from '../../domain/document-views';
import { listStateOf, LIST_STATE_LABELS } from '../../domain/document-views';
import { documentFingerprint } from './fingerprint';
import { tanggal } from '../shared/dates';
import { makeDocument } from './parts/frame';
import { cellParagraphs, cellText, headRows, decreeBlock, keepLastWithNext, kepalaSignatureRow, listSection, titleBlock } from './parts/list';
import { splitWidth } from './parts/page';
import { fixedTable, type RowSpec } from './parts/table';
import { DIK_COLUMNS, keepRowWhole } from '../shared/columns';
import { dikRows, type DikRow } from '../shared/rows';
import { decreeHeading, DIK_EMPTY, themeOf, type Theme } from '../shared/texts';

const widths = (w: number) => splitWidth(w, DIK_COLUMNS.map((c) => c.weight));

function rows(list: DikRow[], widths: readonly number[], theme: Theme): RowSpec[] {
  if (!list.length) {
    return [{ cells: [{ children: [] }, { span: DIK_COLUMNS.length - 1, children: [cellText(DIK_EMPTY, theme, { italics: true })] }] }];
  }
  return list.map((r) => {
    const lines = DIK_COLUMNS.map((c) => c.cell(r));
    return { cantSplit: keepRowWhole(lines, widths, theme.table), cells: lines.map((l) => ({ children: cellParagraphs(l, theme) })) };
  });
}

/**
 * The Daftar Informasi yang Dikecualikan, signed by the Kepala OPD as atasan PPID and kept
 * as archive (step 6). Same marks as the DIP: Konsep/Draft on every page until signed.
 */
export function buildDik(ctx: DocumentContext, state: ListState = listStateOf(ctx.cycle)): Document {
  const { settings, cycle } = ctx;
  if (state === 'final' && !cycle.signed) throw new Error('Daftar belum ditandatangani Kepala OPD: hanya Konsep atau Draft yang dapat dicetak.');
  const theme = themeOf(settings);
  const fp = state === 'final' ? documentFingerprint('dik', cycle) : null;
  const seal = fp
    ? {
        short: fp.short,
        qrText: fp.qrText,
        caption: `Daftar Informasi yang Dikecualikan Tahun ${cycle.year}, versi ${cycle.version}, ditandatangani ${tanggal(cycle.signed!.at, settings.calendar.timeZone)}. Keaslian lembar ini dapat diperiksa di aplikasi PPID Desk dengan sidik dokumen atau kode QR.`,
      }
    : null;
  return makeDocument(
    settings,
    { title: `Daftar Informasi yang Dikecualikan Tahun ${cycle.year} (${LIST_STATE_LABELS[state]})`, description: `${settings.office.opdName} — ${cycle.title}` },
    [
      listSection(settings, state, seal, theme, (w) => [
        ...decreeBlock(decreeHeading(settings, cycle, state, 'DAFTAR INFORMASI YANG DIKECUALIKAN'), w, theme),
        ...titleBlock('DAFTAR INFORMASI YANG DIKECUALIKAN', settings, cycle.year, theme),
        fixedTable(widths(w), [
          ...headRows(DIK_COLUMNS.map((c) => c.head), theme),
          ...keepLastWithNext(rows(dikRows(cycle.items), widths(w), theme)),
          kepalaSignatureRow(settings, cycle, state, w, DIK_COLUMNS.length, theme),
        ]),
      ]),
    ],
  );
}
