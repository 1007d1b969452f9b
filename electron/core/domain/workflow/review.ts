import canonicalize from 'canonicalize';
import {
  BENTUK_LABELS,
  CATEGORY_LABELS,
  ITEM_FIELD_LABELS,
  isUnlimitedInTime,
  legalBasisText,
  type Category,
  type Exemption,
  type ItemFields,
} from '../information';

/** One field that differs between the item as judged and the item now, in the screens' words. */
export interface FieldChange {
  field: string;
  label: string;
  before: string;
  after: string;
}

const same = (a: unknown, b: unknown) => canonicalize(a) === canonicalize(b);
const orDash = (v: string) => (v.trim() ? v : '—');

/** The exemption's parts, each compared and shown on its own: "Pengecualian" alone says too little. */
const EXEMPTION_PARTS: { field: string; label: string; text: (e: Exemption) => string; keys: (keyof Exemption)[] }[] = [
  { field: 'exemption.dasar', label: 'Pengecualian: dasar hukum', text: (e) => legalBasisText(e), keys: ['basis', 'huruf', 'angka', 'undangUndang', 'pasal'] },
  { field: 'exemption.konsekuensi', label: 'Pengecualian: konsekuensi bila dibuka', text: (e) => e.konsekuensi, keys: ['konsekuensi'] },
  { field: 'exemption.pertimbangan', label: 'Pengecualian: pertimbangan bila ditutup', text: (e) => e.pertimbangan, keys: ['pertimbangan'] },
  {
    field: 'exemption.jangkaWaktu',
    label: 'Pengecualian: jangka waktu',
    text: (e) => (isUnlimitedInTime(e) ? 'Tidak dibatasi waktu' : e.jangkaWaktu),
    keys: ['jangkaWaktu'],
  },
];

function fieldText<K extends keyof ItemFields>(k: K, v: ItemFields[K]): string {
  switch (k) {
    case 'bentuk':
      return (v as ItemFields['bentuk']).map((b) => BENTUK_LABELS[b]).join(', ');
    case 'kategori':
      return v ? CATEGORY_LABELS[v as Category] : '(belum dipilih)';
    case 'berkalaBulan':
      return v ? `${v as number}` : '';
    default:
      return String(v);
  }
}

/**
 * What changed in an item since it was judged, field by field, in the order the labels list
 * them. Every field counts (a new field is compared without a word here, since
 * ITEM_FIELD_LABELS must name it): an empty list means the item is exactly what was judged.
 */
export function reviewChanges(judged: ItemFields, now: ItemFields): FieldChange[] {
  const out: FieldChange[] = [];
  for (const k of Object.keys(ITEM_FIELD_LABELS) as (keyof ItemFields)[]) {
    if (same(judged[k], now[k])) continue;
    if (k === 'exemption') {
      const parts = EXEMPTION_PARTS.filter((part) => !part.keys.every((p) => same(judged.exemption[p], now.exemption[p])));
      for (const part of parts) {
        out.push({ field: part.field, label: part.label, before: orDash(part.text(judged.exemption)), after: orDash(part.text(now.exemption)) });
      }
      // A part added to the exemption later still counts as a change, under the field's name.
      if (!parts.length) out.push({ field: k, label: ITEM_FIELD_LABELS[k], before: '(sebelumnya)', after: '(diubah)' });
      continue;
    }
    out.push({ field: k, label: ITEM_FIELD_LABELS[k], before: orDash(fieldText(k, judged[k])), after: orDash(fieldText(k, now[k])) });
  }
  return out;
}
