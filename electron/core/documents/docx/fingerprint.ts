import type { DocumentCycle } from '../../domain/document-views';
import type { SignedFingerprint } from '../../domain/workflow';
import { canonicalJson, legacyCanonicalJsonV1, sha256Hex, shortFingerprint } from './parts/fingerprint';
import { dikRows, dipGroups } from '../shared/rows';
import { dikRowsV1, dipGroupsV1 } from './fingerprint-v1';

export type FingerprintKind = 'dip' | 'dik';

/** The fingerprint algorithm new signatures use; stored with each signed hash. */
export const FINGERPRINT_FORMAT = 2;

export const REPRINT_NOTE = 'dicetak ulang dengan versi aplikasi yang lebih baru; sidik sesuai saat ditandatangani';

export interface DocumentFingerprint {
  sha256: string;
  /** "A1B2-C3D4-E5F6", printed in the footer. */
  short: string;
  /** What the QR code holds: `PPIDDESK|DIP|<cycleId>|v<version>|<sha256>`. */
  qrText: string;
  /**
   * Set when the list printed now no longer hashes to what was signed (a label reworded, a
   * column added by a newer version): the paper still carries the signed fingerprint.
   */
  reprintNote: string | null;
}

type FingerprintCycle = Pick<DocumentCycle, 'id' | 'year' | 'version' | 'signed' | 'items'>;

/**
 * What a signed list's fingerprint covers: its printed rows, the cycle, the Konsep version
 * and the signing act. It reads only the cycle's log-derived state — not the settings — so
 * the kop or the officials changing never touches it.
 */
export function fingerprintContent(kind: FingerprintKind, cycle: FingerprintCycle) {
  return {
    app: 'ppid-desk',
    format: FINGERPRINT_FORMAT,
    kind,
    cycleId: cycle.id,
    year: cycle.year,
    version: cycle.version,
    signed: cycle.signed ? { at: cycle.signed.at, by: cycle.signed.by } : null,
    rows: kind === 'dip' ? dipGroups(cycle.items) : dikRows(cycle.items),
  };
}

function rowCount(kind: FingerprintKind, cycle: FingerprintCycle): number {
  return kind === 'dip' ? dipGroups(cycle.items).reduce((n, g) => n + g.rows.length, 0) : dikRows(cycle.items).length;
}

/** The current algorithm: SHA-256 over the RFC 8785 form of the content. */
export function fingerprintSha256(kind: FingerprintKind, cycle: FingerprintCycle): string {
  return sha256Hex(canonicalJson(fingerprintContent(kind, cycle)));
}

/**
 * Format 1, frozen — content, row texts (fingerprint-v1.ts) and canonical form: lists signed
 * before the signing act stored its fingerprints are verified by recomputing with this. Do not
 * change it, nor route it through the current algorithm or the live row texts.
 */
export function legacyFingerprintSha256V1(kind: FingerprintKind, cycle: FingerprintCycle): string {
  const content = {
    app: 'ppid-desk',
    format: 1,
    kind,
    cycleId: cycle.id,
    year: cycle.year,
    version: cycle.version,
    signed: cycle.signed ? { at: cycle.signed.at, by: cycle.signed.by } : null,
    rows: kind === 'dip' ? dipGroupsV1(cycle.items) : dikRowsV1(cycle.items),
  };
  return sha256Hex(legacyCanonicalJsonV1(content));
}

/**
 * What the Kepala's signing act stores: computed on the cycle as it is signed (`signed` is
 * the act's own time and signer), so every later check compares with these values.
 */
export function signingFingerprints(cycle: FingerprintCycle): { dip: SignedFingerprint; dik: SignedFingerprint } {
  const one = (kind: FingerprintKind): SignedFingerprint => ({ sha256: fingerprintSha256(kind, cycle), format: FINGERPRINT_FORMAT, count: rowCount(kind, cycle) });
  return { dip: one('dip'), dik: one('dik') };
}

/**
 * The fingerprint a list carries. Signed with stored fingerprints: the stored hash, always.
 * Signed before they were stored: the frozen format-1 recomputation. Not signed: the current
 * algorithm (only the final list prints one).
 */
export function documentFingerprint(kind: FingerprintKind, cycle: FingerprintCycle): DocumentFingerprint {
  const stored = cycle.signed?.fingerprints?.[kind];
  let sha256: string;
  let reprintNote: string | null = null;
  if (stored) {
    sha256 = stored.sha256;
    const sameNow = stored.format === FINGERPRINT_FORMAT && fingerprintSha256(kind, cycle) === stored.sha256;
    if (!sameNow) reprintNote = REPRINT_NOTE;
  } else {
    sha256 = cycle.signed ? legacyFingerprintSha256V1(kind, cycle) : fingerprintSha256(kind, cycle);
  }
  return {
    sha256,
    short: shortFingerprint(sha256),
    qrText: `PPIDDESK|${kind.toUpperCase()}|${cycle.id}|v${cycle.version}|${sha256}`,
    reprintNote,
  };
}
