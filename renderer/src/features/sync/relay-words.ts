import { waitingToTrust, type RelayKeptKind, type RelayStatus } from '../../../../electron/core/domain/sync/relay';

/**
 * The relay's standing in words, for the top bar and Pengaturan (the core returns data only):
 * "Tersinkron 3 menit lalu", "12 tindakan menunggu dikirim", "Tidak terhubung — bekerja luring".
 */

export type RelayTone = 'ok' | 'busy' | 'waiting' | 'offline' | 'error';

/** "baru saja", "3 menit lalu", "2 jam lalu", "5 hari lalu". */
export function agoWords(at: string, now: Date): string {
  const min = Math.floor((now.getTime() - Date.parse(at)) / 60_000);
  if (min < 1) return 'baru saja';
  if (min < 60) return `${min} menit lalu`;
  const hours = Math.floor(min / 60);
  if (hours < 24) return `${hours} jam lalu`;
  return `${Math.floor(hours / 24)} hari lalu`;
}

/** When a retry comes, for people: "sebentar lagi", "dalam 4 menit", or the time when it is further off. */
export function retryWords(at: string, now: Date, far: (at: string) => string): string {
  const sec = (Date.parse(at) - now.getTime()) / 1000;
  if (sec < 60) return 'sebentar lagi';
  if (sec < 3600) return `dalam ${Math.round(sec / 60)} menit`;
  return far(at);
}

/** One line, or null when there is no relay to speak of. */
export function relayLine(s: RelayStatus, now: Date): { text: string; tone: RelayTone } | null {
  if (s.state === 'mati') return null;
  // Offline, what waits still matters: it is what the next connection will carry.
  const queued = s.waitingToSend > 0 ? ` · ${s.waitingToSend} tindakan menunggu dikirim` : '';
  if (s.state === 'luring') return { text: `Tidak terhubung — bekerja luring${queued}`, tone: 'offline' };
  if (s.state === 'galat') return { text: `Server relay bermasalah — bekerja luring${queued}`, tone: 'error' };
  if (s.state === 'menyinkronkan') return { text: 'Menyinkronkan…', tone: 'busy' };
  if (s.waitingToSend > 0) return { text: `${s.waitingToSend} tindakan menunggu dikirim`, tone: 'waiting' };
  if (!s.lastSyncAt) return { text: 'Belum pernah tersinkron', tone: 'waiting' };
  return { text: `Tersinkron ${agoWords(s.lastSyncAt, now)}`, tone: 'ok' };
}

export const KEPT_LABELS: Record<RelayKeptKind, string> = {
  'belum-dipercaya': 'dari perangkat yang belum dipercaya',
  menunggu: 'menunggu tindakan sebelumnya',
  ditolak: 'ditolak',
};

/** "4 tindakan dari relay ditahan: 3 dari perangkat yang belum dipercaya, 1 ditolak", or null. */
export function keptLine(s: RelayStatus): string | null {
  const parts: [number, RelayKeptKind][] = [
    [s.kept.belumDipercaya, 'belum-dipercaya'],
    [s.kept.menunggu, 'menunggu'],
    [s.kept.ditolak, 'ditolak'],
  ];
  const total = parts.reduce((n, [c]) => n + c, 0);
  if (!total) return null;
  return `${total} tindakan dari relay ditahan: ${parts
    .filter(([c]) => c > 0)
    .map(([c, k]) => `${c} ${KEPT_LABELS[k]}`)
    .join(', ')}`;
}

/** "1 laptop menunggu dipercaya", or null: for an administrator, who alone may trust one. */
export function trustLine(s: RelayStatus): string | null {
  const n = waitingToTrust(s);
  return n ? `${n} laptop menunggu dipercaya` : null;
}
