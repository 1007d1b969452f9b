import { promises as fs } from 'node:fs';
import { z } from 'zod';
import type { SecretStore } from '../platform';
import { readJsonFile, writeFileDurably } from '../store/durable-file';
import { RELAY_SECRET_FILE } from '../backup/data-folder';

/**
 * The loopback host's fallback SecretStore (and the tests'): the host runs outside a desktop
 * session, so there is no operating-system keyring to encrypt with (Electron's main uses
 * safeStorage instead, electron/main/secrets.ts). The secret is kept in clear in one file that
 * only this OS account may read (0600, re-applied on every write), in the data folder but
 * never in a backup (backup/data-folder.ts lists it among the machine's own files) and never in
 * a package. Anyone who can read this account's files can read it: the screen says so.
 */
export const SECRET_FILE = RELAY_SECRET_FILE;

const fileSchema = z.record(z.string(), z.string());

export function ownerOnlyFileSecrets(file: string): SecretStore {
  let queue: Promise<unknown> = Promise.resolve();
  const read = async (): Promise<Record<string, string>> => {
    const raw = await readJsonFile(file).catch(() => null);
    const parsed = fileSchema.safeParse(raw ?? {});
    return parsed.success ? parsed.data : {};
  };
  return {
    protection: 'berkas',
    async read(name) {
      return (await read())[name] ?? null;
    },
    write(name, value) {
      const run = queue.then(async () => {
        const all = await read();
        if (value === null) delete all[name];
        else all[name] = value;
        await writeFileDurably(file, JSON.stringify(all));
        // writeFileDurably creates 0600; a file copied in with wider rights is narrowed again.
        await fs.chmod(file, 0o600).catch(() => undefined);
      });
      queue = run.catch(() => undefined);
      return run;
    },
  };
}
