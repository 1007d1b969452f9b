import type { ItemProblem } from './information';
import type { Role } from './roles';
import type { TimelineEntry } from './timeline';
import type { AvailableAction, CycleState, OpenConflict, EditKind, FieldChange, ItemState, NotaDinasDraft, ReviewMark, StepInfo, Timing } from './workflow';

/** What the cycle screens receive: plain JSON built by the core from the folded log. */
export interface CycleSummary {
  id: string;
  title: string;
  year: number;
  step: CycleState['step'];
  stepNo: number;
  stepLabel: string;
  holderRole: Role | null;
  holderRoleLabel: string;
  holderNames: string[];
  timing: Timing;
  /** Classified items that go in the DIP. */
  itemCount: number;
  exemptCount: number;
  /** Items not yet classified: in neither count. */
  unclassifiedCount: number;
  updatedAt: string;
  waitingForMe: boolean;
  /** Conflicts from other laptops' work waiting for a choice (the cycle shows that it has one). */
  openConflicts: number;
  signed: { at: string; by: string } | null;
}

export interface ItemView extends ItemState {
  problems: ItemProblem[];
  /** The mark of the round under review. */
  review: ReviewMark | null;
  /** The mark of an earlier round and what changed since, field by field; null if never judged. */
  sinceReview: { version: number; verdict: ReviewMark['verdict']; note: string; changes: FieldChange[] } | null;
  flaggedNote: string | null;
  /** Flagged in the last return and changed since: waiting for the PPID Pembantu's check. */
  fixed: boolean;
  /** Attachments recorded (an act received) whose bytes have not reached this laptop yet: "belum diterima". */
  notReceived: string[];
}

export interface CycleView extends CycleSummary {
  stepInfo: StepInfo;
  carriedFrom: string | null;
  createdAt: string;
  items: ItemView[];
  removedItems: ItemState[];
  notaDinas: { draft: NotaDinasDraft; saved: boolean; number: string | null; date: string | null; problems: string[] };
  version: number;
  returns: CycleState['returns'];
  archived: CycleState['archived'];
  ujiKonsekuensi: CycleState['ujiKonsekuensi'];
  visits: CycleState['visits'];
  actions: AvailableAction[];
  /** Conflicts from concurrent work on other laptops, waiting for the role that decides each. */
  conflicts: OpenConflict[];
  /** Acts kept in the log but not applied (a decision not chosen, late work set aside). */
  setAside: CycleState['setAside'];
  can: Record<EditKind, boolean>;
  bidangProgress: { bidang: string; total: number; complete: number }[];
  timeline: TimelineEntry[];
}


/** What "Setujui dan tandatangani" signs: each list, its rows and the fingerprint code its signing act will store. */
export interface SigningPreview {
  /** The signing moment the fingerprints were computed with; sent back when signing. */
  at: string;
  signedBy: string;
  version: number;
  dip: { count: number; short: string };
  dik: { count: number; short: string };
}
