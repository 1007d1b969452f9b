import { timingSafeEqual } from 'node:crypto';
import { CONTENT_SECURITY_POLICY } from '../core/content-security-policy';

/**
 * Checks for the loopback host. A page on another site can make the browser send requests
 * to 127.0.0.1, and DNS rebinding can make such a page look same-origin: so the Host
 * header must name the loopback address, an Origin (when sent) must be ours, and every
 * API call must carry the run's token.
 */
export function allowedHosts(port: number): Set<string> {
  return new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
}

export function isAllowedHost(hostHeader: string | undefined, port: number): boolean {
  return !!hostHeader && allowedHosts(port).has(hostHeader.toLowerCase());
}

export function isAllowedOrigin(origin: string | undefined, port: number): boolean {
  if (origin === undefined) return true; // same-origin GETs and non-browser clients send none
  return origin === `http://127.0.0.1:${port}` || origin === `http://localhost:${port}`;
}

export function tokenMatches(authorization: string | undefined, token: string): boolean {
  const m = /^Bearer ([A-Za-z0-9_-]{16,128})$/.exec(authorization ?? '');
  if (!m) return false;
  const given = Buffer.from(m[1]!);
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export const CSP = CONTENT_SECURITY_POLICY;

export const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': CSP,
  'X-Content-Type-Options': 'nosniff',
  // The first URL carries the token: never leak it in a Referer.
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};
