import { dayKey, formatTanggal, workingDayMinutes, yearIn, type CalendarSettings } from '../calendar';
import { CATEGORIES, type Category } from '../information';
import { addOfficeYears, cycleInForce, officeDurationText, remindersFor } from '../reminders';
import { STEP_INFO, standardOfficeMinutes, stepTiming, workingMinutesBetween, type CycleState, type Step } from '../workflow';
import { OPD_STANDINGS, type OpdStanding, type RegencyRecords, type RegisterEntry, type RegisterRow, type RegisterView } from './model';

/**
 * The PPID Utama's register for a year (issue 13): per OPD, where its cycle of the year
 * stands, whether it is late against the SOP's time standards, and what falls due on the list
 * in force (berkala overdue, exemptions ending). Pure: the records, the core's "now" and the
 * PPID Utama's own calendar come in. Lateness is measured from the acts the OPD sent: a step
 * the PPID Utama last saw open is counted as still open, which is what it can know.
 */

/** What the register reads: the regency store, or plain data in tests and the bench. */
export type RegisterSource = Pick<RegencyRecords, 'entries' | 'cyclesOf' | 'lastReceivedAt' | 'waiting'>;

/** The register's own order, which the consolidated lists print in: by name, as a register is kept. */
export function registerOrder<E extends Pick<RegisterEntry, 'entryId' | 'name' | 'unitCode'>>(entries: readonly E[]): E[] {
  return [...entries].sort(
    (a, b) =>
      a.name.localeCompare(b.name, 'id', { sensitivity: 'base' }) ||
      a.unitCode.localeCompare(b.unitCode, 'id', { sensitivity: 'base' }) ||
      (a.entryId < b.entryId ? -1 : a.entryId > b.entryId ? 1 : 0),
  );
}

/** An OPD's cycle of the year: the one made last when it made several (a revision of the year's list). */
export function cycleOfYear<C extends Pick<CycleState, 'id' | 'year' | 'createdAt'>>(cycles: readonly C[], year: number): C | null {
  let best: C | null = null;
  for (const c of cycles) {
    if (c.year !== year) continue;
    if (!best || c.createdAt > best.createdAt || (c.createdAt === best.createdAt && c.id > best.id)) best = c;
  }
  return best;
}

/** "Langkah 4: Pemeriksaan PPID Pembantu", as the OPD's own screens name a step. */
export function stepLabel(step: Step): string {
  return step === 'selesai' ? 'Selesai' : `Langkah ${STEP_INFO[step].no}: ${STEP_INFO[step].label}`;
}

export interface StepDelay {
  step: Step;
  /** Office minutes over the SOP's standard, summed over the step's visits (a return visits it again). */
  overMinutes: number;
}

/**
 * Every step that took longer than the SOP allows, in step order: closed visits from their own
 * start and end, the open one as workflow/timing.ts stepTiming counts it for the OPD's screens.
 */
export function stepDelays(cycle: Pick<CycleState, 'step' | 'visits'>, now: Date | string, cal: CalendarSettings): StepDelay[] {
  const nowIso = typeof now === 'string' ? now : now.toISOString();
  const over = new Map<Step, number>();
  cycle.visits.forEach((v, i) => {
    let minutes: number;
    if (v.until === null && i === cycle.visits.length - 1) {
      const t = stepTiming(cycle as CycleState, nowIso, cal);
      if (!t.late || t.remainingMinutes === null) return;
      minutes = -t.remainingMinutes;
    } else {
      const standard = standardOfficeMinutes(v.step, cal);
      if (standard === null || v.until === null) return;
      minutes = workingMinutesBetween(v.since, v.until, cal) - standard;
    }
    if (minutes > 0) over.set(v.step, (over.get(v.step) ?? 0) + minutes);
  });
  return [...over].map(([step, overMinutes]) => ({ step, overMinutes })).sort((a, b) => STEP_INFO[a.step].no - STEP_INFO[b.step].no);
}

const DAY_MS = 86_400_000;
const daysBetween = (fromKey: string, toKey: string) => Math.round((Date.parse(`${toKey}T00:00:00Z`) - Date.parse(`${fromKey}T00:00:00Z`)) / DAY_MS);

/**
 * Where one OPD stands for a year, for the register and the consolidated documents. They
 * differ in one thing only, which cycle's steps they time: the register the cycle under way
 * (what the PPID Utama chases), the documents the signed list (whether it came on time), so a
 * revision stuck at step 1 does not make a list signed on time late in the compliance report.
 */
export interface YearStanding {
  /** Its cycle of the year (cycleOfYear); null when it sent none. */
  cycle: CycleState | null;
  /** The year's list its Kepala signed (the later signing of two); null while none is signed. */
  signedCycle: CycleState | null;
  standing: OpdStanding;
  late: boolean;
  /** Why late, in words ("Langkah 4 terlambat 2 hari kerja"); '' when not late. */
  lateness: string;
}

/** More than this many reasons are summed up, so the words fit a register cell and a document's line. */
const MAX_REASONS = 3;

export function yearStanding(cycles: readonly CycleState[], year: number, now: Date | string, cal: CalendarSettings, timed: 'current' | 'signed' = 'current'): YearStanding {
  const tz = cal.timeZone;
  const ofYear = cycles.filter((c) => c.year === year);
  const cycle = cycleOfYear(ofYear, year);
  const signedCycle = cycleInForce(ofYear);
  const standing: OpdStanding = signedCycle ? 'ditandatangani' : cycle ? 'proses' : 'belum_kirim';

  const reasons: string[] = [];
  // The DIP is renewed at least yearly: a year after the previous signed list, the year's list
  // is due — the date the OPD's own reminder (reminders.ts, dip_tahunan) counts to.
  const previous = cycleInForce(cycles.filter((c) => c.year < year));
  if (previous?.signed) {
    const due = addOfficeYears(previous.signed.at, 1, tz);
    const dueText = formatTanggal(`${due}T12:00:00Z`, tz);
    if (signedCycle?.signed) {
      const late = daysBetween(due, dayKey(signedCycle.signed.at, tz));
      if (late > 0) reasons.push(`DIP ditandatangani ${late} hari setelah jatuh tempo pembaruan tahunan (${dueText})`);
    } else {
      const late = daysBetween(due, dayKey(now, tz));
      if (late > 0) reasons.push(`DIP tahun ${year} belum ditandatangani; jatuh tempo pembaruan tahunan ${dueText} (lewat ${late} hari)`);
    }
  }
  const measured = timed === 'signed' ? (signedCycle ?? cycle) : cycle;
  if (measured) {
    const day = workingDayMinutes(cal);
    for (const d of stepDelays(measured, now, cal)) reasons.push(`langkah ${STEP_INFO[d.step].no} terlambat ${officeDurationText(d.overMinutes, day)} kerja`);
  }
  const shown = reasons.length > MAX_REASONS ? [...reasons.slice(0, MAX_REASONS - 1), `dan ${reasons.length - (MAX_REASONS - 1)} langkah lain terlambat`] : reasons;
  const lateness = shown.join('; ');
  return { cycle, signedCycle, standing, late: reasons.length > 0, lateness: lateness.charAt(0).toUpperCase() + lateness.slice(1) };
}

/** Items per category; an item not yet classified is in none. */
export function categoryCounts(items: readonly { fields: { kategori: Category | '' } }[]): Record<Category, number> {
  const counts = Object.fromEntries(CATEGORIES.map((c) => [c, 0])) as Record<Category, number>;
  for (const i of items) if (i.fields.kategori) counts[i.fields.kategori]++;
  return counts;
}

/** Every year any OPD has a cycle for, the current year and the one asked for, newest first. */
export function registerYears(records: Pick<RegencyRecords, 'entries' | 'cyclesOf'>, now: Date | string, cal: CalendarSettings, also: number[] = []): number[] {
  const years = new Set<number>([yearIn(now, cal.timeZone), ...also]);
  for (const e of records.entries()) for (const c of records.cyclesOf(e.entryId)) years.add(c.year);
  return [...years].sort((a, b) => b - a);
}

export function registerView(records: RegisterSource, year: number, now: Date | string, cal: CalendarSettings): RegisterView {
  const waiting = records.waiting();
  const rows = registerOrder(records.entries()).map((entry): RegisterRow => {
    const cycles = records.cyclesOf(entry.entryId);
    const s = yearStanding(cycles, year, now, cal);
    // What falls due on the list in force as of that year: later years' lists are not that year's business.
    const reminders = remindersFor(
      cycles.filter((c) => c.year <= year),
      now,
      cal,
    );
    return {
      entryId: entry.entryId,
      opdName: entry.name,
      unitCode: entry.unitCode,
      contact: entry.contact,
      standing: s.standing,
      cycle: s.cycle ? { id: s.cycle.id, title: s.cycle.title, step: s.cycle.step, stepLabel: stepLabel(s.cycle.step) } : null,
      signedAt: s.signedCycle?.signed?.at ?? null,
      late: s.late,
      lateness: s.lateness,
      counts: categoryCounts(s.cycle?.items ?? []),
      berkalaOverdue: reminders.filter((r) => r.kind === 'berkala' && r.status === 'terlambat').length,
      exemptionsEnding: reminders.filter((r) => r.kind === 'pengecualian').length,
      lastReceivedAt: records.lastReceivedAt(entry.entryId),
      // A waiting package names its entry once matched; before, only the OPD's office id.
      waiting: waiting.filter((w) => w.opd.entryId === entry.entryId || (w.opd.entryId === null && entry.officeId !== null && w.opd.officeId === entry.officeId)).length,
    };
  });
  const totals = { ...(Object.fromEntries(OPD_STANDINGS.map((s) => [s, 0])) as Record<OpdStanding, number>), late: 0, opd: rows.length };
  for (const r of rows) {
    totals[r.standing]++;
    if (r.late) totals.late++;
  }
  return { year, years: registerYears(records, now, cal, [year]), rows, totals };
}
