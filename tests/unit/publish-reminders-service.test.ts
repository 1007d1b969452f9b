import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import type { Core } from '../../electron/core/app-core';
import type { CycleView } from '../../electron/core/domain/cycle-views';
import type { RemindersView } from '../../electron/core/domain/reminders';
import type { PublishedDocument } from '../../electron/core/documents/shared/publication';
import { call, codeOf, coreOpener, failure, fakeClock, login, must, PASSWORD, setUpDataDir, snapshotDir, USERS, type FakeClock } from '../fixtures/harness';
import { completeItem, signAsKepala } from './workflow-fixtures';

const open = coreOpener();
const DAY = 86_400_000;

/** An office on Monday 2 March 2026, 15.00 WIB, with a cycle taken through the SOP up to the Kepala's signature (or not). */
async function office(sign: boolean, clock: FakeClock = fakeClock('2026-03-02T08:00:00.000Z')) {
  const dir = await setUpDataDir();
  const core = await open(dir, clock);
  const s = { operator: await login(core, USERS.operator), ppid: await login(core, USERS.admin), kepala: await login(core, USERS.kepala) };
  const as = <T = CycleView>(who: keyof typeof s, name: string, input: unknown = {}) => must<T>(core, name, input, s[who]);
  const { id } = await as<{ id: string }>('operator', 'cycles.create', { title: 'DIP 2026', year: 2026 });
  await as('operator', 'cycles.addItems', {
    cycleId: id,
    items: [
      completeItem('Laporan keuangan bulanan', 'Sekretariat', 'berkala', { berkalaBulan: 1 }),
      completeItem('Renstra 2025–2029', 'Sekretariat', 'setiap_saat'),
      completeItem('Data riwayat kesehatan pegawai', 'Sekretariat', 'dikecualikan'),
    ],
  });
  await as('operator', 'cycles.act', { cycleId: id, action: 'report' });
  await as('ppid', 'cycles.act', { cycleId: id, action: 'issueNotaDinas' });
  const v = await as('operator', 'cycles.act', { cycleId: id, action: 'submitKonsep' });
  for (const i of v.items) await as('ppid', 'cycles.markReview', { cycleId: id, itemId: i.id, verdict: 'sesuai' });
  await as('ppid', 'cycles.act', { cycleId: id, action: 'approve' });
  if (sign) await signAsKepala((who, name, input) => as(who as keyof typeof s, name, input), id, PASSWORD);
  return { core, dir, s, id, clock };
}

const reminders = (core: Core, session: string, input: unknown = {}) => must<RemindersView>(core, 'reminders.list', input, session);
/** Sessions end after 8 idle hours: after moving the clock by days, people log in again. */
const again = async (core: Core) => ({ operator: await login(core, USERS.operator), ppid: await login(core, USERS.admin), kepala: await login(core, USERS.kepala) });

describe('documents.publish', () => {
  it('refuses a list the Kepala has not signed, says why, and writes nothing', async () => {
    const { core, dir, s, id } = await office(false);
    const before = await snapshotDir(dir);
    for (const [list, abbr] of [
      ['dip', 'DIP'],
      ['dik', 'DIK'],
    ] as const) {
      for (const format of ['xlsx', 'csv', 'html']) {
        const r = await call(core, 'documents.publish', { cycleId: id, list, format }, s.kepala);
        expect(codeOf(r)).toBe('CONFLICT');
        expect(failure(r).message).toBe(`${abbr} belum ditandatangani Kepala OPD; yang dapat dipublikasikan hanya daftar yang sudah ditandatangani.`);
      }
    }
    expect(await snapshotDir(dir)).toEqual(before);
  });

  it('gives the signed list as a workbook named by its fingerprint, to any role', async () => {
    const { core, s, id } = await office(true);
    const printed = await must<{ dip: { short: string }; dik: { short: string } }>(core, 'documents.fingerprints', { cycleId: id }, s.operator);
    const out = await must<PublishedDocument>(core, 'documents.publish', { cycleId: id, list: 'dip', format: 'xlsx' }, s.operator);
    expect(out.fileName).toBe(`DIP-2026-v1-sidik-${printed.dip.short}.xlsx`);
    expect(out.fingerprint).toBe(printed.dip.short);
    expect(out.savedTo).toBeNull();
    expect(out.rows).toBe(2);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(out.base64!, 'base64') as unknown as ArrayBuffer);
    expect(String(wb.getWorksheet('DIP')!.getCell('A3').value)).toBe(`Ditandatangani Drs. Agustinus Rangkap, M.Si. (Kepala OPD) pada 2 Maret 2026; sidik ${printed.dip.short}`);

    const dik = await must<PublishedDocument>(core, 'documents.publish', { cycleId: id, list: 'dik', format: 'csv' }, s.ppid);
    expect(dik.fileName).toBe(`DIK-2026-v1-sidik-${printed.dik.short}.csv`);
    expect(Buffer.from(dik.base64!, 'base64').toString('utf8')).toContain('Data riwayat kesehatan pegawai');
  });

  it('asks for the desktop to save through a dialog, and says so in the browser', async () => {
    const { core, s, id } = await office(true);
    const r = await call(core, 'documents.publish', { cycleId: id, list: 'dip', format: 'html', save: true }, s.operator);
    expect(codeOf(r)).toBe('CONFLICT');
    expect(failure(r).message).toContain('hanya tersedia di aplikasi desktop');
  });

  it('refuses an unknown list or format in Indonesian', async () => {
    const { core, s, id } = await office(true);
    const r = await call(core, 'documents.publish', { cycleId: id, list: 'nota', format: 'pdf' }, s.operator);
    expect(codeOf(r)).toBe('INVALID_INPUT');
    expect(failure(r).message).toMatch(/Daftar tidak dikenal|Format tidak dikenal/);
  });
});

describe('reminders.list', () => {
  it('shows a berkala renewal to the operator once the clock nears it, and overdue after', async () => {
    const { core, s, clock } = await office(true);
    // Signed Monday 2 March 2026: the monthly report is due 2 April.
    expect((await reminders(core, s.operator)).reminders.filter((r) => r.kind === 'berkala')).toEqual([]);
    clock.advance(2 * DAY); // Wednesday 4 March: 29 days ahead
    Object.assign(s, await again(core));
    const soon = (await reminders(core, s.operator)).reminders.filter((r) => r.kind === 'berkala');
    expect(soon.map((r) => [r.title, r.due, r.status, r.daysLeft, r.role])).toEqual([
      ['Perbarui informasi berkala: Laporan keuangan bulanan', '2026-04-02', 'segera', 29, 'operator'],
    ]);
    clock.set('2026-04-03T02:00:00.000Z');
    Object.assign(s, await again(core));
    expect((await reminders(core, s.operator)).reminders.filter((r) => r.kind === 'berkala').map((r) => [r.status, r.daysLeft])).toEqual([['terlambat', -1]]);
  });

  it('gives each role its own, and everyone\'s only to an administrator', async () => {
    const { core, s, clock, id } = await office(true);
    clock.set('2026-04-03T02:00:00.000Z');
    Object.assign(s, await again(core));
    // A new cycle, and its step 1 left three working days.
    const { id: next } = await must<{ id: string }>(core, 'cycles.create', { title: 'DIP 2027', year: 2027, carryFrom: id }, s.operator);
    clock.set('2026-04-08T02:00:00.000Z');
    Object.assign(s, await again(core));
    const op = await reminders(core, s.operator);
    expect(op.scope).toBe('peran');
    expect(op.reminders.map((r) => r.kind).sort()).toEqual(['berkala', 'langkah']);
    expect(op.reminders.every((r) => r.role === 'operator')).toBe(true);
    expect(op.reminders.find((r) => r.kind === 'langkah')!.cycleId).toBe(next);
    // The berkala item is worked on in the new cycle, which carries it.
    expect(op.reminders.find((r) => r.kind === 'berkala')!.link).toMatchObject({ route: 'siklus', cycleId: next, tab: 'informasi' });
    expect((await reminders(core, s.kepala)).reminders).toEqual([]);

    const all = await reminders(core, s.ppid, { all: true });
    expect(all.scope).toBe('semua');
    expect(all.reminders.map((r) => `${r.role} ${r.kind}`).sort()).toEqual(['operator berkala', 'operator langkah']);
    const refused = await call(core, 'reminders.list', { all: true }, s.operator);
    expect(codeOf(refused)).toBe('FORBIDDEN');
  });
});
