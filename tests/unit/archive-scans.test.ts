import { createHash } from 'node:crypto';
import { promises as fs, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/app-core';
import { qrPayload } from '../../electron/core/documents';
import type { ArchiveCycleView, OpenedScan, ScanCheck } from '../../electron/core/domain/archive';
import type { CycleSummary, CycleView } from '../../electron/core/domain/cycle-views';
import type { TimelineEntry } from '../../electron/core/domain/timeline';
import { call, coreOpener, failure, fakeClock, login, must, PASSWORD, snapshotDir, tempDir, USERS } from '../fixtures/harness';
import { pagePng, pdfOfPage, scannedPage } from '../fixtures/scan-pages';
import { readPackage } from '../../electron/core/sync/package-file';
import { signAsKepala } from './workflow-fixtures';

/**
 * Issue 12, the archive of the signed paper: the demo office (a DIP signed in 2025) with this
 * year's list signed too, and scans made as a scanner makes them (tests/fixtures/scan-pages.ts):
 * the code each list prints, drawn with the `qrcode` package from the payload the signing
 * fixed, on a 150-dpi page, as a PNG and as the page image of a PDF.
 */

const open = coreOpener();
const NOW = '2026-12-04T03:00:00.000Z';

let template: string;
type Sessions = Record<'operator' | 'ppid' | 'kepala', string>;

beforeAll(async () => {
  template = await tempDir('ppid-archive-');
  const core = await open(template, fakeClock(NOW));
  await must(core, 'setup.loadDemo', { cycles: true });
  const s = await sessionsOf(core);
  const { cycles } = await must<{ cycles: CycleSummary[] }>(core, 'cycles.list', {}, s.ppid);
  // This year's list is waiting for the PPID Pembantu: judged, approved and signed.
  const review = cycles.find((c) => c.step === 'pemeriksaan_ppid')!;
  const view = await must<CycleView>(core, 'cycles.get', { cycleId: review.id }, s.ppid);
  for (const item of view.items) await must(core, 'cycles.markReview', { cycleId: review.id, itemId: item.id, verdict: 'sesuai' }, s.ppid);
  await must(core, 'cycles.act', { cycleId: review.id, action: 'approve' }, s.ppid);
  const as = <T,>(who: string, name: string, input?: unknown) => must<T>(core, name, input, s[who as keyof Sessions]);
  await signAsKepala(as, review.id, PASSWORD);
  await core.close();
}, 120_000);

async function sessionsOf(core: Core): Promise<Sessions> {
  return { operator: await login(core, USERS.operator), ppid: await login(core, USERS.admin), kepala: await login(core, USERS.kepala) };
}

/** A copy of the template, opened, with the two signed cycles: this year's and last year's. */
async function office() {
  const dir = await tempDir();
  await fs.cp(template, dir, { recursive: true });
  const core = await open(dir, fakeClock(NOW));
  const s = await sessionsOf(core);
  const list = await must<ArchiveCycleView[]>(core, 'archive.list', {}, s.operator);
  const [current, previous] = list as [ArchiveCycleView, ArchiveCycleView];
  /** The QR texts the signed lists print, as the print view gets them. */
  const codes = async (id: string) => {
    const f = await must<{ dip: { qrText: string }; dik: { qrText: string } }>(core, 'documents.fingerprints', { cycleId: id }, s.operator);
    return { dip: f.dip.qrText, dik: f.dik.qrText };
  };
  return { dir, core, s, list, current, previous, codes };
}

const b64 = (b: Buffer) => b.toString('base64');
const pngScan = (text: string | null) => b64(pagePng(scannedPage(text)));
const pdfScan = (text: string | null) => b64(pdfOfPage(scannedPage(text)));

describe('archive.list: every signed cycle, its papers and the retention of its records', () => {
  it('lists both signed lists, newest first, with the Nota Dinas, DIP, DIK and one uji sheet per exempt item', async () => {
    const { list, current, previous } = await office();
    expect(list.map((c) => c.year)).toEqual([2026, 2025]);
    expect(current.version).toBeGreaterThan(0);
    const exempt = previous.records.filter((r) => r.kategori === 'dikecualikan');
    expect(previous.documents.map((d) => d.document)).toEqual(['notaDinas', 'dip', 'dik', ...exempt.map(() => 'ujiKonsekuensi')]);
    expect(previous.documents.filter((d) => d.document === 'ujiKonsekuensi').map((d) => d.itemId)).toEqual(exempt.map((r) => r.itemId));
    expect(previous.documents.every((d) => d.scans.length === 0)).toBe(true);
    expect(previous.notaDinasNumber).toBeTruthy();
  });

  it('gives each record its retention and the day it ends, counted from the day the list was signed', async () => {
    const { previous } = await office();
    // The demo's Jadwal Retensi Arsip periods: 2 years active then 8 inactive is 10 years in all.
    const signedDay = previous.signedAt.slice(0, 10);
    const tenYears = previous.records.find((r) => r.retensi === '2 tahun aktif, 8 tahun inaktif')!;
    expect(tenYears.retentionEnds).toBe(`${Number(signedDay.slice(0, 4)) + 10}${signedDay.slice(4)}`);
    const permanent = previous.records.find((r) => r.retensi === 'Permanen')!;
    expect(permanent.retentionEnds).toBeNull();
  });
});

describe('the QR on a scan is read by the core and compared with the signed fingerprint', () => {
  it('a PNG scan of the signed DIP is "this signed version", before anything is written', async () => {
    const { dir, core, s, current, codes } = await office();
    const payload = (await codes(current.id)).dip;
    expect(payload).toMatch(/^PPIDDESK:DIP:[0-9A-F-]+:V\d+:[0-9A-F]{32}$/);
    const before = await snapshotDir(dir);
    const check = await must<ScanCheck>(core, 'archive.checkScan', { cycleId: current.id, document: 'dip', name: 'DIP 2026 ttd.png', base64: pngScan(payload) }, s.operator);
    expect(check.qr).toEqual({ status: 'cocok', text: payload });
    expect(check.needsConfirmation).toBe(false);
    expect(check.message).toContain('Kode QR cocok');
    expect(check.message).toContain(current.title);
    expect(await snapshotDir(dir)).toEqual(before);
  });

  it('the same page inside a scanned PDF reads the same, and the DIK has its own code', async () => {
    const { core, s, current, codes } = await office();
    const dip = (await codes(current.id)).dip;
    const dik = (await codes(current.id)).dik;
    const asPdf = await must<ScanCheck>(core, 'archive.checkScan', { cycleId: current.id, document: 'dip', name: 'scan0001.pdf', base64: pdfScan(dip) }, s.kepala);
    expect(asPdf.qr).toEqual({ status: 'cocok', text: dip });
    expect(asPdf.mime).toBe('application/pdf');
    const dikPdf = await must<ScanCheck>(core, 'archive.checkScan', { cycleId: current.id, document: 'dik', name: 'scan0002.pdf', base64: pdfScan(dik) }, s.kepala);
    expect(dikPdf.qr.status).toBe('cocok');
    // The DIK's page offered as the DIP is not this document.
    const swapped = await must<ScanCheck>(core, 'archive.checkScan', { cycleId: current.id, document: 'dip', name: 'scan0002.pdf', base64: pdfScan(dik) }, s.kepala);
    expect(swapped.qr).toEqual({ status: 'dokumen_lain', text: dik });
    expect(swapped.message).toContain('Daftar Informasi yang Dikecualikan');
    expect(swapped.needsConfirmation).toBe(true);
  });

  it("an older version's code says so: another Konsep version of this list, or last year's signed list", async () => {
    const { core, s, current, previous, codes } = await office();
    const signed = await codes(current.id);
    const olderVersion = qrPayload('dip', current.id, current.version - 1, createHash('sha256').update('konsep sebelumnya').digest('hex'));
    const v = await must<ScanCheck>(core, 'archive.checkScan', { cycleId: current.id, document: 'dip', name: 'lama.png', base64: pngScan(olderVersion) }, s.ppid);
    expect(v.qr).toEqual({ status: 'versi_lain', text: olderVersion });
    expect(v.message).toContain(`versi ${current.version - 1}, bukan versi ${current.version}`);
    expect(v.needsConfirmation).toBe(true);

    const lastYear = (await codes(previous.id)).dip;
    expect(lastYear).not.toBe(signed.dip);
    const y = await must<ScanCheck>(core, 'archive.checkScan', { cycleId: current.id, document: 'dip', name: 'dip-2025.pdf', base64: pdfScan(lastYear) }, s.ppid);
    expect(y.qr).toEqual({ status: 'versi_lain', text: lastYear });
    expect(y.message).toContain('lebih lama');
    expect(y.message).toContain(previous.title);
  });

  it('a code that is not this document — another app\'s QR, or a forged fingerprint — is "bukan dokumen ini"', async () => {
    const { core, s, current, codes } = await office();
    const other = await must<ScanCheck>(core, 'archive.checkScan', { cycleId: current.id, document: 'dip', name: 'brosur.png', base64: pngScan('https://ppid.kapuashulukab.go.id/') }, s.operator);
    expect(other.qr).toEqual({ status: 'dokumen_lain', text: 'https://ppid.kapuashulukab.go.id/' });
    const real = (await codes(current.id)).dip;
    const forged = qrPayload('dip', current.id, current.version, 'f'.repeat(64));
    expect(forged).not.toBe(real);
    const f = await must<ScanCheck>(core, 'archive.checkScan', { cycleId: current.id, document: 'dip', name: 'ubahan.png', base64: pngScan(forged) }, s.operator);
    expect(f.qr.status).toBe('dokumen_lain');
    expect(f.message).toContain('tidak cocok dengan yang ditandatangani');
  });

  it('a JPEG photo is read too (here a code of the PPID website, so not this document)', async () => {
    const { core, s, current } = await office();
    const jpg = readFileSync(path.resolve('tests/fixtures/scans/situs-ppid-100dpi.jpg'));
    const r = await must<ScanCheck>(core, 'archive.checkScan', { cycleId: current.id, document: 'dik', name: 'foto.jpg', base64: b64(jpg) }, s.operator);
    expect(r.qr).toEqual({ status: 'dokumen_lain', text: 'https://ppid.kapuashulukab.go.id/' });
    expect(r.mime).toBe('image/jpeg');
  });

  it('a page without a readable code can be filed, marked "kode QR tidak terbaca"', async () => {
    const { core, s, current } = await office();
    const input = { cycleId: current.id, document: 'dip', name: 'buram.pdf', base64: pdfScan(null) };
    const check = await must<ScanCheck>(core, 'archive.checkScan', input, s.operator);
    expect(check.qr).toEqual({ status: 'tidak_terbaca', text: null });
    expect(check.needsConfirmation).toBe(false);
    const after = await must<ArchiveCycleView>(core, 'archive.fileScan', input, s.operator);
    const dip = after.documents.find((d) => d.document === 'dip')!;
    expect(dip.scans.map((x) => [x.name, x.qr.status])).toEqual([['buram.pdf', 'tidak_terbaca']]);
  });

  it('the Nota Dinas and the uji sheets print no code: filed "tanpa kode" as the document chosen; a list\'s code on them is the wrong paper', async () => {
    const { core, s, current, codes } = await office();
    const nd = await must<ScanCheck>(core, 'archive.checkScan', { cycleId: current.id, document: 'notaDinas', name: 'nd.png', base64: pngScan(null) }, s.ppid);
    expect(nd.qr).toEqual({ status: 'tanpa_kode', text: null });
    const exempt = current.documents.find((d) => d.document === 'ujiKonsekuensi')!;
    const uji = await must<ArchiveCycleView>(core, 'archive.fileScan', { cycleId: current.id, document: 'ujiKonsekuensi', itemId: exempt.itemId, name: 'uji 1.pdf', base64: pdfScan(null) }, s.kepala);
    const sheet = uji.documents.find((d) => d.itemId === exempt.itemId)!;
    expect(sheet.scans.map((x) => x.qr.status)).toEqual(['tanpa_kode']);
    const dip = (await codes(current.id)).dip;
    const wrong = await must<ScanCheck>(core, 'archive.checkScan', { cycleId: current.id, document: 'notaDinas', name: 'nd.png', base64: pngScan(dip) }, s.ppid);
    expect(wrong.qr.status).toBe('dokumen_lain');
    expect(wrong.message).toContain('bukan Nota Dinas');
    // An uji sheet belongs to an exempt item.
    const notExempt = current.records.find((r) => r.kategori !== 'dikecualikan')!;
    const e = failure(await call(core, 'archive.checkScan', { cycleId: current.id, document: 'ujiKonsekuensi', itemId: notExempt.itemId, name: 'uji.pdf', base64: pdfScan(null) }, s.kepala));
    expect(e.code).toBe('INVALID_INPUT');
  });
});

describe('archive.fileScan: stored by its SHA-256, recorded as an act of the cycle', () => {
  it('files the signed DIP: the bytes under files/, the act in the log with its QR verdict, a line in Riwayat', async () => {
    const { dir, core, s, current, codes } = await office();
    const payload = (await codes(current.id)).dip;
    const bytes = pdfOfPage(scannedPage(payload));
    const sha = createHash('sha256').update(bytes).digest('hex');
    const after = await must<ArchiveCycleView>(core, 'archive.fileScan', { cycleId: current.id, document: 'dip', name: 'DIP 2026 bertanda tangan.pdf', base64: b64(bytes) }, s.operator);
    const scan = after.documents.find((d) => d.document === 'dip')!.scans[0]!;
    expect(scan).toMatchObject({ name: 'DIP 2026 bertanda tangan.pdf', sha256: sha, bytes: bytes.length, mime: 'application/pdf', version: current.version, qr: { status: 'cocok', text: payload } });
    // Content-addressed, never altered.
    expect(readFileSync(path.join(dir, 'files', sha.slice(0, 2), sha)).equals(bytes)).toBe(true);
    // An act of the cycle, so it travels with the cycle's packages.
    const log = readFileSync(path.join(dir, 'cycles', current.id, 'events.jsonl'), 'utf8').trim().split('\n');
    const act = JSON.parse(log.at(-1)!) as { v: number; actor: { role: string }; body: Record<string, unknown> };
    expect(act.v).toBe(4);
    expect(act.actor.role).toBe('operator');
    expect(act.body).toMatchObject({ type: 'archive.filed', document: 'dip', itemId: null, version: current.version, qr: { status: 'cocok', text: payload } });
    const timeline = await must<TimelineEntry[]>(core, 'cycles.timeline', { cycleId: current.id }, s.ppid);
    expect(timeline[0]!.type).toBe('archive.filed');
    expect(timeline[0]!.summary).toContain('Pindaian Daftar Informasi Publik');
    expect(timeline[0]!.summary).toContain('kode QR cocok');
    // It travels: the cycle's package carries the act and the scan's bytes.
    const pkg = await must<{ base64: string }>(core, 'sync.export', { cycleIds: [current.id], withFiles: true }, s.operator);
    const entries = (await readPackage(Buffer.from(pkg.base64, 'base64'))).entries;
    expect(Buffer.from(entries.get(`berkas/${sha}`)!).equals(bytes)).toBe(true);
    expect(Buffer.from(entries.get(`siklus/${current.id}.jsonl`)!).toString('utf8')).toContain('"archive.filed"');
    // The filed scan survives a restart (folded from the log).
    await core.close();
    const again = await open(dir, fakeClock(NOW));
    const list = await must<ArchiveCycleView[]>(again, 'archive.list', {}, await login(again, USERS.kepala));
    expect(list[0]!.documents.find((d) => d.document === 'dip')!.scans.map((x) => x.sha256)).toEqual([sha]);
  });

  it('a scan naming another version is filed only when confirmed, and keeps its verdict', async () => {
    const { dir, core, s, current, previous, codes } = await office();
    const lastYear = (await codes(previous.id)).dip;
    const input = { cycleId: current.id, document: 'dip', name: 'dip-lama.png', base64: pngScan(lastYear) };
    const before = await snapshotDir(dir);
    const e = failure(await call(core, 'archive.fileScan', input, s.operator));
    expect(e.code).toBe('CONFLICT');
    expect(e.message).toContain('Tetap arsipkan');
    expect(await snapshotDir(dir)).toEqual(before);
    const after = await must<ArchiveCycleView>(core, 'archive.fileScan', { ...input, confirmMismatch: true }, s.operator);
    expect(after.documents.find((d) => d.document === 'dip')!.scans.map((x) => x.qr)).toEqual([{ status: 'versi_lain', text: lastYear }]);
  });

  it('a code too long to keep whole (a numeric QR of thousands of digits) is kept shortened, and the cycle still reads back', async () => {
    const { dir, core, s, current } = await office();
    const digits = '1234567890'.repeat(450);
    const page = pagePng(scannedPage(digits, { module: 4, width: 900, height: 1000 }));
    const input = { cycleId: current.id, document: 'dik', name: 'angka.png', base64: b64(page), confirmMismatch: true };
    const after = await must<ArchiveCycleView>(core, 'archive.fileScan', input, s.operator);
    const qr = after.documents.find((d) => d.document === 'dik')!.scans[0]!.qr;
    expect(qr.status).toBe('dokumen_lain');
    expect(qr.text!.length).toBeLessThanOrEqual(1000);
    expect(digits.startsWith(qr.text!.slice(0, -1))).toBe(true);
    await core.close();
    const again = await open(dir, fakeClock(NOW));
    const list = await must<ArchiveCycleView[]>(again, 'archive.list', {}, await login(again, USERS.operator));
    expect(list[0]!.documents.find((d) => d.document === 'dik')!.scans).toHaveLength(1);
  });
});

describe('filing is refused, with the data folder unchanged', () => {
  it('for a cycle not yet signed, for someone not logged in, and for a file that is not a PDF, JPG or PNG', async () => {
    const { dir, core, s, current, codes } = await office();
    const { cycles } = await must<{ cycles: CycleSummary[] }>(core, 'cycles.list', {}, s.operator);
    const unsigned = cycles.find((c) => !c.signed)!;
    const payload = (await codes(current.id)).dip;
    const good = { cycleId: current.id, document: 'dip', name: 'dip.png', base64: pngScan(payload) };
    const before = await snapshotDir(dir);

    const notSigned = failure(await call(core, 'archive.fileScan', { ...good, cycleId: unsigned.id }, s.operator));
    expect(notSigned.code).toBe('CONFLICT');
    expect(notSigned.message).toContain('belum ditandatangani');

    const anonymous = failure(await call(core, 'archive.fileScan', good));
    expect(anonymous.code).toBe('UNAUTHENTICATED');

    const docx = failure(await call(core, 'archive.fileScan', { ...good, name: 'dip.docx' }, s.operator));
    expect(docx.code).toBe('INVALID_INPUT');
    expect(docx.message).toContain('pdf, jpg, jpeg, png');
    // A name is only a claim: a program renamed .pdf is refused by its content.
    const exe = Buffer.concat([Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00]), Buffer.alloc(58), Buffer.from('This program cannot be run in DOS mode.')]);
    const renamed = failure(await call(core, 'archive.fileScan', { ...good, name: 'dip.pdf', base64: b64(exe) }, s.operator));
    expect(renamed.code).toBe('INVALID_INPUT');
    expect(renamed.message).toContain('program Windows');
    // A paper that is not this cycle's: the wrong document kind for an uji sheet.
    const itemOnDip = failure(await call(core, 'archive.fileScan', { ...good, itemId: current.records[0]!.itemId }, s.operator));
    expect(itemOnDip.code).toBe('INVALID_INPUT');

    expect(await snapshotDir(dir)).toEqual(before);
  });

  it('before signing, no role may file: the SOP allows it at Arsip and Selesai only', async () => {
    const { core, s } = await office();
    const { cycles } = await must<{ cycles: CycleSummary[] }>(core, 'cycles.list', {}, s.operator);
    const unsigned = cycles.find((c) => !c.signed)!;
    for (const who of ['operator', 'ppid', 'kepala'] as const) {
      const r = failure(await call(core, 'archive.checkScan', { cycleId: unsigned.id, document: 'notaDinas', name: 'nd.png', base64: pngScan(null) }, s[who]));
      expect(r.code).toBe('CONFLICT');
    }
  });
});

describe('archive.openScan checks the hash on every read', () => {
  it('gives the bytes back while they match; says so when the file was changed or is missing', async () => {
    const { dir, core, s, current } = await office();
    const bytes = pagePng(scannedPage(null));
    const after = await must<ArchiveCycleView>(core, 'archive.fileScan', { cycleId: current.id, document: 'notaDinas', name: 'nota dinas.png', base64: b64(bytes) }, s.ppid);
    const scan = after.documents.find((d) => d.document === 'notaDinas')!.scans[0]!;
    const opened = await must<OpenedScan>(core, 'archive.openScan', { cycleId: current.id, attachmentId: scan.attachmentId }, s.operator);
    expect(opened.status).toBe('ok');
    expect(opened.status === 'ok' && Buffer.from(opened.base64, 'base64').equals(bytes)).toBe(true);

    const file = path.join(dir, 'files', scan.sha256.slice(0, 2), scan.sha256);
    const changed = Buffer.from(bytes);
    changed[changed.length - 20] = changed[changed.length - 20]! ^ 0xff;
    await fs.writeFile(file, changed);
    const tampered = await must<OpenedScan>(core, 'archive.openScan', { cycleId: current.id, attachmentId: scan.attachmentId }, s.operator);
    expect(tampered).toMatchObject({ status: 'berubah', name: 'nota dinas.png' });
    expect(tampered.status !== 'ok' && tampered.message).toContain('telah berubah sejak diarsipkan');

    await fs.rm(file);
    const missing = await must<OpenedScan>(core, 'archive.openScan', { cycleId: current.id, attachmentId: scan.attachmentId }, s.operator);
    expect(missing).toMatchObject({ status: 'hilang' });
    expect(missing.status !== 'ok' && missing.message).toContain('tidak ada lagi di folder data');

    // Filing the same paper again puts the file back (its name is its content), without a second entry.
    const again = await must<ArchiveCycleView>(core, 'archive.fileScan', { cycleId: current.id, document: 'notaDinas', name: 'nota dinas (2).png', base64: b64(bytes) }, s.ppid);
    expect(again.documents.find((d) => d.document === 'notaDinas')!.scans.map((x) => x.attachmentId)).toEqual([scan.attachmentId]);
    expect((await must<OpenedScan>(core, 'archive.openScan', { cycleId: current.id, attachmentId: scan.attachmentId }, s.operator)).status).toBe('ok');
    // Once it is whole, the same bytes are not filed twice.
    const check = await must<ScanCheck>(core, 'archive.checkScan', { cycleId: current.id, document: 'notaDinas', name: 'lagi.png', base64: b64(bytes) }, s.ppid);
    expect(check.message).toContain('Berkas yang sama sudah diarsipkan untuk Nota Dinas');
    const twice = failure(await call(core, 'archive.fileScan', { cycleId: current.id, document: 'notaDinas', name: 'lagi.png', base64: b64(bytes) }, s.ppid));
    expect(twice.code).toBe('CONFLICT');
    expect(twice.message).toContain('sudah diarsipkan');
  });
});
