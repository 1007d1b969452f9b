import type { ItemFields } from '../information';
import type { Role } from '../roles';
import type { CycleEvent, EventBody } from './events';
import { EDITS, STEP_INFO, type EditKind, type Step } from './sop';

/**
 * What concurrent work on several laptops can leave for a person to decide. Work that commutes
 * (different items, different fields) joins without asking; these do not:
 *
 * - `isian`: one field of one item changed to different values on two laptops. Both values are
 *   shown; the choice is an act, the other value stays in Riwayat.
 * - `hapus`: an item removed on one laptop while another changed it.
 * - `keputusan`: two different decisions at one step (approved on one laptop, returned on
 *   another). The holder of that step chooses; the other decision and what followed it are
 *   set aside, never deleted.
 * - `terlambat`: work made at a step the cycle had already left on another laptop (items
 *   filled in while the Konsep was being sent). The holder of the current step takes it into
 *   the Konsep or sets it aside.
 *
 * Ids are built from the acts a conflict is about, so the same conflict has the same id on
 * every laptop, and a choice settles exactly the acts it names.
 */
export type ConflictKind = 'isian' | 'hapus' | 'keputusan' | 'terlambat';

export const CONFLICT_KIND_LABELS: Record<ConflictKind, string> = {
  isian: 'Isian berbeda',
  hapus: 'Dihapus di satu laptop, diubah di laptop lain',
  keputusan: 'Dua keputusan berbeda',
  terlambat: 'Pekerjaan yang datang terlambat',
};

export interface ConflictActRef {
  id: string;
  at: string;
  by: string;
  role: Role;
  installationId: string;
  summary: string;
}

export interface ConflictOption {
  /** What `conflict.resolved.choice` carries for this option. */
  choice: string;
  label: string;
  /** `isian`: the value this option keeps. */
  value?: unknown;
  /** The acts behind this option (a decision and what followed it; the edits of one laptop). */
  acts: ConflictActRef[];
  /** False when the option cannot be taken at the cycle's current step; `reason` says why. */
  allowed: boolean;
  reason?: string;
}

export interface OpenConflict {
  id: string;
  kind: ConflictKind;
  /** The role whose holder chooses. */
  decider: Role;
  /** The step the cycle is at (keputusan: the step the decisions were taken from). */
  step: Step;
  itemId: string | null;
  field: keyof ItemFields | null;
  /** One line naming what it is about, for the inbox. */
  title: string;
  options: ConflictOption[];
  /** The acts the choice settles, sorted: `conflict.resolved.acts` must name exactly these. */
  acts: string[];
}

export interface SetAsideAct {
  id: string;
  reason: string;
}

export interface ResolvedConflict {
  conflictId: string;
  kind: ConflictKind;
  choice: string;
  at: string;
  by: string;
  actId: string;
}

export function conflictKindOf(conflictId: string): ConflictKind | null {
  const k = conflictId.slice(0, conflictId.indexOf(':'));
  return k === 'isian' || k === 'hapus' || k === 'keputusan' || k === 'terlambat' ? k : null;
}

/** Which kind of work inside a step an act is, if it is work inside a step. */
export function editKindOf(b: EventBody): EditKind | null {
  switch (b.type) {
    case 'item.added':
    case 'item.updated':
    case 'item.removed':
    case 'item.attached':
    case 'item.detached':
      return 'items';
    case 'notaDinas.saved':
      return 'notaDinas';
    case 'review.marked':
      return 'review';
    case 'uji.recorded':
      return 'uji';
    case 'archive.filed':
      return 'archive';
    default:
      return null;
  }
}

/**
 * Where late work may be taken in: item edits while the list is still being gathered or
 * checked (taken at step 4 they make a new Konsep version, checked again), the other kinds
 * only at their own step. After signing, late work can only be set aside.
 */
export const TAKE_STEPS: Record<EditKind, readonly Step[]> = {
  items: ['identifikasi', 'nota_dinas', 'pengumpulan', 'pemeriksaan_ppid'],
  notaDinas: ['nota_dinas'],
  review: ['pemeriksaan_ppid'],
  uji: ['pemeriksaan_kepala'],
  archive: ['arsip', 'selesai'],
};

/** Who settles item conflicts at a step: the operator while items are edited, else the step's holder. */
export function itemConflictDecider(step: Step): Role {
  if (EDITS.items.steps.includes(step)) return EDITS.items.roles[0]!;
  return STEP_INFO[step].holder ?? EDITS.items.roles[0]!;
}

export function lateWorkDecider(step: Step): Role {
  return STEP_INFO[step].holder ?? 'kepala_opd';
}

export function actRef(e: CycleEvent, summary: string): ConflictActRef {
  return { id: e.id, at: e.at, by: e.actor.name, role: e.actor.role, installationId: e.installationId, summary };
}
