import type { ReactNode } from 'react';
import type { SettingsView } from '../../../electron/core/contract';
import type { NotaDinasDraft } from '../../../electron/core/domain/workflow';
import type { DocumentCycle } from '../../../electron/core/domain/document-views';
import type { PrintedFingerprint } from '../../../electron/core/domain/document-views';
import type { ListState } from '../../../electron/core/domain/document-views';
import type { DocumentKind, RegencyDocumentKind } from '../../../electron/core/domain/document-views';
import type { RegencyInput } from '../../../electron/core/documents/shared/regency';
import type { PageBox, PageFrame } from './page-setup';
import type { Theme } from './texts';

export type { DocumentKind, RegencyDocumentKind };

/**
 * The part of a cycle the print views read: what the DOCX builders read (DocumentCycle), with
 * the Nota Dinas draft always there (the core fills in its suggestion, as CycleView has it).
 */
export type PrintCycle = Pick<DocumentCycle, 'id' | 'title' | 'year' | 'step' | 'items' | 'version' | 'signed' | 'ujiKonsekuensi'> & {
  notaDinas: { draft: NotaDinasDraft; number: string | null; date: string | null };
};

export interface PrintInput {
  cycle: PrintCycle;
  settings: SettingsView;
  /** The day printed on documents not yet dated by an act (as the DOCX's ctx.now). */
  now: Date;
  /** From `documents.fingerprints`; null before signing. */
  fingerprints: { dip: PrintedFingerprint | null; dik: PrintedFingerprint | null } | null;
}

/**
 * What the regency's print views read (PPID Utama mode), as documents/docx/parts/regency.ts
 * RegencyContext: every OPD's lists, the PPID Utama's own settings (kop, paper), and once the
 * PPID Utama signed, the consolidated lists' fingerprints from the core.
 */
export interface RegencyPrintInput {
  regency: RegencyInput;
  settings: SettingsView;
  now: Date;
  fingerprints: { dip: PrintedFingerprint | null; dik: PrintedFingerprint | null } | null;
}

/** One document laid out: its page, what every page's margins carry, and its sheets. */
export interface PrintSpec {
  kind: DocumentKind | RegencyDocumentKind;
  title: string;
  state: ListState | null;
  box: PageBox;
  frame: PageFrame;
  theme: Theme;
  /** Each starts on a new page (the uji konsekuensi has one per exempt item). */
  sheets: ReactNode[];
}

/** Route slugs, as the address bar shows them: `#/cetak/<cycleId>/<slug>`. */
export const KIND_SLUGS: Record<DocumentKind, string> = {
  notaDinas: 'nota-dinas',
  dip: 'dip',
  dik: 'dik',
  ujiKonsekuensi: 'uji-konsekuensi',
};

export function kindFromSlug(slug: string | undefined): DocumentKind | null {
  const found = (Object.entries(KIND_SLUGS) as [DocumentKind, string][]).find(([, s]) => s === slug);
  return found ? found[0] : null;
}

export function printPath(cycleId: string, kind: DocumentKind): string {
  return `/cetak/${encodeURIComponent(cycleId)}/${KIND_SLUGS[kind]}`;
}

export const DOCUMENT_TITLES: Record<DocumentKind, string> = {
  notaDinas: 'Nota Dinas',
  dip: 'Daftar Informasi Publik',
  dik: 'Daftar Informasi yang Dikecualikan',
  ujiKonsekuensi: 'Lembar Uji Konsekuensi',
};

/** The regency's documents (PPID Utama mode) as the address bar shows them: `#/cetak-kabupaten/<year>/<slug>`. */
export const REGENCY_KIND_SLUGS: Record<RegencyDocumentKind, string> = {
  regencyDip: 'dip-kabupaten',
  regencyDik: 'dik-kabupaten',
  compliance: 'laporan-kepatuhan',
};

export function regencyKindFromSlug(slug: string | undefined): RegencyDocumentKind | null {
  const found = (Object.entries(REGENCY_KIND_SLUGS) as [RegencyDocumentKind, string][]).find(([, s]) => s === slug);
  return found ? found[0] : null;
}

export function regencyPrintPath(year: number, kind: RegencyDocumentKind): string {
  return `/cetak-kabupaten/${year}/${REGENCY_KIND_SLUGS[kind]}`;
}

export const REGENCY_DOCUMENT_TITLES: Record<RegencyDocumentKind, string> = {
  regencyDip: 'Daftar Informasi Publik Kabupaten',
  regencyDik: 'Daftar Informasi yang Dikecualikan Kabupaten',
  compliance: 'Laporan Kepatuhan PPID Pembantu',
};
