import type { Role } from '../roles';
import type { Step } from '../workflow/sop';
import type { Recipient } from './package-name';

/** How this laptop stands to an installation whose acts or signature a package carries. */
export type SignerTrust = 'sendiri' | 'dipercaya' | 'baru' | 'dicabut';

export interface SignerView {
  installationId: string;
  name: string;
  fingerprint: string;
  trust: SignerTrust;
  /** Roles it may carry here (trusted), or [] when unknown. */
  roles: Role[];
  /** Roles its new acts in this package carry: what trusting it must allow. */
  rolesUsed: Role[];
  /** The package's own signer (the sender), as opposed to an installation whose acts it forwards. */
  sender: boolean;
  /**
   * Names (as known here) of the identities this installation says it replaces: a laptop
   * restored from a backup takes a new key and lists its old one. Only what the package says:
   * trusting it is still the administrator's decision, by the key's code.
   */
  replaces?: string[];
}

export interface CyclePreview {
  id: string;
  title: string;
  year: number;
  status: 'baru' | 'diperbarui' | 'sama';
  stepBefore: Step | null;
  stepAfter: Step;
  /** "DIP 2027: Langkah 3 → Langkah 4". */
  movement: string | null;
  newActs: number;
  itemsAdded: string[];
  itemsChanged: string[];
  itemsRemoved: string[];
  /** Conflicts that receiving it opens, by their title. */
  newConflicts: string[];
}

export interface PackagePreview {
  previewId: string;
  fileName: string;
  packageId: string;
  kind: 'siklus';
  sender: { installationId: string; name: string; fingerprint: string };
  seq: number;
  createdAt: string;
  to: { role: Recipient | null; note: string };
  signers: SignerView[];
  cycles: CyclePreview[];
  attachments: { inPackage: number; new: number; missing: number };
  /** "Paket 4–5 dari Laptop Operator belum diterima": earlier packages of this sender not seen. */
  gaps: string[];
  /** Received before (same package id): applying changes nothing. */
  alreadyReceived: boolean;
  /** Nothing new in it (an older or repeated package). */
  nothingNew: boolean;
  /** Whether the acting user may trust new installations (administrators only). */
  canTrust: boolean;
}

export interface AppliedPackage {
  packageId: string;
  cycles: { id: string; title: string; newActs: number; merged: boolean; conflicts: number }[];
  trusted: string[];
  attachmentsStored: number;
}

export interface PackageRecordView {
  direction: 'kirim' | 'terima';
  packageId: string;
  seq: number;
  at: string;
  peer: { installationId: string; name: string } | null;
  to: Recipient | null;
  fileName: string;
  cycles: { id: string; title: string; step: Step }[];
  bytes: number;
  sha256: string;
  newActs: number | null;
  /** Sent packages: whether a later package from another laptop said it arrived, and where. */
  acknowledgedBy: string[];
}

/** Names runs of missing package numbers: [4,5] → "Paket 4–5 dari Laptop Operator belum diterima." */
export function describeGaps(missing: readonly number[], senderName: string, recipientLabel: string | null = null): string[] {
  const sorted = [...new Set(missing)].sort((a, b) => a - b);
  const runs: [number, number][] = [];
  for (const n of sorted) {
    const last = runs.at(-1);
    if (last && n === last[1] + 1) last[1] = n;
    else runs.push([n, n]);
  }
  const forWhom = recipientLabel ? ` untuk ${recipientLabel}` : '';
  return runs.map(([a, b]) => `Paket ${a === b ? a : `${a}–${b}`}${forWhom} dari ${senderName} belum diterima.`);
}
