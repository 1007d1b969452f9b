import { promises as fs, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CycleView } from '../../electron/core/domain/cycle-views';
import type { AppliedPackage } from '../../electron/core/domain/sync/preview';
import type { Actor, CycleEvent, EventBody } from '../../electron/core/domain/workflow';
import { CycleRepository } from '../../electron/core/store/cycle-repository';
import { eventLine, parseEventLog } from '../../electron/core/store/event-log';
import { must, removeTempDirs } from '../fixtures/harness';
import { desks, preview, receive, send, type Desk } from './sync-fixtures';
import { completeItem } from './workflow-fixtures';

/**
 * "Terapkan" follows a preview that may be minutes old. What the preview worked out is used
 * again only while the cycle stands where it stood; once it has moved (an act made here, or
 * another package received), receiving is checked again against the cycle as it is now:
 * every act is written once, concurrent work is joined by a merge, nothing held is lost.
 */

const operator: Actor = { userId: 'u-op', username: 'operator', name: 'Operator', role: 'operator' };
const item = (judul: string): EventBody => ({
  type: 'item.added',
  itemId: `item-${judul}`,
  fields: completeItem(judul, 'Sekretariat', 'setiap_saat'),
  origin: 'baru',
  sourceItemId: null,
});

describe('the cycle store: receiving after a preview', () => {
  let dir: string;
  let t = Date.parse('2026-11-23T01:00:00Z');
  const now = () => new Date((t += 60_000));
  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'ppid-reuse-'));
  });
  afterEach(() => fs.rm(dir, { recursive: true, force: true }));

  const open = (name: string) => CycleRepository.open(path.join(dir, name), `inst-${name}`);
  const linesOf = (acts: readonly CycleEvent[]) => new Map(acts.map((e) => [e.id, eventLine(e)]));
  const idsInLog = async (root: string, id: string) => {
    const file = path.join(dir, root, id, 'events.jsonl');
    return parseEventLog(file, await fs.readFile(file)).events.map((e) => e.id);
  };

  it('a package whose acts arrived meanwhile in another one writes nothing again', async () => {
    const sender = await open('pengirim');
    const { id } = await sender.record(null, operator, now(), () => [{ type: 'cycle.created', title: 'DIP 2027', year: 2027, carriedFrom: null }]);
    await sender.record(id, operator, now(), () => [item('Profil Dinas')]);
    const first = [...sender.events(id)];
    await sender.record(id, operator, now(), () => [item('Rekap pengaduan'), item('Draf lama')]);
    await sender.record(id, operator, now(), () => [
      { type: 'item.updated', itemId: 'item-Profil Dinas', fields: { retensi: '10 tahun' } },
      { type: 'item.removed', itemId: 'item-Draf lama' },
    ]);
    const later = [...sender.events(id)];

    const receiver = await open('penerima');
    const planned = receiver.preview(id, first, () => null);
    expect(planned).toMatchObject({ ok: true, fresh: first });
    // The later package, with every act of the first, is received before the first one's "Terapkan".
    expect((await receiver.receive(id, later, linesOf(later), () => null, now())).fresh).toHaveLength(6);
    const r = await receiver.receive(id, first, linesOf(first), () => null, now());
    expect(r.fresh).toEqual([]);
    expect(r.merged).toBeNull();
    expect(await idsInLog('penerima', id)).toEqual(later.map((e) => e.id));
    expect(receiver.get(id)!.items.map((i) => [i.fields.judul, i.fields.retensi])).toEqual([
      ['Profil Dinas', '10 tahun'],
      ['Rekap pengaduan', '5 tahun'],
    ]);
    // What the store holds in memory is what its log reads back as, and what the sender holds.
    expect((await open('penerima')).get(id)).toEqual(receiver.get(id));
    expect(receiver.get(id)).toEqual(sender.get(id));
  });

  it('an act made here after the preview is kept, and joined to the received ones by a merge', async () => {
    const sender = await open('pengirim');
    const { id } = await sender.record(null, operator, now(), () => [{ type: 'cycle.created', title: 'DIP 2027', year: 2027, carriedFrom: null }]);
    const receiver = await open('penerima');
    const created = [...sender.events(id)];
    await receiver.receive(id, created, linesOf(created), () => null, now());
    await sender.record(id, operator, now(), () => [item('Profil Dinas')]);
    const incoming = [...sender.events(id)];

    expect(receiver.preview(id, incoming, () => null)).toMatchObject({ ok: true, fresh: [incoming[1]] });
    await receiver.record(id, operator, now(), () => [item('Rekap pengaduan')]);
    const r = await receiver.receive(id, incoming, linesOf(incoming), () => null, now());
    expect(r.fresh).toEqual([incoming[1]]);
    expect(r.merged).not.toBeNull();
    expect(r.state.items.map((i) => i.fields.judul).sort()).toEqual(['Profil Dinas', 'Rekap pengaduan']);
    expect(r.state.heads).toEqual([r.merged!.id]);
    // What the store holds in memory is what its log reads back as.
    const reopened = await open('penerima');
    expect(reopened.get(id)).toEqual(receiver.get(id));
    expect(await idsInLog('penerima', id)).toHaveLength(4);
  });

  it('the signer check is asked again of every new act, in order, even when nothing else changed', async () => {
    const sender = await open('pengirim');
    const { id } = await sender.record(null, operator, now(), () => [{ type: 'cycle.created', title: 'DIP 2027', year: 2027, carriedFrom: null }]);
    await sender.record(id, operator, now(), () => [item('Profil Dinas'), item('Rekap pengaduan')]);
    const incoming = [...sender.events(id)];
    const receiver = await open('penerima');
    expect(receiver.preview(id, incoming, () => null).ok).toBe(true);
    const asked: string[] = [];
    const refuseSecond = (e: CycleEvent) => (asked.push(e.id), e.id === incoming[2]!.id ? 'perangkat ini tidak dipercaya' : null);
    expect(receiver.preview(id, incoming, refuseSecond)).toEqual({ ok: false, actId: incoming[2]!.id, message: 'perangkat ini tidak dipercaya' });
    expect(asked).toEqual(incoming.map((e) => e.id));
    await expect(receiver.receive(id, incoming, linesOf(incoming), refuseSecond, now())).rejects.toMatchObject({ code: 'CONFLICT', message: 'perangkat ini tidak dipercaya' });
    await expect(fs.access(path.join(dir, 'penerima', id))).rejects.toThrow();
  });
});

describe('sync.apply of a preview made before the cycle moved on this laptop', () => {
  let open: Desk[] = [];
  afterEach(async () => {
    await Promise.all(open.splice(0).map((d) => d.core.close()));
  });
  afterAll(removeTempDirs);

  it('keeps the item added here meanwhile, takes the one received, and both laptops can go on', async () => {
    open = await desks([
      { name: 'Laptop Operator', roles: ['operator'] },
      { name: 'Laptop Bidang IKP', roles: ['operator'] },
    ]);
    const [a, b] = open as [Desk, Desk];
    const { id } = await must<{ id: string }>(a.core, 'cycles.create', { title: 'DIP 2027', year: 2027 }, a.s.operator);
    await receive(b, await send(a, [id]), open);
    await must(a.core, 'cycles.addItems', { cycleId: id, items: [completeItem('Profil Dinas', 'Sekretariat', 'berkala')] }, a.s.operator);

    const p = await preview(b, await send(a, [id]));
    expect(p.cycles).toEqual([expect.objectContaining({ newActs: 1, itemsAdded: ['Profil Dinas'] })]);
    await must(b.core, 'cycles.addItems', { cycleId: id, items: [completeItem('Rekap pengaduan', 'Sekretariat', 'setiap_saat')] }, b.s.operator);
    const applied = await must<AppliedPackage>(b.core, 'sync.apply', { previewId: p.previewId, trust: [] }, b.s.ppid);
    expect(applied.cycles).toEqual([expect.objectContaining({ id, newActs: 1, merged: true })]);
    const view = await must<CycleView>(b.core, 'cycles.get', { cycleId: id }, b.s.operator);
    expect(view.items.map((i) => i.fields.judul).sort()).toEqual(['Profil Dinas', 'Rekap pengaduan']);

    // Back on the first laptop, the two cycles are one again.
    await receive(a, await send(b, [id]), open);
    const there = await must<CycleView>(a.core, 'cycles.get', { cycleId: id }, a.s.operator);
    expect(there.items.map((i) => i.fields.judul).sort()).toEqual(['Profil Dinas', 'Rekap pengaduan']);
  });
});
