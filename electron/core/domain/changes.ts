import { CATEGORY_LABELS, ITEM_FIELD_LABELS, type Category, type ItemFields } from './information';
import type { CycleState, ItemState } from './workflow';

/**
 * What differs from the last signed DIP, for the Kepala: items added, removed,
 * reclassified, newly exempted or opened, and other edits. A new item that is exempt counts
 * as newly exempted (not as new), so every kind is counted once.
 */
export type ChangeKind = 'tetap' | 'berubah' | 'baru' | 'dihapus' | 'reklasifikasi' | 'dikecualikan' | 'dibuka';

export interface ItemChange {
  kind: ChangeKind;
  judul: string;
  bidang: string;
  itemId: string | null;
  previousItemId: string | null;
  from: string | null;
  to: string | null;
  fields: string[];
}

export interface ChangeReport {
  baseCycleId: string | null;
  baseTitle: string | null;
  counts: Record<ChangeKind, number>;
  changes: ItemChange[];
}

/**
 * Every field but these counts as a change to a carried-over row, so a new column is compared
 * without a word here: the classification is its own kind of change, the note is not printed.
 */
const NOT_COMPARED: readonly (keyof ItemFields)[] = ['kategori', 'catatan'];
const COMPARED_FIELDS = (Object.keys(ITEM_FIELD_LABELS) as (keyof ItemFields)[]).filter((k) => !NOT_COMPARED.includes(k));
/** "retensi", "pejabat/unit yang menguasai": the screens' field names, mid-sentence. */
const changeLabel = (k: keyof ItemFields) => ITEM_FIELD_LABELS[k].charAt(0).toLocaleLowerCase('id-ID') + ITEM_FIELD_LABELS[k].slice(1);

const key = (f: ItemFields) => `${f.bidang.toLowerCase()}|${f.judul.trim().toLowerCase().replace(/\s+/g, ' ')}`;
const cat = (k: ItemFields['kategori']) => (k ? CATEGORY_LABELS[k as Category] : '(belum)');

/** The signed cycle to compare with: the one carried over, else the latest signed earlier year. */
export function baseCycleFor(cycle: CycleState, all: CycleState[]): CycleState | null {
  if (cycle.carriedFrom) return all.find((c) => c.id === cycle.carriedFrom) ?? null;
  return all.filter((c) => c.signed && c.year < cycle.year).sort((a, b) => b.year - a.year)[0] ?? null;
}

export function compareWithBase(cycle: CycleState, base: CycleState | null): ChangeReport {
  const counts: Record<ChangeKind, number> = { tetap: 0, berubah: 0, baru: 0, dihapus: 0, reklasifikasi: 0, dikecualikan: 0, dibuka: 0 };
  const changes: ItemChange[] = [];
  const baseItems = base?.items ?? [];
  const byId = new Map(baseItems.map((i) => [i.id, i]));
  const byKey = new Map(baseItems.map((i) => [key(i.fields), i]));
  const matched = new Set<string>();

  for (const item of cycle.items) {
    const prev: ItemState | undefined = (item.sourceItemId && byId.get(item.sourceItemId)) || byKey.get(key(item.fields));
    if (!prev || matched.has(prev.id)) {
      // A new item that is exempt is newly exempted too: the Kepala must see it among the exemptions.
      const kind: ChangeKind = item.fields.kategori === 'dikecualikan' ? 'dikecualikan' : 'baru';
      changes.push({ kind, judul: item.fields.judul, bidang: item.fields.bidang, itemId: item.id, previousItemId: null, from: null, to: cat(item.fields.kategori), fields: [] });
      counts[kind] += 1;
      continue;
    }
    matched.add(prev.id);
    const a = prev.fields;
    const b = item.fields;
    const fields = COMPARED_FIELDS.filter((k) => JSON.stringify(a[k]) !== JSON.stringify(b[k])).map(changeLabel);
    let kind: ChangeKind = fields.length ? 'berubah' : 'tetap';
    if (a.kategori !== b.kategori) {
      kind = b.kategori === 'dikecualikan' ? 'dikecualikan' : a.kategori === 'dikecualikan' ? 'dibuka' : 'reklasifikasi';
    }
    counts[kind] += 1;
    changes.push({ kind, judul: b.judul, bidang: b.bidang, itemId: item.id, previousItemId: prev.id, from: cat(a.kategori), to: cat(b.kategori), fields });
  }
  for (const prev of baseItems) {
    if (matched.has(prev.id)) continue;
    counts.dihapus += 1;
    changes.push({ kind: 'dihapus', judul: prev.fields.judul, bidang: prev.fields.bidang, itemId: null, previousItemId: prev.id, from: cat(prev.fields.kategori), to: null, fields: [] });
  }
  const order: ChangeKind[] = ['dikecualikan', 'dibuka', 'reklasifikasi', 'baru', 'dihapus', 'berubah', 'tetap'];
  changes.sort((x, y) => order.indexOf(x.kind) - order.indexOf(y.kind));
  return { baseCycleId: base?.id ?? null, baseTitle: base?.title ?? null, counts, changes };
}
