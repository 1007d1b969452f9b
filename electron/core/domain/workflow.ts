import type { Role } from './roles';
import { itemProblems, type ItemFields } from './information';

/**
 * The SOP "Pendokumentasian Informasi Publik" as data: six steps, who holds each, its time
 * standard, and the transitions between them. Everything else — the current state, what
 * may be done now, lateness — is computed from the log of acts by pure functions.
 */
export const STEPS = ['identifikasi', 'nota_dinas', 'pengumpulan', 'pemeriksaan_ppid', 'pemeriksaan_kepala', 'arsip', 'selesai'] as const;
export type Step = (typeof STEPS)[number];

export interface StepInfo {
  no: number;
  label: string;
  holder: Role | null;
  /** The SOP's time standard in minutes; null where it sets none. */
  standardMinutes: number | null;
  standardLabel: string;
  output: string;
}

export const STEP_INFO: Record<Step, StepInfo> = {
  identifikasi: { no: 1, label: 'Identifikasi informasi', holder: 'operator', standardMinutes: 24 * 60, standardLabel: '1 hari', output: 'Tersedianya data' },
  nota_dinas: { no: 2, label: 'Nota Dinas', holder: 'ppid_pembantu', standardMinutes: 15, standardLabel: '15 menit', output: 'Nota Dinas' },
  pengumpulan: { no: 3, label: 'Pengumpulan & klasifikasi', holder: 'operator', standardMinutes: 24 * 60, standardLabel: '1 hari', output: 'Konsep Daftar Informasi Publik' },
  pemeriksaan_ppid: { no: 4, label: 'Pemeriksaan PPID Pembantu', holder: 'ppid_pembantu', standardMinutes: 15, standardLabel: '15 menit', output: 'Draft Daftar Informasi Publik' },
  pemeriksaan_kepala: { no: 5, label: 'Pemeriksaan Kepala OPD', holder: 'kepala_opd', standardMinutes: 15, standardLabel: '15 menit', output: 'Daftar Informasi Publik (ditandatangani)' },
  arsip: { no: 6, label: 'Arsip DIK', holder: 'kepala_opd', standardMinutes: null, standardLabel: '—', output: 'Daftar Informasi yang Dikecualikan diarsipkan' },
  selesai: { no: 7, label: 'Selesai', holder: null, standardMinutes: null, standardLabel: '—', output: '' },
};

export const ACTIONS = ['report', 'issueNotaDinas', 'submitKonsep', 'approve', 'return', 'archive'] as const;
export type Action = (typeof ACTIONS)[number];

export type Guard = 'hasItems' | 'notaDinasComplete' | 'itemsComplete' | 'allReviewedOk';

export interface Transition {
  step: Step;
  action: Action;
  next: Step;
  roles: readonly Role[];
  guards: readonly Guard[];
  reasonRequired: boolean;
  label: string;
  /** The document this act brings into being. */
  produces: string | null;
}

export const TRANSITIONS: readonly Transition[] = [
  { step: 'identifikasi', action: 'report', next: 'nota_dinas', roles: ['operator'], guards: ['hasItems'], reasonRequired: false, label: 'Laporkan ke Ketua PPID', produces: null },
  { step: 'nota_dinas', action: 'issueNotaDinas', next: 'pengumpulan', roles: ['ppid_pembantu'], guards: ['notaDinasComplete'], reasonRequired: false, label: 'Terbitkan Nota Dinas', produces: 'Nota Dinas' },
  { step: 'pengumpulan', action: 'submitKonsep', next: 'pemeriksaan_ppid', roles: ['operator'], guards: ['hasItems', 'itemsComplete'], reasonRequired: false, label: 'Kirim Konsep', produces: 'Konsep Daftar Informasi Publik' },
  { step: 'pemeriksaan_ppid', action: 'approve', next: 'pemeriksaan_kepala', roles: ['ppid_pembantu'], guards: ['allReviewedOk'], reasonRequired: false, label: 'Setujui, teruskan ke Kepala OPD', produces: 'Draft Daftar Informasi Publik' },
  { step: 'pemeriksaan_ppid', action: 'return', next: 'pengumpulan', roles: ['ppid_pembantu'], guards: [], reasonRequired: true, label: 'Kembalikan ke petugas', produces: null },
  { step: 'pemeriksaan_kepala', action: 'approve', next: 'arsip', roles: ['kepala_opd'], guards: [], reasonRequired: false, label: 'Setujui dan tandatangani', produces: 'Daftar Informasi Publik' },
  { step: 'pemeriksaan_kepala', action: 'return', next: 'pemeriksaan_ppid', roles: ['kepala_opd'], guards: [], reasonRequired: true, label: 'Kembalikan ke PPID Pembantu', produces: null },
  { step: 'arsip', action: 'archive', next: 'selesai', roles: ['kepala_opd'], guards: [], reasonRequired: false, label: 'Catat arsip DIK', produces: 'Daftar Informasi yang Dikecualikan (arsip)' },
];

/** Work inside a step that does not move the cycle on. */
export const EDITS = {
  items: { steps: ['identifikasi', 'pengumpulan'] as Step[], roles: ['operator'] as Role[], label: 'mengubah daftar informasi' },
  notaDinas: { steps: ['nota_dinas'] as Step[], roles: ['ppid_pembantu'] as Role[], label: 'menyusun Nota Dinas' },
  review: { steps: ['pemeriksaan_ppid'] as Step[], roles: ['ppid_pembantu'] as Role[], label: 'memeriksa Konsep' },
} as const;
export type EditKind = keyof typeof EDITS;

// ---------- the log ----------

export type ItemOrigin = 'baru' | 'tetap' | 'berubah';

export interface NotaDinasDraft {
  kepada: string;
  dari: string;
  tembusan: string[];
  sifat: 'Biasa' | 'Segera' | 'Sangat Segera' | 'Rahasia';
  lampiran: string;
  hal: string;
  isi: string;
  batasWaktu: string;
}

export interface Attachment {
  id: string;
  name: string;
  file: string;
  sha256: string;
  bytes: number;
  mime: string;
}

export type EventBody =
  | { type: 'cycle.created'; title: string; year: number; carriedFrom: string | null }
  | { type: 'item.added'; itemId: string; fields: ItemFields; origin: ItemOrigin; sourceItemId: string | null }
  | { type: 'item.updated'; itemId: string; fields: Partial<ItemFields> }
  | { type: 'item.removed'; itemId: string }
  | { type: 'item.attached'; itemId: string; attachment: Attachment }
  | { type: 'item.detached'; itemId: string; attachmentId: string }
  | { type: 'notaDinas.saved'; draft: NotaDinasDraft }
  | { type: 'review.marked'; itemId: string; version: number; verdict: 'sesuai' | 'perlu_perbaikan'; note: string }
  | {
      type: 'transition';
      action: Action;
      from: Step;
      to: Step;
      reasons: string;
      /** What the act fixed: a Nota Dinas number, a Konsep version, a signature. */
      data: { notaDinasNumber?: string; notaDinasDate?: string; version?: number; signedBy?: string; note?: string };
    };

export interface Actor {
  userId: string;
  username: string;
  name: string;
  role: Role;
}

/**
 * One recorded act. `prev` is the act it follows and `hash` chains it to that act, so an
 * import can append what is new, recognise what it has, see a fork, and notice tampering.
 */
export interface CycleEvent {
  id: string;
  cycleId: string;
  prev: string | null;
  installationId: string;
  at: string;
  actor: Actor;
  body: EventBody;
  hash: string;
}

// ---------- folding the log into a state ----------

export interface ItemState {
  id: string;
  fields: ItemFields;
  origin: ItemOrigin;
  sourceItemId: string | null;
  attachments: Attachment[];
  addedAt: string;
  updatedAt: string;
}

export interface ReviewMark {
  version: number;
  verdict: 'sesuai' | 'perlu_perbaikan';
  note: string;
  at: string;
  by: string;
}

export interface ReturnRecord {
  from: Step;
  to: Step;
  reasons: string;
  at: string;
  by: string;
  version: number;
  flaggedItemIds: string[];
}

export interface StepVisit {
  step: Step;
  since: string;
  until: string | null;
  by: Role | null;
}

export interface CycleState {
  id: string;
  title: string;
  year: number;
  carriedFrom: string | null;
  createdAt: string;
  createdBy: Actor;
  step: Step;
  items: ItemState[];
  removedItems: ItemState[];
  notaDinas: { draft: NotaDinasDraft | null; number: string | null; date: string | null };
  /** How many times the Konsep was sent; review marks belong to one version. */
  version: number;
  reviews: Record<string, ReviewMark>;
  returns: ReturnRecord[];
  signed: { at: string; by: string } | null;
  archived: { at: string; by: string; note: string } | null;
  visits: StepVisit[];
  lastEventId: string | null;
  lastHash: string | null;
  eventCount: number;
  updatedAt: string;
}

export function emptyNotaDinas(): NotaDinasDraft {
  return { kepada: '', dari: '', tembusan: [], sifat: 'Biasa', lampiran: '-', hal: '', isi: '', batasWaktu: '' };
}

/** Item lookup by id, kept beside each state so a 20,000-act log folds in linear time. */
const itemIndex = new WeakMap<CycleState, Map<string, number>>();

function indexOf(s: CycleState, itemId: string): number {
  let idx = itemIndex.get(s);
  if (!idx || idx.size !== s.items.length) {
    idx = new Map(s.items.map((i, n) => [i.id, n]));
    itemIndex.set(s, idx);
  }
  return idx.get(itemId) ?? -1;
}

function created(e: CycleEvent, b: Extract<EventBody, { type: 'cycle.created' }>): CycleState {
  return {
    id: e.cycleId,
    title: b.title,
    year: b.year,
    carriedFrom: b.carriedFrom,
    createdAt: e.at,
    createdBy: e.actor,
    step: 'identifikasi',
    items: [],
    removedItems: [],
    notaDinas: { draft: null, number: null, date: null },
    version: 0,
    reviews: {},
    returns: [],
    signed: null,
    archived: null,
    visits: [{ step: 'identifikasi', since: e.at, until: null, by: STEP_INFO.identifikasi.holder }],
    lastEventId: e.id,
    lastHash: e.hash,
    eventCount: 1,
    updatedAt: e.at,
  };
}

/**
 * Applies one act to the state, changing it in place: the repository owns its states and
 * applies an act only after it is on disk, and folding a long log must not copy per act.
 */
export function applyInPlace(state: CycleState | null, e: CycleEvent): CycleState {
  const b = e.body;
  if (b.type === 'cycle.created') return created(e, b);
  if (!state) throw new Error('Log siklus tidak diawali pembuatan siklus.');
  const s = state;
  s.lastEventId = e.id;
  s.lastHash = e.hash;
  s.eventCount += 1;
  s.updatedAt = e.at;
  const touch = (itemId: string, f: (i: ItemState) => ItemState) => {
    const n = indexOf(s, itemId);
    if (n >= 0) s.items[n] = { ...f(s.items[n]!), updatedAt: e.at };
  };
  switch (b.type) {
    case 'item.added':
      s.items.push({ id: b.itemId, fields: b.fields, origin: b.origin, sourceItemId: b.sourceItemId, attachments: [], addedAt: e.at, updatedAt: e.at });
      itemIndex.get(s)?.set(b.itemId, s.items.length - 1);
      break;
    case 'item.updated':
      touch(b.itemId, (i) => ({ ...i, fields: { ...i.fields, ...b.fields }, origin: i.origin === 'tetap' ? 'berubah' : i.origin }));
      break;
    case 'item.removed': {
      const n = indexOf(s, b.itemId);
      if (n >= 0) {
        s.removedItems.push(s.items[n]!);
        s.items.splice(n, 1);
        itemIndex.delete(s);
      }
      break;
    }
    case 'item.attached':
      touch(b.itemId, (i) => ({ ...i, attachments: [...i.attachments, b.attachment] }));
      break;
    case 'item.detached':
      touch(b.itemId, (i) => ({ ...i, attachments: i.attachments.filter((a) => a.id !== b.attachmentId) }));
      break;
    case 'notaDinas.saved':
      s.notaDinas = { ...s.notaDinas, draft: b.draft };
      break;
    case 'review.marked':
      s.reviews[b.itemId] = { version: b.version, verdict: b.verdict, note: b.note, at: e.at, by: e.actor.name };
      break;
    case 'transition': {
      s.step = b.to;
      s.visits[s.visits.length - 1]!.until = e.at;
      s.visits.push({ step: b.to, since: e.at, until: null, by: STEP_INFO[b.to].holder });
      if (b.action === 'issueNotaDinas') {
        s.notaDinas = { ...s.notaDinas, number: b.data.notaDinasNumber ?? null, date: b.data.notaDinasDate ?? null };
      }
      if (b.action === 'submitKonsep') s.version = b.data.version ?? s.version + 1;
      if (b.action === 'return') {
        const flagged = Object.entries(s.reviews)
          .filter(([, r]) => r.version === s.version && r.verdict === 'perlu_perbaikan')
          .map(([id]) => id);
        s.returns.push({ from: b.from, to: b.to, reasons: b.reasons, at: e.at, by: e.actor.name, version: s.version, flaggedItemIds: flagged });
      }
      if (b.action === 'approve' && b.from === 'pemeriksaan_kepala') s.signed = { at: e.at, by: b.data.signedBy ?? e.actor.name };
      if (b.action === 'archive') s.archived = { at: e.at, by: e.actor.name, note: b.data.note ?? '' };
      break;
    }
  }
  return s;
}

/** The pure form, for callers that keep the state they had. */
export function applyEvent(state: CycleState | null, e: CycleEvent): CycleState {
  return applyInPlace(state ? structuredClone(state) : null, e);
}

export function fold(events: readonly CycleEvent[]): CycleState {
  let state: CycleState | null = null;
  for (const e of events) state = applyInPlace(state, e);
  if (!state) throw new Error('Log siklus kosong.');
  return state;
}

// ---------- deciding what may happen ----------

/** Reviews that count: those of the version now under review. Older ones are history. */
export function currentReviews(s: CycleState): Record<string, ReviewMark> {
  return Object.fromEntries(Object.entries(s.reviews).filter(([, r]) => r.version === s.version));
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
    case 'allReviewedOk': {
      const r = currentReviews(s);
      const unmarked = s.items.filter((i) => !r[i.id]);
      const flagged = s.items.filter((i) => r[i.id]?.verdict === 'perlu_perbaikan');
      const p: string[] = [];
      if (unmarked.length) p.push(`${unmarked.length} informasi belum diperiksa.`);
      if (flagged.length) p.push(`${flagged.length} informasi ditandai perlu perbaikan: kembalikan ke petugas.`);
      return p;
    }
  }
}

export interface AvailableAction {
  action: Action;
  label: string;
  reasonRequired: boolean;
  allowed: boolean;
  problems: string[];
}

/** What the given role may do now, with the reasons an action is not yet possible. */
export function availableActions(s: CycleState, role: Role): AvailableAction[] {
  return TRANSITIONS.filter((t) => t.step === s.step && t.roles.includes(role)).map((t) => {
    const problems = t.guards.flatMap((g) => guardProblems(s, g));
    return { action: t.action, label: t.label, reasonRequired: t.reasonRequired, allowed: problems.length === 0, problems };
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
  return { operator: 'Operator OPD', ppid_pembantu: 'PPID Pembantu', kepala_opd: 'Kepala OPD' }[r];
}

// ---------- time standards ----------

/**
 * Minutes of working time between two instants: Monday–Friday only, in WIB, since an
 * office does not count the weekend against the SOP's "1 hari".
 */
export function workingMinutesBetween(fromIso: string, toIso: string, utcOffsetMinutes = 7 * 60): number {
  const from = Date.parse(fromIso) + utcOffsetMinutes * 60_000;
  const to = Date.parse(toIso) + utcOffsetMinutes * 60_000;
  if (!(to > from)) return 0;
  const DAY = 86_400_000;
  let total = 0;
  let cursor = from;
  while (cursor < to) {
    const dayStart = Math.floor(cursor / DAY) * DAY;
    const dayEnd = Math.min(dayStart + DAY, to);
    const weekday = new Date(dayStart).getUTCDay();
    if (weekday !== 0 && weekday !== 6) total += dayEnd - cursor;
    cursor = dayEnd;
  }
  return Math.floor(total / 60_000);
}

export interface Timing {
  step: Step;
  standardMinutes: number | null;
  spentMinutes: number;
  late: boolean;
  /** Positive: minutes left; negative: minutes late. Null where the SOP sets no standard. */
  remainingMinutes: number | null;
}

export function stepTiming(s: CycleState, nowIso: string): Timing {
  const visit = s.visits[s.visits.length - 1]!;
  const standard = STEP_INFO[s.step].standardMinutes;
  const spent = workingMinutesBetween(visit.since, nowIso);
  return {
    step: s.step,
    standardMinutes: standard,
    spentMinutes: spent,
    late: standard !== null && spent > standard,
    remainingMinutes: standard === null ? null : standard - spent,
  };
}
