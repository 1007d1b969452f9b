import canonicalize from 'canonicalize';
import { ITEM_FIELD_LABELS, type ItemFields } from '../information';
import {
  actRef,
  conflictKindOf,
  editKindOf,
  itemConflictDecider,
  lateWorkDecider,
  TAKE_STEPS,
  type ConflictOption,
  type OpenConflict,
} from './conflicts';
import { canonicalOrder, DagError, DagIndex } from './dag';
import type { CycleEvent, EventBody } from './events';
import { applyInPlace, hasItem, noteAct, type CycleState, type ReviewMark } from './fold';
import { EDITS, STEP_INFO, TRANSITIONS, type Step } from './sop';

/**
 * Folds a cycle's acts as a graph: the same set of acts gives the same state on every laptop,
 * whatever order they arrived in. A log without forks folds exactly as a line (`fold`).
 *
 * 1. Transitions are planned first (`planTransitions`): the chain of applied decisions, the
 *    decisions set aside by a choice (and what followed them), and rival decisions still
 *    waiting for a choice.
 * 2. Then every act in canonical order: applied transitions move the step; work inside a step
 *    applies unless a transition it had not seen moved the cycle on (then it waits as late
 *    work); field writes are tracked per item and field so concurrent different values surface
 *    as a conflict instead of one silently winning.
 */
export function foldDag(events: readonly CycleEvent[]): CycleState {
  const order = canonicalOrder(events);
  const dag = new DagIndex(order);
  if (dag.forks.length) {
    throw new DagError(`perangkat ${dag.forks[0]!.installationId} mencatat dua tindakan yang tidak saling mengikuti`);
  }
  return foldOrdered(order, dag);
}

/** foldDag for acts already in canonical order with their index (the receive path reuses both). */
export function foldOrdered(order: readonly CycleEvent[], dag: DagIndex): CycleState {
  const roots = order.filter((e) => e.parents.length === 0);
  if (roots.length !== 1 || roots[0]!.body.type !== 'cycle.created') throw new DagError('log siklus harus diawali satu pembuatan siklus');
  if (isLine(order)) {
    let s: CycleState | null = null;
    for (const e of order) s = applyInPlace(s, e);
    s!.heads = dag.headIds();
    return s!;
  }
  return new GraphFold(order, dag).run();
}

/** Every act follows the one before it: nothing concurrent, nothing to plan. */
function isLine(order: readonly CycleEvent[]): boolean {
  for (let n = 1; n < order.length; n++) {
    const p = order[n]!.parents;
    if (p.length !== 1 || p[0] !== order[n - 1]!.id) return false;
  }
  return true;
}

type Transition = CycleEvent & { body: Extract<EventBody, { type: 'transition' }> };
type Resolution = CycleEvent & { body: Extract<EventBody, { type: 'conflict.resolved' }> };

interface TransitionPlan {
  chain: Transition[];
  applied: Set<string>;
  setAside: Map<string, string>;
  /** Rival decisions waiting for a choice, by the chain act they compete with. */
  rivals: Map<string, Transition[]>;
  /** Acts that followed a waiting rival, by that chain act. */
  followers: Map<string, Transition[]>;
  /** Choices on two decisions that count: the latest ones, when they agree. */
  effective: Set<string>;
}

/** Decides which transitions hold, from the transitions, the choices made, and the links between them. */
function planTransitions(order: readonly CycleEvent[], dag: DagIndex): TransitionPlan {
  const transitions = order.filter((e): e is Transition => e.body.type === 'transition');
  const chosenAgainst = new Set<string>();
  const effective = new Set<string>();
  const groups = new Map<string, Resolution[]>();
  for (const e of order) {
    if (e.body.type !== 'conflict.resolved' || conflictKindOf(e.body.conflictId) !== 'keputusan') continue;
    const g = groups.get(e.body.conflictId);
    if (g) g.push(e as Resolution);
    else groups.set(e.body.conflictId, [e as Resolution]);
  }
  for (const group of groups.values()) {
    // A choice made knowing an earlier one replaces it; two made apart must agree to count.
    const latest = group.filter((r) => !group.some((o) => o !== r && dag.isAncestor(r.id, o.id)));
    const choices = new Set(latest.map((r) => r.body.choice));
    if (choices.size !== 1) continue;
    const [choice] = choices;
    for (const a of latest[0]!.body.acts) if (a !== choice) chosenAgainst.add(a);
    for (const r of latest) effective.add(r.id);
  }

  const plan: TransitionPlan = { chain: [], applied: new Set(), setAside: new Map(), rivals: new Map(), followers: new Map(), effective };
  const pendingAnchor = new Map<string, string>();
  let step: Step = 'identifikasi';
  for (const t of transitions) {
    if (chosenAgainst.has(t.id)) {
      plan.setAside.set(t.id, 'keputusan lain yang dipilih');
      continue;
    }
    const last = plan.chain.at(-1);
    const sawLast = !last || dag.isAncestor(last.id, t.id);
    if (sawLast && t.body.from === step) {
      plan.chain.push(t);
      plan.applied.add(t.id);
      step = t.body.to;
      continue;
    }
    if ([...plan.setAside.keys()].some((v) => dag.isAncestor(v, t.id))) {
      plan.setAside.set(t.id, 'mengikuti keputusan yang tidak dipilih');
      continue;
    }
    const pendingBefore = [...pendingAnchor.keys()].find((p) => dag.isAncestor(p, t.id));
    if (pendingBefore !== undefined) {
      const anchor = pendingAnchor.get(pendingBefore)!;
      pendingAnchor.set(t.id, anchor);
      push(plan.followers, anchor, t);
      continue;
    }
    if (sawLast) {
      // Validated acts cannot get here; a log that does is kept, not applied.
      plan.setAside.set(t.id, 'tidak sesuai tahap siklus');
      continue;
    }
    const anchor = plan.chain.find((c) => !dag.isAncestor(c.id, t.id))!;
    pendingAnchor.set(t.id, anchor.id);
    push(plan.rivals, anchor.id, t);
  }
  return plan;
}

function push<T>(m: Map<string, T[]>, k: string, v: T) {
  const a = m.get(k);
  if (a) a.push(v);
  else m.set(k, [v]);
}

interface FieldWrite {
  act: string;
  value: unknown;
}

class GraphFold {
  private s: CycleState | null = null;
  private readonly byId: Map<string, CycleEvent>;
  private readonly plan: TransitionPlan;
  /** Per item and field, the writes no later write has seen: more than one is a conflict. */
  private readonly writes = new Map<string, Map<keyof ItemFields, FieldWrite[]>>();
  /** Every value written, by item, field and act: a choice names the act whose value it keeps. */
  private readonly written = new Map<string, unknown>();
  /** Work that arrived after its step was left, waiting for the holder's choice. */
  private readonly late: CycleEvent[] = [];
  private readonly settled = new Set<string>();
  /** Per removed item: the removal and the changes made to it meanwhile on another laptop. */
  private readonly removedWhileEdited = new Map<string, { removal: string; acts: string[] }>();
  private readonly removalOf = new Map<string, string>();

  constructor(
    private readonly order: readonly CycleEvent[],
    private readonly dag: DagIndex,
  ) {
    this.byId = new Map(order.map((e) => [e.id, e]));
    this.plan = planTransitions(order, dag);
  }

  run(): CycleState {
    for (const e of this.order) this.step(e);
    const s = this.s!;
    s.heads = this.dag.headIds();
    s.conflicts = this.openConflicts(s);
    return s;
  }

  private step(e: CycleEvent) {
    const b = e.body;
    if (b.type === 'cycle.created') {
      this.s = applyInPlace(null, e);
      return;
    }
    const s = this.s!;
    if (b.type === 'transition') {
      if (this.plan.applied.has(e.id)) applyInPlace(s, e);
      else {
        noteAct(s, e);
        const reason = this.plan.setAside.get(e.id);
        if (reason) s.setAside.push({ id: e.id, reason });
      }
      return;
    }
    if (b.type === 'merge') return noteAct(s, e);
    if (b.type === 'conflict.resolved') {
      noteAct(s, e);
      this.resolve(s, e as Resolution);
      return;
    }
    if (this.isLate(s, e)) {
      noteAct(s, e);
      this.late.push(e);
      return;
    }
    this.applyWork(s, e, e.id);
  }

  /** Work is late when a decision it had not seen moved the cycle on, or its step is not the cycle's now. */
  private isLate(s: CycleState, e: CycleEvent): boolean {
    const kind = editKindOf(e.body)!;
    if (this.plan.chain.some((t) => this.dag.concurrent(t.id, e.id))) return true;
    if (!EDITS[kind].steps.includes(s.step)) return true;
    const itemId = itemIdOf(e.body);
    if (itemId && e.body.type !== 'item.added' && !hasItem(s, itemId)) {
      // A change to an item removed meanwhile on another laptop is a conflict of its own (hapus).
      const removal = this.removalOf.get(itemId);
      if (removal && this.dag.concurrent(removal, e.id)) {
        const pending = this.removedWhileEdited.get(itemId);
        if (e.body.type === 'item.removed') {
          // Removed on this laptop too: the changes it had seen were removed knowingly, nothing to decide.
          if (pending) pending.acts = pending.acts.filter((a) => !this.dag.isAncestor(a, e.id));
          if (pending && !pending.acts.length) this.removedWhileEdited.delete(itemId);
          return false;
        }
        if (pending) pending.acts.push(e.id);
        else this.removedWhileEdited.set(itemId, { removal, acts: [e.id] });
        noteAct(s, e);
        return false;
      }
      return true;
    }
    return false;
  }

  /** Applies one act of work; `writer` is the act its field writes count as (the choice, for taken work). */
  private applyWork(s: CycleState, e: CycleEvent, writer: string) {
    const b = e.body;
    const itemId = itemIdOf(b);
    if (itemId && e.body.type !== 'item.added' && !hasItem(s, itemId)) {
      if (!this.removedWhileEdited.get(itemId)?.acts.includes(e.id)) noteAct(s, e);
      return;
    }
    if (b.type === 'item.updated') {
      const fields = this.writes.get(b.itemId) ?? new Map<keyof ItemFields, FieldWrite[]>();
      this.writes.set(b.itemId, fields);
      for (const [k, value] of Object.entries(b.fields) as [keyof ItemFields, unknown][]) {
        // One choice taking several late edits of a field: each replaces the one before it.
        const kept = (fields.get(k) ?? []).filter((w) => w.act !== writer && !this.dag.isAncestor(w.act, writer));
        kept.push({ act: writer, value });
        fields.set(k, kept);
        this.written.set(writeKey(b.itemId, k, writer), value);
      }
    }
    if (b.type === 'review.marked' && b.version !== s.version) return staleMark(s, e, b);
    if (b.type === 'item.removed') {
      this.removalOf.set(b.itemId, e.id);
      const edits = [...(this.writes.get(b.itemId)?.values() ?? [])].flat().filter((w) => w.act !== e.id && this.dag.concurrent(w.act, e.id));
      if (edits.length) this.removedWhileEdited.set(b.itemId, { removal: e.id, acts: [...new Set(edits.map((w) => w.act))] });
    }
    applyInPlace(s, e);
  }

  private resolve(s: CycleState, r: Resolution) {
    const { conflictId, choice, acts } = r.body;
    const kind = conflictKindOf(conflictId);
    if (!kind) return;
    // A conflict is listed once, by the first choice that counts: a second one made on another
    // laptop before the first arrived stays in Riwayat, and what it changes shows for itself
    // (two choices of different values are a new conflict; two alike settle it once).
    const listed = s.resolvedConflicts.some((x) => x.conflictId === conflictId);
    if (!listed && (kind !== 'keputusan' || this.plan.effective.has(r.id))) {
      s.resolvedConflicts.push({ conflictId, kind, choice, at: r.at, by: r.actor.name, actId: r.id });
    }
    if (kind === 'isian') {
      const [, itemId, field] = conflictId.split(':') as [string, string, keyof ItemFields];
      const fields = this.writes.get(itemId);
      // The chosen value is looked up by its act, not among the current writes: a concurrent
      // choice processed first may have replaced them, and this one is then a write of its own.
      const key = writeKey(itemId, field, choice);
      const n = s.items.findIndex((i) => i.id === itemId);
      if (!fields || !this.written.has(key) || n < 0) return;
      const value = this.written.get(key);
      fields.set(field, [...(fields.get(field) ?? []).filter((w) => !this.dag.isAncestor(w.act, r.id)), { act: r.id, value }]);
      this.written.set(writeKey(itemId, field, r.id), value);
      s.items[n] = { ...s.items[n]!, fields: { ...s.items[n]!.fields, [field]: value }, updatedAt: r.at };
    } else if (kind === 'hapus') {
      const itemId = conflictId.split(':')[1]!;
      const pending = this.removedWhileEdited.get(itemId);
      if (!pending) return;
      // "Tetap hapus" settles the changes it named; one made meanwhile that its chooser never saw
      // waits for a choice of its own. Restored, the item takes every change made to it.
      const unseen = pending.acts.filter((a) => !acts.includes(a));
      if (choice !== 'pulihkan' && unseen.length) pending.acts = unseen;
      else this.removedWhileEdited.delete(itemId);
      const n = s.removedItems.findIndex((i) => i.id === itemId);
      if (choice !== 'pulihkan' || n < 0) return;
      s.items.push(s.removedItems.splice(n, 1)[0]!);
      for (const id of pending.acts) {
        const e = this.byId.get(id)!;
        if (e.body.type !== 'item.updated' && e.body.type !== 'item.attached' && e.body.type !== 'item.detached') continue;
        // Changes made before the removal are in the item already; only later ones apply.
        const applied = s.items.at(-1)!;
        if (e.body.type === 'item.updated') s.items[s.items.length - 1] = { ...applied, fields: { ...applied.fields, ...e.body.fields } };
        else if (e.body.type === 'item.attached' && !applied.attachments.some((a) => a.id === (e.body as { attachment: { id: string } }).attachment.id))
          s.items[s.items.length - 1] = { ...applied, attachments: [...applied.attachments, e.body.attachment] };
        else if (e.body.type === 'item.detached') s.items[s.items.length - 1] = { ...applied, attachments: applied.attachments.filter((a) => a.id !== (e.body as { attachmentId: string }).attachmentId) };
      }
    } else if (kind === 'terlambat') {
      const named = new Set(acts);
      const taking = this.late.filter((e) => named.has(e.id) && !this.settled.has(e.id));
      for (const e of taking) this.settled.add(e.id);
      if (choice !== 'ambil') {
        for (const e of taking) s.setAside.push({ id: e.id, reason: 'pekerjaan terlambat disisihkan' });
        return;
      }
      const itemsTaken = taking.some((e) => editKindOf(e.body) === 'items');
      for (const e of taking) {
        const kind2 = editKindOf(e.body)!;
        if (!TAKE_STEPS[kind2].includes(s.step)) {
          s.setAside.push({ id: e.id, reason: 'tidak dapat diambil pada tahap ini' });
          continue;
        }
        const itemId = itemIdOf(e.body);
        if (e.body.type === 'item.added' && hasItem(s, itemId!)) continue;
        this.applyWork(s, e, r.id);
        noteBack(s, r);
      }
      // Taken while the Konsep is under review, they make a new version, checked again.
      if (itemsTaken && s.step === 'pemeriksaan_ppid') {
        s.version += 1;
        s.reviewRound += 1;
      }
    }
    // keputusan: planTransitions already applied the choice.
  }

  private openConflicts(s: CycleState): OpenConflict[] {
    const out: OpenConflict[] = [];
    const ref = (id: string) => {
      const e = this.byId.get(id)!;
      return actRef(e, summaryOf(e));
    };
    // Two decisions at one step.
    for (const [anchorId, rivals] of this.plan.rivals) {
      const anchor = this.byId.get(anchorId) as Transition;
      const chainAfter = this.plan.chain.slice(this.plan.chain.indexOf(anchor) + 1);
      const followers = this.plan.followers.get(anchorId) ?? [];
      const acts = [anchor, ...rivals].map((t) => t.id).sort();
      const options: ConflictOption[] = [anchor, ...rivals].map((t) => ({
        choice: t.id,
        label: transitionLabel(t),
        acts: [t, ...(t === anchor ? chainAfter : followers.filter((f) => this.dag.isAncestor(t.id, f.id)))].map((x) => ref(x.id)),
        allowed: true,
      }));
      out.push({
        id: `keputusan:${acts.join('+')}`,
        kind: 'keputusan',
        decider: STEP_INFO[anchor.body.from].holder ?? 'kepala_opd',
        step: anchor.body.from,
        itemId: null,
        field: null,
        title: `Tahap "${STEP_INFO[anchor.body.from].label}": dua keputusan berbeda dari dua laptop`,
        options,
        acts,
      });
    }
    // One field, two values.
    for (const [itemId, fields] of this.writes) {
      const item = s.items.find((i) => i.id === itemId);
      if (!item) continue;
      for (const [field, ws] of fields) {
        if (ws.length < 2 || new Set(ws.map((w) => canonicalize(w.value))).size < 2) continue;
        const acts = ws.map((w) => w.act).sort();
        out.push({
          id: `isian:${itemId}:${field}:${acts.join('+')}`,
          kind: 'isian',
          decider: itemConflictDecider(s.step),
          step: s.step,
          itemId,
          field,
          title: `"${item.fields.judul}": ${ITEM_FIELD_LABELS[field]} diisi berbeda`,
          options: ws.map((w) => ({ choice: w.act, label: 'Pakai isian ini', value: w.value, acts: [ref(w.act)], allowed: true })),
          acts,
        });
      }
    }
    // Removed on one laptop, changed on another.
    for (const [itemId, { removal, acts: edits }] of this.removedWhileEdited) {
      const item = s.removedItems.find((i) => i.id === itemId);
      if (!item) continue;
      const acts = [removal, ...edits].sort();
      out.push({
        // The first change names it too: changes arriving after a choice are a conflict of their own.
        id: `hapus:${itemId}:${removal}:${[...edits].sort()[0]}`,
        kind: 'hapus',
        decider: itemConflictDecider(s.step),
        step: s.step,
        itemId,
        field: null,
        title: `"${item.fields.judul}" dihapus di satu laptop, diubah di laptop lain`,
        options: [
          { choice: 'hapus', label: 'Tetap hapus', acts: [ref(removal)], allowed: true },
          {
            choice: 'pulihkan',
            label: 'Pulihkan dengan perubahannya',
            acts: edits.map(ref),
            allowed: EDITS.items.steps.includes(s.step),
            reason: EDITS.items.steps.includes(s.step) ? undefined : `Daftar informasi tidak dapat diubah pada tahap "${STEP_INFO[s.step].label}".`,
          },
        ],
        acts,
      });
    }
    // Late work.
    const waiting = this.late.filter((e) => !this.settled.has(e.id));
    if (waiting.length) {
      const blocked = waiting.filter((e) => !TAKE_STEPS[editKindOf(e.body)!].includes(s.step));
      out.push({
        id: `terlambat:${waiting.map((e) => e.id).sort()[0]}`,
        kind: 'terlambat',
        decider: lateWorkDecider(s.step),
        step: s.step,
        itemId: null,
        field: null,
        title: `${waiting.length} perubahan dibuat di laptop lain setelah tahapnya berpindah`,
        options: [
          {
            choice: 'ambil',
            label: s.step === 'pemeriksaan_ppid' ? 'Ambil ke Konsep (menjadi versi baru, diperiksa lagi)' : 'Ambil ke daftar',
            acts: waiting.map((e) => ref(e.id)),
            allowed: blocked.length === 0,
            reason: blocked.length ? `Pada tahap "${STEP_INFO[s.step].label}" pekerjaan ini tidak dapat diambil lagi; sisihkan, atau kembalikan siklus lebih dahulu.` : undefined,
          },
          { choice: 'sisihkan', label: 'Sisihkan (tetap tercatat di Riwayat)', acts: [], allowed: true },
        ],
        acts: waiting.map((e) => e.id).sort(),
      });
    }
    return out;
  }
}

/**
 * A mark on another Konsep version than the state's: made on a laptop that late work taken in
 * (a new version) had not reached yet. It is what was judged last time, shown against the item
 * as it is now, never a check of this version: approving still needs this round's marks.
 */
function staleMark(s: CycleState, e: CycleEvent, b: Extract<EventBody, { type: 'review.marked' }>) {
  noteAct(s, e);
  const mark: ReviewMark = { version: b.version, round: s.reviewRound - 1, verdict: b.verdict, note: b.note, at: e.at, by: e.actor.name, judged: b.judged ?? null };
  const current = s.reviews[b.itemId];
  if (!current || current.round < s.reviewRound) s.reviews[b.itemId] = mark;
  else s.priorReviews[b.itemId] = mark;
}

/** Taken work is applied at the choice: the state's newest act is the choice, not the work. */
function noteBack(s: CycleState, r: CycleEvent) {
  s.eventCount -= 1;
  s.lastEventId = r.id;
  s.lastHash = r.hash;
  s.updatedAt = r.at;
}

function writeKey(itemId: string, field: string, act: string): string {
  return `${itemId}\n${field}\n${act}`;
}

function itemIdOf(b: EventBody): string | null {
  return 'itemId' in b ? b.itemId : null;
}

function transitionLabel(t: Transition): string {
  const def = TRANSITIONS.find((x) => x.step === t.body.from && x.action === t.body.action);
  return `${def?.label ?? t.body.action}${t.body.reasons ? ` — ${t.body.reasons}` : ''}`;
}

/** A short line for an act in a conflict's option. */
export function summaryOf(e: CycleEvent): string {
  const b = e.body;
  switch (b.type) {
    case 'transition':
      return transitionLabel(e as Transition);
    case 'item.added':
      return `Menambah "${b.fields.judul}"`;
    case 'item.updated':
      return `Mengubah ${Object.keys(b.fields)
        .map((k) => ITEM_FIELD_LABELS[k as keyof ItemFields] ?? k)
        .join(', ')}`;
    case 'item.removed':
      return 'Menghapus informasi';
    case 'item.attached':
      return `Melampirkan ${b.attachment.name}`;
    case 'item.detached':
      return 'Melepas lampiran';
    case 'notaDinas.saved':
      return 'Menyimpan konsep Nota Dinas';
    case 'review.marked':
      return `Memeriksa: ${b.verdict === 'sesuai' ? 'sesuai' : 'perlu perbaikan'}`;
    case 'uji.recorded':
      return 'Mencatat uji konsekuensi';
    case 'archive.filed':
      return `Mengarsipkan pindaian ${b.attachment.name}`;
    case 'conflict.resolved':
      return 'Memilih penyelesaian konflik';
    case 'merge':
      return 'Penggabungan otomatis';
    case 'cycle.created':
      return 'Memulai siklus';
  }
}

/** Canonical order, index and state of a cycle's acts: what the repository keeps after reading a log. */
export function foldGraph(events: readonly CycleEvent[]): { order: CycleEvent[]; dag: DagIndex; state: CycleState } {
  const order = canonicalOrder(events);
  const dag = new DagIndex(order);
  if (dag.forks.length) throw new DagError(`perangkat ${dag.forks[0]!.installationId} mencatat dua tindakan yang tidak saling mengikuti`);
  return { order, dag, state: foldOrdered(order, dag) };
}
