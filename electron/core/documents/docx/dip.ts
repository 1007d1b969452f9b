import { type Document } from 'docx';
import type { DocumentContext } from './context';
import type { ListState } from '../../domain/document-views';
import { listStateOf, LIST_STATE_LABELS } from '../../domain/document-views';
import { documentFingerprint } from './fingerprint';
import { tanggal } from '../shared/dates';
import { makeDocument } from './parts/frame';
import { cellParagraphs, cellText, GROUP_SHADE, headRows, decreeBlock, keepLastWithNext, kepalaSignatureRow, listSection, titleBlock } from './parts/list';
import { splitWidth } from './parts/page';
import { fixedTable, type RowSpec } from './parts/table';
import { DIP_COLUMNS, keepRowWhole } from '../shared/columns';
import { dipGroups, type DipGroup } from '../shared/rows';
import { decreeHeading, DIP_EMPTY_GROUP, themeOf, type Theme } from '../shared/texts';

const widths = (w: number) => splitWidth(w, DIP_COLUMNS.map((c) => c.weight));

function groupRows(groups: DipGroup[], widths: readonly number[], theme: Theme): RowSpec[] {
  const span = DIP_COLUMNS.length;
  const rows: RowSpec[] = [];
  for (const g of groups) {
    // The group head keeps with its first row so it is never alone at a page's foot.
    rows.push({ keepNext: true, cells: [{ span, shading: GROUP_SHADE, children: [cellText(`${g.letter}. ${g.heading}`, theme, { bold: true })] }] });
    if (!g.rows.length) {
      rows.push({ cells: [{ children: [] }, { span: span - 1, children: [cellText(DIP_EMPTY_GROUP, theme, { italics: true })] }] });
      continue;
    }
    for (const r of g.rows) {
      const lines = DIP_COLUMNS.map((c) => c.cell(r));
      // Short rows stay whole; long ones break, their heads repeating, so no page is left half empty.
      rows.push({ cantSplit: keepRowWhole(lines, widths, theme.table), cells: lines.map((l) => ({ children: cellParagraphs(l, theme) })) });
    }
  }
  return rows;
}

/**
 * The Daftar Informasi Publik in its three states: Konsep and Draft carry the mark on every
 * page; only the signed list is unmarked, and it alone carries the fingerprint and QR code.
 * Landscape, without a kop: the title block names the body, and the rows get the page.
 */
export function buildDip(ctx: DocumentContext, state: ListState = listStateOf(ctx.cycle)): Document {
  const { settings, cycle } = ctx;
  if (state === 'final' && !cycle.signed) throw new Error('DIP belum ditandatangani Kepala OPD: hanya Konsep atau Draft yang dapat dicetak.');
  const theme = themeOf(settings);
  const groups = dipGroups(cycle.items);
  const fp = state === 'final' ? documentFingerprint('dip', cycle) : null;
  const seal = fp
    ? {
        short: fp.short,
        qrText: fp.qrText,
        caption: `Daftar Informasi Publik Tahun ${cycle.year}, versi ${cycle.version}, ditandatangani ${tanggal(cycle.signed!.at, settings.calendar.timeZone)}. Keaslian lembar ini dapat diperiksa di aplikasi PPID Desk dengan sidik dokumen atau kode QR.`,
      }
    : null;
  return makeDocument(
    settings,
    { title: `Daftar Informasi Publik Tahun ${cycle.year} (${LIST_STATE_LABELS[state]})`, description: `${settings.office.opdName} — ${cycle.title}` },
    [
      listSection(settings, state, seal, theme, (w) => [
        ...decreeBlock(decreeHeading(settings, cycle, state, 'DAFTAR INFORMASI PUBLIK'), w, theme),
        ...titleBlock('DAFTAR INFORMASI PUBLIK', settings, cycle.year, theme),
        fixedTable(widths(w), [
          ...headRows(DIP_COLUMNS.map((c) => c.head), theme),
          ...keepLastWithNext(groupRows(groups, widths(w), theme)),
          kepalaSignatureRow(settings, cycle, state, w, DIP_COLUMNS.length, theme),
        ]),
      ]),
    ],
  );
}
