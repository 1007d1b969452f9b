import { describe, expect, it } from 'vitest';
import type { CycleView } from '../../electron/core/domain/cycle-views';
import { makePng, must, PASSWORD } from '../fixtures/harness';
import type { RelayDeviceTrusted } from '../../electron/core/domain/regency/relay-waiting';
import { joinRelay, relayRound, utamaOffice } from '../fixtures/regency-offices';
import { connect, ManualTimer, openRelayCore, relayTestBed, settle, syncNow, type RelayDesk } from './relay-fixtures';
import { actsOn, eventsOn, receive, send, storesOf, type Desk } from './sync-fixtures';
import { completeItem, signAsKepala } from './workflow-fixtures';

/**
 * Issue 14's relay: laptops of one office run a documentation cycle with nothing between them
 * but a CouchDB relay (pouchdb-server on loopback, set up as docs/relay.md says) — push, pull,
 * the same receive pipeline as a package — and end with the same acts and the same cycle as
 * each other and as a laptop that got everything by file — and the PPID Utama, reading the same
 * database, holds that cycle with the same acts.
 */

const bed = relayTestBed('ppid-uji');

/** The first `connected` desks get the relay (default all); the others work by files only. */
async function office(spec: Parameters<typeof bed.office>[0], relay: NonNullable<Parameters<typeof bed.office>[1]>['relay'] = {}, connected = spec.length) {
  const { desks, database, offline } = await bed.office(spec, { relay, connected });
  for (const d of desks) await connect(d, bed.server, database);
  return { desks, database, offline };
}

function as(d: Desk, user: keyof Desk['s']) {
  return <T = CycleView>(name: string, input: unknown) => must<T>(d.core, name, input, d.s[user]);
}

async function stateOn(d: Desk, cycleId: string) {
  const v = await as(d, 'ppid')('cycles.get', { cycleId });
  const st = storesOf(d.core).cycles.get(cycleId)!;
  return {
    view: { step: v.step, version: v.version, items: v.items.map((i) => ({ id: i.id, fields: i.fields, attachments: i.attachments, review: i.review })), returns: v.returns, conflicts: v.conflicts, signed: v.signed, archived: v.archived },
    state: st,
  };
}

const relayCore: Parameters<typeof utamaOffice>[0] = (dir, clock) => openRelayCore(dir, clock, { timer: new ManualTimer() });

const B = ['Sekretariat', 'Bidang Informasi dan Komunikasi Publik', 'Bidang Statistik Sektoral'] as const;

describe('one cycle through the relay', () => {
  it('three laptops and a fourth officer run a whole cycle with both returns and parallel item work, and agree with a laptop fed only by files and with the PPID Utama', async () => {
    const { desks, offline, database } = await office(
      [
        { name: 'Laptop Operator', roles: ['operator'] },
        { name: 'Laptop PPID Pembantu', roles: ['ppid_pembantu'] },
        { name: 'Laptop Kepala Dinas', roles: ['kepala_opd'] },
        { name: 'Laptop Bidang IKP', roles: ['operator'] },
        { name: 'Laptop Arsip', roles: ['operator'] },
      ],
      {},
      4,
    );
    const [op, ppid, kep, ikp] = desks as [RelayDesk, RelayDesk, RelayDesk, RelayDesk];
    const tick = (min: number) => desks.forEach((d) => d.clock.advance(min * 60_000));

    const { id } = await as(op, 'operator')<{ id: string }>('cycles.create', { title: 'DIP 2027', year: 2027 });
    let v = await as(op, 'operator')('cycles.addItems', { cycleId: id, items: [{ bidang: B[0], judul: 'Profil Dinas' }, { bidang: B[1], judul: 'Rekap pengaduan' }] });
    const [profil, rekap] = v.items.map((i) => i.id) as [string, string];
    await as(op, 'operator')('cycles.act', { cycleId: id, action: 'report' });
    expect((await syncNow(op)).waitingToSend).toBe(0);

    // Nothing travels by hand: the PPID laptop pulls the cycle from the relay.
    tick(30);
    const st = await syncNow(ppid);
    expect(st).toMatchObject({ state: 'tersinkron', kept: { belumDipercaya: 0, menunggu: 0, ditolak: 0 } });
    v = await as(ppid, 'ppid')('cycles.act', { cycleId: id, action: 'issueNotaDinas' });
    expect(v.step).toBe('pengumpulan');
    await syncNow(ppid);

    // Step 3: two officers fill their own items from the same point, each on their laptop, at the same time.
    await syncNow(op);
    await syncNow(ikp);
    tick(60);
    await as(op, 'operator')('cycles.updateItem', { cycleId: id, itemId: profil, fields: completeItem('Profil Dinas', B[0], 'berkala') });
    await as(op, 'operator')('cycles.addItems', { cycleId: id, items: [completeItem('Data kesehatan pegawai', B[0], 'dikecualikan')] });
    const scan = makePng(8, 8);
    await as(ikp, 'operator2')('cycles.updateItem', { cycleId: id, itemId: rekap, fields: completeItem('Rekap pengaduan', B[1], 'setiap_saat') });
    await as(ikp, 'operator2')('cycles.attach', { cycleId: id, itemId: rekap, name: 'rekap-pengaduan.png', base64: scan.toString('base64') });
    await settle([ikp, op]);
    v = await as(op, 'operator')('cycles.get', { cycleId: id });
    expect(v.items.map((i) => i.fields.judul).sort()).toEqual(['Data kesehatan pegawai', 'Profil Dinas', 'Rekap pengaduan']);
    expect(v.conflicts).toEqual([]);
    // The officer's scan came as its own document, and opens here.
    const att = v.items.find((i) => i.id === rekap)!.attachments[0]!;
    const content = await must<{ base64: string }>(op.core, 'cycles.attachmentContent', { cycleId: id, itemId: rekap, attachmentId: att.id }, op.s.operator);
    expect(Buffer.from(content.base64, 'base64').equals(scan)).toBe(true);

    // First loop: the PPID Pembantu returns it for one item.
    tick(30);
    await as(op, 'operator')('cycles.act', { cycleId: id, action: 'submitKonsep' });
    await syncNow(op);
    await syncNow(ppid);
    for (const item of (await as(ppid, 'ppid')('cycles.get', { cycleId: id })).items) {
      await as(ppid, 'ppid')('cycles.markReview', { cycleId: id, itemId: item.id, verdict: item.id === rekap ? 'perlu_perbaikan' : 'sesuai', note: item.id === rekap ? 'Retensi harus 10 tahun' : '' });
    }
    await as(ppid, 'ppid')('cycles.act', { cycleId: id, action: 'return', reasons: 'Perbaiki retensi rekap pengaduan' });
    await syncNow(ppid);
    await syncNow(ikp);
    tick(30);
    await as(ikp, 'operator2')('cycles.updateItem', { cycleId: id, itemId: rekap, fields: { retensi: '10 tahun' } });
    await syncNow(ikp);
    await syncNow(op);
    v = await as(op, 'operator')('cycles.act', { cycleId: id, action: 'submitKonsep' });
    expect(v.version).toBe(2);
    await syncNow(op);

    // Second loop: approved, then returned by the Kepala, approved again.
    await syncNow(ppid);
    for (const item of (await as(ppid, 'ppid')('cycles.get', { cycleId: id })).items) {
      await as(ppid, 'ppid')('cycles.markReview', { cycleId: id, itemId: item.id, verdict: 'sesuai' });
    }
    await as(ppid, 'ppid')('cycles.act', { cycleId: id, action: 'approve' });
    await syncNow(ppid);
    await syncNow(kep);
    v = await as(kep, 'kepala')('cycles.act', { cycleId: id, action: 'return', reasons: 'Judul profil kurang jelas' });
    expect(v.step).toBe('pemeriksaan_ppid');
    await syncNow(kep);
    await syncNow(ppid);
    await as(ppid, 'ppid')('cycles.markUnchanged', { cycleId: id });
    await as(ppid, 'ppid')('cycles.act', { cycleId: id, action: 'approve' });
    await syncNow(ppid);
    await syncNow(kep);

    // Step 5 on the Kepala's laptop: uji konsekuensi, signing, archive.
    const kepCall = <T>(who: string, name: string, input?: unknown) => must<T>(kep.core, name, input, kep.s[who as keyof Desk['s']]);
    v = await signAsKepala<CycleView>(kepCall, id, PASSWORD);
    expect(v.step).toBe('arsip');
    v = await as(kep, 'kepala')('cycles.act', { cycleId: id, action: 'archive', note: 'Lemari arsip PPID, map 2027' });
    expect(v.step).toBe('selesai');
    await settle(desks);

    // Everyone: the same acts, each once, and the same cycle.
    const acts = await Promise.all(desks.map((d) => actsOn(d, id)));
    for (const a of acts.slice(1)) expect([...a].sort()).toEqual([...acts[0]!].sort());
    for (const d of desks) {
      const ids = (await eventsOn(d, id)).map((e) => e.id);
      expect(new Set(ids).size).toBe(ids.length);
    }
    const states = await Promise.all(desks.map((d) => stateOn(d, id)));
    for (const s of states.slice(1)) expect(s).toEqual(states[0]);
    expect(states[0]!.view.step).toBe('selesai');
    expect(states[0]!.view.returns.map((r) => r.reasons)).toEqual(['Perbaiki retensi rekap pengaduan', 'Judul profil kurang jelas']);
    for (const d of desks) expect((await syncNow(d)).waitingToSend).toBe(0);

    // The file path agrees: a laptop that only ever receives the Kepala's package holds the same acts and the same cycle.
    const fileOnly = offline[0]!;
    await receive(fileOnly, await send(kep, [id]), [...desks, fileOnly]);
    expect([...(await actsOn(fileOnly, id))].sort()).toEqual([...acts[0]!].sort());
    expect(await stateOn(fileOnly, id)).toEqual(states[0]);

    // The PPID Utama on the same database: it trusts the Kepala's laptop once, by its card's key, and
    // then holds the office's cycle with the very same acts, each once, at the step the office reached.
    const utama = await utamaOffice(relayCore);
    try {
      const utamaUser = { name: `utama-${database}`, password: 'sandi-utama-uji' };
      const added = await bed.server.admin('PUT', `/_users/org.couchdb.user:${utamaUser.name}`, { name: utamaUser.name, password: utamaUser.password, roles: ['kantor-dinas-kominfo'], type: 'user' });
      expect(added.status).toBeLessThan(300);
      await joinRelay(utama, 'utama', bed.server, database, utamaUser);
      expect(await must<unknown[]>(utama.core, 'utama.relayWaiting', {}, utama.s.utama)).toHaveLength(1);
      const trusted = await must<RelayDeviceTrusted>(utama.core, 'utama.trustRelayDevice', { installationId: kep.installationId, publicKey: kep.publicKey }, utama.s.utama);
      await storesOf(utama.core).relay.idle();
      await relayRound(utama, 'utama');
      const held = storesOf(utama.core).regency.cycleEvents(trusted.entryId, id);
      expect(held.map((e) => [e.id, e.hash]).sort()).toEqual([...acts[0]!].sort());
      expect(new Set(held.map((e) => e.id)).size).toBe(held.length);
      expect(storesOf(utama.core).regency.cycle(trusted.entryId, id)?.step).toBe('selesai');
      expect(await must<unknown[]>(utama.core, 'utama.relayWaiting', {}, utama.s.utama)).toEqual([]);
    } finally {
      await utama.core.close();
    }
  }, 300_000);
});
