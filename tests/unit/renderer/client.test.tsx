import { afterEach, describe, expect, it, vi } from 'vitest';
import { contract, type CallName } from '../../../electron/core/contract';
import {
  PUBLIC_CALLS,
  SESSION_KEY,
  TOKEN_KEY,
  UNREACHABLE_MESSAGE,
  call,
  captureRunToken,
  onSessionExpired,
  setSessionToken,
} from '../../../renderer/src/api/client';

function jsonResponse(status: number, body: unknown) {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

describe('api client over HTTP (browser bridge)', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('takes the run token out of the URL once and sends it as a header with the session', async () => {
    window.history.replaceState(null, '', '/?token=run-token-123&x=1#/masuk');
    expect(captureRunToken()).toBe('run-token-123');
    expect(window.location.search).toBe('?x=1');
    expect(window.location.hash).toBe('#/masuk');
    expect(window.sessionStorage.getItem(TOKEN_KEY)).toBe('run-token-123');

    const fetchMock = vi.fn(async () => jsonResponse(200, { ok: true, data: { sessionToken: 's', user: {} } }));
    vi.stubGlobal('fetch', fetchMock);
    setSessionToken('session-abc');
    const r = await call('auth.login', { username: 'ppid', password: 'rahasia-123' });

    expect(r.ok).toBe(true);
    expect(fetchMock).toHaveBeenCalledTimes(1);
    const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/api/auth.login');
    expect(init.method).toBe('POST');
    const headers = init.headers as Record<string, string>;
    expect(headers.Authorization).toBe('Bearer run-token-123');
    expect(headers['X-PPID-Session']).toBe('session-abc');
    expect(headers['Content-Type']).toBe('application/json');
    expect(JSON.parse(String(init.body))).toEqual({ input: { username: 'ppid', password: 'rahasia-123' } });
  });

  it('sends no session header before log-in', async () => {
    window.sessionStorage.setItem(TOKEN_KEY, 't');
    const fetchMock = vi.fn(async () => jsonResponse(200, { ok: true, data: {} }));
    vi.stubGlobal('fetch', fetchMock);
    await call('app.status');
    const headers = (fetchMock.mock.calls[0] as unknown as [string, RequestInit])[1].headers as Record<string, string>;
    expect(headers['X-PPID-Session']).toBeUndefined();
  });

  it('reads the Result carried by a 401 answer instead of failing on the status code', async () => {
    vi.stubGlobal('fetch', async () => jsonResponse(401, { ok: false, code: 'UNAUTHENTICATED', message: 'Token akses tidak ada atau salah.' }));
    const r = await call('app.status');
    expect(r).toEqual({ ok: false, code: 'UNAUTHENTICATED', message: 'Token akses tidak ada atau salah.' });
  });

  it('turns a network failure into an INTERNAL result with an Indonesian message', async () => {
    vi.stubGlobal('fetch', async () => {
      throw new TypeError('Failed to fetch');
    });
    const r = await call('app.status');
    expect(r).toEqual({ ok: false, code: 'INTERNAL', message: UNREACHABLE_MESSAGE });
  });

  it('ends the session on UNAUTHENTICATED for a logged-in call, but not for a wrong password', async () => {
    const expired = vi.fn();
    const off = onSessionExpired(expired);
    vi.stubGlobal('fetch', async () => jsonResponse(200, { ok: false, code: 'UNAUTHENTICATED', message: 'x' }));

    setSessionToken('s1');
    await call('auth.login', { username: 'a', password: 'b' });
    expect(window.sessionStorage.getItem(SESSION_KEY)).toBe('s1');
    expect(expired).not.toHaveBeenCalled();

    await call('settings.get');
    expect(window.sessionStorage.getItem(SESSION_KEY)).toBeNull();
    expect(expired).toHaveBeenCalledTimes(1);
    off();
  });

  it('uses window.ppid when the Electron preload provides it', async () => {
    const fetchMock = vi.fn();
    vi.stubGlobal('fetch', fetchMock);
    const invoke = vi.fn(async () => ({ ok: true as const, data: 'via-ipc' }));
    window.ppid = { platform: 'electron', invoke };
    setSessionToken('s2');
    const r = await call('auth.me');
    expect(r).toEqual({ ok: true, data: 'via-ipc' });
    expect(invoke).toHaveBeenCalledWith({ name: 'auth.me', input: undefined, session: 's2' });
    expect(fetchMock).not.toHaveBeenCalled();
  });
});

describe('the client\u2019s list of public calls', () => {
  it('is exactly the contract\u2019s public calls', () => {
    const fromContract = (Object.keys(contract) as CallName[]).filter((n) => contract[n].access === 'public').sort();
    expect([...PUBLIC_CALLS].sort()).toEqual(fromContract);
  });
});
