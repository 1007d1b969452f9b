import { promises as fs, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { EventEmitter } from 'node:events';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

/**
 * Per-machine window preferences: electron-store really writes under a temp userData;
 * Electron's window and screen are fakes that record what the shell asks of them.
 */
const env = vi.hoisted(() => ({
  userData: '',
  displays: [{ workArea: { x: 0, y: 0, width: 1920, height: 1040 } }],
  windows: [] as { opts: Record<string, unknown>; win: unknown }[],
  showSaveDialog: (..._a: unknown[]): Promise<{ canceled: boolean; filePath?: string }> => Promise.resolve({ canceled: true }),
}));

vi.mock('electron', async () => {
  const { EventEmitter } = await import('node:events');
  const path = await import('node:path');
  class FakeWindow extends EventEmitter {
    webContents = Object.assign(new EventEmitter(), { zoom: 1, getZoomFactor() { return this.zoom; }, setZoomFactor(z: number) { this.zoom = z; } });
    bounds: { x: number; y: number; width: number; height: number };
    maximized = false;
    constructor(readonly opts: Record<string, unknown>) {
      super();
      this.bounds = { x: (opts.x as number) ?? 100, y: (opts.y as number) ?? 100, width: opts.width as number, height: opts.height as number };
      env.windows.push({ opts, win: this });
    }
    getNormalBounds() { return this.bounds; }
    isMaximized() { return this.maximized; }
    maximize() { this.maximized = true; }
    show() {}
    isDestroyed() { return false; }
    loadURL() { return Promise.resolve(); }
  }
  const app = { getPath: (name: string) => (name === 'documents' ? path.join(env.userData, 'Documents') : env.userData), getVersion: () => '1.0.0' };
  const ipcMain = { on: vi.fn(), handle: vi.fn(), removeHandler: vi.fn() };
  const screen = { getAllDisplays: () => env.displays, getPrimaryDisplay: () => env.displays[0] };
  const dialog = { showSaveDialog: (...a: unknown[]) => env.showSaveDialog(...a), showMessageBoxSync: vi.fn(), showMessageBox: vi.fn() };
  const shell = { openPath: vi.fn() };
  const protocol = { registerSchemesAsPrivileged: vi.fn() };
  const electron = { app, ipcMain, screen, dialog, shell, protocol, BrowserWindow: FakeWindow };
  return { ...electron, default: electron };
});

const { initialPlacement, createMainWindow, WINDOW_SIZE } = await import('../../electron/main/window');
const { openMachinePrefs } = await import('../../electron/main/prefs');
const { createPlatform } = await import('../../electron/main/platform');

type Fake = EventEmitter & { opts: Record<string, unknown>; bounds: { x: number; y: number; width: number; height: number }; maximized: boolean; webContents: EventEmitter & { zoom: number } };

beforeEach(() => {
  env.userData = mkdtempSync(path.join(os.tmpdir(), 'ppid-prefs-'));
  env.displays = [{ workArea: { x: 0, y: 0, width: 1920, height: 1040 } }];
  env.windows = [];
});
afterEach(() => fs.rm(env.userData, { recursive: true, force: true }));

const open = () => createMainWindow({ preloadPath: '/x/preload.cjs', iconPath: '/x/icon.png', devTools: false, log: vi.fn(), prefs: openMachinePrefs() }) as unknown as Fake;

describe('window preferences', () => {
  it('first start: the default size, and nothing saved yet', () => {
    const win = open();
    expect(win.opts).toMatchObject({ width: 1280, height: 800 });
    expect(win.opts.x).toBeUndefined();
    expect(openMachinePrefs().read()).toEqual({ window: null, zoomFactor: 1, lastSaveDir: null });
  });

  it('reopens where it was closed, with the same size, maximised state and zoom', async () => {
    const first = open();
    first.bounds = { x: 200, y: 150, width: 1100, height: 760 };
    first.maximized = true;
    first.webContents.zoom = 1.25;
    first.emit('close');

    const second = open();
    // Read before the window is created: the constructor already gets the bounds.
    expect(second.opts).toMatchObject({ x: 200, y: 150, width: 1100, height: 760 });
    second.emit('ready-to-show');
    expect(second.maximized).toBe(true);
    second.webContents.emit('did-finish-load');
    expect(second.webContents.zoom).toBe(1.25);
    const onDisk = JSON.parse(await fs.readFile(path.join(env.userData, 'preferensi.json'), 'utf8'));
    expect(onDisk.window).toEqual({ x: 200, y: 150, width: 1100, height: 760, maximized: true });
  });

  it('ignores bounds left on a monitor that is no longer attached, and opens visibly', () => {
    env.displays = [
      { workArea: { x: 0, y: 0, width: 1920, height: 1040 } },
      { workArea: { x: 1920, y: 0, width: 1280, height: 1000 } },
    ];
    const first = open();
    first.bounds = { x: 2100, y: 80, width: 1100, height: 760 };
    first.emit('close');
    env.displays = [{ workArea: { x: 0, y: 0, width: 1366, height: 728 } }];
    const second = open();
    expect(second.opts.x).toBeUndefined();
    expect(second.opts.y).toBeUndefined();
    // Centred on the screen that is there, and no larger than it.
    expect(second.opts).toMatchObject({ width: 1100, height: 728 });
  });

  it.each([
    ['far right', { x: 5000, y: 100 }],
    ['far left', { x: -3000, y: 100 }],
    ['above the screen', { x: 100, y: -500 }],
    ['title bar under the taskbar', { x: 100, y: 1030 }],
    ['only a sliver on screen', { x: 1850, y: 100 }],
  ])('drops saved bounds that are off-screen: %s', (_name, at) => {
    const p = initialPlacement({ ...at, width: 1200, height: 800, maximized: false }, { workAreas: [{ x: 0, y: 0, width: 1920, height: 1040 }], primary: { x: 0, y: 0, width: 1920, height: 1040 } });
    expect(p.bounds).toEqual({ width: 1200, height: 800 });
  });

  it('keeps bounds on a second monitor left of the primary one', () => {
    const p = initialPlacement(
      { x: -1500, y: 50, width: 1200, height: 800, maximized: false },
      { workAreas: [{ x: 0, y: 0, width: 1920, height: 1040 }, { x: -1600, y: 0, width: 1600, height: 900 }], primary: { x: 0, y: 0, width: 1920, height: 1040 } },
    );
    expect(p).toEqual({ bounds: { x: -1500, y: 50, width: 1200, height: 800 }, maximize: false });
  });

  it('on a 1366×768 laptop with nothing saved, starts maximised', () => {
    const p = initialPlacement(null, { workAreas: [{ x: 0, y: 0, width: 1366, height: 728 }], primary: { x: 0, y: 0, width: 1366, height: 728 } });
    expect(p).toEqual({ bounds: { width: WINDOW_SIZE.width, height: WINDOW_SIZE.height }, maximize: true });
  });

  it('a damaged preferences file costs the preferences, not the start', async () => {
    await fs.writeFile(path.join(env.userData, 'preferensi.json'), '{"window": {"x": 1');
    expect(openMachinePrefs().read()).toEqual({ window: null, zoomFactor: 1, lastSaveDir: null });
    await fs.writeFile(path.join(env.userData, 'preferensi.json'), JSON.stringify({ window: { width: 'lebar' }, zoomFactor: 1.5, lastSaveDir: 7 }));
    expect(openMachinePrefs().read()).toEqual({ window: null, zoomFactor: 1.5, lastSaveDir: null });
  });
});

describe('last folder used to save a document', () => {
  const docx = { name: 'Dokumen Word', extensions: ['docx'] };

  it('the next save dialog starts in the folder the last document went to', async () => {
    const prefs = openMachinePrefs();
    const target = path.join(env.userData, 'Arsip PPID', 'DIP-2026.docx');
    await fs.mkdir(path.dirname(target), { recursive: true });
    const asked: { defaultPath: string }[] = [];
    env.showSaveDialog = async (o) => {
      asked.push(o as { defaultPath: string });
      return { canceled: false, filePath: target };
    };
    const platform = createPlatform(() => null, prefs);
    await platform.saveFile!({ suggestedName: 'DIP-2026.docx', bytes: Buffer.from('PK'), filter: docx });
    await platform.saveFile!({ suggestedName: 'Nota Dinas.docx', bytes: Buffer.from('PK'), filter: docx });
    expect(asked.map((o) => o.defaultPath)).toEqual([
      path.join(env.userData, 'Documents', 'DIP-2026.docx'),
      path.join(env.userData, 'Arsip PPID', 'Nota Dinas.docx'),
    ]);
    expect(openMachinePrefs().read().lastSaveDir).toBe(path.join(env.userData, 'Arsip PPID'));
  });

  it('falls back to Documents when that folder is gone (a removed USB stick)', async () => {
    const prefs = openMachinePrefs();
    prefs.update({ lastSaveDir: path.join(env.userData, 'flashdisk-dicabut') });
    const asked: { defaultPath: string }[] = [];
    env.showSaveDialog = async (o) => {
      asked.push(o as { defaultPath: string });
      return { canceled: true };
    };
    await createPlatform(() => null, prefs).saveFile!({ suggestedName: 'a.docx', bytes: Buffer.from('x'), filter: docx });
    expect(asked[0]!.defaultPath).toBe(path.join(env.userData, 'Documents', 'a.docx'));
  });
});

describe('loopback host preferences', () => {
  it('keeps the same keys in the same shape through conf', async () => {
    const { openHostPrefs } = await import('../../electron/host/prefs');
    const dir = path.join(env.userData, 'host');
    const host = openHostPrefs(dir);
    expect(host.read()).toEqual(openMachinePrefs().read());
    host.update({ zoomFactor: 1.1 });
    expect(openHostPrefs(dir).read()).toEqual({ window: null, zoomFactor: 1.1, lastSaveDir: null });
    expect(() => host.update({ zoomFactor: 40 })).toThrow();
    expect(JSON.parse(await fs.readFile(path.join(dir, 'preferensi.json'), 'utf8'))).toEqual({ window: null, zoomFactor: 1.1, lastSaveDir: null });
  });
});
