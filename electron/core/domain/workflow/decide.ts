import { ROLE_LABELS, type Role } from '../roles';
import { itemProblems } from '../information';
import { EDITS, STEP_INFO, TRANSITIONS, type Action, type EditKind, type Guard, type Transition } from './sop';
import type { NotaDinasDraft } from './events';
import type { CycleState, ItemState, ReviewMark } from './fold';
import { reviewChanges, type FieldChange } from './review';

// ---------- deciding what may happen ----------

/** Reviews that count: those of the round now under review. Older ones are history. */
export function currentReviews(s: CycleState): Record<string, ReviewMark> {
  return Object.fromEntries(Object.entries(s.reviews).filter(([, r]) => r.round === s.reviewRound));
}

/** An item's latest mark from a round before the current one: what was judged last time. */
export function previousReview(s: CycleState, itemId: string): ReviewMark | null {
  const r = s.reviews[itemId];
  if (r && r.round < s.reviewRound) return r;
  return s.priorReviews[itemId] ?? null;
}

/** The earlier mark and what changed since, field by field; null for an item never judged. */
export function sinceLastReview(s: CycleState, item: ItemState): (ReviewMark & { changes: FieldChange[] }) | null {
  const prev = previousReview(s, item.id);
  if (!prev?.judged) return null;
  return { ...prev, changes: reviewChanges(prev.judged, item.fields) };
}

/**
 * Items judged "Sesuai" in an earlier round, exactly as they are now, and not yet marked in
 * this round: they keep their verdict on screen, and one act per item confirms them together.
 */
export function unchangedSinceSesuai(s: CycleState): ItemState[] {
  const current = currentReviews(s);
  return s.items.filter((i) => {
    if (current[i.id]) return false;
    const since = sinceLastReview(s, i);
    return since !== null && since.verdict === 'sesuai' && since.changes.length === 0;
  });
}

/** Items flagged in the last return that the operator has not changed since they were judged. */
export function unchangedFlagged(s: CycleState): ItemState[] {
  const flagged = flaggedForFix(s);
  return s.items.filter((i) => i.id in flagged && !isFixed(s, i));
}

/** A flagged item counts as fixed once anything in it differs from what was judged. */
export function isFixed(s: CycleState, item: ItemState): boolean {
  const judged = s.reviews[item.id]?.judged;
  return !!judged && reviewChanges(judged, item.fields).length > 0;
}

/** Items flagged in the latest return to the officer, for highlighting. */
export function flaggedForFix(s: CycleState): Record<string, string> {
  const last = [...s.returns].reverse().find((r) => r.to === 'pengumpulan');
  if (!last || s.step !== 'pengumpulan') return {};
  return Object.fromEntries(
    last.flaggedItemIds.map((id) => [id, s.reviews[id]?.version === last.version ? s.reviews[id]!.note : '']),
  );
}

export function notaDinasProblems(d: NotaDinasDraft | null): string[] {
  if (!d) return ['Nota Dinas belum disusun.'];
  const p: string[] = [];
  if (!d.kepada.trim()) p.push('Kepada (Yth.) belum diisi.');
  if (!d.dari.trim()) p.push('Dari belum diisi.');
  if (!d.hal.trim()) p.push('Hal belum diisi.');
  if (!d.isi.trim()) p.push('Isi Nota Dinas belum diisi.');
  return p;
}

export function guardProblems(s: CycleState, guard: Guard): string[] {
  switch (guard) {
    case 'hasItems':
      return s.items.length ? [] : ['Belum ada informasi dalam daftar.'];
    case 'notaDinasComplete':
      return notaDinasProblems(s.notaDinas.draft);
    case 'itemsComplete': {
      const bad = s.items.filter((i) => itemProblems(i.fields).length);
      return bad.length ? [`${bad.length} informasi belum lengkap: ${bad.slice(0, 3).map((i) => `"${i.fields.judul}"`).join(', ')}${bad.length > 3 ? ', …' : ''}.`] : [];
    }
    case 'ujiRecordedIfExempt':
      return ujiProblems(s);
    case 'noOpenConflicts':
      return s.conflicts.length
        ? [`${s.conflicts.length} konflik dari laptop lain menunggu keputusan (lihat "Konflik"); selesaikan lebih dahulu.`]
        : [];
    case 'allReviewedOk': {
      const r = currentReviews(s);
      const unchanged = new Set(unchangedSinceSesuai(s).map((i) => i.id));
      const unmarked = s.items.filter((i) => !r[i.id] && !unchanged.has(i.id));
      const flagged = s.items.filter((i) => r[i.id]?.verdict === 'perlu_perbaikan');
      const p: string[] = [];
      if (unchanged.size) p.push(`${unchanged.size} informasi tidak berubah sejak dinyatakan sesuai: tandai sesuai sekaligus.`);
      if (unmarked.length) p.push(`${unmarked.length} informasi belum diperiksa.`);
      if (flagged.length) p.push(`${flagged.length} informasi ditandai perlu perbaikan: kembalikan ke petugas.`);
      return p;
    }
  }
}

/** Exempt items may be signed only after their uji konsekuensi (Pasal 19) is recorded for this version. */
export function ujiProblems(s: CycleState): string[] {
  if (!s.items.some((i) => i.fields.kategori === 'dikecualikan')) return [];
  if (!s.ujiKonsekuensi) return ['Catat uji konsekuensi lebih dahulu: siapa yang ikut dan kapan, sebelum DIP dan DIK ditandatangani.'];
  if (s.ujiKonsekuensi.version !== s.version) {
    return [`Uji konsekuensi yang tercatat untuk Konsep versi ${s.ujiKonsekuensi.version}; catat ulang untuk versi ${s.version}.`];
  }
  return [];
}

export interface AvailableAction {
  action: Action;
  label: string;
  reasonRequired: boolean;
  allowed: boolean;
  problems: string[];
  /** Said before the act and recorded with it, but not blocking: the user may go ahead. */
  warnings: string[];
}

/** What the user should know before `action` although it is allowed. */
export function actionWarnings(s: CycleState, action: Action): string[] {
  if (action !== 'submitKonsep') return [];
  const unchanged = unchangedFlagged(s);
  if (!unchanged.length) return [];
  const names = unchanged.slice(0, 3).map((i) => `"${i.fields.judul}"`).join(', ');
  return [
    `${unchanged.length} informasi yang ditandai perlu perbaikan belum diubah: ${names}${unchanged.length > 3 ? ', …' : ''}. ` +
      'Konsep tetap dapat dikirim; peringatan ini dicatat dalam riwayat.',
  ];
}

/** What the given role may do now, with the reasons an action is not yet possible. */
export function availableActions(s: CycleState, role: Role): AvailableAction[] {
  return TRANSITIONS.filter((t) => t.step === s.step && t.roles.includes(role)).map((t) => {
    const problems = t.guards.flatMap((g) => guardProblems(s, g));
    return { action: t.action, label: t.label, reasonRequired: t.reasonRequired, allowed: problems.length === 0, problems, warnings: actionWarnings(s, t.action) };
  });
}

export type Decision = { ok: true; transition: Transition } | { ok: false; code: 'FORBIDDEN' | 'CONFLICT' | 'INVALID_INPUT'; message: string };

/** Whether `role` may take `action` now; the core asks this whatever the screen showed. */
export function decide(s: CycleState, role: Role, action: Action, reasons: string): Decision {
  const atStep = TRANSITIONS.filter((t) => t.step === s.step);
  const t = atStep.find((x) => x.action === action);
  if (!t) {
    return { ok: false, code: 'CONFLICT', message: `Tindakan ini tidak tersedia pada tahap "${STEP_INFO[s.step].label}".` };
  }
  if (!t.roles.includes(role)) {
    return { ok: false, code: 'FORBIDDEN', message: `Tahap "${STEP_INFO[s.step].label}" dipegang ${roleName(t.roles[0]!)}; peran Anda tidak dapat melakukannya.` };
  }
  if (t.reasonRequired && reasons.trim().length < 5) {
    return { ok: false, code: 'INVALID_INPUT', message: 'Tuliskan alasan pengembalian (minimal 5 karakter) agar penerima tahu apa yang harus diperbaiki.' };
  }
  const problems = t.guards.flatMap((g) => guardProblems(s, g));
  if (problems.length) return { ok: false, code: 'CONFLICT', message: problems.join(' ') };
  return { ok: true, transition: t };
}

export function canEdit(s: CycleState, role: Role, kind: EditKind): { ok: true } | { ok: false; code: 'FORBIDDEN' | 'CONFLICT'; message: string } {
  const rule = EDITS[kind];
  if (!rule.steps.includes(s.step)) {
    return { ok: false, code: 'CONFLICT', message: `Siklus sedang pada tahap "${STEP_INFO[s.step].label}": tidak dapat ${rule.label} sekarang.` };
  }
  if (!rule.roles.includes(role)) {
    return { ok: false, code: 'FORBIDDEN', message: `Hanya ${rule.roles.map(roleName).join(' atau ')} yang dapat ${rule.label}.` };
  }
  return { ok: true };
}

function roleName(r: Role): string {
  return ROLE_LABELS[r];
}

