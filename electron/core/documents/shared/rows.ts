import { DIP_GROUPS, type Category } from '../../domain/information';
import type { ItemState } from '../../domain/workflow';
import { dikRowData, dipRowData, type DikRow, type DipRow } from './columns';

/**
 * What the DIP and DIK print, row by row, as plain data: which items, in which group, under
 * which number. The documents lay these out column by column (columns.ts) and the fingerprint
 * hashes them, so the hash covers exactly the printed content.
 */
export { jangkaWaktuText, pembaruanText, type DikRow, type DipRow } from './columns';

export interface DipGroup {
  letter: string;
  category: Exclude<Category, 'dikecualikan'>;
  heading: string;
  rows: DipRow[];
}

type ListItem = Pick<ItemState, 'id' | 'fields'>;

/**
 * The DIP's groups in the statutory print order. Rows are numbered 1..n once across the
 * whole list — a number names one row of the list, never two — in the order the items were
 * entered. Exempt items never appear; items not yet classified are not in any group.
 */
export function dipGroups(items: readonly ListItem[]): DipGroup[] {
  let no = 0;
  return DIP_GROUPS.map((g, i) => ({
    letter: String.fromCharCode(65 + i),
    category: g.category,
    heading: g.heading,
    rows: items.filter((item) => item.fields.kategori === g.category).map((item) => ({ no: ++no, itemId: item.id, ...dipRowData(item.fields) })),
  }));
}

export function dikRows(items: readonly ListItem[]): DikRow[] {
  return items
    .filter((item) => item.fields.kategori === 'dikecualikan')
    .map((item, i) => ({ no: i + 1, itemId: item.id, ...dikRowData(item.fields) }));
}
