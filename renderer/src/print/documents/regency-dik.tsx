import { LIST_STATE_LABELS } from '../../../../electron/core/domain/document-views';
import { DIK_COLUMNS, type CellLine } from '../../../../electron/core/documents/shared/columns';
import { regencyDikSections, regencySummary, regencyTitleLines, type RegencyDikSection } from '../../../../electron/core/documents/shared/regency';
import type { PrintSpec, RegencyPrintInput } from '../model';
import { pageBox } from '../page-setup';
import { CellLines, Kop } from '../parts';
import { DIK_EMPTY, themeOf } from '../texts';
import { rowMayBreak, type TableRow } from './list';
import { noteRow, OpdTables, PpidUtamaSignatureRow, RegencyTitleBlock, regencyFrame, type OpdTable } from './regency';

/** The tables as documents/docx/regency-dik.ts blocks: per OPD its exempt items, or the note that it has none. */
function opdTables(sections: RegencyDikSection[], mayBreak: (lines: CellLine[][]) => boolean): OpdTable[] {
  const span = DIK_COLUMNS.length;
  return sections.map((s) => {
    const id = s.opd.opdId;
    if (!s.rows) return { opdId: id, heading: s.heading, rows: null };
    if (!s.rows.length) return { opdId: id, heading: s.heading, rows: [noteRow(`e-${id}`, DIK_EMPTY, span)] };
    return {
      opdId: id,
      heading: s.heading,
      rows: s.rows.map((r): TableRow => {
        const key = `${id}/${r.itemId}`;
        return {
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
        };
      }),
    };
  });
}

/** The regency's consolidated DIK, as documents/docx/regency-dik.ts. */
export function regencyDikSpec(input: RegencyPrintInput): PrintSpec {
  const { settings, regency } = input;
  const { frame, state } = regencyFrame('dik', input);
  const box = pageBox(settings.documents.paper, 'landscape');
  const theme = themeOf(settings);
  const weights = DIK_COLUMNS.map((c) => c.weight);
  const tables = opdTables(regencyDikSections(regency, settings.calendar.timeZone), (lines) => rowMayBreak(lines, weights, box.contentWidth, theme.table));
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
        <OpdTables tables={tables} columns={DIK_COLUMNS} label="Daftar Informasi yang Dikecualikan gabungan" signature={<PpidUtamaSignatureRow key="sign" input={input} columns={DIK_COLUMNS.length} />} />
      </div>,
    ],
  };
}
