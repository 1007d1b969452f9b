import { LIST_STATE_LABELS } from '../../../../electron/core/domain/document-views';
import { DIK_COLUMNS, type CellLine } from '../../../../electron/core/documents/shared/columns';
import { regencyDikSections, regencySummary, regencyTitleLines, type RegencyDikSection } from '../../../../electron/core/documents/shared/regency';
import type { PrintSpec, RegencyPrintInput } from '../model';
import { pageBox } from '../page-setup';
import { CellLines, Cols, Kop } from '../parts';
import { DIK_EMPTY, themeOf } from '../texts';
import { HeadRows, keepUnits, rowMayBreak, type TableRow } from './list';
import { noteRow, opdHeadingRow, PpidUtamaSignatureRow, RegencyTitleBlock, regencyFrame } from './regency';

/** The rows as documents/docx/regency-dik.ts sectionRows: per OPD its heading, then its exempt items. */
function sectionRows(sections: RegencyDikSection[], mayBreak: (lines: CellLine[][]) => boolean): TableRow[] {
  const span = DIK_COLUMNS.length;
  const rows: TableRow[] = [];
  for (const s of sections) {
    const id = s.opd.opdId;
    rows.push(opdHeadingRow(s.heading, span, id));
    if (s.rows && !s.rows.length) rows.push(noteRow(`e-${id}`, DIK_EMPTY, span));
    for (const r of s.rows ?? []) {
      const key = `${id}/${r.itemId}`;
      rows.push({
        key,
        flow: mayBreak(DIK_COLUMNS.map((c) => c.cell(r))),
        node: (
          <tr key={key} className="pp-row" data-testid="dik-baris" data-opd-id={id} data-item-id={r.itemId}>
            {DIK_COLUMNS.map((c) => (
              <td key={c.key}>
                <CellLines lines={c.cell(r)} />
              </td>
            ))}
          </tr>
        ),
      });
    }
  }
  return rows;
}

/** The regency's consolidated DIK, as documents/docx/regency-dik.ts. */
export function regencyDikSpec(input: RegencyPrintInput): PrintSpec {
  const { settings, regency } = input;
  const { frame, state } = regencyFrame('dik', input);
  const box = pageBox(settings.documents.paper, 'landscape');
  const theme = themeOf(settings);
  const weights = DIK_COLUMNS.map((c) => c.weight);
  const rows = sectionRows(regencyDikSections(regency, settings.calendar.timeZone), (lines) => rowMayBreak(lines, weights, box.contentWidth, theme.table));
  return {
    kind: 'regencyDik',
    title: `Daftar Informasi yang Dikecualikan ${regency.regency.pemda} Tahun ${regency.year} (${LIST_STATE_LABELS[state]})`,
    state,
    box,
    frame,
    theme,
    sheets: [
      <div key="dik">
        <Kop settings={settings} contentWidthMm={box.contentWidth} theme={theme} />
        <RegencyTitleBlock lines={regencyTitleLines('dik', regency)} summary={regencySummary(regency)} />
        <table className="pp-grid" aria-label="Daftar Informasi yang Dikecualikan gabungan">
          <Cols weights={weights} />
          <HeadRows columns={DIK_COLUMNS} />
          {keepUnits(rows, <PpidUtamaSignatureRow key="sign" input={input} columns={DIK_COLUMNS.length} />)}
        </table>
      </div>,
    ],
  };
}
