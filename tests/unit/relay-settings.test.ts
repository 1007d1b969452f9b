import { promises as fs } from 'node:fs';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CycleView } from '../../electron/core/domain/cycle-views';
import type { RelayConfigView, RelayStatus } from '../../electron/core/domain/sync/relay';
import { call, failure, must, removeTempDirs, snapshotDir } from '../fixtures/harness';
import { setUpRelay, startCouchServer, type CouchServer } from '../fixtures/couch-server';
import { connect, relayDesks, relayPassword, syncNow, type RelayDesk } from './relay-fixtures';
import { actsOn, eventsOn, receive, send, storesOf } from './sync-fixtures';

/**
 * Setting a relay up, and living with it next to packages: TLS for anything but this computer,
 * the password kept out of every file that travels (packages, backups, the settings a screen
 * reads), wrong credentials and a dead server said plainly, and a laptop that uses files and
 * the relay by turns holding every act once.
 */

let server: CouchServer;
const open: RelayDesk[] = [];
beforeAll(async () => {
  server = await startCouchServer();
}, 120_000);
afterEach(async () => {
  await Promise.all(open.splice(0).map((d) => d.core.close()));
});
afterAll(async () => {
  await server?.stop();
  await removeTempDirs();
});

let db = 0;
async function office(spec: Parameters<typeof relayDesks>[0], connectAll = true) {
  const desks = await relayDesks(spec);
  open.push(...desks);
  const database = `ppid-atur-${++db}`;
  await setUpRelay(server, database, desks.map((d) => ({ name: d.relayUser, password: relayPassword(d) })));
  if (connectAll) for (const d of desks) await connect(d, server, database);
  return { desks, database };
}

const input = (over: Record<string, unknown> = {}) => ({ url: 'https://relay.kapuashulukab.go.id', database: 'ppid-kapuashulu', username: 'laptop-1', password: 'sandi-panjang-sekali', enabled: true, ...over });

describe('Pengaturan › Server relay', () => {
  it('refuses an address without TLS unless it is this computer, and writes nothing', async () => {
    const { desks } = await office([{ name: 'Laptop Admin', roles: ['operator'] }], false);
    const d = desks[0]!;
    const before = await snapshotDir(d.dir);
    const r = failure(await call(d.core, 'relay.set', input({ url: 'http://relay.kapuashulukab.go.id' }), d.s.ppid));
    expect(r.code).toBe('INVALID_INPUT');
    expect(r.message).toContain('harus memakai https:// (TLS)');
    expect(failure(await call(d.core, 'relay.set', input({ url: 'https://laptop-1:rahasia@relay.kapuashulukab.go.id' }), d.s.ppid)).message).toContain('Jangan menulis nama pengguna');
    expect(failure(await call(d.core, 'relay.set', input({ database: 'PPID Kapuas' }), d.s.ppid)).message).toContain('Nama basis data relay');
    // Not an administrator: refused before anything is read.
    expect(failure(await call(d.core, 'relay.set', input(), d.s.operator)).code).toBe('FORBIDDEN');
    expect(await snapshotDir(d.dir)).toEqual(before);

    // This computer may use plain http; a remote host with https is accepted (and simply not reachable here).
    for (const url of ['http://127.0.0.1:5984', 'http://localhost:5984', 'http://[::1]:5984', 'https://relay.kapuashulukab.go.id/couch/']) {
      const v = await must<RelayConfigView>(d.core, 'relay.set', input({ url, enabled: false }), d.s.ppid);
      expect(v.url).toBe(url.replace(/\/+$/, ''));
    }
  });

  it('keeps the password out of relay.get, packages and backups; the loopback host keeps it in an owner-only file', async () => {
    const { desks } = await office([{ name: 'Laptop Admin', roles: ['operator'] }], false);
    const d = desks[0]!;
    const secret = 'sandi-relay-Yang-Tidak-Boleh-Bocor-77';
    const v = await must<RelayConfigView>(d.core, 'relay.set', input({ password: secret, enabled: false }), d.s.ppid);
    expect(v).toEqual({ url: 'https://relay.kapuashulukab.go.id', database: 'ppid-kapuashulu', username: 'laptop-1', enabled: false, hasPassword: true, protection: 'berkas' });
    expect(JSON.stringify(await must(d.core, 'relay.get', {}, d.s.ppid))).not.toContain(secret);
    // Changing the rest keeps the stored password (null: keep).
    expect((await must<RelayConfigView>(d.core, 'relay.set', input({ password: null, enabled: false, username: 'laptop-satu' }), d.s.ppid)).hasPassword).toBe(true);

    const file = path.join(d.dir, 'rahasia-relay.json');
    expect((await fs.stat(file)).mode & 0o777).toBe(0o600);
    for (const name of await fs.readdir(d.dir)) {
      if (name === 'rahasia-relay.json' || name === 'backups') continue;
      const st = await fs.stat(path.join(d.dir, name));
      if (st.isFile()) expect(await fs.readFile(path.join(d.dir, name), 'utf8'), name).not.toContain(secret);
    }

    const { id } = await must<{ id: string }>(d.core, 'cycles.create', { title: 'DIP 2027', year: 2027 }, d.s.operator);
    const pkg = await send(d, [id]);
    const backup = await must<{ base64: string }>(d.core, 'backup.create', {}, d.s.ppid);
    for (const zip of [pkg.bytes, Buffer.from(backup.base64, 'base64')]) {
      const files = unzipSync(zip);
      expect(Object.keys(files)).not.toContain('rahasia-relay.json');
      const all = Buffer.concat([zip, ...Object.values(files).map((f) => Buffer.from(f))]).toString('latin1');
      expect(all.includes(secret)).toBe(false);
    }
    // The backup does carry the relay's address (office data), so a restored laptop only asks for the password.
    expect(Object.keys(unzipSync(Buffer.from(backup.base64, 'base64')))).toContain('relay.json');
  });

  it('says plainly when the relay refuses this laptop, and when it cannot be reached; the office keeps working', async () => {
    const { desks, database } = await office([{ name: 'Laptop Operator', roles: ['operator'] }], false);
    const d = desks[0]!;
    await must(d.core, 'relay.set', { url: server.url, database, username: d.relayUser, password: 'bukan-sandinya', enabled: true }, d.s.ppid);
    await storesOf(d.core).relay.idle();
    let st = await must<RelayStatus>(d.core, 'relay.status', {}, d.s.operator);
    expect(st).toMatchObject({ state: 'galat', lastError: 'Server relay menolak nama pengguna atau kata sandi laptop ini.' });

    await must(d.core, 'relay.set', { url: server.url, database: 'tidak-ada', username: d.relayUser, password: relayPassword(d), enabled: true }, d.s.ppid);
    await storesOf(d.core).relay.idle();
    st = await must<RelayStatus>(d.core, 'relay.status', {}, d.s.operator);
    expect(st.state).toBe('galat');
    expect(st.lastError).toMatch(/Basis data "tidak-ada" tidak ada di server relay|tidak mengizinkan laptop ini/);

    // Nothing listens on this port: offline, and the work goes on.
    await must(d.core, 'relay.set', { url: 'http://127.0.0.1:9', database, username: d.relayUser, password: relayPassword(d), enabled: true }, d.s.ppid);
    await storesOf(d.core).relay.idle();
    const { id } = await must<{ id: string }>(d.core, 'cycles.create', { title: 'DIP 2027', year: 2027 }, d.s.operator);
    await must<CycleView>(d.core, 'cycles.addItems', { cycleId: id, items: [{ bidang: 'Sekretariat', judul: 'Profil Dinas' }] }, d.s.operator);
    st = await syncNow(d, true);
    expect(st).toMatchObject({ state: 'luring', waitingToSend: 2, lastError: 'Server relay tidak dapat dihubungi.' });

    // Switched off: nothing to say, nothing counted.
    await must(d.core, 'relay.set', { url: server.url, database, username: d.relayUser, password: null, enabled: false }, d.s.ppid);
    expect(await must<RelayStatus>(d.core, 'relay.status', {}, d.s.operator)).toMatchObject({ state: 'mati', waitingToSend: 0, lastError: null });
  });

  it('answers "Sinkronkan sekarang" with the round under way, so the top bar follows it from the click', async () => {
    const { desks } = await office([{ name: 'Laptop Operator', roles: ['operator'] }]);
    const d = desks[0]!;
    expect((await must<RelayStatus>(d.core, 'relay.syncNow', {}, d.s.operator)).state).toBe('menyinkronkan');
    await storesOf(d.core).relay.idle();
    expect((await must<RelayStatus>(d.core, 'relay.status', {}, d.s.operator)).state).toBe('tersinkron');
  });
});

describe('files and the relay side by side', () => {
  it('a laptop that uses packages and the relay by turns ends with each act once, and so does the relay', async () => {
    const { desks, database } = await office([
      { name: 'Laptop Operator', roles: ['operator'] },
      { name: 'Laptop PPID Pembantu', roles: ['ppid_pembantu'] },
      { name: 'Laptop Bidang', roles: ['operator'] },
    ]);
    const [op, ppid, bidang] = desks as [RelayDesk, RelayDesk, RelayDesk];
    const { id } = await must<{ id: string }>(op.core, 'cycles.create', { title: 'DIP 2027', year: 2027 }, op.s.operator);
    await must(op.core, 'cycles.addItems', { cycleId: id, items: [{ bidang: 'Sekretariat', judul: 'Profil Dinas' }] }, op.s.operator);
    // By file first: the PPID laptop receives a package, then both go through the relay.
    await receive(ppid, await send(op, [id]), desks);
    await syncNow(op);
    await syncNow(ppid);
    await must(op.core, 'cycles.act', { cycleId: id, action: 'report' }, op.s.operator);
    // By relay: the report reaches the PPID laptop; by file: the same acts reach the officer, who also pulls.
    await syncNow(op);
    await syncNow(ppid);
    await must(ppid.core, 'cycles.act', { cycleId: id, action: 'issueNotaDinas' }, ppid.s.ppid);
    await receive(bidang, await send(ppid, [id]), desks);
    await syncNow(bidang);
    await must(bidang.core, 'cycles.addItems', { cycleId: id, items: [{ bidang: 'Bidang Statistik Sektoral', judul: 'Data statistik' }] }, bidang.s.operator);
    await syncNow(bidang);
    // And back by file to the operator, who then pulls the same acts from the relay.
    await receive(op, await send(bidang, [id]), desks);
    await syncNow(op);
    await syncNow(ppid);
    await syncNow(bidang);
    for (const d of desks) {
      const ids = (await eventsOn(d, id)).map((e) => e.id);
      expect(new Set(ids).size, d.name).toBe(ids.length);
      expect((await syncNow(d)).kept).toMatchObject({ belumDipercaya: 0, menunggu: 0, ditolak: 0 });
    }
    const acts = await Promise.all(desks.map((d) => actsOn(d, id)));
    for (const a of acts.slice(1)) expect([...a].sort()).toEqual([...acts[0]!].sort());
    const docs = (await server.admin<{ rows: { id: string }[] }>('GET', `/${database}/_all_docs`)).body.rows.map((r) => r.id).filter((x) => x.startsWith('act:'));
    expect(docs.sort()).toEqual([...acts[0]!.keys()].map((a) => `act:${id}:${a}`).sort());
    const view = await must<CycleView>(op.core, 'cycles.get', { cycleId: id }, op.s.operator);
    expect(view.items.map((i) => i.fields.judul).sort()).toEqual(['Data statistik', 'Profil Dinas']);
    expect(view.step).toBe('pengumpulan');
  }, 120_000);
});
