import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { CycleView } from '../../electron/core/domain/cycle-views';
import type { RelayStatus } from '../../electron/core/domain/sync/relay';
import { must, removeTempDirs } from '../fixtures/harness';
import { setUpRelay, startCouchServer, type CouchServer } from '../fixtures/couch-server';
import { connect, relayDesks, relayPassword, syncNow, type RelayDesk } from './relay-fixtures';
import { actsOn, storesOf } from './sync-fixtures';

/**
 * The relay server dies in the middle of a push (SIGKILL between two `_bulk_docs` batches) and
 * comes back with what it had stored (pouchdb-server on disk): the app says it works offline,
 * keeps working, retries with a growing wait, and then pushes only what the relay does not
 * have — from the checkpoint stored after each batch — so every act is there exactly once.
 */

let server: CouchServer | null = null;
let open: RelayDesk[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((d) => d.core.close()));
  await server?.stop();
  server = null;
});
afterAll(removeTempDirs);

const BATCH = 10;

describe('a push cut by the server dying', () => {
  it('resumes from its checkpoint after the restart: nothing lost, nothing sent twice, and the waits grow while it is down', async () => {
    server = await startCouchServer({ persistent: true });
    const batches: { kind: string; done: number }[] = [];
    let killAfter: number | null = null;
    const desks = await relayDesks(
      [
        { name: 'Laptop Operator', roles: ['operator'] },
        { name: 'Laptop PPID Pembantu', roles: ['ppid_pembantu'] },
      ],
      {
        batchSize: BATCH,
        firstRetryMs: 5_000,
        maxRetryMs: 60_000,
        onBatch: async (kind, done) => {
          batches.push({ kind, done });
          if (kind === 'kirim' && killAfter !== null && batches.filter((b) => b.kind === 'kirim').length === killAfter) await server!.kill();
        },
      },
    );
    open = desks;
    const [op, ppid] = desks as [RelayDesk, RelayDesk];
    await setUpRelay(server, 'ppid-dinas', desks.map((d) => ({ name: d.relayUser, password: relayPassword(d) })));
    for (const d of desks) await connect(d, server, 'ppid-dinas');

    const { id } = await must<{ id: string }>(op.core, 'cycles.create', { title: 'DIP 2027', year: 2027 }, op.s.operator);
    for (let n = 0; n < 34; n++) await must(op.core, 'cycles.addItems', { cycleId: id, items: [{ bidang: 'Sekretariat', judul: `Informasi ${n + 1}` }] }, op.s.operator);
    const total = storesOf(op.core).cycles.events(id).length;
    expect(total).toBe(35);

    // Two batches reach the relay, then it dies.
    batches.length = 0;
    killAfter = 2;
    let st = await syncNow(op, true);
    expect(st.state).toBe('luring');
    expect(st.lastError).toBe('Server relay tidak dapat dihubungi.');
    expect(storesOf(op.core).relay.state.push.cycles[id]).toMatchObject({ acts: 2 * BATCH });
    expect(st.waitingToSend).toBe(total - 2 * BATCH);
    expect(op.timer.asked.at(-1)).toBe(5_000);

    // Offline, the office keeps working; the next try fails again and waits twice as long.
    killAfter = null;
    await must<CycleView>(op.core, 'cycles.addItems', { cycleId: id, items: [{ bidang: 'Sekretariat', judul: 'Dicatat saat luring' }] }, op.s.operator);
    op.timer.fire();
    await storesOf(op.core).relay.idle();
    st = await must<RelayStatus>(op.core, 'relay.status', {}, op.s.operator);
    expect(st).toMatchObject({ state: 'luring', waitingToSend: total + 1 - 2 * BATCH });
    expect(op.timer.asked.slice(-2)).toEqual([5_000, 10_000]);
    // ... and longer, up to the cap.
    for (let n = 0; n < 4; n++) {
      op.timer.fire();
      await storesOf(op.core).relay.idle();
    }
    expect(op.timer.asked.slice(-6)).toEqual([5_000, 10_000, 20_000, 40_000, 60_000, 60_000]);

    // Back up, with the two batches it had stored: the push starts after them.
    await server.restart();
    batches.length = 0;
    op.timer.fire();
    await storesOf(op.core).relay.idle();
    st = await must<RelayStatus>(op.core, 'relay.status', {}, op.s.operator);
    expect(st).toMatchObject({ state: 'tersinkron', waitingToSend: 0, lastError: null });
    const pushed = batches.filter((b) => b.kind === 'kirim');
    expect(pushed.at(-1)!.done).toBe(total + 1 - 2 * BATCH);
    // Then the regular round again, not a retry.
    expect(op.timer.asked.at(-1)).toBe(60_000);

    // The relay holds every act once; the other laptop gets each once.
    const all = await server.admin<{ rows: { id: string }[] }>('GET', '/ppid-dinas/_all_docs');
    const actDocs = all.body.rows.map((r) => r.id).filter((d) => d.startsWith('act:'));
    const local = [...(await actsOn(op, id)).keys()];
    expect(actDocs.sort()).toEqual(local.map((a) => `act:${id}:${a}`).sort());
    await syncNow(ppid);
    expect([...(await actsOn(ppid, id))].sort()).toEqual([...(await actsOn(op, id))].sort());
    const view = await must<CycleView>(ppid.core, 'cycles.get', { cycleId: id }, ppid.s.ppid);
    expect(view.items).toHaveLength(35);
  }, 240_000);
});

describe('a relay database lost and made anew', () => {
  it('is filled again at the next round: each laptop finds its receipt gone and pushes everything once more', async () => {
    server = await startCouchServer();
    const pushed: number[] = [];
    const desks = await relayDesks(
      [
        { name: 'Laptop Operator', roles: ['operator'] },
        { name: 'Laptop PPID Pembantu', roles: ['ppid_pembantu'] },
      ],
      { onBatch: (kind, done) => void (kind === 'kirim' && pushed.push(done)) },
    );
    open = desks;
    const [op, ppid] = desks as [RelayDesk, RelayDesk];
    await setUpRelay(server, 'ppid-dinas', desks.map((d) => ({ name: d.relayUser, password: relayPassword(d) })));
    for (const d of desks) await connect(d, server, 'ppid-dinas');
    const { id } = await must<{ id: string }>(op.core, 'cycles.create', { title: 'DIP 2027', year: 2027 }, op.s.operator);
    await must(op.core, 'cycles.addItems', { cycleId: id, items: [{ bidang: 'Sekretariat', judul: 'Profil Dinas' }] }, op.s.operator);
    await syncNow(op);
    const acts = [...(await actsOn(op, id)).keys()];

    // The server's disk is lost: the admin TI makes the database again, empty, as docs/relay.md says.
    expect((await server.admin('DELETE', '/ppid-dinas')).status).toBe(200);
    await setUpRelay(server, 'ppid-dinas', []);
    pushed.length = 0;
    await syncNow(op);
    expect(pushed).toEqual([acts.length]);
    const docs = (await server.admin<{ rows: { id: string }[] }>('GET', '/ppid-dinas/_all_docs')).body.rows.map((r) => r.id).filter((x) => x.startsWith('act:'));
    expect(docs.sort()).toEqual(acts.map((a) => `act:${id}:${a}`).sort());
    // Its card too, so that a laptop meeting it there can trust it.
    const cards = (await server.admin<{ rows: { id: string }[] }>('GET', '/ppid-dinas/_all_docs')).body.rows.filter((r) => r.id.startsWith(`kartu:${op.installationId}:`));
    expect(cards).toHaveLength(1);
    // The next round finds its receipt: nothing is sent again.
    pushed.length = 0;
    expect((await syncNow(op)).waitingToSend).toBe(0);
    expect(pushed).toEqual([]);
    await syncNow(ppid);
    expect([...(await actsOn(ppid, id))].sort()).toEqual([...(await actsOn(op, id))].sort());
  }, 120_000);
});

describe('a relay that stalls', () => {
  it('holds no call back: work, status and a backup go on while a round waits on the server', async () => {
    server = await startCouchServer();
    let release: () => void = () => undefined;
    let stalled: Promise<void> | null = null;
    const desks = await relayDesks([{ name: 'Laptop Operator', roles: ['operator'] }], {
      batchSize: 1,
      onBatch: (kind) => {
        if (kind !== 'kirim' || stalled) return;
        // The round sits in the middle of its push, as on a slow line.
        stalled = new Promise<void>((r) => (release = r));
        return stalled;
      },
    });
    open = desks;
    const op = desks[0]!;
    await setUpRelay(server, 'ppid-dinas', [{ name: op.relayUser, password: relayPassword(op) }]);
    await must(op.core, 'relay.set', { url: server.url, database: 'ppid-dinas', username: op.relayUser, password: relayPassword(op), enabled: false }, op.s.ppid);
    const { id } = await must<{ id: string }>(op.core, 'cycles.create', { title: 'DIP 2027', year: 2027 }, op.s.operator);
    await must(op.core, 'cycles.addItems', { cycleId: id, items: [{ bidang: 'Sekretariat', judul: 'Profil Dinas' }] }, op.s.operator);
    await must(op.core, 'relay.set', { url: server.url, database: 'ppid-dinas', username: op.relayUser, password: null, enabled: true }, op.s.ppid);
    while (!stalled) await new Promise((r) => setTimeout(r, 20));

    const view = await must<CycleView>(op.core, 'cycles.addItems', { cycleId: id, items: [{ bidang: 'Sekretariat', judul: 'Rekap pengaduan' }] }, op.s.operator);
    expect(view.items).toHaveLength(2);
    expect((await must<RelayStatus>(op.core, 'relay.syncNow', {}, op.s.operator)).state).toBe('menyinkronkan');
    expect((await must<{ fileName: string }>(op.core, 'backup.create', {}, op.s.ppid)).fileName).toMatch(/\.ppidbackup$/);

    release();
    await storesOf(op.core).relay.idle();
    const st = await must<RelayStatus>(op.core, 'relay.status', {}, op.s.operator);
    // The round asked for while one ran came right after it, and took the new item too.
    expect(st).toMatchObject({ state: 'tersinkron', waitingToSend: 0 });
  }, 120_000);
});

