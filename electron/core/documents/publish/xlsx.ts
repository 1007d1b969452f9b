import type { Borders, Fill, Font, PaperSize, RichText, Worksheet } from 'exceljs';
import { cellPlainText, plainText, type Publication } from '../shared/publication';
import type { CellLine } from '../shared/columns';

/**
 * The signed list as an Excel workbook for the PPID website: the title block (list, office,
 * year, who signed it when, and its fingerprint), the statutory heads once, frozen on screen
 * and repeated on every printed page, the DIP's groups as shaded rows, the columns as wide as
 * the paper's, text wrapped, landscape on the office's paper and one page wide.
 */

const FONT = 'Arial';
/** Excel's paper codes: 9 is A4; 14 is "Folio" 8½ × 13 in (215.9 × 330.2 mm), the F4 of Indonesian offices. */
const PAPER_CODE: Record<Publication['paper'], number> = { A4: 9, F4: 14 };
/**
 * The width between the margins in Excel's character units (Arial 10: about 7 px a unit plus
 * 5 px padding a column, 96 px an inch): A4 landscape 297 − 35 mm, F4 330 − 35 mm. The sheet is
 * also set to print one page wide, so a small error here only scales the print.
 */
const CONTENT_UNITS: Record<Publication['paper'], number> = { A4: 136, F4: 154 };
/** The DOCX's landscape margins (2 cm top and left, 1.5 cm right, 2.6 cm bottom), in inches. */
const MARGINS = { top: 0.79, left: 0.79, right: 0.59, bottom: 1.02, header: 0.39, footer: 0.39 };

const thin = { style: 'thin' as const, color: { argb: 'FF000000' } };
const BORDER: Partial<Borders> = { top: thin, left: thin, bottom: thin, right: thin };
const shade = (rgb: string): Fill => ({ type: 'pattern', pattern: 'solid', fgColor: { argb: `FF${rgb}` } });
/** The DOCX's shades (documents/docx/parts/list.ts): heads D9D9D9, group rows EDEDED. */
const HEAD_FILL = shade('D9D9D9');
const GROUP_FILL = shade('EDEDED');
const font = (size: number, extra: Partial<Font> = {}): Partial<Font> => ({ name: FONT, size, ...extra });

/** A header/footer text: `&` starts a code there, so a literal one is doubled. */
const hf = (s: string) => s.replace(/&/g, '&&');

/** A registry cell: the judul bold and the berkala note italic, as on paper; one plain string when there is nothing to style. */
function cellValue(lines: readonly CellLine[]): string | { richText: RichText[] } {
  const shown = lines.filter((l) => plainText(l.text).trim());
  if (!shown.some((l) => l.bold || l.italic)) return cellPlainText(lines);
  return {
    richText: shown.map((l, i) => ({
      text: plainText(l.text).trim() + (i < shown.length - 1 ? '\n' : ''),
      font: font(10, { bold: l.bold, italic: l.italic }),
    })),
  };
}

// ---------------------------------------------------------------- Row heights

/**
 * Arial's advance widths in thousandths of an em for printable ASCII (Liberation Sans, which
 * LibreOffice uses for it, has the same metrics); other characters count as a digit.
 */
const ARIAL = [
  278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556,
  1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556,
  333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,
];
const advance = (ch: string) => ARIAL[ch.charCodeAt(0) - 32] ?? 556;

/**
 * How many lines a paragraph wraps to in a column `widthPt` wide, at `sizePt`: words are
 * laid greedily as Excel and LibreOffice lay them, a word longer than the line breaks where
 * it must. Bold runs about 5% wider.
 */
export function wrappedLines(text: string, widthPt: number, sizePt: number, bold = false): number {
  const scale = (sizePt / 1000) * (bold ? 1.05 : 1);
  const space = advance(' ') * scale;
  let lines = 1;
  let used = 0;
  for (const word of text.split(/\s+/).filter(Boolean)) {
    let w = [...word].reduce((a, ch) => a + advance(ch) * scale, 0);
    const gap = used > 0 ? space : 0;
    if (used + gap + w <= widthPt) {
      used += gap + w;
      continue;
    }
    if (used > 0) lines++;
    while (w > widthPt) {
      lines++;
      w -= widthPt;
    }
    used = w;
  }
  return lines;
}

/** A column's room for text, in points: Excel's width unit is 7 px of Arial 10 plus 5 px, less the cell's padding. */
const textWidthPt = (units: number) => (Math.floor(units * 7 + 5) - 6) * 0.75;
/** Arial's line at a size, as Excel and LibreOffice space it (12.75 pt at 10 pt). */
const lineHeight = (sizePt: number) => sizePt * 1.275;

/**
 * Row heights set explicitly: LibreOffice keeps an imported row at the default height whatever
 * its wrapped text (the rows overprinted each other when left to it), and a row too short
 * hides text. The estimate errs a little high: a few points of air, never a cut line.
 */
function rowHeight(cells: readonly { lines: readonly { text: string; bold?: boolean }[]; units: number }[], sizePt: number): number {
  let most = 1;
  for (const c of cells) {
    const count = c.lines.reduce((n, l) => n + wrappedLines(l.text, textWidthPt(c.units), sizePt, l.bold), 0);
    most = Math.max(most, count);
  }
  return Math.ceil(most * lineHeight(sizePt) + 3);
}

/** Column widths in character units, split by the registry's weights over the page's width. */
export function columnWidths(p: Pick<Publication, 'weights' | 'paper'>): number[] {
  const total = CONTENT_UNITS[p.paper] - p.weights.length * 0.7;
  const sum = p.weights.reduce((a, b) => a + b, 0);
  return p.weights.map((w) => Math.round(((total * w) / sum) * 10) / 10);
}

/** Where things are on the sheet, for the tests and for whoever reads the workbook back. */
export const XLSX_LAYOUT = {
  sheetName: { dip: 'DIP', dik: 'DIK' },
  titleRow: 1,
  officeRow: 2,
  signedRow: 3,
  provenanceRow: 4,
  headRow: 6,
} as const;

function titleBlock(ws: Worksheet, p: Publication, span: number): void {
  const lines: [row: number, text: string, f: Partial<Font>][] = [
    [XLSX_LAYOUT.titleRow, p.title, font(14, { bold: true })],
    [XLSX_LAYOUT.officeRow, p.office, font(12, { bold: true })],
    [XLSX_LAYOUT.signedRow, p.signedLine, font(10)],
    [XLSX_LAYOUT.provenanceRow, p.provenance, font(9, { italic: true, color: { argb: 'FF444444' } })],
  ];
  for (const [n, text, f] of lines) {
    const row = ws.getRow(n);
    row.getCell(1).value = text;
    row.getCell(1).font = f;
    row.getCell(1).alignment = { horizontal: 'center', vertical: 'middle', wrapText: false };
    ws.mergeCells(n, 1, n, span);
  }
  ws.getRow(XLSX_LAYOUT.titleRow).height = 22;
  ws.getRow(XLSX_LAYOUT.headRow - 1).height = 6;
}

/** Builds the workbook, dated by the signing (the same signed list gives the same content every time). */
export async function buildPublicationXlsx(p: Publication): Promise<Buffer> {
  // Loaded when a workbook is first asked for: exceljs is large, and most sessions never export.
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  const signed = new Date(p.signedAt);
  wb.creator = 'PPID Desk';
  wb.lastModifiedBy = 'PPID Desk';
  wb.created = signed;
  wb.modified = signed;
  wb.title = `${p.listName} Tahun ${p.year}`;
  wb.subject = p.office;
  wb.description = `${p.signedLine}. ${p.provenance}`;

  const span = p.heads.length;
  const head = XLSX_LAYOUT.headRow;
  const ws = wb.addWorksheet(XLSX_LAYOUT.sheetName[p.list], {
    // Frozen under the heads: scrolling a thousand rows keeps the statutory heads in sight.
    views: [{ state: 'frozen', xSplit: 0, ySplit: head, topLeftCell: `A${head + 1}`, activeCell: `A${head + 1}`, showGridLines: false }],
    pageSetup: {
      paperSize: PAPER_CODE[p.paper] as PaperSize,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      // 0: as many pages high as the rows need.
      fitToHeight: 0,
      margins: MARGINS,
      horizontalCentered: true,
      printTitlesRow: `${head}:${head}`,
    },
    headerFooter: {
      oddFooter: `&L&"${FONT}"&8${hf(`${p.listName} Tahun ${p.year} · sidik ${p.fingerprint}`)}&R&"${FONT}"&8Halaman &P dari &N`,
    },
  });

  ws.columns = columnWidths(p).map((width, i) => ({
    key: p.keys[i],
    width,
    style: { font: font(10), alignment: { vertical: 'top', horizontal: p.keys[i] === 'no' ? 'center' : 'left', wrapText: true } },
  }));

  titleBlock(ws, p, span);

  const widths = columnWidths(p);
  const heads = ws.getRow(head);
  heads.height = rowHeight(p.heads.map((h, i) => ({ lines: [{ text: h, bold: true }], units: widths[i]! })), 9);
  p.heads.forEach((h, i) => {
    const c = heads.getCell(i + 1);
    c.value = h;
    c.font = font(9, { bold: true });
    c.fill = HEAD_FILL;
    c.border = BORDER;
    c.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  });

  let n = head + 1;
  const fullWidthRow = (text: string, f: Partial<Font>, fill: Fill | null) => {
    const row = ws.getRow(n);
    const c = row.getCell(1);
    c.value = text;
    c.font = f;
    if (fill) c.fill = fill;
    c.alignment = { vertical: 'middle', horizontal: 'left', wrapText: true };
    for (let i = 1; i <= span; i++) row.getCell(i).border = BORDER;
    ws.mergeCells(n, 1, n, span);
    n++;
  };

  for (const section of p.sections) {
    if (section.heading) fullWidthRow(section.heading, font(10, { bold: true }), GROUP_FILL);
    if (!section.rows.length && section.emptyText) fullWidthRow(section.emptyText, font(10, { italic: true }), null);
    for (const r of section.rows) {
      const row = ws.getRow(n++);
      row.height = rowHeight(
        r.cells.map((lines, i) => ({ lines: lines.map((l) => ({ text: plainText(l.text).trim() || '-', bold: l.bold })), units: widths[i]! })),
        10,
      );
      r.cells.forEach((lines, i) => {
        const c = row.getCell(i + 1);
        // The number as a number: a website's table plugin and Excel's sort then order 10 after 9.
        c.value = p.keys[i] === 'no' ? r.no : cellValue(lines);
        c.border = BORDER;
      });
    }
  }

  // Fast deflate: zipping is most of the time a thousand rows take, and the best compression saves a few kilobytes only.
  return Buffer.from(await wb.xlsx.writeBuffer({ zip: { compression: 'DEFLATE', compressionOptions: { level: 1 } } }));
}
