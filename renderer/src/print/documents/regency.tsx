import { ppidUtamaJabatan, regencyListState, regencyPlaceDate, regencySealCaption, type OpdHeading, type RegencyListKind } from '../../../../electron/core/documents/shared/regency';
import { draftMarkText } from '../../../../electron/core/documents/shared/texts';
import type { RegencyPrintInput } from '../model';
import type { PageFrame } from '../page-setup';
import { Fragment, type ReactNode } from 'react';
import type { ListColumn } from '../../../../electron/core/documents/shared/columns';
import { CellText, Cols, Signature } from '../parts';
import { qrDataUrl } from '../qr';
import { HeadRows, keepUnits, PrintUnavailable, type TableRow } from './list';

/**
 * What the regency's print views share (PPID Utama mode), as documents/docx/parts/regency.ts
 * for the DOCX: the title block, an OPD's heading row, the PPID Utama's signature and the frame.
 */

export function RegencyTitleBlock({ lines, summary }: { lines: readonly string[]; summary: string }) {
  return (
    <div className="pp-list-title pp-regency-title">
      {lines.map((l, i) => (
        <div key={i} className={i === 0 ? 'pp-list-title-main' : undefined}>
          {l}
        </div>
      ))}
      <div className="pp-regency-summary" data-testid="ringkasan-gabungan">
        {summary}
      </div>
    </div>
  );
}

/** An OPD's heading row: in its table's head (repeated on every page it runs over), or alone for an OPD without a signed list. */
export function OpdHeadingRow({ heading, span, opdId }: { heading: OpdHeading; span: number; opdId: string }) {
  return (
    <tr className="pp-opd" data-testid="opd-kepala" data-opd-id={opdId}>
      <td colSpan={span}>
        <CellText text={heading.title} bold after />
        <CellText text={heading.note} italic />
      </td>
    </tr>
  );
}

export interface OpdTable {
  opdId: string;
  heading: OpdHeading;
  /** Null: the OPD has no signed list, and its table is its heading alone. */
  rows: TableRow[] | null;
}

/**
 * One table per OPD, as documents/docx/parts/regency.ts opdTables: the column heads and the
 * OPD's heading in the table's head, so every printed page names whose rows it holds; the
 * last table closes with the PPID Utama's signature. (Flattened, the rows are the DOCX's.)
 */
export function OpdTables({ tables, columns, label, signature }: { tables: readonly OpdTable[]; columns: readonly Pick<ListColumn<never>, 'key' | 'head' | 'weight'>[]; label: string; signature: ReactNode }) {
  const span = columns.length;
  // OPD still missing at the end of the register keep with the signature, in the last table
  // with rows (the DOCX keeps their tables with it): the PPID Utama never signs a page of "belum".
  const lastWithRows = tables.reduce((at, t, i) => (t.rows?.length ? i : at), -1);
  const trailing = lastWithRows >= 0 ? tables.slice(lastWithRows + 1) : [];
  const closing = (
    <Fragment key="penutup">
      {trailing.map((t) => (
        <OpdHeadingRow key={t.opdId} heading={t.heading} span={span} opdId={t.opdId} />
      ))}
      {signature}
    </Fragment>
  );
  const shown = trailing.length ? tables.slice(0, lastWithRows + 1) : tables;
  return (
    <>
      {shown.map((t, i) => {
        const last = i === shown.length - 1;
        return (
          <Fragment key={t.opdId}>
            {i > 0 && <div className="pp-opd-gap" aria-hidden="true" />}
            <table className="pp-grid" aria-label={`${label}: ${t.heading.title}`} data-opd-id={t.opdId}>
              <Cols weights={columns.map((c) => c.weight)} />
              {t.rows ? (
                <>
                  <HeadRows columns={columns}>
                    <OpdHeadingRow heading={t.heading} span={span} opdId={t.opdId} />
                  </HeadRows>
                  {keepUnits(t.rows, last ? closing : null)}
                </>
              ) : (
                <tbody className="pp-keep">
                  <OpdHeadingRow heading={t.heading} span={span} opdId={t.opdId} />
                  {last ? signature : null}
                </tbody>
              )}
            </table>
          </Fragment>
        );
      })}
    </>
  );
}

export function groupHeadingRow(key: string, text: string, span: number): TableRow {
  return {
    key,
    head: true,
    node: (
      <tr key={key} className="pp-group" data-testid="kelompok">
        <td colSpan={span}>{text}</td>
      </tr>
    ),
  };
}

export function noteRow(key: string, text: string, span: number): TableRow {
  return {
    key,
    node: (
      <tr key={key}>
        <td />
        <td colSpan={span - 1}>
          <CellText text={text} italic />
        </td>
      </tr>
    ),
  };
}

/** The PPID Utama's signature at the foot of a table, as parts/regency.ts ppidUtamaSignatureRow. */
export function PpidUtamaSignatureRow({ input, columns, placeDate }: { input: RegencyPrintInput; columns: number; placeDate?: string }) {
  const { settings, regency } = input;
  return (
    <tr className="pp-sign-row">
      <td colSpan={columns}>
        <div className="pp-sign-col pp-sign-col-list">
          <Signature
            placeDate={placeDate ?? regencyPlaceDate(settings.office.placeName, regency, settings.calendar.timeZone)}
            jabatan={ppidUtamaJabatan(regency)}
            person={regency.regency.officials.ppidUtama}
          />
        </div>
      </td>
    </tr>
  );
}

/** QR side as list.tsx. */
const QR_MM = 16;

/** Draft mark until the PPID Utama signs; then the consolidated list's own seal on every page. */
export function regencyFrame(kind: RegencyListKind, input: RegencyPrintInput): { frame: PageFrame; state: 'draft' | 'final' } {
  const state = regencyListState(input.regency);
  if (state !== 'final') return { state, frame: { mark: draftMarkText(state), footer: { kind: 'pageOfPages' } } };
  const fp = input.fingerprints?.[kind];
  if (!fp) throw new PrintUnavailable('Sidik dokumen daftar gabungan belum dapat dimuat. Muat ulang halaman ini.');
  return {
    state,
    frame: {
      mark: null,
      footer: { kind: 'seal', qrDataUrl: qrDataUrl(fp.qrText, QR_MM), short: fp.short, caption: regencySealCaption(kind, input.regency, input.settings.calendar.timeZone) },
    },
  };
}
