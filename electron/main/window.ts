import { BrowserWindow, dialog, screen } from 'electron';
import type { Log } from './log';
import { APP_START_URL, secureWebPreferences } from './security';

export interface WindowOptions {
  preloadPath: string;
  iconPath: string;
  devTools: boolean;
  log: Log;
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

export function createMainWindow(o: WindowOptions): BrowserWindow {
  const win = new BrowserWindow({
    ...WINDOW_SIZE,
    title: 'PPID Desk',
    icon: o.iconPath,
    show: false,
    // Matches the renderer's page colour, so no white flash before the first paint.
    backgroundColor: '#f8f9fa',
    autoHideMenuBar: false,
    webPreferences: secureWebPreferences(o.preloadPath, o.devTools),
  });

  const area = screen.getPrimaryDisplay().workAreaSize;
  const fits = area.width >= WINDOW_SIZE.width && area.height >= WINDOW_SIZE.height;
  win.once('ready-to-show', () => {
    // On a 1366×768 screen the window would not fit: start maximised instead.
    if (!fits) win.maximize();
    win.show();
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
