import { promises as fs } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openBackup } from '../../electron/core/backup/backup-file';
import type { BackupSettingsView, BackupStatus } from '../../electron/core/domain/backup';
import { coreOpener, failure, fakeClock, login, must, call, setUpDataDir, tempDir, USERS } from '../fixtures/harness';

/**
 * The automatic backup to a folder the administrator chose (a flash drive): at most once a day,
 * the last N kept, nothing of anyone else's touched; the app says when the last backup was
 * made and warns when it is more than a week old.
 */

const open = coreOpener();
const DAY = 86_400_000;

async function backupFiles(folder: string): Promise<string[]> {
  return (await fs.readdir(folder)).filter((n) => n.endsWith('.ppidbackup')).sort();
}

describe('automatic backup', () => {
  it('goes to the chosen folder when the app closes, once a day, keeping the last N it wrote', async () => {
    const dir = await setUpDataDir();
    const clock = fakeClock('2026-03-02T09:00:00.000Z'); // 16.00 WIB: closing time
    const core = await open(dir, clock);
    const admin = await login(core, USERS.admin);
    const folder = await tempDir('ppid-flashdisk-');
    // Someone else's files on the same flash drive: never touched.
    await fs.writeFile(path.join(folder, 'catatan rapat.docx'), 'x');
    await fs.writeFile(path.join(folder, 'PPID-Desk-Cadangan-Diskominfotik-2026-03-01.ppidbackup'), 'laptop lain');

    expect(await must<BackupSettingsView>(core, 'backup.settings.set', { folder, keep: 3 }, admin)).toEqual({ folder, keep: 3 });
    expect(await core.autoBackup('tutup')).toEqual({ made: true, file: path.join(folder, 'PPID-Desk-Cadangan-Diskominfotik-2026-03-02.ppidbackup') });
    const first = await openBackup(await fs.readFile(path.join(folder, 'PPID-Desk-Cadangan-Diskominfotik-2026-03-02.ppidbackup')));
    expect(first.manifest.files.map((f) => f.path)).toEqual(expect.arrayContaining(['app.json', 'settings.json', 'device-key.pem']));

    let status = await must<BackupStatus>(core, 'backup.status', {}, admin);
    expect(status).toMatchObject({ freshness: 'baik', warn: false, auto: { folder, keep: 3, lastError: null } });
    expect(status.lastAuto).toMatchObject({ at: '2026-03-02T09:00:00.000Z', kind: 'otomatis', fileName: 'PPID-Desk-Cadangan-Diskominfotik-2026-03-02.ppidbackup' });
    expect(status.last).toEqual(status.lastAuto);

    // Closing again the same day, or starting within a day: nothing new.
    clock.advance(2 * 3_600_000);
    expect(await core.autoBackup('tutup')).toMatchObject({ made: false, why: 'belum-waktunya' });
    expect(await core.autoBackup('mulai')).toMatchObject({ made: false, why: 'belum-waktunya' });

    // Five more working days, closed each afternoon: the three newest of its own are kept.
    for (let d = 1; d <= 5; d++) {
      clock.set(new Date(Date.parse('2026-03-02T09:00:00.000Z') + d * DAY));
      expect((await core.autoBackup('tutup')).made, `day ${d}`).toBe(true);
    }
    expect(await backupFiles(folder)).toEqual([
      'PPID-Desk-Cadangan-Diskominfotik-2026-03-01.ppidbackup',
      'PPID-Desk-Cadangan-Diskominfotik-2026-03-05.ppidbackup',
      'PPID-Desk-Cadangan-Diskominfotik-2026-03-06.ppidbackup',
      'PPID-Desk-Cadangan-Diskominfotik-2026-03-07.ppidbackup',
    ]);
    expect(await fs.readFile(path.join(folder, 'PPID-Desk-Cadangan-Diskominfotik-2026-03-01.ppidbackup'), 'utf8')).toBe('laptop lain');
    expect(await fs.readFile(path.join(folder, 'catatan rapat.docx'), 'utf8')).toBe('x');
    status = await must<BackupStatus>(core, 'backup.status', {}, await login(core, USERS.admin));
    expect(status.lastAuto?.at).toBe('2026-03-07T09:00:00.000Z');
  });

  it('on start makes one when the last is more than a day old (a laptop switched off at the wall never closed the app)', async () => {
    const dir = await setUpDataDir();
    const clock = fakeClock('2026-03-02T01:00:00.000Z');
    const core = await open(dir, clock);
    const admin = await login(core, USERS.admin);
    const folder = await tempDir('ppid-flashdisk-');
    await must(core, 'backup.settings.set', { folder, keep: 7 }, admin);
    expect((await core.autoBackup('mulai')).made).toBe(true);
    clock.advance(20 * 3_600_000);
    expect((await core.autoBackup('mulai')).made).toBe(false);
    clock.advance(5 * 3_600_000);
    expect((await core.autoBackup('mulai')).made).toBe(true);
    expect(await backupFiles(folder)).toEqual(['PPID-Desk-Cadangan-Diskominfotik-2026-03-02.ppidbackup', 'PPID-Desk-Cadangan-Diskominfotik-2026-03-03.ppidbackup']);
  });

  it('when the flash drive is not there, says so in Pengaturan and lets the app close', async () => {
    const dir = await setUpDataDir();
    const clock = fakeClock();
    const core = await open(dir, clock);
    const admin = await login(core, USERS.admin);
    const folder = await tempDir('ppid-flashdisk-');
    await must(core, 'backup.settings.set', { folder, keep: 7 }, admin);
    await fs.rm(folder, { recursive: true });
    expect(await core.autoBackup('tutup')).toMatchObject({ made: false, why: 'gagal' });
    const status = await must<BackupStatus>(core, 'backup.status', {}, admin);
    expect(status.auto.lastError?.message).toMatch(/Folder cadangan otomatis tidak ditemukan.*Pasang flashdisk/);
    expect(status.last).toBeNull();
  });

  it('without a folder chosen, makes nothing', async () => {
    const core = await open(await setUpDataDir(), fakeClock());
    expect(await core.autoBackup('tutup')).toEqual({ made: false, why: 'tidak-diatur' });
  });

  it('refuses a folder inside the data folder, one that does not exist, or a relative path, and keeps the setting', async () => {
    const dir = await setUpDataDir();
    const core = await open(dir, fakeClock());
    const admin = await login(core, USERS.admin);
    await fs.mkdir(path.join(dir, 'cadangan'));
    const cases: [string, RegExp][] = [
      [path.join(dir, 'cadangan'), /tidak boleh berada di dalam folder data/],
      [dir, /tidak boleh berada di dalam folder data/],
      [path.join(dir, 'tidak-ada', 'x'), /tidak ditemukan/],
      ['cadangan', /alamat folder lengkap/],
    ];
    for (const [folder, message] of cases) {
      const r = failure(await call(core, 'backup.settings.set', { folder, keep: 7 }, admin));
      expect(r.code, folder).toBe('INVALID_INPUT');
      expect(r.issues?.[0]).toMatchObject({ path: 'folder' });
      expect(r.message, folder).toMatch(message);
    }
    expect(failure(await call(core, 'backup.settings.set', { folder: null, keep: 0 }, admin)).code).toBe('INVALID_INPUT');
    expect(await must(core, 'backup.settings.get', {}, admin)).toEqual({ folder: null, keep: 7 });
    // Only administrators.
    const operator = await login(core, USERS.operator);
    expect(failure(await call(core, 'backup.status', {}, operator)).code).toBe('FORBIDDEN');
  });
});

describe('how old the last backup is', () => {
  it('warns past a week; a new installation without one is warned only once it is a week old', async () => {
    const dir = await setUpDataDir(); // set up on 1 March
    const clock = fakeClock('2026-03-03T08:00:00.000Z');
    const core = await open(dir, clock);
    let admin = await login(core, USERS.admin);
    expect(await must<BackupStatus>(core, 'backup.status', {}, admin)).toMatchObject({ last: null, freshness: 'belum', warn: false });
    clock.set('2026-03-09T08:00:00.000Z');
    admin = await login(core, USERS.admin);
    expect(await must<BackupStatus>(core, 'backup.status', {}, admin)).toMatchObject({ freshness: 'belum', warn: true });

    await must(core, 'backup.create', {}, admin);
    let status = await must<BackupStatus>(core, 'backup.status', {}, admin);
    expect(status).toMatchObject({ freshness: 'baik', warn: false, last: { at: '2026-03-09T08:00:00.000Z', kind: 'manual', savedTo: null } });

    clock.set('2026-03-16T07:59:00.000Z');
    admin = await login(core, USERS.admin);
    expect(await must<BackupStatus>(core, 'backup.status', {}, admin)).toMatchObject({ freshness: 'baik', warn: false });
    clock.set('2026-03-16T08:01:00.000Z');
    status = await must<BackupStatus>(core, 'backup.status', {}, admin);
    expect(status).toMatchObject({ freshness: 'lama', warn: true });
  });
});
