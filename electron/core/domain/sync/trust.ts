import { z } from 'zod';
import { ROLES, type Role } from '../roles';

/**
 * Installations and the trust between them (issue 11): pure rules and schemas, shared by the
 * trust store (trust.json), the contract and, later, the check of received acts.
 */

/**
 * An Ed25519 public key as base64 of its raw 32 bytes. 32 bytes are 43 base64 characters
 * and one "=": the last character carries 4 key bits and 2 zero padding bits, so only 16 of
 * the 64 letters can stand there. Checking that here keeps one key from having several
 * spellings (which would slip past "this key is already trusted") without needing Buffer.
 */
export const PUBLIC_KEY_RE = /^[A-Za-z0-9+/]{42}[AEIMQUYcgkosw048]=$/;

export const publicKeySchema = z
  .string({ error: 'Kunci publik wajib diisi.' })
  .trim()
  .regex(PUBLIC_KEY_RE, 'Kunci publik tidak sah: harus 32 bita kunci Ed25519 dalam base64 (44 karakter).');

export const deviceNameSchema = z
  .string({ error: 'Nama perangkat wajib diisi.' })
  .trim()
  .min(1, 'Nama perangkat wajib diisi.')
  .max(80, 'Nama perangkat terlalu panjang (maksimal 80 karakter).');

/** Installation ids are the UUIDs of app.json; any id-shaped text is accepted from other versions. */
export const installationIdSchema = z
  .string({ error: 'Pengenal perangkat wajib diisi.' })
  .trim()
  .regex(/^[A-Za-z0-9_-]{6,64}$/, 'Pengenal perangkat tidak sah.');

export const trustRolesSchema = z
  .array(z.enum(ROLES, { error: 'Peran tidak dikenal.' }), { error: 'Pilih peran yang boleh dibawa perangkat ini.' })
  .min(1, 'Pilih sedikitnya satu peran yang boleh dibawa perangkat ini.')
  .max(ROLES.length, 'Peran yang sama dipilih lebih dari sekali.')
  .refine((roles) => new Set(roles).size === roles.length, 'Peran yang sama dipilih lebih dari sekali.')
  // One order everywhere, so that the same set of roles is the same value in files and in the history.
  .transform((roles) => ROLES.filter((r) => roles.includes(r)));

/**
 * How a trusted installation became known: with the office package at joining, from a received
 * package, or as this laptop's own earlier identity, retired when its data was restored from a
 * backup (its acts from before the restore come back in others' packages and must still verify),
 * or from its signed card on the relay (issue 14), its code compared by phone first.
 */
export const TRUST_SOURCES = ['kantor', 'paket', 'pulih', 'relay'] as const;
export type TrustSource = (typeof TRUST_SOURCES)[number];

export const TRUST_SOURCE_LABELS: Record<TrustSource, string> = {
  kantor: 'Paket kantor',
  paket: 'Paket kiriman',
  pulih: 'Identitas lama (pemulihan)',
  relay: 'Kartu di server relay',
};

export const trustedInstallationSchema = z.object({
  installationId: z.string().min(1),
  name: z.string(),
  publicKey: z.string().regex(PUBLIC_KEY_RE),
  roles: z.array(z.enum(ROLES)).min(1),
  addedAt: z.string(),
  /** User name of the administrator who trusted it. */
  addedBy: z.string(),
  source: z.enum(TRUST_SOURCES),
  /** Set when trust was revoked: acts it signed before stay history, new packages from it are refused. */
  revokedAt: z.string().nullable(),
  /**
   * Keys this installation held before it was revoked and trusted again (a reinstalled laptop
   * keeping its id): acts signed with them earlier still verify as history.
   */
  previousKeys: z.array(z.object({ publicKey: z.string().regex(PUBLIC_KEY_RE), revokedAt: z.string() })).default([]),
});
export type TrustedInstallation = z.infer<typeof trustedInstallationSchema>;

/** What a person enters (or a package proposes) to trust an installation. */
export const trustInputSchema = z.object({
  installationId: installationIdSchema,
  name: deviceNameSchema,
  publicKey: publicKeySchema,
  roles: trustRolesSchema,
});
export type TrustInput = z.input<typeof trustInputSchema>;

/**
 * May an act carrying `role` come from this installation now? A revoked installation carries
 * nothing new. (Acts already in the log before the revocation are history and are not re-judged.)
 */
export function mayCarry(entry: Pick<TrustedInstallation, 'roles' | 'revokedAt'> | null | undefined, role: Role): boolean {
  return !!entry && entry.revokedAt === null && entry.roles.includes(role);
}

// ---- what the screens get ----

export interface DeviceSelfView {
  installationId: string;
  /** This laptop's name as other installations will see it. */
  name: string;
  publicKey: string;
  /** 20 digits in 5 groups of 4, read aloud over the phone. */
  fingerprint: string;
}

export interface TrustedDeviceView {
  installationId: string;
  name: string;
  publicKey: string;
  fingerprint: string;
  roles: Role[];
  source: TrustSource;
  addedAt: string;
  addedBy: string;
  revokedAt: string | null;
}
