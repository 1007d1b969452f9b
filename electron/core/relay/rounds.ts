import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { DEVICE_CARD_PREFIX, type DeviceCard } from '../domain/sync/device-card';
import { receiveLooseActs, type KeptAct, type LooseAct } from '../services/sync';
import type { Stores } from '../services/context';
import { CouchRelay, RelayError } from './couch';
import { buildCardDoc, cardContentKey, readCardDoc, rememberCards } from './device-card';
import type { RelayState, TolerantJsonFile } from './relay-files';

/**
 * One push and one pull against the relay (docs/relay.md, docs/architecture.md "The relay").
 *
 * The documents: one per act, `act:<cycleId>:<actId>`, holding the act's line exactly as this
 * laptop's log holds it (its hash and signature cover that text), with the cycle, the
 * installation and the office beside it for people reading the database; one per soft file,
 * `file:<sha256>`, whose only content is the attachment `data`. Both are written once and
 * never changed: an id that exists already is the same act or the same bytes, so CouchDB
 * never has to pick a winner, and "conflict" on a push means "already there". What the relay
 * holds is never trusted for what it says: every pulled act goes through the receive pipeline
 * (services/sync.ts receiveLooseActs), every pulled file is checked against its SHA-256.
 * Beside them, each laptop's signed card (`kartu:…`, domain/sync/device-card.ts): who it says
 * it is and which key signs its acts, so that a laptop met only here can be trusted once a
 * person has compared its code by phone.
 */

export const actDocId = (cycleId: string, actId: string) => `act:${cycleId}:${actId}`;
export const fileDocId = (sha256: string) => `file:${sha256}`;

export const actDocSchema = z.object({
  _id: z.string(),
  type: z.literal('tindakan'),
  officeId: z.string(),
  cycleId: z.string(),
  actId: z.string(),
  installationId: z.string(),
  line: z.string().max(2_000_000),
});

/** Pulled acts not applied are kept at most this many (a hostile relay must not fill the disk). */
export const MAX_KEPT = 20_000;
/** Card documents named as refused at most (the newest): enough to see that someone tampers. */
export const MAX_CARDS_REFUSED = 50;

export interface RoundDeps {
  stores: Stores;
  client: CouchRelay;
  state: TolerantJsonFile<RelayState>;
  /** Acts per `_bulk_docs` request. */
  batchSize: number;
  /** Documents per `_changes` page. */
  pageSize: number;
  /** Every local write runs through this (the core's call gate): never while a backup or a restore runs. */
  write: <T>(work: () => Promise<T>) => Promise<T>;
  /** Tests: after each batch is done and its checkpoint stored. */
  onBatch?: (kind: 'kirim' | 'ambil', done: number) => Promise<void> | void;
  now: () => Date;
}

interface Outgoing {
  cycleId: string;
  actId: string;
  installationId: string;
  line: string;
  /** The log's byte length and act count once this act is on the relay. */
  end: number;
  acts: number;
  sha256: string | null;
}

/** This laptop's acts not on the relay yet (every act of its logs, received ones included: the relay carries them all). */
export function waitingToSend(stores: Stores, state: RelayState): number {
  let n = 0;
  for (const c of stores.cycles.list()) n += Math.max(0, stores.cycles.events(c.id).length - (state.push.cycles[c.id]?.acts ?? 0));
  return n;
}

/**
 * The acts of every cycle log past its checkpoint, then files and acts in batches; each batch's
 * checkpoint stored once the relay has it. `onRelay`: acts known to be there (just pulled from
 * it), passed over but counted, so a pull is not followed by sending everything back.
 */
export async function push(d: RoundDeps, onRelay: ReadonlySet<string> = new Set(), receipt: { rev: string | null } = { rev: null }): Promise<{ acts: number; files: number; checked: number }> {
  const { stores } = d;
  const officeId = stores.settings.get()?.officeId;
  if (!officeId) return { acts: 0, files: 0, checked: 0 };
  const queue: Outgoing[] = [];
  for (const c of stores.cycles.list()) {
    const bytes = await stores.cycles.logBytes(c.id);
    let { bytes: offset, acts } = validCheckpoint(bytes, d.state.data.push.cycles[c.id]);
    while (offset < bytes.length) {
      const nl = bytes.indexOf(0x0a, offset);
      const end = nl < 0 ? bytes.length : nl + 1;
      const line = bytes.toString('utf8', offset, nl < 0 ? bytes.length : nl);
      offset = end;
      if (!line) continue;
      const head = JSON.parse(line) as { id: string; installationId: string; body?: { attachment?: { sha256?: unknown } } };
      acts += 1;
      const sha = head.body?.attachment?.sha256;
      queue.push({ cycleId: c.id, actId: head.id, installationId: head.installationId, line, end, acts, sha256: typeof sha === 'string' ? sha : null });
    }
  }
  let sent = 0;
  let files = 0;
  const uploaded = new Set(d.state.data.push.files);
  for (let i = 0; i < queue.length; i += d.batchSize) {
    const all = queue.slice(i, i + d.batchSize);
    const batch = all.filter((b) => !onRelay.has(b.actId));
    // Files first, so a laptop that pulls the acts finds their files there.
    for (const sha of new Set(batch.map((b) => b.sha256).filter((s): s is string => s !== null))) {
      if (uploaded.has(sha)) continue;
      const bytes = await fs.readFile(localFile(stores, sha)).catch(() => null);
      // A file this laptop never received travels later, with whoever has it.
      if (!bytes || sha256(bytes) !== sha) continue;
      if (await d.client.putFile(fileDocId(sha), bytes)) files += 1;
      uploaded.add(sha);
    }
    const results = !batch.length ? [] : await d.client.bulkInsert(
      batch.map((b) => ({ _id: actDocId(b.cycleId, b.actId), type: 'tindakan', officeId, cycleId: b.cycleId, actId: b.actId, installationId: b.installationId, line: b.line })),
    );
    const refused = results.filter((r) => !r.ok);
    sent += results.length - refused.length;
    if (refused.length) {
      // Refused because it is there already (the same id is the same act), or truly refused.
      const there = await d.client.existing(refused.map((r) => r.id));
      const bad = refused.find((r) => !there.has(r.id));
      if (bad && !bad.ok) throw new RelayError('ditolak', `Server relay menolak tindakan yang dikirim: ${bad.reason || bad.error}.`);
    }
    const last = new Map(all.map((b) => [b.cycleId, b]));
    await d.write(() =>
      d.state.update((s) => {
        for (const [id, b] of last) s.push.cycles[id] = { bytes: b.end, acts: b.acts, lastActId: b.actId };
        s.push.files = [...uploaded];
        return s;
      }),
    );
    receipt.rev = await recordReceipt(d, receipt.rev);
    await d.onBatch?.('kirim', i + all.length);
  }
  return { acts: sent, files, checked: queue.length };
}

/**
 * This laptop's card, when what it says changed since the last one put there (a new name, a
 * colleague trusted or withdrawn, the office renamed) or none was put yet. Cards are immutable
 * like acts: a changed card is a new document, and "already there" is as good as put.
 */
export async function pushCard(d: RoundDeps): Promise<boolean> {
  if (!d.stores.settings.get()?.officeId) return false;
  const doc = buildCardDoc(d.stores, d.now());
  const key = cardContentKey(doc);
  if (d.state.data.cardPushed === key) return false;
  const [r] = await d.client.bulkInsert([doc as unknown as Record<string, unknown>]);
  if (r && !r.ok && !(await d.client.existing([doc._id])).has(doc._id)) {
    throw new RelayError('ditolak', `Server relay menolak kartu perangkat laptop ini: ${r.reason || r.error}.`);
  }
  await d.write(() => d.state.update((s) => ({ ...s, cardPushed: key })));
  return true;
}

const receiptId = (stores: Stores) => `ppid-desk-${stores.appDb.data.installationId}`;

/**
 * What the relay says it holds from this laptop — `_local/ppid-desk-<installationId>`, a
 * document CouchDB never replicates nor lists in `_changes`, written after every push — set
 * against this laptop's checkpoints and the card it last put there. A database made anew, or put back from an older backup,
 * holds less than they say: those cycles are pushed again from their start, and the feed is
 * read again from its beginning (both idempotent). Returns the receipt's revision for `recordReceipt`.
 */
export async function reconcile(d: RoundDeps): Promise<string | null> {
  const doc = await d.client.getLocal(receiptId(d.stores));
  const held = (doc?.cycles ?? {}) as Record<string, number>;
  const state = d.state.data;
  const short = Object.entries(state.push.cycles).filter(([id, cp]) => (held[id] ?? 0) < cp.acts);
  // Every completed round leaves a receipt: none, after a feed was read, means a database made anew (its sequence numbers start again).
  const lost = doc === null && state.pull.since !== null;
  const cardGone = state.cardPushed !== null && doc?.card !== state.cardPushed;
  if (short.length || lost || cardGone) {
    await d.write(() =>
      d.state.update((s) => {
        for (const [id] of short) delete s.push.cycles[id];
        if (short.length) s.push.files = [];
        if (short.length || lost) s.pull.since = null;
        // The card this laptop put there is not there any more: put again this round.
        s.cardPushed = null;
        return s;
      }),
    );
  }
  return doc?._rev ?? null;
}

/** How many acts of each cycle the relay now holds from this laptop, and its card (after every batch pushed, like the checkpoints). */
export async function recordReceipt(d: RoundDeps, rev: string | null): Promise<string | null> {
  const cycles = Object.fromEntries(Object.entries(d.state.data.push.cycles).map(([id, cp]) => [id, cp.acts]));
  return d.client.putLocal(receiptId(d.stores), { ...(rev ? { _rev: rev } : {}), cycles, card: d.state.data.cardPushed, at: d.now().toISOString() });
}

/**
 * The checkpoint, if it still describes this log: no longer than it, and the act just before
 * it the one recorded. A log restored from a backup, or replaced, is pushed from its start
 * again (the relay already holding an act costs nothing).
 */
function validCheckpoint(bytes: Buffer, cp: RelayState['push']['cycles'][string] | undefined): { bytes: number; acts: number } {
  if (!cp || cp.bytes > bytes.length || cp.bytes === 0) return { bytes: 0, acts: 0 };
  const start = bytes.lastIndexOf(0x0a, cp.bytes - 2) + 1;
  try {
    const head = JSON.parse(bytes.toString('utf8', start, cp.bytes)) as { id?: unknown };
    if (head.id === cp.lastActId) return { bytes: cp.bytes, acts: cp.acts };
  } catch {
    // Not a line boundary of this log.
  }
  return { bytes: 0, acts: 0 };
}

/**
 * `_changes` from the stored sequence, a page at a time: this office's act documents (and the
 * acts kept from earlier rounds, offered again) go through the receive pipeline with the soft
 * files they name; the sequence and what was kept are stored only once the page is applied.
 */
export async function pull(d: RoundDeps, source: string): Promise<{ newActs: number; attachments: number; onRelay: Set<string> }> {
  const { stores } = d;
  const onRelay = new Set<string>();
  const officeId = stores.settings.get()?.officeId;
  if (!officeId) return { newActs: 0, attachments: 0, onRelay };
  let newActs = 0;
  let attachments = 0;
  // Acts kept from earlier rounds are offered again once per round, even when nothing is new: trust may have been given since.
  let first = true;
  for (;;) {
    const since = d.state.data.pull.since;
    let page;
    try {
      page = await d.client.changes(since, d.pageSize);
    } catch (e) {
      // A sequence this database never issued (it was made anew): read it from its beginning.
      if (!(e instanceof RelayError && e.status === 400 && since !== null)) throw e;
      await d.write(() => d.state.update((s) => ({ ...s, pull: { since: null } })));
      continue;
    }
    if (!page.results.length && !(first && d.state.data.kept.some((k) => k.line))) break;
    first = false;
    const incoming = new Map<string, LooseAct>();
    const refused: KeptAct[] = [];
    const announced = new Set<string>();
    const cards: DeviceCard[] = [];
    const badCards: RelayState['cardsRefused'] = [];
    // Card documents seen on this page: a refused one named earlier is forgotten once the relay replaced or deleted it.
    const cardIds = new Set<string>();
    for (const row of page.results) {
      if (row.id.startsWith(DEVICE_CARD_PREFIX)) {
        cardIds.add(row.id);
        if (row.deleted || !row.doc) continue;
        const read = readCardDoc(row.doc);
        if (read.ok) cards.push(read.card);
        else if (claimsOffice(row.doc, officeId)) badCards.push({ docId: row.id, name: claimedName(row.doc), reason: read.reason });
        continue;
      }
      if (row.deleted || !row.doc) continue;
      if (row.id.startsWith('file:')) {
        const sha = row.id.slice(5);
        if (/^[a-f0-9]{64}$/.test(sha)) announced.add(sha);
        continue;
      }
      if (!row.id.startsWith('act:')) continue;
      const doc = actDocSchema.safeParse(row.doc);
      if (!doc.success) {
        const cycleId = row.id.split(':')[1] ?? '';
        refused.push({ key: row.id, cycleId, line: '', actId: null, kind: 'ditolak', reason: 'dokumen di server relay tidak berbentuk tindakan' });
        continue;
      }
      const a = doc.data;
      // Another office in a regency's database: not this laptop's business.
      if (a.officeId !== officeId) continue;
      if (row.id !== actDocId(a.cycleId, a.actId) || lineHead(a.line)?.id !== a.actId) {
        // Not offered again (no line kept): named until the relay replaces the document.
        refused.push({ key: row.id, cycleId: a.cycleId, line: '', actId: a.actId, kind: 'ditolak', reason: 'dokumen di server relay tidak sesuai namanya (diubah di server)' });
        continue;
      }
      incoming.set(row.id, { key: row.id, cycleId: a.cycleId, line: a.line });
    }
    const replaced = new Set([...incoming.keys(), ...refused.map((r) => r.key)]);
    const earlier = d.state.data.kept.filter((k) => !replaced.has(k.key));
    const offered = [...earlier.filter((k) => k.line), ...incoming.values()];
    // A document refused for its shape or its name has no act to offer again: it stays named until the relay replaces it.
    const shapeless = earlier.filter((k) => !k.line);
    const files = await filesFor(d, offered, announced);
    const receipt = await d.write(async () => {
      const r = await receiveLooseActs(stores, { source, acts: offered, files, now: d.now() });
      await d.state.update((s) => ({
        ...s,
        pull: { since: page.last_seq },
        kept: [...refused, ...shapeless, ...r.kept.map(keptEntry)].slice(0, MAX_KEPT),
        cards: cards.length ? rememberCards(s.cards, cards) : s.cards,
        cardsRefused: [...badCards, ...s.cardsRefused.filter((c) => !cardIds.has(c.docId))].slice(0, MAX_CARDS_REFUSED),
      }));
      return r;
    });
    newActs += receipt.cycles.reduce((n, c) => n + c.newActs, 0);
    const keptKeys = new Set(receipt.kept.map((k) => k.key));
    for (const a of incoming.values()) if (!keptKeys.has(a.key)) onRelay.add(a.key.slice(a.key.lastIndexOf(':') + 1));
    attachments += receipt.attachmentsStored;
    await d.onBatch?.('ambil', page.results.length);
    if (page.results.length < d.pageSize || String(page.last_seq) === String(since)) break;
  }
  return { newActs, attachments, onRelay };
}

/**
 * A card that does not check is named when it may concern this office: it says so, or says
 * nothing readable (a regency's database holds every office's cards; others' are theirs to see).
 */
function claimsOffice(doc: Record<string, unknown>, officeId: string): boolean {
  return typeof doc.officeId !== 'string' || doc.officeId === officeId;
}

function claimedName(doc: Record<string, unknown>): string | null {
  try {
    const name = (JSON.parse(String(doc.body)) as { name?: unknown }).name;
    return typeof name === 'string' ? name.slice(0, 150) : null;
  } catch {
    return null;
  }
}

function keptEntry(k: KeptAct): RelayState['kept'][number] {
  return { key: k.key, cycleId: k.cycleId, line: k.line, actId: k.actId, kind: k.kind, reason: k.reason };
}

function lineHead(line: string): { id?: unknown; installationId?: unknown; body?: { attachment?: { sha256?: unknown } } } | null {
  try {
    const v = JSON.parse(line) as unknown;
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as ReturnType<typeof lineHead>) : null;
  } catch {
    return null;
  }
}

/**
 * The soft files to fetch with this page: those named by offered acts of installations this
 * laptop trusts (an untrusted one's files wait with its acts), and those the relay announced
 * that acts already here name; each only when missing here, and only if its bytes match.
 */
async function filesFor(d: RoundDeps, offered: readonly LooseAct[], announced: ReadonlySet<string>): Promise<Map<string, Uint8Array>> {
  const { stores } = d;
  const self = stores.appDb.data.installationId;
  const trusted = new Map<string, boolean>();
  const wanted = new Set<string>();
  for (const a of offered) {
    const head = lineHead(a.line);
    const sha = head?.body?.attachment?.sha256;
    const inst = head?.installationId;
    if (typeof sha !== 'string' || !/^[a-f0-9]{64}$/.test(sha) || typeof inst !== 'string') continue;
    if (!trusted.has(inst)) trusted.set(inst, inst === self || stores.trust.get(inst)?.revokedAt === null);
    if (trusted.get(inst)) wanted.add(sha);
  }
  if (announced.size) {
    for (const c of stores.cycles.list()) {
      for (const e of stores.cycles.events(c.id)) {
        if ((e.body.type === 'item.attached' || e.body.type === 'archive.filed') && announced.has(e.body.attachment.sha256)) wanted.add(e.body.attachment.sha256);
      }
    }
  }
  const out = new Map<string, Uint8Array>();
  for (const sha of wanted) {
    if (await exists(localFile(stores, sha))) continue;
    const bytes = await d.client.getFile(fileDocId(sha));
    if (bytes && sha256(bytes) === sha) out.set(sha, bytes);
  }
  return out;
}

function localFile(stores: Stores, sha: string): string {
  return path.join(stores.paths.files, sha.slice(0, 2), sha);
}

function sha256(b: Uint8Array): string {
  return createHash('sha256').update(b).digest('hex');
}

async function exists(file: string): Promise<boolean> {
  return fs.access(file).then(
    () => true,
    () => false,
  );
}
