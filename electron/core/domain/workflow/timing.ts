import { STEP_INFO, type Step } from './sop';
import type { CycleState } from './fold';
import { DEFAULT_CALENDAR, addWorkingMinutes, workingDayMinutes, workingMinutesBetween, type CalendarSettings } from '../calendar';

// ---------- time standards ----------

/** Office minutes between two instants; see domain/calendar.ts. */
export { workingMinutesBetween };

const FULL_DAY = 24 * 60;

/**
 * A step's standard in office minutes. STEP_INFO writes the SOP's "1 hari" as a whole day;
 * in office time that is one working day of office hours (07.30–16.00 = 510 minutes by
 * default), not 24 hours of it. Minute standards ("15 menit") are office minutes as they are.
 */
export function standardOfficeMinutes(step: Step, cal: CalendarSettings = DEFAULT_CALENDAR): number | null {
  const m = STEP_INFO[step].standardMinutes;
  if (m === null) return null;
  return m % FULL_DAY === 0 ? (m / FULL_DAY) * workingDayMinutes(cal) : m;
}

export interface Timing {
  step: Step;
  /** In office minutes (a "1 hari" standard is one working day of office hours). */
  standardMinutes: number | null;
  spentMinutes: number;
  late: boolean;
  /** Positive: minutes left; negative: minutes late. Null where the SOP sets no standard. */
  remainingMinutes: number | null;
  /** When the standard runs out, counted in office hours; null without a standard. */
  dueAt: string | null;
}

export function stepTiming(s: CycleState, nowIso: string, cal: CalendarSettings = DEFAULT_CALENDAR): Timing {
  const visit = s.visits[s.visits.length - 1]!;
  const standard = standardOfficeMinutes(s.step, cal);
  const spent = workingMinutesBetween(visit.since, nowIso, cal);
  return {
    step: s.step,
    standardMinutes: standard,
    spentMinutes: spent,
    late: standard !== null && spent > standard,
    remainingMinutes: standard === null ? null : standard - spent,
    dueAt: standard === null ? null : addWorkingMinutes(visit.since, standard, cal),
  };
}
