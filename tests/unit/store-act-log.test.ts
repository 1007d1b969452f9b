import { promises as fs, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ACT_FORMAT, readAct, type Actor, type EventBody } from '../../electron/core/domain/workflow';
import { AppError } from '../../electron/core/result';
import { CycleRepository } from '../../electron/core/store/cycle-repository';
import { readEventLog } from '../../electron/core/store/event-log';
import { formatOneLog } from './act-log-fixtures';

const NEWER = 'Siklus ini dibuat oleh versi PPID Desk yang lebih baru. Perbarui aplikasi.';
const operator: Actor = { userId: 'u-op', username: 'operator', name: 'Operator', role: 'operator' };

let dir: string;
let cyclesRoot: string;
let backupsRoot: string;
let t = Date.parse('2026-11-23T01:00:00Z');
const now = () => new Date(t);

beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'ppid-actlog-'));
  cyclesRoot = path.join(dir, 'cycles');
  backupsRoot = path.join(dir, 'backups');
});
afterEach(() => fs.rm(dir, { recursive: true, force: true }));

const open = (withBackups = true) => {
  t += 60_000;
  return CycleRepository.open(cyclesRoot, 'inst-test', withBackups ? { backupsRoot, now } : { now });
};

const item = (judul: string): EventBody => ({
  type: 'item.added',
  itemId: `item-${judul}`,
  fields: { bidang: 'Sekretariat', judul, catatan: '', ringkasan: '', pejabatPenguasa: '', penanggungJawab: '', waktuPembuatan: '', tempatPembuatan: '', bentuk: [], retensi: '', kategori: '', berkalaBulan: 0, exemption: { basis: 'pasal17', huruf: '', angka: 0, undangUndang: '', pasal: '', konsekuensi: '', pertimbangan: '', jangkaWaktu: '' } },
  origin: 'baru',
  sourceItemId: null,
});

/** A cycle of `acts` acts (created + items), each acknowledged on its own. */
async function cycleWith(repo: CycleRepository, acts: number): Promise<string> {
  const s = await repo.record(null, operator, now(), () => [{ type: 'cycle.created', title: 'DIP 2027', year: 2027, carriedFrom: null }]);
  for (let i = 2; i <= acts; i++) await repo.record(s.id, operator, now(), () => [item(`Informasi ${i}`)]);
  return s.id;
}

const logOf = (id: string) => path.join(cyclesRoot, id, 'events.jsonl');
const sideFiles = async (id: string) => (await fs.readdir(path.join(cyclesRoot, id))).filter((n) => n.startsWith('events.jsonl.sisa-'));

describe('a cycle log cut short', () => {
  it('7 acts cut to 3 and half a line: not silent, the half line set aside, the 4 lost acts back from the copy', async () => {
    let repo = await open();
    const id = await cycleWith(repo, 7);
    repo = await open(); // opening a log that grew since its last copy copies it
    expect(repo.get(id)!.eventCount).toBe(7);

    const text = await fs.readFile(logOf(id), 'utf8');
    const lines = text.split('\n');
    const half = lines[3]!.slice(0, Math.floor(lines[3]!.length / 2));
    await fs.writeFile(logOf(id), `${lines.slice(0, 3).join('\n')}\n${half}`);

    repo = await open();
    expect(repo.get(id)!.eventCount).toBe(7);
    expect(repo.get(id)!.items.map((i) => i.fields.judul)).toEqual([2, 3, 4, 5, 6, 7].map((n) => `Informasi ${n}`));
    expect(await fs.readFile(logOf(id), 'utf8')).toBe(text);
    const [side] = await sideFiles(id);
    expect(await fs.readFile(path.join(cyclesRoot, id, side!), 'utf8')).toBe(half);
    expect(repo.notices).toEqual([
      expect.objectContaining({ cycleId: id, title: 'DIP 2027', kind: 'dipulihkan', setAside: side, message: expect.stringMatching(/terpotong: 4 tindakan .* dikembalikan dari cadangan/) }),
    ]);
    // The restored log keeps its chain: new acts follow it and it reopens cleanly.
    await repo.record(id, operator, now(), () => [item('Informasi 8')]);
    repo = await open();
    expect(repo.get(id)!.eventCount).toBe(8);
    expect(repo.notices).toEqual([]);
  });

  it('a log cut at a line end, with a copy holding more, is restored too', async () => {
    let repo = await open();
    const id = await cycleWith(repo, 5);
    repo = await open();
    const lines = (await fs.readFile(logOf(id), 'utf8')).split('\n');
    await fs.writeFile(logOf(id), `${lines.slice(0, 2).join('\n')}\n`);
    repo = await open();
    expect(repo.get(id)!.eventCount).toBe(5);
    expect(repo.notices).toEqual([expect.objectContaining({ kind: 'dipulihkan', setAside: null, message: expect.stringMatching(/3 tindakan/) })]);
  });

  it('with no copy that holds more, the half line is still set aside and reported, never dropped silently', async () => {
    let repo = await open(false);
    const id = await cycleWith(repo, 7);
    const lines = (await fs.readFile(logOf(id), 'utf8')).split('\n');
    const half = lines[3]!.slice(0, 40);
    await fs.writeFile(logOf(id), `${lines.slice(0, 3).join('\n')}\n${half}`);
    repo = await open(false);
    expect(repo.get(id)!.eventCount).toBe(3);
    const [side] = await sideFiles(id);
    expect(await fs.readFile(path.join(cyclesRoot, id, side!), 'utf8')).toBe(half);
    expect(repo.notices).toEqual([
      expect.objectContaining({ cycleId: id, kind: 'sisa', setAside: side, message: expect.stringMatching(/tidak lengkap dan disisihkan.*hubungi admin TI/s) }),
    ]);
    // The log was cut back to whole lines: the next act starts a clean line.
    await repo.record(id, operator, now(), () => [item('Sesudah')]);
    repo = await open(false);
    expect(repo.get(id)!.eventCount).toBe(4);
    expect(repo.damaged).toEqual([]);
  });

  it('a torn tail from a killed append is set aside and reported, every earlier act kept', async () => {
    let repo = await open();
    const id = await cycleWith(repo, 3);
    await fs.appendFile(logOf(id), '{"v":2,"id":"half-writ');
    repo = await open();
    expect(repo.get(id)!.eventCount).toBe(3);
    expect(repo.notices).toEqual([expect.objectContaining({ kind: 'sisa', message: expect.stringMatching(/disisihkan ke events\.jsonl\.sisa-/) })]);
    expect(await fs.readFile(path.join(cyclesRoot, id, (await sideFiles(id))[0]!), 'utf8')).toBe('{"v":2,"id":"half-writ');
  });

  it('a last act missing only its line end is kept, and the next act does not join its line', async () => {
    let repo = await open(false);
    const id = await cycleWith(repo, 2);
    await fs.writeFile(logOf(id), (await fs.readFile(logOf(id), 'utf8')).trimEnd());
    repo = await open(false);
    expect(repo.get(id)!.eventCount).toBe(2);
    await repo.record(id, operator, now(), () => [item('Lagi')]);
    repo = await open(false);
    expect(repo.get(id)!.eventCount).toBe(3);
  });
});

describe('the act format', () => {
  it('writes the format version on every act', async () => {
    const repo = await open();
    const id = await cycleWith(repo, 2);
    const lines = (await fs.readFile(logOf(id), 'utf8')).trim().split('\n');
    for (const l of lines) expect(JSON.parse(l).v).toBe(ACT_FORMAT);
    expect(lines[0]!.startsWith(`{"v":${ACT_FORMAT},`)).toBe(true);
  });

  it('an act from a newer format refuses that cycle with a clear message; the other cycles stay usable', async () => {
    let repo = await open();
    const newer = await cycleWith(repo, 2);
    const other = await cycleWith(repo, 2);
    const last = JSON.parse((await fs.readFile(logOf(newer), 'utf8')).trim().split('\n').at(-1)!);
    await fs.appendFile(logOf(newer), `${JSON.stringify({ v: ACT_FORMAT + 1, id: 'act-dari-masa-depan', cycleId: newer, parents: [last.id], body: { type: 'item.signed' }, sig: 'x', hash: 'y' })}\n`);
    const before = await fs.readFile(logOf(newer));
    repo = await open();
    expect(repo.get(newer)).toBeNull();
    expect(repo.damaged).toEqual([expect.objectContaining({ id: newer, kind: 'versi_baru', message: NEWER, backup: null })]);
    expect(repo.get(other)!.eventCount).toBe(2);
    await expect(repo.record(newer, operator, now(), () => [item('x')])).rejects.toMatchObject({ code: 'STORAGE', message: NEWER });
    // No older copy is put over acts a newer version wrote.
    await expect(repo.restoreCycle(newer, now())).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(await fs.readFile(logOf(newer))).toEqual(before);
  });

  it('an act type this version does not know, under the current format, is a damaged line, not silently skipped', async () => {
    let repo = await open(false);
    const id = await cycleWith(repo, 1);
    const text = await fs.readFile(logOf(id), 'utf8');
    // Re-chain a forged act properly so only its type is wrong.
    const { eventHash, eventLine } = await import('../../electron/core/store/event-log');
    const first = JSON.parse(text.trim());
    const base = { v: 4, id: 'act-aneh', cycleId: id, parents: [first.id], installationId: 'x', at: first.at, actor: operator, body: { type: 'item.teleported', itemId: 'a' } as never };
    await fs.appendFile(logOf(id), `${eventLine({ ...base, hash: eventHash([first.hash], base), sig: null })}\n`);
    repo = await open(false);
    expect(repo.damaged).toEqual([expect.objectContaining({ id, kind: 'rusak', message: expect.stringMatching(/baris 2: isi tindakan tidak sah/) })]);
  });

  it('old acts lacking a field are upcast with its default; their lines still verify as written and are not rewritten', async () => {
    const id = 'c0ffee00-0000-4000-8000-0000000000aa';
    // An early item: only bidang and judul (fields added later are missing), no `v`.
    const log = formatOneLog(id, [
      { at: '2026-01-05T01:00:00.000Z', actor: operator, body: { type: 'cycle.created', title: 'DIP 2025', year: 2025, carriedFrom: null } },
      { at: '2026-01-05T01:01:00.000Z', actor: operator, body: { type: 'item.added', itemId: 'lama-1', fields: { bidang: 'Sekretariat', judul: 'Profil' }, origin: 'baru', sourceItemId: null } },
      { at: '2026-01-05T01:02:00.000Z', actor: operator, body: { type: 'review.marked', itemId: 'lama-1', version: 0, verdict: 'sesuai' } },
    ]);
    await fs.mkdir(path.dirname(logOf(id)), { recursive: true });
    await fs.writeFile(logOf(id), log);
    const repo = await open();
    expect(repo.damaged).toEqual([]);
    const s = repo.get(id)!;
    expect(s.items[0]!.fields).toEqual({
      bidang: 'Sekretariat',
      judul: 'Profil',
      catatan: '',
      ringkasan: '',
      pejabatPenguasa: '',
      penanggungJawab: '',
      waktuPembuatan: '',
      tempatPembuatan: '',
      bentuk: [],
      retensi: '',
      kategori: '',
      berkalaBulan: 0,
      exemption: { basis: 'pasal17', huruf: '', angka: 0, undangUndang: '', pasal: '', konsekuensi: '', pertimbangan: '', jangkaWaktu: '' },
    });
    expect(s.reviews['lama-1']).toMatchObject({ verdict: 'sesuai', note: '' });
    expect(repo.events(id).every((e) => e.v === ACT_FORMAT)).toBe(true);
    expect(await fs.readFile(logOf(id), 'utf8')).toBe(log);
    // A new act follows the old chain and the mixed log reopens.
    await repo.record(id, operator, now(), () => [item('Baru')]);
    const again = await open();
    expect(again.get(id)!.eventCount).toBe(4);
  });

  it('readAct: upcasts format 1, refuses a newer format, rejects a malformed act', () => {
    const act = { id: 'a1', cycleId: 'c1', prev: null, installationId: 'i', at: '2026-01-05T01:00:00.000Z', actor: operator, body: { type: 'item.removed', itemId: 'x' }, hash: 'a'.repeat(64) };
    expect(readAct(act)).toMatchObject({ ok: true, act: { v: ACT_FORMAT, body: { type: 'item.removed' } } });
    expect(readAct({ ...act, v: 7 })).toEqual({ ok: false, reason: 'future', message: NEWER });
    expect(readAct({ ...act, actor: { ...operator, role: 'raja' } })).toMatchObject({ ok: false, reason: 'invalid' });
    expect(readAct([])).toMatchObject({ ok: false, reason: 'invalid' });
    // Ids that name Object.prototype's members never reach the fold's lookups.
    for (const itemId of ['__proto__', 'constructor', 'toString']) {
      expect(readAct({ ...act, body: { type: 'item.removed', itemId } }), itemId).toMatchObject({ ok: false, reason: 'invalid' });
    }
  });
});

describe('a damaged cycle', () => {
  it('a tampered line marks the cycle damaged; it comes back from its newest good copy, the damaged log kept beside', async () => {
    let repo = await open();
    const id = await cycleWith(repo, 4);
    const other = await cycleWith(repo, 2);
    repo = await open();
    const good = await fs.readFile(logOf(id), 'utf8');
    await fs.writeFile(logOf(id), good.replace('Informasi 3', 'Informasi palsu'));
    repo = await open();
    expect(repo.get(id)).toBeNull();
    expect(repo.damaged).toEqual([
      expect.objectContaining({ id, title: 'DIP 2027', kind: 'rusak', message: expect.stringMatching(/baris 3: riwayat diubah di luar aplikasi/), backup: expect.objectContaining({ name: expect.stringMatching(/\.jsonl$/) }) }),
    ]);
    await expect(repo.record(id, operator, now(), () => [item('x')])).rejects.toMatchObject({ code: 'STORAGE' });

    const restored = await repo.restoreCycle(id, now());
    expect(restored).toMatchObject({ cycleId: id, title: 'DIP 2027', acts: 4, keptAs: expect.stringMatching(/^events\.rusak-.*\.jsonl$/) });
    expect(await fs.readFile(path.join(cyclesRoot, id, restored.keptAs!), 'utf8')).toContain('Informasi palsu');
    expect(await fs.readFile(logOf(id), 'utf8')).toBe(good);
    expect(repo.damaged).toEqual([]);
    await repo.record(id, operator, now(), () => [item('Sesudah pemulihan')]);
    expect((await open()).get(id)!.eventCount).toBe(5);
    await expect(repo.restoreCycle(other, now())).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('a key added after a line\'s hash, where it would replace the hashed one when read, marks the cycle damaged', async () => {
    let repo = await open();
    const id = await cycleWith(repo, 3);
    const lines = (await fs.readFile(logOf(id), 'utf8')).split('\n');
    // The text before the hash stays as hashed: only a repeated key after it says otherwise.
    lines[1] = `${lines[1]!.slice(0, -1)},"body":${JSON.stringify({ ...item('Informasi palsu'), itemId: 'item-Informasi 2' })}}`;
    await fs.writeFile(logOf(id), lines.join('\n'));
    repo = await open();
    expect(repo.get(id)).toBeNull();
    expect(repo.damaged).toEqual([expect.objectContaining({ id, kind: 'rusak', message: expect.stringMatching(/baris 2: riwayat diubah di luar aplikasi/) })]);
  });

  it('without any copy, restoring says so and changes nothing', async () => {
    let repo = await open(false);
    const id = await cycleWith(repo, 2);
    await fs.appendFile(logOf(id), 'bukan json\n');
    const before = await fs.readFile(logOf(id));
    repo = await open();
    expect(repo.damaged[0]).toMatchObject({ id, message: expect.stringMatching(/baris 3 tidak terbaca/), backup: null });
    await expect(repo.restoreCycle(id, now())).rejects.toMatchObject({ code: 'NOT_FOUND', message: expect.stringMatching(/Tidak ada cadangan/) });
    expect(await fs.readFile(logOf(id))).toEqual(before);
  });

  it('ids that are no cycle answer NOT_FOUND, whatever they look like', async () => {
    const repo = await open();
    await cycleWith(repo, 1);
    for (const id of ['tidak-ada-siklus', '__proto__', 'constructor', 'toString', 'hasOwnProperty']) {
      const e = await repo.record(id, operator, now(), () => [item('x')]).catch((x: unknown) => x);
      expect(e, id).toBeInstanceOf(AppError);
      expect(e, id).toMatchObject({ code: 'NOT_FOUND', message: 'Siklus tidak ditemukan.' });
      expect(repo.get(id), id).toBeNull();
      expect(repo.damagedCycle(id), id).toBeNull();
      await expect(repo.restoreCycle(id, now()), id).rejects.toMatchObject({ code: 'NOT_FOUND' });
    }
  });
});

describe('copies of cycle logs', () => {
  it('are taken on the first act of a session, every 50 acts, and on an open that finds the log grown; only the last 10 kept', async () => {
    let repo = await open();
    const id = await cycleWith(repo, 1);
    const copies = () => fs.readdir(path.join(backupsRoot, `siklus-${id}`));
    expect(await copies()).toHaveLength(1);
    for (let i = 0; i < 49; i++) await repo.record(id, operator, now(), () => [item(`n${i}`)]);
    expect(await copies()).toHaveLength(1);
    await repo.record(id, operator, now(), () => [item('ke-50')]);
    expect(await copies()).toHaveLength(2);
    await repo.record(id, operator, now(), () => [item('ke-51')]);
    repo = await open();
    expect(await copies()).toHaveLength(3);
    repo = await open(); // unchanged: no new copy
    expect(await copies()).toHaveLength(3);
    for (let s = 0; s < 12; s++) {
      await repo.record(id, operator, now(), () => [item(`sesi-${s}`)]);
      repo = await open();
    }
    expect(await copies()).toHaveLength(10);
    const newest = (await copies()).sort().at(-1)!;
    expect((await readEventLog(path.join(backupsRoot, `siklus-${id}`, newest))).events).toHaveLength(repo.get(id)!.eventCount);
  });
});
