import { Low } from 'lowdb';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { z } from 'zod';
import { ROLES } from '../domain/roles';
import type { Clock } from '../clock';
import { importAuditEntries } from './audit-log';
import type { Backups } from './backups';
import { readJsonFile } from './durable-file';
import { VersionedAdapter, type Migration } from './versioned';

export { auditEntrySchema, type AuditEntry } from './audit-log';

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

export const appDbSchema = z.object({
  installationId: z.string(),
  createdAt: z.string(),
  demo: z.boolean().default(false),
  users: z.array(userSchema),
  /** Floors only: the Nota Dinas numbers themselves are read from the cycles' logs. */
  counters: z.record(z.string(), z.number().int().nonnegative()).default({}),
});
export type AppData = z.infer<typeof appDbSchema>;

export const APP_DB_VERSION = 3;

/**
 * Numbered, forward only. v1 had no counters and no demo flag. v2 kept the app's history
 * in app.json itself; openAppDb copies it into audit.jsonl before step 2 drops it.
 */
export const appDbMigrations: Migration[] = [
  {
    from: 1,
    describe: 'tambah penghitung nomor surat dan penanda data contoh',
    up: (d) => ({ ...d, counters: (d.counters as object | undefined) ?? {}, demo: d.demo ?? false }),
  },
  {
    from: 2,
    describe: 'riwayat aplikasi dipindah ke audit.jsonl',
    up: ({ audit: _moved, ...d }) => d,
  },
];

/** The app's history log, beside app.json. */
export function auditLogFile(appDbFile: string): string {
  return path.join(path.dirname(appDbFile), 'audit.jsonl');
}

export type AppDb = Low<AppData>;

export async function openAppDb(file: string, backups: Backups, clock: Clock): Promise<AppDb> {
  await moveAuditOut(file, clock);
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
    counters: {},
  });
  await db.read();
  return db;
}

/**
 * Before the v2→v3 step drops app.json's history, the entries go to the log. The log is
 * written first and app.json only after (with a backup before it): a crash in between leaves
 * the entries in both places, and the next open finds them already in the log.
 */
async function moveAuditOut(file: string, clock: Clock): Promise<void> {
  let raw: unknown;
  try {
    raw = await readJsonFile(file);
  } catch {
    return; // the versioned read reports a broken file
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return;
  const { schemaVersion, audit, installationId } = raw as Record<string, unknown>;
  if (typeof schemaVersion !== 'number' || schemaVersion >= 3 || !Array.isArray(audit) || !audit.length) return;
  if (typeof installationId !== 'string') return;
  await importAuditEntries(auditLogFile(file), installationId, audit, clock.now());
}
