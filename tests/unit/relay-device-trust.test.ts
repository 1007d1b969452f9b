import { createHash, generateKeyPairSync, sign } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { CycleView } from '../../electron/core/domain/cycle-views';
import { deviceCardDocId, type DeviceCardDoc } from '../../electron/core/domain/sync/device-card';
import { waitingToTrust } from '../../electron/core/domain/sync/relay';
import type { DeviceSelfView, TrustedDeviceView } from '../../electron/core/domain/sync/trust';
import path from 'node:path';
import { openRelayFiles, RELAY_CONFIG_FILE } from '../../electron/core/relay/relay-files';
import { call, codeOf, failure, must, tempDir } from '../fixtures/harness';
import { connect, relayTestBed, syncNow, trust, type RelayDesk } from './relay-fixtures';
import { storesOf } from './sync-fixtures';

/**
 * A laptop of the office that nobody here has trusted yet, met only on the relay: its acts wait,
 * its signed card tells who it claims to be, and an administrator trusts it once the key's code
 * has been compared with its owner by phone — never because the relay says so.
 */

const bed = relayTestBed('ppid-kartu');
const office = (spec: Parameters<typeof bed.office>[0]) => bed.office(spec);

async function threeItems(op: RelayDesk): Promise<string> {
  const { id } = await must<{ id: string }>(op.core, 'cycles.create', { title: 'DIP 2027 laptop baru', year: 2027 }, op.s.operator);
  for (const judul of ['Profil Dinas', 'Rekap pengaduan', 'Jadwal layanan']) {
    await must(op.core, 'cycles.addItems', { cycleId: id, items: [{ bidang: 'Sekretariat', judul }] }, op.s.operator);
  }
  return id;
}

const titles = async (d: RelayDesk, cycleId: string) => (await must<CycleView>(d.core, 'cycles.get', { cycleId }, d.s.ppid)).items.map((i) => i.fields.judul);

/** The card documents the relay holds for one installation. */
async function cardsOnServer(database: string, installationId: string): Promise<DeviceCardDoc[]> {
  const prefix = `kartu:${installationId}:`;
  const page = await bed.server.admin<{ rows: { doc: DeviceCardDoc }[] }>(
    'GET',
    `/${database}/_all_docs?include_docs=true&startkey=${encodeURIComponent(JSON.stringify(prefix))}&endkey=${encodeURIComponent(JSON.stringify(`${prefix}\ufff0`))}`,
  );
  return page.body.rows.map((r) => r.doc);
}

/** A card for `installationId` signed by a key that is not the laptop's: what anyone with write access to the relay can make. */
function cardUnderAnotherKey(real: DeviceCardDoc): { doc: DeviceCardDoc; publicKey: string } {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const raw = Buffer.from(publicKey.export({ format: 'jwk' }).x!, 'base64url').toString('base64');
  const body = { ...(JSON.parse(real.body) as Record<string, unknown>), publicKey: raw, at: '2026-03-05T08:00:00.000Z' };
  const text = JSON.stringify(body);
  const sig = sign(null, Buffer.from(text, 'utf8'), privateKey).toString('base64');
  const id = deviceCardDocId(real.installationId, createHash('sha256').update(text, 'utf8').digest('hex'));
  return { doc: { _id: id, type: 'kartu', installationId: real.installationId, officeId: real.officeId, body: text, sig }, publicKey: raw };
}

describe('a laptop known only through the relay', () => {
  it('waits with its card’s code and roles, is trusted by an administrator on that card only, and then its acts apply', async () => {
    const { desks, database } = await office([
      { name: 'Laptop PPID Pembantu', roles: ['ppid_pembantu'] },
      { name: 'Laptop Kepala', roles: ['kepala_opd'] },
      { name: 'Laptop Operator Baru', roles: ['operator'], trustedBy: 'tidak-ada' },
    ]);
    const [a, kepala, b] = desks as [RelayDesk, RelayDesk, RelayDesk];
    // The Kepala's laptop has met the new one (a package, say): its card vouches for it.
    await trust(kepala, b);
    for (const d of desks) await connect(d, bed.server, database);
    const bSelf = await must<DeviceSelfView>(b.core, 'devices.self', {}, b.s.operator);

    const cycleId = await threeItems(b);
    await syncNow(b);
    await syncNow(kepala);
    // A round with nothing changed puts no second card.
    await syncNow(b);
    const bCards = await cardsOnServer(database, b.installationId);
    expect(bCards).toHaveLength(1);

    // The card is taken away on the server before A reads it: the acts wait with no card, and trusting cannot be done yet.
    const rev = (await bed.server.admin<{ _rev: string }>('GET', `/${database}/${bCards[0]!._id}`)).body._rev;
    expect((await bed.server.admin('DELETE', `/${database}/${bCards[0]!._id}?rev=${rev}`)).status).toBe(200);
    let st = await syncNow(a);
    expect(st.kept.belumDipercaya).toBe(4);
    expect(st.devices).toEqual([{ installationId: b.installationId, actsWaiting: 4, roles: ['operator'], claims: [], trustedAs: null }]);
    const noCard = await call(a.core, 'relay.trustDevice', { installationId: b.installationId, publicKey: b.publicKey, roles: ['operator'] }, a.s.ppid);
    expect(failure(noCard).message).toContain('Kartu laptop ini belum ada di server relay');

    // Renamed, the laptop puts a new card at its next round.
    await must(b.core, 'devices.renameSelf', { name: 'Laptop Operator Sekretariat' }, b.s.ppid);
    await syncNow(b);
    expect(await cardsOnServer(database, b.installationId)).toHaveLength(1);
    st = await syncNow(a);
    const officeName = storesOf(a.core).settings.get()!.office.opdName;
    expect(st.devices).toEqual([
      {
        installationId: b.installationId,
        actsWaiting: 4,
        roles: ['operator'],
        claims: [
          {
            name: 'Laptop Operator Sekretariat',
            publicKey: b.publicKey,
            fingerprint: bSelf.fingerprint,
            officeId: storesOf(a.core).settings.get()!.officeId,
            officeName,
            sameOffice: true,
            knownBy: ['Laptop Kepala'],
            at: expect.any(String),
          },
        ],
        trustedAs: null,
      },
    ]);
    expect(waitingToTrust(st)).toBe(1);

    const trustFile = storesOf(a.core).paths.trust;
    const before = await fs.readFile(trustFile);
    // Only an administrator trusts.
    const byOperator = await call(a.core, 'relay.trustDevice', { installationId: b.installationId, publicKey: b.publicKey, roles: ['operator'] }, a.s.operator);
    expect(codeOf(byOperator)).toBe('FORBIDDEN');
    // A key no card names (here: the Kepala's) is refused, and nothing is written.
    const wrongKey = await call(a.core, 'relay.trustDevice', { installationId: b.installationId, publicKey: kepala.publicKey, roles: ['operator'] }, a.s.ppid);
    expect(failure(wrongKey).message).toContain('Kartu laptop ini belum ada di server relay');
    const noRoles = await call(a.core, 'relay.trustDevice', { installationId: b.installationId, publicKey: b.publicKey, roles: [] }, a.s.ppid);
    expect(codeOf(noRoles)).toBe('INVALID_INPUT');
    expect(await fs.readFile(trustFile)).toEqual(before);
    expect(storesOf(a.core).trust.get(b.installationId)).toBeNull();
    expect(storesOf(a.core).cycles.get(cycleId)).toBeNull();

    const trusted = await must<TrustedDeviceView>(a.core, 'relay.trustDevice', { installationId: b.installationId, publicKey: b.publicKey, roles: ['operator'] }, a.s.ppid);
    expect(trusted).toMatchObject({ name: 'Laptop Operator Sekretariat', fingerprint: bSelf.fingerprint, roles: ['operator'], source: 'relay', addedBy: 'ppid' });
    const audit = await must<{ action: string; summary: string }[]>(a.core, 'audit.listApp', {}, a.s.ppid);
    expect(audit.find((e) => e.action === 'perangkat.percayai')?.summary).toContain('Laptop Operator Sekretariat');
    expect(audit.find((e) => e.action === 'perangkat.percayai')?.summary).toContain('Dikenal dari kartunya di server relay');

    // The next round offers the waiting acts again: they apply.
    st = await syncNow(a);
    expect(st.kept).toMatchObject({ belumDipercaya: 0, menunggu: 0, ditolak: 0 });
    expect(st.devices).toEqual([]);
    expect(await titles(a, cycleId)).toEqual(['Profil Dinas', 'Rekap pengaduan', 'Jadwal layanan']);
  }, 180_000);

  it('a card changed on the server is refused and named; a card under another key is a second claim that never replaces the trusted key', async () => {
    const { desks, database } = await office([
      { name: 'Laptop PPID Pembantu', roles: ['ppid_pembantu'] },
      { name: 'Laptop Operator Baru', roles: ['operator'], trustedBy: 'tidak-ada' },
    ]);
    const [a, b] = desks as [RelayDesk, RelayDesk];
    for (const d of desks) await connect(d, bed.server, database);
    await syncNow(b);
    await syncNow(a);
    await must(a.core, 'relay.trustDevice', { installationId: b.installationId, publicKey: b.publicKey, roles: ['operator'] }, a.s.ppid);
    const bKey = storesOf(a.core).trust.get(b.installationId)!.publicKey;
    expect(bKey).toBe(b.publicKey);

    // Someone with the server's admin rights renames the laptop inside its signed card.
    const [real] = await cardsOnServer(database, b.installationId);
    const changed = { ...real!, body: real!.body.replace('"name":"Laptop Operator Baru"', '"name":"Laptop Palsu"') };
    expect((await bed.server.admin('PUT', `/${database}/${real!._id}`, changed)).status).toBe(201);
    let st = await syncNow(a);
    expect(st.cardsRefused).toEqual([{ docId: real!._id, name: 'Laptop Palsu', reason: 'kartu perangkat tidak sesuai namanya (diubah di server)' }]);
    expect(st.devices).toEqual([]);
    expect(storesOf(a.core).trust.get(b.installationId)!.name).toBe('Laptop Operator Baru');

    // A card for the same installation under another key, properly signed by that key: a second claim.
    const other = cardUnderAnotherKey(real!);
    expect((await bed.server.admin('PUT', `/${database}/${other.doc._id}`, other.doc)).status).toBe(201);
    st = await syncNow(a);
    const bFingerprint = (await must<DeviceSelfView>(b.core, 'devices.self', {}, b.s.operator)).fingerprint;
    expect(st.devices).toHaveLength(1);
    expect(st.devices[0]).toMatchObject({ installationId: b.installationId, actsWaiting: 0, trustedAs: { name: 'Laptop Operator Baru', fingerprint: bFingerprint } });
    expect(st.devices[0]!.claims.map((c) => c.publicKey)).toEqual([other.publicKey]);
    expect(st.devices[0]!.claims[0]!.fingerprint).not.toBe(bFingerprint);
    // Shown, not counted as a laptop waiting for trust.
    expect(waitingToTrust(st)).toBe(0);

    const trustFile = storesOf(a.core).paths.trust;
    const before = await fs.readFile(trustFile);
    const second = await call(a.core, 'relay.trustDevice', { installationId: b.installationId, publicKey: other.publicKey, roles: ['operator'] }, a.s.ppid);
    expect(failure(second).message).toMatch(/sudah dipercaya sebagai "Laptop Operator Baru" dengan kunci lain.*cabut dulu kepercayaan lamanya/);
    expect(await fs.readFile(trustFile)).toEqual(before);
    expect(storesOf(a.core).trust.get(b.installationId)!.publicKey).toBe(b.publicKey);

    // B's own work still applies under its trusted key.
    const cycleId = await threeItems(b);
    await syncNow(b);
    await syncNow(a);
    expect(await titles(a, cycleId)).toEqual(['Profil Dinas', 'Rekap pengaduan', 'Jadwal layanan']);
  }, 180_000);
});

describe('relay.json', () => {
  it('reads a file written before it carried a version as version 1, and writes the version', async () => {
    const dir = await tempDir();
    const file = path.join(dir, RELAY_CONFIG_FILE);
    const old = { url: 'https://relay.kapuashulukab.go.id', database: 'ppid-kapuashulu', username: 'laptop-1', enabled: true };
    await fs.writeFile(file, JSON.stringify(old));
    const [config] = await openRelayFiles(dir, new Date('2026-03-02T08:00:00Z'));
    expect(config.data).toEqual({ v: 1, ...old });
    // Not set aside as unreadable.
    expect(await fs.readdir(dir)).toEqual([RELAY_CONFIG_FILE]);
    await config.update((c) => ({ ...c, enabled: false }));
    expect(JSON.parse(await fs.readFile(file, 'utf8'))).toEqual({ v: 1, ...old, enabled: false });
  });
});
