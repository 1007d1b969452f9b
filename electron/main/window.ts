import { BrowserWindow, dialog, screen, type Rectangle } from 'electron';
import type { PrefsStore, WindowPrefs } from '../core/prefs';
import type { Log } from './log';
import { APP_START_URL, secureWebPreferences } from './security';

export interface WindowOptions {
  preloadPath: string;
  iconPath: string;
  devTools: boolean;
  log: Log;
  /** Size, position, maximised and zoom from the last session on this PC. */
  prefs?: PrefsStore;
}

/** Sizes chosen for the 1366×768 laptops common in regency offices. */
export const WINDOW_SIZE = { width: 1280, height: 800, minWidth: 1024, minHeight: 700 } as const;

export const UNSAVED_CLOSE_DIALOG = {
  type: 'question' as const,
  title: 'PPID Desk',
  message: 'Ada isian yang belum disimpan.',
  detail: 'Kembali untuk menekan "Simpan", atau tutup dan buang isian itu. Data yang sudah disimpan tetap aman.',
  buttons: ['Kembali ke aplikasi', 'Tutup tanpa menyimpan'],
  defaultId: 0,
  cancelId: 0,
  noLink: true,
};

/** A title bar this tall and this wide must lie on a screen, or the user cannot grab the window. */
const GRIP = { width: 120, height: 40 };

function titleBarVisible(b: { x: number; y: number; width: number }, area: Rectangle): boolean {
  const overlap = Math.min(b.x + b.width, area.x + area.width) - Math.max(b.x, area.x);
  return overlap >= GRIP.width && b.y >= area.y && b.y + GRIP.height <= area.y + area.height;
}

/**
 * Where the window opens. Saved bounds are used while their title bar lies on one of the
 * screens now attached; bounds from a monitor since unplugged, or a resolution since
 * lowered, are dropped and the window is centred on the primary screen instead.
 */
export function initialPlacement(
  saved: WindowPrefs | null,
  screens: { workAreas: Rectangle[]; primary: Rectangle },
): { bounds: { width: number; height: number; x?: number; y?: number }; maximize: boolean } {
  const { primary } = screens;
  const fitsIn = (area: Rectangle, w: number, h: number) => area.width >= w && area.height >= h;
  if (!saved) {
    // On a 1366×768 screen the default window would not fit: start maximised instead.
    return { bounds: { width: WINDOW_SIZE.width, height: WINDOW_SIZE.height }, maximize: !fitsIn(primary, WINDOW_SIZE.width, WINDOW_SIZE.height) };
  }
  const home = saved.x !== undefined && saved.y !== undefined ? screens.workAreas.find((a) => titleBarVisible({ x: saved.x!, y: saved.y!, width: saved.width }, a)) : undefined;
  const area = home ?? primary;
  const width = Math.max(WINDOW_SIZE.minWidth, Math.min(saved.width, area.width));
  const height = Math.max(WINDOW_SIZE.minHeight, Math.min(saved.height, area.height));
  return {
    bounds: home ? { width, height, x: saved.x, y: saved.y } : { width, height },
    maximize: saved.maximized || !fitsIn(area, width, height),
  };
}

export function createMainWindow(o: WindowOptions): BrowserWindow {
  const saved = o.prefs?.read() ?? null;
  const placement = initialPlacement(saved?.window ?? null, {
    workAreas: screen.getAllDisplays().map((d) => d.workArea),
    primary: screen.getPrimaryDisplay().workArea,
  });
  const win = new BrowserWindow({
    ...WINDOW_SIZE,
    ...placement.bounds,
    title: 'PPID Desk',
    icon: o.iconPath,
    show: false,
    // Matches the renderer's page colour, so no white flash before the first paint.
    backgroundColor: '#f8f9fa',
    autoHideMenuBar: false,
    webPreferences: secureWebPreferences(o.preloadPath, o.devTools),
  });

  win.once('ready-to-show', () => {
    if (placement.maximize) win.maximize();
    win.show();
  });

  const zoomFactor = saved?.zoomFactor ?? 1;
  if (zoomFactor !== 1) win.webContents.once('did-finish-load', () => win.webContents.setZoomFactor(zoomFactor));
  // 'close' still has the bounds ('closed' does not); a crash keeps the last session's.
  win.on('close', () => {
    if (!o.prefs) return;
    try {
      const b = win.getNormalBounds();
      o.prefs.update({
        window: { x: b.x, y: b.y, width: b.width, height: b.height, maximized: win.isMaximized() },
        zoomFactor: win.webContents.getZoomFactor(),
      });
    } catch (e) {
      o.log('Preferensi jendela tidak tersimpan', e);
    }
  });

  // The renderer blocks unloading while a form has unsaved edits; ask instead of letting
  // the close fail silently (Electron shows no dialog of its own for beforeunload).
  win.webContents.on('will-prevent-unload', (event) => {
    const response = dialog.showMessageBoxSync(win, UNSAVED_CLOSE_DIALOG);
    if (response === 1) event.preventDefault();
  });

  win.webContents.on('render-process-gone', (_event, details) => {
    o.log(`Tampilan berhenti: ${details.reason} (kode ${details.exitCode})`);
    if (details.reason === 'clean-exit' || win.isDestroyed()) return;
    void dialog
      .showMessageBox(win, {
        type: 'error',
        title: 'PPID Desk',
        message: 'Tampilan aplikasi berhenti tiba-tiba.',
        detail: 'Data yang sudah disimpan tetap aman. Isian yang belum disimpan mungkin hilang.',
        buttons: ['Muat ulang', 'Tutup aplikasi'],
        defaultId: 0,
        cancelId: 1,
        noLink: true,
      })
      .then(({ response }) => {
        if (win.isDestroyed()) return;
        if (response === 0) void win.loadURL(APP_START_URL);
        else win.close();
      });
  });

  void win.loadURL(APP_START_URL).catch((e: unknown) => o.log('Gagal memuat tampilan', e));
  return win;
}
