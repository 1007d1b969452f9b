import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import QRCode from 'qrcode';
import { encodeGreyPng } from './png';

/**
 * RFC 8785 (JSON Canonicalization Scheme): keys sorted by UTF-16 code units, numbers in their
 * ECMAScript form, no whitespace, so the same content hashes the same on every machine and in
 * every later version of the app, and any JCS implementation can re-check a fingerprint.
 */
export function canonicalJson(value: unknown): string {
  const text = canonicalize(value);
  if (text === undefined) throw new Error('Isi sidik tidak dapat dikanonikkan.');
  return text;
}

/**
 * The hand-written canonical form of fingerprint format 1, frozen: lists signed before
 * format 2 stored no fingerprint and are verified by recomputing with exactly this.
 * Never change it; it differs from RFC 8785 only in corner cases (key order beyond ASCII,
 * number forms) that format-1 content never held, but it is what those papers were hashed with.
 */
export function legacyCanonicalJsonV1(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'number' && !Number.isFinite(value)) throw new Error('Angka tidak terhingga tidak dapat dikanonikkan.');
    return JSON.stringify(value ?? null);
  }
  if (Array.isArray(value)) return `[${value.map(legacyCanonicalJsonV1).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${legacyCanonicalJsonV1(v)}`).join(',')}}`;
}

export const sha256Hex = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** "a1b2c3d4e5f6…" → "A1B2-C3D4-E5F6": short enough to read aloud or type into the app. */
export function shortFingerprint(sha256: string): string {
  return (sha256.slice(0, 12).toUpperCase().match(/.{4}/g) ?? []).join('-');
}

/** Pixels per QR module and the quiet zone the standard asks for (4 modules). */
const MODULE_PX = 4;
const QUIET = 4;

/** A QR code as a PNG, black on white, with its side in pixels and in modules (quiet zone included). */
export function qrPng(text: string): { png: Buffer; sizePx: number; modules: number } {
  const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const n = qr.modules.size;
  const side = (n + 2 * QUIET) * MODULE_PX;
  const png = encodeGreyPng(side, side, (x, y) => {
    const c = Math.floor(x / MODULE_PX) - QUIET;
    const r = Math.floor(y / MODULE_PX) - QUIET;
    return c >= 0 && r >= 0 && c < n && r < n && qr.modules.data[r * n + c] === 1;
  });
  return { png, sizePx: side, modules: n + 2 * QUIET };
}
