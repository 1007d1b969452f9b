import type { RegencyContext } from '../docx/parts/regency';
import {
  COMPLIANCE_CATEGORIES,
  COMPLIANCE_HEADS,
  COMPLIANCE_STATUS_LABELS,
  COMPLIANCE_WEIGHTS,
  complianceReport,
  complianceSummary,
  complianceTitleLines,
  EXEMPT_HEADS,
  EXEMPT_WEIGHTS,
  exemptionCells,
  NO_EXEMPTIONS,
  STATUS_SHADES,
  TOTAL_LABEL_SPAN,
} from '../shared/compliance';
import { themeOf } from '../shared/texts';
import { BORDER, fill, newWorkbook, spanRow, startSheet, workbookBytes } from './workbook';

/**
 * The compliance report as a workbook: sheet "Kepatuhan" (one row per OPD — status, detail,
 * items per category as numbers, a data bar on the totals in place of the printed chart;
 * a totals row) and sheet "Dikecualikan" (every exempt item with its OPD, legal basis and
 * period). Heads frozen and printed on every page, as the lists' workbook.
 */
export async function buildComplianceXlsx(ctx: RegencyContext): Promise<Buffer> {
  const { settings, input } = ctx;
  const report = complianceReport(input, settings.calendar.timeZone);
  const font = settings.documents.font;
  const size = themeOf(settings).table;
  const wb = newWorkbook(settings, ctx.now);
  const cellStyle = { font: { name: font, size }, border: BORDER };

  {
    const { ws, next } = startSheet(wb, {
      name: 'Kepatuhan',
      title: complianceTitleLines(report),
      subtitle: complianceSummary(report),
      heads: COMPLIANCE_HEADS,
      weights: COMPLIANCE_WEIGHTS,
      settings,
    });
    let row = next;
    const first = row;
    for (const r of report.rows) {
      const values: (string | number | null)[] = [
        r.no,
        r.opdName,
        // The status word alone, so the column filters by it; how late goes to the detail.
        COMPLIANCE_STATUS_LABELS[r.status],
        [r.detail, r.lateness].filter(Boolean).join('; '),
        ...COMPLIANCE_CATEGORIES.map((c) => r.counts?.[c] ?? null),
        r.total,
      ];
      values.forEach((v, i) => {
        const c = ws.getCell(row, i + 1);
        c.value = v;
        Object.assign(c, cellStyle);
        c.alignment = { vertical: 'top', wrapText: true, ...(i === 0 || i >= 4 ? { horizontal: 'center' } : {}) };
        const shade = i === 2 ? STATUS_SHADES[r.status] : null;
        if (shade) c.fill = fill(shade);
      });
      row++;
    }
    const last = row - 1;
    ws.mergeCells(row, 1, row, TOTAL_LABEL_SPAN);
    ws.getCell(row, 1).value = 'Jumlah';
    ws.getCell(row, 1).alignment = { horizontal: 'right' };
    COMPLIANCE_CATEGORIES.forEach((c, k) => {
      // Formulas, so a corrected count in the sheet adds up; the result is stored for readers that do not compute.
      const col = TOTAL_LABEL_SPAN + 1 + k;
      const letter = ws.getColumn(col).letter;
      ws.getCell(row, col).value = { formula: `SUM(${letter}${first}:${letter}${last})`, result: report.totals.counts[c] };
    });
    const totalCol = COMPLIANCE_HEADS.length;
    const totalLetter = ws.getColumn(totalCol).letter;
    ws.getCell(row, totalCol).value = { formula: `SUM(${totalLetter}${first}:${totalLetter}${last})`, result: report.totals.total };
    for (let i = 1; i <= totalCol; i++) {
      const c = ws.getCell(row, i);
      c.font = { name: font, size, bold: true };
      c.border = BORDER;
      c.fill = fill('F2F2F2');
      if (i > TOTAL_LABEL_SPAN) c.alignment = { horizontal: 'center' };
    }
    ws.addConditionalFormatting({
      ref: `${totalLetter}${first}:${totalLetter}${last}`,
      rules: [{ type: 'dataBar', priority: 1, gradient: false, cfvo: [{ type: 'num', value: 0 }, { type: 'max' }], color: { argb: 'FF1F4E79' } } as never],
    });
  }

  {
    const { ws, next } = startSheet(wb, { name: 'Dikecualikan', title: complianceTitleLines(report), heads: EXEMPT_HEADS, weights: EXEMPT_WEIGHTS, settings });
    let row = next;
    const cells = exemptionCells(report);
    if (!cells.length) spanRow(ws, row++, EXEMPT_HEADS.length, NO_EXEMPTIONS, { font: { name: font, size, italic: true } });
    cells.forEach((values, k) => {
      values.forEach((v, i) => {
        const c = ws.getCell(row, i + 1);
        c.value = i === 0 ? k + 1 : v;
        Object.assign(c, cellStyle);
        c.alignment = { vertical: 'top', wrapText: true, ...(i === 0 ? { horizontal: 'center' } : {}) };
      });
      row++;
    });
  }

  return workbookBytes(wb);
}
