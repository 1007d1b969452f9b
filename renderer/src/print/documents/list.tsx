import type { ReactNode } from 'react';
import { listStateOf } from '../../../../electron/core/domain/document-views';
import { keepRowWhole, type CellLine, type ListColumn } from '../../../../electron/core/documents/shared/columns';
import { tanggal } from '../../../../electron/core/documents/shared/dates';
import type { PrintCycle, PrintInput } from '../model';
import type { PageFrame } from '../page-setup';
import { Keep, Signature } from '../parts';
import { qrDataUrl } from '../qr';
import { decreeHeading, draftMarkText, kepalaJabatan, listPlaceDate, mmToTwips, upper } from '../texts';

/**
 * What the DIP and DIK print views share, as documents/docx/parts/list.ts for the DOCX: the
 * title block, the column heads, the Kepala's signature row, page keeping and the seal.
 */

/** The QR's side on paper: 1.5 cm in the DOCX; a little more reads better off a photocopy. */
const QR_MM = 16;

/** Why a document cannot be shown, in the user's words (the same conditions as the core's builders). */
export class PrintUnavailable extends Error {}

/** The lampiran heading of a list set by a Keputusan, as parts/list.ts decreeBlock. */
export function DecreeBlock({ title, input }: { title: string; input: PrintInput }) {
  const { settings, cycle } = input;
  const d = decreeHeading(settings, cycle, listStateOf(cycle), title);
  if (!d) return null;
  return (
    <div className="pp-decree" data-testid="lampiran-keputusan">
      {d.heading.map((h) => (
        <div key={h} className="pp-decree-head">
          {h}
        </div>
      ))}
      {d.rows.map(([label, value]) => (
        <div key={label} className="pp-decree-row">
          <span className="pp-decree-label">{label}</span>
          <span>{`: ${value}`}</span>
        </div>
      ))}
    </div>
  );
}

export function TitleBlock({ title, input }: { title: string; input: PrintInput }) {
  const { settings, cycle } = input;
  return (
    <>
      <DecreeBlock title={title} input={input} />
      <div className="pp-list-title">
        <div className="pp-list-title-main">{title}</div>
        <div>{upper(settings.office.opdName)}</div>
        <div>{upper(settings.office.pemda)}</div>
        <div>TAHUN {cycle.year}</div>
      </div>
    </>
  );
}

/** The registry's heads and, under them, their numbers (1 2 3 …); `children`, more rows that repeat with them. */
export function HeadRows({ columns, children }: { columns: readonly Pick<ListColumn<never>, 'key' | 'head'>[]; children?: ReactNode }) {
  return (
    <thead>
      <tr className="pp-head">
        {columns.map((c) => (
          <th key={c.key} data-column={c.key}>
            {c.head}
          </th>
        ))}
      </tr>
      <tr className="pp-head-no">
        {columns.map((c, i) => (
          <th key={c.key}>{i + 1}</th>
        ))}
      </tr>
      {children}
    </thead>
  );
}

/** The Kepala's signature at the foot of a list, as parts/list.ts kepalaSignatureRow. */
export function KepalaSignatureRow({ input, columns }: { input: PrintInput; columns: number }) {
  const { settings, cycle } = input;
  return (
    <tr className="pp-sign-row">
      <td colSpan={columns}>
        <div className="pp-sign-col pp-sign-col-list">
          <Signature
            placeDate={listPlaceDate(settings, cycle, listStateOf(cycle))}
            jabatan={kepalaJabatan(settings)}
            person={settings.officials.kepala}
          />
        </div>
      </td>
    </tr>
  );
}

export interface TableRow {
  key: string;
  node: ReactNode;
  head?: boolean;
  /** A long row, allowed to break across pages as in the DOCX (columns.ts keepRowWhole). */
  flow?: boolean;
}

/** Whether a list row may break across pages: the DOCX's rule, on the print view's page width. */
export function rowMayBreak(lines: readonly (readonly CellLine[])[], weights: readonly number[], contentWidthMm: number, sizePt: number): boolean {
  const total = weights.reduce((a, b) => a + b, 0);
  const widths = weights.map((w) => (mmToTwips(contentWidthMm) * w) / total);
  return !keepRowWhole(lines, widths, sizePt);
}

/**
 * Table rows in page-keeping units: a group head (or heads in a row) with its first row, the last row with the
 * signature (so the Kepala never signs a page that holds nothing of the list), every other
 * row alone. Each unit is a <tbody> that does not break — unless it holds a long row, which
 * breaks as in the DOCX rather than leave a page half empty.
 */
export function keepUnits(rows: TableRow[], signature: ReactNode | null): ReactNode[] {
  type Unit = { nodes: ReactNode[]; flow: boolean };
  const units: Unit[] = [];
  let pendingHead: Unit | null = null;
  for (const r of rows) {
    if (r.head) {
      // Heads in a row (an OPD's, then its first category's) all keep with the first row under them.
      if (pendingHead) pendingHead.nodes.push(r.node);
      else pendingHead = { nodes: [r.node], flow: false };
    } else if (pendingHead) {
      pendingHead.nodes.push(r.node);
      pendingHead.flow = Boolean(r.flow);
      units.push(pendingHead);
      pendingHead = null;
    } else {
      units.push({ nodes: [r.node], flow: Boolean(r.flow) });
    }
  }
  if (pendingHead) units.push(pendingHead);
  const last = units.pop() ?? { nodes: [], flow: false };
  units.push({ nodes: [...last.nodes, signature], flow: last.flow });
  return units.map((u, i) =>
    u.flow ? (
      <tbody key={i} className="pp-flow">
        {u.nodes}
      </tbody>
    ) : (
      <Keep key={i}>{u.nodes}</Keep>
    ),
  );
}

const LIST_NAMES = { dip: 'Daftar Informasi Publik', dik: 'Daftar Informasi yang Dikecualikan' } as const;

/** The caption beside the QR code, word for word as the DOCX's seal. */
export function sealCaption(kind: 'dip' | 'dik', cycle: Pick<PrintCycle, 'year' | 'version' | 'signed'>, timeZone: string): string {
  return `${LIST_NAMES[kind]} Tahun ${cycle.year}, versi ${cycle.version}, ditandatangani ${tanggal(cycle.signed!.at, timeZone)}. Keaslian lembar ini dapat diperiksa di aplikasi PPID Desk dengan sidik dokumen atau kode QR.`;
}

export function listFrame(kind: 'dip' | 'dik', input: PrintInput): { frame: PageFrame; state: ReturnType<typeof listStateOf> } {
  const { cycle } = input;
  const state = listStateOf(cycle);
  if (state !== 'final') return { state, frame: { mark: draftMarkText(state), footer: { kind: 'pageOfPages' } } };
  const fp = input.fingerprints?.[kind];
  if (!fp) throw new PrintUnavailable('Sidik dokumen daftar yang ditandatangani belum dapat dimuat. Muat ulang halaman ini.');
  return {
    state,
    frame: { mark: null, footer: { kind: 'seal', qrDataUrl: qrDataUrl(fp.qrText, QR_MM), short: fp.short, caption: sealCaption(kind, cycle, input.settings.calendar.timeZone) } },
  };
}
