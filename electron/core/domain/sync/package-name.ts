import { STEP_INFO, type Step } from '../workflow/sop';

/** Who a package is meant for: the next holder in the SOP, or the PPID Utama at Diskominfo. */
export const RECIPIENTS = ['operator', 'ppid_pembantu', 'kepala_opd', 'ppid_utama'] as const;
export type Recipient = (typeof RECIPIENTS)[number];

export const RECIPIENT_LABELS: Record<Recipient, string> = {
  operator: 'Operator OPD',
  ppid_pembantu: 'PPID Pembantu',
  kepala_opd: 'Kepala OPD',
  ppid_utama: 'PPID Utama',
};

/** Letters, digits and dashes only: safe on Windows, in WhatsApp and on a FAT flash drive. */
const safe = (s: string) => s.replace(/[^A-Za-z0-9-]+/g, '-').replace(/-+/g, '-').replace(/^-|-$/g, '');

/**
 * The file name says what the package is, for a person choosing among files on a flash drive
 * or in a chat: "DIP-2027_langkah-4_untuk-PPID-Pembantu_2027-01-14.ppid". `date` is the day in
 * the office's zone (YYYY-MM-DD). A package for the PPID Utama starts with the OPD's unit code
 * ("Disdik_DIP-2027_selesai_untuk-PPID-Utama_…"): there, the files of forty OPD meet in one
 * folder or chat, and the same name from two OPD would overwrite one with the other.
 */
export function packageFileName(cycles: readonly { year: number; step: Step }[], to: Recipient | null, date: string, unitCode = ''): string {
  const years = [...new Set(cycles.map((c) => c.year))].sort();
  const parts = to === 'ppid_utama' && safe(unitCode) ? [unitCode, `DIP-${years.join('-')}`] : [`DIP-${years.join('-')}`];
  const steps = [...new Set(cycles.map((c) => c.step))];
  if (steps.length === 1) parts.push(steps[0] === 'selesai' ? 'selesai' : `langkah-${STEP_INFO[steps[0]!].no}`);
  else parts.push(`${cycles.length}-siklus`);
  if (to) parts.push(`untuk-${RECIPIENT_LABELS[to]}`);
  parts.push(date);
  return `${parts.map(safe).join('_')}.ppid`;
}

/** The office package a new laptop joins with: "Kantor-Diskominfotik_2027-01-14.ppid". */
export function officePackageFileName(unitCode: string, date: string): string {
  return `${['Kantor', unitCode].map(safe).join('-')}_${date}.ppid`;
}
