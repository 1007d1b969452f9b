import { canonicalJson, sha256Hex, shortFingerprint } from './parts/fingerprint';
import { QR_HASH_HEX } from './fingerprint';
import {
  REGENCY_QR_KINDS,
  regencyFingerprintContent,
  regencyPayloadSchema,
  type RegencyInput,
  type RegencyListKind,
  type RegencyPayload,
} from '../shared/regency';

/**
 * The fingerprint of the regency's consolidated DIP or DIK, as fingerprint.ts for an OPD's
 * lists: SHA-256 over the RFC 8785 form of the content (shared/regency.ts
 * regencyFingerprintContent), whose every OPD entry carries the fingerprint its own Kepala
 * signed. The QR holds `PPIDDESK:DIPKAB:<year>:<first 32 hex>` (DIKKAB for the DIK): QR
 * alphanumeric characters only, so it stays a small code as the OPD's does.
 */
export interface RegencyFingerprint {
  sha256: string;
  short: string;
  qrText: string;
}

export function regencyFingerprint(kind: RegencyListKind, input: RegencyInput): RegencyFingerprint {
  const sha256 = sha256Hex(canonicalJson(regencyFingerprintContent(kind, input)));
  return { sha256, short: shortFingerprint(sha256), qrText: regencyQrPayload(kind, input.year, sha256) };
}

export function regencyQrPayload(kind: RegencyListKind, year: number, sha256: string): string {
  return `PPIDDESK:${REGENCY_QR_KINDS[kind]}:${year}:${sha256.slice(0, QR_HASH_HEX).toUpperCase()}`;
}

export function parseRegencyQr(code: string): { kind: RegencyListKind; year: number; sha256Prefix: string } | null {
  const m = /^PPIDDESK:(DIPKAB|DIKKAB):(\d{4}):([A-F0-9]{32})$/i.exec(code.trim());
  if (!m) return null;
  return { kind: m[1]!.toUpperCase() === 'DIPKAB' ? 'dip' : 'dik', year: Number(m[2]), sha256Prefix: m[3]!.toLowerCase() };
}

/** One OPD's own signed list, as named inside a consolidated payload. */
export interface OpdSignedVersion {
  opdId: string;
  opdName: string;
  unitCode: string;
  /** Null: the OPD had no signed list when the regency's list was made. */
  signed: { at: string; by: string; sha256: string; short: string; rows: number } | null;
}

/** Rows of one OPD's entry: the DIP's groups hold rows, the DIK's rows are rows. */
function rowCount(kind: RegencyPayload['kind'], rows: unknown[]): number {
  if (kind === 'DIKKAB') return rows.length;
  return rows.reduce<number>((n, g) => n + (Array.isArray((g as { rows?: unknown }).rows) ? (g as { rows: unknown[] }).rows.length : 0), 0);
}

export function signedVersionsOf(payload: RegencyPayload): OpdSignedVersion[] {
  return payload.opds.map((o) => ({
    opdId: o.opdId,
    opdName: o.opdName,
    unitCode: o.unitCode,
    signed: o.signed ? { ...o.signed, short: shortFingerprint(o.signed.sha256), rows: rowCount(payload.kind, o.rows) } : null,
  }));
}

export type RegencyVerification =
  | {
      ok: true;
      kind: RegencyListKind;
      year: number;
      issuer: string;
      signed: { at: string; by: string } | null;
      sha256: string;
      short: string;
      /** Each OPD's own signed version the consolidated list holds, in its order. */
      versions: OpdSignedVersion[];
    }
  | { ok: false; message: string };

/**
 * Given the consolidated fingerprint payload (the JSON the fingerprint was computed over, as
 * kept by the PPID Utama or published beside the list) and optionally what a paper prints
 * (its QR text or short fingerprint): checks that the payload hashes to what the paper
 * carries and lists each OPD's own signed version in it, for the verify page to check
 * against the OPD's packages.
 */
export function verifyRegencyPayload(payloadJson: string, printed?: string): RegencyVerification {
  let raw: unknown;
  try {
    raw = JSON.parse(payloadJson);
  } catch {
    return { ok: false, message: 'Isi sidik bukan JSON yang sah.' };
  }
  const parsed = regencyPayloadSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, message: parsed.error.issues[0]?.message ?? 'Isi sidik daftar gabungan tidak dikenal.' };
  // Hash what was given, not the parsed copy: zod drops keys it does not know, and a payload
  // with an extra key is not the one that was signed.
  const sha256 = sha256Hex(canonicalJson(raw));
  const payload = parsed.data;
  const kind: RegencyListKind = payload.kind === 'DIPKAB' ? 'dip' : 'dik';
  if (printed !== undefined) {
    const code = printed.trim();
    const qr = parseRegencyQr(code);
    const matches = qr
      ? qr.kind === kind && qr.year === payload.year && sha256.startsWith(qr.sha256Prefix)
      : code.replace(/[\s-]/g, '').toUpperCase() === shortFingerprint(sha256).replace(/-/g, '');
    if (!matches) return { ok: false, message: 'Sidik pada lembar tidak sesuai dengan isi daftar gabungan ini: lembar atau isinya telah berubah.' };
  }
  return {
    ok: true,
    kind,
    year: payload.year,
    issuer: payload.issuer,
    signed: payload.signed,
    sha256,
    short: shortFingerprint(sha256),
    versions: signedVersionsOf(payload),
  };
}
