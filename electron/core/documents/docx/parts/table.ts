import {
  BorderStyle,
  ShadingType,
  Paragraph,
  Table,
  TableBorders,
  TableCell,
  TableLayoutType,
  TableRow,
  VerticalAlignTable,
  WidthType,
  type ITableCellOptions,
  type ITableRowOptions,
} from 'docx';

/**
 * Tables that LibreOffice lays out as Word does: a DXA width on the table and on every
 * cell, the grid given, a fixed layout. Percent widths are ignored by LibreOffice and an
 * autofit table lets one long word push the last column off the page.
 */
export interface CellSpec {
  children: (Paragraph | Table)[];
  /** Grid columns this cell spans. */
  span?: number;
  shading?: string;
  verticalAlign?: ITableCellOptions['verticalAlign'];
  margins?: ITableCellOptions['margins'];
  borders?: ITableCellOptions['borders'];
}

export interface RowSpec {
  cells: CellSpec[];
  header?: boolean;
  cantSplit?: boolean;
  keepNext?: boolean;
  height?: ITableRowOptions['height'];
}

const LINE = { style: BorderStyle.SINGLE, size: 4, color: '000000' } as const;
export const GRID_BORDERS = {
  top: LINE,
  bottom: LINE,
  left: LINE,
  right: LINE,
  insideHorizontal: LINE,
  insideVertical: LINE,
};

/** Cell padding in twips: a little air without wasting the narrow columns. */
const PADDING = { top: 40, bottom: 40, left: 80, right: 80 };

export function fixedTable(widths: readonly number[], rows: readonly RowSpec[], bordered = true): Table {
  const total = widths.reduce((a, b) => a + b, 0);
  return new Table({
    width: { size: total, type: WidthType.DXA },
    columnWidths: [...widths],
    layout: TableLayoutType.FIXED,
    borders: bordered ? GRID_BORDERS : TableBorders.NONE,
    // Padding once for the table, not on each of a 1,000-row list's 7,000 cells.
    margins: { ...PADDING, marginUnitType: WidthType.DXA },
    rows: rows.map((r) => {
      let col = 0;
      const cells = r.cells.map((c) => {
        const span = c.span ?? 1;
        const width = widths.slice(col, col + span).reduce((a, b) => a + b, 0);
        col += span;
        return new TableCell({
          children: c.children.length ? c.children : [new Paragraph({})],
          width: { size: width, type: WidthType.DXA },
          ...(span > 1 ? { columnSpan: span } : {}),
          ...(c.shading ? { shading: { fill: c.shading, color: 'auto', type: ShadingType.CLEAR } } : {}),
          verticalAlign: c.verticalAlign ?? VerticalAlignTable.TOP,
          ...(c.margins ? { margins: c.margins } : {}),
          ...(c.borders ? { borders: c.borders } : {}),
        });
      });
      if (col !== widths.length) throw new Error(`Table row spans ${col} of ${widths.length} columns.`);
      return new TableRow({
        children: cells,
        ...(r.header ? { tableHeader: true } : {}),
        cantSplit: r.cantSplit ?? true,
        ...(r.keepNext ? { keepNext: true } : {}),
        ...(r.height ? { height: r.height } : {}),
      });
    }),
  });
}
