import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Envelope } from '../core/contract';
import { serveStatic } from '../core/files/static';
import { err, type Result } from '../core/result';
import { isAllowedHost, isAllowedOrigin, SECURITY_HEADERS, tokenMatches } from './security';

/** The one thing the host needs from the core: the same entry point Electron's IPC uses. */
export interface Invoker {
  invoke(envelope: Envelope): Promise<Result<unknown>>;
}

export interface HostOptions {
  core: Invoker;
  token: string;
  rendererDir: string;
  port?: number;
  /** Largest request body; an emblem or a scan travels as base64 inside JSON. */
  maxBodyBytes?: number;
}

function sendJson(res: http.ServerResponse, status: number, body: unknown) {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
  });
  res.end(text);
}

class BodyTooLarge extends Error {}

function readBody(req: http.IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    // Over the limit we stop keeping bytes but let the client finish sending, so it
    // reads our answer instead of a reset connection.
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = Number(req.headers['content-length'] ?? 0) > limit;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > limit) tooLarge = true;
      if (!tooLarge) chunks.push(c);
    });
    req.on('end', () => (tooLarge ? reject(new BodyTooLarge()) : resolve(Buffer.concat(chunks))));
    req.on('error', reject);
  });
}

async function sendStatic(rendererDir: string, req: http.IncomingMessage, urlPath: string, res: http.ServerResponse) {
  const a = await serveStatic(rendererDir, { urlPath, method: req.method ?? 'GET' }, SECURITY_HEADERS);
  res.writeHead(a.status, a.headers);
  res.end(a.body ?? undefined);
}

export function createHostServer(opts: HostOptions): http.Server {
  // A 20 MB scan travels as base64 inside JSON (+33%).
  const maxBody = opts.maxBodyBytes ?? 40 * 1024 * 1024;
  const server = http.createServer(async (req, res) => {
    try {
      const port = (server.address() as AddressInfo).port;
      if (!isAllowedHost(req.headers.host, port)) {
        return sendJson(res, 403, err('FORBIDDEN', 'Permintaan ditolak: alamat host bukan 127.0.0.1.'));
      }
      if (!isAllowedOrigin(req.headers.origin, port)) {
        return sendJson(res, 403, err('FORBIDDEN', 'Permintaan ditolak: asal (Origin) bukan aplikasi ini.'));
      }
      const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);

      if (url.pathname.startsWith('/api/')) {
        if (!tokenMatches(req.headers.authorization, opts.token)) {
          return sendJson(res, 401, err('UNAUTHENTICATED', 'Token akses tidak ada atau salah. Buka PPID Desk dari alamat yang dicetak saat layanan dimulai.'));
        }
        if (req.method !== 'POST') return sendJson(res, 405, err('INVALID_INPUT', 'Metode tidak diizinkan.'));
        if (!/^application\/json\b/i.test(req.headers['content-type'] ?? '')) {
          return sendJson(res, 415, err('INVALID_INPUT', 'Permintaan harus berformat JSON.'));
        }
        let body: unknown;
        try {
          const raw = await readBody(req, maxBody);
          body = raw.length ? JSON.parse(raw.toString('utf8')) : {};
        } catch (e) {
          if (e instanceof BodyTooLarge) {
            return sendJson(res, 413, err('INVALID_INPUT', `Data terlalu besar (maksimal ${Math.round(maxBody / 1048576)} MB).`));
          }
          return sendJson(res, 400, err('INVALID_INPUT', 'Permintaan tidak berformat JSON yang benar.'));
        }
        if (typeof body !== 'object' || body === null || Array.isArray(body)) {
          return sendJson(res, 400, err('INVALID_INPUT', 'Permintaan harus berupa objek JSON.'));
        }
        let name: string;
        try {
          name = decodeURIComponent(url.pathname.slice('/api/'.length));
        } catch {
          return sendJson(res, 400, err('UNKNOWN_CALL', 'Nama perintah pada alamat tidak valid (kode persen rusak).'));
        }
        const session = req.headers['x-ppid-session'];
        const result = await opts.core.invoke({
          name,
          input: (body as { input?: unknown }).input,
          session: typeof session === 'string' ? session : undefined,
        });
        return sendJson(res, 200, result);
      }

      return await sendStatic(opts.rendererDir, req, url.pathname, res);
    } catch {
      if (!res.headersSent) sendJson(res, 500, err('INTERNAL', 'Terjadi kesalahan pada layanan PPID Desk.'));
      else res.destroy();
    }
  });
  return server;
}

/** Listens on 127.0.0.1 only — never on all interfaces. Port 0 picks a free one. */
export function listenLoopback(server: http.Server, port = 0): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}
