/**
 * Backups of the whole data folder (`.ppidbackup`): what the screens show about them and the
 * rules that need no disk. The file format is electron/core/backup/backup-file.ts; making,
 * restoring and the automatic copy are electron/core/services/backup.ts and app-core.ts.
 */

export const BACKUP_EXTENSION = '.ppidbackup';

/** How many automatic backups the chosen folder keeps, unless the administrator says otherwise. */
export const DEFAULT_AUTO_KEEP = 7;
export const MAX_AUTO_KEEP = 60;

/** Past this age the newest backup is called old: Beranda (administrators) and Pengaturan warn. */
export const BACKUP_STALE_DAYS = 7;
const DAY_MS = 86_400_000;

/** Letters, digits and dashes only: safe on Windows, on a FAT flash drive and in a chat. */
const safe = (s: string) => s.replace(/[^A-Za-z0-9-]+/g, '-').replace(/-+/g, '-').replace(/^-|-$/g, '');

/**
 * "PPID-Desk-Cadangan-Diskominfotik-2026-03-02.ppidbackup". The word Cadangan and the
 * extension tell it apart from an exchange package (.ppid) at a glance: a backup holds
 * accounts and password hashes and must never be sent around like one. `date` is the office
 * day (YYYY-MM-DD); `time` (HHmm) is added to a backup made by hand, so two on one day do not
 * overwrite each other.
 */
export function backupFileName(unitCode: string, date: string, time?: string, suffix?: string): string {
  const parts = ['PPID-Desk-Cadangan', safe(unitCode) || 'Kantor', date];
  if (time) parts.push(time);
  if (suffix) parts.push(safe(suffix));
  return `${parts.join('-')}${BACKUP_EXTENSION}`;
}

/** By hand (Cadangkan semua data) or automatic. The copy taken before a restore is told apart: it is the data as it was, not as it is. */
export type BackupKind = 'manual' | 'otomatis';

export const BACKUP_KIND_LABELS: Record<BackupKind, string> = {
  manual: 'dibuat oleh administrator',
  otomatis: 'otomatis',
};

export interface BackupRecordView {
  at: string;
  kind: BackupKind;
  fileName: string;
  /** Where it was written; null when the browser downloaded it (the browser knows where). */
  savedTo: string | null;
  bytes: number;
}

/** `baik`: a backup from the last week; `lama`: older; `belum`: none yet. */
export type BackupFreshness = 'baik' | 'lama' | 'belum';

export function backupFreshness(lastAt: string | null, now: Date): BackupFreshness {
  if (!lastAt) return 'belum';
  return now.getTime() - Date.parse(lastAt) > BACKUP_STALE_DAYS * DAY_MS ? 'lama' : 'baik';
}

/**
 * Whether the screens should warn. A backup older than a week, always; none at all, once the
 * installation is older than a week (the first days of a new office are not an emergency).
 */
export function backupWarning(lastAt: string | null, installedAt: string, now: Date): boolean {
  const f = backupFreshness(lastAt, now);
  return f === 'lama' || (f === 'belum' && now.getTime() - Date.parse(installedAt) > BACKUP_STALE_DAYS * DAY_MS);
}

export interface BackupStatus {
  /** The newest backup of this data, by hand or automatic. */
  last: BackupRecordView | null;
  lastAuto: BackupRecordView | null;
  freshness: BackupFreshness;
  warn: boolean;
  auto: {
    folder: string | null;
    keep: number;
    /** The last automatic backup that failed (folder gone, flash drive not plugged in, disk full). */
    lastError: { at: string; message: string } | null;
  };
  lastRestore: { at: string; fileName: string; backupCreatedAt: string; safetyFolder: string; safetyFile: string | null; by: string } | null;
  dataDir: string;
}

export interface BackupSettingsView {
  folder: string | null;
  keep: number;
}

/** What "Pulihkan dari cadangan" shows before anything is changed. */
export interface BackupPreview {
  previewId: string;
  fileName: string;
  createdAt: string;
  appVersion: string;
  office: { pemda: string; opdName: string; unitCode: string } | null;
  /** Files in the backup and their total size. */
  files: number;
  bytes: number;
  cycles: { count: number; titles: string[] };
  latestAct: { at: string; cycleTitle: string } | null;
  accounts: number;
  sameInstallation: boolean;
  sameOffice: boolean;
  /** The data now on this laptop, to compare with. */
  current: { cycles: number; latestAct: { at: string; cycleTitle: string } | null };
  /** Plain sentences for the administrator, most important first. */
  warnings: string[];
}

export interface BackupMade {
  fileName: string;
  /** The backup, when the browser downloads it; null when it was saved through the desktop dialog. */
  base64: string | null;
  savedTo: string | null;
  bytes: number;
  files: number;
  createdAt: string;
}

export interface BackupRestored {
  restoredFrom: string;
  backupCreatedAt: string;
  /** Inside the data folder: everything that was there before, moved aside whole. */
  safetyFolder: string;
  /** The backup of the data as it was just before, restorable like any other. */
  safetyFile: string | null;
  /** Nota Dinas numbers and package numbers carried over so none is issued twice. */
  carried: { notaDinas: Record<string, number>; packageSeq: number | null };
  /** The new identity the restored laptop took (its new key's code, for the other laptops' administrators), or null if none was made. */
  newDevice: { name: string; fingerprint: string } | null;
}

/** Said whenever a backup is made: what it contains and why it is not sent around. */
export const BACKUP_CONTENT_WARNING =
  'Berkas cadangan memuat seluruh data aplikasi, termasuk akun pengguna dan sandi (dalam bentuk hash) serta kunci perangkat ini. ' +
  'Simpan di tempat aman (misalnya flashdisk khusus cadangan) dan jangan dikirim lewat WhatsApp atau surel. ' +
  'Untuk mengirim pekerjaan ke laptop lain, pakai paket kiriman (.ppid).';
