import path from 'node:path';

/** Where everything lives inside one data directory. */
export function dataPaths(dataDir: string) {
  const root = path.resolve(dataDir);
  return {
    root,
    appDb: path.join(root, 'app.json'),
    settings: path.join(root, 'settings.json'),
    backups: path.join(root, 'backups'),
    assets: path.join(root, 'assets'),
    cycles: path.join(root, 'cycles'),
    files: path.join(root, 'files'),
    lock: path.join(root, 'ppid-desk.lock'),
  };
}
export type DataPaths = ReturnType<typeof dataPaths>;
