import { shell } from 'electron';

/**
 * Host services that differ between Electron and the browser. Only what a menu needs
 * today; saving and printing documents arrive with the documents.
 */

/** Returns null on success, or the reason the folder could not be opened. */
export async function openDataFolder(dataDir: string): Promise<string | null> {
  const error = await shell.openPath(dataDir);
  return error === '' ? null : error;
}
