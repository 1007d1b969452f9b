import {
  BENTUK_LABELS,
  ITEM_FIELD_LABELS,
  legalBasisText,
  pasal17Ground,
  type Exemption,
  type ItemFields,
  unlimitedPeriodText,
} from '../../domain/information';

/**
 * The columns of the DIP and the DIK, once. The DOCX builders, the print views and the DIP
 * tab lay out exactly these, in this order, with these heads and widths, and write each cell
 * with the column's own `cell`; spans and head numbers follow the list's length. A new column
 * is a row field below plus an entry in the list (see docs/architecture.md, "How to add a DIP
 * column"). Pure: the renderer bundles it.
 */

/** One paragraph of a cell. Empty text prints as "-"; all but a cell's last paragraph get a little space after. */
export interface CellLine {
  text: string;
  bold?: boolean;
  italic?: boolean;
  center?: boolean;
}

export interface ListColumn<Row> {
  /** The row field it shows, by its ItemFields name where it shows one field. */
  key: string;
  /** What the signed document prints over it. */
  head: string;
  /** The shorter heading of the screens. */
  label: string;
  /** Relative width on paper: the summary gets the room, the short columns just enough for their heads. */
  weight: number;
  cell(row: Row): CellLine[];
}

const line = (text: string, style: Omit<CellLine, 'text'> = {}): CellLine => ({ text, ...style });
/** A paragraph printed only when there is something to print. */
const optional = (text: string, style: Omit<CellLine, 'text'> = {}): CellLine[] => (text.trim() ? [line(text, style)] : []);

// ---------------------------------------------------------------- DIP

/**
 * What one DIP row prints, as plain strings. The fingerprint hashes these (with `no` and
 * `itemId`), so the hash covers exactly the printed content. Field names are the ItemFields'.
 */
export interface DipRow {
  no: number;
  itemId: string;
  judul: string;
  ringkasan: string;
  /** "Diperbarui setiap 6 bulan" for berkala items, else "". */
  pembaruan: string;
  pejabatPenguasa: string;
  penanggungJawab: string;
  /** waktuPembuatan and tempatPembuatan, as one statutory column. */
  waktuTempat: string;
  bentuk: string;
  retensi: string;
}

export function pembaruanText(bulan: number): string {
  if (!bulan) return '';
  if (bulan === 1) return 'Diperbarui setiap bulan';
  return `Diperbarui setiap ${bulan} bulan`;
}

export function dipRowData(f: ItemFields): Omit<DipRow, 'no' | 'itemId'> {
  return {
    judul: f.judul,
    ringkasan: f.ringkasan,
    pembaruan: f.kategori === 'berkala' ? pembaruanText(f.berkalaBulan) : '',
    pejabatPenguasa: f.pejabatPenguasa,
    penanggungJawab: f.penanggungJawab,
    waktuTempat: [f.waktuPembuatan, f.tempatPembuatan].filter((s) => s.trim()).join(', '),
    bentuk: f.bentuk.map((b) => BENTUK_LABELS[b]).join(', '),
    retensi: f.retensi,
  };
}

const NUMBER_COLUMN = { key: 'no', head: 'No.', label: 'No', weight: 5, cell: (r: { no: number }) => [line(`${r.no}.`, { center: true })] };

/** The seven columns of PerKI 1/2021 Pasal 11 (a–g), in statutory order, with its words as heads. */
export const DIP_COLUMNS: readonly ListColumn<DipRow>[] = [
  NUMBER_COLUMN,
  {
    key: 'ringkasan',
    head: 'Ringkasan Isi Informasi',
    label: 'Informasi dan ringkasan isi',
    weight: 40,
    cell: (r) => [line(r.judul, { bold: true }), ...optional(r.ringkasan), ...optional(r.pembaruan && `(${r.pembaruan})`, { italic: true })],
  },
  {
    key: 'pejabatPenguasa',
    head: 'Pejabat atau Unit/Satuan Kerja yang Menguasai Informasi',
    label: ITEM_FIELD_LABELS.pejabatPenguasa,
    weight: 13,
    cell: (r) => [line(r.pejabatPenguasa)],
  },
  {
    key: 'penanggungJawab',
    head: 'Penanggung Jawab Pembuatan atau Penerbitan Informasi',
    label: ITEM_FIELD_LABELS.penanggungJawab,
    weight: 12,
    cell: (r) => [line(r.penanggungJawab)],
  },
  {
    key: 'waktuTempat',
    head: 'Waktu dan Tempat Pembuatan Informasi',
    label: 'Waktu dan tempat',
    weight: 10,
    cell: (r) => [line(r.waktuTempat)],
  },
  {
    key: 'bentuk',
    // A zero-width space lets the narrow column break after the slash, not inside a word.
    head: 'Bentuk Informasi yang Tersedia (Softcopy/\u200BHardcopy)',
    label: ITEM_FIELD_LABELS.bentuk,
    weight: 9,
    cell: (r) => [line(r.bentuk)],
  },
  {
    key: 'retensi',
    head: 'Jangka Waktu Penyimpanan atau Retensi Arsip',
    label: ITEM_FIELD_LABELS.retensi,
    weight: 11,
    cell: (r) => [line(r.retensi)],
  },
];

// ---------------------------------------------------------------- DIK

/** What one DIK row prints; the exemption's fields keep their Exemption names. */
export interface DikRow {
  no: number;
  itemId: string;
  judul: string;
  ringkasan: string;
  pejabatPenguasa: string;
  /** "Pasal 17 huruf h angka 2 UU Nomor 14 Tahun 2008". */
  dasarHukum: string;
  /** What the ground protects, e.g. "mengungkap rahasia pribadi". */
  alasan: string;
  konsekuensi: string;
  pertimbangan: string;
  jangkaWaktu: string;
}

/** Pasal 20 ayat (1) declares a–f not permanent; g and h are not limited in time (information.ts). */
export function jangkaWaktuText(e: Exemption): string {
  if (e.jangkaWaktu.trim()) return e.jangkaWaktu.trim();
  const ground = pasal17Ground(e);
  if (ground && !ground.berjangka) return unlimitedPeriodText(ground.huruf);
  return '-';
}

export function dikRowData(f: ItemFields): Omit<DikRow, 'no' | 'itemId'> {
  const e = f.exemption;
  return {
    judul: f.judul,
    ringkasan: f.ringkasan,
    pejabatPenguasa: f.pejabatPenguasa,
    dasarHukum: legalBasisText(e),
    alasan: pasal17Ground(e)?.ringkas ?? '',
    konsekuensi: e.konsekuensi,
    pertimbangan: e.pertimbangan,
    jangkaWaktu: jangkaWaktuText(e),
  };
}

export const DIK_COLUMNS: readonly ListColumn<DikRow>[] = [
  NUMBER_COLUMN,
  {
    key: 'ringkasan',
    head: 'Informasi yang Dikecualikan',
    label: 'Informasi yang dikecualikan',
    weight: 23,
    cell: (r) => [line(r.judul, { bold: true }), ...optional(r.ringkasan), ...optional(r.pejabatPenguasa.trim() && `Dikuasai: ${r.pejabatPenguasa}`, { italic: true })],
  },
  {
    key: 'dasarHukum',
    head: 'Dasar Hukum Pengecualian',
    label: 'Dasar hukum',
    weight: 16,
    cell: (r) => [line(r.dasarHukum), ...optional(r.alasan && `(${r.alasan})`, { italic: true })],
  },
  {
    key: 'konsekuensi',
    head: 'Konsekuensi bila Informasi Dibuka',
    label: 'Konsekuensi bila dibuka',
    weight: 21,
    cell: (r) => [line(r.konsekuensi)],
  },
  {
    key: 'pertimbangan',
    head: 'Pertimbangan bila Informasi Ditutup (Kepentingan yang Dilindungi)',
    label: 'Pertimbangan bila ditutup',
    weight: 21,
    cell: (r) => [line(r.pertimbangan)],
  },
  {
    key: 'jangkaWaktu',
    head: 'Jangka Waktu Pengecualian',
    label: 'Jangka waktu',
    weight: 14,
    cell: (r) => [line(r.jangkaWaktu)],
  },
];

// Plain lists for tests and callers that need only the words.
export const DIP_HEADS: readonly string[] = DIP_COLUMNS.map((c) => c.head);
export const DIP_WEIGHTS: readonly number[] = DIP_COLUMNS.map((c) => c.weight);
export const DIK_HEADS: readonly string[] = DIK_COLUMNS.map((c) => c.head);
export const DIK_WEIGHTS: readonly number[] = DIK_COLUMNS.map((c) => c.weight);

// ---------------------------------------------------------------- Page breaking

/**
 * A row of at most this many lines is kept whole on its page; a longer one may break, its
 * heads repeating on the next page. Keeping every row whole left pages half empty when a long
 * row did not fit (an F4 page holding one row and 55% blank; 37 rows on 11 A4 pages).
 */
export const KEEP_WHOLE_LINES = 6;

/** Cell padding left and right, in twips, as documents/docx/parts/table.ts. */
const CELL_PADDING_TWIPS = 160;

/**
 * How many lines a row takes, estimated from character counts: Arial and its likes average
 * about half an em per character. A wrong guess only moves the line between a row kept
 * whole and one allowed to break.
 */
export function estimatedRowLines(cells: readonly (readonly CellLine[])[], widthsTwips: readonly number[], sizePt: number): number {
  const em = sizePt * 20;
  let most = 1;
  cells.forEach((lines, i) => {
    const capacity = Math.max(1, Math.floor(((widthsTwips[i] ?? 0) - CELL_PADDING_TWIPS) / (em * 0.5)));
    const count = lines.reduce((n, l) => n + Math.max(1, Math.ceil(l.text.trim().length / capacity)), 0);
    most = Math.max(most, count);
  });
  return most;
}

/** Whether a row should be kept whole on one page (see KEEP_WHOLE_LINES). */
export function keepRowWhole(cells: readonly (readonly CellLine[])[], widthsTwips: readonly number[], sizePt: number): boolean {
  return estimatedRowLines(cells, widthsTwips, sizePt) <= KEEP_WHOLE_LINES;
}
