import os from 'node:os';
import path from 'node:path';

/**
 * The same folder the Electron app uses (`<userData>/data`), so both find the same records
 * by default; Chromium's own caches stay outside it.
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  const name = 'PPID Desk';
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(os.homedir(), 'AppData', 'Roaming'), name, 'data');
  if (platform === 'darwin') return path.join(os.homedir(), 'Library', 'Application Support', name, 'data');
  return path.join(env.XDG_CONFIG_HOME ?? path.join(os.homedir(), '.config'), name, 'data');
}
