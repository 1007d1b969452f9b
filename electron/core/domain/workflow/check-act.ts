import { editKindOf } from './conflicts';
import { MERGE_ACTOR, MERGE_INSTALLATION } from './dag';
import { canEdit, decide } from './decide';
import type { CycleEvent } from './events';
import { hasItem, type CycleState } from './fold';
import { TRANSITIONS } from './sop';

/** Roles that may start a cycle (contract `cycles.create`). */
const CREATORS = ['operator', 'ppid_pembantu'] as const;

/**
 * Whether the SOP allowed this act where its author stood: `before` is the state folded from
 * the act's own ancestors (what its author's laptop held). The same rules the core applies to
 * a local call, so a package cannot carry an act the screens would have refused. Returns the
 * reason in Bahasa Indonesia, or null. Signatures and trust are checked by the caller.
 */
export function actProblem(before: CycleState | null, e: CycleEvent): string | null {
  const b = e.body;
  if (b.type === 'cycle.created') {
    if (before || e.parents.length) return 'pembuatan siklus hanya boleh menjadi tindakan pertama';
    if (!(CREATORS as readonly string[]).includes(e.actor.role)) return 'peran ini tidak dapat memulai siklus';
    return null;
  }
  if (!before) return 'tindakan sebelum siklus dibuat';
  if (b.type === 'merge') {
    if (e.parents.length < 2) return 'penggabungan harus mengikuti lebih dari satu tindakan';
    if (e.installationId !== MERGE_INSTALLATION || e.sig !== null || JSON.stringify(e.actor) !== JSON.stringify(MERGE_ACTOR)) {
      return 'penggabungan tidak sesuai aturan';
    }
    return null;
  }
  if (e.installationId === MERGE_INSTALLATION) return 'hanya penggabungan yang boleh memakai pengenal perangkat ini';
  if (b.type === 'transition') {
    const d = decide(before, e.actor.role, b.action, b.reasons);
    if (!d.ok) return d.message;
    const t = TRANSITIONS.find((x) => x.step === before.step && x.action === b.action)!;
    if (b.from !== before.step || b.to !== t.next) return `perpindahan tahap tidak sesuai SOP (${b.from} → ${b.to})`;
    return null;
  }
  if (b.type === 'conflict.resolved') {
    const c = before.conflicts.find((x) => x.id === b.conflictId);
    if (!c) return 'konflik yang diselesaikan tidak ada pada saat itu';
    if (c.decider !== e.actor.role) return 'peran ini tidak memutuskan konflik tersebut';
    const option = c.options.find((o) => o.choice === b.choice);
    if (!option) return 'pilihan penyelesaian konflik tidak dikenal';
    if (!option.allowed) return option.reason ?? 'pilihan ini tidak dapat diambil pada tahap itu';
    if ([...b.acts].sort().join('+') !== c.acts.join('+')) return 'penyelesaian konflik tidak menyebut tindakan yang sama';
    return null;
  }
  const kind = editKindOf(b)!;
  // Items carried from last year's signed DIP are added by whoever starts the cycle, with it.
  const carried = b.type === 'item.added' && b.origin === 'tetap' && before.step === 'identifikasi' && (CREATORS as readonly string[]).includes(e.actor.role);
  const allowed = carried ? ({ ok: true } as const) : canEdit(before, e.actor.role, kind);
  if (!allowed.ok) return allowed.message;
  if (b.type === 'item.added') {
    if (hasItem(before, b.itemId) || before.removedItems.some((i) => i.id === b.itemId)) return 'informasi dengan pengenal ini sudah ada';
    return null;
  }
  if ('itemId' in b && b.itemId !== null && !hasItem(before, b.itemId)) return 'informasi yang diubah tidak ada dalam daftar saat itu';
  if ((b.type === 'review.marked' || b.type === 'uji.recorded' || b.type === 'archive.filed') && b.version !== before.version) return 'versi Konsep tidak sesuai';
  return null;
}
