import { randomUUID } from 'node:crypto';
import type { AuditEntry, UserRecord } from '../store/app-db';
import type { Stores } from './context';

/** One app-level act (setup, settings, accounts), ready for the log. */
export function auditEntry(
  actor: UserRecord | null,
  now: Date,
  action: string,
  summary: string,
  changes: AuditEntry['changes'] = [],
): AuditEntry {
  return {
    id: randomUUID(),
    at: now.toISOString(),
    actor: actor ? { userId: actor.id, username: actor.username, role: actor.role } : null,
    action,
    summary,
    changes,
  };
}

/** Appends to audit.jsonl (append-only: nothing edits or removes an entry). */
export async function appendAudit(
  stores: Pick<Stores, 'audit'>,
  actor: UserRecord | null,
  now: Date,
  action: string,
  summary: string,
  changes: AuditEntry['changes'] = [],
): Promise<AuditEntry> {
  const entry = auditEntry(actor, now, action, summary, changes);
  await stores.audit.append(entry);
  return entry;
}

/**
 * After a change to accounts or settings: app.json saved, then a copy of each changed file
 * kept, so that the backup a recovery offers is this state, never an older one with a
 * password or an account that has since been changed.
 */
export async function saveAppFiles(stores: Pick<Stores, 'appDb' | 'backups' | 'paths'>, now: Date, changed: { app?: boolean; settings?: boolean }) {
  if (changed.app) {
    await stores.appDb.write();
    await stores.backups.take(stores.paths.appDb, 'ubah', now);
  }
  if (changed.settings) await stores.backups.take(stores.paths.settings, 'ubah', now);
}

/** Field-level differences between two plain objects, for the audit trail. */
export function diffFields(before: unknown, after: unknown, prefix = ''): AuditEntry['changes'] {
  if (JSON.stringify(before) === JSON.stringify(after)) return [];
  const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
  if (isObj(before) && isObj(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
    return keys.flatMap((k) => diffFields(before[k], after[k], prefix ? `${prefix}.${k}` : k));
  }
  return [{ field: prefix || '(semua)', from: before ?? null, to: after ?? null }];
}
