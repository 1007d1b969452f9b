import { STEP_INFO, type Step } from './sop';
import type { Role } from '../roles';
import type { Actor, ArchiveDocument, ArchiveQr, Attachment, CycleEvent, EventBody, ItemOrigin, NotaDinasDraft, SignedFingerprint, UjiParticipant } from './events';
import type { ItemFields } from '../information';
import type { OpenConflict, ResolvedConflict, SetAsideAct } from './conflicts';

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
  /** The review round it belongs to (see CycleState.reviewRound). */
  round: number;
  verdict: 'sesuai' | 'perlu_perbaikan';
  note: string;
  at: string;
  by: string;
  /** The item as judged; null only for a mark on an item the log no longer had. */
  judged: ItemFields | null;
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

export interface UjiRecord {
  at: string;
  by: string;
  version: number;
  participants: UjiParticipant[];
}

/** A scan of a signed paper, as filed (act `archive.filed`). */
export interface FiledScan {
  actId: string;
  document: ArchiveDocument;
  /** The exempt item whose uji konsekuensi sheet it is; null for the other papers. */
  itemId: string | null;
  version: number;
  attachment: Attachment;
  qr: ArchiveQr;
  at: string;
  by: string;
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
  /**
   * Each arrival at step 4 (a Konsep sent, or the Kepala's return) opens a review round: only
   * marks of the current round count, earlier ones say what was judged before.
   */
  reviewRound: number;
  /** The latest mark per item. */
  reviews: Record<string, ReviewMark>;
  /** Per item, the latest mark of a round before the one its latest mark belongs to. */
  priorReviews: Record<string, ReviewMark>;
  returns: ReturnRecord[];
  /** `fingerprints` is what the signing act stored; null on acts signed before format 2. */
  signed: { at: string; by: string; fingerprints?: { dip: SignedFingerprint; dik: SignedFingerprint } | null } | null;
  archived: { at: string; by: string; note: string } | null;
  /**
   * The latest uji konsekuensi recorded: its act's time is the date the sheet prints, every
   * time it is printed; `version` is the Konsep version it tested (a later one needs its own).
   */
  ujiKonsekuensi: UjiRecord | null;
  /** Scans of the signed papers, in the order they were filed. */
  archive: FiledScan[];
  visits: StepVisit[];
  /**
   * Conflicts waiting for a person (conflicts.ts): the same field changed on two laptops, two
   * decisions at one step, work that arrived after the step moved on. Forward moves wait
   * until they are settled (guard `noOpenConflicts`).
   */
  conflicts: OpenConflict[];
  /** Acts kept in the log but not applied: a decision not chosen, late work set aside. */
  setAside: SetAsideAct[];
  /** Choices made on conflicts, in order. */
  resolvedConflicts: ResolvedConflict[];
  /** The acts nothing follows yet: a new act follows all of them. */
  heads: string[];
  /** The last act in canonical order. */
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

/** Whether the state lists the item now: checking every received act must not scan the list each time. */
export function hasItem(s: CycleState, itemId: string): boolean {
  return indexOf(s, itemId) >= 0;
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
    reviewRound: 0,
    reviews: {},
    priorReviews: {},
    returns: [],
    signed: null,
    archived: null,
    ujiKonsekuensi: null,
    archive: [],
    visits: [{ step: 'identifikasi', since: e.at, until: null, by: STEP_INFO.identifikasi.holder }],
    conflicts: [],
    setAside: [],
    resolvedConflicts: [],
    heads: [e.id],
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
  noteAct(s, e);
  switch (b.type) {
    case 'item.added':
      s.items.push({ id: b.itemId, fields: b.fields, origin: b.origin, sourceItemId: b.sourceItemId, attachments: [], addedAt: e.at, updatedAt: e.at });
      itemIndex.get(s)?.set(b.itemId, s.items.length - 1);
      break;
    case 'item.updated':
      touch(s, b.itemId, e.at, (i) => ({ ...i, fields: { ...i.fields, ...b.fields }, origin: i.origin === 'tetap' ? 'berubah' : i.origin }));
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
      touch(s, b.itemId, e.at, (i) => ({ ...i, attachments: [...i.attachments, b.attachment] }));
      break;
    case 'item.detached':
      touch(s, b.itemId, e.at, (i) => ({ ...i, attachments: i.attachments.filter((a) => a.id !== b.attachmentId) }));
      break;
    case 'notaDinas.saved':
      s.notaDinas = { ...s.notaDinas, draft: b.draft };
      break;
    case 'review.marked': {
      const before = s.reviews[b.itemId];
      if (before && before.round < s.reviewRound) s.priorReviews[b.itemId] = before;
      const n = indexOf(s, b.itemId);
      const judged = b.judged ?? (n >= 0 ? s.items[n]!.fields : null);
      s.reviews[b.itemId] = { version: b.version, round: s.reviewRound, verdict: b.verdict, note: b.note, at: e.at, by: e.actor.name, judged };
      break;
    }
    case 'uji.recorded':
      s.ujiKonsekuensi = { at: e.at, by: e.actor.name, version: b.version, participants: b.participants };
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
          .filter(([, r]) => r.round === s.reviewRound && r.verdict === 'perlu_perbaikan')
          .map(([id]) => id);
        s.returns.push({ from: b.from, to: b.to, reasons: b.reasons, at: e.at, by: e.actor.name, version: s.version, flaggedItemIds: flagged });
      }
      if (b.action === 'approve' && b.from === 'pemeriksaan_kepala') {
        s.signed = { at: b.data.signedAt ?? e.at, by: b.data.signedBy ?? e.actor.name, fingerprints: b.data.fingerprints ?? null };
      }
      if (b.action === 'archive') s.archived = { at: e.at, by: e.actor.name, note: b.data.note ?? '' };
      // After the return's flagged items are taken from the round that ends here.
      if (b.to === 'pemeriksaan_ppid') s.reviewRound += 1;
      break;
    }
    case 'archive.filed':
      s.archive.push({ actId: e.id, document: b.document, itemId: b.itemId, version: b.version, attachment: b.attachment, qr: b.qr, at: e.at, by: e.actor.name });
      break;
    case 'merge':
    case 'conflict.resolved':
      // Their effect needs the act graph: foldDag (dag-fold.ts) applies them.
      break;
    default: {
      // Acts are validated on read (act-schema.ts), so this is a programming error, never a
      // newer act slipping through: an act the fold cannot apply must not vanish silently.
      const unknown: never = b;
      throw new Error(`Jenis tindakan tidak dikenal: ${(unknown as { type: string }).type}`);
    }
  }
  return s;
}

function touch(s: CycleState, itemId: string, at: string, f: (i: ItemState) => ItemState): void {
  const n = indexOf(s, itemId);
  if (n >= 0) s.items[n] = { ...f(s.items[n]!), updatedAt: at };
}

/** What every act does to the state, applied or not: it is the newest act seen. */
export function noteAct(s: CycleState, e: CycleEvent): void {
  s.lastEventId = e.id;
  s.lastHash = e.hash;
  s.eventCount += 1;
  s.updatedAt = e.at;
  s.heads = [e.id];
}

/** The pure form, for callers that keep the state they had. */
export function applyEvent(state: CycleState | null, e: CycleEvent): CycleState {
  return applyInPlace(state ? structuredClone(state) : null, e);
}

/** Folds acts in the order given, as a line (tests and single-laptop logs); foldDag reads a graph. */
export function fold(events: readonly CycleEvent[]): CycleState {
  let state: CycleState | null = null;
  for (const e of events) state = applyInPlace(state, e);
  if (!state) throw new Error('Log siklus kosong.');
  return state;
}
