import {
  BENTUK_LABELS,
  DIP_GROUPS,
  legalBasisText,
  PASAL17,
  type Category,
  type Exemption,
} from '../../domain/information';
import type { ItemState } from '../../domain/workflow';

/**
 * What the DIP and DIK print, row by row, as plain data. The documents lay these out and the
 * fingerprint hashes them, so the hash covers exactly the printed content.
 */
export interface DipRow {
  no: number;
  itemId: string;
  judul: string;
  ringkasan: string;
  /** "Diperbarui setiap 6 bulan" for berkala items, else "". */
  pembaruan: string;
  pejabat: string;
  penanggungJawab: string;
  waktuTempat: string;
  bentuk: string;
  retensi: string;
}

export interface DipGroup {
  letter: string;
  category: Exclude<Category, 'dikecualikan'>;
  heading: string;
  rows: DipRow[];
}

export function pembaruanText(bulan: number): string {
  if (!bulan) return '';
  if (bulan === 1) return 'Diperbarui setiap bulan';
  return `Diperbarui setiap ${bulan} bulan`;
}

/**
 * The DIP's groups in the statutory print order. Rows are numbered 1..n once across the
 * whole list — a number names one row of the list, never two — in the order the items were
 * entered. Exempt items never appear; items not yet classified are not in any group.
 */
export function dipGroups(items: readonly ItemState[]): DipGroup[] {
  let no = 0;
  return DIP_GROUPS.map((g, i) => ({
    letter: String.fromCharCode(65 + i),
    category: g.category,
    heading: g.heading,
    rows: items
      .filter((item) => item.fields.kategori === g.category)
      .map((item) => {
        const f = item.fields;
        return {
          no: ++no,
          itemId: item.id,
          judul: f.judul,
          ringkasan: f.ringkasan,
          pembaruan: f.kategori === 'berkala' ? pembaruanText(f.berkalaBulan) : '',
          pejabat: f.pejabatPenguasa,
          penanggungJawab: f.penanggungJawab,
          waktuTempat: [f.waktuPembuatan, f.tempatPembuatan].filter((s) => s.trim()).join(', '),
          bentuk: f.bentuk.map((b) => BENTUK_LABELS[b]).join(', '),
          retensi: f.retensi,
        };
      }),
  }));
}

export interface DikRow {
  no: number;
  itemId: string;
  judul: string;
  uraian: string;
  pejabat: string;
  dasarHukum: string;
  /** What the ground protects, e.g. "mengungkap rahasia pribadi". */
  alasan: string;
  konsekuensi: string;
  pertimbangan: string;
  jangkaWaktu: string;
}

/** Pasal 20 ayat (1) limits the exemptions a–f in time; g and h are not limited. */
export function jangkaWaktuText(e: Exemption): string {
  if (e.jangkaWaktu.trim()) return e.jangkaWaktu.trim();
  const ground = e.basis === 'pasal17' ? PASAL17.find((g) => g.huruf === e.huruf) : undefined;
  if (ground && !ground.berjangka) {
    return `Tidak dibatasi waktu (Pasal 17 huruf ${ground.huruf} jo. Pasal 20 ayat (1) UU Nomor 14 Tahun 2008)`;
  }
  return '-';
}

export function dikRows(items: readonly ItemState[]): DikRow[] {
  return items
    .filter((item) => item.fields.kategori === 'dikecualikan')
    .map((item, i) => {
      const f = item.fields;
      const e = f.exemption;
      const ground = e.basis === 'pasal17' ? PASAL17.find((g) => g.huruf === e.huruf) : undefined;
      return {
        no: i + 1,
        itemId: item.id,
        judul: f.judul,
        uraian: f.ringkasan,
        pejabat: f.pejabatPenguasa,
        dasarHukum: legalBasisText(e),
        alasan: ground ? ground.ringkas : '',
        konsekuensi: e.konsekuensi,
        pertimbangan: e.pertimbangan,
        jangkaWaktu: jangkaWaktuText(e),
      };
    });
}
