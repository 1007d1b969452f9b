import { beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { fingerprintContent, regencyFingerprint, regencyQrPayload } from '../../electron/core/documents';
import { regencyFingerprintContent, regencyInputSchema } from '../../electron/core/documents/shared/regency';
import type { Verification } from '../../electron/core/domain/document-views';
import type { Settings } from '../../electron/core/domain/office';
import { regencyInputOf, type RegencyInput } from '../../electron/core/domain/regency/consolidate';
import type { RegencySignature } from '../../electron/core/domain/regency/model';
import type { CycleState } from '../../electron/core/domain/workflow';
import { call, coreOpener, failure, login, must, setUpDataDir } from '../fixtures/harness';
import { FakeRecords, fiveItems, opdDesk, registerEntry, utamaDesk } from '../fixtures/regency-records';
import { allText, headerFooterPart, tableRows, unzipDocx } from '../render/docx-xml';
import { completeItem } from './workflow-fixtures';

/**
 * The regency's consolidated DIP and DIK from the records (issue 13), over real cycles of five
 * OPD (times in WIB, office hours 07.30–16.00; the PPID Utama looks on Monday 9 November 2026):
 *
 * | OPD                            | its cycle of 2026                                                  |
 * |--------------------------------|--------------------------------------------------------------------|
 * | Badan Keuangan dan Aset Daerah | none sent                                                          |
 * | Dinas Kesehatan                | signed Wed 4 Nov 09.10; step 4 took two working days (late)        |
 * | Dinas Pendidikan               | signed Mon 2 Nov 09.20, every step on time                         |
 * | Dinas Perhubungan              | signed and archived 2 Nov; a revision with one more item under way |
 * | Kecamatan Putussibau Utara     | Konsep with the PPID Pembantu since Fri 6 Nov 15.00 (late)         |
 *
 * The Kecamatan signs later (Tue 10 Nov), after the PPID Utama first signed: `kecLater`.
 */

const open = coreOpener();
const NOW = '2026-11-09T02:00:00.000Z';
const LATER = '2026-11-11T02:00:00.000Z';

const c: Record<'disdik' | 'dinkes' | 'dishub' | 'revision' | 'kec' | 'kecLater', CycleState> = {} as never;
const printed: Record<'disdik' | 'dinkes' | 'dishub' | 'kecLater', { dip: { short: string }; dik: { short: string } }> = {} as never;
const kepala = { disdik: 'Dr. Yosef Kanisius, M.Pd.', dinkes: 'dr. Maria Magdalena Lenny, M.Kes.', dishub: 'Ir. Fransiskus Ason', kec: 'Petrus Lansau, S.Sos.' };
let utamaSettings: Settings;

const fast = (day: string) => ({
  created: `${day}T01:00:00.000Z`,
  report: `${day}T01:30:00.000Z`,
  notaDinas: `${day}T01:40:00.000Z`,
  konsep: `${day}T02:00:00.000Z`,
  approve: `${day}T02:10:00.000Z`,
  sign: `${day}T02:20:00.000Z`,
});

beforeAll(async () => {
  const disdik = await opdDesk(open, { name: 'Dinas Pendidikan', unitCode: 'Disdik', kepala: kepala.disdik }, '2026-11-02T01:00:00.000Z');
  c.disdik = await disdik.cycle('DIP Dinas Pendidikan 2026', 2026, fiveItems('Dinas Pendidikan'), fast('2026-11-02'));
  printed.disdik = await disdik.printed(c.disdik.id);

  const dinkes = await opdDesk(open, { name: 'Dinas Kesehatan', unitCode: 'Dinkes', kepala: kepala.dinkes }, '2026-11-02T01:00:00.000Z');
  c.dinkes = await dinkes.cycle('DIP Dinas Kesehatan 2026', 2026, fiveItems('Dinas Kesehatan'), {
    ...fast('2026-11-02'),
    approve: '2026-11-04T02:00:00.000Z',
    sign: '2026-11-04T02:10:00.000Z',
  });
  printed.dinkes = await dinkes.printed(c.dinkes.id);

  const dishub = await opdDesk(open, { name: 'Dinas Perhubungan', unitCode: 'Dishub', kepala: kepala.dishub }, '2026-11-02T01:00:00.000Z');
  c.dishub = await dishub.cycle('DIP Dinas Perhubungan 2026', 2026, fiveItems('Dinas Perhubungan'), { ...fast('2026-11-02'), archive: '2026-11-02T02:30:00.000Z' });
  printed.dishub = await dishub.printed(c.dishub.id);
  c.revision = await dishub.cycle(
    'DIP Dinas Perhubungan 2026 (perubahan)',
    2026,
    [completeItem('Jadwal kapal motor Putussibau–Pontianak', 'Sekretariat', 'setiap_saat')],
    { created: '2026-11-03T01:00:00.000Z' },
    c.dishub.id,
  );

  const kec = await opdDesk(open, { name: 'Kecamatan Putussibau Utara', unitCode: 'Kec-PSU', kepala: kepala.kec }, '2026-11-06T06:00:00.000Z');
  c.kec = await kec.cycle('DIP Kecamatan 2026', 2026, fiveItems('Kecamatan Putussibau Utara').slice(0, 4), {
    created: '2026-11-06T06:00:00.000Z',
    report: '2026-11-06T06:30:00.000Z',
    notaDinas: '2026-11-06T06:40:00.000Z',
    konsep: '2026-11-06T08:00:00.000Z',
  });
  c.kecLater = await kec.advance(c.kec.id, { approve: '2026-11-10T02:00:00.000Z', sign: '2026-11-10T02:10:00.000Z' });
  printed.kecLater = await kec.printed(c.kec.id);
}, 300_000);

/** The register as the PPID Utama keeps it; `kec` is the Kecamatan's cycle as last received. */
function records(kec: CycleState = c.kec): FakeRecords {
  return new FakeRecords([
    { entry: registerEntry('e-kec', 'Kecamatan Putussibau Utara', 'Kec-PSU'), cycles: [kec] },
    { entry: registerEntry('e-dinkes', 'Dinas Kesehatan', 'Dinkes'), cycles: [c.dinkes] },
    { entry: registerEntry('e-bkad', 'Badan Keuangan dan Aset Daerah', 'BKAD'), cycles: [] },
    { entry: registerEntry('e-dishub', 'Dinas Perhubungan', 'Dishub'), cycles: [c.dishub, c.revision] },
    { entry: registerEntry('e-disdik', 'Dinas Pendidikan', 'Disdik'), cycles: [c.disdik] },
  ]);
}

async function settingsOfUtama(): Promise<Settings> {
  if (utamaSettings) return utamaSettings;
  const { stores } = await utamaDesk(open, new FakeRecords(), NOW);
  utamaSettings = stores.settings.get()!;
  return utamaSettings;
}

const byName = (input: RegencyInput, name: string) => input.opds.find((o) => o.opdName === name)!;

describe('regencyInputOf: the year’s lists from the records', () => {
  it('takes every OPD in register order, each signed list under the fingerprints its own Kepala signed', async () => {
    const input = regencyInputOf(records(), await settingsOfUtama(), 2026, null, { now: NOW });
    expect(input.regency).toEqual({
      pemda: 'Kabupaten Kapuas Hulu',
      name: 'PPID Utama Kabupaten Kapuas Hulu',
      officials: { ppidUtama: { name: 'Drs. Agustinus Rangkap, M.Si.', nip: '197008171995031004', jabatan: 'Kepala Dinas Komunikasi, Informatika dan Statistik', pangkat: 'IV/b', asn: 'PNS' } },
      signed: null,
    });
    expect(input.year).toBe(2026);
    expect(input.opds.map((o) => [o.opdName, o.unitCode, o.signed?.by ?? null, o.step, o.late])).toEqual([
      ['Badan Keuangan dan Aset Daerah', 'BKAD', null, null, false],
      ['Dinas Kesehatan', 'Dinkes', kepala.dinkes, 'arsip', true],
      ['Dinas Pendidikan', 'Disdik', kepala.disdik, 'arsip', false],
      ['Dinas Perhubungan', 'Dishub', kepala.dishub, 'identifikasi', false],
      ['Kecamatan Putussibau Utara', 'Kec-PSU', null, 'pemeriksaan_ppid', true],
    ]);
    // The codes each OPD's own signed paper prints in its footer.
    const dinkes = byName(input, 'Dinas Kesehatan');
    expect(dinkes.signed).toEqual({
      at: '2026-11-04T02:10:00.000Z',
      by: kepala.dinkes,
      fingerprints: {
        dip: { sha256: c.dinkes.signed!.fingerprints!.dip.sha256, short: printed.dinkes.dip.short },
        dik: { sha256: c.dinkes.signed!.fingerprints!.dik.sha256, short: printed.dinkes.dik.short },
      },
    });
    expect(byName(input, 'Dinas Pendidikan').signed!.fingerprints.dip.short).toBe(printed.disdik.dip.short);
    expect(dinkes.lateness).toBe('Langkah 4 terlambat 1 hari 8 jam kerja');
    expect(byName(input, 'Kecamatan Putussibau Utara').lateness).toBe('Langkah 4 terlambat 2 jam 15 menit kerja');
    // The documents' own check accepts it as it is.
    expect(regencyInputSchema.safeParse(input).success).toBe(true);
  });

  it('prints each OPD’s rows exactly as its own signed list, numbered the same', async () => {
    const input = regencyInputOf(records(), await settingsOfUtama(), 2026, null, { now: NOW });
    for (const kind of ['dip', 'dik'] as const) {
      const content = regencyFingerprintContent(kind, input);
      for (const [name, cycle] of [
        ['Dinas Kesehatan', c.dinkes],
        ['Dinas Pendidikan', c.disdik],
        ['Dinas Perhubungan', c.dishub],
      ] as const) {
        expect(content.opds.find((o) => o.opdName === name)!.rows).toEqual(fingerprintContent(kind, cycle).rows);
      }
      expect(content.opds.find((o) => o.opdName === 'Kecamatan Putussibau Utara')!.rows).toEqual([]);
    }
  });

  it('keeps the signed list while a revision of the year is under way', async () => {
    const dishub = byName(regencyInputOf(records(), await settingsOfUtama(), 2026, null, { now: NOW }), 'Dinas Perhubungan');
    expect(dishub.signed!.fingerprints.dip.short).toBe(printed.dishub.dip.short);
    expect(dishub.items.map((i) => i.id)).toEqual(c.dishub.items.map((i) => i.id));
    expect(dishub.items).toHaveLength(5);
    expect(c.revision.items).toHaveLength(6);
  });
});

describe('utama.sign', () => {
  it('is refused while no OPD has a signed list, in Indonesian, and records nothing', async () => {
    const none = new FakeRecords([
      { entry: registerEntry('e-kec', 'Kecamatan Putussibau Utara', 'Kec-PSU'), cycles: [c.kec] },
      { entry: registerEntry('e-bkad', 'Badan Keuangan dan Aset Daerah', 'BKAD'), cycles: [] },
    ]);
    const { core, s, stores } = await utamaDesk(open, none, NOW);
    const auditBefore = stores.audit.latest(1000).length;
    const r = failure(await call(core, 'utama.sign', { year: 2026 }, s.utama));
    expect([r.code, r.message]).toEqual([
      'CONFLICT',
      'Belum ada daftar OPD tahun 2026 yang ditandatangani Kepala OPD: tidak ada yang dapat ditandatangani. Terima dulu paket OPD yang memuat DIP dan DIK yang sudah ditandatangani.',
    ]);
    expect(none.saved).toBe(0);
    expect(stores.audit.latest(1000).length).toBe(auditBefore);
  });

  it('is the PPID Utama’s alone', async () => {
    const recs = records();
    const { core, s } = await utamaDesk(open, recs, NOW);
    expect(failure(await call(core, 'utama.sign', { year: 2026 }, s.operator)).code).toBe('FORBIDDEN');
    expect(recs.saved).toBe(0);
  });

  it('records each OPD’s signed version and the fingerprints of the lists as signed; the lists are then final', async () => {
    const recs = records();
    const { core, s, stores } = await utamaDesk(open, recs, NOW);
    const draft = await must<{ input: RegencyInput; signature: RegencySignature | null }>(core, 'utama.documentData', { year: 2026 }, s.operator);
    expect(draft.signature).toBeNull();
    expect(draft.input.regency.signed).toBeNull();

    const sig = await must<RegencySignature>(core, 'utama.sign', { year: 2026 }, s.utama);
    expect(sig).toMatchObject({ year: 2026, at: NOW, by: 'Drs. Agustinus Rangkap, M.Si.' });
    expect(sig.opds).toEqual({
      'e-dinkes': { dip: c.dinkes.signed!.fingerprints!.dip.sha256, dik: c.dinkes.signed!.fingerprints!.dik.sha256 },
      'e-disdik': { dip: c.disdik.signed!.fingerprints!.dip.sha256, dik: c.disdik.signed!.fingerprints!.dik.sha256 },
      'e-dishub': { dip: c.dishub.signed!.fingerprints!.dip.sha256, dik: c.dishub.signed!.fingerprints!.dik.sha256 },
    });
    expect(recs.signature(2026)).toEqual(sig);

    const final = await must<{ input: RegencyInput; signature: RegencySignature | null }>(core, 'utama.documentData', { year: 2026 }, s.operator);
    expect(final.signature).toEqual(sig);
    expect(final.input.regency.signed).toEqual({ at: NOW });
    // What the paper's QR and footer carry is what the signature recorded.
    expect(regencyFingerprint('dip', final.input).sha256).toBe(sig.fingerprints.dip);
    expect(regencyFingerprint('dik', final.input).sha256).toBe(sig.fingerprints.dik);

    const line = stores.audit.latest(1)[0]!;
    expect(line.action).toBe('utama.tanda-tangan');
    expect(line.actor?.username).toBe('kepala');
    expect(line.summary).toBe(
      `DIP dan DIK gabungan Kabupaten Kapuas Hulu tahun 2026 ditandatangani PPID Utama: memuat daftar 3 OPD, 2 OPD belum; ` +
        `sidik DIP ${regencyFingerprint('dip', final.input).short}, sidik DIK ${regencyFingerprint('dik', final.input).short}.`,
    );
  });

  it('stays final as signed when OPD send later; a register change unmakes it until signed again', async () => {
    const recs = records();
    const { core, s, clock } = await utamaDesk(open, recs, NOW);
    const sig = await must<RegencySignature>(core, 'utama.sign', { year: 2026 }, s.utama);
    // Tuesday: the Kecamatan's Kepala signs and its package arrives; a new OPD joins the register.
    recs.opds[0]!.cycles = [c.kecLater];
    recs.opds.push({ entry: registerEntry('e-dinsos', 'Dinas Sosial', 'Dinsos', LATER), cycles: [] });
    clock.set(LATER);
    // Two days on, the sessions have ended: both log in again.
    s.operator = await login(core, 'operator');
    s.utama = await login(core, 'kepala');
    const data = () => must<{ input: RegencyInput; signature: RegencySignature | null }>(core, 'utama.documentData', { year: 2026 }, s.operator);
    const kept = await data();
    expect(kept.input.regency.signed).toEqual({ at: NOW });
    expect(regencyFingerprint('dip', kept.input).sha256).toBe(sig.fingerprints.dip);
    // As signed: the Kecamatan was then at step 4, the Dinas Sosial not yet in the register.
    expect(kept.input.opds.map((o) => [o.opdName, o.signed ? 'ditandatangani' : o.step])).toEqual([
      ['Badan Keuangan dan Aset Daerah', null],
      ['Dinas Kesehatan', 'ditandatangani'],
      ['Dinas Pendidikan', 'ditandatangani'],
      ['Dinas Perhubungan', 'ditandatangani'],
      ['Kecamatan Putussibau Utara', 'pemeriksaan_ppid'],
    ]);

    // Renamed in the register: the signed paper can no longer be made again; the draft shows the change.
    recs.opds[1]!.entry = { ...recs.opds[1]!.entry, name: 'Dinas Kesehatan Kabupaten Kapuas Hulu' };
    const changed = await data();
    expect(changed.signature).toEqual(sig);
    expect(changed.input.regency.signed).toBeNull();
    expect(changed.input.opds.map((o) => o.opdName)).toContain('Dinas Sosial');

    // Signed again: the Kecamatan's list is in, the new signature replaces the first.
    const again = await must<RegencySignature>(core, 'utama.sign', { year: 2026 }, s.utama);
    expect(again.at).toBe(LATER);
    expect(Object.keys(again.opds).sort()).toEqual(['e-dinkes', 'e-disdik', 'e-dishub', 'e-kec']);
    expect(again.opds['e-kec']!.dip).toBe(c.kecLater.signed!.fingerprints!.dip.sha256);
    expect(recs.signature(2026)).toEqual(again);
    const now = await data();
    expect(now.input.regency.signed).toEqual({ at: LATER });
    expect(regencyFingerprint('dip', now.input).sha256).toBe(again.fingerprints.dip);
  });
});

describe('utama.buildDocument', () => {
  async function signedDesk() {
    const recs = records();
    const desk = await utamaDesk(open, recs, NOW);
    await must(desk.core, 'utama.sign', { year: 2026 }, desk.s.utama);
    return desk;
  }
  type Built = { fileName: string; base64: string | null; savedTo: string | null; mime: string };

  it('gives the signed consolidated DIP as DOCX: every OPD under its heading, the missing named, the PPID Utama’s seal', async () => {
    const { core, s } = await signedDesk();
    const out = await must<Built>(core, 'utama.buildDocument', { kind: 'regencyDip', format: 'docx', year: 2026 }, s.operator);
    expect(out.fileName).toBe('DIP-Gabungan-2026-Final.docx');
    expect(out.mime).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    const parts = unzipDocx(Buffer.from(out.base64!, 'base64'));
    const xml = parts.xml['word/document.xml']!;
    const headings = tableRows(xml)
      .filter((r) => r.cells.length === 1 && /^[IVX]+\. /.test(r.cells[0]!))
      .map((r) => r.cells[0]!);
    expect(headings.map((h) => h.split('\n')[0])).toEqual([
      'I. BADAN KEUANGAN DAN ASET DAERAH',
      'II. DINAS KESEHATAN',
      'III. DINAS PENDIDIKAN',
      'IV. DINAS PERHUBUNGAN',
      'V. KECAMATAN PUTUSSIBAU UTARA',
    ]);
    expect(headings[0]).toContain('Belum mengirim daftar untuk tahun ini; belum dimuat dalam daftar ini.');
    expect(headings[1]).toContain(`Ditandatangani ${kepala.dinkes} pada 4 November 2026, sidik ${printed.dinkes.dip.short}`);
    expect(headings[4]).toContain('Belum ada daftar yang ditandatangani Kepala OPD (tahap 4: Pemeriksaan PPID Pembantu)');
    const text = allText(xml);
    expect(text).toContain('Gabungan daftar 3 dari 5 perangkat daerah yang telah ditandatangani Kepala OPD masing-masing. Belum ditandatangani: Badan Keuangan dan Aset Daerah; Kecamatan Putussibau Utara.');
    for (const judul of c.dinkes.items.filter((i) => i.fields.kategori !== 'dikecualikan').map((i) => i.fields.judul)) expect(text).toContain(judul);
    expect(text).not.toContain('Standar pelayanan Kecamatan Putussibau Utara');
    // The exempt item never prints in the DIP.
    expect(text).not.toContain('Data riwayat kesehatan pegawai Dinas Kesehatan');
    const data = await must<{ input: RegencyInput }>(core, 'utama.documentData', { year: 2026 }, s.operator);
    const footer = headerFooterPart(parts, 'footer', 'default') ?? '';
    expect(allText(footer)).toContain(regencyFingerprint('dip', data.input).short);
  });

  it('gives a draft before signing, the DIK, the lists’ workbook and the compliance report', async () => {
    const { core, s } = await utamaDesk(open, records(), NOW);
    const build = (kind: string, format: string) => must<Built>(core, 'utama.buildDocument', { kind, format, year: 2026 }, s.operator);
    expect((await build('regencyDip', 'docx')).fileName).toBe('DIP-Gabungan-2026-Draft.docx');
    const dik = await build('regencyDik', 'docx');
    expect(dik.fileName).toBe('DIK-Gabungan-2026-Draft.docx');
    expect(allText(unzipDocx(Buffer.from(dik.base64!, 'base64')).xml['word/document.xml']!)).toContain('Data riwayat kesehatan pegawai Dinas Kesehatan');

    const lists = await build('regencyDip', 'xlsx');
    expect([lists.fileName, lists.mime]).toEqual(['DIP-DIK-Gabungan-2026-Draft.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet']);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(lists.base64!, 'base64') as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['DIP', 'DIK']);

    const report = await build('compliance', 'xlsx');
    expect(report.fileName).toBe('Laporan-Kepatuhan-2026.xlsx');
    const rb = new ExcelJS.Workbook();
    await rb.xlsx.load(Buffer.from(report.base64!, 'base64') as unknown as ArrayBuffer);
    const cells: string[] = [];
    rb.getWorksheet('Kepatuhan')!.eachRow((r) => r.eachCell((cell) => cells.push(String(cell.value))));
    // Per OPD: number, name, status, what it means; the late and the missing are named as such.
    const rowOf = (name: string) => cells.slice(cells.indexOf(name) - 1, cells.indexOf(name) + 3);
    expect(rowOf('Dinas Kesehatan')).toEqual(['2', 'Dinas Kesehatan', 'Terlambat', 'Ditandatangani 4 November 2026; Langkah 4 terlambat 1 hari 8 jam kerja']);
    expect(rowOf('Dinas Perhubungan')).toEqual(['4', 'Dinas Perhubungan', 'Tepat waktu', 'Ditandatangani 2 November 2026']);
    expect(rowOf('Badan Keuangan dan Aset Daerah')).toEqual(['1', 'Badan Keuangan dan Aset Daerah', 'Belum ada DIP', 'Belum mengirim daftar']);
    expect(rowOf('Kecamatan Putussibau Utara')).toEqual(['5', 'Kecamatan Putussibau Utara', 'Belum ada DIP', 'Tahap 4: Pemeriksaan PPID Pembantu; Langkah 4 terlambat 2 jam 15 menit kerja']);
    expect((await build('compliance', 'docx')).fileName).toBe('Laporan-Kepatuhan-2026.docx');
  });

  it('saves through the desktop’s dialog, and says the browser cannot', async () => {
    const { core, s, stores } = await utamaDesk(open, records(), NOW);
    const r = failure(await call(core, 'utama.buildDocument', { kind: 'regencyDip', format: 'docx', year: 2026, save: true }, s.operator));
    expect([r.code, r.message]).toEqual(['CONFLICT', 'Menyimpan lewat dialog hanya tersedia di aplikasi desktop. Di peramban, berkas diunduh langsung.']);
    const asked: { suggestedName: string; bytes: Buffer; filter: { extensions: string[] } }[] = [];
    stores.platform.saveFile = async (req) => {
      asked.push(req as (typeof asked)[number]);
      return `/home/ppid/${req.suggestedName}`;
    };
    const out = await must<Built>(core, 'utama.buildDocument', { kind: 'compliance', format: 'xlsx', year: 2026, save: true }, s.operator);
    expect(out).toMatchObject({ fileName: 'Laporan-Kepatuhan-2026.xlsx', base64: null, savedTo: '/home/ppid/Laporan-Kepatuhan-2026.xlsx' });
    expect(asked.map((a) => [a.suggestedName, a.filter.extensions])).toEqual([['Laporan-Kepatuhan-2026.xlsx', ['xlsx']]]);
    expect(asked[0]!.bytes.subarray(0, 2).toString()).toBe('PK');
  });
});

describe('Verifikasi dokumen: a regency QR', () => {
  it('checks the code against the year’s signature and names each OPD’s signed version', async () => {
    const { core, s } = await utamaDesk(open, records(), NOW);
    const sig = await must<RegencySignature>(core, 'utama.sign', { year: 2026 }, s.utama);
    const qr = regencyQrPayload('dip', 2026, sig.fingerprints.dip);
    const v = await must<Verification>(core, 'documents.verify', { code: qr }, s.operator);
    expect(v).toMatchObject({
      result: 'signed',
      kind: 'dip',
      title: 'Daftar Informasi Publik Kabupaten Kapuas Hulu Tahun 2026',
      signedAt: NOW,
      signedBy: 'Drs. Agustinus Rangkap, M.Si.',
      cycleId: null,
    });
    expect(v.opds).toEqual([
      { opdName: 'Dinas Kesehatan', unitCode: 'Dinkes', short: printed.dinkes.dip.short, signedAt: '2026-11-04T02:10:00.000Z', signedBy: kepala.dinkes },
      { opdName: 'Dinas Pendidikan', unitCode: 'Disdik', short: printed.disdik.dip.short, signedAt: '2026-11-02T02:20:00.000Z', signedBy: kepala.disdik },
      { opdName: 'Dinas Perhubungan', unitCode: 'Dishub', short: printed.dishub.dip.short, signedAt: '2026-11-02T02:20:00.000Z', signedBy: kepala.dishub },
    ]);
    expect(v.message).toBe(
      'Ini adalah Daftar Informasi Publik gabungan Kabupaten Kapuas Hulu tahun 2026 yang sah, ditandatangani PPID Utama Drs. Agustinus Rangkap, M.Si. pada 9 November 2026. ' +
        `Memuat daftar yang ditandatangani 3 perangkat daerah: Dinas Kesehatan (sidik ${printed.dinkes.dip.short}, ditandatangani ${kepala.dinkes} 4 November 2026); ` +
        `Dinas Pendidikan (sidik ${printed.disdik.dip.short}, ditandatangani ${kepala.disdik} 2 November 2026); ` +
        `Dinas Perhubungan (sidik ${printed.dishub.dip.short}, ditandatangani ${kepala.dishub} 2 November 2026).`,
    );
    // The DIK's code names the OPD's DIK fingerprints; the typed short code works as the QR does.
    const dik = await must<Verification>(core, 'documents.verify', { code: regencyQrPayload('dik', 2026, sig.fingerprints.dik) }, s.operator);
    expect(dik.opds!.map((o) => o.short)).toEqual([printed.dinkes.dik.short, printed.disdik.dik.short, printed.dishub.dik.short]);
    const short = sig.fingerprints.dip.slice(0, 12).toUpperCase().replace(/(.{4})(?=.)/g, '$1-');
    expect((await must<Verification>(core, 'documents.verify', { code: short }, s.operator)).title).toBe('Daftar Informasi Publik Kabupaten Kapuas Hulu Tahun 2026');
  });

  it('says so when the code does not match what was signed, or nothing was signed that year', async () => {
    const { core, s } = await utamaDesk(open, records(), NOW);
    await must(core, 'utama.sign', { year: 2026 }, s.utama);
    const wrong = await must<Verification>(core, 'documents.verify', { code: regencyQrPayload('dip', 2026, 'ab'.repeat(32)) }, s.operator);
    expect([wrong.result, wrong.message]).toEqual([
      'none',
      'Kode menyebut Daftar Informasi Publik gabungan tahun 2026, tetapi tidak cocok dengan yang ditandatangani PPID Utama di aplikasi ini: lembar itu versi sebelum penandatanganan ulang, atau telah diubah.',
    ]);
    const unsigned = await must<Verification>(core, 'documents.verify', { code: regencyQrPayload('dik', 2025, 'ab'.repeat(32)) }, s.operator);
    expect([unsigned.result, unsigned.message]).toEqual(['none', 'Belum ada Daftar Informasi yang Dikecualikan gabungan tahun 2025 yang ditandatangani PPID Utama di aplikasi ini.']);
  });

  it('an OPD office reading a regency code finds no signature, and says so', async () => {
    const core = await open(await setUpDataDir());
    const v = await must<Verification>(core, 'documents.verify', { code: regencyQrPayload('dip', 2026, 'ab'.repeat(32)) }, await login(core, 'operator'));
    expect([v.result, v.message]).toEqual(['none', 'Belum ada Daftar Informasi Publik gabungan tahun 2026 yang ditandatangani PPID Utama di aplikasi ini.']);
  });
});
