import type { Role } from '../roles';

/**
 * The SOP "Pendokumentasian Informasi Publik" as data: six steps, who holds each, its time
 * standard, and the transitions between them. Everything else — the current state, what
 * may be done now, lateness — is computed from the log of acts by pure functions.
 */
export const STEPS = ['identifikasi', 'nota_dinas', 'pengumpulan', 'pemeriksaan_ppid', 'pemeriksaan_kepala', 'arsip', 'selesai'] as const;
export type Step = (typeof STEPS)[number];

export interface StepInfo {
  no: number;
  label: string;
  holder: Role | null;
  /** The SOP's time standard in minutes; null where it sets none. */
  standardMinutes: number | null;
  standardLabel: string;
  output: string;
}

export const STEP_INFO: Record<Step, StepInfo> = {
  identifikasi: { no: 1, label: 'Identifikasi informasi', holder: 'operator', standardMinutes: 24 * 60, standardLabel: '1 hari', output: 'Tersedianya data' },
  nota_dinas: { no: 2, label: 'Nota Dinas', holder: 'ppid_pembantu', standardMinutes: 15, standardLabel: '15 menit', output: 'Nota Dinas' },
  pengumpulan: { no: 3, label: 'Pengumpulan & klasifikasi', holder: 'operator', standardMinutes: 24 * 60, standardLabel: '1 hari', output: 'Konsep Daftar Informasi Publik' },
  pemeriksaan_ppid: { no: 4, label: 'Pemeriksaan PPID Pembantu', holder: 'ppid_pembantu', standardMinutes: 15, standardLabel: '15 menit', output: 'Draft Daftar Informasi Publik' },
  pemeriksaan_kepala: { no: 5, label: 'Pemeriksaan Kepala OPD', holder: 'kepala_opd', standardMinutes: 15, standardLabel: '15 menit', output: 'Daftar Informasi Publik (ditandatangani)' },
  arsip: { no: 6, label: 'Arsip DIK', holder: 'kepala_opd', standardMinutes: null, standardLabel: '—', output: 'Daftar Informasi yang Dikecualikan diarsipkan' },
  selesai: { no: 7, label: 'Selesai', holder: null, standardMinutes: null, standardLabel: '—', output: '' },
};

export const ACTIONS = ['report', 'issueNotaDinas', 'submitKonsep', 'approve', 'return', 'archive'] as const;
export type Action = (typeof ACTIONS)[number];

export type Guard = 'hasItems' | 'notaDinasComplete' | 'itemsComplete' | 'allReviewedOk' | 'ujiRecordedIfExempt' | 'noOpenConflicts';

export interface Transition {
  step: Step;
  action: Action;
  next: Step;
  roles: readonly Role[];
  guards: readonly Guard[];
  reasonRequired: boolean;
  label: string;
  /** The document this act brings into being. */
  produces: string | null;
}

export const TRANSITIONS: readonly Transition[] = [
  { step: 'identifikasi', action: 'report', next: 'nota_dinas', roles: ['operator'], guards: ['hasItems', 'noOpenConflicts'], reasonRequired: false, label: 'Laporkan ke Ketua PPID', produces: null },
  { step: 'nota_dinas', action: 'issueNotaDinas', next: 'pengumpulan', roles: ['ppid_pembantu'], guards: ['notaDinasComplete', 'noOpenConflicts'], reasonRequired: false, label: 'Terbitkan Nota Dinas', produces: 'Nota Dinas' },
  { step: 'pengumpulan', action: 'submitKonsep', next: 'pemeriksaan_ppid', roles: ['operator'], guards: ['hasItems', 'itemsComplete', 'noOpenConflicts'], reasonRequired: false, label: 'Kirim Konsep', produces: 'Konsep Daftar Informasi Publik' },
  { step: 'pemeriksaan_ppid', action: 'approve', next: 'pemeriksaan_kepala', roles: ['ppid_pembantu'], guards: ['allReviewedOk', 'noOpenConflicts'], reasonRequired: false, label: 'Setujui, teruskan ke Kepala OPD', produces: 'Draft Daftar Informasi Publik' },
  { step: 'pemeriksaan_ppid', action: 'return', next: 'pengumpulan', roles: ['ppid_pembantu'], guards: [], reasonRequired: true, label: 'Kembalikan ke petugas', produces: null },
  { step: 'pemeriksaan_kepala', action: 'approve', next: 'arsip', roles: ['kepala_opd'], guards: ['ujiRecordedIfExempt', 'noOpenConflicts'], reasonRequired: false, label: 'Setujui dan tandatangani', produces: 'Daftar Informasi Publik' },
  { step: 'pemeriksaan_kepala', action: 'return', next: 'pemeriksaan_ppid', roles: ['kepala_opd'], guards: [], reasonRequired: true, label: 'Kembalikan ke PPID Pembantu', produces: null },
  { step: 'arsip', action: 'archive', next: 'selesai', roles: ['kepala_opd'], guards: ['noOpenConflicts'], reasonRequired: false, label: 'Catat arsip DIK', produces: 'Daftar Informasi yang Dikecualikan (arsip)' },
];

/** Work inside a step that does not move the cycle on. */
export const EDITS = {
  items: { steps: ['identifikasi', 'pengumpulan'] as Step[], roles: ['operator'] as Role[], label: 'mengubah daftar informasi' },
  notaDinas: { steps: ['nota_dinas'] as Step[], roles: ['ppid_pembantu'] as Role[], label: 'menyusun Nota Dinas' },
  review: { steps: ['pemeriksaan_ppid'] as Step[], roles: ['ppid_pembantu'] as Role[], label: 'memeriksa Konsep' },
  uji: { steps: ['pemeriksaan_kepala'] as Step[], roles: ['kepala_opd'] as Role[], label: 'mencatat uji konsekuensi' },
  /** Scans of the signed paper, filed once it is signed (step 6 keeps the signed lists as archive). */
  archive: { steps: ['arsip', 'selesai'] as Step[], roles: ['operator', 'ppid_pembantu', 'kepala_opd'] as Role[], label: 'mengarsipkan pindaian dokumen bertanda tangan' },
} as const;
export type EditKind = keyof typeof EDITS;
