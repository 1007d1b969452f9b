import { createHash, generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { AuditView } from '../../electron/core/contract';
import type { DeviceSelfView, TrustedDeviceView } from '../../electron/core/domain/sync/trust';
import { call, coreOpener, failure, login, must, setUpDataDir, snapshotDir, USERS } from '../fixtures/harness';

const open = coreOpener();
const KEPALA_ID = 'b7e1c2d3-0000-4000-8000-0000000000aa';

function newKey(): { b64: string; raw: Buffer } {
  const raw = generateKeyPairSync('ed25519').publicKey.export({ type: 'spki', format: 'der' }).subarray(-32);
  return { b64: raw.toString('base64'), raw };
}

/** SHA-256 of the raw key; 5 groups of the next 5 bytes' number modulo 10 000, 4 digits each. */
function expectedFingerprint(raw: Buffer): string {
  const h = createHash('sha256').update(raw).digest('hex');
  return [0, 1, 2, 3, 4].map((i) => String(parseInt(h.slice(10 * i, 10 * i + 10), 16) % 10000).padStart(4, '0')).join(' ');
}

async function office() {
  const dir = await setUpDataDir();
  const core = await open(dir);
  return { dir, core, admin: await login(core, USERS.admin) };
}

const kepalaLaptop = (key = newKey().b64) => ({ installationId: KEPALA_ID, name: 'Laptop Kepala Dinas', publicKey: key, roles: ['kepala_opd'] });

describe('devices.* access', () => {
  it('any logged-in user sees this laptop; only administrators see or change the trusted installations', async () => {
    const { dir, core, admin } = await office();
    const { installationId } = await must<DeviceSelfView>(core, 'devices.self', {}, admin);
    await must(core, 'devices.trust', kepalaLaptop(), admin);
    const before = await snapshotDir(dir);
    for (const username of [USERS.operator, USERS.kepala]) {
      const session = await login(core, username);
      const self = await must<DeviceSelfView>(core, 'devices.self', {}, session);
      expect(self.installationId).toBe(installationId);
      expect(self.fingerprint).toMatch(/^\d{4}( \d{4}){4}$/);
      const attempts: [string, unknown][] = [
        ['devices.list', {}],
        ['devices.renameSelf', { name: 'Laptop Saya' }],
        ['devices.trust', kepalaLaptop()],
        ['devices.setRoles', { installationId: KEPALA_ID, roles: ['operator'] }],
        ['devices.revoke', { installationId: KEPALA_ID }],
      ];
      for (const [name, input] of attempts) {
        expect(failure(await call(core, name, input, session)), `${username} ${name}`).toMatchObject({
          code: 'FORBIDDEN',
          message: 'Hanya administrator yang dapat melakukan tindakan ini.',
        });
      }
    }
    expect(failure(await call(core, 'devices.self', {}))).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(await snapshotDir(dir)).toEqual(before);
  });
});

describe('devices.* validation', () => {
  const cases: [string, string, unknown, string][] = [
    ['a key of 31 bytes', 'devices.trust', kepalaLaptop(Buffer.alloc(31, 7).toString('base64')), 'Kunci publik tidak sah'],
    ['a key of 33 bytes', 'devices.trust', kepalaLaptop(Buffer.alloc(33, 7).toString('base64')), 'Kunci publik tidak sah'],
    ['a key that is not base64', 'devices.trust', kepalaLaptop(`${'!'.repeat(43)}=`), 'Kunci publik tidak sah'],
    ['a hex key', 'devices.trust', kepalaLaptop('ab'.repeat(32)), 'Kunci publik tidak sah'],
    ['no roles', 'devices.trust', { ...kepalaLaptop(), roles: [] }, 'Pilih sedikitnya satu peran yang boleh dibawa perangkat ini.'],
    ['a role the SOP does not know', 'devices.trust', { ...kepalaLaptop(), roles: ['bupati'] }, 'Peran tidak dikenal.'],
    ['the same role twice', 'devices.setRoles', { installationId: KEPALA_ID, roles: ['operator', 'operator'] }, 'Peran yang sama dipilih lebih dari sekali.'],
    ['a blank name', 'devices.trust', { ...kepalaLaptop(), name: '   ' }, 'Nama perangkat wajib diisi.'],
    ['a name too long', 'devices.renameSelf', { name: 'L'.repeat(81) }, 'Nama perangkat terlalu panjang (maksimal 80 karakter).'],
    ['a blank name for this laptop', 'devices.renameSelf', { name: '' }, 'Nama perangkat wajib diisi.'],
    ['a malformed installation id', 'devices.revoke', { installationId: '../x' }, 'Pengenal perangkat tidak sah.'],
    ['a field the call does not take', 'devices.trust', { ...kepalaLaptop(), source: 'kantor' }, 'source'],
  ];

  it.each(cases)('%s is refused with its message and nothing is written', async (_label, name, input, message) => {
    const { dir, core, admin } = await office();
    const before = await snapshotDir(dir);
    const r = failure(await call(core, name, input, admin));
    expect(r.code).toBe('INVALID_INPUT');
    expect(r.message).toContain(message);
    expect(await snapshotDir(dir)).toEqual(before);
  });
});

describe('devices.* changes', () => {
  it('trusts an installation: listed with its fingerprint, roles and source, and recorded in the history', async () => {
    const { core, admin } = await office();
    const key = newKey();
    const view = await must<TrustedDeviceView>(core, 'devices.trust', kepalaLaptop(key.b64), admin);
    expect(view).toEqual({
      installationId: KEPALA_ID,
      name: 'Laptop Kepala Dinas',
      publicKey: key.b64,
      fingerprint: expectedFingerprint(key.raw),
      roles: ['kepala_opd'],
      source: 'paket',
      addedAt: '2026-03-02T08:00:00.000Z',
      addedBy: USERS.admin,
      revokedAt: null,
    });
    expect(await must(core, 'devices.list', {}, admin)).toEqual([view]);
    const [entry] = await must<AuditView[]>(core, 'audit.listApp', { limit: 1 }, admin);
    expect(entry).toMatchObject({ action: 'perangkat.percayai', actor: { username: USERS.admin } });
    expect(entry!.summary).toContain('Laptop Kepala Dinas');
    expect(entry!.summary).toContain(expectedFingerprint(key.raw));
    expect(entry!.summary).toContain('Kepala OPD');
  });

  it('changes roles and revokes, each recorded; a revoked installation stays listed as revoked', async () => {
    const { core, admin } = await office();
    await must(core, 'devices.trust', kepalaLaptop(), admin);
    const changed = await must<TrustedDeviceView>(core, 'devices.setRoles', { installationId: KEPALA_ID, roles: ['kepala_opd', 'ppid_pembantu'] }, admin);
    expect(changed.roles).toEqual(['ppid_pembantu', 'kepala_opd']);
    let [entry] = await must<AuditView[]>(core, 'audit.listApp', { limit: 1 }, admin);
    expect(entry).toMatchObject({ action: 'perangkat.ubah-peran', changes: [{ field: 'roles', from: 'Kepala OPD', to: 'PPID Pembantu, Kepala OPD' }] });

    const revoked = await must<TrustedDeviceView>(core, 'devices.revoke', { installationId: KEPALA_ID }, admin);
    expect(revoked.revokedAt).toBe('2026-03-02T08:00:00.000Z');
    [entry] = await must<AuditView[]>(core, 'audit.listApp', { limit: 1 }, admin);
    expect(entry).toMatchObject({ action: 'perangkat.cabut' });
    expect(entry!.summary).toContain('Paket baru darinya akan ditolak.');
    expect(await must<TrustedDeviceView[]>(core, 'devices.list', {}, admin)).toEqual([revoked]);

    expect(failure(await call(core, 'devices.setRoles', { installationId: KEPALA_ID, roles: ['operator'] }, admin))).toMatchObject({ code: 'CONFLICT' });
    expect(failure(await call(core, 'devices.revoke', { installationId: 'b7e1c2d3-tidak-ada' }, admin))).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('renames this laptop, shown to every user and recorded from what to what', async () => {
    const { core, admin } = await office();
    const before = await must<DeviceSelfView>(core, 'devices.self', {}, admin);
    const after = await must<DeviceSelfView>(core, 'devices.renameSelf', { name: '  Laptop Sekretariat  ' }, admin);
    expect(after).toEqual({ ...before, name: 'Laptop Sekretariat' });
    const operator = await login(core, USERS.operator);
    expect((await must<DeviceSelfView>(core, 'devices.self', {}, operator)).name).toBe('Laptop Sekretariat');
    const [entry] = await must<AuditView[]>(core, 'audit.listApp', { limit: 1 }, admin);
    expect(entry).toMatchObject({ action: 'perangkat.ganti-nama', changes: [{ field: 'name', from: before.name, to: 'Laptop Sekretariat' }] });
  });

  it('refuses to trust this laptop itself, or a key that changed, and writes nothing', async () => {
    const { dir, core, admin } = await office();
    const self = await must<DeviceSelfView>(core, 'devices.self', {}, admin);
    await must(core, 'devices.trust', kepalaLaptop(), admin);
    const before = await snapshotDir(dir);
    const own = failure(await call(core, 'devices.trust', { installationId: self.installationId, name: 'Saya', publicKey: newKey().b64, roles: ['operator'] }, admin));
    expect(own).toMatchObject({ code: 'CONFLICT' });
    const changed = failure(await call(core, 'devices.trust', kepalaLaptop(), admin));
    expect(changed.code).toBe('CONFLICT');
    expect(changed.message).toContain('berubah');
    expect(await snapshotDir(dir)).toEqual(before);
  });

  it('two administrators trusting the same key under two ids at once: one wins, the other is refused', async () => {
    const { core, admin } = await office();
    const key = newKey().b64;
    const results = await Promise.all([
      call(core, 'devices.trust', { installationId: 'b7e1c2d3-0000-4000-8000-000000000001', name: 'Laptop A', publicKey: key, roles: ['operator'] }, admin),
      call(core, 'devices.trust', { installationId: 'b7e1c2d3-0000-4000-8000-000000000002', name: 'Laptop B', publicKey: key, roles: ['operator'] }, admin),
    ]);
    expect(results.map((r) => (r.ok ? 'ok' : r.code)).sort()).toEqual(['CONFLICT', 'ok']);
    expect(await must<TrustedDeviceView[]>(core, 'devices.list', {}, admin)).toHaveLength(1);
  });
});
