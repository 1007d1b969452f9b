import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { promises as fs, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Core } from '../../electron/core/app-core';
import type { Clock } from '../../electron/core/clock';
import { DEMO_PASSWORD } from '../../electron/core/services/demo';
import type { CycleView } from '../../electron/core/domain/cycle-views';
import { completeItem } from './workflow-fixtures';
import { signAsKepala } from './workflow-fixtures';
import { unzipSync, strFromU8 } from 'fflate';

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

async function open() {
  core = await Core.open({ dataDir: dir, clock, holder: 'test', resourcesDir: path.resolve('resources'), appVersion: '0.0.0-test' });
  for (const u of ['operator', 'ppid', 'kepala']) {
    const r = await core.invoke({ name: 'auth.login', input: { username: u, password: DEMO_PASSWORD } });
    sessions[u] = (r as { data: { sessionToken: string } }).data.sessionToken;
  }
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

beforeEach(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'ppid-cycle-'));
  clock = new FakeClock();
  core = await Core.open({ dataDir: dir, clock, holder: 'test', resourcesDir: path.resolve('resources'), appVersion: '0.0.0-test' });
  await core.invoke({ name: 'setup.loadDemo' });
  await core.close();
  await open();
});
afterEach(async () => {
  await core.close();
  await fs.rm(dir, { recursive: true, force: true });
});

const B = ['Sekretariat', 'Bidang Informasi dan Komunikasi Publik', 'Bidang Statistik Sektoral'];

describe('a documentation cycle through the core', () => {
  it('runs all six steps with both returns, survives a restart, and refuses the wrong role', async () => {
    const { id } = await call<{ id: string }>('operator', 'cycles.create', { title: 'DIP 2027', year: 2027 });
    // Step 1: identification (titles only), then report.
    let v = await call('operator', 'cycles.addItems', {
      cycleId: id,
      items: [
        { bidang: B[0], judul: 'Profil Dinas' },
        { bidang: B[1], judul: 'Rekap pengaduan' },
        { bidang: B[2], judul: 'Data kesehatan pegawai' },
      ],
    });
    expect(v.items).toHaveLength(3);
    expect((await refused('operator', 'cycles.act', { cycleId: id, action: 'approve' })).code).toBe('CONFLICT');
    v = await call('operator', 'cycles.act', { cycleId: id, action: 'report' });
    expect(v.step).toBe('nota_dinas');
    expect(v.holderRole).toBe('ppid_pembantu');

    // The operator cannot issue the Nota Dinas; the PPID Pembantu can, with the next number.
    expect((await refused('operator', 'cycles.act', { cycleId: id, action: 'issueNotaDinas' })).code).toBe('FORBIDDEN');
    clock.advance(10);
    v = await call('ppid', 'cycles.act', { cycleId: id, action: 'issueNotaDinas' });
    expect(v.notaDinas.number).toBe('500.12.2/001/Diskominfotik/2026');
    expect(v.notaDinas.draft.isi).toContain('Profil Dinas');
    expect(v.step).toBe('pengumpulan');

    // Step 3: fill every column; an incomplete Konsep is refused.
    expect((await refused('operator', 'cycles.act', { cycleId: id, action: 'submitKonsep' })).message).toMatch(/belum lengkap/);
    const [a, b, c] = v.items;
    await call('operator', 'cycles.updateItem', { cycleId: id, itemId: a!.id, fields: completeItem('Profil Dinas', B[0]!, 'berkala') });
    await call('operator', 'cycles.updateItem', { cycleId: id, itemId: b!.id, fields: completeItem('Rekap pengaduan', B[1]!, 'setiap_saat') });
    await call('operator', 'cycles.updateItem', { cycleId: id, itemId: c!.id, fields: completeItem('Data kesehatan pegawai', B[2]!, 'dikecualikan') });

    // Restart in the middle: nothing is lost.
    await core.close();
    await open();
    v = await call('operator', 'cycles.get', { cycleId: id });
    expect(v.items.every((i) => i.problems.length === 0)).toBe(true);
    expect(v.exemptCount).toBe(1);

    v = await call('operator', 'cycles.act', { cycleId: id, action: 'submitKonsep' });
    expect(v.version).toBe(1);
    // Step 4: one item needs fixing → return to the officer with reasons.
    await call('ppid', 'cycles.markReview', { cycleId: id, itemId: a!.id, verdict: 'sesuai' });
    await call('ppid', 'cycles.markReview', { cycleId: id, itemId: b!.id, verdict: 'perlu_perbaikan', note: 'Retensi harus 10 tahun' });
    await call('ppid', 'cycles.markReview', { cycleId: id, itemId: c!.id, verdict: 'sesuai' });
    expect((await refused('ppid', 'cycles.act', { cycleId: id, action: 'approve' })).message).toMatch(/perlu perbaikan/);
    expect((await refused('operator', 'cycles.act', { cycleId: id, action: 'approve' })).code).toBe('FORBIDDEN');
    v = await call('ppid', 'cycles.act', { cycleId: id, action: 'return', reasons: 'Perbaiki retensi rekap pengaduan' });
    expect(v.step).toBe('pengumpulan');
    const operatorView = await call('operator', 'cycles.get', { cycleId: id });
    expect(operatorView.items.find((i) => i.id === b!.id)!.flaggedNote).toBe('Retensi harus 10 tahun');
    expect(operatorView.items.find((i) => i.id === a!.id)!.flaggedNote).toBeNull();

    await call('operator', 'cycles.updateItem', { cycleId: id, itemId: b!.id, fields: { retensi: '10 tahun' } });
    v = await call('operator', 'cycles.act', { cycleId: id, action: 'submitKonsep' });
    expect(v.version).toBe(2);
    expect(v.items.every((i) => i.review === null)).toBe(true); // no stale verdicts
    for (const i of v.items) await call('ppid', 'cycles.markReview', { cycleId: id, itemId: i.id, verdict: 'sesuai' });
    v = await call('ppid', 'cycles.act', { cycleId: id, action: 'approve' });
    expect(v.step).toBe('pemeriksaan_kepala');

    // Step 5: the Kepala returns once, then signs.
    expect((await refused('kepala', 'cycles.act', { cycleId: id, action: 'return', reasons: '' })).code).toBe('INVALID_INPUT');
    v = await call('kepala', 'cycles.act', { cycleId: id, action: 'return', reasons: 'Judul profil kurang jelas' });
    expect(v.step).toBe('pemeriksaan_ppid');
    // Back at step 4 the PPID Pembantu judges again: nothing changed, so every "Sesuai" is kept
    // on screen and one call confirms them all before the Draft goes up again.
    v = await call('ppid', 'cycles.get', { cycleId: id });
    expect(v.items.map((i) => [i.review, i.sinceReview?.verdict, i.sinceReview?.changes])).toEqual(v.items.map(() => [null, 'sesuai', []]));
    v = await call('ppid', 'cycles.markUnchanged', { cycleId: id });
    v = await call('ppid', 'cycles.act', { cycleId: id, action: 'approve' });
    v = await signAsKepala(call, id, DEMO_PASSWORD);
    expect(v.step).toBe('arsip');
    expect(v.signed).toMatchObject({ by: 'Drs. Agustinus Rangkap, M.Si.' });
    // Final: the list is read-only.
    expect((await refused('operator', 'cycles.updateItem', { cycleId: id, itemId: a!.id, fields: { judul: 'Ubah' } })).code).toBe('CONFLICT');
    v = await call('kepala', 'cycles.act', { cycleId: id, action: 'archive', note: 'Lemari arsip PPID, map 2027' });
    expect(v.step).toBe('selesai');
    expect(v.returns.map((r) => `${r.from}→${r.to}`)).toEqual(['pemeriksaan_ppid→pengumpulan', 'pemeriksaan_kepala→pemeriksaan_ppid']);

    const tl = await call<{ summary: string; actor: { role: string } }[]>('operator', 'cycles.timeline', { cycleId: id, role: 'kepala_opd' });
    expect(tl.map((e) => e.summary)).toEqual(
      expect.arrayContaining([expect.stringMatching(/Alasan: Judul profil kurang jelas/), expect.stringMatching(/ditandatangani/)]),
    );
    expect(tl.every((e) => e.actor.role === 'kepala_opd')).toBe(true);
  });

  it('a new cycle carries the signed DIP over and a second open cycle for the year is refused', async () => {
    const { id } = await call<{ id: string }>('operator', 'cycles.create', { title: 'DIP 2026', year: 2026 });
    expect((await refused('operator', 'cycles.create', { title: 'DIP 2026 lagi', year: 2026 })).message).toMatch(/belum selesai/);
    expect((await refused('operator', 'cycles.create', { title: 'DIP 2027', year: 2027, carryFrom: id })).message).toMatch(/ditandatangani/);
    expect((await refused('kepala', 'cycles.create', { title: 'DIP 2028', year: 2028 })).code).toBe('FORBIDDEN');
  });

  it('a log changed outside the app is reported, the other cycles stay usable', async () => {
    const one = await call<{ id: string }>('operator', 'cycles.create', { title: 'DIP 2026', year: 2026 });
    const two = await call<{ id: string }>('operator', 'cycles.create', { title: 'DIP 2027', year: 2027 });
    await call('operator', 'cycles.addItems', { cycleId: one.id, items: [{ bidang: B[0], judul: 'Profil' }] });
    await core.close();
    const file = path.join(dir, 'cycles', one.id, 'events.jsonl');
    const text = await fs.readFile(file, 'utf8');
    await fs.writeFile(file, text.replace('Profil', 'Palsu'));
    await open();
    const list = await call<{ cycles: { id: string }[]; damaged: { id: string; message: string }[] }>('operator', 'cycles.list');
    expect(list.cycles.map((c) => c.id)).toEqual([two.id]);
    expect(list.damaged[0]).toMatchObject({ id: one.id, message: expect.stringMatching(/diubah di luar aplikasi/) });
    expect((await refused('operator', 'cycles.get', { cycleId: one.id })).code).toBe('STORAGE');
  });

  it('a torn last line from a killed process is dropped, earlier acts kept', async () => {
    const { id } = await call<{ id: string }>('operator', 'cycles.create', { title: 'DIP 2027', year: 2027 });
    await call('operator', 'cycles.addItems', { cycleId: id, items: [{ bidang: B[0], judul: 'Profil' }] });
    await core.close();
    const file = path.join(dir, 'cycles', id, 'events.jsonl');
    await fs.appendFile(file, '{"id":"half-writ');
    await open();
    const v = await call('operator', 'cycles.get', { cycleId: id });
    expect(v.items.map((i) => i.fields.judul)).toEqual(['Profil']);
    await call('operator', 'cycles.addItems', { cycleId: id, items: [{ bidang: B[0], judul: 'Renstra' }] });
    await core.close();
    await open();
    expect((await call('operator', 'cycles.get', { cycleId: id })).items).toHaveLength(2);
  });
});

describe('soft files and changes against last year', () => {
  it('keeps an attached file with its hash, refuses executables and path tricks', async () => {
    const { id } = await call<{ id: string }>('operator', 'cycles.create', { title: 'DIP 2027', year: 2027 });
    const v = await call('operator', 'cycles.addItems', { cycleId: id, items: [{ bidang: B[0], judul: 'Renstra' }] });
    const itemId = v.items[0]!.id;
    const pdf = Buffer.from('%PDF-1.4 renstra 2025-2029');
    const after = await call('operator', 'cycles.attach', { cycleId: id, itemId, name: '../../etc/Renstra 2025.pdf', base64: pdf.toString('base64') });
    const att = after.items[0]!.attachments[0]!;
    expect(att).toMatchObject({ name: 'Renstra 2025.pdf', bytes: pdf.length, mime: 'application/pdf' });
    expect(att.sha256).toMatch(/^[a-f0-9]{64}$/);
    const back = await call<{ base64: string }>('ppid', 'cycles.attachmentContent', { cycleId: id, itemId, attachmentId: att.id });
    expect(Buffer.from(back.base64, 'base64').equals(pdf)).toBe(true);
    const exe = await refused('operator', 'cycles.attach', { cycleId: id, itemId, name: 'virus.exe', base64: 'TVqQ' });
    expect(exe.message).toMatch(/\.exe tidak diterima/);
    expect((await refused('ppid', 'cycles.attach', { cycleId: id, itemId, name: 'a.pdf', base64: 'JVBE' })).code).toBe('FORBIDDEN');
  });

  it('shows what changed since the last signed DIP', async () => {
    const { id } = await call<{ id: string }>('operator', 'cycles.create', { title: 'DIP 2026', year: 2026 });
    await call('operator', 'cycles.addItems', {
      cycleId: id,
      items: [completeItem('Profil Dinas', B[0]!, 'berkala'), completeItem('Rekap pengaduan', B[1]!, 'setiap_saat'), completeItem('Agenda pimpinan', B[0]!, 'setiap_saat'), completeItem('Data kesehatan pegawai', B[2]!, 'dikecualikan')],
    });
    await call('operator', 'cycles.act', { cycleId: id, action: 'report' });
    await call('ppid', 'cycles.act', { cycleId: id, action: 'issueNotaDinas' });
    let v = await call('operator', 'cycles.act', { cycleId: id, action: 'submitKonsep' });
    for (const i of v.items) await call('ppid', 'cycles.markReview', { cycleId: id, itemId: i.id, verdict: 'sesuai' });
    await call('ppid', 'cycles.act', { cycleId: id, action: 'approve' });
    await signAsKepala(call, id, DEMO_PASSWORD);
    await call('kepala', 'cycles.act', { cycleId: id, action: 'archive' });

    const next = await call<{ id: string }>('operator', 'cycles.create', { title: 'DIP 2027', year: 2027, carryFrom: id });
    v = await call('operator', 'cycles.get', { cycleId: next.id });
    expect(v.items.map((i) => i.origin)).toEqual(['tetap', 'tetap', 'tetap', 'tetap']);
    const byTitle = (t: string) => v.items.find((i) => i.fields.judul === t)!.id;
    await call('operator', 'cycles.updateItem', { cycleId: next.id, itemId: byTitle('Rekap pengaduan'), fields: { kategori: 'berkala', berkalaBulan: 6 } });
    await call('operator', 'cycles.updateItem', { cycleId: next.id, itemId: byTitle('Profil Dinas'), fields: { retensi: 'Permanen' } });
    await call('operator', 'cycles.updateItem', { cycleId: next.id, itemId: byTitle('Data kesehatan pegawai'), fields: { kategori: 'setiap_saat' } });
    await call('operator', 'cycles.removeItem', { cycleId: next.id, itemId: byTitle('Agenda pimpinan') });
    await call('operator', 'cycles.addItems', { cycleId: next.id, items: [completeItem('Laporan LPPD', B[0]!, 'berkala')] });
    v = await call('operator', 'cycles.get', { cycleId: next.id });
    expect(v.items.find((i) => i.fields.judul === 'Profil Dinas')!.origin).toBe('berubah');

    const report = await call<{ counts: Record<string, number>; changes: { kind: string; judul: string; fields: string[] }[] }>('kepala', 'cycles.changes', { cycleId: next.id });
    expect(report.counts).toMatchObject({ reklasifikasi: 1, dibuka: 1, berubah: 1, dihapus: 1, baru: 1, tetap: 0 });
    expect(report.changes.find((c) => c.kind === 'berubah')).toMatchObject({ judul: 'Profil Dinas', fields: ['retensi'] });
    expect(report.changes.find((c) => c.kind === 'dihapus')!.judul).toBe('Agenda pimpinan');
  });
});

describe('documents from a cycle, and verifying a signed list', () => {
  const docXml = (b64: string) => strFromU8(unzipSync(Buffer.from(b64, 'base64'))['word/document.xml']!);
  const headers = (b64: string) =>
    Object.entries(unzipSync(Buffer.from(b64, 'base64')))
      .filter(([n]) => /word\/(header|footer)\d*\.xml/.test(n))
      .map(([, v]) => strFromU8(v))
      .join('');

  it('builds the Nota Dinas, a marked Draft, and an unmarked final whose fingerprint verifies', async () => {
    const { id } = await call<{ id: string }>('operator', 'cycles.create', { title: 'DIP 2026', year: 2026 });
    await call('operator', 'cycles.addItems', {
      cycleId: id,
      items: [completeItem('Profil Dinas', B[0]!, 'berkala'), completeItem('Data kesehatan pegawai', B[2]!, 'dikecualikan')],
    });
    await call('operator', 'cycles.act', { cycleId: id, action: 'report' });
    const suggested = await call<{ fileName: string; base64: string }>('ppid', 'documents.build', { cycleId: id, kind: 'notaDinas' });
    expect(suggested.fileName).toMatch(/KONSEP/);
    await call('ppid', 'cycles.act', { cycleId: id, action: 'issueNotaDinas' });
    const nd = await call<{ fileName: string; base64: string }>('operator', 'documents.build', { cycleId: id, kind: 'notaDinas' });
    expect(docXml(nd.base64)).toContain('500.12.2/001/Diskominfotik/2026');

    let v = await call('operator', 'cycles.act', { cycleId: id, action: 'submitKonsep' });
    for (const i of v.items) await call('ppid', 'cycles.markReview', { cycleId: id, itemId: i.id, verdict: 'sesuai' });
    await call('ppid', 'cycles.act', { cycleId: id, action: 'approve' });
    const draft = await call<{ fileName: string; base64: string; state: string }>('kepala', 'documents.build', { cycleId: id, kind: 'dip' });
    expect(draft.state).toBe('draft');
    expect(headers(draft.base64)).toMatch(/DRAFT/);
    expect(docXml(draft.base64)).toContain('Profil Dinas');
    expect(docXml(draft.base64)).not.toContain('Data kesehatan pegawai');

    v = await signAsKepala(call, id, DEMO_PASSWORD);
    const dip = await call<{ fileName: string; base64: string; state: string }>('kepala', 'documents.build', { cycleId: id, kind: 'dip' });
    expect(dip.state).toBe('final');
    expect(headers(dip.base64)).not.toMatch(/DRAFT|KONSEP/);
    const shortCode = /Sidik dokumen[^A-F0-9]*([0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4})/.exec(headers(dip.base64).replace(/<[^>]+>/g, ''))?.[1];
    expect(shortCode).toBeTruthy();
    const ok = await call<{ result: string; message: string }>('operator', 'documents.verify', { code: shortCode!.toLowerCase() });
    expect(ok).toMatchObject({ result: 'signed', message: expect.stringMatching(/yang sah, ditandatangani oleh Drs. Agustinus/) });
    const bad = await call<{ result: string }>('operator', 'documents.verify', { code: '0000-0000-0000' });
    expect(bad.result).toBe('none');
    expect((await refused('operator', 'documents.verify', { code: 'halo' })).code).toBe('INVALID_INPUT');

    // A later signed year makes this one "older".
    const next = await call<{ id: string }>('operator', 'cycles.create', { title: 'DIP 2027', year: 2027, carryFrom: id });
    await call('operator', 'cycles.act', { cycleId: next.id, action: 'report' });
    await call('ppid', 'cycles.act', { cycleId: next.id, action: 'issueNotaDinas' });
    v = await call('operator', 'cycles.act', { cycleId: next.id, action: 'submitKonsep' });
    for (const i of v.items) await call('ppid', 'cycles.markReview', { cycleId: next.id, itemId: i.id, verdict: 'sesuai' });
    await call('ppid', 'cycles.act', { cycleId: next.id, action: 'approve' });
    await signAsKepala(call, next.id, DEMO_PASSWORD);
    expect((await call<{ result: string }>('operator', 'documents.verify', { code: shortCode! })).result).toBe('older');
  });
});

describe('saving documents through the desktop platform', () => {
  it('saves the DOCX where the user chose, opens it when asked, and says plainly when there is no desktop', async () => {
    const { id } = await call<{ id: string }>('operator', 'cycles.create', { title: 'DIP 2027', year: 2027 });
    await call('operator', 'cycles.addItems', { cycleId: id, items: [{ bidang: B[0], judul: 'Profil' }] });
    await call('operator', 'cycles.act', { cycleId: id, action: 'report' });
    // The preview host has no desktop services.
    expect((await refused('ppid', 'documents.save', { cycleId: id, kind: 'notaDinas' })).message).toMatch(/Unduh DOCX/);

    await core.close();
    const saved: { name: string; bytes: number }[] = [];
    const opened: string[] = [];
    core = await Core.open({
      dataDir: dir,
      clock,
      holder: 'test',
      resourcesDir: path.resolve('resources'),
      appVersion: '0.0.0-test',
      platform: {
        saveFile: async (req) => (saved.push({ name: req.suggestedName, bytes: req.bytes.length }), `/dokumen/${req.suggestedName}`),
        openPath: async (p) => (opened.push(p), null),
      },
    });
    for (const u of ['operator', 'ppid', 'kepala']) {
      const r = await core.invoke({ name: 'auth.login', input: { username: u, password: DEMO_PASSWORD } });
      sessions[u] = (r as { data: { sessionToken: string } }).data.sessionToken;
    }
    const r = await call<{ savedTo: string; openError: string | null }>('ppid', 'documents.save', { cycleId: id, kind: 'notaDinas', open: true });
    expect(r.savedTo).toBe('/dokumen/Nota-Dinas-KONSEP-2027.docx');
    expect(saved[0]!.bytes).toBeGreaterThan(1000);
    expect(opened).toEqual(['/dokumen/Nota-Dinas-KONSEP-2027.docx']);
    expect((await refused('ppid', 'documents.savePdf', { suggestedName: 'DIP.pdf' })).message).toMatch(/desktop/);
    expect((await refused('ppid', 'documents.savePdf', { suggestedName: '../../x.pdf' })).code).toBe('INVALID_INPUT');
  });
});
