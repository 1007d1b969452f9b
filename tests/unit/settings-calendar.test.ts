import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/app-core';
import type { AppStatus, AuditView, SettingsView } from '../../electron/core/contract';
import type { CycleView } from '../../electron/core/domain/cycle-views';
import { DEFAULT_CALENDAR } from '../../electron/core/domain/calendar';
import { SETTINGS_VERSION } from '../../electron/core/settings';
import { call, failure, fakeClock, login, must, openCore, removeTempDirs, setUpDataDir, snapshotDir, tempDir, USERS } from '../fixtures/harness';

const opened: Core[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((c) => c.close()));
});
afterAll(removeTempDirs);

const V1_PASSWORD = 'sandi-lama-2025';

describe('settings.json v1 → v3: the office calendar, then the office id', () => {
  it('backs up, then gives an old office WIB and Monday–Friday 07.30–16.00, and keeps everything else', async () => {
    expect(SETTINGS_VERSION).toBe(3);
    const dir = await tempDir();
    await fs.copyFile(path.resolve('tests/fixtures/app-v1.json'), path.join(dir, 'app.json'));
    await fs.copyFile(path.resolve('tests/fixtures/settings-v1.json'), path.join(dir, 'settings.json'));
    const original = await fs.readFile(path.join(dir, 'settings.json'));
    const core = await openCore(dir, fakeClock('2026-12-03T23:30:00.000Z'));
    opened.push(core);

    const migrated = JSON.parse(await fs.readFile(path.join(dir, 'settings.json'), 'utf8'));
    expect(migrated.schemaVersion).toBe(3);
    // Packages from other laptops are recognised as this office's by it.
    expect(migrated.settings.officeId).toMatch(/^[0-9a-f-]{36}$/);
    expect(migrated.settings.calendar).toEqual({
      timeZone: 'Asia/Jakarta',
      officeStart: '07.30',
      officeEnd: '16.00',
      workingDays: [1, 2, 3, 4, 5],
      extraHolidays: [],
      removedHolidays: [],
    });
    expect(migrated.settings.office).toEqual(JSON.parse(original.toString('utf8')).settings.office);
    const backups = await fs.readdir(path.join(dir, 'backups', 'settings'));
    expect(backups.filter((n) => n.endsWith('__migrasi.json'))).toHaveLength(1);

    // The status hands the screens the core's clock and the calendar.
    const status = await must<AppStatus>(core, 'app.status');
    expect(status).toMatchObject({ state: 'ready', now: '2026-12-03T23:30:00.000Z', calendar: DEFAULT_CALENDAR });
    const admin = await login(core, USERS.admin, V1_PASSWORD);
    expect((await must<SettingsView>(core, 'settings.get', {}, admin)).calendar).toEqual(DEFAULT_CALENDAR);
  });
});

describe('settings.update: calendar', () => {
  it('refuses a bad calendar with Indonesian messages and writes nothing', async () => {
    const dir = await setUpDataDir();
    const core = await openCore(dir);
    opened.push(core);
    const admin = await login(core, USERS.admin);
    const before = await snapshotDir(dir);
    const bad = failure(
      await call(core, 'settings.update', { calendar: { ...DEFAULT_CALENDAR, officeEnd: '07.00', extraHolidays: [{ date: '2026-13-01', name: 'Hari Jadi' }] } }, admin),
    );
    expect(bad.code).toBe('INVALID_INPUT');
    expect(bad.issues?.map((i) => `${i.path}: ${i.message}`)).toEqual(
      expect.arrayContaining([
        'calendar.officeEnd: Jam selesai kerja (07.00) harus sesudah jam mulai (07.30).',
        'calendar.extraHolidays.0.date: Tanggal tidak valid (pilih tanggal pada kalender).',
      ]),
    );
    expect(await snapshotDir(dir)).toEqual(before);
  });

  it('is for administrators only', async () => {
    const dir = await setUpDataDir();
    const core = await openCore(dir);
    opened.push(core);
    const operator = await login(core, USERS.operator);
    const r = failure(await call(core, 'settings.update', { calendar: { ...DEFAULT_CALENDAR, timeZone: 'Asia/Jayapura' } }, operator));
    expect(r.code).toBe('FORBIDDEN');
  });

  it('a WITA office gets WITA lateness and its Nota Dinas year from its own day', async () => {
    const dir = await setUpDataDir();
    // Thursday 31 December 2026, 07.50 UTC = 15.50 WITA (14.50 WIB).
    const clock = fakeClock('2026-12-31T07:50:00.000Z');
    const core = await openCore(dir, clock);
    opened.push(core);
    const admin = await login(core, USERS.admin);
    const saved = await must<SettingsView>(core, 'settings.update', { calendar: { ...DEFAULT_CALENDAR, timeZone: 'Asia/Makassar', officeStart: '07:30' } }, admin);
    expect(saved.calendar).toMatchObject({ timeZone: 'Asia/Makassar', officeStart: '07.30' });
    expect((await must<AppStatus>(core, 'app.status')).calendar.timeZone).toBe('Asia/Makassar');
    const [entry] = await must<AuditView[]>(core, 'audit.listApp', { limit: 1 }, admin);
    expect(entry).toMatchObject({ action: 'pengaturan.ubah', changes: [{ field: 'calendar.timeZone', from: 'Asia/Jakarta', to: 'Asia/Makassar' }] });

    const operator = await login(core, USERS.operator);
    const { id } = await must<{ id: string }>(core, 'cycles.create', { title: 'DIP 2027', year: 2027 }, operator);
    await must(core, 'cycles.addItems', { cycleId: id, items: [{ bidang: saved.office.bidang[0], judul: 'Profil Dinas' }] }, operator);
    await must(core, 'cycles.act', { cycleId: id, action: 'report' }, operator);

    // 16.30 UTC = 00.30 WITA on New Year's Day (23.30 WIB on 31 December). In WITA the Nota
    // Dinas step has had 10 office minutes (15.50–16.00); counted in WIB it would be 70, late.
    clock.advance(8 * 60 * 60_000 + 40 * 60_000);
    const ppid = await login(core, USERS.admin); // the earlier session has idled out
    const view = await must<CycleView>(core, 'cycles.get', { cycleId: id }, ppid);
    expect(view.timing).toMatchObject({ step: 'nota_dinas', standardMinutes: 15, spentMinutes: 10, late: false });
    // 1 January is Tahun Baru, 2–3 January the weekend: due Monday 4 January 07.35 WITA.
    expect(view.timing.dueAt).toBe('2027-01-03T23:35:00.000Z');

    const issued = await must<CycleView>(core, 'cycles.act', { cycleId: id, action: 'issueNotaDinas' }, ppid);
    expect(issued.notaDinas.number).toMatch(/^500\.12\.2\/001\/[^/]+\/2027$/);
  });
});
