import { AlignmentType, BorderStyle, type Paragraph, type Table } from 'docx';
import type { Settings } from '../../../domain/office';
import { cm } from './page';
import { GROUP_SHADE, headRows } from './list';
import { plainRowSpec, plainRowsXml, RawRows, type PlainRow } from './raw-rows';
import { signatureBlock } from './signature';
import { fixedTable, type RowSpec } from './table';
import { centred, gap, para } from './text';
import { ppidUtamaJabatan, regencyPlaceDate, type OpdHeading, type RegencyInput } from '../../shared/regency';
import type { Theme } from '../../shared/texts';
import type { CellLine } from '../../shared/columns';

/**
 * What the regency's documents share (PPID Utama mode): everything they are built from, the
 * title block, the OPD heading row and the PPID Utama's signature. The builders read no files
 * and no clock, as the OPD's.
 */
export interface RegencyContext {
  /** The PPID Utama's own installation: its kop (Dinas Kominfo), paper, font, place, zone. */
  settings: Settings;
  emblem: Buffer | null;
  input: RegencyInput;
  now: Date;
}

/** A shade darker than a category's, so an OPD's start stands out on a long page. */
export const OPD_SHADE = 'D6DCE4';

/** Title lines bold and centred, then a plain line under them. */
export function regencyTitleBlock(lines: readonly string[], summary: string, theme: Theme): Paragraph[] {
  return [
    ...lines.map((l, i) => centred(l, { bold: true, size: i === 0 ? theme.body + 2 : theme.body }, { spacing: { before: 0, after: 0 }, keepNext: true })),
    centred(summary, { size: theme.table }, { spacing: { before: 80, after: 200 }, keepNext: true }),
  ];
}

/** An OPD's heading row, kept with what follows so it never ends a page. */
export function opdHeadingRow(h: OpdHeading, span: number): PlainRow {
  return {
    keepNext: true,
    cells: [{ span, shading: OPD_SHADE, lines: [{ text: h.title, bold: true, after: 20 }, { text: h.note, italics: true }] }],
  };
}

/** A category's heading row inside an OPD. */
export function groupHeadingRow(text: string, span: number): PlainRow {
  return { keepNext: true, cells: [{ span, shading: GROUP_SHADE, lines: [{ text, bold: true }] }] };
}

/** A note in place of rows, under the number column. */
export function noteRow(text: string, span: number): PlainRow {
  return { cells: [{ lines: [] }, { span: span - 1, lines: [{ text, italics: true }] }] };
}

/** A registry row (columns.ts), its cells' paragraphs spaced as parts/list.ts cellParagraphs. */
export function registryRow(lines: readonly (readonly CellLine[])[], cantSplit: boolean): PlainRow {
  return {
    cantSplit,
    cells: lines.map((cell) => ({ lines: cell.map((l, i) => ({ text: l.text, bold: l.bold, italics: l.italic, center: l.center, after: i < cell.length - 1 ? 40 : 0 })) })),
  };
}

/** One OPD's part of a consolidated list: its heading, and its rows (null: it has no signed list). */
export interface OpdBlock {
  heading: OpdHeading;
  rows: PlainRow[] | null;
}

/**
 * The list as one table per OPD, a thin gap between them. Each signed OPD's table repeats the
 * column heads and the OPD's heading on every page it runs over, so a page in the middle of
 * Dinas Kesehatan still says whose rows it holds. (One table of 12,000 rows also took
 * LibreOffice more than quadratic time to lay out; forty tables of 300 take it linearly.) An
 * OPD without a signed list is one heading row. Rows are raw text (raw-rows.ts); the last table
 * ends with the PPID Utama's signature, its last row kept with it, so the PPID Utama never
 * signs a page holding nothing of the list.
 */
export function opdTables(blocks: readonly OpdBlock[], heads: readonly string[], widths: readonly number[], theme: Theme, signature: RowSpec): { children: Block[]; raws: RawRows[] } {
  const span = heads.length;
  const children: Block[] = [];
  const raws: RawRows[] = [];
  // From the last OPD with rows on, everything keeps with the signature: OPD still missing
  // at the end of the register must not leave the PPID Utama to sign a page of "belum".
  const lastWithRows = blocks.reduce((at, b, i) => (b.rows?.length ? i : at), -1);
  blocks.forEach((b, i) => {
    const last = i === blocks.length - 1;
    if (i > 0) children.push(gap(OPD_GAP, { keepNext: i > lastWithRows }));
    const heading = plainRowSpec(opdHeadingRow(b.heading, span), theme);
    const rows: RowSpec[] = b.rows ? [...headRows(heads, theme).map((r) => ({ ...r, keepNext: true })), { ...heading, header: true }] : [heading];
    if (b.rows?.length) {
      const body = i === lastWithRows ? b.rows.map((r, k) => (k === b.rows!.length - 1 ? { ...r, keepNext: true } : r)) : b.rows;
      const raw = new RawRows(plainRowsXml(body, widths, theme));
      raws.push(raw);
      rows.push(raw.row(span));
    }
    if (last) rows.push(signature);
    children.push(fixedTable(widths, rows));
  });
  return { children, raws };
}

/** Space between two OPD's tables: Word joins tables that touch. */
const OPD_GAP = 160;

const NO_LINE = { style: BorderStyle.NONE, size: 0, color: 'auto' } as const;
const LINE = { style: BorderStyle.SINGLE, size: 4, color: '000000' } as const;

/**
 * The PPID Utama's signature as the table's last row, as parts/list.ts kepalaSignatureRow.
 * The lists date it when the PPID Utama signed them; the report passes its own date.
 */
export function ppidUtamaSignatureRow(ctx: RegencyContext, contentWidth: number, columns: number, theme: Theme, placeDate?: string): RowSpec {
  const { settings, input } = ctx;
  return {
    cantSplit: true,
    cells: [
      {
        span: columns,
        borders: { top: LINE, left: NO_LINE, right: NO_LINE, bottom: NO_LINE },
        margins: { top: 240, bottom: 0, left: 0, right: 0 },
        children: signatureBlock(
          {
            placeDate: placeDate ?? regencyPlaceDate(settings.office.placeName, input, settings.calendar.timeZone),
            jabatan: ppidUtamaJabatan(input),
            person: input.regency.officials.ppidUtama,
            indent: contentWidth - cm(12.5),
            inRow: true,
          },
          theme,
        ),
      },
    ],
  };
}

/** A section heading of the report (A., B., C.), kept with its table. */
export function sectionHeading(text: string, theme: Theme, first = false): Paragraph {
  return para(text, { alignment: AlignmentType.LEFT, keepNext: true, keepLines: true, spacing: { before: first ? 0 : 240, after: 100 } }, { bold: true, size: theme.body });
}

export type Block = Paragraph | Table;
