import {
  formatHariTanggal,
  formatTanggal,
  formatTanggalJam,
  hourIn,
  inZone,
} from '../../../electron/core/domain/calendar';
import { format } from 'date-fns';
import { officeNow, officeTimeZone } from './office-clock';

/**
 * Dates on screen, through the one calendar in the office's zone (from `app.status`), so
 * the screen shows the day the documents print, whatever zone the computer is set to.
 */

function toDate(value: string | Date | null | undefined): Date | null {
  if (!value) return null;
  const d = typeof value === 'string' ? new Date(Date.parse(value)) : value;
  return Number.isNaN(d.getTime()) ? null : d;
}

/** "25 November 2026" — the form used in letters and lists. */
export function formatDate(value: string | Date | null | undefined, timeZone = officeTimeZone()): string {
  const d = toDate(value);
  return d ? formatTanggal(d, timeZone) : '—';
}

/** "25 November 2026 14.05" — Indonesian writes the time with a dot. */
export function formatDateTime(value: string | Date | null | undefined, timeZone = officeTimeZone()): string {
  const d = toDate(value);
  return d ? formatTanggalJam(d, timeZone) : '—';
}

/** "09.41": a time of the office's day. */
export function formatTime(value: string | Date | null | undefined, timeZone = officeTimeZone()): string {
  const d = toDate(value);
  return d ? format(inZone(d, timeZone), 'HH.mm') : '—';
}

/** "Rabu, 25 November 2026" for greetings and headers. */
export function formatLongDate(value: string | Date | null | undefined, timeZone = officeTimeZone()): string {
  const d = toDate(value);
  return d ? formatHariTanggal(d, timeZone) : '—';
}

/** 45 KB / 1,2 MB with an Indonesian decimal comma. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toLocaleString('id-ID', { maximumFractionDigits: 1 })} MB`;
}

/** "Selamat pagi/siang/sore/malam" by the office's hour, as people greet in the office. */
export function greeting(now: Date = officeNow(), timeZone = officeTimeZone()): string {
  const h = hourIn(now, timeZone);
  if (h < 11) return 'Selamat pagi';
  if (h < 15) return 'Selamat siang';
  if (h < 18) return 'Selamat sore';
  return 'Selamat malam';
}
