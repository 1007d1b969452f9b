import { promises as fs } from 'node:fs';
import path from 'node:path';
import { CONTENT_SECURITY_POLICY } from '../content-security-policy';
import { contentTypeOf } from './mime';

/**
 * Serving the built renderer, for both transports: Electron's app:// handler and the
 * loopback host. Each wraps the answer in its own response type and may add headers of
 * its own; the path rules, types and the CSP are the same.
 */

/**
 * Maps a URL path (still percent-encoded) to a file under `root`, or null if it would
 * leave `root`. URL parsing already folds `..` and `%2e%2e` segments, but an encoded
 * slash (`..%2f`) only becomes a separator after decoding, so the check runs on the
 * result. `p` is a parameter so the Windows rules can be tested on any machine.
 */
export function resolveUnderRoot(root: string, urlPath: string, p: path.PlatformPath = path): string | null {
  let rel: string;
  try {
    rel = decodeURIComponent(urlPath);
  } catch {
    return null; // malformed percent-encoding
  }
  // NUL truncates paths in native code; ':' selects drives and NTFS streams and '\\' is a
  // separator on Windows. The built renderer has none of them in its file names.
  if (rel.includes('\0') || rel.includes(':') || rel.includes('\\')) return null;
  rel = rel.replace(/^\/+/, '');
  if (rel === '' || rel.endsWith('/')) rel += 'index.html';
  const base = p.resolve(root);
  const target = p.resolve(base, rel);
  const relative = p.relative(base, target);
  if (relative === '' || relative === '..' || relative.startsWith(`..${p.sep}`) || p.isAbsolute(relative)) return null;
  return target;
}

export interface StaticAnswer {
  status: number;
  headers: Record<string, string>;
  /** null for HEAD. */
  body: Uint8Array<ArrayBuffer> | null;
}

export const STATIC_BASE_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
};

function answer(status: number, text: string, method: string, extra: Record<string, string>): StaticAnswer {
  const bytes = new TextEncoder().encode(text);
  return {
    status,
    headers: {
      ...STATIC_BASE_HEADERS,
      ...extra,
      'Content-Type': 'text/plain; charset=utf-8',
      'Content-Length': String(bytes.length),
      'Cache-Control': 'no-store',
    },
    body: method === 'HEAD' ? null : bytes,
  };
}

/**
 * Answers one GET or HEAD for `urlPath` from `root`. An extension-less path that is not a
 * file gets index.html, so a client-side route survives a reload; a missing asset is 404.
 */
export async function serveStatic(
  root: string,
  request: { urlPath: string; method: string },
  extraHeaders: Record<string, string> = {},
): Promise<StaticAnswer> {
  const { method } = request;
  if (method !== 'GET' && method !== 'HEAD') return answer(405, 'Metode tidak diizinkan.', method, extraHeaders);
  const file = resolveUnderRoot(root, request.urlPath);
  if (!file) return answer(403, 'Akses ditolak.', method, extraHeaders);
  let body: Buffer;
  let served = file;
  try {
    body = await fs.readFile(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const missing = code === 'ENOENT' || code === 'EISDIR' || code === 'ENOTDIR';
    if (!missing) throw e;
    if (path.extname(file) !== '') return answer(404, 'Tidak ditemukan.', method, extraHeaders);
    served = path.join(path.resolve(root), 'index.html');
    try {
      body = await fs.readFile(served);
    } catch {
      return answer(404, 'Tidak ditemukan.', method, extraHeaders);
    }
  }
  const hashedAsset = path.relative(path.resolve(root), served).split(path.sep)[0] === 'assets';
  return {
    status: 200,
    headers: {
      ...STATIC_BASE_HEADERS,
      ...extraHeaders,
      'Content-Type': contentTypeOf(served),
      'Content-Length': String(body.length),
      // Vite's hashed asset names may be cached for good; the page itself must always be fresh.
      'Cache-Control': hashedAsset ? 'public, max-age=31536000, immutable' : 'no-store',
    },
    body: method === 'HEAD' ? null : new Uint8Array(body.buffer as ArrayBuffer, body.byteOffset, body.byteLength),
  };
}
