import ExcelJS from 'exceljs';
import type { PaperSize, Worksheet } from 'exceljs';
import type { DocumentSettings, Settings } from '../../domain/office';
import type { CellLine } from '../shared/columns';

/**
 * What the publication workbooks (regency-xlsx.ts, compliance-xlsx.ts) share: the sheet's
 * paper as the DOCX's, title rows, heads that stay in view and print on every page, and the
 * registry's cell lines as rich text (the judul bold, notes italic).
 */

/** Excel's paper codes: A4 is 9; F4 (215 × 330 mm) is Folio, 8.5 × 13 in, 14. */
const PAPER: Record<DocumentSettings['paper'], number> = { A4: 9, F4: 14 };

/** Characters across a landscape page at the table's type size, shared out by weight. */
const LANDSCAPE_CHARS = 175;

export function newWorkbook(settings: Pick<Settings, 'office'>, date: Date): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = settings.office.opdName;
  wb.lastModifiedBy = settings.office.opdName;
  // The document's own date, not the machine's clock: the same content gives the same file.
  wb.created = date;
  wb.modified = date;
  return wb;
}

export interface SheetSpec {
  name: string;
  title: string[];
  /** Under the title, plain (the summary). */
  subtitle?: string;
  heads: readonly string[];
  weights: readonly number[];
  /** A row of column numbers under the heads (1 2 3 …), as the lists print. */
  numbered?: boolean;
  settings: Pick<Settings, 'documents'>;
  /** Left of the printed footer: the fingerprint, when signed. */
  footer?: string;
}

const THIN = { style: 'thin', color: { argb: 'FF000000' } } as const;
export const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };
export const fill = (hex: string) => ({ type: 'pattern', pattern: 'solid', fgColor: { argb: `FF${hex}` } }) as const;

/** A landscape sheet with its title, its heads frozen and repeated on every printed page; returns the first free row. */
export function startSheet(wb: ExcelJS.Workbook, spec: SheetSpec): { ws: Worksheet; next: number } {
  const font = spec.settings.documents.font;
  const size = Math.max(9, spec.settings.documents.fontSize - 2);
  const ws = wb.addWorksheet(spec.name, {
    pageSetup: {
      orientation: 'landscape',
      paperSize: PAPER[spec.settings.documents.paper] as unknown as PaperSize,
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: { left: 0.79, right: 0.59, top: 0.79, bottom: 0.79, header: 0.39, footer: 0.39 },
    },
    headerFooter: { oddFooter: `&L&8${(spec.footer ?? '').replace(/&/g, '&&')}&R&8Halaman &P dari &N` },
  });
  const total = spec.weights.reduce((a, b) => a + b, 0);
  const width = (w: number) => Math.max(5, Math.round((w / total) * LANDSCAPE_CHARS * 10) / 10);
  // exceljs leaves a column of its default width (9) out of the file; a reader would then use its own default.
  ws.columns = spec.weights.map((w) => ({ width: width(w) === 9 ? 9.1 : width(w) }));
  const span = spec.heads.length;
  let row = 1;
  for (const [i, line] of spec.title.entries()) {
    ws.mergeCells(row, 1, row, span);
    const c = ws.getCell(row, 1);
    c.value = line;
    c.font = { name: font, size: i === 0 ? size + 4 : size + 2, bold: true };
    c.alignment = { horizontal: 'center' };
    row++;
  }
  if (spec.subtitle) {
    ws.mergeCells(row, 1, row, span);
    const c = ws.getCell(row, 1);
    c.value = spec.subtitle;
    c.font = { name: font, size };
    c.alignment = { horizontal: 'center', wrapText: true };
    ws.getRow(row).height = 30;
    row++;
  }
  row++;
  const headRow = row;
  spec.heads.forEach((h, i) => {
    const c = ws.getCell(row, i + 1);
    c.value = h.replace(/\u200B/g, '');
    c.font = { name: font, size: size - 1, bold: true };
    c.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    c.fill = fill('D9D9D9');
    c.border = BORDER;
  });
  ws.getRow(row).height = 48;
  row++;
  if (spec.numbered) {
    spec.heads.forEach((_, i) => {
      const c = ws.getCell(row, i + 1);
      c.value = i + 1;
      c.font = { name: font, size: size - 2 };
      c.alignment = { horizontal: 'center' };
      c.fill = fill('F2F2F2');
      c.border = BORDER;
    });
    row++;
  }
  ws.views = [{ state: 'frozen', xSplit: 0, ySplit: row - 1 }];
  ws.pageSetup.printTitlesRow = `${headRow}:${row - 1}`;
  return { ws, next: row };
}

/** A registry cell (columns.ts) as rich text: its paragraphs on lines of their own, bold and italic kept. */
export function richCell(lines: readonly CellLine[], font: string, size: number): ExcelJS.CellValue {
  const parts = lines.map((l, i) => ({
    text: (l.text.trim() || '-') + (i < lines.length - 1 ? '\n' : ''),
    font: { name: font, size, ...(l.bold ? { bold: true } : {}), ...(l.italic ? { italic: true } : {}) },
  }));
  if (parts.length === 1 && !lines[0]!.bold && !lines[0]!.italic) return parts[0]!.text;
  return { richText: parts };
}

/** A row spanning the whole width: a heading (OPD, category) or a note. */
export function spanRow(ws: Worksheet, row: number, span: number, value: ExcelJS.CellValue, style: { fill?: string; font: Partial<ExcelJS.Font>; height?: number }): void {
  ws.mergeCells(row, 1, row, span);
  const c = ws.getCell(row, 1);
  c.value = value;
  c.font = style.font;
  c.alignment = { vertical: 'top', wrapText: true };
  if (style.fill) c.fill = fill(style.fill);
  c.border = BORDER;
  if (style.height) ws.getRow(row).height = style.height;
}

export async function workbookBytes(wb: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await wb.xlsx.writeBuffer());
}
