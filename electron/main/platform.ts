import { promises as fs } from 'node:fs';
import path from 'node:path';
import { app, dialog, shell, type BrowserWindow } from 'electron';
import type { Platform } from '../core/platform';
import type { PrefsStore } from '../core/prefs';

/** Returns null on success, or the reason the folder could not be opened. */
export async function openDataFolder(dataDir: string): Promise<string | null> {
  const error = await shell.openPath(dataDir);
  return error === '' ? null : error;
}

async function isFolder(dir: string): Promise<boolean> {
  try {
    return (await fs.stat(dir)).isDirectory();
  } catch {
    return false;
  }
}

/**
 * The desktop services the core may ask for: a native save dialog (starting in the folder
 * the last document went to, while it exists, else Documents),
 * opening a saved file in its default program, and the current page as PDF with the paper
 * size its print CSS asks for.
 */
export function createPlatform(getWindow: () => BrowserWindow | null, prefs?: PrefsStore): Platform {
  return {
    async saveFile({ suggestedName, bytes, filter }) {
      const win = getWindow();
      const last = prefs?.read().lastSaveDir ?? null;
      const folder = last && (await isFolder(last)) ? last : app.getPath('documents');
      const options = {
        title: 'Simpan dokumen',
        defaultPath: path.join(folder, path.basename(suggestedName)),
        filters: [filter],
        buttonLabel: 'Simpan',
      };
      const result = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
      if (result.canceled || !result.filePath) return null;
      await fs.writeFile(result.filePath, bytes);
      try {
        prefs?.update({ lastSaveDir: path.dirname(result.filePath) });
      } catch {
        // The document is saved; only the next dialog's starting folder is lost.
      }
      return result.filePath;
    },
    async openPath(file) {
      const error = await shell.openPath(file);
      return error === '' ? null : error;
    },
    async chooseFolder(title) {
      const win = getWindow();
      const options = { title, properties: ['openDirectory', 'createDirectory'] as ('openDirectory' | 'createDirectory')[], buttonLabel: 'Pilih folder' };
      const result = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
      return result.canceled || !result.filePaths[0] ? null : result.filePaths[0];
    },
    async printToPdf() {
      const win = getWindow();
      if (!win) throw new Error('Tidak ada jendela untuk dicetak.');
      return win.webContents.printToPDF({ preferCSSPageSize: true, printBackground: true });
    },
  };
}
