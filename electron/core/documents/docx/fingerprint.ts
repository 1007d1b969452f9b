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
  /** What the QR code holds: qrPayload's `PPIDDESK:DIP:<CYCLEID>:V<version>:<SHA256 PREFIX>`. */
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
    qrText: qrPayload(kind, cycle.id, cycle.version, sha256),
    reprintNote,
  };
}

/** Hex digits of the SHA-256 the QR carries: 128 bits, as hard to forge as the whole hash for a paper check. */
export const QR_HASH_HEX = 32;

/**
 * The QR's text, format 2: only QR "alphanumeric" characters (upper case, digits, ":"), which
 * pack 5.5 bits a character instead of 8, and the first 128 bits of the hash. It fits a
 * version-4 code (33 modules), so modules of 0.4 mm and more stay within the footer: a
 * version-7 code of the old `PPIDDESK|DIP|<id>|v<n>|<sha256>` text needed 45 modules, which
 * at 1.5 cm a 150-dpi scan could not read. Papers printed with the old text still verify
 * (services/documents.ts reads both).
 */
export function qrPayload(kind: FingerprintKind, cycleId: string, version: number, sha256: string): string {
  return `PPIDDESK:${kind.toUpperCase()}:${cycleId.toUpperCase()}:V${version}:${sha256.slice(0, QR_HASH_HEX).toUpperCase()}`;
}

/** A QR text of either format, read back: kind, cycle id (lower case, as stored), version and the hash or its prefix. */
export function parseQrPayload(code: string): { kind: FingerprintKind; cycleId: string; version: number; sha256Prefix: string } | null {
  const v1 = /^PPIDDESK\|(DIP|DIK)\|([A-Za-z0-9-]+)\|v(\d+)\|([a-f0-9]{64})$/.exec(code);
  const v2 = /^PPIDDESK:(DIP|DIK):([A-Z0-9-]+):V(\d+):([A-F0-9]{32})$/i.exec(code);
  const m = v1 ?? v2;
  if (!m) return null;
  return {
    kind: m[1]!.toLowerCase() as FingerprintKind,
    cycleId: v2 ? m[2]!.toLowerCase() : m[2]!,
    version: Number(m[3]),
    sha256Prefix: m[4]!.toLowerCase(),
  };
}
