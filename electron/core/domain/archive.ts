import { addMonths, format } from 'date-fns';
import { inZone } from './calendar';
import { CATEGORY_LABELS, type Category } from './information';
import type { ArchiveDocument, ArchiveQr, CycleState, ScanQrStatus } from './workflow';

/**
 * Step 6 of the SOP keeps the signed papers as archive: after printing and the wet signature
 * each one is scanned and filed with the signed version it belongs to (act `archive.filed`).
 * What a signed cycle must have on paper, how a filed scan's QR verdict reads, and how long
 * each record is kept (its retensi) are decided here; reading the scans is the core's.
 */

export const ARCHIVE_DOCUMENT_LABELS: Record<ArchiveDocument, string> = {
  notaDinas: 'Nota Dinas',
  dip: 'Daftar Informasi Publik',
  dik: 'Daftar Informasi yang Dikecualikan',
  ujiKonsekuensi: 'Lembar Uji Konsekuensi',
};

/** Only the signed lists print a QR code (documents/docx/fingerprint.ts). */
export function printsQr(document: ArchiveDocument): document is 'dip' | 'dik' {
  return document === 'dip' || document === 'dik';
}

export const SCAN_QR_LABELS: Record<ScanQrStatus, string> = {
  cocok: 'Kode QR cocok',
  versi_lain: 'Versi lain',
  dokumen_lain: 'Bukan dokumen ini',
  tidak_terbaca: 'Kode QR tidak terbaca',
  tanpa_kode: 'Tanpa kode',
};

/**
 * A scan whose code names another version or another paper is filed only when the person
 * says so again: it would otherwise sit in the archive as the signed copy it is not.
 */
export function needsConfirmation(status: ScanQrStatus): boolean {
  return status === 'versi_lain' || status === 'dokumen_lain';
}

/** What the core says about a scan before it is filed (archive.checkScan). */
export interface ScanCheck {
  qr: ArchiveQr;
  /** One or two sentences for the screen, in Bahasa Indonesia. */
  message: string;
  needsConfirmation: boolean;
  sha256: string;
  bytes: number;
  mime: string;
  name: string;
}

/** A filed scan opened: its bytes when they still hash to what was filed, else what is wrong. */
export type OpenedScan =
  | { status: 'ok'; name: string; mime: string; base64: string; sha256: string }
  | { status: 'hilang' | 'berubah'; name: string; message: string };

// ---------- retention ----------

const PART = /^(\d{1,3})\s*(tahun|thn|th|bulan|bln)(?:\s+(?:aktif|inaktif))?$/;

/**
 * The months a retensi text names, or null when it names no fixed period. "5 tahun", "18 bulan",
 * "5 (lima) tahun" and a Jadwal Retensi Arsip's "2 tahun aktif, 3 tahun inaktif" (kept 5 years
 * in all: active, then inactive) are periods; "Permanen", "Selama berlaku" or "2 tahun setelah
 * berakhir" are not, and are shown as written.
 */
export function retentionMonths(retensi: string): number | null {
  const text = retensi
    .toLowerCase()
    .replace(/\([a-z\s]*\)/g, ' ')
    .replace(/[.]+$/, '')
    .trim();
  if (!text) return null;
  let months = 0;
  for (const raw of text.split(/\s*(?:,|;|\+|\bdan\b)\s*/)) {
    const part = raw.replace(/\s+/g, ' ').trim();
    if (!part) continue;
    const m = PART.exec(part);
    if (!m) return null;
    const n = Number(m[1]);
    months += m[2]!.startsWith('b') ? n : n * 12;
  }
  return months > 0 ? months : null;
}

/**
 * The day a record's retention ends (yyyy-MM-dd, in the office's zone), counted from the day
 * its list was signed; null when the text names no fixed period. A month past the end of a
 * shorter month ends on that month's last day (31 Januari + 1 bulan = 28/29 Februari).
 */
export function retentionEnds(retensi: string, signedAt: string, timeZone: string): string | null {
  const months = retentionMonths(retensi);
  if (months === null) return null;
  return format(addMonths(inZone(signedAt, timeZone), months), 'yyyy-MM-dd');
}

// ---------- what a signed cycle keeps on paper ----------

/** One filed scan, as the Arsip screen lists it. */
export interface ArchiveScanView {
  attachmentId: string;
  name: string;
  bytes: number;
  mime: string;
  sha256: string;
  version: number;
  qr: ArchiveQr;
  at: string;
  by: string;
}

/** One signed paper of a cycle and the scans filed for it. */
export interface ArchiveDocumentView {
  document: ArchiveDocument;
  /** The exempt item of an uji konsekuensi sheet. */
  itemId: string | null;
  label: string;
  printsQr: boolean;
  scans: ArchiveScanView[];
}

/** One record (information item) of a signed list, with how long it is kept. */
export interface ArchiveRecordView {
  itemId: string;
  judul: string;
  bidang: string;
  kategori: Category | '';
  kategoriLabel: string;
  retensi: string;
  /** yyyy-MM-dd, or null when the retensi names no fixed period. */
  retentionEnds: string | null;
}

export interface ArchiveCycleView {
  id: string;
  title: string;
  year: number;
  version: number;
  signedAt: string;
  signedBy: string;
  notaDinasNumber: string | null;
  /** Whether this user may file scans of this cycle now (the SOP's `archive` rule). */
  canFile: boolean;
  documents: ArchiveDocumentView[];
  records: ArchiveRecordView[];
}

type ArchiveCycle = Pick<CycleState, 'id' | 'title' | 'year' | 'version' | 'signed' | 'notaDinas' | 'items' | 'archive'>;

/** The papers of a signed cycle in print order: Nota Dinas, DIP, DIK, then one uji sheet per exempt item. */
export function archiveDocuments(cycle: ArchiveCycle): ArchiveDocumentView[] {
  const scansOf = (document: ArchiveDocument, itemId: string | null): ArchiveScanView[] =>
    cycle.archive
      .filter((s) => s.document === document && s.itemId === itemId)
      .map((s) => ({
        attachmentId: s.attachment.id,
        name: s.attachment.name,
        bytes: s.attachment.bytes,
        mime: s.attachment.mime,
        sha256: s.attachment.sha256,
        version: s.version,
        qr: s.qr,
        at: s.at,
        by: s.by,
      }));
  const one = (document: ArchiveDocument): ArchiveDocumentView => ({
    document,
    itemId: null,
    label: ARCHIVE_DOCUMENT_LABELS[document],
    printsQr: printsQr(document),
    scans: scansOf(document, null),
  });
  const exempt = cycle.items.filter((i) => i.fields.kategori === 'dikecualikan');
  return [
    one('notaDinas'),
    one('dip'),
    one('dik'),
    ...exempt.map((i, n) => ({
      document: 'ujiKonsekuensi' as const,
      itemId: i.id,
      label: `${ARCHIVE_DOCUMENT_LABELS.ujiKonsekuensi} ${n + 1} — ${i.fields.judul}`,
      printsQr: false,
      scans: scansOf('ujiKonsekuensi', i.id),
    })),
  ];
}

export function archiveRecords(cycle: ArchiveCycle, timeZone: string): ArchiveRecordView[] {
  const signedAt = cycle.signed?.at;
  return cycle.items.map((i) => ({
    itemId: i.id,
    judul: i.fields.judul,
    bidang: i.fields.bidang,
    kategori: i.fields.kategori,
    kategoriLabel: i.fields.kategori ? CATEGORY_LABELS[i.fields.kategori] : '',
    retensi: i.fields.retensi,
    retentionEnds: signedAt ? retentionEnds(i.fields.retensi, signedAt, timeZone) : null,
  }));
}
