import { builtinModules } from 'node:module';
import { spawnSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import vm from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * Builds the real bundles and runs main.js in plain Node with `electron` swapped for a
 * stub (the binary cannot be had here). This catches what unit tests of the sources
 * cannot: a dependency esbuild failed to bundle, a wrong preload path, a core that does
 * not open or does not let go of its lock.
 */

const repo = path.resolve(__dirname, '..', '..');
let tmp: string;
let out: string;
let appPath: string;

const STUB = String.raw`
import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import path from 'node:path';
const cfg = JSON.parse(process.env.PPID_STUB);
const out = (event, data = {}) => process.stdout.write(JSON.stringify({ event, ...data }) + '\n');
const paths = { userData: cfg.userData };
const switches = Object.fromEntries(
  process.argv.filter((a) => a.startsWith('--')).map((a) => {
    const i = a.indexOf('=');
    return i < 0 ? [a.slice(2), ''] : [a.slice(2, i), a.slice(i + 1)];
  }),
);
class App extends EventEmitter {
  isPackaged = false;
  commandLine = { getSwitchValue: (n) => switches[n] ?? '', appendSwitch: (name, value) => out('appendSwitch', { name, value }) };
  getPath(n) { return paths[n]; }
  setPath(name, value) { paths[name] = value; out('setPath', { name, value }); }
  getAppPath() { return cfg.appPath; }
  getVersion() { return '9.9.9'; }
  enableSandbox() { out('enableSandbox'); }
  requestSingleInstanceLock() { return cfg.singleInstance !== false; }
  whenReady() { return new Promise((r) => setTimeout(r, 10)); }
  quit() {
    const e = { defaultPrevented: false, preventDefault() { this.defaultPrevented = true; } };
    this.emit('will-quit', e);
    if (!e.defaultPrevented) { out('quit'); setTimeout(() => process.exit(0), 20); }
  }
  exit(code) { out('exit', { code }); process.exit(code); }
}
export const app = new App();
const ipcHandlers = new Map();
export const ipcMain = {
  handle: (channel, fn) => { ipcHandlers.set(channel, fn); out('ipcHandle', { channel }); },
  removeHandler: (channel) => { ipcHandlers.delete(channel); out('ipcRemove', { channel }); },
  on: (channel) => out('ipcOn', { channel }),
};
let protocolHandler = null;
export const protocol = { registerSchemesAsPrivileged: (schemes) => out('schemes', { schemes }) };
const hardened = [];
export const session = {
  defaultSession: {
    protocol: { handle: (scheme, fn) => { protocolHandler = fn; out('protocol', { scheme }); } },
    setPermissionRequestHandler: () => hardened.push('permissionRequest'),
    setPermissionCheckHandler: () => hardened.push('permissionCheck'),
    setDevicePermissionHandler: () => hardened.push('device'),
    webRequest: { onBeforeRequest: () => hardened.push('beforeRequest') },
  },
};
export const dialog = {
  showMessageBox: async (a, b) => { const o = b ?? a; out('dialog', { message: o.message, detail: o.detail }); return { response: 0 }; },
  showErrorBox: (title, content) => out('errorBox', { title, content }),
};
export const Menu = { setApplicationMenu: () => out('menu'), buildFromTemplate: (t) => ({ t }) };
export const shell = { openPath: async () => '' };
export const safeStorage = { isEncryptionAvailable: () => false, getSelectedStorageBackend: () => 'basic_text', encryptString: () => { throw new Error('no keyring'); }, decryptString: () => '' };
const workArea = { x: 0, y: 0, width: 1366, height: 728 };
export const screen = {
  getPrimaryDisplay: () => ({ workArea, workAreaSize: { width: 1366, height: 728 } }),
  getAllDisplays: () => [{ workArea }],
};
export class BrowserWindow extends EventEmitter {
  constructor(opts) {
    super();
    this.webContents = new EventEmitter();
    const guarded = [];
    const on = this.webContents.on.bind(this.webContents);
    this.webContents.on = (name, fn) => { guarded.push(name); return on(name, fn); };
    this.webContents.setWindowOpenHandler = () => guarded.push('windowOpen');
    app.emit('web-contents-created', {}, this.webContents);
    out('window', { opts, preloadExists: fs.existsSync(opts.webPreferences.preload), guarded, hardened });
    this.once('ready-to-show', () => {});
    setTimeout(() => this.emit('ready-to-show'), 5);
    setTimeout(() => exercise(), 20);
  }
  loadURL(url) { out('loadURL', { url }); return Promise.resolve(); }
  isDestroyed() { return false; }
  isMinimized() { return false; }
  maximize() { out('maximize'); }
  show() { out('show'); }
}
async function exercise() {
  const invoke = ipcHandlers.get('ppid:invoke');
  const status = await invoke({ senderFrame: { url: 'app://ppid/' } }, { name: 'app.status' });
  const forbidden = await invoke({ senderFrame: { url: 'file:///x/index.html' } }, { name: 'app.status' });
  const page = await protocolHandler({ url: 'app://ppid/', method: 'GET' });
  const escape = await protocolHandler({ url: 'app://ppid/..%2f..%2f..%2fpackage.json', method: 'GET' });
  out('exercise', {
    status,
    forbidden,
    page: { status: page.status, csp: page.headers.get('content-security-policy'), body: await page.text() },
    escape: escape.status,
    lockHeld: fs.existsSync(path.join(status.data.dataDir, 'ppid-desk.lock')),
  });
  app.quit();
}
// The real module is CommonJS, so bundled packages (electron-store) may import its default.
export default { app, ipcMain, protocol, session, dialog, Menu, shell, screen, BrowserWindow };
`;

const HOOKS = `
const stub = new URL('./electron-stub.mjs', import.meta.url).href;
export async function resolve(specifier, context, next) {
  if (specifier === 'electron') return { url: stub, shortCircuit: true };
  return next(specifier, context);
}
`;

type Line = { event: string } & Record<string, unknown>;

function runMain(o: { dataDir: string; singleInstance?: boolean; appPath?: string }) {
  const r = spawnSync(
    process.execPath,
    ['--import', pathToFileURL(path.join(tmp, 'register.mjs')).href, path.join(out, 'main.js'), `--data-dir=${o.dataDir}`],
    {
      cwd: tmp,
      encoding: 'utf8',
      timeout: 30_000,
      env: {
        ...process.env,
        NODE_ENV: 'production',
        PPID_STUB: JSON.stringify({ appPath: o.appPath ?? appPath, userData: path.join(tmp, 'userData'), singleInstance: o.singleInstance }),
      },
    },
  );
  const lines = r.stdout
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as Line);
  const find = (event: string) => lines.find((l) => l.event === event);
  return { status: r.status, stderr: r.stderr, lines, find, events: lines.map((l) => l.event) };
}

beforeAll(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'ppid-bundle-'));
  out = path.join(tmp, 'out');
  const build = spawnSync(process.execPath, [path.join(repo, 'scripts', 'build-electron.mjs'), `--outdir=${out}`], {
    cwd: repo,
    encoding: 'utf8',
    timeout: 60_000,
  });
  if (build.status !== 0) throw new Error(`build failed:\n${build.stdout}\n${build.stderr}`);
  appPath = path.join(tmp, 'app');
  await fs.mkdir(path.join(appPath, 'dist', 'renderer'), { recursive: true });
  await fs.writeFile(path.join(appPath, 'dist', 'renderer', 'index.html'), '<!doctype html><title>PPID Desk</title>');
  await fs.writeFile(path.join(tmp, 'electron-stub.mjs'), STUB);
  await fs.writeFile(path.join(tmp, 'hooks.mjs'), HOOKS);
  await fs.writeFile(path.join(tmp, 'register.mjs'), "import { register } from 'node:module';\nregister('./hooks.mjs', import.meta.url);\n");
}, 90_000);

afterAll(() => fs.rm(tmp, { recursive: true, force: true }));

describe('built main.js', () => {
  it('imports nothing at run time but electron and Node built-ins', async () => {
    const code = await fs.readFile(path.join(out, 'main.js'), 'utf8');
    const specifiers = [...code.matchAll(/^\s*import\s[^'"]*?from\s*['"]([^'"]+)['"]/gm)].map((m) => m[1]!);
    // Some bundled packages (fflate) import built-ins by their bare name, e.g. "module".
    const foreign = specifiers.filter((s) => s !== 'electron' && !s.startsWith('node:') && !builtinModules.includes(s));
    expect(foreign).toEqual([]);
    expect(specifiers).toContain('electron');
  });

  it('starts: opens the data dir, serves the renderer, answers IPC, releases the lock on quit', async () => {
    const dataDir = path.join(tmp, 'data-ok');
    const run = runMain({ dataDir });
    expect(run.stderr).not.toMatch(/Error|Cannot find/);
    expect(run.status).toBe(0);

    expect(run.find('schemes')?.schemes).toEqual([
      expect.objectContaining({ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) }),
    ]);
    expect(run.events).toContain('enableSandbox');
    // --data-dir moves Chromium's profile (and so the single-instance lock) into that folder.
    expect(run.find('setPath')).toMatchObject({ name: 'userData', value: path.join(dataDir, 'electron-profile') });
    expect(run.find('appendSwitch')).toMatchObject({ name: 'lang', value: 'id' });

    const win = run.find('window') as Line & { opts: Record<string, unknown> & { webPreferences: Record<string, unknown> }; guarded: string[]; hardened: string[] };
    expect(win.preloadExists).toBe(true);
    expect(win.opts).toMatchObject({ width: 1280, height: 800, minWidth: 1024, minHeight: 700, title: 'PPID Desk', show: false });
    expect(win.opts.webPreferences).toMatchObject({ contextIsolation: true, nodeIntegration: false, sandbox: true, webSecurity: true });
    expect(win.guarded).toEqual(expect.arrayContaining(['will-navigate', 'will-redirect', 'will-attach-webview', 'windowOpen', 'context-menu']));
    expect(win.hardened).toEqual(expect.arrayContaining(['permissionRequest', 'permissionCheck', 'beforeRequest']));
    expect(run.find('loadURL')?.url).toBe('app://ppid/');
    expect(run.events).toContain('maximize'); // 1366×728 work area is smaller than the window
    expect(run.events).toContain('menu');

    const ex = run.find('exercise') as Line & { page: { status: number; csp: string; body: string } };
    expect(ex.status).toMatchObject({ ok: true, data: { state: 'setup', appVersion: '9.9.9', dataDir } });
    expect(ex.forbidden).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(ex.page).toMatchObject({ status: 200, body: '<!doctype html><title>PPID Desk</title>' });
    expect(ex.page.csp).toContain("default-src 'self'");
    expect(ex.escape).toBe(403);
    expect(ex.lockHeld).toBe(true);

    // Quit closed the core: the IPC handler is gone and the lock released.
    expect(run.events.indexOf('ipcRemove')).toBeGreaterThan(run.events.indexOf('exercise'));
    expect(run.events.at(-1)).toBe('quit');
    await expect(fs.access(path.join(dataDir, 'ppid-desk.lock'))).rejects.toThrow();
    await expect(fs.access(path.join(dataDir, 'settings.json'))).resolves.toBeUndefined();
    await expect(fs.access(path.join(dataDir, 'electron-profile', 'logs'))).resolves.toBeUndefined();
    // Window preferences belong to the machine's profile, not to the office's data.
    const prefs = JSON.parse(await fs.readFile(path.join(dataDir, 'electron-profile', 'preferensi.json'), 'utf8'));
    expect(prefs).toEqual({ window: null, zoomFactor: 1, lastSaveDir: null });
  });

  it('tells the user in Indonesian when another process holds the data dir, and quits', async () => {
    const dataDir = path.join(tmp, 'data-locked');
    await fs.mkdir(dataDir, { recursive: true });
    const lock = { pid: process.pid, hostname: os.hostname(), holder: 'PPID Desk (host lokal)', since: '2026-11-25T01:00:00.000Z' };
    await fs.writeFile(path.join(dataDir, 'ppid-desk.lock'), JSON.stringify(lock));
    const run = runMain({ dataDir });
    expect(run.status).toBe(0);
    expect(run.find('dialog')).toMatchObject({ message: 'Folder data sedang dipakai.' });
    expect(String(run.find('dialog')?.detail)).toContain('PPID Desk (host lokal)');
    expect(run.events).not.toContain('window');
    expect(run.events.at(-1)).toBe('quit');
    // The other holder's lock is left alone.
    expect(JSON.parse(await fs.readFile(path.join(dataDir, 'ppid-desk.lock'), 'utf8'))).toEqual(lock);
  });

  it('a second instance quits at once without touching the data dir', async () => {
    const dataDir = path.join(tmp, 'data-second');
    const run = runMain({ dataDir, singleInstance: false });
    expect(run.status).toBe(0);
    expect(run.events).not.toContain('window');
    expect(run.events).not.toContain('ipcHandle');
    await expect(fs.access(path.join(dataDir, 'app.json'))).rejects.toThrow();
    await expect(fs.access(path.join(dataDir, 'ppid-desk.lock'))).rejects.toThrow();
  });

  it('explains a missing renderer build instead of showing a blank window', async () => {
    const run = runMain({ dataDir: path.join(tmp, 'data-norenderer'), appPath: path.join(tmp, 'empty-app') });
    expect(run.status).toBe(1);
    expect(run.find('errorBox')?.content).toMatch(/tidak ditemukan/);
    expect(run.events).not.toContain('window');
  });
});

describe('built preload.cjs', () => {
  it('runs in a sandbox that offers only require("electron"), and exposes only window.ppid', async () => {
    const code = await fs.readFile(path.join(out, 'preload.cjs'), 'utf8');
    const required: string[] = [];
    const exposed: Record<string, Record<string, unknown>> = {};
    const sent: unknown[][] = [];
    const electron = {
      contextBridge: { exposeInMainWorld: (key: string, value: Record<string, unknown>) => (exposed[key] = value) },
      ipcRenderer: { invoke: async (...args: unknown[]) => sent.push(args) },
    };
    const mod = { exports: {} };
    const fakeRequire = (id: string) => {
      required.push(id);
      if (id !== 'electron') throw new Error(`not available in a sandboxed preload: ${id}`);
      return electron;
    };
    vm.runInNewContext(`(function (module, exports, require) {${code}\n})`, {})(mod, mod.exports, fakeRequire);
    expect(required).toEqual(['electron']);
    expect(Object.keys(exposed)).toEqual(['ppid']);
    expect(Object.keys(exposed.ppid!).sort()).toEqual(['invoke', 'platform']);
    await (exposed.ppid!.invoke as (e: unknown) => Promise<unknown>)({ name: 'app.status', input: {}, session: 's', x: 1 });
    expect(sent).toEqual([['ppid:invoke', { name: 'app.status', input: {}, session: 's' }]]);
  });
});
