import type { PrintedFingerprint } from '../../../../electron/core/domain/document-views';
import type { RegencySignature } from '../../../../electron/core/domain/regency/model';
import { REGENCY_QR_KINDS, type RegencyListKind } from '../../../../electron/core/documents/shared/regency';

/**
 * What the signed consolidated lists print in their footer (short fingerprint and QR text),
 * from the SHA-256 the PPID Utama's signature recorded: the same form the core's
 * documents/docx/regency-fingerprint.ts gives the DOCX (a renderer test holds the two together).
 */
export function printedFingerprint(kind: RegencyListKind, year: number, sha256: string): PrintedFingerprint | null {
  if (!/^[a-f0-9]{64}$/i.test(sha256)) return null;
  const hex = sha256.toUpperCase();
  return { short: (hex.slice(0, 12).match(/.{4}/g) ?? []).join('-'), qrText: `PPIDDESK:${REGENCY_QR_KINDS[kind]}:${year}:${hex.slice(0, 32)}` };
}

export function signatureFingerprints(sig: RegencySignature | null): { dip: PrintedFingerprint | null; dik: PrintedFingerprint | null } | null {
  if (!sig) return null;
  return { dip: printedFingerprint('dip', sig.year, sig.fingerprints.dip), dik: printedFingerprint('dik', sig.year, sig.fingerprints.dik) };
}
