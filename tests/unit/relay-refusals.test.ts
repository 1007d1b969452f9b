import { describe, expect, it } from 'vitest';
import type { CycleView } from '../../electron/core/domain/cycle-views';
import type { RelayStatus } from '../../electron/core/domain/sync/relay';
import { must } from '../fixtures/harness';
import { connect, relayTestBed, syncNow, trust, type RelayDesk } from './relay-fixtures';
import { actsOn, hashes, receive, send, storesOf } from './sync-fixtures';

/**
 * The relay is untrusted: what it changed, what it got from a laptop nobody here trusts, and
 * what it withholds are each refused, held back or named — never applied — and the laptop's
 * own data stays as it was.
 */

const bed = relayTestBed('ppid-tolak');

/** Desks of one office, each with the relay set. */
async function office(spec: Parameters<typeof bed.office>[0]) {
  const { desks, database } = await bed.office(spec);
  for (const d of desks) await connect(d, bed.server, database);
  return { desks, database };
}

/** A cycle with three items, one act each, pushed by the operator's laptop. */
async function threeItems(op: RelayDesk): Promise<{ id: string; added: string[] }> {
  const { id } = await must<{ id: string }>(op.core, 'cycles.create', { title: 'DIP 2027', year: 2027 }, op.s.operator);
  for (const judul of ['Profil Dinas', 'Rekap pengaduan', 'Jadwal layanan']) {
    await must(op.core, 'cycles.addItems', { cycleId: id, items: [{ bidang: 'Sekretariat', judul }] }, op.s.operator);
  }
  const added = storesOf(op.core)
    .cycles.events(id)
    .filter((e) => e.body.type === 'item.added')
    .map((e) => e.id);
  await syncNow(op);
  return { id, added };
}

const titles = async (d: RelayDesk, cycleId: string) => (await must<CycleView>(d.core, 'cycles.get', { cycleId }, d.s.ppid)).items.map((i) => i.fields.judul);

describe('what the relay cannot do', () => {
  it('a document changed on the server is refused and named, and the acts after it wait; the laptop that holds the act keeps its own; the original put back is taken', async () => {
    const { desks, database } = await office([
      { name: 'Laptop Operator', roles: ['operator'] },
      { name: 'Laptop PPID Pembantu', roles: ['ppid_pembantu'] },
    ]);
    const [op, ppid] = desks as [RelayDesk, RelayDesk];
    const { id, added } = await threeItems(op);
    const docId = `/${database}/act:${id}:${added[1]}`;
    const original = (await bed.server.admin<Record<string, unknown> & { line: string }>('GET', docId)).body;
    // Someone with the server's admin rights rewrites the title inside the signed line.
    const forged = { ...original, line: original.line.replace('Rekap pengaduan', 'Rekap pengaduan (diubah)') };
    expect((await bed.server.admin('PUT', docId, forged)).status).toBe(201);

    const st = await syncNow(ppid);
    expect(st.kept).toMatchObject({ ditolak: 1, menunggu: 1, belumDipercaya: 0 });
    expect(st.kept.acts).toEqual(
      expect.arrayContaining([
        { kind: 'ditolak', cycleId: id, cycleTitle: 'DIP 2027', actId: added[1], installationId: op.installationId, reason: 'isi tindakan tidak sesuai sidiknya: diubah setelah dibuat' },
        expect.objectContaining({ kind: 'menunggu', actId: added[2], reason: 'mengikuti tindakan yang tidak dapat diterima' }),
      ]),
    );
    expect(await titles(ppid, id)).toEqual(['Profil Dinas']);

    // The operator's laptop holds the act: the changed copy is refused, and nothing of its data is written.
    const before = await hashes(`${op.dir}/cycles`);
    const back = await syncNow(op);
    expect(back.kept.acts).toEqual([expect.objectContaining({ kind: 'ditolak', actId: added[1], reason: 'isinya berbeda dengan tindakan yang sudah ada di laptop ini' })]);
    expect(await hashes(`${op.dir}/cycles`)).toEqual(before);
    expect(await titles(op, id)).toEqual(['Profil Dinas', 'Rekap pengaduan', 'Jadwal layanan']);

    // The server's admin puts the signed line back: the next round takes it, and what waited on it.
    const now = (await bed.server.admin<{ _rev: string }>('GET', docId)).body;
    expect((await bed.server.admin('PUT', docId, { ...original, _rev: now._rev })).status).toBe(201);
    const fixed = await syncNow(ppid);
    expect(fixed.kept).toMatchObject({ ditolak: 0, menunggu: 0, belumDipercaya: 0 });
    expect(await titles(ppid, id)).toEqual(['Profil Dinas', 'Rekap pengaduan', 'Jadwal layanan']);
    expect([...(await actsOn(ppid, id))].sort()).toEqual([...(await actsOn(op, id))].sort());

    // A signed line put under another act's name is named too, and changes nothing.
    const fakeId = '00000000-0000-4000-8000-000000000000';
    expect((await bed.server.admin('PUT', `/${database}/act:${id}:${fakeId}`, { ...original, _id: undefined, _rev: undefined, actId: fakeId })).status).toBe(201);
    const cycles = await hashes(`${ppid.dir}/cycles`);
    const named = await syncNow(ppid);
    expect(named.kept.acts).toEqual([expect.objectContaining({ kind: 'ditolak', actId: fakeId, reason: 'dokumen di server relay tidak sesuai namanya (diubah di server)' })]);
    expect(await hashes(`${ppid.dir}/cycles`)).toEqual(cycles);
  }, 120_000);

  it('acts from a laptop this one does not trust are held back and named, not applied, until an administrator trusts it', async () => {
    const { desks } = await office([
      { name: 'Laptop Operator', roles: ['operator'] },
      { name: 'Laptop PPID Pembantu', roles: ['ppid_pembantu'] },
      { name: 'Laptop Tak Dikenal', roles: ['operator'], trustedBy: 'tidak-ada' },
    ]);
    const [op, ppid, stranger] = desks as [RelayDesk, RelayDesk, RelayDesk];
    const mine = await threeItems(op);
    const theirs = await threeItems(stranger);

    const before = await hashes(`${ppid.dir}/cycles`);
    const st = await syncNow(ppid);
    // The trusted laptop's cycle arrives in the same round; the stranger's four acts wait, each named.
    expect(await titles(ppid, mine.id)).toEqual(['Profil Dinas', 'Rekap pengaduan', 'Jadwal layanan']);
    expect(st.kept.belumDipercaya).toBe(4);
    expect(st.kept.acts.filter((a) => a.kind === 'belum-dipercaya')).toHaveLength(4);
    for (const a of st.kept.acts) {
      expect(a).toMatchObject({ kind: 'belum-dipercaya', cycleId: theirs.id, installationId: stranger.installationId, reason: 'tindakan dari perangkat yang belum dipercaya' });
    }
    expect(storesOf(ppid.core).cycles.get(theirs.id)).toBeNull();
    const after = await hashes(`${ppid.dir}/cycles`);
    for (const k of Object.keys(after)) expect(k.startsWith(theirs.id)).toBe(false);
    expect(Object.keys(after).length).toBeGreaterThan(Object.keys(before).length);

    // Trusted in Pengaturan › Perangkat: the next round applies what waited.
    await trust(ppid, stranger);
    const later = await syncNow(ppid);
    expect(later.kept).toMatchObject({ belumDipercaya: 0, menunggu: 0, ditolak: 0 });
    expect(await titles(ppid, theirs.id)).toEqual(['Profil Dinas', 'Rekap pengaduan', 'Jadwal layanan']);
  }, 120_000);

  it('an act the relay withholds shows as a gap: what follows it waits, named, until the act arrives another way (a package)', async () => {
    const { desks, database } = await office([
      { name: 'Laptop Operator', roles: ['operator'] },
      { name: 'Laptop PPID Pembantu', roles: ['ppid_pembantu'] },
    ]);
    const [op, ppid] = desks as [RelayDesk, RelayDesk];
    const { id, added } = await threeItems(op);
    const docId = `/${database}/act:${id}:${added[0]}`;
    const rev = (await bed.server.admin<{ _rev: string }>('GET', docId)).body._rev;
    expect((await bed.server.admin('DELETE', `${docId}?rev=${rev}`)).status).toBe(200);

    const st = await syncNow(ppid);
    expect(st.kept.menunggu).toBe(2);
    expect(st.kept.acts.map((a) => [a.actId, a.reason]).sort()).toEqual(
      [
        [added[1], 'mengikuti tindakan yang belum diterima'],
        [added[2], 'mengikuti tindakan yang belum diterima'],
      ].sort(),
    );
    expect(await titles(ppid, id)).toEqual([]);

    // The operator sends a package: the gap is filled, and the relay's copies are simply already here.
    await receive(ppid, await send(op, [id]), desks);
    const after = await syncNow(ppid);
    expect(after.kept).toMatchObject({ belumDipercaya: 0, menunggu: 0, ditolak: 0 });
    expect(await titles(ppid, id)).toEqual(['Profil Dinas', 'Rekap pengaduan', 'Jadwal layanan']);
    const ids = [...(await actsOn(ppid, id)).keys()];
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.sort()).toEqual([...(await actsOn(op, id)).keys()].sort());
    const status = await must<RelayStatus>(ppid.core, 'relay.status', {}, ppid.s.operator);
    expect(status.state).toBe('tersinkron');
  }, 120_000);
});
