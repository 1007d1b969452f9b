import { LIST_STATE_LABELS } from '../../../../electron/core/domain/document-views';
import { DIP_COLUMNS, type CellLine } from '../../../../electron/core/documents/shared/columns';
import { regencyDipSections, regencySummary, regencyTitleLines, type RegencyDipSection } from '../../../../electron/core/documents/shared/regency';
import type { PrintSpec, RegencyPrintInput } from '../model';
import { pageBox } from '../page-setup';
import { CellLines, Kop } from '../parts';
import { DIP_EMPTY_GROUP, themeOf } from '../texts';
import { rowMayBreak, type TableRow } from './list';
import { groupHeadingRow, noteRow, OpdTables, PpidUtamaSignatureRow, RegencyTitleBlock, regencyFrame, type OpdTable } from './regency';

/** The tables as documents/docx/regency-dip.ts blocks: per OPD its groups, its own numbers. */
function opdTables(sections: RegencyDipSection[], mayBreak: (lines: CellLine[][]) => boolean): OpdTable[] {
  const span = DIP_COLUMNS.length;
  return sections.map((s) => {
    const id = s.opd.opdId;
    if (!s.groups) return { opdId: id, heading: s.heading, rows: null };
    const rows: TableRow[] = [];
    for (const g of s.groups) {
      rows.push(groupHeadingRow(`g-${id}-${g.letter}`, `${g.letter}. ${g.heading}`, span));
      if (!g.rows.length) rows.push(noteRow(`e-${id}-${g.letter}`, DIP_EMPTY_GROUP, span));
      for (const r of g.rows) {
        const key = `${id}/${r.itemId}`;
        rows.push({
          key,
          flow: mayBreak(DIP_COLUMNS.map((c) => c.cell(r))),
          node: (
            <tr key={key} className="pp-row" data-testid="dip-baris" data-opd-id={id} data-item-id={r.itemId} data-kategori={g.category}>
              {DIP_COLUMNS.map((c) => (
                <td key={c.key}>
                  <CellLines lines={c.cell(r)} />
                </td>
              ))}
            </tr>
          ),
        });
      }
    }
    return { opdId: id, heading: s.heading, rows };
  });
}

/** The regency's consolidated DIP, as documents/docx/regency-dip.ts. */
export function regencyDipSpec(input: RegencyPrintInput): PrintSpec {
  const { settings, regency } = input;
  const { frame, state } = regencyFrame('dip', input);
  const box = pageBox(settings.documents.paper, 'landscape');
  const theme = themeOf(settings);
  const weights = DIP_COLUMNS.map((c) => c.weight);
  const tables = opdTables(regencyDipSections(regency, settings.calendar.timeZone), (lines) => rowMayBreak(lines, weights, box.contentWidth, theme.table));
  return {
    kind: 'regencyDip',
    title: `Daftar Informasi Publik ${regency.regency.pemda} Tahun ${regency.year} (${LIST_STATE_LABELS[state]})`,
    state,
    box,
    frame,
    theme,
    sheets: [
      <div key="dip">
        <Kop settings={settings} contentWidthMm={box.contentWidth} theme={theme} />
        <RegencyTitleBlock lines={regencyTitleLines('dip', regency)} summary={regencySummary(regency)} />
        <OpdTables tables={tables} columns={DIP_COLUMNS} label="Daftar Informasi Publik gabungan" signature={<PpidUtamaSignatureRow key="sign" input={input} columns={DIP_COLUMNS.length} />} />
      </div>,
    ],
  };
}
