import { mkdtempSync, promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ownerOnlyFileSecrets } from '../../electron/core/relay/secret-file';
import { isMachineEntry } from '../../electron/core/backup/data-folder';

/**
 * Where the relay password lives: on the desktop, sealed by the operating system's keyring
 * (Electron safeStorage, mocked here as a reversible cipher that is not the identity), in
 * userData; on the loopback host, in an owner-only file the backups leave out.
 */

const keyring = { available: true, backend: 'gnome_libsecret' };
vi.mock('electron', () => ({
  app: { getPath: () => os.tmpdir() },
  safeStorage: {
    isEncryptionAvailable: () => keyring.available,
    getSelectedStorageBackend: () => keyring.backend,
    encryptString: (s: string) => Buffer.from(Buffer.from(s, 'utf8').map((b) => b ^ 0x5a)),
    decryptString: (b: Buffer) => {
      if (b[0] === 0) throw new Error('sealed elsewhere');
      return Buffer.from(b.map((x) => x ^ 0x5a)).toString('utf8');
    },
  },
}));
const { safeStorageSecrets } = await import('../../electron/main/secrets');

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'ppid-secrets-'));
  keyring.available = true;
  keyring.backend = 'gnome_libsecret';
});
afterEach(() => fs.rm(dir, { recursive: true, force: true }));

const SECRET = 'sandi-relay-Laptop-Kepala-2027';

describe('the desktop keeps the relay password sealed by the operating system', () => {
  it('stores only the sealed form, owner-only, and reads it back', async () => {
    const file = path.join(dir, 'rahasia.json');
    const s = safeStorageSecrets(file);
    expect(s.protection).toBe('sistem');
    await s.write('relay.password', SECRET);
    const text = await fs.readFile(file, 'utf8');
    expect(text).not.toContain(SECRET);
    expect(Buffer.from(text).includes(Buffer.from(SECRET))).toBe(false);
    if (process.platform !== 'win32') expect((await fs.stat(file)).mode & 0o777).toBe(0o600);
    expect(await s.read('relay.password')).toBe(SECRET);
    await s.write('relay.password', null);
    expect(await s.read('relay.password')).toBeNull();
  });

  it('refuses to store without a real keyring, and a value sealed elsewhere reads as none', async () => {
    const file = path.join(dir, 'rahasia.json');
    const s = safeStorageSecrets(file);
    keyring.available = false;
    await expect(s.write('relay.password', SECRET)).rejects.toThrow(/penyimpanan rahasia sistem/);
    if (process.platform === 'linux') {
      keyring.available = true;
      keyring.backend = 'basic_text';
      await expect(s.write('relay.password', SECRET)).rejects.toThrow(/penyimpanan rahasia sistem/);
    }
    await expect(fs.access(file)).rejects.toThrow();
    await fs.writeFile(file, JSON.stringify({ 'relay.password': Buffer.from([0, 1, 2]).toString('base64') }));
    keyring.available = true;
    keyring.backend = 'gnome_libsecret';
    expect(await s.read('relay.password')).toBeNull();
  });
});

describe('the loopback host keeps it in a file only its account reads, outside backups', () => {
  it('writes the file 0600, narrows a wider one again, and the backup leaves it out', async () => {
    const file = path.join(dir, 'rahasia-relay.json');
    const s = ownerOnlyFileSecrets(file);
    expect(s.protection).toBe('berkas');
    await s.write('relay.password', SECRET);
    if (process.platform !== 'win32') {
      expect((await fs.stat(file)).mode & 0o777).toBe(0o600);
      await fs.chmod(file, 0o644);
      await s.write('relay.password', `${SECRET}-2`);
      expect((await fs.stat(file)).mode & 0o777).toBe(0o600);
    }
    expect(await s.read('relay.password')).toBe(`${SECRET}-2`);
    expect(isMachineEntry('rahasia-relay.json')).toBe(true);
  });
});
