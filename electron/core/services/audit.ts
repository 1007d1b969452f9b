import { randomUUID } from 'node:crypto';
import type { AppData, AuditEntry, UserRecord } from '../store/app-db';

/** App-level acts (setup, settings, accounts). Append-only: nothing edits or removes an entry. */
export function appendAudit(
  data: AppData,
  actor: UserRecord | null,
  now: Date,
  action: string,
  summary: string,
  changes: AuditEntry['changes'] = [],
): AuditEntry {
  const entry: AuditEntry = {
    id: randomUUID(),
    at: now.toISOString(),
    actor: actor ? { userId: actor.id, username: actor.username, role: actor.role } : null,
    action,
    summary,
    changes,
  };
  data.audit.push(entry);
  return entry;
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
