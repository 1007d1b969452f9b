import { createPrivateKey } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Core } from '../../electron/core/app-core';
import type { IntakeApplied, IntakeCheck, RegisterEntry, WaitingPackage } from '../../electron/core/domain/regency/model';
import type { DeviceSelfView } from '../../electron/core/domain/sync/trust';
import type { AuditView } from '../../electron/core/contract';
import { ed25519Signer, type PackageSigner } from '../../electron/core/sync/package-keys';
import { readPackage } from '../../electron/core/sync/package-file';
import { openBackup } from '../../electron/core/backup/backup-file';
import { call, failure, type FakeClock, login, must, openCore, removeTempDirs } from '../fixtures/harness';
import { opdItems, opdOffice, type Office, receiveAtUtama, runCycle, sendUp, utamaOffice } from '../fixtures/regency-offices';
import { otherSigner } from '../fixtures/bad-packages';
import { desks, hashes, receive as receiveOnDesk, resign, send as sendFromDesk, storesOf, text } from './sync-fixtures';

/**
 * The PPID Utama receives the packages of five OPD, each a data folder of its own that ran its
 * cycle through the contract (tests/fixtures/regency-offices.ts):
 *
 * | OPD                                      | unit code | items | where it stands                      |
 * |------------------------------------------|-----------|-------|--------------------------------------|
 * | Dinas Pendidikan                         | Disdik    | 4     | signed (typed into the register first) |
 * | Dinas Kesehatan                          | Dinkes    | 5     | signed, its step 4 four days late     |
 * | Dinas Pekerjaan Umum dan Penataan Ruang  | DPUPR     | 3     | step 3; later a second package at step 4 |
 * | Kecamatan Putussibau Utara               | Kec-PSU   | 2     | step 4, three days late              |
 * | Dinas Sosial                             | Dinsos    | 4     | signed                               |
 * | Badan Keuangan dan Aset Daerah           | BKAD      | —     | typed into the register, sends nothing |
 */

interface Opd {
  office: Office;
  unitCode: string;
  cycleId: string;
  /** Its package to the PPID Utama (for PPID Utama: `pkg2` is a later one). */
  pkg: { fileName: string; base64: string; bytes: Buffer };
  self: DeviceSelfView;
  step: string;
  items: number;
  /** Its cycle log as it stood when the package was made. */
  log: Buffer;
}

let opds: Record<'disdik' | 'dinkes' | 'pupr' | 'kecamatan' | 'dinsos', Opd>;
let puprLater: { fileName: string; base64: string; bytes: Buffer; log: Buffer };
const longLived: Core[] = [];
const perTest: Core[] = [];

async function open(dir: string, clock?: FakeClock): Promise<Core> {
  const core = await openCore(dir, clock);
  perTest.push(core);
  return core;
}

async function makeOpd(name: string, unitCode: string, items: number, upTo: 'langkah3' | 'langkah4' | 'ditandatangani', lateDays = 0, step: string): Promise<Opd> {
  const office = await opdOffice({ name, unitCode });
  longLived.push(office.core);
  const cycleId = await runCycle(office, { year: 2026, items: opdItems(unitCode, items), upTo, lateDays });
  const pkg = await sendUp(office, [cycleId]);
  const self = await must<DeviceSelfView>(office.core, 'devices.self', {}, office.s.ppid);
  return { office, unitCode, cycleId, pkg, self, step, items, log: await logAtOpd(office, cycleId) };
}

beforeAll(async () => {
  opds = {
    disdik: await makeOpd('Dinas Pendidikan', 'Disdik', 4, 'ditandatangani', 0, 'arsip'),
    dinkes: await makeOpd('Dinas Kesehatan', 'Dinkes', 5, 'ditandatangani', 4, 'arsip'),
    pupr: await makeOpd('Dinas Pekerjaan Umum dan Penataan Ruang', 'DPUPR', 3, 'langkah3', 0, 'pengumpulan'),
    kecamatan: await makeOpd('Kecamatan Putussibau Utara', 'Kec-PSU', 2, 'langkah4', 3, 'pemeriksaan_ppid'),
    dinsos: await makeOpd('Dinas Sosial', 'Dinsos', 4, 'ditandatangani', 0, 'arsip'),
  };
  // Dinas PUPR goes on: its Konsep sent, a second package.
  const pupr = opds.pupr.office;
  pupr.clock.advance(30 * 60_000);
  await must(pupr.core, 'cycles.act', { cycleId: opds.pupr.cycleId, action: 'submitKonsep' }, pupr.s.operator);
  puprLater = { ...(await sendUp(pupr, [opds.pupr.cycleId])), log: await logAtOpd(pupr, opds.pupr.cycleId) };
}, 240_000);

afterEach(async () => {
  await Promise.all(perTest.splice(0).map((c) => c.close()));
});
afterAll(async () => {
  await Promise.all(longLived.splice(0).map((c) => c.close()));
  await removeTempDirs();
});

const utama = () => utamaOffice(open);

async function check(u: Office, pkg: { base64: string; fileName: string } | Uint8Array, user = 'operator') {
  const input = pkg instanceof Uint8Array ? { base64: Buffer.from(pkg).toString('base64'), fileName: 'paket.ppid' } : { base64: pkg.base64, fileName: pkg.fileName };
  return must<IntakeCheck>(u.core, 'utama.check', input, u.s[user]);
}

/** Receives as a PPID Utama who has compared the fingerprint: check, apply, and trust the sender if it waits. */
async function receiveTrusted(u: Office, pkg: { base64: string; fileName: string }): Promise<IntakeApplied> {
  const { applied } = await receiveAtUtama(u, pkg);
  if (applied.result !== 'menunggu_kepercayaan') return applied;
  const [first] = await must<IntakeApplied[]>(u.core, 'utama.trustSender', { checkId: applied.checkId }, u.s.utama);
  return first!;
}

const entries = (u: Office) => must<RegisterEntry[]>(u.core, 'utama.entries', {}, u.s.operator);
const entryOf = async (u: Office, name: string) => (await entries(u)).find((e) => e.name === name)!;
const logAtUtama = (u: Office, entryId: string, cycleId: string) => fs.readFile(path.join(u.dir, 'utama', 'opd', entryId, cycleId, 'events.jsonl'));
const logAtOpd = (o: Office, cycleId: string) => fs.readFile(path.join(o.dir, 'cycles', cycleId, 'events.jsonl'));
const actsIn = (log: Buffer) => text(log).trim().split('\n').length;

async function signerOf(o: Office): Promise<PackageSigner> {
  return ed25519Signer(createPrivateKey(await fs.readFile(path.join(o.dir, 'device-key.pem'), 'utf8')));
}

/** Check and apply of a refused file, with the data folder compared byte for byte (and by mtime) before and after. */
async function refusedAtUtama(u: Office, bytes: Uint8Array): Promise<string> {
  const before = await hashes(u.dir);
  const c = await check(u, bytes);
  expect(c.status).toBe('ditolak');
  if (c.checkId) expect(failure(await call(u.core, 'utama.apply', { checkId: c.checkId }, u.s.operator)).code).toBe('NOT_FOUND');
  expect(await hashes(u.dir)).toEqual(before);
  return c.message!;
}

describe('the PPID Utama receives the packages of five OPD', () => {
  it('keeps each waiting for its key, applies it once trusted into its own records, and receiving again changes nothing', async () => {
    const u = await utama();
    const disdikTyped = await must<RegisterEntry>(u.core, 'utama.saveEntry', { entryId: null, name: 'Dinas Pendidikan', unitCode: 'DISDIK' }, u.s.operator);
    const bkad = await must<RegisterEntry>(u.core, 'utama.saveEntry', { entryId: null, name: 'Badan Keuangan dan Aset Daerah', unitCode: 'BKAD' }, u.s.operator);

    const all = Object.values(opds);
    const checks: IntakeCheck[] = [];
    for (const o of all) checks.push(await check(u, o.pkg));
    // Nothing trusted yet: each says whose key waits, with the fingerprint the OPD's Pengaturan › Perangkat shows.
    expect(checks.map((c) => [c.opd?.name, c.status, c.sender?.fingerprint])).toEqual(all.map((o) => [o.office.name, 'menunggu_kepercayaan', o.self.fingerprint]));
    // The one typed in by hand is found by its unit code, whatever its case; the others would be added.
    expect(checks.map((c) => c.opd?.entryId ?? null)).toEqual([disdikTyped.entryId, null, null, null, null]);
    expect(checks[0]!.cycles).toEqual([expect.objectContaining({ id: opds.disdik.cycleId, year: 2026, step: 'arsip', newActs: actsIn(opds.disdik.log) })]);

    for (const c of checks) expect((await must<IntakeApplied>(u.core, 'utama.apply', { checkId: c.checkId }, u.s.operator)).result).toBe('menunggu_kepercayaan');
    const waiting = await must<WaitingPackage[]>(u.core, 'utama.waiting', {}, u.s.operator);
    expect(waiting.map((w) => w.opd.name)).toEqual(all.map((o) => o.office.name));
    // Only a PPID Utama trusts a key.
    expect(failure(await call(u.core, 'utama.trustSender', { checkId: waiting[0]!.checkId }, u.s.operator)).code).toBe('FORBIDDEN');

    for (const [n, w] of waiting.entries()) {
      const applied = await must<IntakeApplied[]>(u.core, 'utama.trustSender', { checkId: w.checkId }, u.s.utama);
      expect(applied).toEqual([expect.objectContaining({ result: 'diterapkan', opdName: all[n]!.office.name, newActs: actsIn(all[n]!.log) })]);
    }
    expect(await must<WaitingPackage[]>(u.core, 'utama.waiting', {}, u.s.operator)).toEqual([]);
    expect(await fs.readdir(path.join(u.dir, 'utama', 'menunggu'))).toEqual([]);

    // The register: the typed entry linked to its OPD (and its empty contact filled from the package), BKAD still without a package, four added.
    const reg = await entries(u);
    expect(reg.map((e) => [e.name, e.unitCode, e.source])).toEqual([
      ['Dinas Pendidikan', 'DISDIK', 'manual'],
      ['Badan Keuangan dan Aset Daerah', 'BKAD', 'manual'],
      ['Dinas Kesehatan', 'Dinkes', 'paket'],
      ['Dinas Pekerjaan Umum dan Penataan Ruang', 'DPUPR', 'paket'],
      ['Kecamatan Putussibau Utara', 'Kec-PSU', 'paket'],
      ['Dinas Sosial', 'Dinsos', 'paket'],
    ]);
    const disdik = reg[0]!;
    expect(disdik.entryId).toBe(disdikTyped.entryId);
    expect(disdik.officeId).not.toBeNull();
    expect(disdik.contact).toEqual({ name: 'Yuliana Sari, S.Sos., M.AP.', phone: '(0567) 21012', email: 'ppid.disdik@kapuashulukab.go.id' });
    expect(disdik.keys.map((k) => [k.installationId, k.trustedBy])).toEqual([[opds.disdik.self.installationId, 'utama']]);
    expect(Object.keys(disdik.devices)).toEqual([opds.disdik.self.installationId]);
    expect(reg[1]).toMatchObject({ entryId: bkad.entryId, officeId: null, keys: [], devices: {} });

    // Each OPD's acts apart, exactly as its own laptop keeps them; its cycle where its acts put it.
    const regency = storesOf(u.core).regency;
    const byName = new Map(reg.map((e) => [e.name, e]));
    for (const o of all) {
      const e = byName.get(o.office.name)!;
      expect(regency.cyclesOf(e.entryId).map((c) => [c.id, c.step, c.items.length])).toEqual([[o.cycleId, o.step, o.items]]);
      expect((await logAtUtama(u, e.entryId, o.cycleId)).equals(o.log)).toBe(true);
      expect(regency.lastReceivedAt(e.entryId)).toBe(u.clock.now().toISOString());
    }
    expect(regency.cyclesOf(bkad.entryId)).toEqual([]);
    expect(await fs.readdir(path.join(u.dir, 'utama', 'opd'))).toHaveLength(5);

    // Receiving all five again: "already received", and not a byte of the data folder changes.
    const before = await hashes(u.dir);
    for (const o of all) {
      const again = await check(u, o.pkg);
      expect(again).toMatchObject({ status: 'sama', message: `Semua isi paket ini sudah diterima dari ${o.office.name}. Tidak ada yang diubah.` });
      expect(await must<IntakeApplied>(u.core, 'utama.apply', { checkId: again.checkId }, u.s.operator)).toMatchObject({ result: 'sama', newActs: 0 });
    }
    expect(await hashes(u.dir)).toEqual(before);

    const audit = await must<AuditView[]>(u.core, 'audit.listApp', { limit: 50 }, u.s.utama);
    expect(audit.filter((a) => a.action === 'utama.percaya')).toHaveLength(5);
    expect(audit.find((a) => a.action === 'utama.terima')?.summary).toMatch(/^Paket .+ dari Dinas Sosial diterapkan: Daftar Informasi Publik Tahun 2026 \(\d+ tindakan baru, Langkah 6: Arsip DIK\)\.$/);
  });

  it('keeps a package from an untrusted key across a restart, applies everything waiting on that key once trusted, then takes its later packages at once', async () => {
    const u = await utama();
    // Dinas PUPR's first and second packages both arrive before anyone trusted its key.
    const first = await receiveAtUtama(u, opds.pupr.pkg);
    const second = await receiveAtUtama(u, puprLater);
    expect([first.applied.result, second.applied.result]).toEqual(['menunggu_kepercayaan', 'menunggu_kepercayaan']);
    expect(first.applied.message).toContain(opds.pupr.self.fingerprint);
    expect((await fs.readdir(path.join(u.dir, 'utama', 'menunggu'))).sort()).toEqual([`${first.check.checkId}.ppid`, `${second.check.checkId}.ppid`].sort());

    // The app is closed and opened again: the packages still wait, nothing of them applied.
    await u.core.close();
    perTest.splice(perTest.indexOf(u.core), 1);
    u.core = await open(u.dir, u.clock);
    u.s = { utama: await login(u.core, 'utama'), operator: await login(u.core, 'operator') };
    const waiting = await must<WaitingPackage[]>(u.core, 'utama.waiting', {}, u.s.operator);
    expect(waiting.map((w) => [w.checkId, w.opd.name, w.opd.entryId, w.sender.fingerprint])).toEqual([
      [first.check.checkId, 'Dinas Pekerjaan Umum dan Penataan Ruang', null, opds.pupr.self.fingerprint],
      [second.check.checkId, 'Dinas Pekerjaan Umum dan Penataan Ruang', null, opds.pupr.self.fingerprint],
    ]);
    expect(await entries(u)).toEqual([]);

    // Trusted once: both applied, the older first.
    const log = puprLater.log;
    const applied = await must<IntakeApplied[]>(u.core, 'utama.trustSender', { checkId: first.check.checkId }, u.s.utama);
    expect(applied.map((a) => [a.checkId, a.result])).toEqual([
      [first.check.checkId, 'diterapkan'],
      [second.check.checkId, 'diterapkan'],
    ]);
    expect(applied[0]!.newActs + applied[1]!.newActs).toBe(actsIn(log));
    const [pupr] = await entries(u);
    expect(pupr).toMatchObject({ name: 'Dinas Pekerjaan Umum dan Penataan Ruang', unitCode: 'DPUPR', source: 'paket' });
    expect((await logAtUtama(u, pupr!.entryId, opds.pupr.cycleId)).equals(log)).toBe(true);
    expect(storesOf(u.core).regency.cyclesOf(pupr!.entryId)[0]!.step).toBe('pemeriksaan_ppid');

    // The older package once more: nothing new, nothing written.
    const before = await hashes(u.dir);
    const older = await receiveAtUtama(u, opds.pupr.pkg);
    expect([older.check.status, older.applied.result]).toEqual(['sama', 'sama']);
    expect(await hashes(u.dir)).toEqual(before);

    // Its later progress comes in without asking again.
    const pupr3 = opds.pupr.office;
    pupr3.clock.advance(5 * 60_000);
    const v = await must<{ items: { id: string }[] }>(pupr3.core, 'cycles.get', { cycleId: opds.pupr.cycleId }, pupr3.s.ppid);
    await must(pupr3.core, 'cycles.markReview', { cycleId: opds.pupr.cycleId, itemId: v.items[0]!.id, verdict: 'sesuai' }, pupr3.s.ppid);
    const third = await receiveAtUtama(u, await sendUp(pupr3, [opds.pupr.cycleId]));
    expect(third.check.status).toBe('siap');
    expect(third.applied).toMatchObject({ result: 'diterapkan', newActs: 1, opdName: 'Dinas Pekerjaan Umum dan Penataan Ruang' });
  });
});

describe('what the PPID Utama refuses changes nothing on disk', () => {
  it('a damaged or edited package, and one signed by another key in the name of a trusted laptop', async () => {
    const u = await utama();
    await receiveTrusted(u, opds.disdik.pkg);

    const cut = opds.dinsos.pkg.bytes.subarray(0, opds.dinsos.pkg.bytes.length - 200);
    expect(await refusedAtUtama(u, cut)).toMatch(/Paket|paket/);

    // The OPD's own key, a log line edited without its hash: every act is checked, not only the signature.
    const disdikKey = await signerOf(opds.disdik.office);
    const edited = await resign(opds.disdik.pkg.bytes, disdikKey, (es) =>
      es.map((e) => (e.path.startsWith('siklus/') ? { path: e.path, bytes: Buffer.from(text(e.bytes).replace('Disdik: informasi 1', 'Disdik: informasi palsu')) } : e)),
    );
    expect(await refusedAtUtama(u, edited)).toContain('Riwayat siklus dalam paket rusak atau diubah');

    // A stranger's key claiming to be Dinas Pendidikan's trusted laptop.
    const impostor = await resign(opds.disdik.pkg.bytes, otherSigner, (es) =>
      es.map((e) => (e.path === 'perangkat.json' ? { path: e.path, bytes: Buffer.from(JSON.stringify((JSON.parse(text(e.bytes)) as object[]).map((d) => ({ ...d, publicKey: otherSigner.publicKey })))) } : e)),
    );
    expect(await refusedAtUtama(u, impostor)).toBe(
      `Kunci pengirim "${opds.disdik.self.name}" berbeda dengan kunci yang dipercaya untuk laptop itu di Dinas Pendidikan: mungkin laptopnya dipasang ulang, atau paket ini palsu. Tanyakan langsung kepada PPID Pembantu OPD itu. Tidak ada yang diubah.`,
    );

    // A package that is no cycle package at all.
    const officePkg = await must<{ base64: string }>(opds.dinsos.office.core, 'office.exportPackage', {}, opds.dinsos.office.s.ppid);
    expect(await refusedAtUtama(u, Buffer.from(officePkg.base64, 'base64'))).toContain('Ini paket kantor');
  });

  it('an OPD sending another OPD’s cycle: refused whole, and the two never mix', async () => {
    const u = await utama();
    await receiveTrusted(u, opds.disdik.pkg);
    await receiveTrusted(u, opds.dinsos.pkg);
    const [, disdikCycle] = [...(await readPackage(opds.disdik.pkg.bytes)).entries].find(([p]) => p.startsWith('siklus/'))!;
    // Dinas Sosial's trusted laptop signs a package holding its own cycle and Dinas Pendidikan's (the same cycle id, its acts).
    const claim = await resign(opds.dinsos.pkg.bytes, await signerOf(opds.dinsos.office), (es) => [...es, { path: `siklus/${opds.disdik.cycleId}.jsonl`, bytes: disdikCycle }]);
    expect(await refusedAtUtama(u, claim)).toBe(`Siklus "Daftar Informasi Publik Tahun 2026" sudah diterima dari Dinas Pendidikan; paket dari Dinas Sosial tidak dapat mengubahnya. Tidak ada yang diubah.`);

    const regency = storesOf(u.core).regency;
    const disdik = await entryOf(u, 'Dinas Pendidikan');
    const dinsos = await entryOf(u, 'Dinas Sosial');
    expect(regency.cyclesOf(disdik.entryId).map((c) => c.id)).toEqual([opds.disdik.cycleId]);
    expect(regency.cyclesOf(dinsos.entryId).map((c) => c.id)).toEqual([opds.dinsos.cycleId]);
    expect(regency.cycleHolder(opds.disdik.cycleId)).toBe(disdik.entryId);

    // Naming Dinas Pendidikan's laptop in its device list does not help either: a laptop belongs to one OPD.
    const withDevice = await resign(opds.dinsos.pkg.bytes, await signerOf(opds.dinsos.office), (es) =>
      es.map((e) => (e.path === 'perangkat.json' ? { path: e.path, bytes: Buffer.from(JSON.stringify([...JSON.parse(text(e.bytes)), { installationId: opds.disdik.self.installationId, name: opds.disdik.self.name, publicKey: opds.disdik.self.publicKey }])) } : e)),
    );
    expect(await refusedAtUtama(u, withDevice)).toContain('sudah tercatat milik Dinas Pendidikan');
  });

  it('a laptop of an OPD whose key changed since its acts first arrived', async () => {
    // An OPD of two laptops: the operator's, and the PPID Pembantu's, which sends up.
    const [op, ppid] = await desks([
      { name: 'Laptop Operator', roles: ['operator'] },
      { name: 'Laptop PPID', roles: ['ppid_pembantu', 'kepala_opd'] },
    ]);
    perTest.push(op!.core, ppid!.core);
    const { id } = await must<{ id: string }>(op!.core, 'cycles.create', { title: 'DIP 2026', year: 2026 }, op!.s.operator);
    await must(op!.core, 'cycles.addItems', { cycleId: id, items: opdItems('Diskominfotik', 2) }, op!.s.operator);
    await must(op!.core, 'cycles.act', { cycleId: id, action: 'report' }, op!.s.operator);
    await receiveOnDesk(ppid!, await sendFromDesk(op!, [id]), [op!, ppid!]);
    await must(ppid!.core, 'cycles.act', { cycleId: id, action: 'issueNotaDinas' }, ppid!.s.ppid);
    const up = await sendFromDesk(ppid!, [id], { to: 'ppid_utama' });

    const u = await utama();
    expect(await receiveTrusted(u, up)).toMatchObject({ result: 'diterapkan' });
    const entry = (await entries(u))[0]!;
    expect(Object.keys(entry.devices).sort()).toEqual([op!.installationId, ppid!.installationId].sort());

    // The operator laptop's key, as the next package names it, is another one.
    const forged = await resign(up.bytes, await signerOf(ppid!), (es) =>
      es.map((e) =>
        e.path === 'perangkat.json'
          ? { path: e.path, bytes: Buffer.from(JSON.stringify((JSON.parse(text(e.bytes)) as { installationId: string }[]).map((d) => (d.installationId === op!.installationId ? { ...d, publicKey: otherSigner.publicKey } : d)))) }
          : e,
      ),
    );
    expect(await refusedAtUtama(u, forged)).toBe(
      'Paket menyebut kunci lain untuk perangkat "Laptop Operator" dari Dinas Komunikasi, Informatika dan Statistik daripada kunci yang tercatat sebelumnya: mungkin laptopnya dipasang ulang, atau paket ini palsu. Tanyakan langsung kepada PPID Pembantu OPD itu. Tidak ada yang diubah.',
    );
  });
});

describe('an apply cut short', () => {
  it('is finished when the app opens again', async () => {
    const u = await utama();
    await receiveTrusted(u, opds.pupr.pkg);
    const regency = storesOf(u.core).regency;
    // The process dies after the journal and the register were written, before the acts.
    const died = vi.spyOn(regency, 'receiveCycle').mockRejectedValueOnce(new Error('listrik padam'));
    const c = await check(u, puprLater);
    expect(failure(await call(u.core, 'utama.apply', { checkId: c.checkId }, u.s.operator)).code).toBe('INTERNAL');
    died.mockRestore();
    expect(await fs.readdir(path.join(u.dir, 'utama', 'masuk'))).toEqual([`${c.checkId}.ppid`]);

    await u.core.close();
    perTest.splice(perTest.indexOf(u.core), 1);
    u.core = await open(u.dir, u.clock);
    const s = await login(u.core, 'utama');
    const pupr = (await must<RegisterEntry[]>(u.core, 'utama.entries', {}, s))[0]!;
    expect((await logAtUtama(u, pupr.entryId, opds.pupr.cycleId)).equals(puprLater.log)).toBe(true);
    expect(await fs.readdir(path.join(u.dir, 'utama', 'masuk'))).toEqual([]);
    const audit = await must<AuditView[]>(u.core, 'audit.listApp', { limit: 5 }, s);
    expect(audit[0]?.summary).toBe('Penerimaan paket dari Dinas Pekerjaan Umum dan Penataan Ruang yang terputus diselesaikan.');
  });
});

describe('a backup of the PPID Utama', () => {
  it('holds the register and every OPD’s acts, however deep they sit', async () => {
    const u = await utama();
    await receiveTrusted(u, opds.disdik.pkg);
    const entry = (await entries(u))[0]!;
    const made = await must<{ base64: string }>(u.core, 'backup.create', {}, u.s.utama);
    const backup = await openBackup(Buffer.from(made.base64, 'base64'));
    const log = `utama/opd/${entry.entryId}/${opds.disdik.cycleId}/events.jsonl`;
    expect(backup.manifest.files.map((f) => f.path)).toEqual(expect.arrayContaining(['utama/register.json', log]));
    expect(Buffer.from(await backup.read(log)).equals(opds.disdik.log)).toBe(true);
  });
});

describe('the register of OPD', () => {
  it('takes an OPD typed by hand, refuses a second one with the same unit code or name, and corrects one', async () => {
    const u = await utama();
    const e = await must<RegisterEntry>(u.core, 'utama.saveEntry', { entryId: null, name: 'Dinas Sosial', unitCode: 'Dinsos', contact: { name: 'Maria Goretti', phone: '0812 5555 1234', email: '' } }, u.s.operator);
    expect(e).toMatchObject({ name: 'Dinas Sosial', unitCode: 'Dinsos', officeId: null, source: 'manual', addedBy: 'operator' });
    const before = await hashes(u.dir);
    expect(failure(await call(u.core, 'utama.saveEntry', { entryId: null, name: 'Dinas Sosial P3A', unitCode: 'DINSOS' }, u.s.operator)).message).toBe('Kode unit "DINSOS" sudah dipakai oleh Dinas Sosial. Tidak ada yang diubah.');
    expect(failure(await call(u.core, 'utama.saveEntry', { entryId: null, name: '  dinas   sosial ' }, u.s.operator)).message).toBe('Dinas Sosial sudah ada dalam daftar OPD. Tidak ada yang diubah.');
    expect(failure(await call(u.core, 'utama.saveEntry', { entryId: null, name: 'Dinas Perhubungan', contact: { email: 'bukan-email' } }, u.s.operator)).message).toContain('Alamat e-mail tidak valid.');
    expect(await hashes(u.dir)).toEqual(before);

    const fixed = await must<RegisterEntry>(u.core, 'utama.saveEntry', { entryId: e.entryId, name: 'Dinas Sosial', unitCode: 'Dinsos', contact: { name: 'Maria Goretti, S.Sos.', phone: '0812 5555 1234', email: 'ppid.dinsos@kapuashulukab.go.id' } }, u.s.utama);
    expect(fixed.contact.name).toBe('Maria Goretti, S.Sos.');
    const audit = await must<AuditView[]>(u.core, 'audit.listApp', { limit: 5 }, u.s.utama);
    expect(audit[0]).toMatchObject({ action: 'utama.opd', summary: 'Data Dinas Sosial dalam daftar OPD diubah.' });

    // Its first package finds it (by unit code), and fills nothing a person typed.
    await receiveTrusted(u, opds.dinsos.pkg);
    const linked = (await entries(u))[0]!;
    expect(linked).toMatchObject({ entryId: e.entryId, source: 'manual', contact: { name: 'Maria Goretti, S.Sos.', phone: '0812 5555 1234', email: 'ppid.dinsos@kapuashulukab.go.id' } });
    expect(linked.officeId).not.toBeNull();
  });
});
