import { OPD_STANDINGS, type OpdStanding, type RegisterRow } from '../../../../electron/core/domain/regency/model';
import { STEPS } from '../../../../electron/core/domain/workflow/sop';

/**
 * The register's sorting and filtering, kept out of the table so the rules are plain to read:
 * what a PPID Utama looks for first is who has not sent, who is late, who sent last.
 */

export const SORT_KEYS = ['name', 'standing', 'step', 'lateness', 'lastReceived'] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export interface Sort {
  key: SortKey;
  dir: 'asc' | 'desc';
}

export interface RegisterFilter {
  standing: OpdStanding | null;
  lateOnly: boolean;
  text: string;
}

export const NO_FILTER: RegisterFilter = { standing: null, lateOnly: false, text: '' };

const collator = new Intl.Collator('id', { sensitivity: 'base', numeric: true });

/** Further along the SOP sorts later; an OPD that sent nothing is before step 1. */
const stepRank = (r: RegisterRow) => (r.cycle ? STEPS.indexOf(r.cycle.step) : -1);
const standingRank = (r: RegisterRow) => OPD_STANDINGS.indexOf(r.standing);
/** Late before on time; among the late, the one with more working days late first (the number in its words). */
const latenessRank = (r: RegisterRow) => (r.late ? 1_000_000 + (Number(/(\d+)/.exec(r.lateness)?.[1] ?? 0) || 0) : 0);
const receivedRank = (r: RegisterRow) => (r.lastReceivedAt ? Date.parse(r.lastReceivedAt) : -Infinity);

const COMPARE: Record<SortKey, (a: RegisterRow, b: RegisterRow) => number> = {
  name: (a, b) => collator.compare(a.opdName, b.opdName),
  standing: (a, b) => standingRank(a) - standingRank(b),
  step: (a, b) => stepRank(a) - stepRank(b),
  lateness: (a, b) => latenessRank(a) - latenessRank(b),
  lastReceived: (a, b) => receivedRank(a) - receivedRank(b),
};

/** Sorted by one column, ties by name (always A→Z, whichever way the column runs). */
export function sortRows(rows: readonly RegisterRow[], sort: Sort): RegisterRow[] {
  const sign = sort.dir === 'asc' ? 1 : -1;
  return [...rows].sort((a, b) => sign * COMPARE[sort.key](a, b) || COMPARE.name(a, b));
}

const fold = (s: string) => s.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/\s+/g, ' ').trim();

export function filterRows(rows: readonly RegisterRow[], f: RegisterFilter): RegisterRow[] {
  const words = fold(f.text).split(' ').filter(Boolean);
  return rows.filter((r) => {
    if (f.standing && r.standing !== f.standing) return false;
    if (f.lateOnly && !r.late) return false;
    if (!words.length) return true;
    const hay = fold(`${r.opdName} ${r.unitCode} ${r.contact.name}`);
    return words.every((w) => hay.includes(w));
  });
}

/** The direction a column starts in when first clicked: the "worst" first for status columns. */
export const FIRST_DIR: Record<SortKey, Sort['dir']> = { name: 'asc', standing: 'asc', step: 'asc', lateness: 'desc', lastReceived: 'desc' };
