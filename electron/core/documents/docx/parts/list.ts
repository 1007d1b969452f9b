import { AlignmentType, BorderStyle, type ISectionOptions, type Paragraph, type Table } from 'docx';
import type { Settings } from '../../../domain/office';
import type { DocumentCycle, ListState } from '../../../domain/document-views';
import { emptyHeader, markHeader, pageNumberFooter, sealFooter, type SealSpec } from './frame';
import { cm, pageLayout } from './page';
import { signatureBlock } from './signature';
import { fixedTable, type RowSpec } from './table';
import { centred, para } from './text';
import { draftMarkText, kepalaJabatan, listPlaceDate, upper, type DecreeHeading, type Theme } from '../../shared/texts';
import type { CellLine } from '../../shared/columns';

export const HEADER_SHADE = 'D9D9D9';
export const NUMBER_SHADE = 'F2F2F2';
export const GROUP_SHADE = 'EDEDED';

/** "DAFTAR INFORMASI PUBLIK / DINAS … / KABUPATEN … / TAHUN 2026", centred and bold. */
export function titleBlock(title: string, settings: Settings, year: number, theme: Theme): Paragraph[] {
  const lines = [title, upper(settings.office.opdName), upper(settings.office.pemda), `TAHUN ${year}`];
  return lines.map((l, i) =>
    centred(l, { bold: true, size: i === 0 ? theme.body + 2 : theme.body }, { spacing: { before: 0, after: i === lines.length - 1 ? 240 : 0 }, keepNext: true }),
  );
}

/**
 * The lampiran heading of a list set by a Keputusan (texts.ts decreeHeading), at the top
 * right as the Tata Naskah Dinas places it: a borderless table whose first column is the
 * space to its left, so the colons align whatever the label.
 */
export function decreeBlock(d: DecreeHeading | null, contentWidth: number, theme: Theme): Table[] {
  if (!d) return [];
  const labelW = cm(2.3);
  const valueW = cm(9.5);
  const p = (text: string, after = 0) => para(text, { spacing: { before: 0, after }, keepNext: true }, { size: theme.table });
  const rows: RowSpec[] = [
    ...d.heading.map((h) => ({ cells: [{ children: [] }, { span: 2, children: [p(h)] }] })),
    // Some air between the heading and the list's own title.
    ...d.rows.map(([label, value], i) => {
      const after = i === d.rows.length - 1 ? 200 : 0;
      return { cells: [{ children: [] }, { children: [p(label, after)] }, { children: [p(`: ${value}`, after)] }] };
    }),
  ];
  const table = fixedTable([contentWidth - labelW - valueW, labelW, valueW], rows.map((r) => ({ ...r, keepNext: true })), false);
  return [table];
}

/** The column heads and, under them, their numbers (1 2 3 …); both repeat on every page. */
export function headRows(heads: readonly string[], theme: Theme): RowSpec[] {
  const cell = (text: string, size: number, bold: boolean, shade: string) => ({
    children: [para(text, { alignment: AlignmentType.CENTER, spacing: { before: 20, after: 20 } }, { size, bold })],
    shading: shade,
  });
  return [
    // A point under the rows: the statutory heads are long and their columns narrow.
    { header: true, cells: heads.map((h) => cell(h, theme.head, true, HEADER_SHADE)) },
    { header: true, cells: heads.map((_, i) => cell(String(i + 1), theme.small, false, NUMBER_SHADE)) },
  ];
}

/**
 * The last row keeps with the next — the signature row — so the Kepala never signs a page
 * that holds nothing of the list.
 */
export function keepLastWithNext(rows: RowSpec[]): RowSpec[] {
  return rows.map((r, i) => (i === rows.length - 1 ? { ...r, keepNext: true } : r));
}

/** A cell paragraph in table type. */
export function cellText(text: string, theme: Theme, style: { bold?: boolean; italics?: boolean; center?: boolean; after?: number } = {}): Paragraph {
  return para(
    text.trim() || '-',
    { alignment: style.center ? AlignmentType.CENTER : AlignmentType.LEFT, spacing: { before: 0, after: style.after ?? 0 } },
    { size: theme.table, bold: style.bold, italics: style.italics },
  );
}

/** A registry cell's paragraphs (columns.ts), with a little space between them. */
export function cellParagraphs(lines: readonly CellLine[], theme: Theme): Paragraph[] {
  return lines.map((l, i) => cellText(l.text, theme, { bold: l.bold, italics: l.italic, center: l.center, after: i < lines.length - 1 ? 40 : 0 }));
}

const NO_LINE = { style: BorderStyle.NONE, size: 0, color: 'auto' } as const;
const LINE = { style: BorderStyle.SINGLE, size: 4, color: '000000' } as const;

/**
 * The Kepala's signature, bottom right, as the table's last row, borderless and unsplittable.
 * A paragraph after a table is not reliably kept with the table's last row by LibreOffice
 * (it left the signature alone on a page for some list lengths); rows kept with the next
 * row are.
 */
export function kepalaSignatureRow(settings: Settings, cycle: DocumentCycle, state: ListState, contentWidth: number, columns: number, theme: Theme): RowSpec {
  return {
    cantSplit: true,
    cells: [
      {
        span: columns,
        borders: { top: LINE, left: NO_LINE, right: NO_LINE, bottom: NO_LINE },
        margins: { top: 240, bottom: 0, left: 0, right: 0 },
        children: signatureBlock(
          {
            placeDate: listPlaceDate(settings, cycle, state),
            jabatan: kepalaJabatan(settings),
            person: settings.officials.kepala,
            indent: contentWidth - cm(12.5),
            inRow: true,
          },
          theme,
        ),
      },
    ],
  };
}

/** The section of a landscape list, with the draft mark or the seal in every page's frame. */
export function listSection(
  settings: Settings,
  state: ListState,
  seal: SealSpec | null,
  theme: Theme,
  build: (contentWidth: number) => (Paragraph | Table)[],
): ISectionOptions {
  const layout = pageLayout(settings.documents.paper, 'landscape');
  const mark = draftMarkText(state);
  if (state === 'final' && !seal) throw new Error('A signed list needs its seal.');
  return {
    properties: layout.properties,
    headers: { default: mark ? markHeader(mark, theme) : emptyHeader() },
    footers: { default: state === 'final' && seal ? sealFooter(seal, layout.contentWidth, theme) : pageNumberFooter(theme) },
    children: build(layout.contentWidth),
  };
}
