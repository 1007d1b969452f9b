/**
 * Shared folders (a network drive, a cloud drive's desktop folder, a Syncthing folder) that
 * carry packages with no clicks: what the screens show about them and the rules that need no
 * disk. The watcher is electron/core/sync/inbox-watcher.ts; what is done with a package found
 * there is electron/core/services/shared-folders.ts. See docs/architecture.md, "Shared folders".
 */

/**
 * What became of a file found in the inbox, once it was complete:
 * - `diterapkan`: applied on arrival, with nothing to decide;
 * - `diterima`: applied by a person (it waited, then someone pressed Terapkan);
 * - `sudah-diterima`: this laptop already had that package (it came by another way);
 * - `menunggu`: waits on Beranda for a person (a laptop to trust, or automatic apply is off);
 * - `ditolak`: refused (tampered, another office, a forged key…), nothing written;
 * - `rusak`: complete for a long time and still no whole zip: damaged in transit;
 * - `milik-sendiri`: this laptop's own package (one folder shared both ways);
 * - `diabaikan`: not for this inbox (an office package), or set aside by an administrator.
 */
export const INBOX_RESULTS = ['diterapkan', 'diterima', 'sudah-diterima', 'menunggu', 'ditolak', 'rusak', 'milik-sendiri', 'diabaikan'] as const;
export type InboxResult = (typeof INBOX_RESULTS)[number];

export const INBOX_RESULT_LABELS: Record<InboxResult, string> = {
  diterapkan: 'Diterapkan otomatis',
  diterima: 'Diterapkan',
  'sudah-diterima': 'Sudah ada',
  menunggu: 'Menunggu keputusan',
  ditolak: 'Ditolak',
  rusak: 'Rusak',
  'milik-sendiri': 'Kiriman laptop ini',
  diabaikan: 'Disisihkan',
};

/** Why a package waits for a person. */
export type WaitReason = 'perangkat-baru' | 'otomatis-mati';

export const WAIT_REASON_LABELS: Record<WaitReason, string> = {
  'perangkat-baru': 'Dari laptop yang belum dipercaya: administrator perlu memeriksa kode kuncinya.',
  'otomatis-mati': 'Penerapan otomatis dimatikan: periksa isinya lalu terapkan.',
};

/** The extension the inbox takes. Office packages share it; they are set aside, not applied. */
export const PACKAGE_EXTENSION = '.ppid';

/**
 * A name the inbox looks at: a `.ppid` file that is not hidden. Sync tools and this app write
 * under a hidden or other name and rename when done (Syncthing `.syncthing.*.tmp`, this app's
 * `.<name>.tmp`), so those are never read half-written; office temp files start with `~$`.
 */
export function isInboxName(name: string): boolean {
  return name.toLowerCase().endsWith(PACKAGE_EXTENSION) && !name.startsWith('.') && !name.startsWith('~') && name.length > PACKAGE_EXTENSION.length;
}

/** Letters, digits and dashes only: safe on Windows, on a FAT flash drive and in a chat. */
const safe = (s: string) => s.replace(/[^A-Za-z0-9-]+/g, '-').replace(/-+/g, '-').replace(/^-|-$/g, '');

/**
 * The name a package gets in the outbox: the name it was sent under, plus the sending laptop
 * and its package number. Several laptops write into one shared folder, often the same day and
 * the same step: without them two packages would want one name, and nobody's file is replaced.
 * "DIP-2027_langkah-4_untuk-PPID-Pembantu_2027-01-14_Laptop-Operator-7.ppid".
 */
export function outboxFileName(fileName: string, laptopName: string, seq: number): string {
  const stem = fileName.toLowerCase().endsWith(PACKAGE_EXTENSION) ? fileName.slice(0, -PACKAGE_EXTENSION.length) : fileName;
  const laptop = safe(laptopName).slice(0, 40) || 'Laptop';
  return `${stem}_${laptop}-${seq}${PACKAGE_EXTENSION}`;
}

/** Pengaturan › Perangkat › Folder bersama. Paths belong to this machine, not to the office. */
export interface SharedFoldersSettingsView {
  outbox: string | null;
  inbox: string | null;
  autoApply: boolean;
}

/** A file of the inbox and what became of it, as the screens show it. */
export interface InboxEventView {
  name: string;
  result: InboxResult;
  /** One sentence in Indonesian: what happened, and for a refusal, why. */
  message: string;
  at: string;
  sender: string | null;
  packageId: string | null;
}

/** A package that waits on Beranda for a person. */
export interface InboxWaitingView {
  name: string;
  packageId: string;
  seq: number;
  sender: string;
  createdAt: string;
  reason: WaitReason;
  /** "DIP 2027: Langkah 3 → Langkah 4", or the cycle's title. */
  cycles: string[];
  at: string;
}

export interface SharedFoldersStatus extends SharedFoldersSettingsView {
  /** An inbox or an outbox is set. */
  configured: boolean;
  /** When the inbox was last looked at (this session), core clock. */
  lastPollAt: string | null;
  /** The inbox cannot be read now (a network drive away, a folder removed). */
  inboxError: string | null;
  /** The last package that could not be written to the outbox, until the next one is. */
  outboxError: { at: string; message: string } | null;
  /** Files seen that are not complete yet (still being copied). */
  copying: number;
  waiting: InboxWaitingView[];
  /** Applied on arrival during today's office day, and the time of the latest. */
  appliedToday: { count: number; lastAt: string | null };
  /** Refused or damaged files handled today. */
  refusedToday: number;
  /** The latest noteworthy files, newest first. */
  recent: InboxEventView[];
  /** The latest packages written to the outbox, newest first. */
  sent: { packageId: string; file: string; at: string }[];
}
