import type { Settings } from '../domain/office';
import type { CycleState } from '../domain/workflow';

/** The part of a cycle the documents read. */
export type DocumentCycle = Pick<CycleState, 'id' | 'title' | 'year' | 'step' | 'items' | 'notaDinas' | 'version' | 'signed'>;

/**
 * Everything a document is built from, passed in whole: the builders read no files and no
 * clock, so the services layer decides where the emblem comes from and what "now" is.
 */
export interface DocumentContext {
  settings: Settings;
  /** The emblem's bytes (PNG or JPEG), or null to print the kop without it. */
  emblem: Buffer | null;
  cycle: DocumentCycle;
  now: Date;
}

/** Konsep (step 3), Draft (step 4), or the signed list (step 5 on). */
export type ListState = 'konsep' | 'draft' | 'final';

export const LIST_STATE_LABELS: Record<ListState, string> = { konsep: 'Konsep', draft: 'Draft', final: 'Final' };

/**
 * What a DIP or DIK printed now is. The Konsep is what the operator sent (under review by
 * the PPID Pembantu); once approved it is the Draft before the Kepala; once signed, final.
 */
export function listStateOf(cycle: Pick<DocumentCycle, 'step' | 'signed'>): ListState {
  if (cycle.signed) return 'final';
  if (cycle.step === 'pemeriksaan_kepala') return 'draft';
  return 'konsep';
}
