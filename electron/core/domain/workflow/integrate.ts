import { actProblem } from './check-act';
import { ancestorsOf, canonicalOrder, DagError, DagIndex } from './dag';
import { foldOrdered } from './dag-fold';
import type { CycleEvent } from './events';
import { applyInPlace, type CycleState } from './fold';

export type Integration =
  | {
      ok: true;
      /** Every act, old and new, in canonical order. */
      order: CycleEvent[];
      /** The acts this laptop did not have, in canonical order. */
      fresh: CycleEvent[];
      state: CycleState;
    }
  | { ok: false; actId: string | null; message: string };

/**
 * Joins acts received from another laptop to the ones this laptop holds, as a pure function:
 * what it has is recognised by id (and must be the very same act: same hash), nothing is
 * removed because the other side lacks it, and every new act is checked against the SOP at
 * the point its author stood — the state folded from its own ancestors — as if it had been
 * made here. `checkSigner` adds the caller's checks (signature, trust, role of the installation).
 */
export function integrate(
  existing: readonly CycleEvent[],
  incoming: readonly CycleEvent[],
  checkSigner: (e: CycleEvent) => string | null = () => null,
  /** The state `existing` folds to, when the caller has it: receiving nothing new then costs no fold. */
  current?: CycleState,
): Integration {
  const have = new Map(existing.map((e) => [e.id, e]));
  const fresh: CycleEvent[] = [];
  const seen = new Set<string>();
  for (const e of incoming) {
    if (seen.has(e.id)) return { ok: false, actId: e.id, message: 'tindakan yang sama tercantum dua kali' };
    seen.add(e.id);
    const mine = have.get(e.id);
    if (mine) {
      if (mine.hash !== e.hash) return { ok: false, actId: e.id, message: 'tindakan dengan pengenal yang sama berbeda isinya dengan yang sudah ada' };
      continue;
    }
    fresh.push(e);
  }
  if (!fresh.length && current && existing.length) return { ok: true, order: [...existing], fresh, state: current };
  let order: CycleEvent[];
  let dag: DagIndex;
  try {
    order = canonicalOrder([...existing, ...fresh]);
    dag = new DagIndex(order);
    if (dag.forks.length) {
      const f = dag.forks[0]!;
      return { ok: false, actId: f.acts[1], message: `satu perangkat mencatat dua tindakan yang tidak saling mengikuti (perangkat ${f.installationId})` };
    }
  } catch (e) {
    if (e instanceof DagError) return { ok: false, actId: null, message: e.message };
    throw e;
  }
  if (!fresh.length) return { ok: true, order, fresh, state: foldOrdered(order, dag) };

  const isFresh = new Set(fresh.map((e) => e.id));
  const done: CycleEvent[] = [];
  // The state after every act so far, kept while each act follows all of them (a line).
  let prefix: CycleState | null = null;
  let prefixValid = true;
  const heads = new Set<string>();
  // The last state computed off the line, continued while acts follow it one by one.
  let branch: { after: string; state: CycleState } | null = null;
  // Every act follows the one before it: the fold is then the acts applied one by one, `prefix`.
  let line = true;
  for (let n = 0; n < order.length; n++) {
    const e = order[n]!;
    if (n > 0 && (e.parents.length !== 1 || e.parents[0] !== order[n - 1]!.id)) line = false;
    const onLine = prefixValid && e.parents.length === heads.size && e.parents.every((p) => heads.has(p));
    if (isFresh.has(e.id)) {
      const signer = checkSigner(e);
      if (signer) return { ok: false, actId: e.id, message: signer };
      let before: CycleState | null;
      if (onLine) before = prefix;
      else if (branch && e.parents.length === 1 && e.parents[0] === branch.after) before = branch.state;
      else before = stateAt(done, e.parents);
      const problem = actProblem(before, e);
      if (problem) return { ok: false, actId: e.id, message: problem };
      // `before` is private here (never the line's state): continue it in place.
      if (!onLine) branch = before && simple(before, e) ? { after: e.id, state: applyInPlace(before, e) } : null;
    }
    done.push(e);
    for (const p of e.parents) heads.delete(p);
    heads.add(e.id);
    if (onLine && simple(prefix, e)) prefix = applyInPlace(prefix, e);
    else if (heads.size === 1) {
      // Everything so far joins in this act: the line resumes from here.
      prefix = stateAt(done, [e.id]);
      prefixValid = true;
    } else prefixValid = false;
  }
  return { ok: true, order, fresh, state: line && prefix ? prefix : foldOrdered(order, dag) };
}

/** An act whose effect a plain in-place apply gives (no choice to replay, no conflict open). */
function simple(s: CycleState | null, e: CycleEvent): boolean {
  if (e.body.type === 'conflict.resolved' || e.body.type === 'merge') return false;
  return !s || (s.conflicts.length === 0 && s.setAside.length === 0);
}

/** The state folded from the given acts and everything they follow. */
function stateAt(ordered: readonly CycleEvent[], ids: readonly string[]): CycleState | null {
  if (!ids.length) return null;
  const anc = ancestorsOf(ordered, ids);
  return foldOrdered(anc, new DagIndex(anc));
}
