import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/app-core';
import type { CycleView } from '../../electron/core/domain/cycle-views';
import type { PackageRecordView } from '../../electron/core/domain/sync/preview';
import { call, failure, login, makePng, must, openCore, removeTempDirs } from '../fixtures/harness';
import { actsOn, desks, preview, receive, send, storesOf, type Desk } from './sync-fixtures';
import { completeItem } from './workflow-fixtures';

/**
 * "Applies all of it or nothing" across a crash: the package is kept in sync/masuk/ while it
 * is applied, so an app killed between two cycles (or before the package is on record) finishes
 * the receive on its next start — every act present exactly once, the package recorded once.
 */

let open: Desk[] = [];
const reopened: Core[] = [];
afterEach(async () => {
  await Promise.all([...open.splice(0).map((d) => d.core.close()), ...reopened.splice(0).map((c) => c.close())]);
});
afterAll(removeTempDirs);

async function twoCycles() {
  const [op, ppid] = (open = await desks([
    { name: 'Laptop Operator', roles: ['operator'] },
    { name: 'Laptop PPID Pembantu', roles: ['ppid_pembantu'] },
  ])) as [Desk, Desk];
  const ids: string[] = [];
  for (const year of [2027, 2028]) {
    const { id } = await must<{ id: string }>(op.core, 'cycles.create', { title: `DIP ${year}`, year }, op.s.operator);
    const v = await must<CycleView>(op.core, 'cycles.addItems', { cycleId: id, items: [completeItem(`Profil Dinas ${year}`, 'Sekretariat', 'berkala')] }, op.s.operator);
    await must(op.core, 'cycles.attach', { cycleId: id, itemId: v.items[0]!.id, name: `sk-${year}.png`, base64: makePng(4, year - 2020).toString('base64') }, op.s.operator);
    ids.push(id);
  }
  const pkg = await send(op, ids);
  const p = await preview(ppid, pkg);
  const trust = [{ installationId: op.installationId, roles: ['operator'] }];
  return { op, ppid, ids, pkg, p, trust };
}

/** The PPID laptop's app stops; the same data folder opens again, as on the next start. */
async function restart(ppid: Desk): Promise<Core> {
  await ppid.core.close();
  open = open.filter((d) => d !== ppid);
  const core = await openCore(ppid.dir, ppid.clock);
  reopened.push(core);
  return core;
}

async function journal(dir: string): Promise<string[]> {
  return fs.readdir(path.join(dir, 'sync', 'masuk')).catch(() => []);
}

/** Every act of the cycle on the receiver exactly once, and the same set as the sender's. */
async function sameActsOnce(op: Desk, ppid: Desk, id: string) {
  const lines = (await fs.readFile(path.join(ppid.dir, 'cycles', id, 'events.jsonl'), 'utf8')).trim().split('\n');
  const mine = await actsOn(ppid, id);
  expect(mine.size).toBe(lines.length);
  expect([...mine].sort()).toEqual([...(await actsOn(op, id))].sort());
}

describe('a receive cut short', () => {
  it('between the two cycles of a package: the next start finishes it, every act once', async () => {
    const { op, ppid, ids, pkg, p, trust } = await twoCycles();
    const repo = storesOf(ppid.core).cycles;
    const real = repo.receive.bind(repo);
    let n = 0;
    repo.receive = async (...args) => {
      if (++n === 2) throw new Error('listrik padam');
      return real(...args);
    };
    failure(await call(ppid.core, 'sync.apply', { previewId: p.previewId, trust }, ppid.s.ppid));
    // Half of it is on disk, and the package waits in the journal.
    const onDisk = await Promise.all(ids.map((id) => fs.access(path.join(ppid.dir, 'cycles', id, 'events.jsonl')).then(() => true, () => false)));
    expect(onDisk.sort()).toEqual([false, true]);
    expect(await journal(ppid.dir)).toEqual([`${pkg.packageId}.ppid`]);

    const core = await restart(ppid);
    expect(await journal(ppid.dir)).toEqual([]);
    const session = await login(core, 'ppid');
    for (const id of ids) {
      const v = await must<CycleView>(core, 'cycles.get', { cycleId: id }, session);
      expect(v.items).toHaveLength(1);
      const att = v.items[0]!.attachments[0]!;
      await must(core, 'cycles.attachmentContent', { cycleId: id, itemId: v.items[0]!.id, attachmentId: att.id }, session);
      await sameActsOnce(op, ppid, id);
    }
    const history = await must<PackageRecordView[]>(core, 'sync.history', {}, session);
    expect(history.filter((h) => h.direction === 'terima').map((h) => [h.packageId, h.seq])).toEqual([[pkg.packageId, 1]]);
    // The trust decision made before the cut stands.
    const devices = await must<{ installationId: string; roles: string[]; source: string }[]>(core, 'devices.list', {}, session);
    expect(devices.filter((d) => d.source === 'paket')).toEqual([expect.objectContaining({ installationId: op.installationId, roles: ['operator'] })]);
  });

  it('after the acts, before the package is on record: the next start records it once and adds no act', async () => {
    const { op, ppid, ids, pkg, p, trust } = await twoCycles();
    const state = storesOf(ppid.core).syncState;
    state.recordReceived = () => Promise.reject(new Error('disk penuh'));
    failure(await call(ppid.core, 'sync.apply', { previewId: p.previewId, trust }, ppid.s.ppid));
    const core = await restart(ppid);
    const session = await login(core, 'ppid');
    for (const id of ids) await sameActsOnce(op, ppid, id);
    const history = await must<PackageRecordView[]>(core, 'sync.history', {}, session);
    expect(history.filter((h) => h.direction === 'terima').map((h) => h.packageId)).toEqual([pkg.packageId]);
    expect(await journal(ppid.dir)).toEqual([]);
  });

  it('with only the journal written (the app stopped right after): the next start applies the package whole', async () => {
    const { op, ppid, ids, pkg } = await twoCycles();
    // Trusted earlier by an administrator, as an apply does before it writes the journal.
    await must(ppid.core, 'devices.trust', { installationId: op.installationId, name: op.name, publicKey: op.publicKey, roles: ['operator'] }, ppid.s.ppid);
    await fs.mkdir(path.join(ppid.dir, 'sync', 'masuk'), { recursive: true });
    await fs.writeFile(path.join(ppid.dir, 'sync', 'masuk', `${pkg.packageId}.ppid`), pkg.bytes);
    const core = await restart(ppid);
    expect(await journal(ppid.dir)).toEqual([]);
    for (const id of ids) await sameActsOnce(op, ppid, id);
    // Receiving the same file afterwards finds nothing new.
    const session = await login(core, 'ppid');
    const again = await must<{ alreadyReceived: boolean; nothingNew: boolean }>(core, 'sync.preview', { base64: pkg.base64, fileName: pkg.fileName }, session);
    expect(again).toMatchObject({ alreadyReceived: true, nothingNew: true });
    await receive({ ...ppid, core, s: { ...ppid.s, ppid: session } }, pkg, open);
    for (const id of ids) await sameActsOnce(op, ppid, id);
  });
});
