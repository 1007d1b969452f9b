import type { Timing } from '../../../../electron/core/domain/workflow';
import { workingDayMinutes } from '../../../../electron/core/domain/calendar';
import { officeDurationText } from '../../../../electron/core/domain/reminders';
import { officeCalendar } from '../../i18n/office-clock';

/**
 * Working time in the office's words. The core counts office minutes (office hours of
 * working days, holidays skipped) and the SOP's "1 hari" is one working day of office hours
 * (510 minutes for 07.30–16.00), so a day here is that many minutes.
 * Two units are enough to act on ("1 hari 3 jam"); minutes matter only below a day.
 */
export function formatDuration(minutes: number, dayMinutes = workingDayMinutes(officeCalendar())): string {
  return officeDurationText(minutes, dayMinutes);
}

export type TimingTone = 'ok' | 'soon' | 'late' | 'none';

/** "sisa 10 menit", "terlambat 2 jam 5 menit", "tanpa batas waktu". */
export function timingText(t: Timing): { text: string; tone: TimingTone } {
  if (t.remainingMinutes === null || t.standardMinutes === null) return { text: 'tanpa batas waktu', tone: 'none' };
  if (t.late) return { text: `terlambat ${formatDuration(-t.remainingMinutes)}`, tone: 'late' };
  // The last fifth of the standard is when a reminder helps.
  const soon = t.remainingMinutes <= Math.max(5, t.standardMinutes / 5);
  return { text: `sisa ${formatDuration(t.remainingMinutes)}`, tone: soon ? 'soon' : 'ok' };
}

export const TONE_COLOR: Record<TimingTone, string> = { ok: 'teal', soon: 'orange', late: 'red', none: 'gray' };

/** "berjalan 5 menit" — how long the step has been open, in working time. */
export function spentText(t: Timing): string {
  return formatDuration(t.spentMinutes);
}

/** Reads a File as base64 without the data-URL prefix, as `cycles.attach` expects. */
export function fileToBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onerror = () => reject(reader.error ?? new Error('Berkas tidak dapat dibaca.'));
    reader.onload = () => {
      const url = String(reader.result ?? '');
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.readAsDataURL(file);
  });
}

/** Hands a file from the core to the browser's download, without a server URL. */
export function downloadBase64(name: string, mime: string, base64: string): void {
  const bin = atob(base64);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  const url = URL.createObjectURL(new Blob([bytes], { type: mime || 'application/octet-stream' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Give the download a moment to start before the URL is revoked.
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
