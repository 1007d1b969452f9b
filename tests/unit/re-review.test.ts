import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { promises as fs, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Core } from '../../electron/core/app-core';
import type { Clock } from '../../electron/core/clock';
import { DEMO_PASSWORD } from '../../electron/core/services/demo';
import type { CycleView, ItemView } from '../../electron/core/domain/cycle-views';
import { completeItem } from './workflow-fixtures';

/**
 * Issue 10, "re-review after a return", through the core as the screens call it: the PPID
 * Pembantu returns 2 of 12 items, the operator fixes them and sends version 2. Version 2 must
 * not start from nothing: the 10 untouched items keep their "Sesuai" (confirmed in one call),
 * the 2 fixed ones show what changed, field by field.
 */

const clock: Clock = { now: () => new Date('2026-11-23T02:00:00Z') };
let dir: string;
let core: Core;
const sessions: Record<string, string> = {};

async function call<T = CycleView>(who: string, name: string, input: unknown = {}): Promise<T> {
  const r = await core.invoke({ name, input, session: sessions[who] });
  if (!r.ok) throw new Error(`${name} as ${who}: ${r.code} ${r.message}`);
  return r.data as T;
}
async function refused(who: string, name: string, input: unknown) {
  const r = await core.invoke({ name, input, session: sessions[who] });
  expect(r.ok).toBe(false);
  return r as { ok: false; code: string; message: string };
}

beforeEach(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'ppid-rereview-'));
  core = await Core.open({ dataDir: dir, clock, holder: 'test', resourcesDir: path.resolve('resources'), appVersion: '0.0.0-test' });
  await core.invoke({ name: 'setup.loadDemo' });
  for (const u of ['operator', 'ppid', 'kepala']) {
    const r = await core.invoke({ name: 'auth.login', input: { username: u, password: DEMO_PASSWORD } });
    sessions[u] = (r as { data: { sessionToken: string } }).data.sessionToken;
  }
});
afterEach(async () => {
  await core.close();
  await fs.rm(dir, { recursive: true, force: true });
});

const TITLES = Array.from({ length: 12 }, (_, n) => `Informasi ${String(n + 1).padStart(2, '0')}`);
const byTitle = (v: CycleView, judul: string) => v.items.find((i) => i.fields.judul === judul)!;

/** A cycle at step 4, version 1, with 12 complete items. */
async function konsepSent(): Promise<string> {
  const { id } = await call<{ id: string }>('operator', 'cycles.create', { title: 'DIP 2027', year: 2027 });
  await call('operator', 'cycles.addItems', { cycleId: id, items: TITLES.map((t) => completeItem(t, 'Sekretariat', 'setiap_saat')) });
  await call('operator', 'cycles.act', { cycleId: id, action: 'report' });
  await call('ppid', 'cycles.act', { cycleId: id, action: 'issueNotaDinas' });
  await call('operator', 'cycles.act', { cycleId: id, action: 'submitKonsep' });
  return id;
}

/** Version 1 judged: items 03 and 07 need fixing, the rest are sesuai; returned to the operator. */
async function returnedTwo(id: string): Promise<CycleView> {
  let v = await call('ppid', 'cycles.get', { cycleId: id });
  for (const i of v.items) {
    const flag = i.fields.judul === 'Informasi 03' ? 'Retensi harus 10 tahun' : i.fields.judul === 'Informasi 07' ? 'Sebutkan bentuk hardcopy saja' : null;
    await call('ppid', 'cycles.markReview', { cycleId: id, itemId: i.id, verdict: flag ? 'perlu_perbaikan' : 'sesuai', note: flag ?? '' });
  }
  v = await call('ppid', 'cycles.act', { cycleId: id, action: 'return', reasons: 'Dua informasi perlu diperbaiki.' });
  expect(v.step).toBe('pengumpulan');
  return v;
}

async function logActs(id: string) {
  const text = await fs.readFile(path.join(dir, 'cycles', id, 'events.jsonl'), 'utf8');
  return text
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as { body: { type: string; [k: string]: unknown } });
}

describe('re-review after a return', () => {
  it('keeps the 10 unchanged "Sesuai", shows the 2 fixed items field by field, and confirms the 10 in one call', async () => {
    const id = await konsepSent();
    let v = await returnedTwo(id);

    // The operator's list: flagged until changed, then "sudah diperbaiki".
    expect(byTitle(v, 'Informasi 03')).toMatchObject({ flaggedNote: 'Retensi harus 10 tahun', fixed: false });
    v = await call('operator', 'cycles.updateItem', { cycleId: id, itemId: byTitle(v, 'Informasi 03').id, fields: { retensi: '10 tahun' } });
    expect(byTitle(v, 'Informasi 03')).toMatchObject({ flaggedNote: 'Retensi harus 10 tahun', fixed: true });
    expect(byTitle(v, 'Informasi 07').fixed).toBe(false);
    v = await call('operator', 'cycles.updateItem', { cycleId: id, itemId: byTitle(v, 'Informasi 07').id, fields: { bentuk: ['hardcopy'] } });
    expect(v.items.filter((i) => i.fixed).map((i) => i.fields.judul)).toEqual(['Informasi 03', 'Informasi 07']);
    expect(v.actions.find((a) => a.action === 'submitKonsep')!.warnings).toEqual([]);
    v = await call('operator', 'cycles.act', { cycleId: id, action: 'submitKonsep' });
    expect(v.version).toBe(2);

    // Version 2 at step 4: nothing of it is judged yet, but what was judged is not lost.
    v = await call('ppid', 'cycles.get', { cycleId: id });
    expect(v.items.every((i) => i.review === null)).toBe(true);
    const unchanged = v.items.filter((i) => i.sinceReview?.verdict === 'sesuai' && i.sinceReview.changes.length === 0);
    expect(unchanged).toHaveLength(10);
    expect(unchanged.every((i) => i.sinceReview!.version === 1)).toBe(true);
    expect(byTitle(v, 'Informasi 03').sinceReview).toEqual({
      version: 1,
      verdict: 'perlu_perbaikan',
      note: 'Retensi harus 10 tahun',
      changes: [{ field: 'retensi', label: 'Retensi', before: '5 tahun', after: '10 tahun' }],
    });
    expect(byTitle(v, 'Informasi 07').sinceReview!.changes).toEqual([
      { field: 'bentuk', label: 'Bentuk informasi', before: 'Softcopy, Hardcopy', after: 'Hardcopy' },
    ]);
    // Approval waits for this version's own judgment.
    expect((await refused('ppid', 'cycles.act', { cycleId: id, action: 'approve' })).message).toBe(
      '10 informasi tidak berubah sejak dinyatakan sesuai: tandai sesuai sekaligus. 2 informasi belum diperiksa.',
    );

    // One call: the 10 unchanged items are marked sesuai for version 2, each with what was judged.
    const before = (await logActs(id)).length;
    v = await call('ppid', 'cycles.markUnchanged', { cycleId: id });
    const added = (await logActs(id)).slice(before);
    expect(added).toHaveLength(10);
    expect(added.every((a) => a.body.type === 'review.marked' && a.body.version === 2 && a.body.verdict === 'sesuai')).toBe(true);
    expect(new Set(added.map((a) => (a.body.judged as { judul: string }).judul))).toEqual(new Set(unchanged.map((i) => i.fields.judul)));
    expect(v.items.filter((i) => i.review?.verdict === 'sesuai' && i.review.version === 2)).toHaveLength(10);
    expect(byTitle(v, 'Informasi 03').review).toBeNull();
    // Nothing left to confirm: a second press is refused and writes nothing.
    expect((await refused('ppid', 'cycles.markUnchanged', { cycleId: id })).message).toBe('Tidak ada informasi yang tidak berubah sejak dinyatakan sesuai.');
    expect(await logActs(id)).toHaveLength(before + 10);

    // The two fixed items are judged one by one; the differences stay visible after marking.
    for (const t of ['Informasi 03', 'Informasi 07']) await call('ppid', 'cycles.markReview', { cycleId: id, itemId: byTitle(v, t).id, verdict: 'sesuai' });
    v = await call('ppid', 'cycles.get', { cycleId: id });
    expect(byTitle(v, 'Informasi 03').sinceReview!.changes.map((c) => c.label)).toEqual(['Retensi']);
    v = await call('ppid', 'cycles.act', { cycleId: id, action: 'approve' });
    expect(v.step).toBe('pemeriksaan_kepala');
  });

  it('the Kepala\'s return opens a new round at step 4 that works the same way', async () => {
    const id = await konsepSent();
    let v = await call('ppid', 'cycles.get', { cycleId: id });
    for (const i of v.items) await call('ppid', 'cycles.markReview', { cycleId: id, itemId: i.id, verdict: 'sesuai' });
    await call('ppid', 'cycles.act', { cycleId: id, action: 'approve' });
    v = await call('kepala', 'cycles.act', { cycleId: id, action: 'return', reasons: 'Periksa ulang informasi 05.' });
    expect(v.step).toBe('pemeriksaan_ppid');
    expect(v.version).toBe(1);
    v = await call('ppid', 'cycles.get', { cycleId: id });
    expect(v.items.filter((i) => i.review === null && i.sinceReview?.verdict === 'sesuai' && !i.sinceReview.changes.length)).toHaveLength(12);
    // The PPID Pembantu flags item 05 and confirms the rest at once.
    await call('ppid', 'cycles.markReview', { cycleId: id, itemId: byTitle(v, 'Informasi 05').id, verdict: 'perlu_perbaikan', note: 'Ringkasan kurang jelas' });
    v = await call('ppid', 'cycles.markUnchanged', { cycleId: id });
    expect(v.items.filter((i) => i.review?.verdict === 'sesuai')).toHaveLength(11);
    v = await call('ppid', 'cycles.act', { cycleId: id, action: 'return', reasons: 'Ringkasan informasi 05.' });
    expect(v.returns.at(-1)!.flaggedItemIds).toEqual([byTitle(v, 'Informasi 05').id]);
  });

  it('sending flagged items unchanged is allowed after a warning, and the act records which', async () => {
    const id = await konsepSent();
    let v = await returnedTwo(id);
    v = await call('operator', 'cycles.updateItem', { cycleId: id, itemId: byTitle(v, 'Informasi 03').id, fields: { retensi: '10 tahun' } });
    const send = v.actions.find((a) => a.action === 'submitKonsep')!;
    expect(send.allowed).toBe(true);
    expect(send.warnings).toEqual([
      '1 informasi yang ditandai perlu perbaikan belum diubah: "Informasi 07". Konsep tetap dapat dikirim; peringatan ini dicatat dalam riwayat.',
    ]);
    v = await call('operator', 'cycles.act', { cycleId: id, action: 'submitKonsep' });
    expect(v.version).toBe(2);
    const sent = (await logActs(id)).at(-1)!.body as unknown as { action: string; data: { unchangedFlagged?: string[] } };
    expect(sent.action).toBe('submitKonsep');
    expect(sent.data.unchangedFlagged).toEqual([byTitle(v, 'Informasi 07').id]);
    const tl = await call<{ summary: string }[]>('operator', 'cycles.timeline', { cycleId: id, type: 'transition' });
    expect(tl[0]!.summary).toBe(
      'Konsep DIP versi 2 dikirim untuk diperiksa. Dikirim meski diperingatkan: 1 informasi yang ditandai perlu perbaikan belum diubah.',
    );
    // At step 4 the unfixed item is neither kept nor confirmed with the others.
    v = await call('ppid', 'cycles.get', { cycleId: id });
    const unfixed: ItemView = byTitle(v, 'Informasi 07');
    expect(unfixed.sinceReview).toMatchObject({ verdict: 'perlu_perbaikan', changes: [] });
    v = await call('ppid', 'cycles.markUnchanged', { cycleId: id });
    expect(byTitle(v, 'Informasi 07').review).toBeNull();
    expect(v.items.filter((i) => i.review)).toHaveLength(10);
  });

  it('a clean resend records no warning', async () => {
    const id = await konsepSent();
    let v = await returnedTwo(id);
    for (const [t, f] of [
      ['Informasi 03', { retensi: '10 tahun' }],
      ['Informasi 07', { bentuk: ['hardcopy'] }],
    ] as const) {
      v = await call('operator', 'cycles.updateItem', { cycleId: id, itemId: byTitle(v, t).id, fields: f });
    }
    await call('operator', 'cycles.act', { cycleId: id, action: 'submitKonsep' });
    const sent = (await logActs(id)).at(-1)!.body as unknown as { data: Record<string, unknown> };
    expect(sent.data).not.toHaveProperty('unchangedFlagged');
  });
});
