import type { SettingsView } from '../../../electron/core/contract';
import type { Person } from '../../../electron/core/domain/office';
import type { ListState } from '../../../electron/core/documents/context';

/**
 * The fixed words of the printed documents. They live in the core's DOCX modules, which
 * import `docx` and so cannot be bundled into the renderer; they are repeated here and a
 * unit test (tests/unit/renderer/print-texts.test.tsx) compares every one with the core's,
 * so the print view and the DOCX cannot drift apart silently.
 */

/** = electron/core/documents/dip.ts DIP_HEADS (PerKI 1/2021 Pasal 11 a–g). */
export const DIP_HEADS = [
  'No.',
  'Ringkasan Isi Informasi',
  'Pejabat atau Unit/Satuan Kerja yang Menguasai Informasi',
  'Penanggung Jawab Pembuatan atau Penerbitan Informasi',
  'Waktu dan Tempat Pembuatan Informasi',
  'Bentuk Informasi yang Tersedia (Softcopy/\u200BHardcopy)',
  'Jangka Waktu Penyimpanan atau Retensi Arsip',
] as const;
export const DIP_WEIGHTS = [5, 28, 15, 15, 12, 12, 13];
export const DIP_EMPTY_GROUP = 'Tidak ada informasi dalam kelompok ini.';

/** = electron/core/documents/dik.ts DIK_HEADS. */
export const DIK_HEADS = [
  'No.',
  'Informasi yang Dikecualikan',
  'Dasar Hukum Pengecualian',
  'Konsekuensi bila Informasi Dibuka',
  'Pertimbangan bila Informasi Ditutup (Kepentingan yang Dilindungi)',
  'Jangka Waktu Pengecualian',
] as const;
export const DIK_WEIGHTS = [5, 23, 16, 21, 21, 14];
export const DIK_EMPTY = 'Tidak ada informasi yang dikecualikan.';

export const NOTA_DINAS_UNNUMBERED = '…/…/…/…';
export const NOTA_DINAS_DRAFT_MARK = 'KONSEP — belum diterbitkan';

export const UJI_CONCLUSION_TEXT =
  'Menutup informasi tersebut melindungi kepentingan yang lebih besar daripada membukanya. Informasi tersebut dinyatakan sebagai Informasi yang Dikecualikan dan dimuat dalam Daftar Informasi yang Dikecualikan.';

/** = electron/core/documents/parts/frame.ts draftMarkText. */
export function draftMarkText(state: ListState): string | null {
  if (state === 'konsep') return 'KONSEP — belum ditandatangani';
  if (state === 'draft') return 'DRAFT — belum ditandatangani';
  return null;
}

export const upper = (s: string) => s.toLocaleUpperCase('id-ID');

/** = parts/kop.ts pemdaHeading. */
export function pemdaHeading(pemda: string): string {
  return /^pemerintah\b/i.test(pemda.trim()) ? upper(pemda.trim()) : `PEMERINTAH ${upper(pemda.trim())}`;
}

/**
 * = parts/kop.ts contactLines: telephone, e-mail and website packed greedily into as few
 * lines as fit (the width estimated from the character count), so a line never breaks
 * inside one of them and the lines are the DOCX's lines.
 */
export function contactLines(office: SettingsView['office'], widthTwips: number, sizePt: number): string[] {
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

/** Millimetres to twips, rounded as parts/page.ts cm(). */
export const mmToTwips = (mm: number) => Math.round((mm * 1440) / 25.4);

/** = parts/list.ts kepalaJabatan. */
export function kepalaJabatan(settings: Pick<SettingsView, 'office' | 'officials'>): string[] {
  const jabatan = settings.officials.kepala.jabatan.trim();
  const pemda = settings.office.pemda.trim();
  const full = jabatan.toLowerCase().includes(pemda.toLowerCase()) ? jabatan : `${jabatan} ${pemda}`;
  return [upper(full), 'selaku Atasan PPID Pembantu'];
}

export interface Participant {
  person: Pick<Person, 'name' | 'nip' | 'jabatan' | 'asn'>;
  role: string;
}

/** = uji-konsekuensi.ts participants. */
export function participants(settings: Pick<SettingsView, 'officials'>): Participant[] {
  const o = settings.officials;
  return [
    { person: o.kepala, role: 'Atasan PPID Pembantu' },
    { person: o.ketuaPpid, role: 'Ketua PPID Pembantu' },
    ...o.operators.map((p) => ({ person: p, role: 'Petugas PPID Pembantu' })),
  ];
}

export type BodyBlock = { kind: 'paragraph'; text: string } | { kind: 'item'; marker: string; text: string };

const LIST_LINE = /^\s*(\d{1,3}[.)]|[a-z][.)]|[-•–])\s+(.*\S)\s*$/;

/** = nota-dinas.ts bodyBlocks: paragraphs by blank lines, list lines keep their markers. */
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

/** Sizes in points from the office's font size, as parts/text.ts themeOf. */
export interface Theme {
  font: string;
  body: number;
  table: number;
  small: number;
  /** The statutory column heads: a point under the rows. */
  head: number;
}

export function themeOf(settings: Pick<SettingsView, 'documents'>): Theme {
  const body = settings.documents.fontSize;
  const table = Math.max(9, body - 2);
  return { font: settings.documents.font, body, table, small: Math.max(8, body - 4), head: Math.max(8, table - 1) };
}

/** Office fonts by name, with what a Linux or an older Windows has that looks the same. */
export function fontStack(font: string): string {
  const fallbacks: Record<string, string> = {
    Arial: "'Liberation Sans', Helvetica, sans-serif",
    Tahoma: "'DejaVu Sans', Verdana, sans-serif",
    'Times New Roman': "'Liberation Serif', Times, serif",
    'Bookman Old Style': "'URW Bookman', 'URW Bookman L', 'Bookman', serif",
  };
  return `'${font}', ${fallbacks[font] ?? 'sans-serif'}`;
}

/** Shading as parts/list.ts. */
export const HEADER_SHADE = '#D9D9D9';
export const NUMBER_SHADE = '#F2F2F2';
export const GROUP_SHADE = '#EDEDED';
