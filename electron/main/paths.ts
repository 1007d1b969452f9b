import path from 'node:path';

/**
 * Where the shell finds its parts. Kept free of Electron so it can be tested: main passes
 * in `app.isPackaged`, `app.getAppPath()`, `process.resourcesPath` and its own folder.
 */
export interface AppLocations {
  /** The built renderer (dist/renderer), inside app.asar when packaged. */
  rendererDir: string;
  /** Sandboxed preloads must be CommonJS; it sits next to main.js. */
  preloadPath: string;
  /** Files the core reads at run time (default emblem, …): outside the asar when packaged. */
  resourcesDir: string;
  iconPath: string;
}

export function appLocations(o: { isPackaged: boolean; appPath: string; resourcesPath: string; mainDir: string }): AppLocations {
  const resourcesDir = o.isPackaged ? path.join(o.resourcesPath, 'resources') : path.join(o.appPath, 'resources');
  return {
    rendererDir: path.join(o.appPath, 'dist', 'renderer'),
    preloadPath: path.join(o.mainDir, 'preload.cjs'),
    resourcesDir,
    iconPath: path.join(resourcesDir, 'icon.png'),
  };
}

/**
 * The records live in a folder of their own under userData, not in userData itself:
 * Chromium fills userData with caches and lock files, and "Buka folder data", backups
 * and copying the folder to another PC should see only the office's data.
 */
export function defaultDataDir(userData: string): string {
  return path.join(userData, 'data');
}

/** `--data-dir=` (tests, portable use); an empty switch means "not given". */
export function dataDirFromSwitch(value: string, cwd: string): string | null {
  const v = value.trim();
  return v === '' ? null : path.resolve(cwd, v);
}

/**
 * With an explicit data dir, Chromium's profile moves inside it, so the single-instance
 * lock (kept in userData) is per data dir: two test runs with different folders can
 * both start, while a second start on the same folder still focuses the first window.
 */
export function profileDirFor(dataDir: string): string {
  return path.join(dataDir, 'electron-profile');
}
