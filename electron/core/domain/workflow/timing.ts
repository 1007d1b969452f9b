import { STEP_INFO, type Step } from './sop';
import type { CycleState } from './fold';

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
