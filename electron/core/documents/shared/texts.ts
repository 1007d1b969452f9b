import type { Person, Settings } from '../../domain/office';
import type { DocumentCycle, ListState } from '../../domain/document-views';
import { formatDecreeNumber } from '../../domain/numbering';
import { tanggal } from './dates';

/**
 * The fixed words, sizes and small text rules of the printed documents (the list columns
 * are in columns.ts), in one module that both the DOCX builders and the renderer's print
 * views use. It is pure — it imports only types, no `docx`, no Node — so the renderer can
 * bundle it, and the print view and the DOCX cannot drift apart: they are the same code.
 */

// ---------------------------------------------------------------- Sizes

/** Sizes in points, derived from the office's chosen font size. */
export interface Theme {
  font: string;
  /** Letters and title blocks. */
  body: number;
  /** Landscape tables: two points under the body so seven statutory columns breathe. */
  table: number;
  /** Footers, notes. */
  small: number;
  /** The statutory column heads: a point under the rows, as they are long and their columns narrow. */
  head: number;
}

export function themeOf(settings: Pick<Settings, 'documents'>): Theme {
  const body = settings.documents.fontSize;
  const table = Math.max(9, body - 2);
  return { font: settings.documents.font, body, table, small: Math.max(8, body - 4), head: Math.max(8, table - 1) };
}

export const upper = (s: string) => s.toLocaleUpperCase('id-ID');

// ---------------------------------------------------------------- DIP and DIK

// The columns themselves, heads and widths: columns.ts.

export const DIP_EMPTY_GROUP = 'Tidak ada informasi dalam kelompok ini.';

export const DIK_EMPTY = 'Tidak ada informasi yang dikecualikan.';

/** The mark every page of an unsigned list carries, in its header. */
export function draftMarkText(state: ListState): string | null {
  if (state === 'konsep') return 'KONSEP — belum ditandatangani';
  if (state === 'draft') return 'DRAFT — belum ditandatangani';
  return null;
}

/** Where the date goes on a paper not yet signed: written by hand when the Kepala signs. */
export const HANDWRITTEN_DATE = '………………';

/**
 * "Putussibau, 12 Desember 2026" over the Kepala's signature on the signed list. Before
 * signing the day of printing would be wrong on a paper signed days later, so a Konsep or
 * Draft prints "Putussibau, ……………… 2026" (the cycle's year) for the date to be written by hand.
 */
export function listPlaceDate(
  settings: Pick<Settings, 'office' | 'calendar'>,
  cycle: Pick<DocumentCycle, 'year' | 'signed'>,
  state: ListState,
): string {
  const date = state === 'final' && cycle.signed ? tanggal(cycle.signed.at, settings.calendar.timeZone) : `${HANDWRITTEN_DATE} ${cycle.year}`;
  return `${settings.office.placeName}, ${date}`;
}

/** A list's lampiran heading: who decreed it, and under it number, date and subject. */
export interface DecreeHeading {
  heading: string[];
  rows: [label: string, value: string][];
}

/**
 * The heading a DIP or DIK prints at its top right when the office sets it by a Keputusan
 * (documents.listDecree), as a lampiran is headed under the Tata Naskah Dinas:
 * LAMPIRAN / KEPUTUSAN KEPALA DINAS … / NOMOR / TANGGAL / TENTANG. Null when the office has
 * none. The number is computed from the signing's date at print time (fixed by the signing
 * act, as the date is); its running number is written in by hand, and before signing so is
 * the date.
 */
export function decreeHeading(
  settings: Pick<Settings, 'documents' | 'office' | 'officials' | 'calendar'>,
  cycle: Pick<DocumentCycle, 'year' | 'signed'>,
  state: ListState,
  title: string,
): DecreeHeading | null {
  const d = settings.documents.listDecree;
  if (!d?.enabled) return null;
  const signedAt = state === 'final' && cycle.signed ? cycle.signed.at : null;
  const tz = settings.calendar.timeZone;
  const pemda = settings.office.pemda.trim();
  const opd = settings.office.opdName.trim();
  const ppid = `PPID PEMBANTU ${upper(opd)}${opd.toLowerCase().includes(pemda.toLowerCase()) ? '' : ` ${upper(pemda)}`}`;
  const issuer = d.issuer === 'ppid' ? ppid : kepalaJabatan(settings)[0]!;
  const number = formatDecreeNumber(d.pattern, { kode: settings.documents.kodeKlasifikasi, unit: settings.office.unitCode, year: cycle.year, date: signedAt, timeZone: tz });
  return {
    heading: ['LAMPIRAN', `KEPUTUSAN ${issuer}`],
    rows: [
      ['NOMOR', number],
      ['TANGGAL', signedAt ? tanggal(signedAt, tz) : `${HANDWRITTEN_DATE} ${cycle.year}`],
      ['TENTANG', `${title} TAHUN ${cycle.year}`],
    ],
  };
}

/** "KEPALA DINAS … KABUPATEN KAPUAS HULU" — the pemda added when the jabatan leaves it out. */
export function kepalaJabatan(settings: Pick<Settings, 'office' | 'officials'>): string[] {
  const jabatan = settings.officials.kepala.jabatan.trim();
  const pemda = settings.office.pemda.trim();
  const full = jabatan.toLowerCase().includes(pemda.toLowerCase()) ? jabatan : `${jabatan} ${pemda}`;
  return [upper(full), 'selaku Atasan PPID Pembantu'];
}

// ---------------------------------------------------------------- Kop surat

/** "Kabupaten Kapuas Hulu" → "PEMERINTAH KABUPATEN KAPUAS HULU", unless it already says so. */
export function pemdaHeading(pemda: string): string {
  return /^pemerintah\b/i.test(pemda.trim()) ? upper(pemda.trim()) : `PEMERINTAH ${upper(pemda.trim())}`;
}

/**
 * Telephone, e-mail and website, packed greedily into as few lines as fit, so a line never
 * breaks inside one of them. Width is estimated from the character count (Arial averages
 * about half an em per character); a wrong guess only costs an extra line.
 */
export function contactLines(office: Settings['office'], widthTwips: number, sizePt: number): string[] {
  const parts = [
    office.phone && `Telepon ${office.phone}`,
    office.email && `Pos-el ${office.email}`,
    office.website && `Laman ${office.website.replace(/^https?:\/\//, '')}`,
  ].filter((p): p is string => Boolean(p));
  const capacity = Math.floor(widthTwips / (sizePt * 20 * 0.5));
  const lines: string[] = [];
  for (const part of parts) {
    const last = lines[lines.length - 1];
    if (last !== undefined && last.length + 3 + part.length <= capacity) lines[lines.length - 1] = `${last} • ${part}`;
    else lines.push(part);
  }
  return lines;
}

// ---------------------------------------------------------------- Nota Dinas

export const NOTA_DINAS_UNNUMBERED = '…/…/…/…';
export const NOTA_DINAS_DRAFT_MARK = 'KONSEP — belum diterbitkan';

export type BodyBlock = { kind: 'paragraph'; text: string } | { kind: 'item'; marker: string; text: string };

const LIST_LINE = /^\s*(\d{1,3}[.)]|[a-z][.)]|[-•–])\s+(.*\S)\s*$/;

/**
 * The body as the PPID Pembantu typed it: blank lines separate paragraphs, numbered (or
 * lettered, or dashed) lines stay a list with their own markers, and other lines of one
 * paragraph run on as one justified paragraph.
 */
export function bodyBlocks(isi: string): BodyBlock[] {
  const out: BodyBlock[] = [];
  for (const block of isi.replace(/\r\n?/g, '\n').split(/\n\s*\n/)) {
    let prose: string[] = [];
    const flush = () => {
      if (prose.length) out.push({ kind: 'paragraph', text: prose.join(' ') });
      prose = [];
    };
    for (const line of block.split('\n')) {
      const m = LIST_LINE.exec(line);
      if (m) {
        flush();
        out.push({ kind: 'item', marker: m[1]!, text: m[2]! });
      } else if (line.trim()) {
        prose.push(line.trim());
      }
    }
    flush();
  }
  return out;
}

// ---------------------------------------------------------------- Uji konsekuensi

export const UJI_CONCLUSION_TEXT =
  'Menutup informasi tersebut melindungi kepentingan yang lebih besar daripada membukanya. Informasi tersebut dinyatakan sebagai Informasi yang Dikecualikan dan dimuat dalam Daftar Informasi yang Dikecualikan.';

/**
 * The day the consequence test was held, as its sheet prints it ("Pada hari ini …"): the
 * recorded `uji.recorded` act's time, every time the sheet is printed. Before it is recorded
 * (a preview while the Kepala prepares the test) the sheet shows `now`.
 */
export function ujiTestDate(cycle: Pick<DocumentCycle, 'year'> & { ujiKonsekuensi?: { at: Date | string } | null }, now: Date): Date | string {
  return cycle.ujiKonsekuensi?.at ?? now;
}

/** Under the sheet's title: "Lembar 2 dari 3 — Daftar Informasi yang Dikecualikan Tahun 2026". */
export function ujiCountText(index: number, count: number, year: number): string {
  return `Lembar ${index + 1} dari ${count} — Daftar Informasi yang Dikecualikan Tahun ${year}`;
}

/** The sheet's own page numbering; `{page}` is where the page number goes. */
export function ujiPageText(index: number, count: number): string {
  return `Lembar Uji Konsekuensi ${index + 1} dari ${count} · halaman {page}`;
}

/** Over a continuation page: which sheet and which information it continues. */
export function ujiContinuationText(index: number, count: number, judul: string): string {
  return `Lembar Uji Konsekuensi ${index + 1} dari ${count} (lanjutan) — ${judul}`;
}

export const UJI_CLOSING_TEXT = 'Demikian lembar uji konsekuensi ini dibuat dengan sebenarnya.';

/** What the test weighs, row by row (domain §4), in words short enough for one or two lines. */
export const UJI_TEST_LABELS = {
  judul: 'Dokumen yang memuat informasi',
  ringkasan: 'Informasi yang dikecualikan',
  pejabatPenguasa: 'Pejabat/unit yang menguasai',
  dasarHukum: 'Dasar hukum pengecualian',
  konsekuensi: 'Konsekuensi bila dibuka',
  pertimbangan: 'Pertimbangan bila ditutup (kepentingan yang dilindungi)',
  jangkaWaktu: 'Jangka waktu pengecualian',
  kesimpulan: 'Kesimpulan',
} as const;

/** The test table: number, element tested, result. */
export const UJI_TEST_WEIGHTS: readonly number[] = [6, 28, 66];
/** The signing table: number, name/NIP, role, signature. */
export const UJI_SIGN_WEIGHTS: readonly number[] = [6, 36, 38, 20];
/** Where each participant signs, numbered and staggered like a paper attendance list. */
export const UJI_SIGN_DOTS = '…………………';

export interface Participant {
  person: Pick<Person, 'name' | 'nip' | 'jabatan' | 'asn'>;
  role: string;
}

/**
 * Who signs a consequence-test sheet: the people the `uji.recorded` act named, every time
 * the sheet is printed (officials changed in Pengaturan later do not rewrite who tested).
 * Before the test is recorded, a preview lists the officials who would take part.
 */
export function ujiSigners(
  settings: Pick<Settings, 'officials'>,
  cycle: { ujiKonsekuensi?: { participants: readonly { name: string; nip: string; jabatan: string; role: string }[] } | null },
): Participant[] {
  const recorded = cycle.ujiKonsekuensi?.participants ?? [];
  if (!recorded.length) return participants(settings);
  return recorded.map((p) => ({ person: { name: p.name, nip: p.nip, jabatan: p.jabatan, asn: p.nip ? 'PNS' : 'NON_ASN' }, role: p.role }));
}

/** Everyone who tests: the atasan PPID, the ketua PPID Pembantu, and each officer. */
export function participants(settings: Pick<Settings, 'officials'>): Participant[] {
  const o = settings.officials;
  return [
    { person: o.kepala, role: 'Atasan PPID Pembantu' },
    { person: o.ketuaPpid, role: 'Ketua PPID Pembantu' },
    ...o.operators.map((p) => ({ person: p, role: 'Petugas PPID Pembantu' })),
  ];
}
