import { randomUUID } from 'node:crypto';
import { cardKey, type DeviceCard } from '../domain/sync/device-card';
import type { RegisterEntry } from '../domain/regency/model';
import { MERGE_INSTALLATION, type CycleEvent } from '../domain/workflow';
import { LOCKS } from '../keyed-mutex';
import { appendAudit } from '../services/audit';
import type { Stores } from '../services/context';
import type { DeviceInfo } from '../services/package-intake-shared';
import { receiveContents, UNIT_CODE, type IntakeContents, type IntakeManifest } from '../services/regency-intake';
import type { LooseAct } from '../services/sync';
import type { OpdIdentity } from '../store/regency-store';
import { arrangeActLines } from '../sync/act-lines';
import { RelayError, type ChangesPage } from './couch';
import { buildCardDoc, cardContentKey, readCardDoc, rememberCards, storedCards } from './device-card';
import type { RelayState } from './relay-files';
import { actDocId, actDocSchema, MAX_KEPT, type RoundDeps } from './rounds';

/**
 * The PPID Utama's round on the regency's relay database (issue 14: "the PPID Utama's
 * installation pulls every OPD of its regency"). The Utama makes no acts: it pushes only its own
 * card, and reads `_changes` from its checkpoint, every office's documents:
 *
 * - `kartu:` documents, each checked (readCardDoc) and kept: they are what a package's manifest
 *   and device list are for the intake — who an OPD laptop is, its key, its office, the laptops
 *   it vouches for.
 * - `act:` documents, grouped by office, then by cycle. An office's acts go to its register entry
 *   (matched from its newest card's identity, as a package's manifest is matched) only when one
 *   of its cards carries a key a person trusted for that entry; then the same checks and writes
 *   as a package (services/regency-intake.ts receiveContents), all or nothing per office and
 *   page. With no trusted key the office waits: its acts are counted, not copied, and once a
 *   key is trusted the feed is read again from before its first act (receiving is idempotent).
 *
 * The checkpoint is stored only after a page's writes: a round killed mid-page reads the page
 * again and finds what it wrote already held.
 */

/** Acts of offices waiting for trust, counted at most (a hostile relay must not fill the disk). */
const MAX_WAITING_ACTS = 200_000;

export interface RegencyRoundResult {
  newActs: number;
  /** Offices with acts waiting for a trusted key after the round. */
  waiting: number;
}

type Kept = RelayState['kept'][number];

/** The Utama's own card, pushed when what it says changes (a new name, the office's data). */
export async function pushOwnCard(d: RoundDeps): Promise<void> {
  const doc = buildCardDoc(d.stores, d.now());
  const key = cardContentKey(doc);
  if (d.state.data.cardPushed === key) return;
  const [r] = await d.client.bulkInsert([doc as unknown as Record<string, unknown>]);
  if (r && !r.ok && !(await d.client.existing([doc._id])).has(doc._id)) throw new RelayError('ditolak', `Server relay menolak kartu perangkat PPID Utama: ${r.reason || r.error}.`);
  await d.write(() => d.state.update((s) => ({ ...s, cardPushed: key })));
}

export async function regencyRound(d: RoundDeps, source: string): Promise<RegencyRoundResult> {
  await pushOwnCard(d);
  return pullRegency(d, source);
}

/** An office's cards and what they mean here: its identity, the register entry it matches, the cards whose key is trusted there. */
export interface OfficeCards {
  cards: DeviceCard[];
  newest: DeviceCard;
  identity: OpdIdentity;
  entry: RegisterEntry | null;
  trusted: DeviceCard[];
}

export function officeCards(stores: Stores, cards: readonly DeviceCard[], officeId: string): OfficeCards | null {
  const own = cards.filter((c) => c.body.officeId === officeId && c.body.officeKind === 'opd');
  if (!own.length) return null;
  const newest = own.reduce((a, b) => (b.body.at > a.body.at ? b : a));
  const identity = identityOf(newest);
  const entry = stores.regency.match(identity);
  const trusted = entry ? own.filter((c) => entry.keys.some((k) => k.installationId === c.body.installationId && k.publicKey === c.body.publicKey && !k.revokedAt)) : [];
  return { cards: own, newest, identity, entry, trusted };
}

export function identityOf(card: DeviceCard): OpdIdentity {
  const code = card.body.office.unitCode;
  return { officeId: card.body.officeId, name: card.body.officeName, unitCode: UNIT_CODE.test(code) ? code : '' };
}

/** What a package's manifest says, from a card. */
export function cardManifest(card: DeviceCard): IntakeManifest {
  const b = card.body;
  return { packageId: randomUUID(), officeId: b.officeId, officeName: b.officeName, office: b.office, sender: { installationId: b.installationId, name: b.name, publicKey: b.publicKey } };
}

/**
 * Offices that waited and have a trusted key now (given on "Menunggu kepercayaan", or by a
 * package's sender trusted since): the feed is read again from before the earliest one's first act.
 */
async function rewindForTrusted(d: RoundDeps): Promise<void> {
  const waiting = d.state.data.regency.waiting;
  const ids = Object.keys(waiting);
  if (!ids.length) return;
  const cards = storedCards(d.state.data.cards);
  const now = ids.filter((id) => (officeCards(d.stores, cards, id)?.trusted.length ?? 0) > 0);
  if (!now.length) return;
  const first = now.reduce((a, b) => (waiting[b]!.page < waiting[a]!.page ? b : a));
  await d.write(() =>
    d.state.update((s) => {
      const from = s.regency.waiting[first]!;
      for (const id of now) delete s.regency.waiting[id];
      return { ...s, pull: { since: from.from }, regency: { ...s.regency, page: Math.max(0, from.page - 1) } };
    }),
  );
}

export async function pullRegency(d: RoundDeps, source: string): Promise<RegencyRoundResult> {
  const { stores } = d;
  const self = stores.settings.get()?.officeId;
  if (!self) return { newActs: 0, waiting: 0 };
  await rewindForTrusted(d);
  let newActs = 0;
  // Acts kept from earlier rounds are offered again once per round: a parent or a card may have arrived since.
  let first = true;
  /**
   * Acts of offices that waited in an earlier page of this round (their card had not come yet,
   * or no key was trusted), held in memory: when the card arrives later in the same round they
   * are received with it, instead of the feed being read again next round.
   */
  const carry = new Map<string, Map<string, LooseAct>>();
  /** Offices whose waiting record this round began (its acts are all in `carry`). */
  const begun = new Set<string>();
  let carried = 0;
  // The next page is asked for while this one is checked and written: the server's time and this computer's overlap.
  let ahead: { since: string | number | null; page: Promise<ChangesPage> } | null = null;
  const fetchPage = (since: string | number | null) => {
    const page = d.client.changes(since, d.pageSize);
    // Awaited when its turn comes; a round that ends first leaves it unread, not unhandled.
    page.catch(() => undefined);
    return { since, page };
  };
  for (;;) {
    const since = d.state.data.pull.since;
    let page: ChangesPage;
    try {
      page = await (ahead && String(ahead.since) === String(since) ? ahead.page : fetchPage(since).page);
    } catch (e) {
      ahead = null;
      // A sequence this database never issued (it was made anew): read it from its beginning.
      if (!(e instanceof RelayError && e.status === 400 && since !== null)) throw e;
      await d.write(() => d.state.update((s) => ({ ...s, pull: { since: null }, cardPushed: null, regency: { page: 0, waiting: {} } })));
      continue;
    }
    ahead = page.results.length >= d.pageSize && String(page.last_seq) !== String(since) ? fetchPage(page.last_seq) : null;
    if (!page.results.length && !(first && d.state.data.kept.some((k) => k.line))) break;
    first = false;

    const incomingCards: DeviceCard[] = [];
    const refused: Kept[] = [];
    const byOffice = new Map<string, Map<string, LooseAct>>();
    const add = (officeId: string, a: LooseAct) => {
      let m = byOffice.get(officeId);
      if (!m) byOffice.set(officeId, (m = new Map()));
      m.set(a.key, a);
    };
    for (const row of page.results) {
      if (row.deleted || !row.doc) continue;
      if (row.id.startsWith('kartu:')) {
        const card = readCardDoc(row.doc);
        if (card.ok) incomingCards.push(card.card);
        else refused.push({ key: row.id, cycleId: '', line: '', actId: null, kind: 'ditolak', reason: card.reason, officeId: typeof row.doc.officeId === 'string' ? row.doc.officeId : undefined });
        continue;
      }
      // Soft files stay with the OPD: the regency's views need the lists, not the attachments.
      if (!row.id.startsWith('act:')) continue;
      const doc = actDocSchema.safeParse(row.doc);
      if (!doc.success) {
        refused.push({ key: row.id, cycleId: row.id.split(':')[1] ?? '', line: '', actId: null, kind: 'ditolak', reason: 'dokumen di server relay tidak berbentuk tindakan' });
        continue;
      }
      const a = doc.data;
      if (a.officeId === self) continue;
      if (row.id !== actDocId(a.cycleId, a.actId) || !namesAct(a.line, a.actId)) {
        refused.push({ key: row.id, cycleId: a.cycleId, line: '', actId: a.actId, kind: 'ditolak', reason: 'dokumen di server relay tidak sesuai namanya (diubah di server)', officeId: a.officeId });
        continue;
      }
      add(a.officeId, { key: row.id, cycleId: a.cycleId, line: a.line });
    }
    const replaced = new Set([...[...byOffice.values()].flatMap((m) => [...m.keys()]), ...refused.map((r) => r.key)]);
    const earlier = d.state.data.kept.filter((k) => !replaced.has(k.key));
    // Offered again: kept lines of each office, with the office's new ones (a new one of the same name wins).
    for (const k of earlier) {
      if (!k.line || !k.officeId) continue;
      const m = byOffice.get(k.officeId);
      if (!m?.has(k.key)) add(k.officeId, { key: k.key, cycleId: k.cycleId, line: k.line });
    }
    const shapeless = earlier.filter((k) => !k.line || !k.officeId);
    const cardsStored = rememberCards(d.state.data.cards, incomingCards);
    const cards = storedCards(cardsStored);
    for (const [officeId, acts] of carry) {
      if (byOffice.has(officeId) || !officeCards(stores, cards, officeId)?.trusted.length) continue;
      for (const a of acts.values()) add(officeId, a);
    }
    const pageNo = d.state.data.regency.page + 1;

    const outcome = await d.write(() =>
      stores.locks.run(LOCKS.regency, async () => {
        const kept: Kept[] = [];
        const waitingNow: Record<string, string[]> = {};
        const applied: string[] = [];
        let fresh = 0;
        const done: string[] = [];
        for (const [officeId, page] of byOffice) {
          const acts = new Map([...(carry.get(officeId) ?? []), ...page]);
          const r = await receiveOffice(stores, officeId, [...acts.values()], cards, source, d.now());
          if (r.waiting) {
            carried += acts.size - (carry.get(officeId)?.size ?? 0);
            // Past the cap they are read again from the relay once trusted, like those of earlier rounds.
            if (carried <= MAX_WAITING_ACTS) carry.set(officeId, acts);
          }
          else if (carry.delete(officeId) && begun.has(officeId)) done.push(officeId);
          kept.push(...r.kept);
          if (r.waiting) waitingNow[officeId] = r.waiting;
          if (r.newActs) {
            fresh += r.newActs;
            applied.push(`${r.opdName} (${r.newActs} tindakan baru)`);
          }
        }
        if (applied.length) await appendAudit(stores, null, d.now(), 'utama.terima', `Diterima dari ${source}: ${applied.join(', ')}.`);
        await d.state.update((s) => {
          const waiting = { ...s.regency.waiting };
          // Received with every act it waited with: nothing to read again for it.
          for (const id of done) delete waiting[id];
          for (const id of Object.keys(waitingNow)) if (!waiting[id]) begun.add(id);
          let total = Object.values(waiting).reduce((n, w) => n + w.acts.length, 0);
          for (const [officeId, ids] of Object.entries(waitingNow)) {
            const w = waiting[officeId] ?? { from: since, page: pageNo, acts: [] };
            const have = new Set(w.acts);
            const more = ids.filter((id) => !have.has(id)).slice(0, Math.max(0, MAX_WAITING_ACTS - total));
            total += more.length;
            waiting[officeId] = { ...w, acts: [...w.acts, ...more] };
          }
          return { ...s, pull: { since: page.last_seq }, cards: cardsStored, kept: [...refused, ...shapeless, ...kept].slice(0, MAX_KEPT), regency: { page: pageNo, waiting } };
        });
        return fresh;
      }),
    );
    newActs += outcome;
    await d.onBatch?.('ambil', page.results.length);
    if (page.results.length < d.pageSize || String(page.last_seq) === String(since)) break;
  }
  return { newActs, waiting: Object.keys(d.state.data.regency.waiting).length };
}

interface OfficeOutcome {
  newActs: number;
  opdName: string;
  kept: Kept[];
  /** Act ids waiting for a trusted key of the office (not kept: read again once trusted). */
  waiting: string[] | null;
}

/** One office's acts of a page (and those kept for it), through the intake's checks and writes. */
async function receiveOffice(stores: Stores, officeId: string, acts: LooseAct[], cards: readonly DeviceCard[], source: string, now: Date): Promise<OfficeOutcome> {
  const reg = stores.regency;
  const oc = officeCards(stores, cards, officeId);
  const waitAll = (): OfficeOutcome => ({ newActs: 0, opdName: oc?.newest.body.officeName ?? officeId, kept: [], waiting: acts.map((a) => a.key.slice(a.key.lastIndexOf(':') + 1)) });
  if (!oc || !oc.trusted.length) return waitAll();
  const entry = oc.entry!;
  const opdName = entry.name;
  const keep = (a: { key: string; line: string }, cycleId: string, actId: string | null, kind: Kept['kind'], reason: string): Kept => ({ key: a.key, cycleId, line: a.line, actId, kind, reason, officeId });

  // The laptops the trusted cards vouch for, with their keys: the newest trusted card first, as a package's sender.
  const trusted = [...oc.trusted].sort((a, b) => (b.body.at > a.body.at ? 1 : b.body.at < a.body.at ? -1 : 0));
  const sender = trusted[0]!;
  const devices = new Map<string, DeviceInfo>();
  for (const c of trusted) if (!devices.has(c.body.installationId)) devices.set(c.body.installationId, { installationId: c.body.installationId, name: c.body.name, publicKey: c.body.publicKey });
  for (const c of trusted) for (const dv of c.body.devices) if (!devices.has(dv.installationId)) devices.set(dv.installationId, { ...dv });
  const known = (id: string) => id === MERGE_INSTALLATION || devices.has(id) || Object.hasOwn(entry.devices, id);

  const kept: Kept[] = [];
  const cycles: IntakeContents['contents']['cycles'] = [];
  const keys = new Map<string, { key: string; line: string }>();
  const byCycle = new Map<string, LooseAct[]>();
  for (const a of acts) byCycle.set(a.cycleId, [...(byCycle.get(a.cycleId) ?? []), a]);
  for (const [cycleId, lines] of byCycle) {
    const held = new Map(reg.cycleEvents(entry.entryId, cycleId).map((e) => [e.id, e.hash]));
    const arranged = arrangeActLines(cycleId, lines, held);
    for (const w of arranged.notReady) kept.push(keep(w, cycleId, w.actId, w.kind, w.reason));
    const out = new Set<string>();
    const events: CycleEvent[] = [];
    const cycleLines = new Map<string, string>();
    for (const r of arranged.ready) {
      const e = r.event;
      let why: [Kept['kind'], string] | null = null;
      if (r.key.slice(r.key.lastIndexOf(':') + 1) !== e.id) why = ['ditolak', 'dokumen di server relay tidak sesuai namanya (diubah di server)'];
      else if (!known(e.installationId)) why = ['belum-dipercaya', `tindakan dari perangkat yang belum disebut laptop tepercaya ${opdName}`];
      else if (e.parents.some((p) => out.has(p))) why = ['menunggu', 'mengikuti tindakan yang belum dapat diterima'];
      else if (e.installationId !== MERGE_INSTALLATION && e.sig === null) why = ['ditolak', 'tindakan tanpa tanda tangan hanya diterima dalam paket dari pembuatnya'];
      if (why) {
        out.add(e.id);
        kept.push(keep(r, cycleId, e.id, why[0], why[1]));
        continue;
      }
      events.push(e);
      cycleLines.set(e.id, r.line);
      keys.set(e.id, r);
    }
    if (events.length) cycles.push({ id: cycleId, events, lines: cycleLines });
  }
  if (!cycles.length) return { newActs: 0, opdName, kept, waiting: null };

  const parsed: IntakeContents = { manifest: cardManifest(sender), contents: { devices, cycles, files: new Map() } };
  const r = await receiveContents(stores, { source, parsed, by: 'relay', now });
  if (r.status === 'siap' || r.status === 'sama') return { newActs: r.newActs, opdName: r.entry?.name ?? opdName, kept, waiting: null };
  if (r.status === 'menunggu_kepercayaan') return waitAll();
  // All or nothing for the office's page: each act stays kept, named with the intake's reason, and is offered again.
  const reason = (r.message ?? 'ditolak').replace(/^Paket ditolak: /, '').replace(/ Tidak ada yang diubah\.$/, '').replace(/\.$/, '');
  for (const c of cycles) for (const e of c.events) kept.push(keep(keys.get(e.id)!, c.id, e.id, 'ditolak', reason));
  return { newActs: 0, opdName, kept, waiting: null };
}

/** The line is the act its document names. Lines as the app writes them begin with the id; others are read whole. */
function namesAct(line: string, actId: string): boolean {
  if (/^\{"v":\d+,"id":"/.test(line)) {
    const start = line.indexOf('"id":"') + 6;
    return line.slice(start, line.indexOf('"', start)) === actId;
  }
  try {
    return (JSON.parse(line) as { id?: unknown }).id === actId;
  } catch {
    return false;
  }
}

/** Cards of an office, one per laptop and key, newest first (for the waiting list). */
export function laptopsOf(cards: readonly DeviceCard[]): DeviceCard[] {
  const byKey = new Map<string, DeviceCard>();
  for (const c of cards) {
    const had = byKey.get(cardKey(c.body));
    if (!had || c.body.at > had.body.at) byKey.set(cardKey(c.body), c);
  }
  return [...byKey.values()].sort((a, b) => (b.body.at > a.body.at ? 1 : -1));
}
