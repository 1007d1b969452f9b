import { z } from 'zod';
import type { Role } from '../roles';
import { installationIdSchema, publicKeySchema, trustRolesSchema } from './trust';

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

/** relay.json's format: files written before it was numbered are version 1. */
export const RELAY_CONFIG_VERSION = 1;

export const relayConfigSchema = z.object({
  v: z.literal(RELAY_CONFIG_VERSION).default(RELAY_CONFIG_VERSION),
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
  /** Acts the relay brought and this laptop applied since the app started: screens showing cycles read them again when it grows. */
  received: number;
  kept: { belumDipercaya: number; menunggu: number; ditolak: number; acts: RelayKeptView[] };
  /**
   * Laptops known here only through the relay: those whose acts are held as not trusted, and
   * those of this office whose card names a key this laptop does not trust. Trusted with
   * relay.trustDevice once a person has compared the code by phone.
   */
  devices: RelayWaitingDevice[];
  /** Card documents on the relay that did not check (changed on the server, unsigned, malformed): named, never used. */
  cardsRefused: RelayRefusedCard[];
}

/** One laptop's card, as it claims: nothing here is trusted until a person compares the code. */
export interface RelayDeviceClaim {
  name: string;
  publicKey: string;
  /** publicKeyFingerprint: 20 digits in 5 groups, read aloud over the phone. */
  fingerprint: string;
  officeId: string;
  officeName: string;
  /** Its card names this laptop's office. Only such a laptop can be trusted here. */
  sameOffice: boolean;
  /** Laptops this one trusts whose own cards list this laptop with this very key ("dikenal oleh Laptop Kepala"). */
  knownBy: string[];
  /** When the card was made (the laptop's own clock). */
  at: string;
}

export interface RelayWaitingDevice {
  installationId: string;
  /** Its acts pulled and held because it is not trusted. */
  actsWaiting: number;
  /** The roles those acts were made in: what trusting it would have to allow. */
  roles: Role[];
  /** Its cards, one per key (two keys for one installation: a reinstalled laptop, or a forgery). None yet: it cannot be trusted from here. */
  claims: RelayDeviceClaim[];
  /** Already trusted under another key: a card with a new key is a second claim, never a replacement. */
  trustedAs: { name: string; fingerprint: string } | null;
}

export interface RelayRefusedCard {
  docId: string;
  /** The name the document claims, when it could be read at all. */
  name: string | null;
  reason: string;
}

/** Laptops waiting for a person's trust (a second claim on a trusted laptop is shown, not counted). */
export const waitingToTrust = (s: Pick<RelayStatus, 'devices'>) => s.devices.filter((d) => !d.trustedAs).length;

/** Trusting a laptop by its card on the relay: the card must name exactly this key. */
export const relayTrustSchema = z
  .object({
    installationId: installationIdSchema,
    publicKey: publicKeySchema,
    roles: trustRolesSchema,
  })
  .strict();
