import type { ItemFields } from '../information';
import type { Role } from '../roles';
import type { NotaDinasDraft } from './nota-dinas';
import type { Action, Step } from './sop';

// ---------- the log ----------

export type ItemOrigin = 'baru' | 'tetap' | 'berubah';

export type { NotaDinasDraft } from './nota-dinas';

export interface Attachment {
  id: string;
  name: string;
  file: string;
  sha256: string;
  bytes: number;
  mime: string;
}

/** The papers a signed cycle produces (DOCUMENT_KINDS in document-views.ts). */
export type ArchiveDocument = 'notaDinas' | 'dip' | 'dik' | 'ujiKonsekuensi';

/**
 * What the QR on a filed scan said: this signed version (`cocok`), another version of the list
 * (`versi_lain`), not this document (`dokumen_lain`), no readable code (`tidak_terbaca`), or a
 * paper that prints none (`tanpa_kode`: the Nota Dinas and the uji sheets).
 */
export const SCAN_QR_STATUSES = ['cocok', 'versi_lain', 'dokumen_lain', 'tidak_terbaca', 'tanpa_kode'] as const;
export type ScanQrStatus = (typeof SCAN_QR_STATUSES)[number];

export interface ArchiveQr {
  status: ScanQrStatus;
  /** The code's text as read, or null when none was read. */
  text: string | null;
}

export type EventBody =
  | { type: 'cycle.created'; title: string; year: number; carriedFrom: string | null }
  | { type: 'item.added'; itemId: string; fields: ItemFields; origin: ItemOrigin; sourceItemId: string | null }
  | { type: 'item.updated'; itemId: string; fields: Partial<ItemFields> }
  | { type: 'item.removed'; itemId: string }
  | { type: 'item.attached'; itemId: string; attachment: Attachment }
  | { type: 'item.detached'; itemId: string; attachmentId: string }
  | { type: 'notaDinas.saved'; draft: NotaDinasDraft }
  | {
      type: 'review.marked';
      itemId: string;
      version: number;
      verdict: 'sesuai' | 'perlu_perbaikan';
      note: string;
      /**
       * The item as judged, so a later version can keep an unchanged "Sesuai" and show what
       * changed. Absent on acts written before it was kept: the fold takes the item as it stood
       * at that act (items cannot be edited while the Konsep is under review).
       */
      judged?: ItemFields;
    }
  /** The uji konsekuensi held (Pasal 19): who took part, for the Konsep version it tested; the act's time dates the sheet. */
  | { type: 'uji.recorded'; version: number; participants: UjiParticipant[] }
  /**
   * Joins concurrent work (act format 4). Made by whichever installation first holds more than
   * one head; its every field follows from its parents (see dag.ts, `mergeActFields`), so two
   * laptops joining the same heads write the same act, and a receiver checks it by recomputing.
   */
  | { type: 'merge' }
  /**
   * A person's choice on a conflict the fold surfaced (conflicts.ts): which value, which
   * decision, whether late work is taken or set aside. `acts` are the acts it settles, so work
   * that arrives after the choice is never settled by it.
   */
  | { type: 'conflict.resolved'; conflictId: string; choice: string; acts: string[] }
  /**
   * A scan of a signed paper filed with the version it belongs to: the Nota Dinas, the DIP, the
   * DIK, or the uji konsekuensi sheet of one exempt item (`itemId`). `qr` is what the core read
   * on it and how that compared with the signed fingerprint when it was filed.
   */
  | { type: 'archive.filed'; document: ArchiveDocument; itemId: string | null; version: number; attachment: Attachment; qr: ArchiveQr }
  | {
      type: 'transition';
      action: Action;
      from: Step;
      to: Step;
      reasons: string;
      /** What the act fixed: a Nota Dinas number, a Konsep version, a signature. */
      data: TransitionData;
    };

/**
 * What the Kepala signed, kept in the signing act: a printed fingerprint is checked against
 * these values, never against a recomputation, so rewording a label or upgrading the app
 * cannot unsign a paper.
 */
export interface SignedFingerprint {
  /** SHA-256 (hex) of the list's canonical content at the moment of signing. */
  sha256: string;
  /** The fingerprint algorithm that produced it (documents/docx/fingerprint.ts). */
  format: number;
  /** Rows on the signed list: a second, human-checkable anchor. */
  count: number;
}

export interface TransitionData {
  notaDinasNumber?: string;
  notaDinasDate?: string;
  /** The Nota Dinas running number, so the next one is counted from the logs without parsing text. */
  urut?: number;
  version?: number;
  signedBy?: string;
  /** The signing moment when it is not the act's own time: the moment the Kepala's preview showed. */
  signedAt?: string;
  note?: string;
  /**
   * On submitKonsep: items flagged in the last return that were sent unchanged, after the
   * operator was warned (the warning is part of the record).
   */
  unchangedFlagged?: string[];
  /** On the Kepala's approve (signing) from act format 2 on. */
  fingerprints?: { dip: SignedFingerprint; dik: SignedFingerprint };
}

/** One person who took part in the uji konsekuensi, as the sheet names them. */
export interface UjiParticipant {
  name: string;
  nip: string;
  jabatan: string;
  /** Their part in the test: "Atasan PPID Pembantu", "Ketua PPID Pembantu", "Petugas PPID Pembantu", or another. */
  role: string;
}

export interface Actor {
  userId: string;
  username: string;
  name: string;
  role: Role;
}

/**
 * One recorded act. `parents` are the acts it follows (the heads its author had: one, or
 * several when it joins concurrent work) and `hash` chains it to theirs, so a receiver can
 * append what is new, recognise what it has, see a fork, and notice tampering. `sig` is the
 * making installation's Ed25519 signature of the hash (null on acts made before format 4,
 * and on merge acts, which any receiver recomputes). `v` is the act format (act-schema.ts):
 * acts read from disk are upcast to the current one.
 */
export interface CycleEvent {
  v: number;
  id: string;
  cycleId: string;
  parents: string[];
  installationId: string;
  at: string;
  actor: Actor;
  body: EventBody;
  hash: string;
  sig: string | null;
}
