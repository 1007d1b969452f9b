import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SETTINGS_VERSION, SettingsStore } from '../../electron/core/settings';
import { Backups } from '../../electron/core/store/backups';
import { CorruptFileError } from '../../electron/core/store/durable-file';
import { FutureVersionError } from '../../electron/core/store/versioned';
import { coreOpener, fakeClock, removeTempDirs, tempDir } from '../fixtures/harness';

afterAll(removeTempDirs);
const open = coreOpener();

const FIXTURES = path.resolve('tests/fixtures');
const mode = async (file: string) => (await fs.stat(file)).mode & 0o777;

async function openSettings(dir: string) {
  return SettingsStore.open(path.join(dir, 'settings.json'), new Backups(path.join(dir, 'backups')), fakeClock());
}

describe('settings.json', () => {
  it('a fresh data dir gets settings.json and the lock readable by the owner only', async () => {
    const dir = await tempDir();
    await open(dir);
    // Both name the office and its officials (and the lock the machine): no other account may read them.
    expect(await mode(path.join(dir, 'settings.json'))).toBe(0o600);
    expect(await mode(path.join(dir, 'ppid-desk.lock'))).toBe(0o600);
    const onDisk = JSON.parse(await fs.readFile(path.join(dir, 'settings.json'), 'utf8'));
    expect(onDisk).toEqual({ schemaVersion: SETTINGS_VERSION, settings: null });
  });

  it('opens the settings of a v1 office and saves changes durably, still owner-only', async () => {
    const dir = await tempDir();
    await fs.copyFile(path.join(FIXTURES, 'settings-v1.json'), path.join(dir, 'settings.json'));
    const store = await openSettings(dir);
    const s = store.get()!;
    expect(s.office.pemda).toBe('Kabupaten Kapuas Hulu');
    await store.set({ ...s, office: { ...s.office, phone: '(0567) 99999' } });
    const again = await openSettings(dir);
    expect(again.get()!.office.phone).toBe('(0567) 99999');
    expect(await mode(path.join(dir, 'settings.json'))).toBe(0o600);
  });

  it('refuses a file from a newer version and leaves it byte for byte', async () => {
    const dir = await tempDir();
    const file = path.join(dir, 'settings.json');
    const text = JSON.stringify({ schemaVersion: SETTINGS_VERSION + 1, settings: null, futureField: 1 });
    await fs.writeFile(file, text);
    await expect(openSettings(dir)).rejects.toBeInstanceOf(FutureVersionError);
    expect(await fs.readFile(file, 'utf8')).toBe(text);
  });

  it('never overwrites a corrupt file', async () => {
    const dir = await tempDir();
    const file = path.join(dir, 'settings.json');
    await fs.writeFile(file, '{"schemaVersion": 1, "settings": {"off');
    await expect(openSettings(dir)).rejects.toBeInstanceOf(CorruptFileError);
    expect(await fs.readFile(file, 'utf8')).toBe('{"schemaVersion": 1, "settings": {"off');
  });

  it('refuses invalid settings and keeps the saved ones', async () => {
    const dir = await tempDir();
    await fs.copyFile(path.join(FIXTURES, 'settings-v1.json'), path.join(dir, 'settings.json'));
    const store = await openSettings(dir);
    const s = store.get()!;
    const before = await fs.readFile(path.join(dir, 'settings.json'), 'utf8');
    await expect(store.set({ ...s, office: { ...s.office, opdName: '' } })).rejects.toThrow();
    expect(store.get()).toEqual(s);
    expect(await fs.readFile(path.join(dir, 'settings.json'), 'utf8')).toBe(before);
  });
});
