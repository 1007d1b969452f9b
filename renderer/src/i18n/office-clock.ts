import type { AppStatus } from '../../../electron/core/contract';
import { DEFAULT_CALENDAR, type CalendarSettings } from '../../../electron/core/domain/calendar';

/**
 * The screen's "now" and calendar, both the core's. Every `app.status` answer carries the
 * core's clock and the office's calendar; the screen keeps the offset between the core's
 * clock and its own, so a ticking screen stays on the core's time (and a test's fake clock)
 * even when the machine's clock or zone differ. Module state on purpose: dates are formatted
 * from plain functions all over the screens, and there is one core per window.
 */
let offsetMs = 0;
let calendar: CalendarSettings = DEFAULT_CALENDAR;

/** The renderer's only read of the machine clock, corrected by the core's offset. */
function machineMs(): number {
  return Date.now();
}

export function syncOfficeClock(status: Pick<AppStatus, 'now' | 'calendar'>, receivedAtMs = machineMs()): void {
  const core = Date.parse(status.now);
  if (!Number.isNaN(core)) offsetMs = core - receivedAtMs;
  if (status.calendar) calendar = status.calendar;
}

/** The core's clock, as of this moment. */
export function officeNow(): Date {
  return new Date(machineMs() + offsetMs);
}

export function officeCalendar(): CalendarSettings {
  return calendar;
}

export function officeTimeZone(): string {
  return calendar.timeZone;
}
