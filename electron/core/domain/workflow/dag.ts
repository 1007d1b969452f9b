import type { Actor, CycleEvent } from './events';

/**
 * A cycle's acts form a graph, not a line, once laptops work in parallel: each act names the
 * acts it follows (`parents`). Everything here orders and relates acts by those links and by
 * per-installation counters, never by wall clocks (a laptop's clock may be wrong by days).
 *
 * - Canonical order: a topological order with ties broken by act id, so every installation
 *   holding the same acts folds them in the same order and reaches the same state, whatever
 *   order the packages arrived in.
 * - Clocks: an act's vector clock counts, per installation, how many of that installation's
 *   acts it has seen (itself included). An installation's own acts always follow each other
 *   (a new act takes every head as parent), so "a happened before b" is one comparison:
 *   clock(b)[inst(a)] ≥ clock(a)[inst(a)]. Merge acts belong to no installation's line.
 */

/** The pseudo-installation of merge acts: they join lines, they are nobody's own line. */
export const MERGE_INSTALLATION = 'gabungan';

export const MERGE_ACTOR: Actor = { userId: 'ppid-desk', username: 'ppid-desk', name: 'PPID Desk (penggabungan otomatis)', role: 'operator' };

export class DagError extends Error {}

/** Acts in canonical order; throws DagError on a missing parent, a duplicate or a loop. */
export function canonicalOrder(events: readonly CycleEvent[]): CycleEvent[] {
  const byId = new Map<string, CycleEvent>();
  for (const e of events) {
    if (byId.has(e.id)) throw new DagError(`tindakan ${e.id} tercatat dua kali`);
    byId.set(e.id, e);
  }
  const waiting = new Map<string, number>();
  const children = new Map<string, string[]>();
  const ready = new MinHeap();
  for (const e of events) {
    let n = 0;
    for (const p of e.parents) {
      if (!byId.has(p)) throw new DagError(`tindakan ${e.id} mengikuti tindakan ${p} yang tidak ada`);
      n += 1;
      const c = children.get(p);
      if (c) c.push(e.id);
      else children.set(p, [e.id]);
    }
    waiting.set(e.id, n);
    if (n === 0) ready.push(e.id);
  }
  const out: CycleEvent[] = [];
  while (ready.size) {
    const id = ready.pop()!;
    out.push(byId.get(id)!);
    for (const c of children.get(id) ?? []) {
      const left = waiting.get(c)! - 1;
      waiting.set(c, left);
      if (left === 0) ready.push(c);
    }
  }
  if (out.length !== events.length) throw new DagError('tindakan saling mengikuti (lingkaran)');
  return out;
}

export type Clock = ReadonlyMap<string, number>;

/** Clocks and ancestry for a set of acts, built in one pass over a topological order. */
export class DagIndex {
  private readonly clocks = new Map<string, Map<string, number>>();
  private readonly insts = new Map<string, string>();
  private readonly heads = new Set<string>();
  /** Two acts of one installation that do not follow each other: only a forged or broken log does that. */
  readonly forks: { installationId: string; seq: number; acts: [string, string] }[] = [];
  private readonly bySeq = new Map<string, string>();

  constructor(ordered: readonly CycleEvent[] = []) {
    for (const e of ordered) this.add(e);
  }

  /** Adds an act whose parents are already in; returns its clock. */
  add(e: CycleEvent): Clock {
    const clock = new Map<string, number>();
    for (const p of e.parents) {
      const pc = this.clocks.get(p);
      if (!pc) throw new DagError(`tindakan ${e.id} mengikuti tindakan ${p} yang tidak ada`);
      for (const [k, v] of pc) if ((clock.get(k) ?? 0) < v) clock.set(k, v);
      this.heads.delete(p);
    }
    if (e.installationId !== MERGE_INSTALLATION) {
      const seq = (clock.get(e.installationId) ?? 0) + 1;
      clock.set(e.installationId, seq);
      const key = `${e.installationId}#${seq}`;
      const other = this.bySeq.get(key);
      if (other !== undefined) this.forks.push({ installationId: e.installationId, seq, acts: [other, e.id] });
      else this.bySeq.set(key, e.id);
    }
    this.clocks.set(e.id, clock);
    this.insts.set(e.id, e.installationId);
    this.heads.add(e.id);
    return clock;
  }

  has(id: string): boolean {
    return this.clocks.has(id);
  }

  clockOf(id: string): Clock | undefined {
    return this.clocks.get(id);
  }

  /** The acts nothing follows yet, sorted: a new act takes all of them as parents. */
  headIds(): string[] {
    return [...this.heads].sort();
  }

  /** True when act `a` is among the acts `b` follows (directly or not). `a` must not be a merge act. */
  isAncestor(a: string, b: string): boolean {
    if (a === b) return false;
    const inst = this.insts.get(a);
    const ca = this.clocks.get(a);
    const cb = this.clocks.get(b);
    if (inst === undefined || !ca || !cb || inst === MERGE_INSTALLATION) return false;
    return (cb.get(inst) ?? 0) >= ca.get(inst)!;
  }

  /** Neither follows the other: made on two laptops that had not yet seen each other's act. */
  concurrent(a: string, b: string): boolean {
    return a !== b && !this.isAncestor(a, b) && !this.isAncestor(b, a);
  }

  /** Per installation, how many of its acts the set holds: what a package tells the sender it received. */
  seen(): Record<string, number> {
    const out: Record<string, number> = {};
    for (const [id, inst] of this.insts) {
      if (inst === MERGE_INSTALLATION) continue;
      const n = this.clocks.get(id)!.get(inst)!;
      if ((out[inst] ?? 0) < n) out[inst] = n;
    }
    return out;
  }
}

/** The ancestors of the given acts (and the acts themselves), in the order given. */
export function ancestorsOf(ordered: readonly CycleEvent[], ids: readonly string[]): CycleEvent[] {
  const byId = new Map(ordered.map((e) => [e.id, e]));
  const keep = new Set<string>();
  const stack = [...ids];
  while (stack.length) {
    const id = stack.pop()!;
    if (keep.has(id)) continue;
    keep.add(id);
    for (const p of byId.get(id)?.parents ?? []) stack.push(p);
  }
  return ordered.filter((e) => keep.has(e.id));
}

/**
 * Every field of a merge act except its id and hash, which the store derives (SHA-256 of the
 * sorted parent ids; the usual chained hash): two laptops joining the same heads write the
 * same act. Its time is the latest parent's, so it sorts nowhere strange in Riwayat.
 */
export function mergeActFields(cycleId: string, parents: readonly CycleEvent[]): Omit<CycleEvent, 'id' | 'hash' | 'v'> {
  const sorted = [...parents].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const at = sorted.reduce((m, p) => (p.at > m ? p.at : m), sorted[0]!.at);
  return { cycleId, parents: sorted.map((p) => p.id), installationId: MERGE_INSTALLATION, at, actor: MERGE_ACTOR, body: { type: 'merge' }, sig: null };
}

/** A binary min-heap of strings: Kahn's algorithm needs the smallest ready id, often. */
class MinHeap {
  private a: string[] = [];
  get size() {
    return this.a.length;
  }
  push(v: string) {
    const a = this.a;
    a.push(v);
    let i = a.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (a[p]! <= v) break;
      a[i] = a[p]!;
      i = p;
    }
    a[i] = v;
  }
  pop(): string | undefined {
    const a = this.a;
    if (!a.length) return undefined;
    const top = a[0];
    const last = a.pop()!;
    if (a.length) {
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        const mv = () => (m === i ? last : a[m]!);
        if (l < a.length && a[l]! < mv()) m = l;
        if (r < a.length && a[r]! < mv()) m = r;
        if (m === i) break;
        a[i] = a[m]!;
        i = m;
      }
      a[i] = last;
    }
    return top;
  }
}
