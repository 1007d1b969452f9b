import { LIST_STATE_LABELS } from '../../../../electron/core/domain/document-views';
import { DIK_COLUMNS, type CellLine } from '../../../../electron/core/documents/shared/columns';
import { dikRows, type DikRow } from '../../../../electron/core/documents/shared/rows';
import type { PrintInput, PrintSpec } from '../model';
import { pageBox } from '../page-setup';
import { CellLines, CellText, Cols } from '../parts';
import { DIK_EMPTY, themeOf } from '../texts';
import { HeadRows, keepUnits, KepalaSignatureRow, listFrame, rowMayBreak, TitleBlock, type TableRow } from './list';

/** The DIK's rows, as documents/docx/dik.ts: one per exempt item, or a note that there is none. */
function dikTableRows(list: DikRow[], mayBreak: (lines: CellLine[][]) => boolean): TableRow[] {
  if (!list.length) {
    return [
      {
        key: 'empty',
        node: (
          <tr key="empty">
            <td />
            <td colSpan={DIK_COLUMNS.length - 1}>
              <CellText text={DIK_EMPTY} italic />
            </td>
          </tr>
        ),
      },
    ];
  }
  return list.map((r) => ({
    key: r.itemId,
    flow: mayBreak(DIK_COLUMNS.map((c) => c.cell(r))),
    node: (
      <tr key={r.itemId} className="pp-row" data-testid="dik-baris" data-item-id={r.itemId}>
        {DIK_COLUMNS.map((c) => (
          <td key={c.key}>
            <CellLines lines={c.cell(r)} />
          </td>
        ))}
      </tr>
    ),
  }));
}

export function dikSpec(input: PrintInput): PrintSpec {
  const { settings, cycle } = input;
  const { frame, state } = listFrame('dik', input);
  const box = pageBox(settings.documents.paper, 'landscape');
  const weights = DIK_COLUMNS.map((c) => c.weight);
  const mayBreak = (lines: CellLine[][]) => rowMayBreak(lines, weights, box.contentWidth, themeOf(settings).table);
  return {
    kind: 'dik',
    title: `Daftar Informasi yang Dikecualikan Tahun ${cycle.year} (${LIST_STATE_LABELS[state]})`,
    state,
    box,
    frame,
    theme: themeOf(settings),
    sheets: [
      <div key="dik">
        <TitleBlock title="DAFTAR INFORMASI YANG DIKECUALIKAN" input={input} />
        <table className="pp-grid" aria-label="Daftar Informasi yang Dikecualikan">
          <Cols weights={DIK_COLUMNS.map((c) => c.weight)} />
          <HeadRows columns={DIK_COLUMNS} />
          {keepUnits(dikTableRows(dikRows(cycle.items), mayBreak), <KepalaSignatureRow key="sign" input={input} columns={DIK_COLUMNS.length} />)}
        </table>
      </div>,
    ],
  };
}
