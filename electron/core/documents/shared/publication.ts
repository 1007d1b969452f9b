import type { Settings } from '../../domain/office';
import type { DocumentCycle } from '../../domain/document-views';
import { DIK_COLUMNS, DIP_COLUMNS, type CellLine, type ListColumn } from './columns';
import { dikRows, dipGroups } from './rows';
import { tanggal } from './dates';
import { DIK_EMPTY, DIP_EMPTY_GROUP, upper } from './texts';

/**
 * What the PPID website gets: the signed DIP or DIK as a table, with the words that say which
 * signed version it is. The XLSX, CSV and HTML builders (documents/publish/) lay out exactly
 * this, so the three files carry the same title, heads, groups and rows as the signed paper.
 * Pure, like the rest of documents/shared: the screen reads the refusal text from here.
 */

export const PUBLISH_LISTS = ['dip', 'dik'] as const;
export type PublishList = (typeof PUBLISH_LISTS)[number];
export const PUBLISH_FORMATS = ['xlsx', 'csv', 'html'] as const;
export type PublishFormat = (typeof PUBLISH_FORMATS)[number];

export const LIST_NAMES: Record<PublishList, string> = {
  dip: 'Daftar Informasi Publik',
  dik: 'Daftar Informasi yang Dikecualikan',
};

export const PUBLISH_FORMAT_LABELS: Record<PublishFormat, string> = { xlsx: 'XLSX', csv: 'CSV', html: 'HTML' };

/**
 * Why a list cannot go to the website, or null when it can. Only what the Kepala OPD signed is
 * published: a Konsep or Draft may still change, and a website copy of it would be mistaken
 * for the list in force.
 */
export function publishRefusal(list: PublishList, cycle: Pick<DocumentCycle, 'signed'>): string | null {
  if (cycle.signed) return null;
  return `${list.toUpperCase()} belum ditandatangani Kepala OPD; yang dapat dipublikasikan hanya daftar yang sudah ditandatangani.`;
}

/** What `documents.publish` answers. */
export interface PublishedDocument {
  fileName: string;
  mime: string;
  /** The file, when the caller downloads it itself (the browser); null when the core saved it. */
  base64: string | null;
  /** Where the desktop's save dialog put it; null when cancelled or not saved by the core. */
  savedTo: string | null;
  /** "sidik C0EE-4F97-AB20": which signed version the file is. */
  fingerprint: string;
  rows: number;
}

/** The signed version's fingerprint, as the paper prints it (computed by the caller: it needs node:crypto). */
export interface PublicationSeal {
  /** "C0EE-4F97-AB20" */
  short: string;
  /** Set when the rows now differ from what was signed (a newer app version): the stored code still names the signed paper. */
  note: string | null;
}

export interface PublicationRow {
  no: number;
  /** One cell per column, as columns.ts writes it: the same paragraphs the DOCX prints. */
  cells: CellLine[][];
}

export interface PublicationSection {
  /** "A. Informasi yang Wajib Disediakan dan Diumumkan Secara Berkala"; null for the DIK's one table. */
  heading: string | null;
  rows: PublicationRow[];
  /** What an empty section says, as the paper does. */
  emptyText: string | null;
}

export interface Publication {
  list: PublishList;
  /** "Daftar Informasi Publik" */
  listName: string;
  year: number;
  /** "DAFTAR INFORMASI PUBLIK TAHUN 2026" */
  title: string;
  /** "DINAS KOMUNIKASI, INFORMATIKA DAN STATISTIK KABUPATEN KAPUAS HULU" */
  office: string;
  /** "Ditandatangani Drs. … (Kepala OPD) pada 12 Januari 2026" */
  signedText: string;
  /** signedText and "; sidik C0EE-4F97-AB20": the line every export carries. */
  signedLine: string;
  /** "Versi 2, siklus "…". Keaslian dapat diperiksa …", plus the reprint note when there is one. */
  provenance: string;
  signedAt: string;
  signedBy: string;
  version: number;
  fingerprint: string;
  paper: Settings['documents']['paper'];
  /** The statutory heads, as the DOCX prints them (zero-width break hints removed: a spreadsheet or web page has its own wrapping). */
  heads: string[];
  keys: string[];
  weights: number[];
  sections: PublicationSection[];
  rowCount: number;
}

/** Break hints for narrow paper columns mean nothing in a file a website re-lays out, and would spoil a search for "Softcopy/Hardcopy". */
export const plainText = (s: string): string => s.replace(/\u200B/g, '');

/** A registry cell as plain text: its paragraphs on lines of their own; "-" for an empty cell, as the paper prints it. */
export function cellPlainText(lines: readonly CellLine[]): string {
  const text = lines.map((l) => plainText(l.text).trim()).filter(Boolean).join('\n');
  return text || '-';
}

function rowsOf<Row extends { no: number }>(columns: readonly ListColumn<Row>[], rows: readonly Row[]): PublicationRow[] {
  return rows.map((r) => ({ no: r.no, cells: columns.map((c) => c.cell(r)) }));
}

/**
 * The signed list as a publication. Throws on an unsigned cycle: callers check
 * `publishRefusal` first and say why to the user.
 */
export function publicationOf(
  list: PublishList,
  settings: Pick<Settings, 'office' | 'documents' | 'calendar'>,
  cycle: Pick<DocumentCycle, 'id' | 'title' | 'year' | 'version' | 'signed' | 'items'>,
  seal: PublicationSeal,
): Publication {
  const refusal = publishRefusal(list, cycle);
  if (refusal || !cycle.signed) throw new Error(refusal ?? 'Daftar belum ditandatangani.');
  const listName = LIST_NAMES[list];
  const signedDate = tanggal(cycle.signed.at, settings.calendar.timeZone);
  const columns = (list === 'dip' ? DIP_COLUMNS : DIK_COLUMNS) as readonly ListColumn<never>[];
  const sections: PublicationSection[] =
    list === 'dip'
      ? dipGroups(cycle.items).map((g) => ({ heading: `${g.letter}. ${g.heading}`, rows: rowsOf(DIP_COLUMNS, g.rows), emptyText: DIP_EMPTY_GROUP }))
      : [{ heading: null, rows: rowsOf(DIK_COLUMNS, dikRows(cycle.items)), emptyText: DIK_EMPTY }];
  const opd = settings.office.opdName.trim();
  const pemda = settings.office.pemda.trim();
  const signedText = `Ditandatangani ${cycle.signed.by} (Kepala OPD) pada ${signedDate}`;
  const office = opd.toLowerCase().includes(pemda.toLowerCase()) ? upper(opd) : `${upper(opd)} ${upper(pemda)}`;
  return {
    list,
    listName,
    year: cycle.year,
    title: `${upper(listName)} TAHUN ${cycle.year}`,
    office,
    signedText,
    signedLine: `${signedText}; sidik ${seal.short}`,
    provenance:
      `Versi ${cycle.version}, siklus "${cycle.title}". Keaslian daftar ini dapat diperiksa di aplikasi PPID Desk dengan sidik dokumen di atas.` +
      (seal.note ? ` Catatan: berkas ini ${seal.note}.` : ''),
    signedAt: cycle.signed.at,
    signedBy: cycle.signed.by,
    version: cycle.version,
    fingerprint: seal.short,
    paper: settings.documents.paper,
    heads: columns.map((c) => plainText(c.head)),
    keys: columns.map((c) => c.key),
    weights: columns.map((c) => c.weight),
    sections,
    rowCount: sections.reduce((n, s) => n + s.rows.length, 0),
  };
}

/** Safe on Windows, macOS and web servers: letters, digits, dot, dash. */
const safe = (s: string) => s.replace(/[^A-Za-z0-9.-]+/g, '-').replace(/-+/g, '-').replace(/^-|-$/g, '');

/** "DIP-2026-v2-sidik-C0EE-4F97-AB20.xlsx": the file name alone says which signed version it is. */
export function publicationFileName(p: Pick<Publication, 'list' | 'year' | 'version' | 'fingerprint'>, format: PublishFormat): string {
  return `${safe(`${p.list.toUpperCase()}-${p.year}-v${p.version}-sidik-${p.fingerprint}`)}.${format}`;
}
