import { describe, expect, it } from 'vitest';
import { archiveDocuments, archiveRecords, retentionEnds, retentionMonths } from '../../electron/core/domain/archive';
import { buildTimeline } from '../../electron/core/domain/timeline';
import { OFFICE_ROLES } from '../../electron/core/domain/roles';
import { actProblem, canEdit, editKindOf, fold, readAct, type CycleEvent, type CycleState, type EventBody } from '../../electron/core/domain/workflow';
import { completeItem } from './workflow-fixtures';

/**
 * The pure side of the archive: how long a record is kept (retensi, UU 43/2009's Jadwal Retensi
 * Arsip periods), the act `archive.filed` as the log holds it, and who may file when.
 */

describe('retention: the period a retensi names and the day it ends', () => {
  it.each([
    ['5 tahun', 60],
    ['1 Tahun', 12],
    ['18 bulan', 18],
    ['5 (lima) tahun', 60],
    ['2 tahun aktif, 8 tahun inaktif', 120],
    ['1 tahun aktif dan 2 tahun inaktif', 36],
    ['3 thn', 36],
    ['10 tahun.', 120],
  ])('"%s" is %i months', (text, months) => {
    expect(retentionMonths(text)).toBe(months);
  });

  it.each(['Permanen', 'Selama berlaku', '2 tahun aktif setelah berakhir, 3 tahun inaktif', '', 'lima tahun', '0 tahun'])('"%s" names no fixed period', (text) => {
    expect(retentionMonths(text)).toBeNull();
  });

  it('counts from the day the list was signed in the office zone, to the same day n years or months later', () => {
    // Signed 10.00 WIB on 12 December 2025.
    expect(retentionEnds('5 tahun', '2025-12-12T03:00:00.000Z', 'Asia/Jakarta')).toBe('2030-12-12');
    // 00.30 WIB on 1 January 2026 is still 31 December 2025 in UTC: the office's day counts.
    expect(retentionEnds('1 tahun', '2025-12-31T17:30:00.000Z', 'Asia/Jakarta')).toBe('2027-01-01');
    expect(retentionEnds('1 tahun', '2025-12-31T17:30:00.000Z', 'Asia/Jayapura')).toBe('2027-01-01');
    expect(retentionEnds('Permanen', '2025-12-12T03:00:00.000Z', 'Asia/Jakarta')).toBeNull();
  });

  it('a month past a shorter month ends on its last day, and 29 February on 28 February of a common year', () => {
    expect(retentionEnds('1 bulan', '2026-01-31T03:00:00.000Z', 'Asia/Jakarta')).toBe('2026-02-28');
    expect(retentionEnds('1 bulan', '2028-01-31T03:00:00.000Z', 'Asia/Jakarta')).toBe('2028-02-29');
    expect(retentionEnds('1 tahun', '2028-02-29T03:00:00.000Z', 'Asia/Jakarta')).toBe('2029-02-28');
    expect(retentionEnds('4 tahun', '2028-02-29T03:00:00.000Z', 'Asia/Jakarta')).toBe('2032-02-29');
  });
});

const kepala = { userId: 'u-kepala', username: 'kepala', name: 'Drs. Agustinus Rangkap, M.Si.', role: 'kepala_opd' as const };
const operator = { userId: 'u-op', username: 'operator', name: 'Rizky Pratama, S.Kom.', role: 'operator' as const };
const ppid = { userId: 'u-ppid', username: 'ppid', name: 'Yuliana Sari, S.Sos., M.AP.', role: 'ppid_pembantu' as const };
type Who = typeof kepala | typeof operator | typeof ppid;

function act(n: number, actor: Who, body: EventBody): CycleEvent {
  return {
    v: 4,
    id: `e${n}`,
    cycleId: 'c1',
    parents: n ? [`e${n - 1}`] : [],
    installationId: 'inst',
    at: new Date(Date.UTC(2026, 10, 23, 1, n)).toISOString(),
    actor,
    body,
    hash: 'a'.repeat(64),
    sig: null,
  };
}

const ITEMS = [completeItem('Profil Dinas', 'Sekretariat', 'berkala', { retensi: '5 tahun' }), completeItem('Data kesehatan pegawai', 'Sekretariat', 'dikecualikan', { retensi: '' })];

/** A cycle signed at Konsep version 1 (at step 6, Arsip DIK), or stopped at step 5 with `signed: false`. */
function cycle(signed = true): CycleEvent[] {
  const bodies: [Who, EventBody][] = [
    [operator, { type: 'cycle.created', title: 'DIP 2026', year: 2026, carriedFrom: null }],
    ...ITEMS.map((fields, i): [Who, EventBody] => [operator, { type: 'item.added', itemId: `i${i}`, fields, origin: 'baru', sourceItemId: null }]),
    [operator, { type: 'transition', action: 'report', from: 'identifikasi', to: 'nota_dinas', reasons: '', data: {} }],
    [ppid, { type: 'transition', action: 'issueNotaDinas', from: 'nota_dinas', to: 'pengumpulan', reasons: '', data: { notaDinasNumber: '500.12.2/1/Diskominfotik/2026' } }],
    [operator, { type: 'transition', action: 'submitKonsep', from: 'pengumpulan', to: 'pemeriksaan_ppid', reasons: '', data: { version: 1 } }],
    [ppid, { type: 'transition', action: 'approve', from: 'pemeriksaan_ppid', to: 'pemeriksaan_kepala', reasons: '', data: {} }],
  ];
  if (signed) bodies.push([kepala, { type: 'transition', action: 'approve', from: 'pemeriksaan_kepala', to: 'arsip', reasons: '', data: { signedBy: kepala.name } }]);
  return bodies.map(([who, body], n) => act(n, who, body));
}

const ATTACHMENT = { id: 'a1', name: 'DIP 2026.pdf', file: `ab/${'ab'.repeat(32)}`, sha256: 'ab'.repeat(32), bytes: 1234, mime: 'application/pdf' };
const filed = (over: Partial<Extract<EventBody, { type: 'archive.filed' }>> = {}): EventBody => ({
  type: 'archive.filed',
  document: 'dip',
  itemId: null,
  version: 1,
  attachment: ATTACHMENT,
  qr: { status: 'cocok', text: 'PPIDDESK:DIP:C1:V1:' + 'AB'.repeat(16) },
  ...over,
});

describe('the act archive.filed', () => {
  it('reads back from a log line (format 4) exactly as written', () => {
    const line = JSON.parse(JSON.stringify(act(9, operator, filed())));
    const read = readAct(line);
    expect(read.ok && read.act.body).toEqual(filed());
    const noQr = readAct({ ...line, body: { ...line.body, qr: { status: 'dibaca', text: null } } });
    expect(noQr.ok).toBe(false);
  });

  it('folds into the cycle\'s archive, with who filed it and when; the papers list their scans', () => {
    const events = cycle();
    const s: CycleState = fold([...events, act(events.length, operator, filed()), act(events.length + 1, kepala, filed({ document: 'ujiKonsekuensi', itemId: 'i1', qr: { status: 'tanpa_kode', text: null }, attachment: { ...ATTACHMENT, id: 'a2' } }))]);
    expect(s.archive.map((x) => [x.document, x.itemId, x.by, x.qr.status])).toEqual([
      ['dip', null, operator.name, 'cocok'],
      ['ujiKonsekuensi', 'i1', kepala.name, 'tanpa_kode'],
    ]);
    const docs = archiveDocuments(s);
    expect(docs.map((d) => [d.document, d.itemId, d.scans.length])).toEqual([
      ['notaDinas', null, 0],
      ['dip', null, 1],
      ['dik', null, 0],
      ['ujiKonsekuensi', 'i1', 1],
    ]);
    expect(docs[3]!.label).toBe('Lembar Uji Konsekuensi 1 — Data kesehatan pegawai');
    expect(archiveRecords(s, 'Asia/Jakarta').map((r) => [r.judul, r.retentionEnds])).toEqual([
      ['Profil Dinas', '2031-11-23'],
      ['Data kesehatan pegawai', null],
    ]);
  });

  it('is an edit of kind "archive": any of the three roles, at Arsip DIK and Selesai only', () => {
    expect(editKindOf(filed())).toBe('archive');
    const signed = fold(cycle());
    const unsigned = fold(cycle(false));
    for (const role of OFFICE_ROLES.opd) {
      expect(canEdit(signed, role, 'archive').ok).toBe(true);
      expect(canEdit(unsigned, role, 'archive').ok).toBe(false);
    }
    // As a received act is checked: allowed after signing, refused before, and for another version.
    expect(actProblem(signed, act(20, ppid, filed()))).toBeNull();
    expect(actProblem(signed, act(20, ppid, filed({ document: 'notaDinas', qr: { status: 'tanpa_kode', text: null } })))).toBeNull();
    expect(actProblem(unsigned, act(20, ppid, filed()))).toMatch(/tidak dapat mengarsipkan/);
    expect(actProblem(signed, act(20, ppid, filed({ version: 0 })))).toMatch(/versi/);
    expect(actProblem(signed, act(20, ppid, filed({ document: 'ujiKonsekuensi', itemId: 'tidak-ada' })))).toMatch(/tidak ada/);
  });

  it('has its line in Riwayat', () => {
    const events = cycle();
    const t = buildTimeline([...events, act(events.length, operator, filed({ qr: { status: 'tidak_terbaca', text: null } }))]);
    expect(t.at(-1)).toMatchObject({ type: 'archive.filed', summary: 'Pindaian Daftar Informasi Publik (versi 1) diarsipkan: DIP 2026.pdf — kode QR tidak terbaca.' });
  });
});
