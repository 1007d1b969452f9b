import { CATEGORY_LABELS } from '../../../../electron/core/domain/information';
import {
  CATEGORY_COLORS,
  CHART_MISSING,
  chartScaleText,
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
  EXEMPT_HEADS,
  EXEMPT_WEIGHTS,
  exemptionCells,
  NO_EXEMPTIONS,
  STATUS_SHADES,
  TOTAL_LABEL_SPAN,
  type ComplianceReport,
} from '../../../../electron/core/documents/shared/compliance';
import { balancedLines } from '../../../../electron/core/documents/shared/kop';
import type { PrintSpec, RegencyPrintInput } from '../model';
import { pageBox } from '../page-setup';
import { CellText, Cols, Kop } from '../parts';
import { mmToTwips, themeOf, type Theme } from '../texts';
import { PpidUtamaSignatureRow, RegencyTitleBlock } from './regency';

/** Columns from the fourth on are numbers, centred (documents/docx/compliance.ts). */
const NUMERIC_FROM = 4;
/** The chart's name and total columns, as the DOCX's 7 cm and 1.6 cm. */
const NAME_MM = 70;
const TOTAL_MM = 16;
const PT_MM = 25.4 / 72;

function StatusTable({ report }: { report: ComplianceReport }) {
  return (
    <table className="pp-grid pp-compliance" aria-label="Kepatuhan per perangkat daerah">
      <Cols weights={COMPLIANCE_WEIGHTS} />
      <thead>
        <tr className="pp-head">
          {COMPLIANCE_HEADS.map((h) => (
            <th key={h}>{h}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {report.rows.map((r) => (
          <tr key={r.opdId} className="pp-row" data-testid="kepatuhan-baris" data-status={r.status}>
            {complianceCells(r).map((text, i) => {
              const shade = i === 2 ? STATUS_SHADES[r.status] : null;
              return (
                <td key={i} style={shade ? { background: `#${shade}` } : undefined}>
                  <CellText text={text} center={i === 0 || i >= NUMERIC_FROM} bold={i === 2 && r.status !== 'tepat_waktu'} />
                </td>
              );
            })}
          </tr>
        ))}
        <tr className="pp-total">
          {complianceTotalCells(report).map((text, i) => (
            <td key={i} colSpan={i === 0 ? TOTAL_LABEL_SPAN : undefined} className={i === 0 ? 'pp-right' : undefined}>
              <div className={`pp-cell-p pp-b${i === 0 ? '' : ' pp-center'}`}>{text}</div>
            </td>
          ))}
        </tr>
      </tbody>
    </table>
  );
}

/**
 * Bars per OPD as plain SVG (no chart library): each bar split by category, its length its
 * share of the largest total, as the DOCX's shaded cells show it (there in whole fortieths).
 */
function BarChart({ report, widthMm, theme }: { report: ComplianceReport; widthMm: number; theme: Theme }) {
  const fontMm = (theme.small + 1) * PT_MM;
  const lineMm = fontMm * 1.25;
  const barArea = widthMm - NAME_MM - TOTAL_MM - 2;
  let y = 0;
  const bars = report.rows.map((r) => {
    const label = balancedLines(`${r.no}. ${r.opdName}`, mmToTwips(NAME_MM - 2), theme.small + 1);
    const height = Math.max(6, label.length * lineMm + 2);
    const top = y;
    y += height;
    let x = NAME_MM;
    const mid = top + height / 2;
    return (
      <g key={r.opdId} data-testid="batang" data-opd-id={r.opdId} data-total={r.total ?? ''}>
        <text x={0} y={mid - ((label.length - 1) * lineMm) / 2 + fontMm / 3} fontSize={fontMm}>
          {label.map((l, i) => (
            <tspan key={i} x={0} dy={i ? lineMm : 0}>
              {l}
            </tspan>
          ))}
        </text>
        {r.counts ? (
          COMPLIANCE_CATEGORIES.filter((c) => r.counts![c] > 0).map((c) => {
            const w = report.maxTotal ? (r.counts![c] / report.maxTotal) * barArea : 0;
            const rect = <rect key={c} x={x} y={top + 1} width={Math.max(0, w - 0.4)} height={height - 2} fill={`#${CATEGORY_COLORS[c]}`} data-kategori={c} data-jumlah={r.counts![c]} />;
            x += w;
            return rect;
          })
        ) : (
          <text x={NAME_MM} y={mid + fontMm / 3} fontSize={fontMm} fontStyle="italic">
            {CHART_MISSING}
          </text>
        )}
        <text x={widthMm - TOTAL_MM / 2} y={mid + fontMm / 3} fontSize={fontMm} fontWeight="bold" textAnchor="middle">
          {r.total === null ? '-' : String(r.total)}
        </text>
      </g>
    );
  });
  return (
    <svg className="pp-chart" role="img" aria-label="Jumlah informasi per perangkat daerah" width={`${widthMm}mm`} height={`${y}mm`} viewBox={`0 0 ${widthMm} ${y}`} fontFamily="inherit">
      {bars}
    </svg>
  );
}

function Legend({ report }: { report: ComplianceReport }) {
  return (
    <div className="pp-chart-legend">
      <div className="pp-chart-keys">
        {COMPLIANCE_CATEGORIES.map((c) => (
          <span key={c} className="pp-chart-key">
            <span className="pp-chart-swatch" style={{ background: `#${CATEGORY_COLORS[c]}` }} />
            {CATEGORY_LABELS[c]}
          </span>
        ))}
      </div>
      <div className="pp-i">{chartScaleText(report)}</div>
    </div>
  );
}

function ExemptTable({ report, input }: { report: ComplianceReport; input: RegencyPrintInput }) {
  const cells = exemptionCells(report);
  const { settings } = input;
  return (
    <table className="pp-grid pp-compliance-exempt" aria-label="Informasi yang dikecualikan dan jangka waktunya">
      <Cols weights={EXEMPT_WEIGHTS} />
      <thead>
        <tr className="pp-head">
          {EXEMPT_HEADS.map((h) => (
            <th key={h}>{h}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {cells.length ? (
          cells.map((row, k) => (
            <tr key={k} className="pp-row" data-testid="dikecualikan-baris">
              {row.map((text, i) => (
                <td key={i}>
                  <CellText text={text} center={i === 0} />
                </td>
              ))}
            </tr>
          ))
        ) : (
          <tr>
            <td />
            <td colSpan={EXEMPT_HEADS.length - 1}>
              <CellText text={NO_EXEMPTIONS} italic />
            </td>
          </tr>
        )}
      </tbody>
      <tbody className="pp-keep">
        <PpidUtamaSignatureRow input={input} columns={EXEMPT_HEADS.length} placeDate={compliancePlaceDate(settings.office.placeName, input.now, settings.calendar.timeZone)} />
      </tbody>
    </table>
  );
}

/** The compliance report, as documents/docx/compliance.ts: status table, bars per OPD, exempt items. */
export function complianceSpec(input: RegencyPrintInput): PrintSpec {
  const { settings, regency } = input;
  const box = pageBox(settings.documents.paper, 'landscape');
  const theme = themeOf(settings);
  const report = complianceReport(regency, settings.calendar.timeZone);
  return {
    kind: 'compliance',
    title: `Laporan Kepatuhan Pendokumentasian Informasi Publik ${regency.regency.pemda} Tahun ${regency.year}`,
    state: null,
    box,
    frame: { mark: null, footer: { kind: 'pageOfPages' } },
    theme,
    sheets: [
      <div key="kepatuhan">
        <Kop settings={settings} contentWidthMm={box.contentWidth} theme={theme} />
        <RegencyTitleBlock lines={complianceTitleLines(report)} summary={complianceSummary(report)} />
        <h2 className="pp-section-head">{COMPLIANCE_SECTIONS.status}</h2>
        <StatusTable report={report} />
        <div className="pp-keep-block">
          <h2 className="pp-section-head">{COMPLIANCE_SECTIONS.chart}</h2>
          <Legend report={report} />
        </div>
        <BarChart report={report} widthMm={box.contentWidth} theme={theme} />
        <h2 className="pp-section-head">{COMPLIANCE_SECTIONS.exempt}</h2>
        <ExemptTable report={report} input={input} />
      </div>,
    ],
  };
}
