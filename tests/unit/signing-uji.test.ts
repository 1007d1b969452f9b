import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { promises as fs, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { Core } from '../../electron/core/app-core';
import type { Clock } from '../../electron/core/clock';
import { DEMO_PASSWORD } from '../../electron/core/services/demo';
import type { CycleView, SigningPreview } from '../../electron/core/domain/cycle-views';
import { completeItem, UJI_PARTICIPANTS } from './workflow-fixtures';

class FakeClock implements Clock {
  constructor(public t = Date.parse('2026-11-23T01:00:00Z')) {}
  now() {
    return new Date(this.t);
  }
  advance(min: number) {
    this.t += min * 60_000;
  }
}

let dir: string;
let core: Core;
let clock: FakeClock;
const sessions: Record<string, string> = {};

async function login(u: string, password = DEMO_PASSWORD) {
  return core.invoke({ name: 'auth.login', input: { username: u, password } });
}
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
const logLines = async (id: string) => (await fs.readFile(path.join(dir, 'cycles', id, 'events.jsonl'), 'utf8')).trim().split('\n').length;
const docText = (base64: string) =>
  strFromU8(unzipSync(Buffer.from(base64, 'base64'))['word/document.xml']!)
    .replace(/<[^>]+>/g, '')
    .replace(/\s+/g, ' ');

async function loginAll() {
  for (const u of ['operator', 'ppid', 'kepala']) {
    const r = await login(u);
    sessions[u] = (r as { data: { sessionToken: string } }).data.sessionToken;
  }
}

beforeEach(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'ppid-sign-'));
  clock = new FakeClock();
  core = await Core.open({ dataDir: dir, clock, holder: 'test', resourcesDir: path.resolve('resources'), appVersion: '0.0.0-test' });
  await core.invoke({ name: 'setup.loadDemo' });
  await loginAll();
});
afterEach(async () => {
  await core.close();
  await fs.rm(dir, { recursive: true, force: true });
});

/** A cycle at step 5 (before the Kepala), with one exempt item unless told otherwise. */
async function atStepFive(withExempt = true): Promise<string> {
  const { id } = await call<{ id: string }>('operator', 'cycles.create', { title: 'DIP 2026', year: 2026 });
  const items = [completeItem('Profil Dinas', 'Sekretariat', 'berkala'), completeItem('Rekap pengaduan', 'Sekretariat', 'setiap_saat')];
  if (withExempt) items.push(completeItem('Data kesehatan pegawai', 'Sekretariat', 'dikecualikan'));
  await call('operator', 'cycles.addItems', { cycleId: id, items });
  await call('operator', 'cycles.act', { cycleId: id, action: 'report' });
  await call('ppid', 'cycles.act', { cycleId: id, action: 'issueNotaDinas' });
  const v = await call('operator', 'cycles.act', { cycleId: id, action: 'submitKonsep' });
  for (const i of v.items) await call('ppid', 'cycles.markReview', { cycleId: id, itemId: i.id, verdict: 'sesuai' });
  await call('ppid', 'cycles.act', { cycleId: id, action: 'approve' });
  return id;
}

describe('the Kepala signs with their password, checked by the core', () => {
  it('signs nothing without the password or with a wrong one, and signs with the right one', async () => {
    const id = await atStepFive(false);
    const before = await logLines(id);
    const none = await refused('kepala', 'cycles.act', { cycleId: id, action: 'approve' });
    expect(none).toMatchObject({ code: 'INVALID_INPUT', message: 'Masukkan kata sandi Anda untuk menandatangani.' });
    const wrong = await refused('kepala', 'cycles.act', { cycleId: id, action: 'approve', password: 'bukan-sandinya' });
    expect(wrong).toMatchObject({ code: 'INVALID_INPUT', message: 'Kata sandi salah. Tidak ada yang ditandatangani.' });
    expect(await logLines(id)).toBe(before);
    const still = await call('kepala', 'cycles.get', { cycleId: id });
    expect(still.step).toBe('pemeriksaan_kepala');
    expect(still.signed).toBeNull();

    const v = await call('kepala', 'cycles.act', { cycleId: id, action: 'approve', password: DEMO_PASSWORD });
    expect(v.step).toBe('arsip');
    expect(v.signed).toMatchObject({ by: 'Drs. Agustinus Rangkap, M.Si.' });
  });

  it('counts wrong signing passwords toward the log-in lock of that user', async () => {
    const id = await atStepFive(false);
    for (let n = 0; n < 5; n++) await refused('kepala', 'cycles.act', { cycleId: id, action: 'approve', password: `salah-${n}` });
    const locked = await refused('kepala', 'cycles.act', { cycleId: id, action: 'approve', password: DEMO_PASSWORD });
    expect(locked.code).toBe('TOO_MANY_ATTEMPTS');
    const loginNow = await login('kepala');
    expect(loginNow).toMatchObject({ ok: false, code: 'TOO_MANY_ATTEMPTS' });
    // Another user is not locked by the Kepala's tries.
    expect((await login('ppid')).ok).toBe(true);
    expect((await call('kepala', 'cycles.get', { cycleId: id })).signed).toBeNull();
  });

  it('shows what will be signed, and stores the fingerprint code the preview showed', async () => {
    const id = await atStepFive();
    await call('kepala', 'cycles.recordUji', { cycleId: id, participants: UJI_PARTICIPANTS });
    const p = await call<SigningPreview>('kepala', 'cycles.signingPreview', { cycleId: id });
    expect(p.dip.count).toBe(2);
    expect(p.dik.count).toBe(1);
    expect(p.dip.short).toMatch(/^[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}$/);
    expect(p.signedBy).toBe('Drs. Agustinus Rangkap, M.Si.');
    expect((await refused('ppid', 'cycles.signingPreview', { cycleId: id })).code).toBe('FORBIDDEN');
    clock.advance(3); // reading the dialog takes a while
    await call('kepala', 'cycles.act', { cycleId: id, action: 'approve', password: DEMO_PASSWORD, signedAt: p.at });
    const printed = await call<{ dip: { short: string; note?: string | null }; dik: { short: string } }>('kepala', 'documents.fingerprints', { cycleId: id });
    expect(printed.dip.short).toBe(p.dip.short);
    expect(printed.dik.short).toBe(p.dik.short);
    expect(printed.dip.note ?? null).toBeNull();
  });

  it('refuses a preview from before the last act or an hour old', async () => {
    const id = await atStepFive(false);
    const p = await call<SigningPreview>('kepala', 'cycles.signingPreview', { cycleId: id });
    clock.advance(60);
    const stale = await refused('kepala', 'cycles.act', { cycleId: id, action: 'approve', password: DEMO_PASSWORD, signedAt: p.at });
    expect(stale).toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/Pratinjau tanda tangan sudah tidak berlaku/) });
    expect((await call('kepala', 'cycles.get', { cycleId: id })).signed).toBeNull();
  });
});

describe('the uji konsekuensi is an act of the cycle', () => {
  it('must be recorded before the Kepala signs exempt items, and is recorded by the Kepala only', async () => {
    const id = await atStepFive();
    const before = await logLines(id);
    const v0 = await call('kepala', 'cycles.get', { cycleId: id });
    const approve = v0.actions.find((a) => a.action === 'approve')!;
    expect(approve.allowed).toBe(false);
    expect(approve.problems.join(' ')).toMatch(/Catat uji konsekuensi/);
    const early = await refused('kepala', 'cycles.act', { cycleId: id, action: 'approve', password: DEMO_PASSWORD });
    expect(early).toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/Catat uji konsekuensi/) });
    expect(await logLines(id)).toBe(before);

    expect((await refused('ppid', 'cycles.recordUji', { cycleId: id, participants: UJI_PARTICIPANTS })).code).toBe('FORBIDDEN');
    const alone = await refused('kepala', 'cycles.recordUji', { cycleId: id, participants: UJI_PARTICIPANTS.slice(0, 1) });
    expect(alone).toMatchObject({ code: 'INVALID_INPUT', message: expect.stringMatching(/sedikitnya dua peserta/) });
    const unnamed = await refused('kepala', 'cycles.recordUji', { cycleId: id, participants: [...UJI_PARTICIPANTS, { name: ' ', role: 'Narasumber' }] });
    expect(unnamed.code).toBe('INVALID_INPUT');
    expect(await logLines(id)).toBe(before);

    const others = [...UJI_PARTICIPANTS, { name: 'dr. Maria Ulfa', nip: '', jabatan: 'Kepala Puskesmas', role: 'Narasumber' }];
    const v = await call('kepala', 'cycles.recordUji', { cycleId: id, participants: others });
    expect(v.ujiKonsekuensi).toMatchObject({ at: '2026-11-23T01:00:00.000Z', by: 'Drs. Agustinus Rangkap, M.Si.', participants: others });
    expect(v.actions.find((a) => a.action === 'approve')!.allowed).toBe(true);
    const tl = await call<{ summary: string }[]>('kepala', 'cycles.timeline', { cycleId: id });
    expect(tl[0]!.summary).toMatch(/Uji konsekuensi .* dicatat, diikuti .*dr\. Maria Ulfa\.$/);

    const signed = await call('kepala', 'cycles.act', { cycleId: id, action: 'approve', password: DEMO_PASSWORD });
    expect(signed.step).toBe('arsip');
    expect((await refused('kepala', 'cycles.recordUji', { cycleId: id, participants: UJI_PARTICIPANTS })).code).toBe('CONFLICT');
  });

  it('is not asked for when nothing is exempt', async () => {
    const id = await atStepFive(false);
    expect((await refused('kepala', 'cycles.recordUji', { cycleId: id, participants: UJI_PARTICIPANTS })).message).toMatch(/tidak diperlukan/);
    expect((await call('kepala', 'cycles.get', { cycleId: id })).actions.find((a) => a.action === 'approve')!.allowed).toBe(true);
  });

  it('a uji of an earlier Konsep version does not count after the list went back and was sent again', async () => {
    const id = await atStepFive();
    await call('kepala', 'cycles.recordUji', { cycleId: id, participants: UJI_PARTICIPANTS });
    await call('kepala', 'cycles.act', { cycleId: id, action: 'return', reasons: 'Periksa lagi pengecualiannya' });
    await call('ppid', 'cycles.act', { cycleId: id, action: 'return', reasons: 'Perbaiki uraian pengecualian' });
    let v = await call('operator', 'cycles.act', { cycleId: id, action: 'submitKonsep' });
    for (const i of v.items) await call('ppid', 'cycles.markReview', { cycleId: id, itemId: i.id, verdict: 'sesuai' });
    await call('ppid', 'cycles.act', { cycleId: id, action: 'approve' });
    v = await call('kepala', 'cycles.get', { cycleId: id });
    expect(v.actions.find((a) => a.action === 'approve')!.problems.join(' ')).toMatch(/versi 1; catat ulang untuk versi 2/);
  });

  it('the sheet prints the day the uji was recorded, whenever it is printed', async () => {
    const id = await atStepFive();
    clock.t = Date.parse('2026-11-24T02:00:00Z'); // Selasa, 24 November 2026 in Pontianak
    await loginAll();
    await call('kepala', 'cycles.recordUji', { cycleId: id, participants: UJI_PARTICIPANTS });
    for (const day of ['2026-11-25T02:00:00Z', '2026-11-27T02:00:00Z']) {
      clock.t = Date.parse(day);
      await loginAll();
      const doc = await call<{ base64: string }>('kepala', 'documents.build', { cycleId: id, kind: 'ujiKonsekuensi' });
      const text = docText(doc.base64);
      expect(text).toContain('Pada hari ini, Selasa, 24 November 2026');
      // Signed by the people the act recorded, not by whoever Pengaturan lists today.
      expect(text).toMatch(/Yang melakukan uji konsekuensi:.*Yohanes Sudarto, S\.Kom\..*Ketua PPID Pembantu/);
      expect(text).not.toContain('Rizky Pratama');
      expect(text).not.toMatch(/2[57] November 2026/);
    }
  });
});

describe('input the editor and the core agree on', () => {
  it('refuses a berkala period the editor cannot offer, with the editor’s message, and stores nothing', async () => {
    const { id } = await call<{ id: string }>('operator', 'cycles.create', { title: 'DIP 2026', year: 2026 });
    const before = await logLines(id);
    const bad = await refused('operator', 'cycles.addItems', { cycleId: id, items: [{ ...completeItem('LRA', 'Sekretariat', 'berkala'), berkalaBulan: 12 }] });
    expect(bad).toMatchObject({ code: 'INVALID_INPUT', message: expect.stringMatching(/setiap 1, 3 atau 6 bulan/) });
    expect(await logLines(id)).toBe(before);
    const v = await call('operator', 'cycles.addItems', { cycleId: id, items: [completeItem('LRA', 'Sekretariat', 'berkala')] });
    const upd = await refused('operator', 'cycles.updateItem', { cycleId: id, itemId: v.items[0]!.id, fields: { berkalaBulan: 2 } });
    expect(upd).toMatchObject({ code: 'INVALID_INPUT', message: expect.stringMatching(/setiap 1, 3 atau 6 bulan/) });
    expect((await call('operator', 'cycles.get', { cycleId: id })).items[0]!.fields.berkalaBulan).toBe(6);
  });
});
