import { LIST_STATE_LABELS } from '../../../../electron/core/domain/document-views';
import { DIP_COLUMNS, type CellLine } from '../../../../electron/core/documents/shared/columns';
import { regencyDipSections, regencySummary, regencyTitleLines, type RegencyDipSection } from '../../../../electron/core/documents/shared/regency';
import type { PrintSpec, RegencyPrintInput } from '../model';
import { pageBox } from '../page-setup';
import { CellLines, Cols, Kop } from '../parts';
import { DIP_EMPTY_GROUP, themeOf } from '../texts';
import { HeadRows, keepUnits, rowMayBreak, type TableRow } from './list';
import { groupHeadingRow, noteRow, opdHeadingRow, PpidUtamaSignatureRow, RegencyTitleBlock, regencyFrame } from './regency';

/** The rows as documents/docx/regency-dip.ts sectionRows: per OPD its heading, then its groups. */
function sectionRows(sections: RegencyDipSection[], mayBreak: (lines: CellLine[][]) => boolean): TableRow[] {
  const span = DIP_COLUMNS.length;
  const rows: TableRow[] = [];
  for (const s of sections) {
    const id = s.opd.opdId;
    rows.push(opdHeadingRow(s.heading, span, id));
    for (const g of s.groups ?? []) {
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
  }
  return rows;
}

/** The regency's consolidated DIP, as documents/docx/regency-dip.ts. */
export function regencyDipSpec(input: RegencyPrintInput): PrintSpec {
  const { settings, regency } = input;
  const { frame, state } = regencyFrame('dip', input);
  const box = pageBox(settings.documents.paper, 'landscape');
  const theme = themeOf(settings);
  const weights = DIP_COLUMNS.map((c) => c.weight);
  const rows = sectionRows(regencyDipSections(regency, settings.calendar.timeZone), (lines) => rowMayBreak(lines, weights, box.contentWidth, theme.table));
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
        <table className="pp-grid" aria-label="Daftar Informasi Publik gabungan">
          <Cols weights={weights} />
          <HeadRows columns={DIP_COLUMNS} />
          {keepUnits(rows, <PpidUtamaSignatureRow key="sign" input={input} columns={DIP_COLUMNS.length} />)}
        </table>
      </div>,
    ],
  };
}
