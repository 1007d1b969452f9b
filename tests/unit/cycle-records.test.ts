import { promises as fs, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Core } from '../../electron/core/app-core';
import type { CycleNoticeView, DamagedCycleView } from '../../electron/core/contract';
import { DEMO_PASSWORD } from '../../electron/core/services/demo';

let dir: string;
let core: Core;
const clock = { t: Date.parse('2026-11-23T01:00:00Z'), now() { return new Date(this.t); } };
const sessions: Record<string, string> = {};

async function open() {
  clock.t += 60_000;
  core = await Core.open({ dataDir: dir, clock, holder: 'test', resourcesDir: path.resolve('resources'), appVersion: '0.0.0-test' });
  for (const u of ['operator', 'ppid', 'kepala']) {
    const r = await core.invoke({ name: 'auth.login', input: { username: u, password: DEMO_PASSWORD } });
    sessions[u] = (r as { data: { sessionToken: string } }).data.sessionToken;
  }
}
const invoke = (who: string, name: string, input: unknown = {}) => core.invoke({ name, input, session: sessions[who] });
async function call<T>(who: string, name: string, input: unknown = {}): Promise<T> {
  const r = await invoke(who, name, input);
  if (!r.ok) throw new Error(`${name} as ${who}: ${r.code} ${r.message}`);
  return r.data as T;
}
type List = { cycles: { id: string }[]; damaged: DamagedCycleView[]; notices: CycleNoticeView[] };

beforeEach(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'ppid-records-'));
  core = await Core.open({ dataDir: dir, clock, holder: 'test', resourcesDir: path.resolve('resources'), appVersion: '0.0.0-test' });
  await core.invoke({ name: 'setup.loadDemo' });
  await core.close();
  await open();
});
afterEach(async () => {
  await core.close();
  await fs.rm(dir, { recursive: true, force: true });
});

const draft = { kepada: 'a', dari: 'b', tembusan: [], sifat: 'Biasa', lampiran: '-', hal: 'c', isi: 'd', batasWaktu: 'e' };
/** Every call that changes or reads one cycle, with input that passes validation. */
const edits = (cycleId: string): [string, string, unknown][] => [
  ['operator', 'cycles.addItems', { cycleId, items: [{ bidang: 'Sekretariat', judul: 'Profil' }] }],
  ['operator', 'cycles.updateItem', { cycleId, itemId: 'item-satu', fields: { judul: 'Baru' } }],
  ['operator', 'cycles.removeItem', { cycleId, itemId: 'item-satu' }],
  ['operator', 'cycles.act', { cycleId, action: 'report' }],
  ['operator', 'cycles.detach', { cycleId, itemId: 'item-satu', attachmentId: 'lampiran-1' }],
  ['operator', 'cycles.attach', { cycleId, itemId: 'item-satu', name: 'a.pdf', base64: 'JVBERi0xLjQK' }],
  ['ppid', 'cycles.markReview', { cycleId, itemId: 'item-satu', verdict: 'sesuai' }],
  ['ppid', 'cycles.markUnchanged', { cycleId }],
  ['ppid', 'cycles.saveNotaDinas', { cycleId, draft }],
  ['operator', 'cycles.get', { cycleId }],
  ['operator', 'cycles.timeline', { cycleId }],
  ['operator', 'cycles.changes', { cycleId }],
  ['operator', 'documents.fingerprints', { cycleId }],
  ['ppid', 'documents.build', { cycleId, kind: 'notaDinas' }],
];

describe('clear answers for a cycle that is not there or is damaged', () => {
  it('a missing cycle, however its id looks, answers NOT_FOUND on every call, never INTERNAL', async () => {
    await call('operator', 'cycles.create', { title: 'DIP 2027', year: 2027 });
    for (const id of ['tidak-ada-siklus', '__proto__', 'constructor', 'hasOwnProperty']) {
      for (const [who, name, input] of edits(id)) {
        const r = await invoke(who, name, input);
        expect(r, `${name} ${id}`).toMatchObject({ ok: false, code: 'NOT_FOUND', message: 'Siklus tidak ditemukan.' });
      }
    }
  });

  it('a damaged cycle answers with what is wrong with it (STORAGE) on every call; an admin restores it from its copy', async () => {
    const { id } = await call<{ id: string }>('operator', 'cycles.create', { title: 'DIP 2027', year: 2027 });
    await call('operator', 'cycles.addItems', { cycleId: id, items: [{ bidang: 'Sekretariat', judul: 'Profil' }] });
    await core.close();
    await open(); // the grown log is copied
    await core.close();
    const file = path.join(dir, 'cycles', id, 'events.jsonl');
    await fs.writeFile(file, (await fs.readFile(file, 'utf8')).replace('Profil', 'Palsu'));
    await open();

    const list = await call<List>('operator', 'cycles.list');
    expect(list.damaged).toEqual([{ id, title: 'DIP 2027', kind: 'rusak', message: expect.stringMatching(/diubah di luar aplikasi/), backup: expect.objectContaining({ createdAt: expect.any(String) }) }]);
    for (const [who, name, input] of edits(id)) {
      const r = await invoke(who, name, input);
      expect(r, name).toMatchObject({ ok: false, code: 'STORAGE', message: expect.stringMatching(/diubah di luar aplikasi/) });
    }

    // Administrators only; the operator is refused and nothing changes.
    expect(await invoke('operator', 'recovery.restoreCycle', { cycleId: id })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    const restored = await call<{ acts: number; keptAs: string }>('ppid', 'recovery.restoreCycle', { cycleId: id });
    expect(restored).toMatchObject({ cycleId: id, title: 'DIP 2027', acts: 2, keptAs: expect.stringMatching(/^events\.rusak-.+\.jsonl$/) });
    expect(await fs.readFile(path.join(dir, 'cycles', id, restored.keptAs), 'utf8')).toContain('Palsu');
    const v = await call<{ items: { fields: { judul: string } }[] }>('operator', 'cycles.get', { cycleId: id });
    expect(v.items.map((i) => i.fields.judul)).toEqual(['Profil']);
    expect((await call<List>('operator', 'cycles.list')).damaged).toEqual([]);
    const audit = await call<{ action: string; actor: { username: string } }[]>('ppid', 'audit.listApp');
    expect(audit.find((a) => a.action === 'siklus.pulihkan')).toMatchObject({ actor: { username: 'ppid' } });
    expect(await invoke('ppid', 'recovery.restoreCycle', { cycleId: '__proto__' })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
  });
});

describe('what the app did to a log on open is listed with the cycles', () => {
  it('a torn tail set aside shows as a notice; a cut log restored from its copy shows as another', async () => {
    const { id } = await call<{ id: string }>('operator', 'cycles.create', { title: 'DIP 2027', year: 2027 });
    await call('operator', 'cycles.addItems', { cycleId: id, items: [{ bidang: 'Sekretariat', judul: 'Profil' }] });
    await call('operator', 'cycles.addItems', { cycleId: id, items: [{ bidang: 'Sekretariat', judul: 'Agenda' }] });
    await core.close();
    const file = path.join(dir, 'cycles', id, 'events.jsonl');
    await fs.appendFile(file, '{"v":2,"id":"setengah');
    await open();
    let list = await call<List>('operator', 'cycles.list');
    expect(list.notices).toEqual([expect.objectContaining({ cycleId: id, title: 'DIP 2027', kind: 'sisa', setAside: expect.stringMatching(/^events\.jsonl\.sisa-/) })]);
    expect(list.cycles.map((c) => c.id)).toEqual([id]);

    await core.close();
    const lines = (await fs.readFile(file, 'utf8')).split('\n');
    await fs.writeFile(file, `${lines[0]}\n${lines[1]!.slice(0, 30)}`);
    await open();
    list = await call<List>('operator', 'cycles.list');
    expect(list.notices).toEqual([expect.objectContaining({ cycleId: id, kind: 'dipulihkan', message: expect.stringMatching(/2 tindakan/) })]);
    const v = await call<{ items: { fields: { judul: string } }[] }>('operator', 'cycles.get', { cycleId: id });
    expect(v.items.map((i) => i.fields.judul)).toEqual(['Profil', 'Agenda']);
    // Both stay on record in the app audit after the session's notices are gone.
    const audit = await call<{ action: string; summary: string }[]>('ppid', 'audit.listApp');
    expect(audit.filter((a) => a.action.startsWith('siklus.')).map((a) => a.action).sort()).toEqual(['siklus.dipulihkan', 'siklus.sisa']);
  });
});
