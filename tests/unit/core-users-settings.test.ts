import { promises as fs } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AuditView, SettingsView, UserView } from '../../electron/core/contract';
import { call, coreOpener, failure, login, makePng, must, setUpDataDir, snapshotDir, USERS } from '../fixtures/harness';

const open = coreOpener();

async function adminCore() {
  const dir = await setUpDataDir();
  const core = await open(dir);
  const admin = await login(core, USERS.admin);
  const users = await must<UserView[]>(core, 'users.list', {}, admin);
  const byName = Object.fromEntries(users.map((u) => [u.username, u])) as Record<string, UserView>;
  return { dir, core, admin, byName };
}

describe('accounts', () => {
  it('refuses to deactivate or demote the last administrator, and writes nothing', async () => {
    const { dir, core, admin, byName } = await adminCore();
    const ppid = byName[USERS.admin]!;
    const before = await snapshotDir(dir);
    for (const change of [{ active: false }, { isAdmin: false }]) {
      const r = failure(await call(core, 'users.update', { id: ppid.id, role: ppid.role, isAdmin: true, active: true, ...change }, admin));
      expect(r.code).toBe('CONFLICT');
      expect(r.message).toContain('Minimal satu akun harus menjadi administrator.');
    }
    expect(await snapshotDir(dir)).toEqual(before);
    expect((await must<UserView[]>(core, 'users.list', {}, admin)).find((u) => u.id === ppid.id)).toMatchObject({ isAdmin: true, active: true });
  });

  it('refuses to leave a role without an active account, and writes nothing', async () => {
    const { dir, core, admin, byName } = await adminCore();
    const kepala = byName[USERS.kepala]!;
    const before = await snapshotDir(dir);
    for (const change of [{ active: false }, { role: 'operator' }]) {
      const r = failure(await call(core, 'users.update', { id: kepala.id, role: kepala.role, isAdmin: false, active: true, ...change }, admin));
      expect(r.code).toBe('CONFLICT');
      expect(r.message).toContain('Belum ada akun aktif dengan peran Kepala OPD.');
    }
    expect(await snapshotDir(dir)).toEqual(before);
  });

  it('deactivates a second operator and records who did it, from what to what', async () => {
    const { core, admin, byName } = await adminCore();
    const updated = await must<UserView>(core, 'users.update', { id: byName[USERS.operator2]!.id, role: 'operator', isAdmin: false, active: false }, admin);
    expect(updated.active).toBe(false);
    const [entry] = await must<AuditView[]>(core, 'audit.listApp', { limit: 1 }, admin);
    expect(entry).toMatchObject({
      action: 'akun.ubah',
      actor: { username: USERS.admin, role: 'ppid_pembantu' },
      changes: [{ field: 'active', from: true, to: false }],
    });
  });

  it('refuses a user name that is taken, and an account for someone who already has one', async () => {
    const { core, admin } = await adminCore();
    const taken = failure(await call(core, 'users.create', { personId: 'demo-kepala', username: 'Operator', role: 'operator', password: 'sandi-baru-2026' }, admin));
    expect(taken).toMatchObject({ code: 'CONFLICT', message: 'Nama pengguna "operator" sudah dipakai.' });
    const twice = failure(await call(core, 'users.create', { personId: 'demo-kepala', username: 'kepala2', role: 'kepala_opd', password: 'sandi-baru-2026' }, admin));
    expect(twice).toMatchObject({ code: 'CONFLICT', message: 'Orang ini sudah punya akun.' });
  });
});

describe('settings', () => {
  it('records every changed field with its old and new value', async () => {
    const { core, admin } = await adminCore();
    const before = await must<SettingsView>(core, 'settings.get', {}, admin);
    const auditBefore = await must<AuditView[]>(core, 'audit.listApp', {}, admin);
    await must(core, 'settings.update', {
      office: { ...before.office, phone: '(0567) 99999' },
      documents: { ...before.documents, fontSize: 11 },
    }, admin);
    const audit = await must<AuditView[]>(core, 'audit.listApp', {}, admin);
    expect(audit.length).toBe(auditBefore.length + 1);
    expect(audit[0]).toMatchObject({ action: 'pengaturan.ubah', actor: { username: USERS.admin } });
    expect(audit[0]!.changes).toEqual(
      expect.arrayContaining([
        { field: 'office.phone', from: before.office.phone, to: '(0567) 99999' },
        { field: 'documents.fontSize', from: 12, to: 11 },
      ]),
    );
    expect(audit[0]!.changes.length).toBe(2);
  });

  it('an update that changes nothing adds no audit entry and writes nothing', async () => {
    const { dir, core, admin } = await adminCore();
    const current = await must<SettingsView>(core, 'settings.get', {}, admin);
    const before = await snapshotDir(dir);
    await must(core, 'settings.update', { office: current.office, documents: current.documents }, admin);
    expect(await snapshotDir(dir)).toEqual(before);
  });

  it('refuses to remove an official who still has an account', async () => {
    const { dir, core, admin } = await adminCore();
    const current = await must<SettingsView>(core, 'settings.get', {}, admin);
    const before = await snapshotDir(dir);
    const r = failure(await call(core, 'settings.update', { officials: { ...current.officials, operators: current.officials.operators.slice(0, 1) } }, admin));
    expect(r).toMatchObject({ code: 'CONFLICT', message: 'Akun "operator2" tidak terhubung ke pejabat yang terdaftar.' });
    expect(await snapshotDir(dir)).toEqual(before);
  });

  it('survives closing and reopening the core', async () => {
    const { dir, core, admin } = await adminCore();
    const current = await must<SettingsView>(core, 'settings.get', {}, admin);
    await must(core, 'settings.update', { office: { ...current.office, opdName: 'Dinas Kominfo Baru' }, documents: { ...current.documents, paper: 'A4' } }, admin);
    await core.close();
    const again = await open(dir);
    expect((await must<{ office: { opdName: string } }>(again, 'app.status')).office.opdName).toBe('Dinas Kominfo Baru');
    const s = await must<SettingsView>(again, 'settings.get', {}, await login(again, USERS.operator));
    expect(s.office.opdName).toBe('Dinas Kominfo Baru');
    expect(s.documents.paper).toBe('A4');
    const audit = await must<AuditView[]>(again, 'audit.listApp', { limit: 1 }, await login(again, USERS.admin));
    expect(audit[0]?.action).toBe('pengaturan.ubah');
  });
});

describe('emblem', () => {
  it('accepts a real PNG, stores it under its hash and shows it back', async () => {
    const { dir, core, admin } = await adminCore();
    const png = makePng(128, 140);
    const view = await must<SettingsView>(core, 'settings.setEmblem', { base64: png.toString('base64') }, admin);
    expect(view.emblem).toMatchObject({ mime: 'image/png', width: 128, height: 140, bytes: png.length });
    expect(view.emblemDataUrl).toBe(`data:image/png;base64,${png.toString('base64')}`);
    expect(await fs.readFile(path.join(dir, 'assets', view.emblem!.file))).toEqual(png);
    const [entry] = await must<AuditView[]>(core, 'audit.listApp', { limit: 1 }, admin);
    expect(entry).toMatchObject({ action: 'pengaturan.lambang', changes: [{ field: 'emblem.sha256', from: null, to: view.emblem!.sha256 }] });
    // Removing it is also possible and recorded.
    const removed = await must<SettingsView>(core, 'settings.setEmblem', { base64: null }, admin);
    expect(removed.emblem).toBeNull();
    expect(removed.emblemDataUrl).toBeNull();
  });

  const refusals: [string, () => string, RegExp][] = [
    ['a text file renamed to .png', () => Buffer.from('Ini bukan gambar, hanya teks biasa.\n'.repeat(20)).toString('base64'), /^Lambang harus berupa gambar PNG atau JPG\.$/],
    ['a PNG bigger than 2 MB', () => makePng(100, 100, 2 * 1024 * 1024).toString('base64'), /^Berkas lambang terlalu besar \(2\.0 MB\)\. Maksimal 2 MB\.$/],
    ['a PNG too small to print sharply', () => makePng(32, 32).toString('base64'), /^Gambar lambang terlalu kecil \(32×32 piksel\)\. Minimal 64×64 piksel/],
    ['something that is not base64', () => '<svg onload=alert(1)>', /^Berkas lambang tidak terbaca/],
    ['an empty file', () => '', /^Berkas lambang kosong\.$/],
  ];
  it.each(refusals)('refuses %s in Indonesian and writes nothing', async (_what, base64, message) => {
    const { dir, core, admin } = await adminCore();
    const before = await snapshotDir(dir);
    const r = failure(await call(core, 'settings.setEmblem', { base64: base64() }, admin));
    expect(r.code).toBe('INVALID_INPUT');
    expect(r.message).toMatch(message);
    expect(await snapshotDir(dir)).toEqual(before);
    expect((await must<SettingsView>(core, 'settings.get', {}, admin)).emblem).toBeNull();
  });

  it('refuses an upload far over the limit before decoding it', async () => {
    const { dir, core, admin } = await adminCore();
    const before = await snapshotDir(dir);
    const r = failure(await call(core, 'settings.setEmblem', { base64: 'A'.repeat(3_000_001) }, admin));
    expect(r).toMatchObject({ code: 'INVALID_INPUT', issues: [{ path: 'base64', message: 'Berkas lambang terlalu besar (maksimal 2 MB).' }] });
    expect(await snapshotDir(dir)).toEqual(before);
  });
});
