import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import http from 'node:http';
import { mkdtempSync, writeFileSync, mkdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { createHostServer, listenLoopback } from '../../electron/host/server';
import type { Envelope } from '../../electron/core/contract';
import { ok } from '../../electron/core/result';

const TOKEN = 'test-token-0123456789abcdef';

/** Raw requests, so the test controls Host and Origin exactly as an attacker's page could. */
function request(port: number, opts: { method?: string; path: string; headers?: Record<string, string>; body?: string }) {
  return new Promise<{ status: number; body: string; headers: http.IncomingHttpHeaders }>((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port, method: opts.method ?? 'GET', path: opts.path, headers: { Host: `127.0.0.1:${port}`, ...opts.headers } },
      (res) => {
        let body = '';
        res.on('data', (c) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
      },
    );
    req.on('error', reject);
    if (opts.body) req.write(opts.body);
    req.end();
  });
}

describe('loopback host', () => {
  let server: http.Server;
  let port: number;
  let calls: Envelope[];
  let base: string;

  beforeEach(async () => {
    calls = [];
    // The renderer folder sits in a folder of the test's own, beside a file it must never serve.
    base = mkdtempSync(path.join(os.tmpdir(), 'ppid-host-'));
    const rendererDir = path.join(base, 'renderer');
    mkdirSync(path.join(rendererDir, 'assets'), { recursive: true });
    writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>PPID Desk</title>');
    writeFileSync(path.join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
    writeFileSync(path.join(base, 'secret.txt'), 'rahasia');
    server = createHostServer({
      core: { invoke: async (e) => (calls.push(e), ok({ echoed: e.name })) },
      token: TOKEN,
      rendererDir,
      maxBodyBytes: 1024,
    });
    port = await listenLoopback(server, 0);
  });
  afterEach(async () => {
    await new Promise<void>((r) => server.close(() => r()));
    rmSync(base, { recursive: true, force: true });
  });

  const api = (name: string, headers: Record<string, string> = {}, body = '{"input":{}}') =>
    request(port, {
      method: 'POST',
      path: `/api/${name}`,
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${TOKEN}`, ...headers },
      body,
    });

  it('listens on 127.0.0.1 only', () => {
    expect((server.address() as AddressInfo).address).toBe('127.0.0.1');
  });

  it('passes a call with the token to the core, with the session header', async () => {
    const res = await api('auth.me', { 'X-PPID-Session': 'abc' });
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toEqual({ ok: true, data: { echoed: 'auth.me' } });
    expect(calls).toEqual([{ name: 'auth.me', input: {}, session: 'abc' }]);
  });

  it('answers a call name that does not decode with 400 and a JSON error, never reaching the core', async () => {
    const res = await api('%E0%A4%A');
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(JSON.parse(res.body)).toMatchObject({ ok: false, code: 'UNKNOWN_CALL', message: expect.stringMatching(/tidak valid/) });
    expect(calls).toEqual([]);
  });

  it('refuses an API call without the token or with a wrong one, and never reaches the core', async () => {
    const none = await api('settings.update', { Authorization: '' });
    const wrong = await api('settings.update', { Authorization: 'Bearer wrong-token-0123456789abcdef' });
    for (const res of [none, wrong]) {
      expect(res.status).toBe(401);
      expect(JSON.parse(res.body)).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
    }
    expect(calls).toHaveLength(0);
  });

  it('refuses a foreign Host header (DNS rebinding) and a foreign Origin', async () => {
    const host = await api('app.status', { Host: `evil.example:${port}` });
    const origin = await api('app.status', { Origin: 'http://evil.example' });
    expect(host.status).toBe(403);
    expect(origin.status).toBe(403);
    expect(JSON.parse(origin.body).message).toMatch(/Origin/);
    expect(calls).toHaveLength(0);
  });

  it('refuses bodies that are too large or not JSON, with an Indonesian message', async () => {
    const big = await api('setup.complete', {}, JSON.stringify({ input: 'x'.repeat(5000) }));
    expect(big.status).toBe(413);
    expect(JSON.parse(big.body).message).toMatch(/terlalu besar/);
    const bad = await api('setup.complete', {}, '{not json');
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.body).message).toMatch(/JSON/);
    const form = await api('setup.complete', { 'Content-Type': 'application/x-www-form-urlencoded' }, 'a=b');
    expect(form.status).toBe(415);
    expect(calls).toHaveLength(0);
  });

  it('serves the renderer the way app:// does: scripts as JavaScript, a client-side route as the page', async () => {
    const script = await request(port, { path: '/assets/app.js' });
    expect(script.status).toBe(200);
    expect(script.headers['content-type']).toBe('text/javascript; charset=utf-8');
    // Hashed asset names may be cached; the page (which carries the token) never is.
    expect(script.headers['cache-control']).toContain('immutable');
    const route = await request(port, { path: '/siklus/abc/nota-dinas' });
    expect(route.status).toBe(200);
    expect(route.body).toContain('<title>PPID Desk</title>');
    expect(route.headers['cache-control']).toBe('no-store');
    expect((await request(port, { path: '/assets/hilang.js' })).status).toBe(404);
    expect((await request(port, { path: '/', method: 'DELETE' })).status).toBe(405);
  });

  it('serves the renderer with a strict CSP and never a file outside it', async () => {
    const page = await request(port, { path: '/' });
    expect(page.status).toBe(200);
    expect(page.body).toContain('PPID Desk');
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.headers['content-security-policy']).not.toMatch(/unsafe-eval|https?:/);
    expect(page.headers['referrer-policy']).toBe('no-referrer');
    for (const p of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt', '/%00']) {
      const res = await request(port, { path: p });
      expect(res.body, p).not.toContain('rahasia');
      expect(res.status, p).toBeGreaterThanOrEqual(400);
    }
  });
});
