import { format, isValid, parseISO } from 'date-fns';
import { id } from 'date-fns/locale';

function toDate(value: string | Date | null | undefined): Date | null {
  if (!value) return null;
  const d = typeof value === 'string' ? parseISO(value) : value;
  return isValid(d) ? d : null;
}

/** "25 November 2026" — the form used in letters and lists. */
export function formatDate(value: string | Date | null | undefined): string {
  const d = toDate(value);
  return d ? format(d, 'd MMMM yyyy', { locale: id }) : '—';
}

/** "25 November 2026 14.05" — Indonesian writes the time with a dot. */
export function formatDateTime(value: string | Date | null | undefined): string {
  const d = toDate(value);
  return d ? format(d, 'd MMMM yyyy HH.mm', { locale: id }) : '—';
}

/** "Rabu, 25 November 2026" for greetings and headers. */
export function formatLongDate(value: string | Date | null | undefined): string {
  const d = toDate(value);
  return d ? format(d, 'EEEE, d MMMM yyyy', { locale: id }) : '—';
}

/** 45 KB / 1,2 MB with an Indonesian decimal comma. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toLocaleString('id-ID', { maximumFractionDigits: 1 })} MB`;
}

/** "Selamat pagi/siang/sore/malam" by the local hour, as people greet in the office. */
export function greeting(now: Date = new Date()): string {
  const h = now.getHours();
  if (h < 11) return 'Selamat pagi';
  if (h < 15) return 'Selamat siang';
  if (h < 18) return 'Selamat sore';
  return 'Selamat malam';
}
