import type { AppStatus, CallName, Envelope, InputOf, OutputOf } from '../../../electron/core/contract';
import type { Err, Result } from '../../../electron/core/result';
import type { PpidBridge } from '../../../electron/core/bridge';
import { syncOfficeClock } from '../i18n/office-clock';

declare global {
  interface Window {
    /** Set by the Electron preload; absent in a plain browser against the loopback host. */
    ppid?: PpidBridge;
  }
}

export const TOKEN_KEY = 'ppid.token';
export const SESSION_KEY = 'ppid.session';

export const UNREACHABLE_MESSAGE =
  'Tidak dapat menghubungi layanan PPID Desk. Pastikan aplikasi masih berjalan, lalu muat ulang halaman ini.';

/**
 * Calls that need no log-in. An UNAUTHENTICATED answer to any other call means the session
 * ended (idle timeout, restart, password change elsewhere); to `auth.login` it only means a
 * wrong password. A unit test compares this list with the contract's `access`.
 */
export const PUBLIC_CALLS: readonly CallName[] = [
  'app.status',
  'recovery.restoreBackup',
  'setup.complete',
  'setup.loadDemo',
  'setup.previewJoin',
  'setup.join',
  'auth.login',
  'auth.demoAccounts',
  'setup.previewBackup',
  'setup.restoreBackup',
];

function storage(): Storage | null {
  try {
    return window.sessionStorage;
  } catch {
    return null; // storage can be disabled; the app then simply forgets on reload
  }
}

/**
 * The run token arrives once as `?token=` and is then kept out of the address bar: a URL
 * ends up in history, screenshots and copy-pastes, a header does not.
 */
export function captureRunToken(): string | null {
  const params = new URLSearchParams(window.location.search);
  const fromUrl = params.get('token');
  if (fromUrl) {
    storage()?.setItem(TOKEN_KEY, fromUrl);
    params.delete('token');
    const query = params.toString();
    const url = `${window.location.pathname}${query ? `?${query}` : ''}${window.location.hash}`;
    window.history.replaceState(window.history.state, '', url);
    return fromUrl;
  }
  return storage()?.getItem(TOKEN_KEY) ?? null;
}

export function getSessionToken(): string | null {
  return storage()?.getItem(SESSION_KEY) ?? null;
}

export function setSessionToken(token: string | null): void {
  const s = storage();
  if (!s) return;
  if (token) s.setItem(SESSION_KEY, token);
  else s.removeItem(SESSION_KEY);
}

type Listener = () => void;
const expiredListeners = new Set<Listener>();

/** The app shell subscribes to send the user back to the login screen. */
export function onSessionExpired(listener: Listener): () => void {
  expiredListeners.add(listener);
  return () => expiredListeners.delete(listener);
}

const unreachable = (): Err => ({ ok: false, code: 'INTERNAL', message: UNREACHABLE_MESSAGE });

function isResult(value: unknown): value is Result<unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as { ok?: unknown; code?: unknown; message?: unknown };
  return v.ok === true || (v.ok === false && typeof v.code === 'string' && typeof v.message === 'string');
}

/** The same bridge shape as the Electron preload, over HTTP to the loopback host. */
export const browserBridge: PpidBridge = {
  platform: 'browser',
  async invoke(envelope: Envelope): Promise<Result<unknown>> {
    const token = captureRunToken();
    const headers: Record<string, string> = { 'Content-Type': 'application/json' };
    if (token) headers.Authorization = `Bearer ${token}`;
    if (envelope.session) headers['X-PPID-Session'] = envelope.session;
    let response: Response;
    try {
      response = await fetch(`/api/${encodeURIComponent(envelope.name)}`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ input: envelope.input ?? {} }),
        credentials: 'omit',
        cache: 'no-store',
      });
    } catch {
      return unreachable();
    }
    // 401/403/4xx carry a Result too; only a body that is not one is unexpected.
    let body: unknown;
    try {
      body = await response.json();
    } catch {
      body = null;
    }
    if (isResult(body)) return body;
    return {
      ok: false,
      code: 'INTERNAL',
      message: `Layanan PPID Desk memberi jawaban yang tidak dikenal (HTTP ${response.status}). Muat ulang halaman ini.`,
    };
  },
};

function bridge(): PpidBridge {
  return window.ppid ?? browserBridge;
}

/** The untyped core of `call`, for generic helpers that already know the name is valid. */
export async function callRaw(name: CallName, input?: unknown): Promise<Result<unknown>> {
  const session = getSessionToken() ?? undefined;
  let result: Result<unknown>;
  try {
    result = await bridge().invoke({ name, input, session });
  } catch {
    result = unreachable();
  }
  // Every status carries the core's clock and the office's calendar: the screen's "today".
  if (result.ok && (name === 'app.status' || name === 'recovery.restoreBackup')) syncOfficeClock(result.data as AppStatus);
  if (!result.ok && result.code === 'UNAUTHENTICATED' && !PUBLIC_CALLS.includes(name)) {
    setSessionToken(null);
    for (const listener of expiredListeners) listener();
  }
  return result;
}

/** The one way the renderer talks to the core. Never throws: failures are results too. */
export function call<K extends CallName>(
  name: K,
  ...args: undefined extends InputOf<K> ? [input?: InputOf<K>] : [input: InputOf<K>]
): Promise<Result<OutputOf<K>>> {
  return callRaw(name, args[0]) as Promise<Result<OutputOf<K>>>;
}
