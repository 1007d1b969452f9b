import { generateKeyPairSync } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { Low } from 'lowdb';
import { describe, expect, it, vi } from 'vitest';
import { Core } from '../../electron/core/app-core';
import type { SaveRequest } from '../../electron/core/platform';
import type { AppStatus, SettingsView } from '../../electron/core/contract';
import type { JoinPreview } from '../../electron/core/domain/sync/office-package';
import type { AppliedPackage, PackagePreview } from '../../electron/core/domain/sync/preview';
import type { DeviceSelfView, TrustedDeviceView } from '../../electron/core/domain/sync/trust';
import type { CycleView } from '../../electron/core/domain/cycle-views';
import { readPackage, writePackage, type PackageEntry } from '../../electron/core/sync/package-file';
import { rawPublicKey } from '../../electron/core/sync/package-keys';
import { badPackages, baseManifest, SENDER_INSTALLATION, testSigner } from '../fixtures/bad-packages';
import { call, coreOpener, failure, fakeClock, login, makePng, must, PASSWORD, setUpDataDir, setupInput, snapshotDir, tempDir, USERS } from '../fixtures/harness';
import { completeItem } from './workflow-fixtures';

const open = coreOpener();

/** User names that appear nowhere else in an office's data, so finding one in a package means an account leaked. */
const A_USERS = { kepala: 'kpl.x7731', ppid: 'ppd.x7732', operator: 'opr.x7733', operator2: 'opr.x7734' } as const;
const B_ACCOUNTS = [
  { personId: 'demo-kepala', username: 'agustinus.b', role: 'kepala_opd', isAdmin: false, password: 'sandi-laptop-b-1' },
  { personId: 'demo-ketua', username: 'yuliana.b', role: 'ppid_pembantu', isAdmin: true, password: 'sandi-laptop-b-2' },
  { personId: 'demo-operator-1', username: 'rizky.b', role: 'operator', isAdmin: false, password: 'sandi-laptop-b-3' },
];
const EMBLEM = makePng(96, 96);

function newKey(): string {
  return rawPublicKey(generateKeyPairSync('ed25519').privateKey);
}

interface Office {
  core: Core;
  dir: string;
  admin: string;
  settings: SettingsView;
  self: DeviceSelfView;
}

/**
 * The administrator's laptop: set up with its own accounts, an emblem, a trusted Kepala laptop
 * and a revoked old operator laptop.
 */
async function adminLaptop(): Promise<Office> {
  const dir = await tempDir();
  const core = await open(dir);
  const input = setupInput();
  const byDemoName: Record<string, string> = { kepala: A_USERS.kepala, ppid: A_USERS.ppid, operator: A_USERS.operator, operator2: A_USERS.operator2 };
  input.accounts = input.accounts.map((a) => ({ ...a, username: byDemoName[a.username]! }));
  await must(core, 'setup.complete', input);
  const admin = await login(core, A_USERS.ppid);
  await must(core, 'settings.setEmblem', { base64: EMBLEM.toString('base64') }, admin);
  await must(core, 'devices.trust', { installationId: 'a1b2c3d4-0000-4000-8000-0000000000aa', name: 'Laptop Kepala Dinas', publicKey: newKey(), roles: ['kepala_opd'] }, admin);
  await must(core, 'devices.trust', { installationId: 'a1b2c3d4-0000-4000-8000-0000000000bb', name: 'Laptop Operator Lama', publicKey: newKey(), roles: ['operator'] }, admin);
  await must(core, 'devices.revoke', { installationId: 'a1b2c3d4-0000-4000-8000-0000000000bb' }, admin);
  const settings = await must<SettingsView>(core, 'settings.get', {}, admin);
  const self = await must<DeviceSelfView>(core, 'devices.self', {}, admin);
  return { core, dir, admin, settings, self };
}

async function exportOffice(a: Office) {
  return must<{ fileName: string; base64: string; bytes: number }>(a.core, 'office.exportPackage', {}, a.admin);
}

async function status(core: Core) {
  return must<AppStatus>(core, 'app.status');
}

/** An office package built here, signed by a test key, from parts a test changes one at a time. */
async function craft(parts: { kantor: Record<string, unknown>; devices?: unknown; extra?: PackageEntry[]; emblem?: Uint8Array | null }): Promise<string> {
  const kantor: Record<string, unknown> = { ...parts.kantor, officeId: 'diskominfo-kh' };
  const devices = parts.devices ?? [{ installationId: SENDER_INSTALLATION, name: 'Laptop Admin', publicKey: testSigner.publicKey, roles: ['ppid_pembantu'] }];
  const entries: PackageEntry[] = [
    { path: 'kantor.json', bytes: Buffer.from(JSON.stringify(kantor)) },
    { path: 'perangkat.json', bytes: Buffer.from(JSON.stringify(devices)) },
    ...(parts.extra ?? []),
  ];
  const emblem = kantor.emblem as { file: string } | null;
  if (emblem && parts.emblem !== null) entries.push({ path: `lambang/${emblem.file}`, bytes: parts.emblem ?? EMBLEM });
  const base = baseManifest(testSigner);
  const manifest = { ...base, sender: { ...base.sender, name: 'Laptop Admin' }, kind: 'kantor' as const, seq: 1, received: {}, to: { role: null, note: '' } };
  return Buffer.from(await writePackage(manifest, entries, testSigner)).toString('base64');
}

describe('the office package (Pengaturan › Perangkat › "Buat paket kantor")', () => {
  it('holds the office, its officials, document settings, calendar, emblem and trusted laptops, and no account, hash or session', async () => {
    const a = await adminLaptop();
    const pkg = await exportOffice(a);
    expect(pkg.fileName).toBe('Kantor-Diskominfotik_2026-03-02.ppid');

    const read = await readPackage(Buffer.from(pkg.base64, 'base64'));
    expect(read.manifest).toMatchObject({ kind: 'kantor', officeId: a.settings.officeId, sender: { installationId: a.self.installationId, publicKey: a.self.publicKey } });
    expect([...read.entries.keys()]).toEqual(['kantor.json', `lambang/${a.settings.emblem!.file}`, 'perangkat.json']);

    const { emblemDataUrl: _shown, ...settings } = a.settings;
    expect(JSON.parse(Buffer.from(read.entries.get('kantor.json')!).toString('utf8'))).toEqual(settings);
    expect(Buffer.from(read.entries.get(`lambang/${a.settings.emblem!.file}`)!)).toEqual(EMBLEM);
    expect(JSON.parse(Buffer.from(read.entries.get('perangkat.json')!).toString('utf8'))).toEqual([
      { installationId: a.self.installationId, name: a.self.name, publicKey: a.self.publicKey, roles: ['operator', 'ppid_pembantu', 'kepala_opd'] },
      { installationId: 'a1b2c3d4-0000-4000-8000-0000000000aa', name: 'Laptop Kepala Dinas', publicKey: expect.any(String), roles: ['kepala_opd'] },
    ]);

    // Nothing that opens an account travels: not in the file, not in any file inside it.
    const appJson = JSON.parse(await fs.readFile(path.join(a.dir, 'app.json'), 'utf8')) as { users: { id: string; username: string; passwordHash: string }[] };
    expect(appJson.users.map((u) => u.username).sort()).toEqual(Object.values(A_USERS).sort());
    const secrets = appJson.users.flatMap((u) => [u.username, u.id, u.passwordHash, ...u.passwordHash.split('$').slice(4)]);
    secrets.push(a.admin, await login(a.core, A_USERS.kepala));
    const texts = [Buffer.from(pkg.base64, 'base64'), ...read.entries.values()].map((b) => Buffer.from(b).toString('latin1'));
    for (const secret of secrets) for (const text of texts) expect(text.includes(secret), secret).toBe(false);
    expect((await must<{ action: string; summary: string }[]>(a.core, 'audit.listApp', {}, a.admin))[0]).toMatchObject({
      action: 'paket.kantor',
      summary: expect.stringContaining('tanpa akun dan kata sandi'),
    });
  });

  it('in the desktop app goes through the save dialog as a .ppid file', async () => {
    const saved: SaveRequest[] = [];
    const core = await Core.open({
      dataDir: await setUpDataDir(),
      clock: fakeClock(),
      holder: 'test',
      resourcesDir: path.resolve('resources'),
      appVersion: '0.0.0-test',
      platform: { saveFile: async (req) => (saved.push(req), '/home/ppid/Kantor-Diskominfotik_2026-03-02.ppid') },
    });
    try {
      const r = await must<{ base64: string | null; savedTo: string | null; fileName: string }>(core, 'office.exportPackage', { save: true }, await login(core, USERS.admin));
      expect(r).toMatchObject({ base64: null, savedTo: '/home/ppid/Kantor-Diskominfotik_2026-03-02.ppid', fileName: 'Kantor-Diskominfotik_2026-03-02.ppid' });
      expect(saved.map((q) => [q.suggestedName, q.filter.extensions])).toEqual([['Kantor-Diskominfotik_2026-03-02.ppid', ['ppid']]]);
      expect((await readPackage(saved[0]!.bytes)).manifest.kind).toBe('kantor');
    } finally {
      await core.close();
    }
  });

  it('is for administrators only', async () => {
    const a = await adminLaptop();
    const operator = await login(a.core, A_USERS.operator);
    expect(failure(await call(a.core, 'office.exportPackage', {}, operator))).toMatchObject({ code: 'FORBIDDEN' });
  });
});

describe('joining an office ("Gabung ke kantor yang sudah ada")', () => {
  it('a new laptop takes the office from the package, trusts its laptops, keeps its own identity and makes its own accounts', async () => {
    const a = await adminLaptop();
    const pkg = await exportOffice(a);
    const bDir = await tempDir();
    const b = await open(bDir);

    const before = await snapshotDir(bDir);
    const preview = await must<JoinPreview>(b, 'setup.previewJoin', { base64: pkg.base64, fileName: pkg.fileName });
    expect(await snapshotDir(bDir)).toEqual(before);
    expect(preview.office.opdName).toBe('Dinas Komunikasi, Informatika dan Statistik');
    expect(preview.officials.kepala.name).toBe('Drs. Agustinus Rangkap, M.Si.');
    // The digits the administrator reads aloud from Pengaturan › Perangkat on laptop A.
    expect(preview.sender).toEqual({ installationId: a.self.installationId, name: a.self.name, fingerprint: a.self.fingerprint });
    expect(preview.devices.map((d) => [d.name, d.roles, d.sender])).toEqual([
      [a.self.name, ['operator', 'ppid_pembantu', 'kepala_opd'], true],
      ['Laptop Kepala Dinas', ['kepala_opd'], false],
    ]);
    expect(preview.emblemDataUrl).toBe(a.settings.emblemDataUrl);

    expect(await must(b, 'setup.join', { previewId: preview.previewId, fileName: pkg.fileName, accounts: B_ACCOUNTS })).toEqual({
      done: true,
      officeName: 'Dinas Komunikasi, Informatika dan Statistik',
    });
    expect((await status(b)).state).toBe('ready');

    const admin = await login(b, 'yuliana.b', 'sandi-laptop-b-2');
    expect(await must<SettingsView>(b, 'settings.get', {}, admin)).toEqual(a.settings);
    const trusted = await must<TrustedDeviceView[]>(b, 'devices.list', {}, admin);
    expect(trusted.map((d) => [d.name, d.roles, d.source, d.revokedAt, d.fingerprint])).toEqual([
      [a.self.name, ['operator', 'ppid_pembantu', 'kepala_opd'], 'kantor', null, a.self.fingerprint],
      ['Laptop Kepala Dinas', ['kepala_opd'], 'kantor', null, expect.any(String)],
    ]);
    const self = await must<DeviceSelfView>(b, 'devices.self', {}, admin);
    expect(self.installationId).not.toBe(a.self.installationId);
    expect(self.publicKey).not.toBe(a.self.publicKey);

    // Its own accounts only: laptop A's cannot log in here.
    const users = await must<{ username: string }[]>(b, 'users.list', {}, admin);
    expect(users.map((u) => u.username).sort()).toEqual(['agustinus.b', 'rizky.b', 'yuliana.b']);
    expect(failure(await call(b, 'auth.login', { username: A_USERS.ppid, password: PASSWORD })).code).toBe('UNAUTHENTICATED');
    const history = await must<{ action: string; summary: string }[]>(b, 'audit.listApp', {}, admin);
    expect(history[0]).toMatchObject({ action: 'setup.gabung', summary: expect.stringContaining(`bergabung ke kantor Dinas Komunikasi, Informatika dan Statistik dari paket ${pkg.fileName}`) });

    // Set up now: the office package is for new laptops only.
    expect(failure(await call(b, 'setup.previewJoin', { base64: pkg.base64 })).code).toBe('CONFLICT');
  });

  it('work sent from the administrator laptop is then received with no trust step, since the office package brought its key', async () => {
    const a = await adminLaptop();
    const pkg = await exportOffice(a);
    const b = await open(await tempDir());
    await must(b, 'setup.join', { base64: pkg.base64, fileName: pkg.fileName, accounts: B_ACCOUNTS });

    const op = await login(a.core, A_USERS.operator);
    const { id } = await must<{ id: string }>(a.core, 'cycles.create', { title: 'DIP 2027', year: 2027 }, op);
    await must(a.core, 'cycles.addItems', { cycleId: id, items: [completeItem('Profil Dinas', 'Sekretariat', 'setiap_saat')] }, op);
    const sent = await must<{ fileName: string; base64: string }>(a.core, 'sync.export', { cycleIds: [id], to: 'ppid_pembantu' }, op);

    // An operator on laptop B, who may not trust laptops: none needs trusting.
    const bOp = await login(b, 'rizky.b', 'sandi-laptop-b-3');
    const preview = await must<PackagePreview>(b, 'sync.preview', { base64: sent.base64, fileName: sent.fileName }, bOp);
    expect(preview.signers).toEqual([expect.objectContaining({ trust: 'dipercaya', sender: true, name: a.self.name })]);
    const applied = await must<AppliedPackage>(b, 'sync.apply', { previewId: preview.previewId }, bOp);
    expect(applied).toMatchObject({ trusted: [], cycles: [expect.objectContaining({ id, newActs: 2 })] });
    const view = await must<CycleView>(b, 'cycles.get', { cycleId: id }, bOp);
    expect(view.items.map((i) => i.fields.judul)).toEqual(['Profil Dinas']);
  });

  it('refuses what is not a usable office package, in Indonesian, and leaves the data folder byte for byte as it was', async () => {
    const a = await adminLaptop();
    const pkg = await exportOffice(a);
    const kantor = JSON.parse(Buffer.from((await readPackage(Buffer.from(pkg.base64, 'base64'))).entries.get('kantor.json')!).toString('utf8')) as Record<string, unknown>;
    const op = await login(a.core, A_USERS.operator);
    const { id } = await must<{ id: string }>(a.core, 'cycles.create', { title: 'DIP 2027', year: 2027 }, op);
    const work = await must<{ fileName: string; base64: string }>(a.core, 'sync.export', { cycleIds: [id] }, op);

    const cDir = await tempDir();
    const c = await open(cDir);
    const before = await snapshotDir(cDir);
    const preview = async (base64: string) => failure(await call(c, 'setup.previewJoin', { base64, fileName: 'x.ppid' }));

    // A package built here the same way is accepted: each refusal below is for its one change.
    expect((await must<JoinPreview>(c, 'setup.previewJoin', { base64: await craft({ kantor }) })).sender.name).toBe('Laptop Admin');

    for (const bad of await badPackages()) {
      const r = await preview(Buffer.from(bad.bytes).toString('base64'));
      expect(r.code, bad.name).toBe('INVALID_INPUT');
    }
    expect((await preview(work.base64)).message).toMatch(/^Ini kiriman pekerjaan, bukan paket kantor\..*Tidak ada yang diubah\.$/);
    expect((await preview(EMBLEM.toString('base64'))).message).toMatch(/bukan paket PPID Desk/);
    const officials = kantor.officials as { kepala: Record<string, unknown> };
    expect((await preview(await craft({ kantor: { ...kantor, officials: { ...officials, kepala: { ...officials.kepala, nip: '197013131995031004' } } } }))).message).toMatch(
      /^Data kantor dalam paket tidak sah \(officials\.kepala\.nip: Tanggal lahir pada NIP/,
    );
    expect((await preview(await craft({ kantor: { ...kantor, office: undefined } }))).message).toMatch(/^Data kantor dalam paket tidak sah/);
    expect((await preview(await craft({ kantor, emblem: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>') }))).message).toMatch(
      /^Lambang dalam paket tidak dapat dipakai: Lambang harus berupa gambar PNG atau JPG\./,
    );
    expect((await preview(await craft({ kantor, emblem: makePng(128, 128) }))).message).toMatch(/^Lambang dalam paket tidak sesuai dengan data kantornya\./);
    expect((await preview(await craft({ kantor, emblem: null }))).message).toMatch(/^Lambang kantor tidak ada dalam paket\./);
    expect((await preview(await craft({ kantor, extra: [{ path: 'app.json', bytes: Buffer.from('{}') }] }))).message).toMatch(/berkas yang tidak dikenal: app\.json/);
    expect(
      (await preview(await craft({ kantor, devices: [{ installationId: 'a1b2c3d4-0000-4000-8000-0000000000aa', name: 'Laptop Lain', publicKey: newKey(), roles: ['operator'] }] }))).message,
    ).toMatch(/^Laptop pengirim tidak tercantum dengan kuncinya sendiri/);
    expect((await preview(await craft({ kantor, devices: [] }))).message).toMatch(/^Daftar perangkat dalam paket tidak sah/);

    // The accounts follow setup's rules, with the package's officials.
    const noKepala = B_ACCOUNTS.filter((x) => x.role !== 'kepala_opd');
    expect(failure(await call(c, 'setup.join', { base64: pkg.base64, accounts: [...noKepala, { ...B_ACCOUNTS[0]!, personId: 'demo-operator-2', role: 'operator', username: 'dewi.b' }] })).message).toMatch(
      /Belum ada akun aktif dengan peran Kepala OPD\./,
    );
    expect(failure(await call(c, 'setup.join', { base64: pkg.base64, accounts: [...B_ACCOUNTS.slice(1), { ...B_ACCOUNTS[0]!, personId: 'orang-lain' }] })).message).toMatch(
      /tidak terhubung ke pejabat yang terdaftar/,
    );
    expect(failure(await call(c, 'setup.join', { base64: pkg.base64, accounts: B_ACCOUNTS.map((x) => ({ ...x, password: 'pendek' })) })).code).toBe('INVALID_INPUT');
    expect(failure(await call(c, 'setup.join', { previewId: 'a'.repeat(64), accounts: B_ACCOUNTS })).message).toMatch(/Pratinjau paket kantor sudah tidak berlaku/);
    expect(failure(await call(c, 'setup.join', { base64: work.base64, accounts: B_ACCOUNTS })).message).toMatch(/^Ini kiriman pekerjaan/);

    expect(await snapshotDir(cDir)).toEqual(before);
    expect((await status(c)).state).toBe('setup');
  });

  it('a join cut short before the accounts were saved leaves the wizard open, and joining again finishes it', async () => {
    const a = await adminLaptop();
    const pkg = await exportOffice(a);
    const bDir = await tempDir();
    const b = await open(bDir);

    const write = Low.prototype.write;
    const spy = vi.spyOn(Low.prototype, 'write').mockImplementation(function (this: Low<unknown>) {
      if (this.data && typeof this.data === 'object' && 'users' in this.data) return Promise.reject(Object.assign(new Error('disk penuh'), { code: 'ENOSPC' }));
      return write.call(this);
    });
    try {
      expect(failure(await call(b, 'setup.join', { base64: pkg.base64, fileName: pkg.fileName, accounts: B_ACCOUNTS })).code).toBe('STORAGE');
    } finally {
      spy.mockRestore();
    }
    expect((await status(b)).state).toBe('setup');
    await b.close();

    const again = await open(bDir);
    expect((await status(again)).state).toBe('setup');
    await must(again, 'setup.join', { base64: pkg.base64, fileName: pkg.fileName, accounts: B_ACCOUNTS });
    const admin = await login(again, 'yuliana.b', 'sandi-laptop-b-2');
    expect((await must<TrustedDeviceView[]>(again, 'devices.list', {}, admin)).map((d) => d.name)).toEqual([a.self.name, 'Laptop Kepala Dinas']);
    expect((await must<SettingsView>(again, 'settings.get', {}, admin)).officeId).toBe(a.settings.officeId);
  });
});
