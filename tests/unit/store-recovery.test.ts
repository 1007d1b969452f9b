import { promises as fs } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/app-core';
import type { AppStatus, SettingsView } from '../../electron/core/contract';
import {
  call,
  codeOf,
  coreOpener,
  failure,
  fakeClock,
  login,
  must,
  openCore,
  PASSWORD,
  setUpDataDir,
  setupInput,
  tempDir,
  USERS,
} from '../fixtures/harness';

const open = coreOpener();

const status = (core: Core) => must<AppStatus>(core, 'app.status');

async function fileState(file: string) {
  const st = await fs.stat(file);
  return { bytes: await fs.readFile(file), mtimeMs: st.mtimeMs };
}

/** Ways a file breaks: a write cut short, a power cut that leaves zeros, junk from a bad disk or a careless editor. */
const breakages: [string, (good: Buffer) => Buffer][] = [
  ['truncated JSON', (good) => good.subarray(0, Math.floor(good.length / 2))],
  ['an empty file', () => Buffer.alloc(0)],
  ['binary garbage', () => Buffer.from(Array.from({ length: 512 }, (_, i) => (i * 73 + 11) % 256))],
  ['zeros from a power cut', (good) => Buffer.alloc(good.length)],
  ['a bare null', () => Buffer.from('null')],
];

let worked: Promise<string> | null = null;
/** A set-up data dir with work done after setup: a changed password (app.json) and a renamed office (settings.json). */
async function workedDataDir(): Promise<string> {
  worked ??= (async () => {
    const dir = await setUpDataDir();
    const core = await openCore(dir, fakeClock());
    const admin = await login(core, USERS.admin);
    await must(core, 'auth.changePassword', { current: PASSWORD, next: 'sandi-baru-2026' }, admin);
    await must(core, 'settings.update', { office: { ...setupInput().office, opdName: 'Dinas Setelah Cadangan' } }, admin);
    await core.close();
    return dir;
  })();
  const copy = await tempDir();
  await fs.cp(await worked, copy, { recursive: true });
  return copy;
}

describe.each([
  ['app.json', 'app'],
  ['settings.json', 'settings'],
] as const)('a broken %s', (fileName, base) => {
  it.each(breakages)('%s: offers the newest backup, never overwrites the file, restores on request', async (_what, breakIt) => {
    const dir = await workedDataDir();
    const file = path.join(dir, fileName);

    const broken = breakIt(await fs.readFile(file));
    await fs.writeFile(file, broken);
    const brokenState = await fileState(file);

    const core = await open(dir);
    const s = await status(core);
    expect(s.state).toBe('recovery');
    expect(s.recovery).toMatchObject({ kind: 'corrupt', file: fileName });
    expect(s.recovery!.message).toContain(fileName);
    // The copy taken by the last change, not the one from setup time.
    expect(s.recovery!.backup?.name).toMatch(/__ubah\.json$/);
    const backupBytes = await fs.readFile(path.join(dir, 'backups', base, s.recovery!.backup!.name));
    expect(s.recovery!.backup!.bytes).toBe(backupBytes.length);

    // Nothing else runs, and nothing touches the broken file.
    for (const name of ['auth.login', 'settings.get', 'setup.complete']) {
      const r = await call(core, name, name === 'auth.login' ? { username: USERS.admin, password: PASSWORD } : name === 'setup.complete' ? setupInput() : {});
      expect(codeOf(r), name).toBe('RECOVERY_REQUIRED');
    }
    await core.close();
    const reopened = await open(dir);
    expect((await status(reopened)).state).toBe('recovery');
    expect(await fileState(file)).toEqual(brokenState);

    const restored = await must<AppStatus>(reopened, 'recovery.restoreBackup');
    expect(restored.state).toBe('ready');
    expect(restored.recovery).toBeNull();
    expect(await fs.readFile(file)).toEqual(backupBytes);
    const kept = (await fs.readdir(dir)).filter((n) => n.startsWith(`${base}.rusak-`));
    expect(kept).toHaveLength(1);
    expect(kept[0]).toMatch(new RegExp(`^${base}\\.rusak-.*\\.json$`));
    expect(await fs.readFile(path.join(dir, kept[0]!))).toEqual(broken);

    // Usable, and nothing rolled back: every change was backed up as it was made, so the
    // password from setup time does not come back, nor the old office name.
    expect(codeOf(await call(reopened, 'auth.login', { username: USERS.admin, password: PASSWORD }))).toBe('UNAUTHENTICATED');
    await login(reopened, USERS.admin, 'sandi-baru-2026');
    expect(restored.office?.opdName).toBe('Dinas Setelah Cadangan');
    // And it stays usable after a restart.
    await reopened.close();
    expect((await status(await open(dir))).state).toBe('ready');
  });
});

describe('recovery', () => {
  it('restores both files when both broke, one after the other', async () => {
    const dir = await setUpDataDir();
    await fs.writeFile(path.join(dir, 'app.json'), '{');
    await fs.writeFile(path.join(dir, 'settings.json'), '');
    const core = await open(dir);
    expect((await status(core)).recovery?.file).toBe('app.json');
    const afterFirst = await must<AppStatus>(core, 'recovery.restoreBackup');
    expect(afterFirst).toMatchObject({ state: 'recovery', recovery: { file: 'settings.json', kind: 'corrupt' } });
    expect((await must<AppStatus>(core, 'recovery.restoreBackup')).state).toBe('ready');
    const settings = await must<SettingsView>(core, 'settings.get', {}, await login(core, USERS.operator));
    expect(settings.office.unitCode).toBe('Diskominfotik');
  });

  it('setup itself leaves a backup, so a file broken right after setup can be restored', async () => {
    const dir = await tempDir();
    const core = await open(dir);
    await must(core, 'setup.complete', setupInput());
    await core.close();
    await fs.writeFile(path.join(dir, 'app.json'), '{"schemaVersion":2,"users":[');
    const again = await open(dir);
    expect(await status(again)).toMatchObject({ state: 'recovery', recovery: { backup: { name: expect.any(String) } } });
    await must(again, 'recovery.restoreBackup');
    expect((await status(again)).state).toBe('ready');
  });

  it('with no backup at all, says so and leaves the broken file alone', async () => {
    const dir = await tempDir();
    const core = await open(dir);
    await must(core, 'setup.complete', setupInput());
    await core.close();
    // Someone cleared the backups folder by hand.
    await fs.rm(path.join(dir, 'backups'), { recursive: true, force: true });
    const file = path.join(dir, 'app.json');
    await fs.writeFile(file, '{"schemaVersion":2,"users":[');
    const before = await fileState(file);
    const again = await open(dir);
    const s = await status(again);
    expect(s).toMatchObject({ state: 'recovery', recovery: { kind: 'corrupt', file: 'app.json', backup: null } });
    const r = failure(await call(again, 'recovery.restoreBackup'));
    expect(r.code).toBe('NOT_FOUND');
    expect(r.message).toBe('Tidak ada cadangan app.json yang dapat dipakai. Hubungi admin TI untuk memeriksa folder data.');
    expect(await fileState(file)).toEqual(before);
  });

  it('skips a broken backup and offers the newest one that reads', async () => {
    const dir = await setUpDataDir();
    const clock = fakeClock('2026-03-05T08:00:00.000Z');
    const core = await open(dir, clock);
    await must(core, 'auth.changePassword', { current: PASSWORD, next: 'sandi-baru-2026' }, await login(core, USERS.kepala));
    await core.close();
    clock.advance(60_000);
    await (await open(dir, clock)).close(); // takes a second backup, with the new password
    const backups = (await fs.readdir(path.join(dir, 'backups', 'app'))).sort();
    expect(backups.length).toBe(2);
    await fs.writeFile(path.join(dir, 'backups', 'app', backups[1]!), '{"rusak');
    await fs.writeFile(path.join(dir, 'app.json'), '');
    const broken = await open(dir, clock);
    expect((await status(broken)).recovery?.backup?.name).toBe(backups[0]);
    await must(broken, 'recovery.restoreBackup');
    await login(broken, USERS.kepala, PASSWORD);
  });

  it.each([
    ['app.json', (d: Record<string, unknown>) => ({ ...d, users: 'bukan daftar' }), /users/],
    ['app.json', (d: Record<string, unknown>) => ({ ...d, schemaVersion: undefined }), /versi skema tidak ada/],
    ['app.json', () => [1, 2, 3], /bukan objek JSON/],
    ['settings.json', (d: Record<string, unknown>) => ({ ...d, settings: { office: {} } }), /settings|office/],
    ['settings.json', () => 42, /versi skema tidak ada|bukan objek/],
  ])('%s with the wrong shape → recovery "invalid", backup offered, file untouched', async (fileName, mangle, detail) => {
    const dir = await setUpDataDir();
    const file = path.join(dir, fileName);
    await fs.writeFile(file, JSON.stringify(mangle(JSON.parse(await fs.readFile(file, 'utf8')) as Record<string, unknown>)));
    const before = await fileState(file);
    const core = await open(dir);
    const s = await status(core);
    expect(s).toMatchObject({ state: 'recovery', recovery: { kind: 'invalid', file: fileName } });
    expect(s.recovery!.message).toMatch(/tidak sesuai format yang dikenal/);
    expect(s.recovery!.message).toMatch(detail);
    expect(s.recovery!.backup).not.toBeNull();
    expect(await fileState(file)).toEqual(before);
    expect((await must<AppStatus>(core, 'recovery.restoreBackup')).state).toBe('ready');
  });

  it.each(['app.json', 'settings.json'])('%s from a newer version → recovery "future"; restore refused; file untouched', async (fileName) => {
    const dir = await setUpDataDir();
    const file = path.join(dir, fileName);
    const data = JSON.parse(await fs.readFile(file, 'utf8')) as Record<string, unknown>;
    await fs.writeFile(file, JSON.stringify({ ...data, schemaVersion: 99, fieldFromTheFuture: true }));
    const before = await fileState(file);
    const core = await open(dir);
    const s = await status(core);
    expect(s).toMatchObject({ state: 'recovery', recovery: { kind: 'future', file: fileName, backup: null } });
    expect(s.recovery!.message).toMatch(/versi PPID Desk yang lebih baru \(skema v99/);
    const r = failure(await call(core, 'recovery.restoreBackup'));
    expect(r.code).toBe('CONFLICT');
    expect(r.message).toMatch(/lebih baru/);
    expect(await fileState(file)).toEqual(before);
    expect(codeOf(await call(core, 'auth.login', { username: USERS.admin, password: PASSWORD }))).toBe('RECOVERY_REQUIRED');
  });
});
