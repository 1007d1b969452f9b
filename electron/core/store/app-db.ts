import { Low } from 'lowdb';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { ROLES } from '../domain/roles';
import type { Clock } from '../clock';
import type { Backups } from './backups';
import { VersionedAdapter, type Migration } from './versioned';

export const userSchema = z.object({
  id: z.string(),
  personId: z.string(),
  username: z.string(),
  role: z.enum(ROLES),
  isAdmin: z.boolean(),
  active: z.boolean(),
  passwordHash: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type UserRecord = z.infer<typeof userSchema>;

export const auditEntrySchema = z.object({
  id: z.string(),
  at: z.string(),
  actor: z.object({ userId: z.string(), username: z.string(), role: z.enum(ROLES) }).nullable(),
  action: z.string(),
  summary: z.string(),
  changes: z.array(z.object({ field: z.string(), from: z.unknown(), to: z.unknown() })).default([]),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

export const appDbSchema = z.object({
  installationId: z.string(),
  createdAt: z.string(),
  demo: z.boolean().default(false),
  users: z.array(userSchema),
  audit: z.array(auditEntrySchema),
  counters: z.record(z.string(), z.number().int().nonnegative()).default({}),
});
export type AppData = z.infer<typeof appDbSchema>;

export const APP_DB_VERSION = 2;

/** Numbered, forward only. v1 had no counters and no demo flag. */
export const appDbMigrations: Migration[] = [
  {
    from: 1,
    describe: 'tambah penghitung nomor surat dan penanda data contoh',
    up: (d) => ({ ...d, counters: (d.counters as object | undefined) ?? {}, demo: d.demo ?? false }),
  },
];

export type AppDb = Low<AppData>;

export async function openAppDb(file: string, backups: Backups, clock: Clock): Promise<AppDb> {
  const adapter = new VersionedAdapter<AppData>({
    file,
    version: APP_DB_VERSION,
    migrations: appDbMigrations,
    schema: appDbSchema,
    backups,
    clock,
  });
  const now = clock.now().toISOString();
  const db = new Low<AppData>(adapter, {
    installationId: randomUUID(),
    createdAt: now,
    demo: false,
    users: [],
    audit: [],
    counters: {},
  });
  await db.read();
  return db;
}
