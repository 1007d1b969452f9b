import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Core } from '../../electron/core/app-core';
import type { RegisterView } from '../../electron/core/domain/regency/model';
import type { RelayDeviceTrusted, RelayWaitingOffice } from '../../electron/core/domain/regency/relay-waiting';
import type { RelayStatus } from '../../electron/core/domain/sync/relay';
import type { DeviceSelfView } from '../../electron/core/domain/sync/trust';
import { call, codeOf, failure, must, removeTempDirs, type FakeClock } from '../fixtures/harness';
import { setUpRelay, startCouchServer, type CouchServer } from '../fixtures/couch-server';
import { joinRelay, opdItems, opdOffice, putCard, receiveAtUtama, relayRound, runCycle, sendUp, utamaOffice, type CycleStage, type Office } from '../fixtures/regency-offices';
import { ManualTimer, openRelayCore } from './relay-fixtures';
import { hashes, storesOf } from './sync-fixtures';

/**
 * Issue 14 for the PPID Utama: "the PPID Utama's installation pulls every OPD of its regency and
 * its register and consolidated lists update as acts arrive". Three OPD of Kapuas Hulu, each its
 * own data folder, run their cycles to different steps and push them (with their laptops' cards)
 * to the regency's relay database; the PPID Utama pulls everything, sees who waits for trust by
 * the key codes the OPD read out, trusts two, and its register shows their steps; the third
 * waits; a changed document is refused and named; a package of the same cycle adds nothing twice.
 */

let server: CouchServer;
const open: Office[] = [];
let db = 0;
beforeAll(async () => {
  server = await startCouchServer();
}, 120_000);
afterEach(async () => {
  await Promise.all(open.splice(0).map((o) => o.core.close()));
});
afterAll(async () => {
  await server?.stop();
  await removeTempDirs();
});

const relayCore = (dir: string, clock: FakeClock): Promise<Core> => openRelayCore(dir, clock, { timer: new ManualTimer() });

const OPD: { name: string; unitCode: string; upTo: CycleStage }[] = [
  { name: 'Dinas Pendidikan', unitCode: 'Disdik', upTo: 'ditandatangani' },
  { name: 'Dinas Kesehatan', unitCode: 'Dinkes', upTo: 'langkah4' },
  { name: 'Kecamatan Putussibau Utara', unitCode: 'KecPU', upTo: 'langkah3' },
];

interface Opd extends Office {
  cycleId: string;
  self: DeviceSelfView;
  user: { name: string; password: string };
}

async function regency(): Promise<{ opds: Opd[]; utama: Office; database: string }> {
  const database = `ppid-kapuashulu-${++db}`;
  const users = [...OPD.map((o) => ({ name: `${o.unitCode.toLowerCase()}-laptop-${db}`, password: `sandi-${o.unitCode}-uji` })), { name: `ppid-utama-${db}`, password: 'sandi-utama-uji' }];
  await setUpRelay(server, database, users);
  const opds: Opd[] = [];
  for (const [n, spec] of OPD.entries()) {
    const o = await opdOffice(spec, relayCore);
    open.push(o);
    const cycleId = await runCycle(o, { year: 2026, items: opdItems(spec.unitCode, 4), upTo: spec.upTo });
    const self = await must<DeviceSelfView>(o.core, 'devices.self', {}, o.s.ppid);
    await joinRelay(o, 'ppid', server, database, users[n]!);
    await putCard(o, server, database);
    opds.push({ ...o, cycleId, self, user: users[n]! });
  }
  const utama = await utamaOffice(relayCore);
  open.push(utama);
  await joinRelay(utama, 'utama', server, database, users[3]!);
  return { opds, utama, database };
}

/** The regency's records (register, each OPD's logs), by file; none before the first is written. */
const records = async (u: Office) => hashes(`${u.dir}/utama`).catch(() => ({}));
const actCount = (o: Opd) => storesOf(o.core).cycles.events(o.cycleId).length;
const waitingAt = (u: Office) => must<RelayWaitingOffice[]>(u.core, 'utama.relayWaiting', {}, u.s.operator);
const registerAt = (u: Office) => must<RegisterView>(u.core, 'utama.register', { year: 2026 }, u.s.operator);
const trustAt = async (u: Office, o: Opd) => {
  const r = await must<RelayDeviceTrusted>(u.core, 'utama.trustRelayDevice', { installationId: o.self.installationId, publicKey: o.self.publicKey }, u.s.utama);
  // The round it asks for runs in the background.
  await storesOf(u.core).relay.idle();
  return r;
};
/** The acts of an OPD's cycle as the PPID Utama holds them, in log order. */
const heldAt = (u: Office, o: Opd) => {
  const reg = storesOf(u.core).regency;
  const entry = reg.entries().find((e) => e.officeId === storesOf(o.core).settings.get()!.officeId);
  return entry ? reg.cycleEvents(entry.entryId, o.cycleId).map((e) => e.id) : [];
};

describe('the PPID Utama on the regency relay', () => {
  it('pulls every OPD: all wait for trust named by their key codes; two trusted show their steps in the register, the third waits; a second round changes nothing', async () => {
    const { opds, utama } = await regency();
    const [disdik, dinkes, kecpu] = opds as [Opd, Opd, Opd];

    const before = await records(utama);
    const first = await relayRound(utama, 'operator');
    // Nothing of an office is recorded before a person trusts one of its keys.
    expect(await records(utama)).toEqual(before);
    expect((await registerAt(utama)).rows).toEqual([]);
    const waiting = await waitingAt(utama);
    expect(waiting.map((w) => [w.officeName, w.unitCode, w.acts, w.entryId])).toEqual(
      // Offices with acts waiting, by name.
      [...opds].sort((a, b) => a.name.localeCompare(b.name, 'id')).map((o) => [o.name, OPD.find((x) => x.name === o.name)!.unitCode, actCount(o), null]),
    );
    for (const o of opds) {
      const w = waiting.find((x) => x.officeName === o.name)!;
      // The code the OPD's PPID Pembantu reads from Pengaturan › Perangkat on that laptop.
      expect(w.laptops).toEqual([expect.objectContaining({ installationId: o.self.installationId, fingerprint: o.self.fingerprint, problem: null })]);
    }
    expect(first.kept.belumDipercaya).toBe(opds.reduce((n, o) => n + actCount(o), 0));

    // Only the PPID Utama trusts a key; an operator is told so and nothing is written.
    const denied = await call(utama.core, 'utama.trustRelayDevice', { installationId: disdik.self.installationId, publicKey: disdik.self.publicKey }, utama.s.operator);
    expect(codeOf(denied)).toBe('FORBIDDEN');
    // A key no card on the relay carries cannot be trusted from here.
    const unknown = failure(await call(utama.core, 'utama.trustRelayDevice', { installationId: '5f0c8a5e-2f55-4c1e-9c7e-0d5b1f1a2b3c', publicKey: dinkes.self.publicKey }, utama.s.utama));
    expect(unknown.message).toContain('belum diterima dari server relay');
    expect(await records(utama)).toEqual(before);

    // Trusted one at a time: the second trust reads the feed again over acts already held.
    expect(await trustAt(utama, disdik)).toMatchObject({ opdName: 'Dinas Pendidikan', fingerprint: disdik.self.fingerprint, added: true });
    expect(await trustAt(utama, dinkes)).toMatchObject({ opdName: 'Dinas Kesehatan', added: true });

    const view = await registerAt(utama);
    const row = (name: string) => view.rows.find((r) => r.opdName === name);
    expect(view.rows.map((r) => r.opdName).sort()).toEqual(['Dinas Kesehatan', 'Dinas Pendidikan']);
    // Signed by its Kepala: step 7 (arsip); the PPID Pembantu's review: step 4.
    expect(row('Dinas Pendidikan')).toMatchObject({ unitCode: 'Disdik', standing: 'ditandatangani', cycle: { id: disdik.cycleId, step: 'arsip' } });
    expect(row('Dinas Kesehatan')).toMatchObject({ unitCode: 'Dinkes', standing: 'proses', cycle: { id: dinkes.cycleId, step: 'pemeriksaan_ppid' } });
    expect(row('Dinas Pendidikan')!.counts).toEqual({ berkala: 1, serta_merta: 1, setiap_saat: 1, dikecualikan: 1 });
    // The acts exactly as the OPD made them, each once.
    expect(heldAt(utama, disdik)).toEqual(storesOf(disdik.core).cycles.events(disdik.cycleId).map((e) => e.id));
    expect(heldAt(utama, dinkes)).toEqual(storesOf(dinkes.core).cycles.events(dinkes.cycleId).map((e) => e.id));
    // The consolidated lists follow: the signed OPD's items are in the regency's DIP data.
    const data = await must<{ input: { opds: { opdName: string; items: unknown[] }[] } }>(utama.core, 'utama.documentData', { year: 2026 }, utama.s.operator);
    expect(data.input.opds.find((o) => o.opdName === 'Dinas Pendidikan')?.items).toHaveLength(4);

    // The third still waits, with its own code, and its acts are not held.
    const still = await waitingAt(utama);
    expect(still.map((w) => [w.officeName, w.acts])).toEqual([['Kecamatan Putussibau Utara', actCount(kecpu)]]);
    expect(still[0]!.laptops[0]!.fingerprint).toBe(kecpu.self.fingerprint);
    expect(heldAt(utama, kecpu)).toEqual([]);
    const status = await must<RelayStatus>(utama.core, 'relay.status', {}, utama.s.operator);
    expect(status.kept.belumDipercaya).toBe(actCount(kecpu));

    // Another round with nothing new: not a byte of the regency's records changes.
    const settled = await records(utama);
    await relayRound(utama, 'operator');
    expect(await records(utama)).toEqual(settled);
    expect(await registerAt(utama)).toEqual(view);
  }, 240_000);

  it('an act document changed on the server is refused and named with its OPD, and the OPD\'s records stay as they were', async () => {
    const { opds, utama, database } = await regency();
    const [disdik] = opds as [Opd];
    await relayRound(utama, 'operator');
    await trustAt(utama, disdik);
    const act = storesOf(disdik.core)
      .cycles.events(disdik.cycleId)
      .find((e) => e.body.type === 'item.added')!;
    const docPath = `/${database}/act:${disdik.cycleId}:${act.id}`;
    const original = (await server.admin<Record<string, unknown> & { line: string }>('GET', docPath)).body;
    const judul = (act.body as { fields: { judul: string } }).fields.judul;
    expect((await server.admin('PUT', docPath, { ...original, line: original.line.replace(judul, `${judul} (diubah)`) })).status).toBe(201);

    const before = await records(utama);
    const st = await relayRound(utama, 'operator');
    expect(st.kept.ditolak).toBe(1);
    expect(st.kept.acts).toContainEqual(
      expect.objectContaining({ kind: 'ditolak', actId: act.id, cycleId: disdik.cycleId, officeName: 'Dinas Pendidikan', cycleTitle: 'Daftar Informasi Publik Tahun 2026' }),
    );
    expect(await records(utama)).toEqual(before);
    const found = await must<{ total: number }>(utama.core, 'utama.search', { query: 'diubah' }, utama.s.operator);
    expect(found.total).toBe(0);
  }, 240_000);

  it('a round cut in the middle of a page (one OPD written, the next not, no checkpoint) is finished by the next round, each act once', async () => {
    const { opds, utama, database } = await regency();
    const [disdik, dinkes] = opds as [Opd, Opd];
    await relayRound(utama, 'operator');
    // Both trusted while the relay is off, so that one round receives both in one page.
    const user = { name: `ppid-utama-${db}`, password: 'sandi-utama-uji' };
    await must(utama.core, 'relay.set', { url: server.url, database, username: user.name, password: null, enabled: false }, utama.s.utama);
    await trustAt(utama, disdik);
    await trustAt(utama, dinkes);
    const reg = storesOf(utama.core).regency;
    const real = reg.receiveCycle.bind(reg);
    const cut = vi.spyOn(reg, 'receiveCycle').mockImplementation(async (entryId, cycleId, ...rest) => {
      if (cycleId === dinkes.cycleId) throw new Error('listrik padam');
      return real(entryId, cycleId, ...rest);
    });
    await must(utama.core, 'relay.set', { url: server.url, database, username: user.name, password: null, enabled: true }, utama.s.utama);
    await storesOf(utama.core).relay.idle();
    const broken = await must<RelayStatus>(utama.core, 'relay.status', {}, utama.s.operator);
    expect(broken.state).toBe('galat');
    expect(heldAt(utama, disdik)).toHaveLength(actCount(disdik));
    expect(heldAt(utama, dinkes)).toEqual([]);

    cut.mockRestore();
    await relayRound(utama, 'operator');
    for (const o of [disdik, dinkes]) expect(heldAt(utama, o)).toEqual(storesOf(o.core).cycles.events(o.cycleId).map((e) => e.id));
    expect((await registerAt(utama)).rows.map((r) => r.opdName).sort()).toEqual(['Dinas Kesehatan', 'Dinas Pendidikan']);
  }, 240_000);

  it('an OPD that also sends a package of the same cycle ends with each act once, whichever path brought it', async () => {
    const { opds, utama } = await regency();
    const [, dinkes] = opds as [Opd, Opd];
    await relayRound(utama, 'operator');
    await trustAt(utama, dinkes);
    expect(heldAt(utama, dinkes)).toHaveLength(actCount(dinkes));

    // The PPID Pembantu reviews and approves, then also sends the cycle up as a file.
    const v = await must<{ items: { id: string }[] }>(dinkes.core, 'cycles.get', { cycleId: dinkes.cycleId }, dinkes.s.ppid);
    for (const i of v.items) await must(dinkes.core, 'cycles.markReview', { cycleId: dinkes.cycleId, itemId: i.id, verdict: 'sesuai' }, dinkes.s.ppid);
    await must(dinkes.core, 'cycles.act', { cycleId: dinkes.cycleId, action: 'approve' }, dinkes.s.ppid);
    const { applied } = await receiveAtUtama(utama, await sendUp(dinkes, [dinkes.cycleId]));
    expect(applied).toMatchObject({ result: 'diterapkan', newActs: v.items.length + 1 });

    // The same acts on the relay afterwards: recognised, none twice.
    await relayRound(dinkes, 'ppid');
    const before = await records(utama);
    await relayRound(utama, 'operator');
    expect(await records(utama)).toEqual(before);
    const held = heldAt(utama, dinkes);
    expect(new Set(held).size).toBe(held.length);
    expect(held).toEqual(storesOf(dinkes.core).cycles.events(dinkes.cycleId).map((e) => e.id));
    const row = (await registerAt(utama)).rows.find((r) => r.opdName === 'Dinas Kesehatan');
    expect(row?.cycle?.step).toBe('pemeriksaan_kepala');
  }, 240_000);
});
