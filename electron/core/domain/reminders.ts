import { addMonths, addYears, format } from 'date-fns';
import { TZDate } from '@date-fns/tz';
import { dayKey, formatTanggal, inZone, workingDayMinutes, type CalendarSettings } from './calendar';
import { isUnlimitedInTime, type Exemption } from './information';
import type { Role } from './roles';
import { STEP_INFO, stepTiming, type CycleState, type ItemState, type Step } from './workflow';

/**
 * What falls due, for the person who must act: berkala information to renew, exemptions
 * that end, steps past their time standard, a DIP not renewed for a year. Pure: the
 * cycles, the core's "now" and the office calendar come in; every date is the office's day
 * in its own time zone (a signing at 23.30 UTC is the next morning in WIT, and so is what
 * falls due from it). Nothing is stored: reminders are recomputed whenever they are asked for.
 */

export const REMINDER_KINDS = ['berkala', 'pengecualian', 'langkah', 'dip_tahunan'] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];
/** 'terlambat': the date has passed; 'segera': it comes within the kind's window (today included). */
export type ReminderStatus = 'terlambat' | 'segera';

/** How far ahead each kind is shown. */
export const REMINDER_WINDOW_DAYS: Record<ReminderKind, number> = {
  berkala: 30,
  pengecualian: 90,
  dip_tahunan: 30,
  // A late step is shown once it is late, never before.
  langkah: 0,
};

/** Pasal 9 UU 14/2008: berkala information is renewed at least every 6 months. */
export const BERKALA_MAX_MONTHS = 6;

/** The cycle screen's tabs (renderer/src/features/cycles/CyclePage.tsx). */
export type CycleTab = 'informasi' | 'nota' | 'periksa' | 'dip' | 'riwayat';

/** Where a reminder is dealt with: a cycle screen on a tab (and a part of it, an item), or Beranda's "new cycle". */
export type ReminderLink =
  | { route: 'siklus'; cycleId: string; tab: CycleTab; part?: 'dip' | 'dik'; itemId?: string }
  | { route: 'siklus-baru' };

export interface Reminder {
  /** Stable across calls, for React keys and tests: kind, cycle, item or step. */
  id: string;
  kind: ReminderKind;
  status: ReminderStatus;
  /** Who must act. */
  role: Role;
  /** What, in a line: "Perbarui informasi berkala: Laporan Realisasi Anggaran". */
  title: string;
  /** Why and since when, in a sentence or two; the due date itself is `due`, for the screen to show. */
  detail: string;
  /** The office day it falls due, yyyy-MM-dd. */
  due: string;
  /** The instant: the start of that office day, or for a step the minute its standard ran out. */
  dueAt: string;
  /** Office days from today to `due`; negative once passed. */
  daysLeft: number;
  cycleId: string;
  itemId: string | null;
  link: ReminderLink;
}

/** What `reminders.list` answers. */
export interface RemindersView {
  reminders: Reminder[];
  /** 'peran': the acting user's role only; 'semua': every role (administrators). */
  scope: 'peran' | 'semua';
  /** The core's clock the dates were counted from. */
  now: string;
}

/** The route a reminder leads to, as the renderer's router spells it. */
export function reminderHref(link: ReminderLink): string {
  if (link.route === 'siklus-baru') return '/beranda?siklus=baru';
  const q = new URLSearchParams({ tab: link.tab });
  if (link.part) q.set('bagian', link.part);
  if (link.itemId) q.set('butir', link.itemId);
  return `/siklus/${link.cycleId}?${q.toString()}`;
}

// ---------------------------------------------------------------- days in the office's zone

const DAY_MS = 86_400_000;

function dayNumber(key: string): number {
  const [y, m, d] = key.split('-').map(Number);
  return Math.floor(Date.UTC(y!, m! - 1, d!) / DAY_MS);
}

/** The instant the office day `key` begins. */
function startOfOfficeDay(key: string, timeZone: string): string {
  const [y, m, d] = key.split('-').map(Number);
  // TZDate's own toISOString keeps the zone's offset; reminders compare instants as UTC text.
  return new Date(new TZDate(y!, m! - 1, d!, timeZone).getTime()).toISOString();
}

/**
 * `months` calendar months after the office day of `from`: 31 January + 1 month is the last
 * day of February (28th, or 29th in a leap year), as date-fns' addMonths clamps, never 3 March.
 */
export function addOfficeMonths(from: string, months: number, timeZone: string): string {
  return format(addMonths(inZone(from, timeZone), months), 'yyyy-MM-dd');
}

/** One year after the office day of `from`; 29 February gives 28 February in a common year. */
export function addOfficeYears(from: string, years: number, timeZone: string): string {
  return format(addYears(inZone(from, timeZone), years), 'yyyy-MM-dd');
}

// ---------------------------------------------------------------- exemption periods

const NUMBER_WORDS: Record<string, number> = {
  satu: 1,
  se: 1,
  dua: 2,
  tiga: 3,
  empat: 4,
  lima: 5,
  enam: 6,
  tujuh: 7,
  delapan: 8,
  sembilan: 9,
  sepuluh: 10,
  sebelas: 11,
  'dua belas': 12,
  'lima belas': 15,
  'dua puluh': 20,
  'dua puluh lima': 25,
  'tiga puluh': 30,
};

export type ExemptionPeriod = { kind: 'unlimited' } | { kind: 'months'; months: number } | { kind: 'days'; days: number } | { kind: 'unknown' };

/**
 * How long an exemption runs, read from what the officer typed in jangka waktu: "5 tahun",
 * "5 (lima) tahun atau sampai …", "lima tahun", "18 bulan", "90 hari", "setahun". The first
 * period named counts: "5 tahun atau sampai konfigurasi diganti" ends, for the calendar, after
 * 5 years (the event may end it sooner; someone has to look then anyway). Huruf g and h, and a
 * text saying "tidak dibatasi waktu", never end. A text without a period ("sampai penyidikan
 * selesai") has no date to remind of.
 */
export function exemptionPeriod(e: Pick<Exemption, 'basis' | 'huruf' | 'jangkaWaktu'>): ExemptionPeriod {
  if (isUnlimitedInTime(e)) return { kind: 'unlimited' };
  const text = e.jangkaWaktu.toLowerCase().replace(/\s+/g, ' ').trim();
  if (/tidak dibatasi( oleh)? waktu|tanpa batas waktu/.test(text)) return { kind: 'unlimited' };
  const words = Object.keys(NUMBER_WORDS)
    .sort((a, b) => b.length - a.length)
    .join('|');
  const m = new RegExp(`(?:^|[^a-z0-9])(\\d+|${words})\\s*(?:\\([^)]*\\)\\s*)?(tahun|bulan|minggu|hari)\\b`).exec(text);
  if (!m) return { kind: 'unknown' };
  const n = /^\d+$/.test(m[1]!) ? Number(m[1]) : NUMBER_WORDS[m[1]!]!;
  if (!n) return { kind: 'unknown' };
  switch (m[2]) {
    case 'tahun':
      return { kind: 'months', months: n * 12 };
    case 'bulan':
      return { kind: 'months', months: n };
    case 'minggu':
      return { kind: 'days', days: n * 7 };
    default:
      return { kind: 'days', days: n };
  }
}

function addPeriod(from: string, p: ExemptionPeriod, timeZone: string): string | null {
  if (p.kind === 'months') return addOfficeMonths(from, p.months, timeZone);
  if (p.kind === 'days') return new Date((dayNumber(dayKey(from, timeZone)) + p.days) * DAY_MS).toISOString().slice(0, 10);
  return null;
}

// ---------------------------------------------------------------- the reminders

export type ReminderCycle = Pick<CycleState, 'id' | 'title' | 'year' | 'step' | 'items' | 'signed' | 'visits' | 'carriedFrom'>;

/** The signed cycle in force: the latest year signed, and of two signings of one year the later. */
export function cycleInForce<C extends Pick<CycleState, 'year' | 'signed'>>(cycles: readonly C[]): C | null {
  let best: C | null = null;
  for (const c of cycles) {
    if (!c.signed) continue;
    if (!best || c.year > best.year || (c.year === best.year && c.signed.at > best.signed!.at)) best = c;
  }
  return best;
}

/**
 * Where each item of `from` is worked on next: an open cycle carried from it, the newest year
 * first. Built once per call, so a thousand-item list costs one pass per open cycle.
 */
function continuations(cycles: readonly ReminderCycle[], from: ReminderCycle): Map<string, { cycle: ReminderCycle; item: ItemState }> {
  const out = new Map<string, { cycle: ReminderCycle; item: ItemState }>();
  const open = cycles.filter((c) => !c.signed && c.step !== 'selesai' && c.carriedFrom === from.id).sort((a, b) => b.year - a.year);
  for (const c of open) for (const item of c.items) if (item.sourceItemId && !out.has(item.sourceItemId)) out.set(item.sourceItemId, { cycle: c, item });
  return out;
}

/**
 * When an exemption began: the signing of the first DIK that listed it, following the item back
 * through the lists it was carried from while it stayed exempt with the same period. A new
 * period typed in is a new decision and starts again from its own signing.
 */
function exemptSince(byId: ReadonlyMap<string, ReminderCycle>, cycle: ReminderCycle, item: ItemState): string {
  let since = cycle.signed!.at;
  let cur: { cycle: ReminderCycle; item: ItemState } = { cycle, item };
  for (let guard = 0; guard < 100; guard++) {
    const prev = cur.cycle.carriedFrom ? byId.get(cur.cycle.carriedFrom) : undefined;
    const prevItem = prev?.items.find((i) => i.id === cur.item.sourceItemId);
    if (!prev?.signed || !prevItem || prevItem.fields.kategori !== 'dikecualikan') break;
    if (prevItem.fields.exemption.jangkaWaktu.trim() !== item.fields.exemption.jangkaWaktu.trim()) break;
    since = prev.signed.at;
    cur = { cycle: prev, item: prevItem };
  }
  return since;
}

/** "2 jam 15 menit", "1 hari 3 jam": working time in two units at most, as the screens say it. */
export function officeDurationText(minutes: number, dayMinutes: number): string {
  const m = Math.max(0, Math.round(minutes));
  if (m === 0) return 'kurang dari 1 menit';
  const day = Math.max(1, dayMinutes);
  const days = Math.floor(m / day);
  const hours = Math.floor((m % day) / 60);
  const mins = m % 60;
  const parts: string[] = [];
  if (days) parts.push(`${days} hari`);
  if (hours) parts.push(`${hours} jam`);
  if (mins && !days) parts.push(`${mins} menit`);
  return parts.slice(0, 2).join(' ');
}

const ORDER: Record<ReminderKind, number> = { langkah: 0, dip_tahunan: 1, berkala: 2, pengecualian: 3 };

/**
 * Every reminder at `now`, for every role, the most pressing first: overdue before soon, then
 * by date, then by title (so a list does not reshuffle between calls). Callers filter by the
 * acting user's role.
 */
export function remindersFor(cycles: readonly ReminderCycle[], now: Date | string, cal: CalendarSettings): Reminder[] {
  const tz = cal.timeZone;
  const today = dayKey(now, tz);
  const out: Reminder[] = [];
  const byId = new Map(cycles.map((c) => [c.id, c]));
  const dated = (key: string) => ({ due: key, dueAt: startOfOfficeDay(key, tz), daysLeft: dayNumber(key) - dayNumber(today) });
  const shown = (kind: ReminderKind, daysLeft: number): ReminderStatus | null =>
    daysLeft < 0 ? 'terlambat' : daysLeft <= REMINDER_WINDOW_DAYS[kind] ? 'segera' : null;

  const inForce = cycleInForce(cycles);
  if (inForce?.signed) {
    const signedText = formatTanggal(inForce.signed.at, tz);
    // The open cycle furthest along the SOP is the one that will replace the list in force first.
    const open = cycles.filter((c) => !c.signed && c.step !== 'selesai').sort((a, b) => STEP_INFO[b.step].no - STEP_INFO[a.step].no || b.year - a.year)[0] ?? null;

    // The DIP is renewed at least yearly (domain §3): a year after the list in force was signed.
    {
      const d = dated(addOfficeYears(inForce.signed.at, 1, tz));
      const status = shown('dip_tahunan', d.daysLeft);
      if (status) {
        out.push({
          id: `dip_tahunan:${inForce.id}`,
          kind: 'dip_tahunan',
          status,
          role: 'ppid_pembantu',
          title: `Perbarui Daftar Informasi Publik (berlaku sejak ${signedText})`,
          detail:
            `DIP "${inForce.title}" ditandatangani ${signedText}; DIP diperbarui paling lambat setahun sekali. ` +
            (open ? `Siklus "${open.title}" sedang berjalan di langkah ${STEP_INFO[open.step].no} (${STEP_INFO[open.step].label}).` : 'Belum ada siklus baru: mulai siklus pendokumentasian baru.'),
          ...d,
          cycleId: open?.id ?? inForce.id,
          itemId: null,
          link: open ? { route: 'siklus', cycleId: open.id, tab: tabFor(open.step) } : { route: 'siklus-baru' },
        });
      }
    }

    const carried = continuations(cycles, inForce);
    for (const item of inForce.items) {
      const f = item.fields;
      const next = carried.get(item.id);
      const link: ReminderLink = next
        ? { route: 'siklus', cycleId: next.cycle.id, tab: 'informasi', itemId: next.item.id }
        : { route: 'siklus', cycleId: inForce.id, tab: 'dip', part: f.kategori === 'dikecualikan' ? 'dik' : 'dip', itemId: item.id };

      if (f.kategori === 'berkala') {
        // "The last renewal" is the signing of the DIP in force that lists the item: the app
        // keeps no act for "published the updated information", and signing the DIP is when
        // the office last declared the item current. Its period is the item's own (1, 3 or 6
        // months), never longer than Pasal 9's six; an old log's other value counts as six.
        const months = f.berkalaBulan > 0 && f.berkalaBulan <= BERKALA_MAX_MONTHS ? f.berkalaBulan : BERKALA_MAX_MONTHS;
        const d = dated(addOfficeMonths(inForce.signed.at, months, tz));
        const status = shown('berkala', d.daysLeft);
        if (!status) continue;
        out.push({
          id: `berkala:${inForce.id}:${item.id}`,
          kind: 'berkala',
          status,
          role: 'operator',
          title: `Perbarui informasi berkala: ${f.judul}`,
          detail: `Diperbarui setiap ${months === 1 ? 'bulan' : `${months} bulan`}; terakhir dinyatakan mutakhir dalam DIP yang ditandatangani ${signedText}.`,
          ...d,
          cycleId: inForce.id,
          itemId: item.id,
          link,
        });
      } else if (f.kategori === 'dikecualikan') {
        const period = exemptionPeriod(f.exemption);
        const since = exemptSince(byId, inForce, item);
        const end = addPeriod(since, period, tz);
        if (!end) continue;
        const d = dated(end);
        const status = shown('pengecualian', d.daysLeft);
        if (!status) continue;
        out.push({
          id: `pengecualian:${inForce.id}:${item.id}`,
          kind: 'pengecualian',
          status,
          role: 'ppid_pembantu',
          title: `Masa pengecualian berakhir: ${f.judul}`,
          detail:
            `Dikecualikan sejak ${formatTanggal(since, tz)} untuk "${f.exemption.jangkaWaktu.trim()}". ` +
            'Setelah masa itu informasi ini terbuka: pindahkan ke DIP, atau uji konsekuensi ulang bila masih harus dikecualikan.',
          ...d,
          cycleId: inForce.id,
          itemId: item.id,
          link,
        });
      }
    }
  }

  // Steps past their time standard, counted in office time (workflow/timing.ts).
  const dayMinutes = workingDayMinutes(cal);
  const nowIso = typeof now === 'string' ? now : now.toISOString();
  for (const c of cycles) {
    if (c.step === 'selesai' || !c.visits.length) continue;
    const holder = STEP_INFO[c.step].holder;
    const t = stepTiming(c as CycleState, nowIso, cal);
    if (!t.late || !holder || !t.dueAt || t.remainingMinutes === null) continue;
    const info = STEP_INFO[c.step];
    out.push({
      id: `langkah:${c.id}:${c.step}:${c.visits[c.visits.length - 1]!.since}`,
      kind: 'langkah',
      status: 'terlambat',
      role: holder,
      title: `Langkah ${info.no} terlambat: ${info.label} — ${c.title}`,
      detail: `Standar waktu SOP ${info.standardLabel}; sudah lewat ${officeDurationText(-t.remainingMinutes, dayMinutes)} waktu kerja.`,
      due: dayKey(t.dueAt, tz),
      dueAt: t.dueAt,
      daysLeft: dayNumber(dayKey(t.dueAt, tz)) - dayNumber(today),
      cycleId: c.id,
      itemId: null,
      link: { route: 'siklus', cycleId: c.id, tab: tabFor(c.step) },
    });
  }

  return out.sort(
    (a, b) => (a.status === b.status ? 0 : a.status === 'terlambat' ? -1 : 1) || a.dueAt.localeCompare(b.dueAt) || ORDER[a.kind] - ORDER[b.kind] || a.title.localeCompare(b.title, 'id') || a.id.localeCompare(b.id),
  );
}

/** Where each step's work happens (the cycle screen opens there too). */
function tabFor(step: Step): CycleTab {
  switch (step) {
    case 'nota_dinas':
      return 'nota';
    case 'pemeriksaan_ppid':
      return 'periksa';
    case 'pemeriksaan_kepala':
    case 'arsip':
    case 'selesai':
      return 'dip';
    default:
      return 'informasi';
  }
}
