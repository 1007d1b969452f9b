import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Core } from '../../electron/core/app-core';
import { BACKUP_LIMITS, openBackup, writeBackup } from '../../electron/core/backup/backup-file';
import { listDataFiles } from '../../electron/core/backup/data-folder';
import { DeviceKey } from '../../electron/core/sync/device-key';
import type { BackupMade, BackupPreview, BackupRestored } from '../../electron/core/domain/backup';
import type { CycleView } from '../../electron/core/domain/cycle-views';
import type { DeviceSelfView, TrustedDeviceView } from '../../electron/core/domain/sync/trust';
import {
  call,
  coreOpener,
  failure,
  fakeClock,
  login,
  makePng,
  must,
  setUpDataDir,
  snapshotDir,
  tempDir,
  USERS,
  type FakeClock,
} from '../fixtures/harness';

/**
 * "Cadangkan semua data" and "Pulihkan dari cadangan" through the core, as the administrator
 * uses them: the restored folder is exactly what was backed up; a bad backup changes nothing;
 * the data as it was is kept first; no letter or package number is issued twice afterwards;
 * and a restore stopped at any moment leaves the old data or the new, never a mix.
 */

const open = coreOpener();
const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

/** Every file a backup holds (machine files, backups/ and the restore's own folders left out), by SHA-256. */
async function dataHashes(dir: string): Promise<Map<string, string>> {
  const { files } = await listDataFiles(dir);
  const out = new Map<string, string>();
  for (const f of files) out.set(f.path, sha256(await fs.readFile(f.abs)));
  return out;
}

const without = (m: Map<string, string>, ...names: string[]) => new Map([...m].filter(([k]) => !names.includes(k)));

/**
 * The files that make a laptop's identity, which a restore renews on purpose (a restored
 * laptop is a new installation): app.json's installation id, the key, and trust.json's own
 * earlier identities. Everything else of them must be the backup's.
 */
const IDENTITY_FILES = ['app.json', 'device-key.pem', 'trust.json'];

async function identityOf(dir: string) {
  const app = JSON.parse(await fs.readFile(path.join(dir, 'app.json'), 'utf8'));
  const trust = JSON.parse(await fs.readFile(path.join(dir, 'trust.json'), 'utf8'));
  const { installationId, ...rest } = app;
  return {
    installationId: installationId as string,
    key: sha256(await fs.readFile(path.join(dir, 'device-key.pem'))),
    /** app.json as the office sees it: the accounts, the counters. */
    appWithoutId: rest as Record<string, unknown>,
    previous: (trust.installations as { installationId: string; name: string; publicKey: string; roles: string[]; source: string }[]).filter((t) => t.source === 'pulih'),
    others: (trust.installations as { source: string }[]).filter((t) => t.source !== 'pulih'),
    selfName: trust.self.name as string,
  };
}

/** The same of the data a backup holds. */
async function identityInBackup(bytes: Uint8Array) {
  const b = await openBackup(bytes);
  const app = JSON.parse(Buffer.from(await b.read('app.json')).toString('utf8'));
  const trust = JSON.parse(Buffer.from(await b.read('trust.json')).toString('utf8'));
  const { installationId, ...rest } = app;
  return { installationId: installationId as string, key: sha256(await b.read('device-key.pem')), appWithoutId: rest as Record<string, unknown>, others: trust.installations, selfName: trust.self.name as string };
}

/** One open cycle per year is allowed: each test cycle gets its own year. */
async function cycleAtNotaDinas(core: Core, operator: string, title: string, year: number): Promise<string> {
  const { id } = await must<{ id: string }>(core, 'cycles.create', { title, year }, operator);
  await must(core, 'cycles.addItems', { cycleId: id, items: [{ bidang: 'Sekretariat', judul: `Profil ${title}` }] }, operator);
  await must(core, 'cycles.act', { cycleId: id, action: 'report' }, operator);
  return id;
}

async function issue(core: Core, admin: string, cycleId: string): Promise<string> {
  return (await must<CycleView>(core, 'cycles.act', { cycleId, action: 'issueNotaDinas' }, admin)).notaDinas.number!;
}

async function exportSeq(core: Core, session: string, cycleId: string): Promise<number> {
  return (await must<{ seq: number }>(core, 'sync.export', { cycleIds: [cycleId] }, session)).seq;
}

async function restore(core: Core, admin: string, backup: BackupMade, fileName = backup.fileName): Promise<BackupRestored> {
  const preview = await must<BackupPreview>(core, 'backup.preview', { base64: backup.base64, fileName }, admin);
  return must<BackupRestored>(core, 'backup.restore', { previewId: preview.previewId }, admin);
}

/** An office with a cycle, an item with a soft file, and an emblem: every kind of file a backup carries. */
async function officeWithWork(core: Core, clock: FakeClock) {
  const admin = await login(core, USERS.admin);
  const operator = await login(core, USERS.operator);
  const { id } = await must<{ id: string }>(core, 'cycles.create', { title: 'DIP 2026', year: 2026 }, operator);
  const v = await must<CycleView>(core, 'cycles.addItems', { cycleId: id, items: [{ bidang: 'Sekretariat', judul: 'Rencana Strategis' }] }, operator);
  await must(core, 'cycles.attach', { cycleId: id, itemId: v.items[0]!.id, name: 'renstra.png', base64: makePng(40, 30).toString('base64') }, operator);
  await must(core, 'settings.setEmblem', { base64: makePng(96, 96).toString('base64') }, admin);
  clock.advance(60_000);
  return { admin, operator, cycleId: id, itemId: v.items[0]!.id };
}

describe('backup and restore', () => {
  it('restores the folder exactly as it was backed up: every file, byte for byte', async () => {
    const dir = await setUpDataDir();
    const clock = fakeClock();
    let swapped: Map<string, string> | null = null;
    const core = await Core.open({
      dataDir: dir,
      clock,
      holder: 'test',
      resourcesDir: path.resolve('resources'),
      appVersion: '0.0.0-test',
      restoreHook: async (step) => {
        if (step === 'swapped') swapped = await dataHashes(dir);
      },
    });
    try {
      const { admin, operator, cycleId, itemId } = await officeWithWork(core, clock);
      const atBackup = await dataHashes(dir);
      const auditAtBackup = await fs.readFile(path.join(dir, 'audit.jsonl'));
      const made = await must<BackupMade>(core, 'backup.create', {}, admin);
      expect(made.fileName).toMatch(/^PPID-Desk-Cadangan-Diskominfotik-2026-03-02-\d{4}\.ppidbackup$/);
      expect(made.files).toBe(atBackup.size);
      // Only what a backup should hold: no lock, no copies, nothing of this machine.
      expect([...atBackup.keys()].some((p) => p.startsWith('backups/') || p === 'ppid-desk.lock' || p === 'cadangan-otomatis.json')).toBe(false);
      for (const p of ['app.json', 'settings.json', 'trust.json', 'device-key.pem', 'audit.jsonl', `cycles/${cycleId}/events.jsonl`]) expect(atBackup.has(p), p).toBe(true);
      expect([...atBackup.keys()].some((p) => p.startsWith('files/')) && [...atBackup.keys()].some((p) => p.startsWith('assets/'))).toBe(true);

      // Work goes on after the backup: an item, an account, a second cycle.
      await must(core, 'cycles.updateItem', { cycleId, itemId, fields: { judul: 'Renstra 2025–2029' } }, operator);
      const users = await must<{ id: string; username: string }[]>(core, 'users.list', {}, admin);
      const operator2 = users.find((u) => u.username === USERS.operator2)!;
      await must(core, 'users.update', { id: operator2.id, role: 'operator', isAdmin: false, active: false }, admin);
      await must(core, 'cycles.create', { title: 'DIP 2027', year: 2027 }, operator);
      clock.advance(60_000);

      const preview = await must<BackupPreview>(core, 'backup.preview', { base64: made.base64, fileName: made.fileName }, admin);
      expect(preview).toMatchObject({
        fileName: made.fileName,
        createdAt: '2026-03-02T08:01:00.000Z',
        appVersion: '0.0.0-test',
        office: { opdName: 'Dinas Komunikasi, Informatika dan Statistik', unitCode: 'Diskominfotik' },
        files: atBackup.size,
        cycles: { count: 1, titles: ['DIP 2026'] },
        sameInstallation: true,
        sameOffice: true,
        current: { cycles: 2 },
      });
      expect(preview.accounts).toBeGreaterThan(0);
      expect(preview.warnings.join(' ')).toMatch(/lebih baru daripada cadangan/);
      expect(preview.warnings.join(' ')).toMatch(/laptop ini mendapat kunci perangkat baru/);
      const restored = await must<BackupRestored>(core, 'backup.restore', { previewId: preview.previewId }, admin);
      expect(restored.backupCreatedAt).toBe(made.createdAt);

      // The moment the swap was done, the folder held exactly the backed-up files.
      expect(swapped).toEqual(atBackup);
      // Open again, the files written are the history, which only grew ("restored from …"),
      // and the identity: a new installation id and key, the old one kept as trusted past.
      const after = await dataHashes(dir);
      expect(without(after, 'audit.jsonl', ...IDENTITY_FILES)).toEqual(without(atBackup, 'audit.jsonl', ...IDENTITY_FILES));
      const was = await identityInBackup(Buffer.from(made.base64!, 'base64'));
      const now = await identityOf(dir);
      expect(now.appWithoutId).toEqual(was.appWithoutId);
      expect(now.installationId).not.toBe(was.installationId);
      expect(now.key).not.toBe(was.key);
      expect(now.previous.map((p) => p.installationId)).toEqual([was.installationId]);
      expect(now.selfName).toBe(was.selfName);
      const audit = await fs.readFile(path.join(dir, 'audit.jsonl'));
      expect(audit.subarray(0, auditAtBackup.length).equals(auditAtBackup)).toBe(true);
      expect(audit.subarray(auditAtBackup.length).toString('utf8')).toContain('Data dipulihkan dari cadangan');
      expect(audit.subarray(auditAtBackup.length).toString('utf8')).toContain('memakai pengenal dan kunci baru');

      // Everyone logs in again; what was done after the backup is gone from the screens.
      expect(failure(await call(core, 'cycles.list', {}, admin)).code).toBe('UNAUTHENTICATED');
      // The account closed after the backup is open again, as it was then.
      await login(core, USERS.operator2);
      const again = await login(core, USERS.operator);
      const list = await must<{ cycles: { title: string }[] }>(core, 'cycles.list', {}, again);
      expect(list.cycles.map((c) => c.title)).toEqual(['DIP 2026']);
      const v = await must<CycleView>(core, 'cycles.get', { cycleId }, again);
      expect(v.items[0]!.fields.judul).toBe('Rencana Strategis');
    } finally {
      await core.close();
    }
  });

  it('keeps the data as it was before restoring, as a backup that restores it back', async () => {
    const dir = await setUpDataDir();
    const clock = fakeClock();
    const core = await open(dir, clock);
    const { admin, operator } = await officeWithWork(core, clock);
    const made = await must<BackupMade>(core, 'backup.create', {}, admin);
    await must(core, 'cycles.create', { title: 'DIP 2027', year: 2027 }, operator);
    clock.advance(60_000);
    const beforeRestore = await dataHashes(dir);

    const restored = await restore(core, admin, made);
    expect(path.dirname(restored.safetyFolder)).toBe(path.resolve(dir));
    expect(path.basename(restored.safetyFolder)).toMatch(/^pemulihan-2026-03-02T/);
    expect(restored.safetyFile).toMatch(/PPID-Desk-Cadangan-Diskominfotik-2026-03-02-\d{4}-sebelum-pemulihan\.ppidbackup$/);
    // The safety backup holds the data of the moment before, file for file.
    const safety = await openBackup(await fs.readFile(restored.safetyFile!));
    expect(new Map(safety.manifest.files.map((f) => [f.path, f.sha256]))).toEqual(beforeRestore);
    // And the folder itself was moved aside whole, its copies (backups/) with it.
    const aside = await fs.readdir(restored.safetyFolder);
    expect(aside).toEqual(expect.arrayContaining(['app.json', 'settings.json', 'cycles', 'backups', path.basename(restored.safetyFile!)]));

    // Pengaturan › Cadangan says so.
    const admin2 = await login(core, USERS.admin);
    const status = await must<{ lastRestore: { fileName: string; safetyFile: string } }>(core, 'backup.status', {}, admin2);
    expect(status.lastRestore).toMatchObject({ fileName: made.fileName, safetyFile: restored.safetyFile });

    // Restoring the safety backup brings the later work back.
    const undo = await restore(core, admin2, { ...made, base64: (await fs.readFile(restored.safetyFile!)).toString('base64') }, path.basename(restored.safetyFile!));
    expect(undo.restoredFrom).toBe(path.basename(restored.safetyFile!));
    const op = await login(core, USERS.operator);
    const list = await must<{ cycles: { title: string }[] }>(core, 'cycles.list', {}, op);
    expect(list.cycles.map((c) => c.title).sort()).toEqual(['DIP 2026', 'DIP 2027']);
  });

  it('refuses a damaged, cut, edited, foreign or newer backup, and changes nothing', async () => {
    const dir = await setUpDataDir();
    const clock = fakeClock();
    const core = await open(dir, clock);
    const { admin } = await officeWithWork(core, clock);
    const made = await must<BackupMade>(core, 'backup.create', {}, admin);
    const good = Buffer.from(made.base64!, 'base64');
    const opened = await openBackup(good);
    const files = await Promise.all(opened.manifest.files.map(async (f) => ({ path: f.path, bytes: await opened.read(f.path) })));
    const meta = { appVersion: '0.0.0-test', createdAt: made.createdAt, installationId: opened.manifest.installationId, officeId: opened.manifest.officeId };

    const damaged = Buffer.from(good);
    damaged[damaged.length >> 1] = damaged[damaged.length >> 1]! ^ 0x5a;
    const edited = await writeBackup(meta, files.map((f) => (f.path === 'app.json' ? { ...f, bytes: Buffer.from(String(f.bytes.toString()).replace('"ppid"', '"ppid2"')) } : f)));
    const tampered = Buffer.from(edited);
    // The app.json of a sound backup swapped in, the manifest left as it was.
    const appJson = files.find((f) => f.path === 'app.json')!;
    const newer = await writeBackup(meta, files.map((f) => (f.path === 'app.json' ? { ...f, bytes: Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(appJson.bytes).toString()), schemaVersion: 99 })) } : f)));
    const withoutApp = await writeBackup(meta, files.filter((f) => f.path !== 'app.json'));
    // Files this app never backs up: restored, they would replace the lock, the restore's journal or this laptop's records.
    const withMachineFiles = await Promise.all(
      ['ppid-desk.lock', 'pemulihan.json', 'cadangan-otomatis.json', 'identitas-lama.json', 'backups/app/000001__x__buka.json'].map((extra) =>
        writeBackup(meta, [...files, { path: extra, bytes: Buffer.from('{}') }]),
      ),
    );

    await must(core, 'cycles.create', { title: 'DIP 2027', year: 2027 }, await login(core, USERS.operator));
    const before = await snapshotDir(dir);
    const cases: [string, Uint8Array, RegExp][] = [
      ['damaged', damaged, /rusak|tidak cocok/],
      ['cut off', good.subarray(0, good.length - 100), /terpotong|rusak/],
      ['cut in half', good.subarray(0, good.length >> 1), /terpotong/],
      ['a photo', makePng(30, 30), /bukan cadangan/],
      ['from a newer app', newer, /versi PPID Desk yang lebih baru/],
      ['without app.json', withoutApp, /tidak memuat data aplikasi/],
      ...withMachineFiles.map((bytes): [string, Uint8Array, RegExp] => ['with a machine file', bytes, /tidak pernah dicadangkan PPID Desk/]),
    ];
    // An edited file with the zip rebuilt around it but the manifest kept: the hash catches it.
    const { unzipSync } = await import('fflate');
    const { writeZip } = await import('../../electron/core/sync/zip');
    const entries = unzipSync(good);
    entries['app.json'] = unzipSync(tampered)['app.json']!;
    const rebuilt = await writeZip(
      Object.entries(entries).map(([name, bytes]) => ({ name, bytes, compress: false })),
      new Date(),
      BACKUP_LIMITS,
    );
    cases.push(['edited after it was made', rebuilt, /tidak cocok dengan daftar isinya/]);

    for (const [what, bytes, message] of cases) {
      const r = failure(await call(core, 'backup.preview', { base64: Buffer.from(bytes).toString('base64'), fileName: 'x.ppidbackup' }, admin));
      expect(r.message, what).toMatch(message);
      expect(r.message, what).toMatch(/tidak diubah|Perbarui aplikasi/);
    }
    expect(failure(await call(core, 'backup.restore', { previewId: 'a'.repeat(64) }, admin)).code).toBe('NOT_FOUND');
    expect(await snapshotDir(dir)).toEqual(before);
  });

  it('after restoring an older backup, no Nota Dinas number and no package number is issued twice', async () => {
    const dir = await setUpDataDir();
    const clock = fakeClock();
    const core = await open(dir, clock);
    let admin = await login(core, USERS.admin);
    let operator = await login(core, USERS.operator);
    const a = await cycleAtNotaDinas(core, operator, 'DIP 2026', 2026);
    expect(await issue(core, admin, a)).toBe('500.12.2/001/Diskominfotik/2026');
    expect(await exportSeq(core, admin, a)).toBe(1);
    const made = await must<BackupMade>(core, 'backup.create', {}, admin);

    // After the backup, on this laptop: a second number and two more packages.
    clock.advance(3_600_000);
    const b = await cycleAtNotaDinas(core, operator, 'DIP 2027', 2027);
    expect(await issue(core, admin, b)).toBe('500.12.2/002/Diskominfotik/2026');
    expect(await exportSeq(core, admin, b)).toBe(2);
    expect(await exportSeq(core, admin, b)).toBe(3);

    clock.advance(3_600_000);
    const restored = await restore(core, admin, made);
    expect(restored.carried).toEqual({ notaDinas: { 'notaDinas:2026': 2 }, packageSeq: 3 });

    // The restored logs know only 001 and package 1; the numbers used since stay used.
    admin = await login(core, USERS.admin);
    operator = await login(core, USERS.operator);
    const c = await cycleAtNotaDinas(core, operator, 'DIP 2028', 2028);
    expect(await issue(core, admin, c)).toBe('500.12.2/003/Diskominfotik/2026');
    expect(await exportSeq(core, admin, c)).toBe(4);

    // And so after a restart too (the marks live outside the data a restore replaces).
    await core.close();
    const reopened = await open(dir, clock);
    admin = await login(reopened, USERS.admin);
    operator = await login(reopened, USERS.operator);
    const d = await cycleAtNotaDinas(reopened, operator, 'DIP 2029', 2029);
    expect(await issue(reopened, admin, d)).toBe('500.12.2/004/Diskominfotik/2026');
    expect(await exportSeq(reopened, admin, d)).toBe(5);
  });

  it('a new laptop restores the office backup instead of setting up, as a new device that keeps the old laptop\'s past as its own', async () => {
    const dir = await setUpDataDir();
    const clock = fakeClock();
    const core = await open(dir, clock);
    const { admin } = await officeWithWork(core, clock);
    await must(core, 'devices.renameSelf', { name: 'Laptop Sekretariat' }, admin);
    const made = await must<BackupMade>(core, 'backup.create', {}, admin);
    const old = await must<DeviceSelfView>(core, 'devices.self', {}, admin);
    const accountRoles = new Set((await must<{ role: string }[]>(core, 'users.list', {}, admin)).map((u) => u.role));
    const oldKey = await fs.readFile(path.join(dir, 'device-key.pem'));

    const fresh = await tempDir();
    const next = await open(fresh, clock);
    expect((await must<{ state: string }>(next, 'app.status')).state).toBe('setup');
    // Not without setup's own calls: the administrator's calls need an account the new laptop does not have.
    expect(failure(await call(next, 'backup.preview', { base64: made.base64 })).code).toBe('NOT_READY');
    const preview = await must<BackupPreview>(next, 'setup.previewBackup', { base64: made.base64, fileName: made.fileName });
    expect(preview.office?.opdName).toBe('Dinas Komunikasi, Informatika dan Statistik');
    // Said before anything happens: a new key, trusted again once on the other laptops.
    expect(preview.warnings.join(' ')).toMatch(/kunci perangkat baru.*perlu mempercayainya sekali lagi/);
    const restored = await must<BackupRestored>(next, 'setup.restoreBackup', { previewId: preview.previewId });
    expect((await must<{ state: string }>(next, 'app.status')).state).toBe('ready');
    const s = await login(next, USERS.admin);

    // A new installation: another id, another key, under the name the office gave the old one.
    const self = await must<DeviceSelfView>(next, 'devices.self', {}, s);
    expect(self.installationId).not.toBe(old.installationId);
    expect(self.publicKey).not.toBe(old.publicKey);
    expect((await fs.readFile(path.join(fresh, 'device-key.pem'))).equals(oldKey)).toBe(false);
    expect(self.name).toBe('Laptop Sekretariat');
    expect(restored.newDevice).toEqual({ name: 'Laptop Sekretariat', fingerprint: self.fingerprint });
    // The old laptop's identity is trusted here as this laptop's past, with the roles of the office's accounts.
    const listed = await must<TrustedDeviceView[]>(next, 'devices.list', {}, s);
    const past = listed.find((d) => d.installationId === old.installationId);
    expect(past).toMatchObject({ publicKey: old.publicKey, fingerprint: old.fingerprint, source: 'pulih', revokedAt: null });
    expect(past!.name).toMatch(/^Laptop Sekretariat \(sebelum pemulihan 2026-03-02\)$/);
    expect(new Set(past!.roles)).toEqual(accountRoles);
    // Opened again, nothing changes a second time.
    await next.close();
    const again = await open(fresh, clock);
    const s2 = await login(again, USERS.admin);
    expect((await must<DeviceSelfView>(again, 'devices.self', {}, s2)).installationId).toBe(self.installationId);
    expect((await must<TrustedDeviceView[]>(again, 'devices.list', {}, s2)).filter((d) => d.source === 'pulih')).toHaveLength(1);
  });
});

describe('the new identity after a restore', () => {
  /** A restore stopped right after the swap, before the stores reopen: the folder as a kill there leaves it. */
  async function swappedNotOpened() {
    const dir = await setUpDataDir();
    const clock = fakeClock();
    let reached!: () => void;
    const atStep = new Promise<void>((r) => (reached = r));
    const c = await Core.open({
      dataDir: dir,
      clock,
      holder: 'test',
      resourcesDir: path.resolve('resources'),
      appVersion: '0.0.0-test',
      // Never resolving: nothing after the swap runs, as if the process had been killed there.
      restoreHook: (step) => (step === 'swapped' ? (reached(), new Promise<void>(() => undefined)) : undefined),
    });
    const admin = await login(c, USERS.admin);
    const before = await identityOf(dir);
    const made = await must<BackupMade>(c, 'backup.create', {}, admin);
    const preview = await must<BackupPreview>(c, 'backup.preview', { base64: made.base64, fileName: made.fileName }, admin);
    void call(c, 'backup.restore', { previewId: preview.previewId }, admin);
    await atStep;
    await c.close();
    return { dir, clock, before, marker: await fs.readFile(path.join(dir, 'identitas-lama.json')) };
  }

  it('cut short after the new key was written, the next open makes the new identity whole', async () => {
    const { dir, clock, before } = await swappedNotOpened();
    // The renewal's first step done, then a kill: a key no one has seen, the old id still in app.json.
    await DeviceKey.renew(path.join(dir, 'device-key.pem'));
    const unused = sha256(await fs.readFile(path.join(dir, 'device-key.pem')));
    await open(dir, clock);
    const after = await identityOf(dir);
    expect(after.installationId).not.toBe(before.installationId);
    expect([before.key, unused]).not.toContain(after.key);
    expect(after.previous).toEqual([expect.objectContaining({ installationId: before.installationId, source: 'pulih' })]);
    expect((await fs.readdir(dir)).includes('identitas-lama.json')).toBe(false);
  });

  it('cut short before the marker was removed, the next open changes nothing more', async () => {
    const { dir, clock, marker } = await swappedNotOpened();
    const first = await open(dir, clock);
    const renewed = await identityOf(dir);
    await first.close();
    await fs.writeFile(path.join(dir, 'identitas-lama.json'), marker);
    const again = await open(dir, clock);
    expect(await identityOf(dir)).toEqual(renewed);
    expect((await fs.readdir(dir)).includes('identitas-lama.json')).toBe(false);
    await login(again, USERS.admin);
  });
});

describe('a restore stopped at any step', () => {
  it('leaves the folder holding the old data or the new, never a mix, once opened again', { timeout: 240_000 }, async () => {
    // The data to restore (S0, backed up), then the data on the laptop (S1: more work since).
    const template = await setUpDataDir();
    const clock = fakeClock();
    let core = await open(template, clock);
    const { admin, operator } = await officeWithWork(core, clock);
    const made = await must<BackupMade>(core, 'backup.create', {}, admin);
    await must(core, 'cycles.create', { title: 'DIP 2027', year: 2027 }, operator);
    await must(core, 'settings.setEmblem', { base64: null }, admin);
    await core.close();
    const oldData = without(await dataHashes(template), 'audit.jsonl');
    const backup = await openBackup(Buffer.from(made.base64!, 'base64'));
    const newData = without(new Map(backup.manifest.files.map((f) => [f.path, f.sha256])), 'audit.jsonl');
    expect(newData).not.toEqual(oldData);
    const oldIdentity = await identityOf(template);
    const backupIdentity = await identityInBackup(Buffer.from(made.base64!, 'base64'));

    const startRestore = async (dir: string, hook: (step: string) => void | Promise<void>) => {
      const c = await Core.open({ dataDir: dir, clock, holder: 'test', resourcesDir: path.resolve('resources'), appVersion: '0.0.0-test', restoreHook: hook });
      const s = await login(c, USERS.admin);
      const preview = await must<BackupPreview>(c, 'backup.preview', { base64: made.base64, fileName: made.fileName }, s);
      return { c, done: call(c, 'backup.restore', { previewId: preview.previewId }, s) };
    };

    // Every step a restore passes through, from one run to the end.
    const steps: string[] = [];
    const probe = await tempDir();
    await fs.cp(template, probe, { recursive: true });
    const full = await startRestore(probe, (step) => void steps.push(step));
    expect((await full.done).ok).toBe(true);
    await full.c.close();
    expect(steps).toEqual(expect.arrayContaining(['safety', 'staged', 'verified', 'committed', 'out:app.json', 'in:app.json', 'in:cycles', 'swapped']));
    const committedAt = steps.indexOf('committed');

    for (const [n, stop] of steps.entries()) {
      const dir = await tempDir();
      await fs.cp(template, dir, { recursive: true });
      let reached!: () => void;
      const atStep = new Promise<void>((r) => (reached = r));
      // Never resolving: nothing after this step runs, as if the process had been killed there.
      const { c } = await startRestore(dir, (step) => (step === stop ? (reached(), new Promise<void>(() => undefined)) : undefined));
      await atStep;
      await c.close();

      core = await open(dir, clock);
      const data = without(await dataHashes(dir), 'audit.jsonl');
      if (n < committedAt) expect(data, `stopped at ${stop}`).toEqual(oldData);
      else {
        // The backup's data, with the identity a restore renews: a new id and key, the old one kept as trusted past.
        expect(without(data, ...IDENTITY_FILES), `stopped at ${stop}`).toEqual(without(newData, ...IDENTITY_FILES));
        const id = await identityOf(dir);
        expect(id.appWithoutId, stop).toEqual(backupIdentity.appWithoutId);
        expect([oldIdentity.installationId, backupIdentity.installationId], stop).not.toContain(id.installationId);
        expect([oldIdentity.key, backupIdentity.key], stop).not.toContain(id.key);
        expect(id.previous.map((p) => p.installationId), stop).toContain(backupIdentity.installationId);
      }
      const left = await fs.readdir(dir);
      expect(left.filter((e) => e.startsWith('.pemulihan-baru-') || e === 'pemulihan.json'), stop).toEqual([]);
      // Whichever it is, it works: someone can log in and see the cycles.
      const s = await login(core, USERS.operator);
      const titles = (await must<{ cycles: { title: string }[] }>(core, 'cycles.list', {}, s)).cycles.map((x) => x.title).sort();
      expect(titles, stop).toEqual(n < committedAt ? ['DIP 2026', 'DIP 2027'] : ['DIP 2026']);
      await core.close();
    }
  });
});
