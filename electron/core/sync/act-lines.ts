import { isNewerFormat, readAct, type CycleEvent } from '../domain/workflow';
import { hashText } from '../store/event-log';

/**
 * Acts that arrive one by one rather than as a cycle's whole log (the relay,
 * electron/core/relay): in any order, some of them not yet, some of them held already. A
 * package's log is read with parseEventLog, which needs every parent earlier in the same
 * file; here the parents may be on this laptop, among the lines, or missing. Each line is
 * still checked exactly as a log line is — it parses, is not from a newer format, its hash
 * covers its text as written and its parents' hashes, then it is upcast and validated — and
 * the ready ones come out in an order where every parent precedes its children.
 */

export interface LooseLine {
  /** The source's name for the line (a relay document id): how the caller finds it again. */
  key: string;
  line: string;
}

export interface ReadyLine extends LooseLine {
  event: CycleEvent;
}

export interface WaitingLine extends LooseLine {
  actId: string | null;
  kind: 'menunggu' | 'ditolak';
  reason: string;
}

export interface ArrangedLines {
  /** Verified acts this laptop does not hold, parents first. */
  ready: ReadyLine[];
  /** Verified acts this laptop holds already, unchanged. */
  held: LooseLine[];
  /** Waiting for a parent (or for a newer app), or refused: with the reason, in words. */
  notReady: WaitingLine[];
}

interface Parsed extends LooseLine {
  raw: Record<string, unknown>;
  id: string;
  parents: string[];
}

/**
 * Sorts and verifies a cycle's loose lines against the acts this laptop holds (`heldHashes`:
 * id → hash). Nothing is written and no signature is checked here: who may have made an act
 * is the receiver's question (services/sync.ts).
 */
export function arrangeActLines(cycleId: string, lines: readonly LooseLine[], heldHashes: ReadonlyMap<string, string>): ArrangedLines {
  const out: ArrangedLines = { ready: [], held: [], notReady: [] };
  const byId = new Map<string, Parsed>();
  for (const l of lines) {
    let raw: unknown;
    try {
      raw = JSON.parse(l.line);
    } catch {
      out.notReady.push({ ...l, actId: null, kind: 'ditolak', reason: 'baris tindakan tidak terbaca' });
      continue;
    }
    if (raw === null || typeof raw !== 'object' || Array.isArray(raw) || typeof (raw as { id?: unknown }).id !== 'string') {
      out.notReady.push({ ...l, actId: null, kind: 'ditolak', reason: 'bukan tindakan yang dikenal' });
      continue;
    }
    const r = raw as Record<string, unknown>;
    const id = r.id as string;
    if (isNewerFormat(r)) {
      out.notReady.push({ ...l, actId: id, kind: 'menunggu', reason: 'dibuat oleh versi PPID Desk yang lebih baru: perbarui aplikasi' });
      continue;
    }
    if (r.cycleId !== cycleId) {
      out.notReady.push({ ...l, actId: id, kind: 'ditolak', reason: 'tindakan milik siklus lain' });
      continue;
    }
    const parents = r.parents !== undefined ? r.parents : r.prev === null || r.prev === undefined ? [] : [r.prev];
    if (!Array.isArray(parents) || parents.some((p) => typeof p !== 'string') || byId.has(id)) {
      out.notReady.push({ ...l, actId: id, kind: 'ditolak', reason: byId.has(id) ? 'tindakan yang sama tercantum dua kali' : 'bukan tindakan yang dikenal' });
      continue;
    }
    byId.set(id, { ...l, raw: r, id, parents: parents as string[] });
  }

  // Kahn's order over the lines whose parents are held or among the lines.
  const hashes = new Map(heldHashes);
  const blockedBy = new Map<string, number>();
  const children = new Map<string, Parsed[]>();
  const queue: Parsed[] = [];
  for (const p of byId.values()) {
    if (heldHashes.has(p.id)) {
      // Held already: the same act must be the same text, or the source changed it.
      if (!sealed(p, p.parents.map((x) => heldHashes.get(x))) || p.raw.hash !== heldHashes.get(p.id)) {
        out.notReady.push({ key: p.key, line: p.line, actId: p.id, kind: 'ditolak', reason: 'isinya berbeda dengan tindakan yang sudah ada di laptop ini' });
      } else out.held.push({ key: p.key, line: p.line });
      continue;
    }
    let waiting = 0;
    for (const parent of p.parents) {
      if (heldHashes.has(parent)) continue;
      waiting += 1;
      const list = children.get(parent) ?? [];
      list.push(p);
      children.set(parent, list);
    }
    blockedBy.set(p.id, waiting);
    if (!waiting) queue.push(p);
  }
  const refused = new Set<string>();
  for (let n = 0; n < queue.length; n++) {
    const p = queue[n]!;
    const problem = checkLine(p, hashes);
    if (typeof problem === 'string') {
      refused.add(p.id);
      out.notReady.push({ key: p.key, line: p.line, actId: p.id, kind: problem.startsWith('dibuat oleh versi') ? 'menunggu' : 'ditolak', reason: problem });
      continue;
    }
    hashes.set(p.id, problem.hash);
    out.ready.push({ key: p.key, line: p.line, event: problem });
    for (const c of children.get(p.id) ?? []) {
      const left = blockedBy.get(c.id)! - 1;
      blockedBy.set(c.id, left);
      if (!left) queue.push(c);
    }
  }
  for (const p of byId.values()) {
    if (heldHashes.has(p.id) || hashes.has(p.id) || refused.has(p.id)) continue;
    const afterRefused = p.parents.some((x) => refused.has(x));
    out.notReady.push({
      key: p.key,
      line: p.line,
      actId: p.id,
      kind: 'menunggu',
      reason: afterRefused ? 'mengikuti tindakan yang tidak dapat diterima' : 'mengikuti tindakan yang belum diterima',
    });
  }
  return out;
}

/** The act, or why its line is refused: hash over the text as written, then the schema. */
function checkLine(p: Parsed, hashes: ReadonlyMap<string, string>): CycleEvent | string {
  if (!sealed(p, p.parents.map((x) => hashes.get(x)))) return 'isi tindakan tidak sesuai sidiknya: diubah setelah dibuat';
  const act = readAct(p.raw);
  if (!act.ok) return act.reason === 'future' ? 'dibuat oleh versi PPID Desk yang lebih baru: perbarui aplikasi' : act.message;
  if (act.act.id !== p.id) return 'bukan tindakan yang dikenal';
  return act.act;
}

/** Same rule as the log reader (store/event-log.ts): the hash covers the line up to `,"hash":` and the parents' hashes. */
function sealed(p: Parsed, parentHashes: (string | undefined)[]): boolean {
  if (typeof p.raw.hash !== 'string' || parentHashes.some((h) => h === undefined)) return false;
  const cut = p.line.lastIndexOf(',"hash":"');
  if (cut <= 0) return false;
  return hashText(parentHashes.join(','), `${p.line.slice(0, cut)}}`) === p.raw.hash;
}
