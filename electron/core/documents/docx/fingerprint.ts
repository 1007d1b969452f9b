import type { DocumentCycle } from '../../domain/document-views';
import { canonicalJson, sha256Hex, shortFingerprint } from './parts/fingerprint';
import { dikRows, dipGroups } from '../shared/rows';

export type FingerprintKind = 'dip' | 'dik';

export interface DocumentFingerprint {
  sha256: string;
  /** "A1B2-C3D4-E5F6", printed in the footer. */
  short: string;
  /** What the QR code holds: `PPIDDESK|DIP|<cycleId>|v<version>|<sha256>`. */
  qrText: string;
}

/**
 * The fingerprint of a signed list: SHA-256 over the canonical JSON of its printed rows, the
 * cycle, the Konsep version and the signing act. It reads only the cycle's log-derived state
 * — not the settings — so a paper signed last year still verifies after the kop or the
 * officials change.
 */
export function fingerprintContent(kind: FingerprintKind, cycle: Pick<DocumentCycle, 'id' | 'year' | 'version' | 'signed' | 'items'>) {
  return {
    app: 'ppid-desk',
    format: 1,
    kind,
    cycleId: cycle.id,
    year: cycle.year,
    version: cycle.version,
    signed: cycle.signed ? { at: cycle.signed.at, by: cycle.signed.by } : null,
    rows: kind === 'dip' ? dipGroups(cycle.items) : dikRows(cycle.items),
  };
}

export function documentFingerprint(
  kind: FingerprintKind,
  cycle: Pick<DocumentCycle, 'id' | 'year' | 'version' | 'signed' | 'items'>,
): DocumentFingerprint {
  const sha256 = sha256Hex(canonicalJson(fingerprintContent(kind, cycle)));
  return {
    sha256,
    short: shortFingerprint(sha256),
    qrText: `PPIDDESK|${kind.toUpperCase()}|${cycle.id}|v${cycle.version}|${sha256}`,
  };
}
