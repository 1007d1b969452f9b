import { AlignmentType, BorderStyle, type Document, type Paragraph, type Table } from 'docx';
import { CATEGORY_LABELS } from '../../domain/information';
import { makeDocument, pageNumberFooter, emptyHeader } from './parts/frame';
import { kopSurat } from './parts/kop';
import { cellText, headRows } from './parts/list';
import { cm, pageLayout, splitWidth } from './parts/page';
import { ppidUtamaSignatureRow, regencyTitleBlock, sectionHeading, type RegencyContext } from './parts/regency';
import { fixedTable, type CellSpec, type RowSpec } from './parts/table';
import { para } from './parts/text';
import {
  barSegments,
  CATEGORY_COLORS,
  CHART_MISSING,
  COMPLIANCE_CATEGORIES,
  COMPLIANCE_HEADS,
  COMPLIANCE_SECTIONS,
  COMPLIANCE_WEIGHTS,
  complianceCells,
  compliancePlaceDate,
  complianceReport,
  complianceSummary,
  complianceTitleLines,
  complianceTotalCells,
  chartScaleText,
  EXEMPT_HEADS,
  EXEMPT_WEIGHTS,
  exemptionCells,
  NO_EXEMPTIONS,
  STATUS_SHADES,
  TOTAL_LABEL_SPAN,
  type ComplianceReport,
} from '../shared/compliance';
import { themeOf, type Theme } from '../shared/texts';

/** Bar units across the chart: the DOCX draws a bar as shaded cells of a grid this fine. */
export const CHART_UNITS = 40;

const NUMERIC_FROM = 4;

function statusRows(report: ComplianceReport, theme: Theme): RowSpec[] {
  const rows: RowSpec[] = report.rows.map((r) => ({
    cells: complianceCells(r).map(
      (text, i): CellSpec => ({
        children: [cellText(text, theme, { center: i === 0 || i >= NUMERIC_FROM, bold: i === 2 && r.status !== 'tepat_waktu' })],
        ...(i === 2 && STATUS_SHADES[r.status] ? { shading: STATUS_SHADES[r.status]! } : {}),
      }),
    ),
  }));
  rows.push({
    cells: complianceTotalCells(report).map((text, i) => ({
      ...(i === 0 ? { span: TOTAL_LABEL_SPAN } : {}),
      children: [para(text, { alignment: i === 0 ? AlignmentType.RIGHT : AlignmentType.CENTER, spacing: { before: 0, after: 0 } }, { size: theme.table, bold: true })],
      shading: 'F2F2F2',
    })),
  });
  return rows;
}

const GAP = { style: BorderStyle.SINGLE, size: 24, color: 'FFFFFF' } as const;

/**
 * Section B as a table: each bar a run of cells shaded in its categories' colours, as long as
 * its share of the largest OPD's total. Rendering an SVG chart to an image needs a browser or
 * a native canvas, neither of which the core has; shaded cells print the same in Word and
 * LibreOffice and stay editable.
 */
function chartTable(report: ComplianceReport, width: number, theme: Theme): Table {
  const nameW = cm(7);
  const totalW = cm(1.6);
  const widths = [nameW, ...splitWidth(width - nameW - totalW, Array.from({ length: CHART_UNITS }, () => 1)), totalW];
  const small = (text: string, style: { italics?: boolean; center?: boolean; bold?: boolean } = {}) =>
    para(text, { alignment: style.center ? AlignmentType.CENTER : AlignmentType.LEFT, spacing: { before: 0, after: 0 } }, { size: theme.small + 1, ...style });
  const rows: RowSpec[] = report.rows.map((r) => {
    const name: CellSpec = { children: [small(`${r.no}. ${r.opdName}`)], verticalAlign: 'center' };
    const total: CellSpec = { children: [small(r.total === null ? '-' : String(r.total), { center: true, bold: true })], verticalAlign: 'center' };
    if (!r.counts) return { cells: [name, { span: CHART_UNITS, children: [small(CHART_MISSING, { italics: true })] }, total] };
    const segments = barSegments(r.counts, report.maxTotal, CHART_UNITS);
    const used = segments.reduce((n, s) => n + s.units, 0);
    return {
      cells: [
        name,
        ...segments.map((s): CellSpec => ({ span: s.units, shading: CATEGORY_COLORS[s.category], borders: { top: GAP, bottom: GAP, left: GAP, right: GAP }, children: [] })),
        ...(used < CHART_UNITS ? [{ span: CHART_UNITS - used, children: [] }] : []),
        total,
      ],
    };
  });
  return fixedTable(widths, rows, false);
}

function legend(report: ComplianceReport, width: number, theme: Theme): (Table | Paragraph)[] {
  const swatch = cm(0.5);
  const label = cm(3.4);
  const cells: CellSpec[] = COMPLIANCE_CATEGORIES.flatMap((c) => [
    { shading: CATEGORY_COLORS[c], borders: { top: GAP, bottom: GAP, left: GAP, right: GAP }, children: [] },
    { children: [para(CATEGORY_LABELS[c], { spacing: { before: 0, after: 0 } }, { size: theme.small + 1 })] },
  ]);
  const used = COMPLIANCE_CATEGORIES.length * (swatch + label);
  return [
    fixedTable([...COMPLIANCE_CATEGORIES.flatMap(() => [swatch, label]), width - used], [{ keepNext: true, cells: [...cells, { children: [] }] }], false),
    para(chartScaleText(report), { keepNext: true, spacing: { before: 60, after: 60 } }, { size: theme.small + 1, italics: true }),
  ];
}

function exemptRows(report: ComplianceReport, theme: Theme): RowSpec[] {
  const cells = exemptionCells(report);
  if (!cells.length) return [{ cells: [{ children: [] }, { span: EXEMPT_HEADS.length - 1, children: [cellText(NO_EXEMPTIONS, theme, { italics: true })] }] }];
  return cells.map((row) => ({ cells: row.map((text, i) => ({ children: [cellText(text, theme, { center: i === 0 })] })) }));
}

/**
 * The compliance report for the year: per OPD on time, late or missing, its items per
 * category, a bar per OPD, and every exempt item with its period; signed by the PPID Utama.
 * Landscape, under the Dinas Kominfo's kop; dated the day it is made (ctx.now).
 */
export function buildCompliance(ctx: RegencyContext): Document {
  const { settings, input } = ctx;
  const tz = settings.calendar.timeZone;
  const theme = themeOf(settings);
  const report = complianceReport(input, tz);
  const layout = pageLayout(settings.documents.paper, 'landscape');
  const w = layout.contentWidth;
  const statusWidths = splitWidth(w, COMPLIANCE_WEIGHTS);
  const exemptWidths = splitWidth(w, EXEMPT_WEIGHTS);
  const keepLast = (rows: RowSpec[]) => rows.map((r, i) => (i === rows.length - 1 ? { ...r, keepNext: true } : r));
  return makeDocument(
    settings,
    { title: `Laporan Kepatuhan Pendokumentasian Informasi Publik ${input.regency.pemda} Tahun ${input.year}`, description: input.regency.name, created: ctx.now },
    [
      {
        properties: layout.properties,
        headers: { default: emptyHeader() },
        footers: { default: pageNumberFooter(theme) },
        children: [
          ...kopSurat(settings, ctx.emblem, w, theme),
          ...regencyTitleBlock(complianceTitleLines(report), complianceSummary(report), theme),
          sectionHeading(COMPLIANCE_SECTIONS.status, theme, true),
          fixedTable(statusWidths, [...headRows(COMPLIANCE_HEADS, theme).slice(0, 1), ...statusRows(report, theme)]),
          sectionHeading(COMPLIANCE_SECTIONS.chart, theme),
          ...legend(report, w, theme),
          chartTable(report, w, theme),
          sectionHeading(COMPLIANCE_SECTIONS.exempt, theme),
          fixedTable(exemptWidths, [
            ...headRows(EXEMPT_HEADS, theme).slice(0, 1),
            ...keepLast(exemptRows(report, theme)),
            ppidUtamaSignatureRow(ctx, w, EXEMPT_HEADS.length, theme, compliancePlaceDate(settings.office.placeName, ctx.now, tz)),
          ]),
        ],
      },
    ],
  );
}
