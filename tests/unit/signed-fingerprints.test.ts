import { promises as fs, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Core } from '../../electron/core/app-core';
import { documentFingerprint, fingerprintSha256, legacyFingerprintSha256V1 } from '../../electron/core/documents';
import type { CycleView } from '../../electron/core/domain/cycle-views';
import type { ItemState } from '../../electron/core/domain/workflow';
import { DEMO_PASSWORD } from '../../electron/core/services/demo';
import { formatOneLog } from './act-log-fixtures';
import { completeItem } from './workflow-fixtures';
import { ACT_FORMAT } from '../../electron/core/domain/workflow';
import { signAsKepala } from './workflow-fixtures';

/**
 * One signed cycle written out in full, never built by app code: the fingerprints pinned
 * against it must hold for every later version of the app.
 */
const at = '2026-11-20T02:00:00.000Z';

const FIXED_ITEMS: ItemState[] = [
  {
    id: 'item-0001-profil',
    fields: {
      bidang: 'Sekretariat',
      judul: 'Profil Dinas Komunikasi dan Informatika',
      catatan: '',
      ringkasan: 'Struktur organisasi, tugas dan fungsi, alamat kantor',
      pejabatPenguasa: 'Sekretaris Dinas',
      penanggungJawab: 'Kepala Sub Bagian Umum',
      waktuPembuatan: '2026',
      tempatPembuatan: 'Putussibau',
      bentuk: ['softcopy', 'hardcopy'],
      retensi: '5 tahun',
      kategori: 'berkala',
      berkalaBulan: 6,
      exemption: { basis: 'pasal17', huruf: '', angka: 0, undangUndang: '', pasal: '', konsekuensi: '', pertimbangan: '', jangkaWaktu: '' },
    },
    origin: 'baru',
    sourceItemId: null,
    attachments: [],
    addedAt: at,
    updatedAt: at,
  },
  {
    id: 'item-0002-kesehatan',
    fields: {
      bidang: 'Sekretariat',
      judul: 'Data kesehatan pegawai',
      catatan: '',
      ringkasan: 'Rekam medis pegawai',
      pejabatPenguasa: 'Sekretaris Dinas',
      penanggungJawab: 'Kepala Sub Bagian Umum',
      waktuPembuatan: '2026',
      tempatPembuatan: 'Putussibau',
      bentuk: ['hardcopy'],
      retensi: '10 tahun',
      kategori: 'dikecualikan',
      berkalaBulan: 0,
      exemption: {
        basis: 'pasal17',
        huruf: 'h',
        angka: 2,
        undangUndang: '',
        pasal: '',
        konsekuensi: 'Membuka riwayat kesehatan pegawai.',
        pertimbangan: 'Melindungi rahasia pribadi.',
        jangkaWaktu: '',
      },
    },
    origin: 'baru',
    sourceItemId: null,
    attachments: [],
    addedAt: at,
    updatedAt: at,
  },
];

const FIXED_CYCLE = {
  id: 'c0ffee00-0000-4000-8000-000000000001',
  year: 2026,
  version: 1,
  signed: { at: '2026-11-25T03:00:00.000Z', by: 'Drs. Agustinus' },
  items: FIXED_ITEMS,
};

/** Flip to reword every DIP group heading, as a later version of the app might. */
const labels = vi.hoisted(() => ({ reworded: false }));
vi.mock('../../electron/core/documents/shared/rows', async (importOriginal) => {
  const rows = await importOriginal<typeof import('../../electron/core/documents/shared/rows')>();
  return {
    ...rows,
    dipGroups: (items: Parameters<typeof rows.dipGroups>[0]) =>
      rows.dipGroups(items).map((g) => (labels.reworded ? { ...g, heading: `${g.heading} (judul baru)` } : g)),
  };
});

const REPRINT = 'dicetak ulang dengan versi aplikasi yang lebih baru; sidik sesuai saat ditandatangani';

describe('the fingerprint of a signed list', () => {
  afterEach(() => {
    labels.reworded = false;
  });

  it('is pinned for a fixed cycle: RFC 8785 over the list, and the frozen format 1 of earlier versions', () => {
    // Format 2 (RFC 8785) for this cycle: a change here changes what a new signing stores.
    // Moved once on purpose (issue 9): the DIP groups in the law's order, the g/h period citing
    // Pasal 18 ayat (2); lists signed before keep the code stored in their signing act.
    expect(fingerprintSha256('dip', FIXED_CYCLE)).toBe('018e2908710d3f373c261d79439afc05fb2e7c5b6986c4e4304fa386f6e9e141');
    expect(fingerprintSha256('dik', FIXED_CYCLE)).toBe('b6d6b01e49a7f48186623b49498400b9f370755800ce137a25fa6cc0c70ffba8');
    // Format 1: what PPID Desk printed before signing acts stored their fingerprints (taken from that version).
    expect(legacyFingerprintSha256V1('dip', FIXED_CYCLE)).toBe('0da971a17e7dc400b5647093257ca350ef4822565e7b1b41c491f434f40f017c');
    expect(legacyFingerprintSha256V1('dik', FIXED_CYCLE)).toBe('4089d8f95a13dd476e4f2263b27566b8febebc7559ccc1b70f4454ea2eed465e');
    // A list signed before stored fingerprints prints the format-1 code, as it always did.
    expect(documentFingerprint('dip', FIXED_CYCLE).short).toBe('0DA9-71A1-7E7D');
  });

  it('prints the stored fingerprint; a reworded label changes the content but not the code, and says so', () => {
    const stored = { sha256: '018e2908710d3f373c261d79439afc05fb2e7c5b6986c4e4304fa386f6e9e141', format: 2, count: 1 };
    const dik = { sha256: 'b6d6b01e49a7f48186623b49498400b9f370755800ce137a25fa6cc0c70ffba8', format: 2, count: 1 };
    const signed = { ...FIXED_CYCLE, signed: { ...FIXED_CYCLE.signed, fingerprints: { dip: stored, dik } } };
    expect(documentFingerprint('dip', signed)).toMatchObject({ short: '018E-2908-710D', reprintNote: null });
    labels.reworded = true;
    expect(fingerprintSha256('dip', signed)).not.toBe(stored.sha256);
    expect(documentFingerprint('dip', signed)).toMatchObject({ sha256: stored.sha256, short: '018E-2908-710D', reprintNote: REPRINT });
    // The DIK has no reworded label: nothing to say.
    expect(documentFingerprint('dik', signed).reprintNote).toBeNull();
  });

  it('a list signed before stored fingerprints keeps its format-1 code after a label is reworded', () => {
    labels.reworded = true;
    expect(legacyFingerprintSha256V1('dip', FIXED_CYCLE)).toBe('0da971a17e7dc400b5647093257ca350ef4822565e7b1b41c491f434f40f017c');
    expect(documentFingerprint('dip', FIXED_CYCLE).short).toBe('0DA9-71A1-7E7D');
  });
});

describe('signing and verifying through the core', () => {
  let dir: string;
  let core: Core;
  const clock = { t: Date.parse('2026-11-23T01:00:00Z'), now() { return new Date(this.t); } };
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

  beforeEach(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'ppid-fp-'));
    core = await Core.open({ dataDir: dir, clock, holder: 'test', resourcesDir: path.resolve('resources'), appVersion: '0.0.0-test' });
    await core.invoke({ name: 'setup.loadDemo' });
    await core.close();
    await open();
  });
  afterEach(async () => {
    labels.reworded = false;
    await core.close();
    await fs.rm(dir, { recursive: true, force: true });
  });

  it('stores what the Kepala signed in the act, and a later label change leaves verification untouched', async () => {
    const { id } = await call<{ id: string }>('operator', 'cycles.create', { title: 'DIP 2026', year: 2026 });
    await call('operator', 'cycles.addItems', {
      cycleId: id,
      items: [completeItem('Profil Dinas', 'Sekretariat', 'berkala'), completeItem('Data kesehatan pegawai', 'Sekretariat', 'dikecualikan')],
    });
    await call('operator', 'cycles.act', { cycleId: id, action: 'report' });
    await call('ppid', 'cycles.act', { cycleId: id, action: 'issueNotaDinas' });
    const v = await call('operator', 'cycles.act', { cycleId: id, action: 'submitKonsep' });
    for (const i of v.items) await call('ppid', 'cycles.markReview', { cycleId: id, itemId: i.id, verdict: 'sesuai' });
    await call('ppid', 'cycles.act', { cycleId: id, action: 'approve' });
    await signAsKepala(call, id, DEMO_PASSWORD);

    // The signing act holds both hashes, their format and the row counts.
    const lines = (await fs.readFile(path.join(dir, 'cycles', id, 'events.jsonl'), 'utf8')).trim().split('\n').map((l) => JSON.parse(l));
    const signing = lines.at(-1);
    expect(signing).toMatchObject({ v: ACT_FORMAT, body: { type: 'transition', action: 'approve', from: 'pemeriksaan_kepala' } });
    expect(signing.body.data.fingerprints).toEqual({
      dip: { sha256: expect.stringMatching(/^[a-f0-9]{64}$/), format: 2, count: 1 },
      dik: { sha256: expect.stringMatching(/^[a-f0-9]{64}$/), format: 2, count: 1 },
    });
    const signedDip: string = signing.body.data.fingerprints.dip.sha256;
    const short = `${signedDip.slice(0, 4)}-${signedDip.slice(4, 8)}-${signedDip.slice(8, 12)}`.toUpperCase();

    const printed = await call<{ dip: { short: string; note: string | null } }>('operator', 'documents.fingerprints', { cycleId: id });
    expect(printed.dip).toMatchObject({ short, note: null });
    expect(await call('operator', 'documents.verify', { code: short })).toMatchObject({ result: 'signed', cycleId: id, kind: 'dip', note: null });

    // A newer version rewords a heading; the app restarts. The signed paper still verifies.
    labels.reworded = true;
    await core.close();
    await open();
    const again = await call<{ result: string; message: string; note: string | null }>('operator', 'documents.verify', { code: short });
    expect(again).toMatchObject({ result: 'signed', note: REPRINT });
    expect(again.message).toContain(REPRINT);
    // Papers printed with the first QR text and with the shorter one both verify.
    expect(await call('operator', 'documents.verify', { code: `PPIDDESK|DIP|${id}|v1|${signedDip}` })).toMatchObject({ result: 'signed' });
    const shortQr = `PPIDDESK:DIP:${id.toUpperCase()}:V1:${signedDip.slice(0, 32).toUpperCase()}`;
    expect(await call('operator', 'documents.verify', { code: shortQr })).toMatchObject({ result: 'signed', cycleId: id, kind: 'dip' });
    const forged = `${shortQr.slice(0, -1)}${shortQr.endsWith('0') ? '1' : '0'}`;
    expect(await call('operator', 'documents.verify', { code: forged })).toMatchObject({ result: 'none', cycleId: id, kind: null });
    // A reprint carries the signed code in its footer, and the print view hears why.
    expect((await call<{ dip: { short: string; note: string | null } }>('operator', 'documents.fingerprints', { cycleId: id })).dip).toEqual({
      short,
      qrText: shortQr,
      note: REPRINT,
    });
    const docx = await call<{ base64: string }>('operator', 'documents.build', { cycleId: id, kind: 'dip' });
    const files = unzipSync(Buffer.from(docx.base64, 'base64'));
    const footers = Object.entries(files)
      .filter(([n]) => /word\/(header|footer)\d*\.xml/.test(n))
      .map(([, b]) => strFromU8(b).replace(/<[^>]+>/g, ''))
      .join('');
    expect(footers).toContain(short);
  });

  it('a list signed by an earlier version (no stored fingerprint) still verifies by the frozen format-1 recomputation', async () => {
    await core.close();
    // The fixed cycle as an earlier version wrote it: no `v`, no fingerprints in the signing act.
    const c = FIXED_CYCLE;
    const kepala = { userId: 'u-kepala', username: 'kepala', name: 'Drs. Agustinus', role: 'kepala_opd' };
    const operator = { userId: 'u-op', username: 'operator', name: 'Operator', role: 'operator' };
    const acts = [
      { at: '2026-11-20T01:00:00.000Z', actor: operator, body: { type: 'cycle.created', title: 'DIP 2026', year: 2026, carriedFrom: null } },
      ...c.items.map((i) => ({ at: i.addedAt, actor: operator, body: { type: 'item.added', itemId: i.id, fields: i.fields, origin: 'baru', sourceItemId: null } })),
      { at: '2026-11-21T01:00:00.000Z', actor: operator, body: { type: 'transition', action: 'submitKonsep', from: 'pengumpulan', to: 'pemeriksaan_ppid', reasons: '', data: { version: 1 } } },
      { at: c.signed.at, actor: kepala, body: { type: 'transition', action: 'approve', from: 'pemeriksaan_kepala', to: 'arsip', reasons: '', data: { signedBy: c.signed.by } } },
    ];
    const file = path.join(dir, 'cycles', c.id, 'events.jsonl');
    await fs.mkdir(path.dirname(file), { recursive: true });
    await fs.writeFile(file, formatOneLog(c.id, acts));

    await open();
    const printed = await call<{ dip: { short: string } }>('operator', 'documents.fingerprints', { cycleId: c.id });
    expect(printed.dip.short).toBe('0DA9-71A1-7E7D');
    expect(await call('operator', 'documents.verify', { code: '0da9-71a1-7e7d' })).toMatchObject({ result: 'signed', cycleId: c.id, kind: 'dip' });
    expect(
      await call('operator', 'documents.verify', { code: `PPIDDESK|DIK|${c.id}|v1|4089d8f95a13dd476e4f2263b27566b8febebc7559ccc1b70f4454ea2eed465e` }),
    ).toMatchObject({ result: 'signed', kind: 'dik' });
  });
});
