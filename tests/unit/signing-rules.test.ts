import { describe, expect, it } from 'vitest';
import { zod4Resolver } from 'mantine-form-zod-resolver';
import {
  angkaChoices,
  angkaText,
  itemFieldsSchema,
  itemPatchSchema,
  itemProblems,
  PASAL17,
  PASAL17_ANGKA,
} from '../../electron/core/domain/information';
import { compareWithBase } from '../../electron/core/domain/changes';
import { buildTimeline, endSentence } from '../../electron/core/domain/timeline';
import { passwordSchema, personSchema, officeSchema, usernameSchema } from '../../electron/core/domain/office';
import { decide, fold, readAct, type CycleEvent, type EventBody } from '../../electron/core/domain/workflow';
import { completeItem, UJI_PARTICIPANTS } from './workflow-fixtures';

const kepala = { userId: 'u-kepala', username: 'kepala', name: 'Drs. Agustinus Rangkap, M.Si.', role: 'kepala_opd' as const };
const operator = { userId: 'u-op', username: 'operator', name: 'Rizky Pratama, S.Kom.', role: 'operator' as const };

function log(bodies: [typeof kepala | typeof operator, EventBody][]): CycleEvent[] {
  return bodies.map(([actor, body], n) => ({
    v: 2,
    id: `e${n}`,
    cycleId: 'c1',
    parents: n ? [`e${n - 1}`] : [],
    installationId: 'inst',
    at: new Date(Date.UTC(2026, 10, 23, 1, n)).toISOString(),
    actor,
    body,
    hash: 'a'.repeat(64),
    sig: null,
  }));
}

/** A cycle at step 5 (the Kepala's check) with the given items, Konsep version 1. */
function atStepFive(items: ReturnType<typeof completeItem>[], extra: [typeof kepala | typeof operator, EventBody][] = []) {
  const t = (action: 'report' | 'issueNotaDinas' | 'submitKonsep' | 'approve', from: string, to: string, data = {}) =>
    [operator, { type: 'transition', action, from, to, reasons: '', data }] as [typeof operator, EventBody];
  return fold(
    log([
      [operator, { type: 'cycle.created', title: 'DIP 2026', year: 2026, carriedFrom: null }],
      ...items.map((fields, i): [typeof operator, EventBody] => [operator, { type: 'item.added', itemId: `i${i}`, fields, origin: 'baru', sourceItemId: null }]),
      t('report', 'identifikasi', 'nota_dinas'),
      t('issueNotaDinas', 'nota_dinas', 'pengumpulan'),
      t('submitKonsep', 'pengumpulan', 'pemeriksaan_ppid', { version: 1 }),
      t('approve', 'pemeriksaan_ppid', 'pemeriksaan_kepala'),
      ...extra,
    ]),
  );
}

describe('the uji konsekuensi guards the Kepala’s signature (SOP step 5)', () => {
  const exempt = [completeItem('Profil', 'Sekretariat', 'berkala'), completeItem('Data kesehatan pegawai', 'Sekretariat', 'dikecualikan')];

  it('exempt items cannot be signed until the uji is recorded for this Konsep version', () => {
    const s = atStepFive(exempt);
    expect(decide(s, 'kepala_opd', 'approve', '')).toMatchObject({ ok: false, code: 'CONFLICT', message: expect.stringMatching(/Catat uji konsekuensi/) });
    const recorded = atStepFive(exempt, [[kepala, { type: 'uji.recorded', version: 1, participants: UJI_PARTICIPANTS }]]);
    expect(recorded.ujiKonsekuensi).toEqual({ at: '2026-11-23T01:07:00.000Z', by: kepala.name, version: 1, participants: UJI_PARTICIPANTS });
    expect(decide(recorded, 'kepala_opd', 'approve', '')).toMatchObject({ ok: true });
    // Returning is never held up by it.
    expect(decide(s, 'kepala_opd', 'return', 'Periksa lagi')).toMatchObject({ ok: true });
  });

  it('a list without exempt items needs no uji', () => {
    expect(decide(atStepFive([completeItem('Profil', 'Sekretariat', 'berkala')]), 'kepala_opd', 'approve', '')).toMatchObject({ ok: true });
  });

  it('the act is part of the act format: read, validated, and folded', () => {
    const raw = { ...log([[kepala, { type: 'uji.recorded', version: 1, participants: [{ name: 'A', role: 'Atasan PPID Pembantu' }] } as never]])[0]! };
    const read = readAct(raw);
    expect(read.ok).toBe(true);
    // Fields left out get the schema's defaults.
    expect(read.ok && read.act.body).toEqual({ type: 'uji.recorded', version: 1, participants: [{ name: 'A', nip: '', jabatan: '', role: 'Atasan PPID Pembantu' }] });
    const noVersion = readAct({ ...raw, body: { type: 'uji.recorded', participants: [] } });
    expect(noVersion.ok).toBe(false);
  });

  it('the signed moment is the previewed one the signing act names, else the act’s time', () => {
    const signedAt = '2026-11-23T01:05:30.000Z';
    const s = atStepFive(exempt, [
      [kepala, { type: 'uji.recorded', version: 1, participants: UJI_PARTICIPANTS }],
      [kepala, { type: 'transition', action: 'approve', from: 'pemeriksaan_kepala', to: 'arsip', reasons: '', data: { signedBy: kepala.name, signedAt } }],
    ]);
    expect(s.signed).toMatchObject({ at: signedAt, by: kepala.name });
  });
});

describe('no double full stop after a name with degrees', () => {
  it('endSentence adds a full stop only when there is none', () => {
    expect(endSentence('ditandatangani oleh Drs. Agustinus Rangkap, M.Si.')).toBe('ditandatangani oleh Drs. Agustinus Rangkap, M.Si.');
    expect(endSentence('ditandatangani oleh Yohanes Sudarto')).toBe('ditandatangani oleh Yohanes Sudarto.');
  });

  it('the timeline of a signing and of a uji reads "M.Si." once', () => {
    const s = log([
      [operator, { type: 'cycle.created', title: 'DIP 2026', year: 2026, carriedFrom: null }],
      [kepala, { type: 'uji.recorded', version: 1, participants: [UJI_PARTICIPANTS[1]!, UJI_PARTICIPANTS[0]!] }],
      [kepala, { type: 'transition', action: 'approve', from: 'pemeriksaan_kepala', to: 'arsip', reasons: '', data: { signedBy: kepala.name } }],
    ]);
    const summaries = buildTimeline(s).map((e) => e.summary);
    expect(summaries[1]).toBe('Uji konsekuensi (Konsep versi 1) dicatat, diikuti Yohanes Sudarto, S.Kom., Drs. Agustinus Rangkap, M.Si.');
    expect(summaries[2]).toBe('Daftar Informasi Publik disetujui dan ditandatangani oleh Drs. Agustinus Rangkap, M.Si.');
    for (const t of summaries) expect(t).not.toMatch(/\.\.$/);
  });
});

describe('berkala: the core accepts what the editor offers (1, 3 or 6 months)', () => {
  it('refuses any other period on input, with the editor’s message', () => {
    const item = completeItem('LRA', 'Sekretariat', 'berkala');
    for (const n of [1, 3, 6]) expect(itemFieldsSchema.safeParse({ ...item, berkalaBulan: n }).success).toBe(true);
    for (const n of [2, 4, 12, 24]) {
      const r = itemFieldsSchema.safeParse({ ...item, berkalaBulan: n });
      expect(r.success, String(n)).toBe(false);
      expect(r.error!.issues[0]!.message).toBe('Pilih seberapa sering diperbarui: setiap 1, 3 atau 6 bulan (Pasal 9: paling lama setiap 6 bulan).');
    }
    expect(itemPatchSchema.safeParse({ berkalaBulan: 12 }).success).toBe(false);
    expect(itemPatchSchema.safeParse({ berkalaBulan: 3 }).success).toBe(true);
  });

  it('an old act holding a period now forbidden still loads, and the item is flagged, not hidden', () => {
    const old = {
      id: 'e0',
      cycleId: 'c1',
      prev: null,
      installationId: 'inst',
      at: '2025-01-05T01:00:00.000Z',
      actor: operator,
      body: { type: 'item.added', itemId: 'i1', fields: { ...completeItem('LRA', 'Sekretariat', 'berkala'), berkalaBulan: 12 }, origin: 'baru', sourceItemId: null },
      hash: 'b'.repeat(64),
    };
    const read = readAct(old); // format 1: no `v`
    expect(read.ok).toBe(true);
    const fields = read.ok && read.act.body.type === 'item.added' ? read.act.body.fields : null;
    expect(fields!.berkalaBulan).toBe(12);
    expect(itemProblems(fields!).map((p) => p.message)).toEqual([expect.stringMatching(/^Tersimpan "setiap 12 bulan", yang tidak diizinkan\. Pilih .*1, 3 atau 6 bulan/)]);
  });
});

describe('Pasal 17: every angka with its meaning (UU 14/2008)', () => {
  it('each letter with sub-points has its texts, and the choices follow them', () => {
    expect(Object.keys(PASAL17_ANGKA).sort()).toEqual(['a', 'c', 'e', 'f', 'h']);
    // Counts from the law: a 5, c 7, e 7, f 4, h 5 (domain.md §2).
    expect(Object.fromEntries(PASAL17.filter((g) => g.angka).map((g) => [g.huruf, g.angka]))).toEqual({ a: 5, c: 7, e: 7, f: 4, h: 5 });
    expect(angkaChoices({ basis: 'pasal17', huruf: 'h' })).toEqual([1, 2, 3, 4, 5]);
    for (const [huruf, texts] of Object.entries(PASAL17_ANGKA)) for (const t of texts) expect(t.length, `${huruf}: ${t}`).toBeGreaterThan(10);
  });

  it('names what a number means, in the statute’s words', () => {
    expect(angkaText('h', 2)).toBe('riwayat, kondisi dan perawatan, pengobatan kesehatan fisik, dan psikis seseorang');
    expect(angkaText('a', 2)).toMatch(/identitas informan, pelapor, saksi, dan\/atau korban/);
    expect(angkaText('e', 3)).toMatch(/pendapatan negara\/daerah/);
    expect(angkaText('c', 6)).toBe('sistem persandian negara');
    expect(angkaText('h', 6)).toBe('');
    expect(angkaText('b', 1)).toBe('');
  });
});

describe('the first DIP: changes count new exempt items as newly exempted', () => {
  it('two new exempt items show as "Baru dikecualikan: 2", the rest as new', () => {
    const s = atStepFive([
      completeItem('Profil', 'Sekretariat', 'berkala'),
      completeItem('Rekap pengaduan', 'Sekretariat', 'setiap_saat'),
      completeItem('Data kesehatan pegawai', 'Sekretariat', 'dikecualikan'),
      completeItem('Hasil evaluasi pegawai', 'Sekretariat', 'dikecualikan'),
    ]);
    const r = compareWithBase(s, null);
    expect(r.counts.dikecualikan).toBe(2);
    expect(r.counts.baru).toBe(2);
    expect(r.changes.slice(0, 2).map((c) => [c.kind, c.judul, c.from, c.to])).toEqual([
      ['dikecualikan', 'Data kesehatan pegawai', null, 'Dikecualikan'],
      ['dikecualikan', 'Hasil evaluasi pegawai', null, 'Dikecualikan'],
    ]);
  });
});

describe('setup: an empty required field says it is required', () => {
  // The forms show the last message per field (mantine-form-zod-resolver), as the user sees it.
  const shown = (schema: Parameters<typeof zod4Resolver>[0], values: unknown) => zod4Resolver(schema)(values as Record<string, unknown>);

  it('empty kode unit, password, user name and jabatan say "wajib diisi"', () => {
    const office = { pemda: 'Pemerintah Kabupaten Kapuas Hulu', opdName: 'Dinas', unitCode: '', address: 'Jl. A', placeName: 'Putussibau', bidang: ['Sekretariat'] };
    expect(shown(officeSchema, office).unitCode).toBe('Kode unit wajib diisi.');
    expect(shown(officeSchema, { ...office, unitCode: 'a b' }).unitCode).toMatch(/hanya boleh berisi huruf/);
    expect(shown(passwordSchema, '')['']).toBe('Kata sandi wajib diisi.');
    expect(shown(passwordSchema, 'pendek')['']).toBe('Kata sandi minimal 8 karakter.');
    expect(shown(usernameSchema, '')['']).toBe('Nama pengguna wajib diisi.');
    const person = { id: 'person-1', name: '', jabatan: '', asn: 'NON_ASN' };
    const errors = shown(personSchema, person);
    expect(errors.name).toBe('Nama lengkap wajib diisi.');
    expect(errors.jabatan).toBe('Jabatan wajib diisi.');
  });
});

describe('one full stop after a review note that has its own', () => {
  it('a note ending in a full stop is not followed by a second', () => {
    const s = log([
      [operator, { type: 'cycle.created', title: 'DIP 2026', year: 2026, carriedFrom: null }],
      [operator, { type: 'item.added', itemId: 'i1', fields: completeItem('Profil', 'Sekretariat', 'berkala'), origin: 'baru', sourceItemId: null }],
      [kepala, { type: 'review.marked', itemId: 'i1', version: 1, verdict: 'perlu_perbaikan', note: 'Tanyakan ke Yohanes Sudarto, S.Kom.' }],
      [kepala, { type: 'review.marked', itemId: 'i1', version: 1, verdict: 'sesuai', note: '' }],
    ]);
    const t = buildTimeline(s).map((e) => e.summary);
    expect(t[2]).toBe('Pemeriksaan (versi 1) "Profil": perlu perbaikan — Tanyakan ke Yohanes Sudarto, S.Kom.');
    expect(t[3]).toBe('Pemeriksaan (versi 1) "Profil": sesuai.');
  });
});

describe('the Nota Dinas running number survives reading the act back', () => {
  it('readAct keeps data.urut', () => {
    const [e] = log([[operator, { type: 'transition', action: 'issueNotaDinas', from: 'nota_dinas', to: 'pengumpulan', reasons: '', data: { notaDinasNumber: '500.12.2/007/Diskominfotik/2026', urut: 7 } }]]);
    const read = readAct(e);
    expect(read.ok && read.act.body.type === 'transition' && read.act.body.data.urut).toBe(7);
  });
});
