import { promises as fs } from 'node:fs';
import path from 'node:path';
import { app, safeStorage } from 'electron';
import type { SecretStore } from '../core/platform';
import { AppError } from '../core/result';

/**
 * The desktop's SecretStore: the relay password encrypted with the operating system's own
 * means through Electron's safeStorage (DPAPI for this Windows account; the Keychain on macOS;
 * the desktop keyring on Linux), stored as base64 in `rahasia.json` in userData — outside the
 * data folder, so neither a backup nor a package can carry it, and useless on another computer
 * or account (a restored laptop asks for the password again). Where the keyring offers no
 * real encryption (Linux without one falls back to a fixed key: "basic_text"), nothing is
 * stored and the administrator is told why.
 */
export function safeStorageSecrets(file?: string): SecretStore {
  const where = () => file ?? path.join(app.getPath('userData'), 'rahasia.json');
  let queue: Promise<unknown> = Promise.resolve();
  const readAll = async (): Promise<Record<string, string>> => {
    try {
      const v = JSON.parse(await fs.readFile(where(), 'utf8')) as unknown;
      return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, string>) : {};
    } catch {
      return {};
    }
  };
  const usable = () => safeStorage.isEncryptionAvailable() && (process.platform !== 'linux' || safeStorage.getSelectedStorageBackend() !== 'basic_text');
  return {
    protection: 'sistem',
    async read(name) {
      const sealed = (await readAll())[name];
      if (!sealed || !safeStorage.isEncryptionAvailable()) return null;
      try {
        return safeStorage.decryptString(Buffer.from(sealed, 'base64'));
      } catch {
        // Sealed for another account or computer (copied, restored): as if none were stored.
        return null;
      }
    },
    write(name, value) {
      const run = queue.then(async () => {
        if (value !== null && !usable()) {
          throw new AppError('CONFLICT', 'Komputer ini tidak menyediakan penyimpanan rahasia sistem (keyring), sehingga kata sandi relay tidak dapat disimpan dengan aman. Hubungi admin TI.');
        }
        const all = await readAll();
        if (value === null) delete all[name];
        else all[name] = safeStorage.encryptString(value).toString('base64');
        await fs.mkdir(path.dirname(where()), { recursive: true });
        const tmp = `${where()}.${process.pid}.tmp`;
        await fs.writeFile(tmp, JSON.stringify(all), { mode: 0o600 });
        await fs.rename(tmp, where());
      });
      queue = run.catch(() => undefined);
      return run;
    },
  };
}
