import { CATEGORIES, CATEGORY_LABELS, jangkaWaktuShort, legalBasisText, type Category } from '../../domain/information';
import { STEP_INFO } from '../../domain/workflow/sop';
import { tanggal } from './dates';
import type { RegencyInput, RegencyOpd } from './regency';
import { pemdaHeading } from './texts';

/**
 * The regency's compliance report for a year (issue 13), as plain data the DOCX, the print
 * view and the XLSX lay out: per OPD whether its signed DIP came on time, late or not at all;
 * its items per category; its exempt items and how long each is exempt. Pure.
 *
 * The counts are those of the signed lists only — the same rows the consolidated DIP and DIK
 * print — so the report and the lists never disagree. An OPD without a signed list shows no
 * counts: its Konsep may still change.
 */

export type ComplianceStatus = 'tepat_waktu' | 'terlambat' | 'belum';

export const COMPLIANCE_STATUS_LABELS: Record<ComplianceStatus, string> = {
  tepat_waktu: 'Tepat waktu',
  terlambat: 'Terlambat',
  belum: 'Belum ada DIP',
};

/** Per category, in the DIP's print order, then the exempt. */
export const COMPLIANCE_CATEGORIES: readonly Category[] = ['berkala', 'serta_merta', 'setiap_saat', 'dikecualikan'];

export type CategoryCounts = Record<Category, number>;

export interface ComplianceExemption {
  /** The OPD's own DIK row number. */
  no: number;
  judul: string;
  dasarHukum: string;
  /** "5 tahun…", "Tidak dibatasi waktu" (Pasal 17 g, h), or "-" when none was given. */
  jangkaWaktu: string;
}

export interface ComplianceRow {
  no: number;
  opdId: string;
  opdName: string;
  unitCode: string;
  status: ComplianceStatus;
  /** "Tepat waktu", "Terlambat (terlambat 3 hari kerja)", "Belum ada DIP". */
  statusText: string;
  /** "Ditandatangani 12 Desember 2026", "Tahap 4: Pemeriksaan PPID Pembantu", or "Belum mengirim daftar" (no cycle of the year). */
  detail: string;
  /** How late, in words ("terlambat 4 hari kerja"); '' when not late. */
  lateness: string;
  /** Null for an OPD without a signed list. */
  counts: CategoryCounts | null;
  total: number | null;
  exemptions: ComplianceExemption[];
}

export interface ComplianceReport {
  year: number;
  pemda: string;
  rows: ComplianceRow[];
  totals: {
    opds: number;
    byStatus: Record<ComplianceStatus, number>;
    counts: CategoryCounts;
    total: number;
  };
  /** The largest total of one OPD: the chart's full scale. */
  maxTotal: number;
}

const zero = (): CategoryCounts => ({ berkala: 0, serta_merta: 0, setiap_saat: 0, dikecualikan: 0 });

/** Missing wins over late: no signed DIP is the graver finding, and it is what the law asks for. */
export function complianceStatus(opd: Pick<RegencyOpd, 'signed' | 'late'>): ComplianceStatus {
  if (!opd.signed) return 'belum';
  return opd.late ? 'terlambat' : 'tepat_waktu';
}

function statusText(opd: RegencyOpd, status: ComplianceStatus): string {
  const label = COMPLIANCE_STATUS_LABELS[status];
  return opd.late && opd.lateness.trim() ? `${label} (${opd.lateness.trim()})` : label;
}

export function complianceReport(input: RegencyInput, timeZone: string): ComplianceReport {
  const totals = { opds: input.opds.length, byStatus: { tepat_waktu: 0, terlambat: 0, belum: 0 }, counts: zero(), total: 0 };
  const rows = input.opds.map((opd, i): ComplianceRow => {
    const status = complianceStatus(opd);
    totals.byStatus[status]++;
    const base = { no: i + 1, opdId: opd.opdId, opdName: opd.opdName, unitCode: opd.unitCode, status, statusText: statusText(opd, status), lateness: opd.late ? opd.lateness.trim() : '' };
    if (!opd.signed) {
      const detail = opd.step ? `Tahap ${STEP_INFO[opd.step].no}: ${STEP_INFO[opd.step].label}` : 'Belum mengirim daftar';
      return { ...base, detail, counts: null, total: null, exemptions: [] };
    }
    const counts = zero();
    for (const item of opd.items) {
      const k = item.fields.kategori;
      if (k) counts[k]++;
    }
    const total = CATEGORIES.reduce((n, c) => n + counts[c], 0);
    for (const c of CATEGORIES) totals.counts[c] += counts[c];
    totals.total += total;
    const exempt = opd.items.filter((item) => item.fields.kategori === 'dikecualikan');
    return {
      ...base,
      detail: `Ditandatangani ${tanggal(opd.signed.at, timeZone)}`,
      counts,
      total,
      exemptions: exempt.map((item, n) => ({
        no: n + 1,
        judul: item.fields.judul,
        dasarHukum: legalBasisText(item.fields.exemption),
        jangkaWaktu: jangkaWaktuShort(item.fields.exemption).trim() || '-',
      })),
    };
  });
  return { year: input.year, pemda: input.regency.pemda, rows, totals, maxTotal: Math.max(0, ...rows.map((r) => r.total ?? 0)) };
}

// ---------------------------------------------------------------- Texts

export const COMPLIANCE_TITLE = 'LAPORAN KEPATUHAN PENDOKUMENTASIAN INFORMASI PUBLIK';

export function complianceTitleLines(report: Pick<ComplianceReport, 'pemda' | 'year'>): string[] {
  return [COMPLIANCE_TITLE, `PERANGKAT DAERAH ${pemdaHeading(report.pemda)}`, `TAHUN ${report.year}`];
}

/** The report's first sentence: the three findings in numbers. */
export function complianceSummary(report: ComplianceReport): string {
  const s = report.totals.byStatus;
  const missing = report.rows.filter((r) => r.status === 'belum').map((r) => r.opdName);
  return (
    `Dari ${report.totals.opds} perangkat daerah, ${s.tepat_waktu} menyampaikan Daftar Informasi Publik yang ditandatangani tepat waktu, ` +
    `${s.terlambat} terlambat, dan ${s.belum} belum menyampaikan` +
    (missing.length ? ` (${missing.join('; ')}).` : '.') +
    ` Daftar yang ditandatangani memuat ${report.totals.total} informasi, ${report.totals.counts.dikecualikan} di antaranya dikecualikan.`
  );
}

export const COMPLIANCE_SECTIONS = {
  status: 'A. Kepatuhan per Perangkat Daerah',
  chart: 'B. Jumlah Informasi per Perangkat Daerah',
  exempt: 'C. Informasi yang Dikecualikan dan Jangka Waktunya',
} as const;

/** The status table's heads, in order; the category columns follow COMPLIANCE_CATEGORIES. */
export const COMPLIANCE_HEADS: readonly string[] = [
  'No.',
  'Perangkat Daerah',
  'Status DIP',
  'Keterangan',
  ...COMPLIANCE_CATEGORIES.map((c) => CATEGORY_LABELS[c]),
  'Jumlah',
];
export const COMPLIANCE_WEIGHTS: readonly number[] = [4, 24, 16, 20, 8, 8, 8, 8, 6];

/** One status row's cells as printed: counts of an OPD without a signed list print as "-". */
export function complianceCells(row: ComplianceRow): string[] {
  const n = (v: number | null | undefined) => (v === null || v === undefined ? '-' : String(v));
  return [`${row.no}.`, row.opdName, row.statusText, row.detail, ...COMPLIANCE_CATEGORIES.map((c) => n(row.counts?.[c])), n(row.total)];
}

/** The totals row: "Jumlah" over the first TOTAL_LABEL_SPAN columns, then the sums. */
export const TOTAL_LABEL_SPAN = 4;
export function complianceTotalCells(report: ComplianceReport): string[] {
  return ['Jumlah', ...COMPLIANCE_CATEGORIES.map((c) => String(report.totals.counts[c])), String(report.totals.total)];
}

export const EXEMPT_HEADS: readonly string[] = ['No.', 'Perangkat Daerah', 'Informasi yang Dikecualikan', 'Dasar Hukum Pengecualian', 'Jangka Waktu Pengecualian'];
export const EXEMPT_WEIGHTS: readonly number[] = [5, 22, 35, 22, 16];
export const NO_EXEMPTIONS = 'Tidak ada informasi yang dikecualikan dalam daftar yang ditandatangani.';

/** The exempt table's rows: numbered through, each naming its OPD. */
export function exemptionCells(report: ComplianceReport): string[][] {
  let no = 0;
  return report.rows.flatMap((r) => r.exemptions.map((e) => [`${++no}.`, r.opdName, e.judul, e.dasarHukum, e.jangkaWaktu]));
}

// ---------------------------------------------------------------- Chart

/** Bar colours per category: distinct in colour and, printed in grey, in lightness. */
export const CATEGORY_COLORS: Record<Category, string> = {
  berkala: '1F4E79',
  serta_merta: 'C55A11',
  setiap_saat: '9DC3E6',
  dikecualikan: '595959',
};

export const CHART_MISSING = 'belum ada DIP yang ditandatangani';

/** Under the legend: what a bar's length means. */
export function chartScaleText(report: Pick<ComplianceReport, 'maxTotal'>): string {
  return `Panjang batang sebanding dengan jumlah informasi dalam daftar yang ditandatangani; batang terpanjang: ${report.maxTotal} informasi.`;
}

/** The status cell's shade: a late or missing OPD stands out on paper, in colour or grey. */
export const STATUS_SHADES: Record<ComplianceStatus, string | null> = { tepat_waktu: null, terlambat: 'FFE699', belum: 'F4B183' };

/** The report is dated the day it is made. */
export function compliancePlaceDate(placeName: string, now: Date | string, timeZone: string): string {
  return `${placeName}, ${tanggal(now, timeZone)}`;
}

/**
 * A bar in whole units (the DOCX draws bars as shaded table cells): the bar's length is
 * total/max of `units`, split over the categories by largest remainder, so the parts add up
 * to the bar and a category with items never vanishes while the bar has room for it.
 */
export function barSegments(counts: CategoryCounts, max: number, units: number): { category: Category; units: number }[] {
  const total = COMPLIANCE_CATEGORIES.reduce((n, c) => n + counts[c], 0);
  if (!total || !max) return [];
  const present = COMPLIANCE_CATEGORIES.filter((c) => counts[c] > 0);
  const length = Math.max(present.length, Math.min(units, Math.round((total / max) * units)));
  const exact = present.map((c) => ({ category: c, exact: (counts[c] / total) * length }));
  const out = exact.map((e) => ({ category: e.category, units: Math.max(1, Math.floor(e.exact)) }));
  let rest = length - out.reduce((n, s) => n + s.units, 0);
  const order = exact.map((e, i) => ({ i, frac: e.exact - Math.floor(e.exact) })).sort((a, b) => b.frac - a.frac || a.i - b.i);
  for (let k = 0; rest > 0; k = (k + 1) % order.length, rest--) out[order[k]!.i]!.units++;
  // Segments raised to one unit may overshoot: take back from the largest.
  while (rest < 0) {
    const biggest = out.reduce((a, b) => (b.units > a.units ? b : a));
    biggest.units--;
    rest++;
  }
  return out;
}
