import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => ({
  protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
  ipcMain: { handle: vi.fn(), removeHandler: vi.fn() },
}));

const {
  APP_START_URL,
  CONTENT_SECURITY_POLICY,
  hardenSession,
  hardenWebContents,
  isBlockedRequestUrl,
  isTrustedUrl,
  resolveAppPath,
  secureWebPreferences,
  serveRendererFile,
} = await import('../../electron/main/security');

describe('isTrustedUrl', () => {
  it.each(['app://ppid/', 'app://ppid/index.html', 'app://ppid/assets/index-abc.js?x=1#y', 'app://ppid'])('accepts the app origin: %s', (url) => {
    expect(isTrustedUrl(url)).toBe(true);
  });

  it.each([
    'file:///C:/Windows/System32/drivers/etc/hosts',
    'file:///work/main/dist/renderer/index.html',
    'http://evil.example/',
    'https://ppid/',
    'http://127.0.0.1:5173/',
    'app://ppid@evil/',
    'app://user:pass@ppid/',
    'app://user@ppid/',
    'app://ppid.evil/',
    'app://evil/ppid/',
    'app://ppid:8080/',
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'blob:app://ppid/1234',
    'devtools://devtools/bundled/inspector.html',
    'about:blank',
    'app:ppid',
    '',
    'not a url',
  ])('rejects %s', (url) => {
    expect(isTrustedUrl(url)).toBe(false);
  });

  it('rejects non-strings', () => {
    expect(isTrustedUrl(undefined)).toBe(false);
    expect(isTrustedUrl(null)).toBe(false);
    expect(isTrustedUrl({ toString: () => 'app://ppid/' })).toBe(false);
  });
});

describe('resolveAppPath (path traversal)', () => {
  const root = '/srv/app/dist/renderer';

  it('maps app URLs under the renderer folder', () => {
    expect(resolveAppPath(root, 'app://ppid/')).toBe(`${root}/index.html`);
    expect(resolveAppPath(root, 'app://ppid/assets/index-abc.js?v=2')).toBe(`${root}/assets/index-abc.js`);
    expect(resolveAppPath(root, 'app://ppid/fonts/Noto%20Sans.woff2')).toBe(`${root}/fonts/Noto Sans.woff2`);
  });

  it.each([
    'app://ppid/..%2fsecret.txt',
    'app://ppid/assets/..%2f..%2f..%2fetc%2fpasswd',
    'app://ppid/%2e%2e%2f%2e%2e%2fpackage.json',
    'app://ppid/%2fetc%2fpasswd/..%2f..%2f..',
    'app://ppid/index.html%00.png',
    'app://ppid/%E0%A4%A', // malformed escape
    'app://evil/index.html',
    'file:///srv/app/dist/renderer/index.html',
  ])('refuses %s', (url) => {
    expect(resolveAppPath(root, url)).toBeNull();
  });

  it('folds dot segments without leaving the root', () => {
    // The URL parser removes them (encoded or not) before we see the path: these stay inside.
    expect(resolveAppPath(root, 'app://ppid/../../etc/passwd')).toBe(`${root}/etc/passwd`);
    expect(resolveAppPath(root, 'app://ppid/%2e%2e/%2E%2E/secret.txt')).toBe(`${root}/secret.txt`);
  });

  it.each([
    'app://ppid/..%5c..%5cWindows%5cwin.ini',
    'app://ppid/..%2f..%2fWindows%2fwin.ini',
    'app://ppid/assets/..%2f..%2f..%2f..%2f..%2f..%2fsecret.txt',
    'app://ppid/assets%5c..%5c..%5csecret.txt',
    'app://ppid/C:%5cWindows%5cwin.ini',
    'app://ppid/%5c%5cserver%5cshare%5cx',
    'app://ppid/index.html:stream',
  ])('refuses Windows-style escapes: %s', (url) => {
    expect(resolveAppPath('C:\\Program Files\\PPID Desk\\resources\\app\\dist\\renderer', url, path.win32)).toBeNull();
  });

  it('maps normal paths on Windows too', () => {
    const winRoot = 'C:\\PPID\\dist\\renderer';
    expect(resolveAppPath(winRoot, 'app://ppid/assets/a.js', path.win32)).toBe('C:\\PPID\\dist\\renderer\\assets\\a.js');
  });
});

describe('serveRendererFile', () => {
  let tmp: string;
  let root: string;

  beforeAll(async () => {
    tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'ppid-protocol-'));
    root = path.join(tmp, 'renderer');
    await fs.mkdir(path.join(root, 'assets'), { recursive: true });
    await fs.writeFile(path.join(root, 'index.html'), '<!doctype html><title>PPID Desk</title>');
    await fs.writeFile(path.join(root, 'assets', 'main.js'), 'console.log(1)');
    await fs.writeFile(path.join(tmp, 'secret.txt'), 'RAHASIA');
  });
  afterAll(() => fs.rm(tmp, { recursive: true, force: true }));

  const get = (url: string, method = 'GET') => serveRendererFile(root, { url, method });

  it('serves index.html with a strict CSP', async () => {
    const res = await get(APP_START_URL);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await res.text()).toContain('<title>PPID Desk</title>');
    const csp = res.headers.get('content-security-policy');
    expect(csp).toBe(CONTENT_SECURITY_POLICY);
    for (const directive of ["default-src 'self'", "script-src 'self'", "object-src 'none'", "frame-ancestors 'none'", "connect-src 'self'"]) {
      expect(csp).toContain(directive);
    }
    expect(csp).not.toMatch(/script-src[^;]*unsafe/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('serves module scripts as JavaScript (Chromium refuses other types)', async () => {
    const res = await get('app://ppid/assets/main.js');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/javascript/);
  });

  it.each(['app://ppid/..%2fsecret.txt', 'app://ppid/assets/..%2f..%2fsecret.txt', 'app://ppid/..%5csecret.txt'])(
    'refuses traversal %s',
    async (url) => {
      const res = await get(url);
      expect(res.status).toBe(403);
      expect(await res.text()).not.toContain('RAHASIA');
    },
  );

  it('never serves a file outside the renderer folder, even through folded dot segments', async () => {
    const res = await get('app://ppid/%2e%2e/secret.txt');
    expect(res.status).toBe(404);
    expect(await res.text()).not.toContain('RAHASIA');
  });

  it('answers a client-side route with index.html, but a missing asset with 404', async () => {
    const route = await get('app://ppid/pengaturan/pengguna');
    expect(route.status).toBe(200);
    expect(await route.text()).toContain('<title>PPID Desk</title>');
    expect((await get('app://ppid/assets/missing.js')).status).toBe(404);
  });

  it('refuses methods other than GET and HEAD', async () => {
    expect((await get(APP_START_URL, 'POST')).status).toBe(405);
    const head = await get(APP_START_URL, 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });
});

describe('window and session lockdown', () => {
  it('webPreferences isolate the renderer', () => {
    const prefs = secureWebPreferences('/x/preload.cjs', false);
    expect(prefs).toMatchObject({
      preload: '/x/preload.cjs',
      contextIsolation: true,
      nodeIntegration: false,
      sandbox: true,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      spellcheck: false,
      devTools: false,
    });
  });

  function fakeContents() {
    const handlers = new Map<string, (...args: unknown[]) => void>();
    let openHandler: ((details: { url: string }) => { action: string }) | null = null;
    const contents = {
      on: (name: string, fn: (...args: unknown[]) => void) => {
        handlers.set(name, fn);
        return contents;
      },
      setWindowOpenHandler: (fn: typeof openHandler) => {
        openHandler = fn;
      },
    };
    hardenWebContents(contents as never);
    const navigate = (name: string, url: string, isMainFrame = true) => {
      const event = { url, isMainFrame, preventDefault: vi.fn() };
      handlers.get(name)!(event, url);
      return event.preventDefault.mock.calls.length > 0;
    };
    return { handlers, navigate, open: (url: string) => openHandler!({ url }) };
  }

  it('blocks navigation and redirects away from the app', () => {
    const c = fakeContents();
    for (const name of ['will-navigate', 'will-frame-navigate', 'will-redirect']) {
      expect(c.navigate(name, 'https://evil.example/'), name).toBe(true);
      expect(c.navigate(name, 'file:///etc/passwd'), name).toBe(true);
      expect(c.navigate(name, 'app://ppid@evil/'), name).toBe(true);
      expect(c.navigate(name, 'app://ppid/masuk'), name).toBe(false);
    }
  });

  it('lets a child frame hold an empty document of its own, but never the main frame', () => {
    const c = fakeContents();
    expect(c.navigate('will-frame-navigate', 'about:srcdoc', false)).toBe(false);
    expect(c.navigate('will-frame-navigate', 'about:blank', false)).toBe(false);
    expect(c.navigate('will-frame-navigate', 'https://evil.example/', false)).toBe(true);
    expect(c.navigate('will-frame-navigate', 'data:text/html,x', false)).toBe(true);
    expect(c.navigate('will-frame-navigate', 'about:blank', true)).toBe(true);
    expect(c.navigate('will-navigate', 'about:blank')).toBe(true);
  });

  it('denies every new window, including app ones', () => {
    const c = fakeContents();
    expect(c.open('https://jdih.example.go.id/uu-14-2008').action).toBe('deny');
    expect(c.open('app://ppid/').action).toBe('deny');
  });

  it('refuses to attach webviews', () => {
    const c = fakeContents();
    const event = { preventDefault: vi.fn() };
    c.handlers.get('will-attach-webview')!(event, {}, {});
    expect(event.preventDefault).toHaveBeenCalled();
  });

  function fakeSession() {
    const s = {
      request: null as null | ((wc: unknown, permission: string, cb: (ok: boolean) => void, details: object) => void),
      check: null as null | ((wc: unknown, permission: string, origin: string) => boolean),
      device: null as null | (() => boolean),
      beforeRequest: null as null | ((details: { url: string }, cb: (r: { cancel?: boolean }) => void) => void),
    };
    hardenSession({
      setPermissionRequestHandler: (fn: typeof s.request) => (s.request = fn),
      setPermissionCheckHandler: (fn: typeof s.check) => (s.check = fn),
      setDevicePermissionHandler: (fn: typeof s.device) => (s.device = fn),
      webRequest: { onBeforeRequest: (fn: typeof s.beforeRequest) => (s.beforeRequest = fn) },
    } as never);
    const ask = (permission: string, requestingUrl: string) => {
      let answer: boolean | undefined;
      s.request!(null, permission, (ok) => (answer = ok), { requestingUrl, isMainFrame: true });
      return answer;
    };
    const cancelled = (url: string) => {
      let r: { cancel?: boolean } = {};
      s.beforeRequest!({ url }, (x) => (r = x));
      return r.cancel === true;
    };
    return { s, ask, cancelled };
  }

  it('denies permission requests, except copying text from the app itself', () => {
    const { s, ask } = fakeSession();
    for (const p of ['media', 'geolocation', 'notifications', 'openExternal', 'fileSystem', 'clipboard-read', 'hid', 'serial']) {
      expect(ask(p, 'app://ppid/'), p).toBe(false);
      expect(s.check!(null, p, 'app://ppid'), p).toBe(false);
    }
    expect(ask('clipboard-sanitized-write', 'app://ppid/')).toBe(true);
    expect(ask('clipboard-sanitized-write', 'https://evil.example/')).toBe(false);
    expect(s.check!(null, 'clipboard-sanitized-write', 'app://ppid')).toBe(true);
    expect(s.device!()).toBe(false);
  });

  it('cancels every network and file request', () => {
    const { cancelled } = fakeSession();
    for (const url of ['https://example.com/x.js', 'http://127.0.0.1:4000/', 'wss://x/', 'file:///etc/passwd', 'FILE:///C:/x']) {
      expect(cancelled(url), url).toBe(true);
    }
    for (const url of ['app://ppid/assets/a.js', 'data:image/png;base64,AAAA', 'blob:app://ppid/1', 'devtools://devtools/x']) {
      expect(cancelled(url), url).toBe(false);
    }
    expect(isBlockedRequestUrl('ftp://x/')).toBe(true);
  });
});
