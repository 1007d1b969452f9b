import type { CycleState } from './workflow';

/** Every document the app produces, once: the contract's enum and the builders read it. */
export const DOCUMENT_KINDS = ['notaDinas', 'dip', 'dik', 'ujiKonsekuensi'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/**
 * The regency's documents (PPID Utama mode): built from every OPD's signed lists, not from one
 * cycle, so they are not DOCUMENT_KINDS (whose calls take a cycle id).
 */
export const REGENCY_DOCUMENT_KINDS = ['regencyDip', 'regencyDik', 'compliance'] as const;
export type RegencyDocumentKind = (typeof REGENCY_DOCUMENT_KINDS)[number];

/** The part of a cycle the documents read. */
export type DocumentCycle = Pick<CycleState, 'id' | 'title' | 'year' | 'step' | 'items' | 'notaDinas' | 'version' | 'signed' | 'ujiKonsekuensi'>;

/** Konsep (step 3), Draft (step 4), or the signed list (step 5 on). */
export type ListState = 'konsep' | 'draft' | 'final';

export const LIST_STATE_LABELS: Record<ListState, string> = { konsep: 'Konsep', draft: 'Draft', final: 'Final' };

/**
 * What a DIP or DIK printed now is. The Konsep is what the operator sent (under review by
 * the PPID Pembantu); once approved it is the Draft before the Kepala; once signed, final.
 */
export function listStateOf(cycle: Pick<DocumentCycle, 'step' | 'signed'>): ListState {
  if (cycle.signed) return 'final';
  if (cycle.step === 'pemeriksaan_kepala') return 'draft';
  return 'konsep';
}

/** What document calls return: plain JSON. */
export interface BuiltDocument {
  fileName: string;
  mime: string;
  base64: string;
  state: ListState | null;
}

export interface Verification {
  result: 'signed' | 'older' | 'none';
  message: string;
  cycleId: string | null;
  title: string | null;
  kind: 'dip' | 'dik' | null;
  version: number | null;
  signedAt: string | null;
  signedBy: string | null;
  /** E.g. a list reprinted by a newer version: it carries the signed fingerprint, its content now hashes differently. */
  note?: string | null;
  /** A regency's consolidated list (PPID Utama): each OPD's own signed version it holds, in register order. */
  opds?: { opdName: string; unitCode: string; short: string; signedAt: string | null; signedBy: string | null }[];
}

/** What a final list prints in its footer: the short fingerprint and the QR code's text. */
export interface PrintedFingerprint {
  short: string;
  qrText: string;
  /** Set when the list printed now differs from what was signed (reprinted by a newer version). */
  note?: string | null;
}
