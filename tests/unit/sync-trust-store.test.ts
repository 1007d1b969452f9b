import { generateKeyPairSync } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AppStatus } from '../../electron/core/contract';
import { mayCarry, TrustStore, type TrustFile } from '../../electron/core/sync/trust-store';
import { defaultSelfName } from '../../electron/core/services/devices';
import { Backups } from '../../electron/core/store/backups';
import type { AppDb } from '../../electron/core/store/app-db';
import type { SettingsStore } from '../../electron/core/settings';
import type { DeviceKey } from '../../electron/core/sync/device-key';
import { coreOpener, fakeClock, login, must, setUpDataDir, snapshotDir, tempDir, USERS } from '../fixtures/harness';

const open = coreOpener();
const SELF_ID = 'a1b2c3d4-0000-4000-8000-000000000001';
const KEPALA_ID = 'a1b2c3d4-0000-4000-8000-0000000000aa';
const OPERATOR_ID = 'a1b2c3d4-0000-4000-8000-0000000000bb';

const newKey = () => generateKeyPairSync('ed25519').publicKey.export({ type: 'spki', format: 'der' }).subarray(-32).toString('base64');

async function store(dir?: string) {
  const d = dir ?? (await tempDir());
  const file = path.join(d, 'trust.json');
  const clock = fakeClock();
  const trust = await TrustStore.open(file, {
    backups: new Backups(path.join(d, 'backups')),
    clock,
    selfInstallationId: SELF_ID,
    defaultSelfName: () => 'Perangkat 3997',
  });
  return { dir: d, file, trust, clock };
}

const by = (at = new Date('2026-03-02T08:00:00Z')) => ({ username: 'ppid', at, source: 'paket' as const });
const read = async (file: string) => JSON.parse(await fs.readFile(file, 'utf8')) as TrustFile & { schemaVersion: number };

describe('trust.json', () => {
  it('starts empty at schema version 1, owner-only, with this laptop unnamed until someone names it', async () => {
    const { file, trust } = await store();
    expect(await read(file)).toEqual({ schemaVersion: 1, self: { name: '' }, installations: [] });
    if (process.platform !== 'win32') expect((await fs.stat(file)).mode & 0o777).toBe(0o600);
    expect(trust.selfName()).toBe('Perangkat 3997');
    await trust.renameSelf('  Laptop Operator ');
    expect(trust.selfName()).toBe('Laptop Operator');
    expect((await read(file)).self).toEqual({ name: 'Laptop Operator' });
  });

  it('keeps a trusted installation with its key, roles, who added it, when and from where, across a reopen', async () => {
    const { dir, trust } = await store();
    const key = newKey();
    await trust.add({ installationId: KEPALA_ID, name: 'Laptop Kepala Dinas', publicKey: key, roles: ['kepala_opd'] }, by());
    const reopened = (await store(dir)).trust;
    expect(reopened.get(KEPALA_ID)).toEqual({
      installationId: KEPALA_ID,
      name: 'Laptop Kepala Dinas',
      publicKey: key,
      roles: ['kepala_opd'],
      addedAt: '2026-03-02T08:00:00.000Z',
      addedBy: 'ppid',
      source: 'paket',
      revokedAt: null,
      previousKeys: [],
    });
    expect(reopened.list()).toHaveLength(1);
    expect(reopened.get(OPERATOR_ID)).toBeNull();
  });

  it('stores roles in one order whatever order they were chosen in, and refuses none or the same twice', async () => {
    const { trust } = await store();
    const added = await trust.add({ installationId: OPERATOR_ID, name: 'Laptop Operator', publicKey: newKey(), roles: ['kepala_opd', 'operator'] }, by());
    expect(added.roles).toEqual(['operator', 'kepala_opd']);
    await expect(trust.updateRoles(OPERATOR_ID, [])).rejects.toThrow('Pilih sedikitnya satu peran');
    await expect(trust.updateRoles(OPERATOR_ID, ['operator', 'operator'])).rejects.toThrow('Peran yang sama dipilih lebih dari sekali.');
    expect(trust.get(OPERATOR_ID)!.roles).toEqual(['operator', 'kepala_opd']);
  });

  it('refuses an installation already trusted under the same key, and writes nothing', async () => {
    const { file, trust } = await store();
    const entry = { installationId: KEPALA_ID, name: 'Laptop Kepala Dinas', publicKey: newKey(), roles: ['kepala_opd' as const] };
    await trust.add(entry, by());
    const bytes = await fs.readFile(file);
    await expect(trust.add({ ...entry, roles: ['operator'] }, by())).rejects.toMatchObject({ code: 'CONFLICT', message: 'Perangkat "Laptop Kepala Dinas" sudah dipercaya. Ubah perannya bila perlu.' });
    expect(await fs.readFile(file)).toEqual(bytes);
  });

  it('refuses an installation that comes back with a different key: reinstalled or forged, the admin decides', async () => {
    const { file, trust } = await store();
    await trust.add({ installationId: KEPALA_ID, name: 'Laptop Kepala Dinas', publicKey: newKey(), roles: ['kepala_opd'] }, by());
    const bytes = await fs.readFile(file);
    const attempt = trust.add({ installationId: KEPALA_ID, name: 'Laptop Kepala Dinas', publicKey: newKey(), roles: ['kepala_opd'] }, by());
    await expect(attempt).rejects.toMatchObject({ code: 'CONFLICT' });
    const message = await attempt.catch((e: Error) => e.message);
    expect(message).toContain('Kunci perangkat "Laptop Kepala Dinas" berubah');
    expect(message).toContain('dipasang ulang');
    expect(message).toContain('dipalsukan');
    expect(message).toContain('mencabut kepercayaan perangkat lama dulu');
    expect(await fs.readFile(file)).toEqual(bytes);
  });

  it('refuses a key already trusted as another installation, and this installation itself', async () => {
    const { file, trust } = await store();
    const key = newKey();
    await trust.add({ installationId: KEPALA_ID, name: 'Laptop Kepala Dinas', publicKey: key, roles: ['kepala_opd'] }, by());
    const bytes = await fs.readFile(file);
    await expect(trust.add({ installationId: OPERATOR_ID, name: 'Laptop Operator', publicKey: key, roles: ['operator'] }, by())).rejects.toThrow(
      'Kunci ini sudah dipercaya sebagai perangkat lain ("Laptop Kepala Dinas")',
    );
    await expect(trust.add({ installationId: SELF_ID, name: 'Saya sendiri', publicKey: newKey(), roles: ['operator'] }, by())).rejects.toThrow(
      'perangkat tidak perlu mempercayai dirinya sendiri',
    );
    expect(await fs.readFile(file)).toEqual(bytes);
  });

  it('revoking keeps the entry, marks when, and stops it carrying any role; its roles can no longer change', async () => {
    const { trust } = await store();
    await trust.add({ installationId: KEPALA_ID, name: 'Laptop Kepala Dinas', publicKey: newKey(), roles: ['kepala_opd'] }, by());
    expect(mayCarry(trust.get(KEPALA_ID), 'kepala_opd')).toBe(true);
    await trust.revoke(KEPALA_ID, new Date('2026-04-01T02:00:00Z'));
    const revoked = trust.get(KEPALA_ID)!;
    expect(revoked).toMatchObject({ revokedAt: '2026-04-01T02:00:00.000Z', roles: ['kepala_opd'] });
    expect(mayCarry(revoked, 'kepala_opd')).toBe(false);
    await expect(trust.revoke(KEPALA_ID, new Date())).rejects.toThrow('sudah dicabut');
    await expect(trust.updateRoles(KEPALA_ID, ['operator'])).rejects.toThrow('sudah dicabut');
    await expect(trust.revoke(OPERATOR_ID, new Date())).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('after a revocation, trusts the reinstalled laptop again and keeps its old key for the acts it signed', async () => {
    const { trust } = await store();
    const oldKey = newKey();
    const freshKey = newKey();
    await trust.add({ installationId: KEPALA_ID, name: 'Laptop Kepala Dinas', publicKey: oldKey, roles: ['kepala_opd'] }, by());
    await trust.revoke(KEPALA_ID, new Date('2026-04-01T02:00:00Z'));
    await trust.add({ installationId: KEPALA_ID, name: 'Laptop Kepala Dinas (baru)', publicKey: freshKey, roles: ['kepala_opd'] }, by(new Date('2026-04-02T02:00:00Z')));
    const entry = trust.get(KEPALA_ID)!;
    expect(entry).toMatchObject({ publicKey: freshKey, revokedAt: null, previousKeys: [{ publicKey: oldKey, revokedAt: '2026-04-01T02:00:00.000Z' }] });
    expect(trust.list()).toHaveLength(1);
    expect(trust.findByPublicKey(oldKey)).toMatchObject({ current: false, entry: { installationId: KEPALA_ID } });
    expect(trust.findByPublicKey(freshKey)).toMatchObject({ current: true });
    // The old key still belongs to that installation: nobody else may present it.
    await expect(trust.add({ installationId: OPERATOR_ID, name: 'Laptop Operator', publicKey: oldKey, roles: ['operator'] }, by())).rejects.toThrow(
      'sudah dipercaya sebagai perangkat lain',
    );
  });

  it('changes roles, and mayCarry follows them', async () => {
    const { trust } = await store();
    await trust.add({ installationId: OPERATOR_ID, name: 'Laptop Operator', publicKey: newKey(), roles: ['operator'] }, by());
    expect(mayCarry(trust.get(OPERATOR_ID), 'operator')).toBe(true);
    expect(mayCarry(trust.get(OPERATOR_ID), 'kepala_opd')).toBe(false);
    await trust.updateRoles(OPERATOR_ID, ['ppid_pembantu']);
    expect(mayCarry(trust.get(OPERATOR_ID), 'operator')).toBe(false);
    expect(mayCarry(trust.get(OPERATOR_ID), 'ppid_pembantu')).toBe(true);
    expect(mayCarry(trust.get('a1b2c3d4-tidak-ada'), 'operator')).toBe(false);
  });

  it('refuses a malformed entry before anything is written', async () => {
    const { file, trust } = await store();
    const bytes = await fs.readFile(file);
    await expect(trust.add({ installationId: KEPALA_ID, name: 'Laptop', publicKey: 'AAAA', roles: ['kepala_opd'] }, by())).rejects.toThrow('Kunci publik tidak sah');
    await expect(trust.add({ installationId: KEPALA_ID, name: '   ', publicKey: newKey(), roles: ['kepala_opd'] }, by())).rejects.toThrow('Nama perangkat wajib diisi.');
    expect(await fs.readFile(file)).toEqual(bytes);
    expect(trust.list()).toEqual([]);
  });
});

describe('this laptop\'s default name', () => {
  const stub = (users: { isAdmin: boolean; active: boolean; personId: string }[], settings: unknown) => ({
    appDb: { data: { users } } as unknown as AppDb,
    settings: { get: () => settings } as unknown as SettingsStore,
    deviceKey: { fingerprint: '3997 7530 7271 9807 8101' } as DeviceKey,
  });

  it('is "Perangkat" and the first four digits of its fingerprint before anyone is administrator', () => {
    expect(defaultSelfName(stub([], null))).toBe('Perangkat 3997');
  });

  it('is the first administrator\'s name once the office is set up, and shows through devices.self', async () => {
    const dir = await setUpDataDir();
    const core = await open(dir);
    const self = await must<{ name: string }>(core, 'devices.self', {}, await login(core, USERS.operator));
    expect(self.name).toBe('Yuliana Sari, S.Sos., M.AP.'); // 'ppid', the demo office's only administrator
  });
});

describe('a damaged trust.json opens the core in recovery, like settings.json', () => {
  async function withTrust(content: string) {
    const dir = await setUpDataDir();
    await fs.writeFile(path.join(dir, 'trust.json'), content);
    const before = await snapshotDir(dir);
    const core = await open(dir);
    return { dir, before, core, status: await must<AppStatus>(core, 'app.status') };
  }

  it('a file that does not parse: recovery offers the last good copy, nothing is written', async () => {
    const { dir, before, core, status } = await withTrust('{"schemaVersion":1,"self":');
    expect(status).toMatchObject({ state: 'recovery', recovery: { kind: 'corrupt', file: 'trust.json' } });
    expect(status.recovery!.backup).not.toBeNull();
    expect(await snapshotDir(dir)).toEqual(before);
    const restored = await must<AppStatus>(core, 'recovery.restoreBackup');
    expect(restored.state).toBe('ready');
    expect(await read(path.join(dir, 'trust.json'))).toMatchObject({ schemaVersion: 1, installations: [] });
  });

  it('a file of the wrong shape is "invalid"; a newer version is refused without a copy offered', async () => {
    const invalid = await withTrust('{"schemaVersion":1,"self":{"name":""},"installations":[{"installationId":"x"}]}');
    expect(invalid.status.recovery).toMatchObject({ kind: 'invalid', file: 'trust.json' });
    expect(await snapshotDir(invalid.dir)).toEqual(invalid.before);
    const future = await withTrust('{"schemaVersion":2,"self":{"name":""},"installations":[]}');
    expect(future.status.recovery).toMatchObject({ kind: 'future', file: 'trust.json', backup: null });
    expect(await snapshotDir(future.dir)).toEqual(future.before);
  });
});
