import { promises as fs } from 'node:fs';
import { Low } from 'lowdb';
import { z } from 'zod';
import type { Clock } from '../clock';
import {
  deviceNameSchema,
  trustedInstallationSchema,
  trustInputSchema,
  trustRolesSchema,
  type TrustedInstallation,
  type TrustInput,
  type TrustSource,
} from '../domain/sync/trust';
import type { Role } from '../domain/roles';
import { AppError } from '../result';
import type { Backups } from '../store/backups';
import { VersionedAdapter, type Migration } from '../store/versioned';
import { publicKeyFingerprint } from './device-key';

export { mayCarry } from '../domain/sync/trust';

/**
 * trust.json: this laptop's name as others see it, and the installations whose packages it
 * accepts, each with the roles its acts may carry. The same versioned, durable adapter as
 * settings.json (numbered migrations with a backup first, a newer file refused, a damaged
 * one never overwritten: the core opens in recovery mode).
 *
 * Entries are never deleted: revoking keeps the entry (and its key), so acts it signed
 * before stay verifiable history while new packages from it are refused.
 */
export const TRUST_VERSION = 1;
/** Forward only: entry `from: n` turns a v`n` file into v`n+1`. Append; never edit a shipped step. */
export const trustMigrations: Migration[] = [];

export const trustFileSchema = z.object({
  self: z.object({
    /** '' until someone names this laptop: `selfName()` then gives the default. */
    name: z.string(),
  }),
  installations: z.array(trustedInstallationSchema),
});
export type TrustFile = z.infer<typeof trustFileSchema>;

async function exists(file: string): Promise<boolean> {
  try {
    await fs.access(file);
    return true;
  } catch {
    return false;
  }
}

export interface TrustStoreOptions {
  backups: Backups;
  clock: Clock;
  /** This installation's id (app.json): it cannot trust itself. */
  selfInstallationId: string;
  /** This laptop's name until someone sets one (the first administrator's name, or "Perangkat 4821"). */
  defaultSelfName: () => string;
}

export class TrustStore {
  private constructor(
    readonly file: string,
    private readonly db: Low<TrustFile>,
    private readonly opts: TrustStoreOptions,
  ) {}

  /** Throws CorruptFileError, InvalidDataError or FutureVersionError without writing, so the core can offer recovery. */
  static async open(file: string, opts: TrustStoreOptions): Promise<TrustStore> {
    const adapter = new VersionedAdapter<TrustFile>({
      file,
      version: TRUST_VERSION,
      migrations: trustMigrations,
      schema: trustFileSchema,
      backups: opts.backups,
      clock: opts.clock,
    });
    const fresh = !(await exists(file));
    const db = new Low<TrustFile>(adapter, { self: { name: '' }, installations: [] });
    await db.read();
    if (fresh) await db.write();
    return new TrustStore(file, db, opts);
  }

  /** The name other installations see for this one. */
  selfName(): string {
    return this.db.data.self.name || this.opts.defaultSelfName();
  }

  list(): TrustedInstallation[] {
    return structuredClone(this.db.data.installations);
  }

  get(installationId: string): TrustedInstallation | null {
    const e = this.db.data.installations.find((i) => i.installationId === installationId);
    return e ? structuredClone(e) : null;
  }

  /**
   * The installation that holds (or held) this key. `current: false` means it is a key the
   * installation had before it was revoked and trusted again with another one.
   */
  findByPublicKey(publicKey: string): { entry: TrustedInstallation; current: boolean } | null {
    for (const e of this.db.data.installations) {
      if (e.publicKey === publicKey) return { entry: structuredClone(e), current: true };
      if (e.previousKeys.some((k) => k.publicKey === publicKey)) return { entry: structuredClone(e), current: false };
    }
    return null;
  }

  /**
   * Trusts an installation. One entry per installation id; a key belongs to one installation;
   * an installation trusted with another key is refused until it is revoked (then the old key
   * is kept in `previousKeys` and the new one takes its place).
   */
  async add(raw: TrustInput, by: { username: string; at: Date; source: TrustSource }): Promise<TrustedInstallation> {
    const input = trustInputSchema.parse(raw);
    if (input.installationId === this.opts.selfInstallationId) {
      throw new AppError('CONFLICT', 'Ini adalah perangkat ini sendiri: perangkat tidak perlu mempercayai dirinya sendiri.');
    }
    const holder = this.findByPublicKey(input.publicKey);
    if (holder && holder.entry.installationId !== input.installationId) {
      throw new AppError(
        'CONFLICT',
        `Kunci ini sudah dipercaya sebagai perangkat lain ("${holder.entry.name}"). Satu kunci hanya milik satu perangkat; paket ini mungkin dipalsukan.`,
      );
    }
    const existing = this.db.data.installations.find((i) => i.installationId === input.installationId);
    const entry: TrustedInstallation = {
      installationId: input.installationId,
      name: input.name,
      publicKey: input.publicKey,
      roles: [...input.roles],
      addedAt: by.at.toISOString(),
      addedBy: by.username,
      source: by.source,
      revokedAt: null,
      previousKeys: [],
    };
    if (existing && existing.revokedAt === null) {
      if (existing.publicKey === input.publicKey) {
        throw new AppError('CONFLICT', `Perangkat "${existing.name}" sudah dipercaya. Ubah perannya bila perlu.`);
      }
      throw new AppError(
        'CONFLICT',
        `Kunci perangkat "${existing.name}" berubah (sidik lama ${publicKeyFingerprint(existing.publicKey)}, ` +
          `sidik baru ${publicKeyFingerprint(input.publicKey)}). Mungkin laptop itu dipasang ulang, atau paket ini dipalsukan. ` +
          'Pastikan sidik barunya lewat telepon; bila benar, administrator harus mencabut kepercayaan perangkat lama dulu.',
      );
    }
    if (existing) {
      // Trusted again after a revocation: the earlier key stays known, for the acts it signed.
      const earlier = existing.publicKey === input.publicKey ? [] : [{ publicKey: existing.publicKey, revokedAt: existing.revokedAt! }];
      entry.previousKeys = [...existing.previousKeys.filter((k) => k.publicKey !== input.publicKey), ...earlier];
    }
    await this.save((d) => ({
      ...d,
      installations: existing ? d.installations.map((i) => (i === existing ? entry : i)) : [...d.installations, entry],
    }));
    return structuredClone(entry);
  }

  /**
   * This laptop's own earlier identity, kept when a restore gave it a new one (source `pulih`,
   * services/backup.ts `renewIdentity`): the acts it signed then come back in other laptops'
   * packages and must verify as this laptop's past. Added only while neither its id nor its key
   * is known here (the restored list may already hold it), so doing it again after a crash
   * changes nothing. Returns the entry added, or null.
   */
  async addPrevious(raw: TrustInput, by: { username: string; at: Date }): Promise<TrustedInstallation | null> {
    const input = trustInputSchema.parse(raw);
    if (this.get(input.installationId) || this.findByPublicKey(input.publicKey)) return null;
    return this.add(input, { ...by, source: 'pulih' });
  }

  async updateRoles(installationId: string, raw: Role[]): Promise<{ before: TrustedInstallation; after: TrustedInstallation }> {
    const roles = trustRolesSchema.parse(raw);
    const existing = this.mustGet(installationId);
    if (existing.revokedAt !== null) {
      throw new AppError('CONFLICT', `Kepercayaan perangkat "${existing.name}" sudah dicabut; perannya tidak dapat diubah.`);
    }
    const after = { ...existing, roles: [...roles] };
    await this.save((d) => ({ ...d, installations: d.installations.map((i) => (i === existing ? after : i)) }));
    return { before: structuredClone(existing), after: structuredClone(after) };
  }

  async revoke(installationId: string, at: Date): Promise<TrustedInstallation> {
    const existing = this.mustGet(installationId);
    if (existing.revokedAt !== null) throw new AppError('CONFLICT', `Kepercayaan perangkat "${existing.name}" sudah dicabut.`);
    const after = { ...existing, revokedAt: at.toISOString() };
    await this.save((d) => ({ ...d, installations: d.installations.map((i) => (i === existing ? after : i)) }));
    return structuredClone(after);
  }

  async renameSelf(name: string): Promise<void> {
    const trimmed = deviceNameSchema.parse(name);
    await this.save((d) => ({ ...d, self: { name: trimmed } }));
  }

  private mustGet(installationId: string): TrustedInstallation {
    const e = this.db.data.installations.find((i) => i.installationId === installationId);
    if (!e) throw new AppError('NOT_FOUND', 'Perangkat ini tidak ada dalam daftar perangkat tepercaya.');
    return e;
  }

  /** Resolves once the file is on disk; on failure the old content stays in effect. */
  private async save(change: (d: TrustFile) => TrustFile): Promise<void> {
    const before = this.db.data;
    this.db.data = trustFileSchema.parse(change(before));
    try {
      await this.db.write();
    } catch (e) {
      this.db.data = before;
      throw e;
    }
  }
}
