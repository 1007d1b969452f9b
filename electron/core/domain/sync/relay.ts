import { z } from 'zod';

/**
 * The relay server (issue 14): a plain Apache CouchDB 3 database that carries the office's
 * signed acts between laptops when a network exists. What an administrator sets, what the
 * screens show, and the rules that need no Node (the renderer checks the same address rule
 * before sending). The client and the sync rounds are electron/core/relay.
 */

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);

/** Why an address cannot be a relay, in words; null when it can. TLS is required for any host but this computer. */
export function relayUrlProblem(text: string): string | null {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return 'Alamat server relay tidak sah. Contoh: https://relay.kapuashulukab.go.id';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'Alamat server relay harus diawali https://.';
  if (url.username || url.password) return 'Jangan menulis nama pengguna atau kata sandi di alamat; isi kolomnya masing-masing.';
  if (url.search || url.hash) return 'Alamat server relay tidak boleh memuat "?" atau "#".';
  if (url.protocol === 'http:' && !LOOPBACK.has(url.hostname)) {
    return 'Server relay di luar komputer ini harus memakai https:// (TLS), agar kata sandi dan isi tindakan tidak dapat disadap di jaringan.';
  }
  return null;
}

/** CouchDB's own rule for database names. */
export const RELAY_DATABASE_RE = /^[a-z][a-z0-9_$()+/-]{0,237}$/;

export const relayConfigSchema = z.object({
  url: z.string().nullable(),
  database: z.string().nullable(),
  username: z.string().nullable(),
  enabled: z.boolean(),
});
export type RelayConfig = z.infer<typeof relayConfigSchema>;

export const relaySetSchema = z
  .object({
    url: z
      .string()
      .trim()
      .min(1, 'Isi alamat server relay.')
      .max(500, 'Alamat server relay terlalu panjang.')
      .superRefine((v, ctx) => {
        const problem = relayUrlProblem(v);
        if (problem) ctx.addIssue({ code: 'custom', message: problem });
      })
      .transform((v) => v.replace(/\/+$/, '')),
    database: z
      .string()
      .trim()
      .regex(RELAY_DATABASE_RE, 'Nama basis data relay: huruf kecil, angka dan _ $ ( ) + - /, diawali huruf (mis. ppid-kapuashulu).'),
    username: z.string().trim().min(1, 'Isi nama pengguna relay untuk laptop ini.').max(200, 'Nama pengguna relay terlalu panjang.'),
    /** null keeps the password already stored. */
    password: z.string().min(1, 'Isi kata sandi relay.').max(500, 'Kata sandi relay terlalu panjang.').nullable(),
    enabled: z.boolean(),
  })
  .strict();

export interface RelayConfigView {
  url: string | null;
  database: string | null;
  username: string | null;
  enabled: boolean;
  hasPassword: boolean;
  /** How the password is protected on this computer: by the operating system, or only by the file's permission. */
  protection: 'sistem' | 'berkas';
}

/** Acts pulled from the relay and not applied, by why. */
export const KEPT_KINDS = ['belum-dipercaya', 'menunggu', 'ditolak'] as const;
export type RelayKeptKind = (typeof KEPT_KINDS)[number];

export interface RelayKeptView {
  kind: RelayKeptKind;
  cycleId: string;
  cycleTitle: string | null;
  actId: string | null;
  /** Who made it, as the act says (a name is not trust: it is shown to be checked). */
  installationId: string | null;
  reason: string;
  /** At the PPID Utama: the OPD whose act it is (its register name, else its card's). */
  officeName?: string | null;
}

/**
 * Where the relay stands, as data: the top bar and Pengaturan word it ("Tersinkron 3 menit
 * lalu", "12 tindakan menunggu dikirim", "Tidak terhubung — bekerja luring").
 */
export interface RelayStatus {
  /** `mati`: no relay set, or switched off. `luring`: the server cannot be reached. `galat`: it answered but refused (credentials, database). */
  state: 'mati' | 'menyinkronkan' | 'tersinkron' | 'luring' | 'galat' | 'menunggu';
  lastSyncAt: string | null;
  /** This laptop's acts not yet on the relay. */
  waitingToSend: number;
  lastError: string | null;
  /** When the next try is due after a failure (back-off), or the next regular round. */
  nextTryAt: string | null;
  kept: { belumDipercaya: number; menunggu: number; ditolak: number; acts: RelayKeptView[] };
}
