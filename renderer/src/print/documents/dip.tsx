import { LIST_STATE_LABELS } from '../../../../electron/core/domain/document-views';
import { DIP_COLUMNS, type CellLine } from '../../../../electron/core/documents/shared/columns';
import { dipGroups, type DipGroup } from '../../../../electron/core/documents/shared/rows';
import type { PrintInput, PrintSpec } from '../model';
import { pageBox } from '../page-setup';
import { CellLines, CellText, Cols } from '../parts';
import { DIP_EMPTY_GROUP, themeOf } from '../texts';
import { HeadRows, keepUnits, KepalaSignatureRow, listFrame, rowMayBreak, TitleBlock, type TableRow } from './list';

/** The DIP's rows, as documents/docx/dip.ts groupRows: each group's head, then its rows or a note. */
function dipRows(groups: DipGroup[], mayBreak: (lines: CellLine[][]) => boolean): TableRow[] {
  const span = DIP_COLUMNS.length;
  const rows: TableRow[] = [];
  for (const g of groups) {
    rows.push({
      key: `g-${g.letter}`,
      head: true,
      node: (
        <tr key={`g-${g.letter}`} className="pp-group" data-testid="dip-kelompok">
          <td colSpan={span}>{`${g.letter}. ${g.heading}`}</td>
        </tr>
      ),
    });
    if (!g.rows.length) {
      rows.push({
        key: `e-${g.letter}`,
        node: (
          <tr key={`e-${g.letter}`}>
            <td />
            <td colSpan={span - 1}>
              <CellText text={DIP_EMPTY_GROUP} italic />
            </td>
          </tr>
        ),
      });
      continue;
    }
    for (const r of g.rows) {
      rows.push({
        key: r.itemId,
        flow: mayBreak(DIP_COLUMNS.map((c) => c.cell(r))),
        node: (
          <tr key={r.itemId} className="pp-row" data-testid="dip-baris" data-item-id={r.itemId} data-kategori={g.category}>
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
  return rows;
}

export function dipSpec(input: PrintInput): PrintSpec {
  const { settings, cycle } = input;
  const { frame, state } = listFrame('dip', input);
  const box = pageBox(settings.documents.paper, 'landscape');
  const weights = DIP_COLUMNS.map((c) => c.weight);
  const rows = dipRows(dipGroups(cycle.items), (lines) => rowMayBreak(lines, weights, box.contentWidth, themeOf(settings).table));
  return {
    kind: 'dip',
    title: `Daftar Informasi Publik Tahun ${cycle.year} (${LIST_STATE_LABELS[state]})`,
    state,
    box,
    frame,
    theme: themeOf(settings),
    sheets: [
      <div key="dip">
        <TitleBlock title="DAFTAR INFORMASI PUBLIK" input={input} />
        <table className="pp-grid" aria-label="Daftar Informasi Publik">
          <Cols weights={DIP_COLUMNS.map((c) => c.weight)} />
          <HeadRows columns={DIP_COLUMNS} />
          {keepUnits(rows, <KepalaSignatureRow key="sign" input={input} columns={DIP_COLUMNS.length} />)}
        </table>
      </div>,
    ],
  };
}
