import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/app-core';
import type { AuditView } from '../../electron/core/contract';
import type { IntakeApplied, IntakeCheck, RegisterEntry, RegisterView } from '../../electron/core/domain/regency/model';
import type { DeviceSelfView } from '../../electron/core/domain/sync/trust';
import { call, failure, type FakeClock, login, must, openCore, removeTempDirs, setupInput, tempDir, fakeClock } from '../fixtures/harness';
import { opdItems, opdOffice, type Office, receiveAtUtama, REGENCY_START, runCycle, sendUp, utamaOffice } from '../fixtures/regency-offices';
import { hashes } from './sync-fixtures';

/**
 * The PPID Utama's trust in an OPD's sender key, after it was given: revoked when the laptop is
 * lost or handed on (its later packages refused, what came from it kept), and a reinstalled or
 * replacement laptop of an OPD already in the register, whose packages belong to that OPD's
 * entry and wait for its new key to be trusted there — never a second entry for the same OPD.
 */

const opened: Core[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((c) => c.close()));
});
afterAll(removeTempDirs);

async function open(dir: string, clock?: FakeClock): Promise<Core> {
  const core = await openCore(dir, clock);
  opened.push(core);
  return core;
}

const entries = (u: Office) => must<RegisterEntry[]>(u.core, 'utama.entries', {}, u.s.operator);
const self = (o: Office) => must<DeviceSelfView>(o.core, 'devices.self', {}, o.s.ppid);

/** Dinas Pendidikan at step 3, its package received at the PPID Utama and its sender key trusted there. */
async function trustedDisdik() {
  const opd = await opdOffice({ name: 'Dinas Pendidikan', unitCode: 'Disdik' }, open);
  const cycleId = await runCycle(opd, { year: 2026, items: opdItems('Disdik', 3), upTo: 'langkah3' });
  const u = await utamaOffice(open);
  const { applied } = await receiveAtUtama(u, await sendUp(opd, [cycleId]));
  expect(applied.result).toBe('menunggu_kepercayaan');
  const trusted = await must<IntakeApplied[]>(u.core, 'utama.trustSender', { checkId: applied.checkId }, u.s.utama);
  expect(trusted).toEqual([expect.objectContaining({ result: 'diterapkan', opdName: 'Dinas Pendidikan' })]);
  const [entry] = await entries(u);
  return { opd, cycleId, u, entry: entry!, laptop: await self(opd) };
}

describe('revoking the trust in an OPD’s sender key', () => {
  it('refuses the packages that key signs afterwards, keeps what it sent before, and says so in the history', async () => {
    const { opd, cycleId, u, entry, laptop } = await trustedDisdik();
    // The register shows the key with the code the OPD's Pengaturan › Perangkat shows for that laptop.
    expect(entry.keys).toEqual([expect.objectContaining({ installationId: laptop.installationId, name: laptop.name, fingerprint: laptop.fingerprint, trustedBy: 'utama', revokedAt: null })]);
    const before = await must<RegisterView>(u.core, 'utama.register', { year: 2026 }, u.s.operator);
    // Lateness of an open step is counted to now; everything else must stand still.
    const rowOf = (v: RegisterView) => {
      const { lateness: _l, ...rest } = v.rows.find((r) => r.entryId === entry.entryId)!;
      return rest;
    };
    const row = rowOf(before);
    expect(row.cycle).toMatchObject({ id: cycleId, step: 'pengumpulan' });

    u.clock.advance(60 * 60_000);
    const revoked = await must<RegisterEntry>(u.core, 'utama.revokeKey', { entryId: entry.entryId, installationId: laptop.installationId }, u.s.utama);
    expect(revoked.keys).toEqual([expect.objectContaining({ installationId: laptop.installationId, trustedBy: 'utama', revokedAt: u.clock.now().toISOString() })]);
    const audit = await must<AuditView[]>(u.core, 'audit.listApp', { limit: 20 }, u.s.utama);
    const cabut = audit.filter((a) => a.action === 'utama.cabut');
    expect(cabut).toHaveLength(1);
    expect(cabut[0]!.summary).toContain(laptop.fingerprint);
    expect(cabut[0]!.summary).toContain('Dinas Pendidikan');
    expect(cabut[0]!.actor?.username).toBe('utama');

    // The OPD goes on and sends again from the same laptop: refused whole, nothing written.
    opd.clock.advance(30 * 60_000);
    await must(opd.core, 'cycles.act', { cycleId, action: 'submitKonsep' }, opd.s.operator);
    const later = await sendUp(opd, [cycleId]);
    const disk = await hashes(u.dir);
    const check = await must<IntakeCheck>(u.core, 'utama.check', { base64: later.base64, fileName: later.fileName }, u.s.operator);
    expect(check.status).toBe('ditolak');
    expect(check.message).toBe(`Kepercayaan pada kunci "${laptop.name}" dari Dinas Pendidikan sudah dicabut: paketnya tidak diterima. Tidak ada yang diubah.`);
    expect(await hashes(u.dir)).toEqual(disk);

    // What came before stays: the cycle where its acts put it, the key listed as revoked.
    const after = await must<RegisterView>(u.core, 'utama.register', { year: 2026 }, u.s.operator);
    expect(rowOf(after)).toEqual(row);
    const [kept] = await entries(u);
    expect(kept!.keys).toHaveLength(1);
    expect(kept!.keys[0]!.revokedAt).not.toBeNull();

    // And it holds after the app restarts.
    await u.core.close();
    opened.splice(opened.indexOf(u.core), 1);
    const again = await open(u.dir, u.clock);
    const s = await login(again, 'operator');
    const reopened = await must<RegisterEntry[]>(again, 'utama.entries', {}, s);
    expect(reopened[0]!.keys[0]!.revokedAt).toBe(kept!.keys[0]!.revokedAt);
    const recheck = await must<IntakeCheck>(again, 'utama.check', { base64: later.base64, fileName: later.fileName }, s);
    expect(recheck.status).toBe('ditolak');
  });

  it('is for a PPID Utama only, names an unknown OPD or laptop clearly, and writes nothing when refused', async () => {
    const { u, entry, laptop } = await trustedDisdik();
    const disk = await hashes(u.dir);
    const refused = async (input: unknown, who: string) => failure(await call(u.core, 'utama.revokeKey', input, u.s[who]));

    expect((await refused({ entryId: entry.entryId, installationId: laptop.installationId }, 'operator')).code).toBe('FORBIDDEN');
    const noOpd = await refused({ entryId: 'tidak-ada-opd-ini', installationId: laptop.installationId }, 'utama');
    expect(noOpd).toMatchObject({ code: 'NOT_FOUND', message: 'OPD tidak ditemukan dalam register. Muat ulang daftarnya. Tidak ada yang diubah.' });
    const noKey = await refused({ entryId: entry.entryId, installationId: 'laptop-lain-123' }, 'utama');
    expect(noKey).toMatchObject({ code: 'NOT_FOUND', message: 'Laptop itu tidak ada di antara laptop pengirim yang dipercaya untuk Dinas Pendidikan. Muat ulang halamannya. Tidak ada yang diubah.' });
    expect((await refused({ entryId: entry.entryId, installationId: '../../x' }, 'utama')).code).toBe('INVALID_INPUT');
    expect(await hashes(u.dir)).toEqual(disk);
    expect((await entries(u))[0]!.keys[0]!.revokedAt).toBeNull();

    // Revoked once; a second time says so and changes nothing.
    await must(u.core, 'utama.revokeKey', { entryId: entry.entryId, installationId: laptop.installationId }, u.s.utama);
    const revokedDisk = await hashes(u.dir);
    const twice = await refused({ entryId: entry.entryId, installationId: laptop.installationId }, 'utama');
    expect(twice).toMatchObject({ code: 'CONFLICT', message: `Kepercayaan pada kunci "${laptop.name}" dari Dinas Pendidikan sudah dicabut sebelumnya. Tidak ada yang diubah.` });
    expect(await hashes(u.dir)).toEqual(revokedDisk);
  });
});

describe('a new laptop of an OPD already in the register', () => {
  /** Items for the new laptop's own cycle (the old laptop's cycle stayed on the old disk). */
  const newCycle = async (o: Office) => runCycle(o, { year: 2026, title: 'Daftar Informasi Publik Tahun 2026 (laptop baru)', items: opdItems('Disdik baru', 2), upTo: 'langkah3' });

  async function receivedFromNewLaptop(u: Office, entry: RegisterEntry, fresh: Office) {
    const before = await entries(u);
    const pkg = await sendUp(fresh, [await newCycle(fresh)]);
    const { check, applied } = await receiveAtUtama(u, pkg);
    // Matched to the OPD's entry; its new key waits for a PPID Utama to trust it there.
    expect(check.opd).toMatchObject({ entryId: entry.entryId, name: 'Dinas Pendidikan' });
    expect(applied.result).toBe('menunggu_kepercayaan');
    expect(applied.message).toContain(`belum dipercaya untuk Dinas Pendidikan`);
    expect(await entries(u)).toEqual(before);
    const [trusted] = await must<IntakeApplied[]>(u.core, 'utama.trustSender', { checkId: applied.checkId }, u.s.utama);
    expect(trusted).toMatchObject({ result: 'diterapkan', opdName: 'Dinas Pendidikan' });
    const after = await entries(u);
    expect(after.map((e) => e.entryId)).toEqual([entry.entryId]);
    const newLaptop = await self(fresh);
    expect(after[0]!.keys.map((k) => k.installationId)).toEqual([...entry.keys.map((k) => k.installationId), newLaptop.installationId]);
    expect(after[0]!.officeId).toBe(entry.officeId);
  }

  it('joined to its office with the office package: its package goes to that OPD’s entry, its key waiting for trust', async () => {
    const { opd, u, entry } = await trustedDisdik();
    const officePkg = await must<{ base64: string; fileName: string }>(opd.core, 'office.exportPackage', {}, opd.s.ppid);
    const dir = await tempDir('ppid-opd-baru-');
    const clock = fakeClock(REGENCY_START);
    const core = await open(dir, clock);
    await must(core, 'setup.join', { base64: officePkg.base64, fileName: officePkg.fileName, accounts: setupInput().accounts });
    const fresh: Office = { name: opd.name, dir, core, clock, s: { operator: await login(core, 'operator'), ppid: await login(core, 'ppid'), kepala: await login(core, 'kepala') } };
    await receivedFromNewLaptop(u, entry, fresh);
  });

  it('set up again from scratch (a new office id, the same name and unit code): its package goes to that OPD’s entry, not a second one', async () => {
    const { u, entry } = await trustedDisdik();
    const fresh = await opdOffice({ name: 'Dinas Pendidikan', unitCode: 'DISDIK' }, open);
    await receivedFromNewLaptop(u, entry, fresh);
  });
});
