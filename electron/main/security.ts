import path from 'node:path';
import { protocol, type Session, type WebContents, type WebPreferences } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../core/content-security-policy';
import { resolveUnderRoot, serveStatic, STATIC_BASE_HEADERS } from '../core/files/static';

/**
 * All window lockdown in one place. The renderer is served from a privileged custom
 * scheme (app://ppid/) rather than file://, so "self" in the CSP and "trusted" in the IPC
 * check mean this app's own pages and nothing else on the disk.
 */

export const APP_SCHEME = 'app';
export const APP_HOST = 'ppid';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_START_URL = `${APP_ORIGIN}/`;

export { CONTENT_SECURITY_POLICY };

/**
 * Only the app's own origin, in the canonical form Chromium reports for a standard scheme.
 * Anything with credentials or a port is a lookalike (app://ppid@evil/ has host "evil").
 */
export function isTrustedUrl(url: unknown): boolean {
  if (typeof url !== 'string' || url.length === 0) return false;
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  return u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST && u.username === '' && u.password === '' && u.port === '';
}

/** Must run before the app is ready: Chromium fixes scheme privileges at start-up. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      // standard: real origin and relative URLs; secure: counts as a secure context;
      // supportFetchAPI + corsEnabled: Vite's module scripts load in CORS mode.
      privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true, codeCache: true },
    },
  ]);
}

export function secureWebPreferences(preloadPath: string, devTools: boolean): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    sandbox: true,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    spellcheck: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    devTools,
  };
}

// ---- serving the renderer ----

/**
 * Maps an app:// URL to a file under `root`, or null if it is not ours or would leave
 * `root` (the rules are shared with the loopback host: see core/files/static).
 */
export function resolveAppPath(root: string, url: string, p: path.PlatformPath = path): string | null {
  if (!isTrustedUrl(url)) return null;
  return resolveUnderRoot(root, new URL(url).pathname, p);
}

function plain(status: number, text: string): Response {
  return new Response(text, { status, headers: { ...STATIC_BASE_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' } });
}

/** Answers one app:// request from the built renderer; only this app's origin is served. */
export async function serveRendererFile(root: string, request: { url: string; method: string }): Promise<Response> {
  if (!isTrustedUrl(request.url)) return plain(403, 'Akses ditolak.');
  const a = await serveStatic(root, { urlPath: new URL(request.url).pathname, method: request.method });
  return new Response(a.body, { status: a.status, headers: a.headers });
}

/** After ready: app://ppid/ serves dist/renderer and nothing else. */
export function serveRenderer(ses: Session, rendererDir: string, log: (message: string, error?: unknown) => void): void {
  ses.protocol.handle(APP_SCHEME, async (request) => {
    try {
      return await serveRendererFile(rendererDir, request);
    } catch (e) {
      log(`Gagal menyajikan ${request.url}`, e);
      return plain(500, 'Kesalahan internal.');
    }
  });
}

// ---- sessions and web contents ----

/** The app asks for nothing but copying text (Mantine's copy buttons use the clipboard API). */
export function isPermissionAllowed(permission: string, requestingUrl: string | undefined): boolean {
  return permission === 'clipboard-sanitized-write' && isTrustedUrl(requestingUrl);
}

/** The app is offline by design: no page of ours has a reason to reach the network or the disk by URL. */
export function isBlockedRequestUrl(url: string): boolean {
  return /^(https?|wss?|ftp|file):/i.test(url);
}

export function hardenSession(ses: Session): void {
  ses.setPermissionRequestHandler((_contents, permission, callback, details) => {
    callback(isPermissionAllowed(permission, 'requestingUrl' in details ? details.requestingUrl : undefined));
  });
  ses.setPermissionCheckHandler((_contents, permission, requestingOrigin) => isPermissionAllowed(permission, requestingOrigin));
  ses.setDevicePermissionHandler(() => false);
  ses.webRequest.onBeforeRequest((details, callback) => callback({ cancel: isBlockedRequestUrl(details.url) }));
}

/**
 * Where a frame may go: the app's own pages, and for child frames also the empty
 * documents a page builds itself (a print frame, say), which inherit the app's origin.
 */
export function isAllowedNavigation(url: string, isMainFrame: boolean): boolean {
  if (isTrustedUrl(url)) return true;
  return !isMainFrame && (url === 'about:blank' || url === 'about:srcdoc');
}

type NavigationEvent = { url: string; isMainFrame?: boolean; preventDefault(): void };

export function hardenWebContents(contents: WebContents): void {
  const blockUntrusted = (event: NavigationEvent) => {
    if (!isAllowedNavigation(event.url, event.isMainFrame !== false)) event.preventDefault();
  };
  contents.on('will-navigate', blockUntrusted);
  contents.on('will-frame-navigate', blockUntrusted);
  contents.on('will-redirect', blockUntrusted);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  // No pop-ups and no external links: an offline records tool has no use for either,
  // and a denied window cannot become a second, unguarded renderer.
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}
