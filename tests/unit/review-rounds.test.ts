import { describe, expect, it } from 'vitest';
import {
  applyEvent,
  decide,
  fold,
  readAct,
  reviewChanges,
  sinceLastReview,
  unchangedFlagged,
  unchangedSinceSesuai,
  type CycleEvent,
  type CycleState,
  type EventBody,
} from '../../electron/core/domain/workflow';
import type { Role } from '../../electron/core/domain/roles';
import { completeItem } from './workflow-fixtures';

let n = 0;
function ev(body: EventBody, role: Role = 'operator'): CycleEvent {
  n += 1;
  return { v: 2, id: `e${n}`, cycleId: 'c1', parents: [], installationId: 'i', at: '2026-11-23T02:00:00.000Z', actor: { userId: 'u', username: role, name: role, role }, body, hash: '', sig: null };
}
const to = (action: 'submitKonsep' | 'return' | 'approve', from: string, next: string, version?: number): EventBody =>
  ({ type: 'transition', action, from, to: next, reasons: action === 'return' ? 'Perbaiki.' : '', data: version ? { version } : {} }) as EventBody;

/** Two items sent as version 1 and under review. Marks written like the acts of the app before `judged`. */
function underReview(): CycleState {
  return fold([
    ev({ type: 'cycle.created', title: 'DIP 2027', year: 2027, carriedFrom: null }),
    ev({ type: 'item.added', itemId: 'a', fields: completeItem('Profil Dinas', 'Sekretariat', 'berkala'), origin: 'baru', sourceItemId: null }),
    ev({ type: 'item.added', itemId: 'b', fields: completeItem('Data kesehatan pegawai', 'Sekretariat', 'dikecualikan'), origin: 'baru', sourceItemId: null }),
    ev(to('submitKonsep', 'pengumpulan', 'pemeriksaan_ppid', 1)),
  ]);
}

describe('what changed since an item was judged', () => {
  it('names each changed field as the screens do, with the value before and after', () => {
    const judged = completeItem('Profil Dinas', 'Sekretariat', 'berkala');
    const now = { ...judged, retensi: '10 tahun', bentuk: ['hardcopy' as const], kategori: 'setiap_saat' as const, berkalaBulan: 0 };
    expect(reviewChanges(judged, now)).toEqual([
      { field: 'bentuk', label: 'Bentuk informasi', before: 'Softcopy, Hardcopy', after: 'Hardcopy' },
      { field: 'retensi', label: 'Retensi', before: '5 tahun', after: '10 tahun' },
      { field: 'kategori', label: 'Klasifikasi', before: 'Berkala', after: 'Setiap saat' },
      { field: 'berkalaBulan', label: 'Frekuensi pembaruan (bulan)', before: '6', after: '—' },
    ]);
  });

  it('shows an exemption by its parts: the legal basis and the consequence test', () => {
    const judged = completeItem('Data kesehatan pegawai', 'Sekretariat', 'dikecualikan');
    const now = { ...judged, exemption: { ...judged.exemption, angka: 1, konsekuensi: 'Membuka riwayat penyakit.' } };
    expect(reviewChanges(judged, now)).toEqual([
      {
        field: 'exemption.dasar',
        label: 'Pengecualian: dasar hukum',
        before: 'Pasal 17 huruf h angka 2 UU Nomor 14 Tahun 2008',
        after: 'Pasal 17 huruf h angka 1 UU Nomor 14 Tahun 2008',
      },
      { field: 'exemption.konsekuensi', label: 'Pengecualian: konsekuensi bila dibuka', before: 'Membuka riwayat kesehatan pegawai.', after: 'Membuka riwayat penyakit.' },
    ]);
  });

  it('an item saved again with the same content, in another key order, has not changed', () => {
    const judged = completeItem('Profil Dinas', 'Sekretariat', 'berkala');
    const reordered = Object.fromEntries(Object.entries(judged).reverse()) as typeof judged;
    reordered.exemption = Object.fromEntries(Object.entries(judged.exemption).reverse()) as typeof judged.exemption;
    expect(reviewChanges(judged, reordered)).toEqual([]);
    // The note is content too: an edit there is shown, not silently kept as "sesuai".
    expect(reviewChanges(judged, { ...judged, catatan: 'Diperbarui' }).map((c) => c.label)).toEqual(['Catatan']);
  });
});

describe('review rounds in the fold', () => {
  it('a mark from before `judged` was recorded still knows what it judged (the item at that act)', () => {
    let s = underReview();
    s = applyEvent(s, ev({ type: 'review.marked', itemId: 'a', version: 1, verdict: 'sesuai', note: '' }, 'ppid_pembantu'));
    expect(s.reviews.a!.judged).toEqual(completeItem('Profil Dinas', 'Sekretariat', 'berkala'));
    // …and an old act reads without it, a new one with it.
    const base = { v: 2, id: 'x', cycleId: 'c1', parents: [], installationId: 'i', at: '2026-11-23T02:00:00.000Z', actor: { userId: 'u', username: 'p', name: 'p', role: 'ppid_pembantu' }, hash: 'a'.repeat(64), sig: null };
    const old = readAct({ ...base, body: { type: 'review.marked', itemId: 'a', version: 1, verdict: 'sesuai', note: '' } });
    expect(old.ok && old.act.body.type === 'review.marked' && old.act.body.judged).toBe(undefined);
    const judged = readAct({ ...base, body: { type: 'review.marked', itemId: 'a', version: 1, verdict: 'sesuai', note: '', judged: { bidang: 'Sekretariat', judul: 'Profil' } } });
    expect(judged.ok && judged.act.body.type === 'review.marked' && judged.act.body.judged).toMatchObject({ judul: 'Profil', retensi: '' });
    const bad = readAct({ ...base, body: { type: 'review.marked', itemId: 'a', version: 1, verdict: 'sesuai', note: '', judged: { judul: '' } } });
    expect(bad.ok).toBe(false);
  });

  it('version 2: an unchanged "Sesuai" is kept but must be confirmed; a changed item is judged again', () => {
    let s = underReview();
    s = applyEvent(s, ev({ type: 'review.marked', itemId: 'a', version: 1, verdict: 'sesuai', note: '' }, 'ppid_pembantu'));
    s = applyEvent(s, ev({ type: 'review.marked', itemId: 'b', version: 1, verdict: 'perlu_perbaikan', note: 'Angka salah' }, 'ppid_pembantu'));
    s = applyEvent(s, ev(to('return', 'pemeriksaan_ppid', 'pengumpulan'), 'ppid_pembantu'));
    expect(s.returns.at(-1)!.flaggedItemIds).toEqual(['b']);
    expect(unchangedFlagged(s).map((i) => i.id)).toEqual(['b']);
    const b = s.items.find((i) => i.id === 'b')!;
    s = applyEvent(s, ev({ type: 'item.updated', itemId: 'b', fields: { exemption: { ...b.fields.exemption, angka: 1 } } }));
    expect(unchangedFlagged(s)).toEqual([]);
    s = applyEvent(s, ev(to('submitKonsep', 'pengumpulan', 'pemeriksaan_ppid', 2)));

    expect(unchangedSinceSesuai(s).map((i) => i.id)).toEqual(['a']);
    expect(sinceLastReview(s, s.items[1]!)).toMatchObject({ version: 1, verdict: 'perlu_perbaikan', note: 'Angka salah', changes: [{ label: 'Pengecualian: dasar hukum' }] });
    expect(decide(s, 'ppid_pembantu', 'approve', '')).toMatchObject({
      ok: false,
      message: '1 informasi tidak berubah sejak dinyatakan sesuai: tandai sesuai sekaligus. 1 informasi belum diperiksa.',
    });
    s = applyEvent(s, ev({ type: 'review.marked', itemId: 'a', version: 2, verdict: 'sesuai', note: '', judged: s.items[0]!.fields }, 'ppid_pembantu'));
    s = applyEvent(s, ev({ type: 'review.marked', itemId: 'b', version: 2, verdict: 'sesuai', note: '', judged: s.items[1]!.fields }, 'ppid_pembantu'));
    expect(unchangedSinceSesuai(s)).toEqual([]);
    // What changed stays visible after the new mark: it is measured against the earlier round.
    expect(sinceLastReview(s, s.items[1]!)?.changes).toHaveLength(1);
    expect(decide(s, 'ppid_pembantu', 'approve', '')).toMatchObject({ ok: true });
  });

  it('the Kepala\'s return starts a new round: earlier marks are kept as what was judged, not as this round\'s', () => {
    let s = underReview();
    for (const id of ['a', 'b']) s = applyEvent(s, ev({ type: 'review.marked', itemId: id, version: 1, verdict: 'sesuai', note: '' }, 'ppid_pembantu'));
    s = applyEvent(s, ev(to('approve', 'pemeriksaan_ppid', 'pemeriksaan_kepala'), 'ppid_pembantu'));
    s = applyEvent(s, ev(to('return', 'pemeriksaan_kepala', 'pemeriksaan_ppid'), 'kepala_opd'));
    expect(s.version).toBe(1);
    expect(s.returns.at(-1)!.flaggedItemIds).toEqual([]);
    expect(unchangedSinceSesuai(s).map((i) => i.id)).toEqual(['a', 'b']);
    expect(decide(s, 'ppid_pembantu', 'approve', '')).toMatchObject({ ok: false, message: '2 informasi tidak berubah sejak dinyatakan sesuai: tandai sesuai sekaligus.' });
  });
});
