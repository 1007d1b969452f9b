import { promises as fs } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import type { ItemFields } from '../../electron/core/domain/information';
import { canEdit, currentReviews, foldGraph, TRANSITIONS, type Actor } from '../../electron/core/domain/workflow';
import { AppError } from '../../electron/core/result';
import { seedIds } from '../fixtures/sync-ids';
import { PEOPLE, projection, SyncSim, type Laptop } from '../fixtures/sync-sim';
import { completeItem } from './workflow-fixtures';

vi.mock('node:crypto', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:crypto')>();
  const ids = await import('../fixtures/sync-ids');
  return { ...actual, randomUUID: () => ids.nextId() };
});

/**
 * Whatever the office does on its laptops, in whatever order packages travel, once everyone has
 * exchanged with everyone, every laptop holds the same acts and shows the same cycle. Random
 * work on four laptops (the operator's, an officer's, the PPID Pembantu's, the Kepala's; the
 * PPID Pembantu and the Kepala each sometimes work on the other's), each command applied only if the rules allow it on
 * that laptop at that moment, exchanges between random pairs in between.
 *
 * Reproducible: fast-check's seed picks the commands, and the same seed names the acts
 * (tests/fixtures/sync-ids.ts). On a failure fast-check prints `seed` and `path`; run again with
 * SYNC_SEED=<seed> SYNC_PATH=<path> (and SYNC_DEBUG=1 to print the log) to replay only the
 * shrunk case. A longer hunt: SYNC_SEED=<any> SYNC_RUNS=300 SYNC_TIMEOUT_MS=900000.
 */

const LAPTOPS: { name: string; people: Actor[] }[] = [
  { name: 'operator', people: [PEOPLE.operator] },
  { name: 'petugas', people: [PEOPLE.petugas] },
  { name: 'ppid', people: [PEOPLE.ppid, PEOPLE.kepala] },
  { name: 'kepala', people: [PEOPLE.kepala, PEOPLE.ppid] },
];

const FIELDS: { field: keyof ItemFields; values: unknown[] }[] = [
  { field: 'judul', values: ['Rencana Strategis', 'Renstra Dinas', 'Rencana Strategis 2027-2031'] },
  { field: 'ringkasan', values: ['Arah kebijakan lima tahun.', 'Tujuan dan sasaran dinas.', 'Ringkasan singkat.'] },
  { field: 'retensi', values: ['5 tahun', '10 tahun', 'Permanen'] },
  { field: 'kategori', values: ['setiap_saat', 'serta_merta', 'dikecualikan'] },
];

/** Every item is complete in any category it is switched to: the exemption is filled from the start. */
const EXEMPTION = completeItem('x', 'x', 'dikecualikan').exemption;
const itemFields = (n: number, exempt: boolean) =>
  completeItem(`Informasi ${n}`, n % 2 ? 'Sekretariat' : 'Keuangan', exempt ? 'dikecualikan' : 'setiap_saat', { exemption: EXEMPTION });

type Cmd = { k: 'work'; l: number; pick: number; a: number; b: number; c: number } | { k: 'exchange'; from: number; to: number };

const laptop = fc.integer({ min: 0, max: LAPTOPS.length - 1 });
const n = fc.nat({ max: 50 });
const cmd: fc.Arbitrary<Cmd> = fc.oneof(
  { weight: 2, arbitrary: fc.record({ k: fc.constant('exchange' as const), from: laptop, to: laptop }) },
  { weight: 3, arbitrary: fc.record({ k: fc.constant('work' as const), l: laptop, pick: n, a: n, b: n, c: n }) },
);

const pickOf = <T>(xs: readonly T[], i: number): T | undefined => (xs.length ? xs[i % xs.length] : undefined);

/**
 * What the people at this laptop could try now, as the screens offer it: edits while the list
 * is open, the step holder's moves, review marks, a choice on a conflict they decide (offered
 * more often, or the cycle rarely gets past its first conflict in 40 commands). Each is still
 * checked by the same rules when it runs.
 */
function options(sim: SyncSim, l: Laptop, people: Actor[], id: string, c: Cmd & { k: 'work' }, counter: { items: number }): (() => Promise<unknown>)[] {
  const s = l.repo.get(id)!;
  const out: (() => Promise<unknown>)[] = [];
  for (const who of people) {
    if (canEdit(s, who.role, 'items').ok) {
      const item = pickOf(s.items, c.a);
      const f = FIELDS[c.b % FIELDS.length]!;
      out.push(() => sim.addItem(l, who, id, itemFields(++counter.items, c.c % 3 === 0)));
      if (item) out.push(...[1, 2, 3].map(() => () => sim.updateItem(l, who, id, item.id, { [f.field]: f.values[c.c % f.values.length] })));
      // Keep a list to work on: removing the last item only blocks every step.
      if (item && s.items.length > 1) out.push(() => sim.removeItem(l, who, id, item.id));
    }
    if (canEdit(s, who.role, 'review').ok) {
      const item = pickOf(s.items, c.a);
      if (item) out.push(() => sim.markReview(l, who, id, item.id, c.c % 3 ? 'sesuai' : 'perlu_perbaikan', c.c % 3 ? '' : 'Lengkapi ringkasannya.'));
      out.push(() => sim.markAll(l, who, id, 'sesuai'));
    }
    if (canEdit(s, who.role, 'uji').ok) out.push(() => sim.recordUji(l, who, id));
    for (const t of TRANSITIONS.filter((x) => x.step === s.step && x.roles.includes(who.role))) {
      out.push(() => sim.act(l, who, id, t.action, t.reasonRequired ? 'Perbaiki ringkasannya.' : ''));
    }
    for (const conflict of s.conflicts.filter((x) => x.decider === who.role)) {
      const allowed = conflict.options.filter((o) => o.allowed);
      for (let k = 0; k < 4; k++) {
        const option = pickOf(allowed, c.b + k);
        if (option) out.push(() => sim.resolve(l, who, id, conflict.id, option.choice));
      }
    }
  }
  return out;
}

/** Runs one command on its laptop if the rules allow it there; a refusal (AppError) is a skipped command. */
async function run(sim: SyncSim, id: string, c: Cmd, counter: { items: number }): Promise<void> {
  if (c.k === 'exchange') {
    if (c.from !== c.to) await sim.exchange(sim.laptops[c.from]!, sim.laptops[c.to]!, id);
    return;
  }
  const l = sim.laptops[c.l]!;
  try {
    await pickOf(options(sim, l, LAPTOPS[c.l]!.people, id, c, counter), c.pick)?.();
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
  }
}

/** Replaying one case (SYNC_PATH): the log as the first laptop holds it, one act a line, and what it folds to. */
function debugDump(l: Laptop, id: string) {
  const short = (x: string) => x.slice(0, 8);
  for (const e of l.repo.events(id)) {
    const b = e.body as { type: string; action?: string; conflictId?: string; choice?: string; itemId?: string; fields?: object };
    const what = [b.type, b.action, b.itemId && short(b.itemId), b.fields && JSON.stringify(b.fields).slice(0, 60), b.conflictId, b.choice && short(b.choice)];
    console.log(short(e.id), e.installationId, e.actor.role, `[${e.parents.map(short).join(',')}]`, what.filter(Boolean).join(' '));
  }
  const s = l.repo.get(id)!;
  console.log(JSON.stringify({ step: s.step, open: s.conflicts.map((c) => c.id), resolved: s.resolvedConflicts, setAside: s.setAside }, null, 1));
}

/** Acts by id → hash, from the log file as stored (each id once). */
async function logOf(sim: SyncSim, l: Laptop, id: string): Promise<Map<string, string>> {
  const lines = (await fs.readFile(sim.logFile(l, id), 'utf8')).trimEnd().split('\n');
  const acts = new Map<string, string>();
  for (const line of lines) {
    const a = JSON.parse(line) as { id: string; hash: string };
    expect(acts.has(a.id), `act ${a.id} stored twice on ${l.name}`).toBe(false);
    acts.set(a.id, a.hash);
  }
  return acts;
}

/** Where the cycle stands when the laptops start working apart: 40 commands rarely carry it through every step. */
const STARTS = ['identifikasi', 'pengumpulan', 'pemeriksaan_ppid', 'pemeriksaan_kepala'] as const;

async function converges(start: (typeof STARTS)[number], seed: number, cmds: Cmd[]): Promise<void> {
  seedIds(seed);
  const sim = await SyncSim.create(LAPTOPS.map((x) => x.name));
  try {
    const [O, , P] = sim.laptops as [Laptop, Laptop, Laptop];
    const id = await sim.createCycle(O);
    const counter = { items: 0 };
    for (const exempt of [false, true]) await sim.addItem(O, PEOPLE.operator, id, itemFields(++counter.items, exempt));
    const upTo = STARTS.indexOf(start);
    if (upTo >= 1) {
      await sim.act(O, PEOPLE.operator, id, 'report');
      await sim.exchange(O, P, id);
      await sim.act(P, PEOPLE.ppid, id, 'issueNotaDinas');
      await sim.exchange(P, O, id);
    }
    if (upTo >= 2) {
      await sim.act(O, PEOPLE.operator, id, 'submitKonsep');
      await sim.exchange(O, P, id);
      await sim.markAll(P, PEOPLE.ppid, id);
    }
    if (upTo >= 3) await sim.act(P, PEOPLE.ppid, id, 'approve');
    await sim.exchangeUntilQuiet(id);
    expect(O.repo.get(id)!.step).toBe(start);

    /** Every act anyone ever held, by id → hash. */
    const made = new Map<string, string>();
    const collect = () => {
      for (const l of sim.laptops) for (const e of l.repo.events(id)) made.set(e.id, e.hash);
    };
    for (const c of cmds) {
      await run(sim, id, c, counter);
      collect();
    }
    await sim.exchangeUntilQuiet(id);
    collect();

    const states = sim.laptops.map((l) => l.repo.get(id)!);
    for (const [n, l] of sim.laptops.entries()) {
      // The same acts, each once, with the same hashes: nothing lost, nothing made twice.
      expect(await logOf(sim, l, id), `${l.name} holds every act`).toEqual(made);
      expect(new Map(l.repo.events(id).map((e) => [e.id, e.hash]))).toEqual(made);
      // The same cycle on every laptop, and the state kept in memory is what the log folds to.
      expect(projection(states[n]!), `${l.name} shows what ${sim.laptops[0]!.name} shows`).toEqual(projection(states[0]!));
      expect(projection(foldGraph(l.repo.events(id)).state), `${l.name}: memory and log agree`).toEqual(projection(states[n]!));
    }
    const s = states[0]!;
    const events = sim.laptops[0]!.repo.events(id);
    // Everyone joined everything: one head, and every act counted once.
    expect(s.heads).toHaveLength(1);
    expect(s.eventCount).toBe(events.length);
    const known = new Set(events.map((e) => e.id));
    for (const c of s.conflicts) for (const a of c.acts) expect(known.has(a), `conflict ${c.id} names an act the log holds`).toBe(true);
    expect(new Set(s.setAside.map((x) => x.id)).size, 'an act set aside twice').toBe(s.setAside.length);
    // What the screens rely on: each item once, on the list or removed; a check of this round judged this version.
    const itemIds = [...s.items, ...s.removedItems].map((i) => i.id);
    expect(new Set(itemIds).size, 'an item both listed and removed, or twice').toBe(itemIds.length);
    for (const [itemId, r] of Object.entries(currentReviews(s))) expect(r.version, `mark of ${itemId} in this round`).toBe(s.version);
    if (process.env.SYNC_DEBUG) debugDump(sim.laptops[0]!, id);
    const ids = [...s.conflicts.map((c) => c.id), ...s.resolvedConflicts.map((r) => r.conflictId)];
    expect(ids.length, `a conflict listed twice: ${ids.join(', ')}`).toBe(new Set(ids).size);
    for (const e of sim.laptops[0]!.repo.events(id)) {
      if (e.body.type !== 'conflict.resolved') continue;
      expect(new Set(e.body.acts).size, `${e.body.conflictId} names an act twice`).toBe(e.body.acts.length);
    }
    // After a restart, every laptop reads the same cycle back.
    await sim.reopen(sim.laptops[1]!);
    expect(projection(sim.laptops[1]!.repo.get(id)!)).toEqual(projection(s));
  } finally {
    await sim.dispose();
  }
}

describe('laptops that exchange until nothing is new agree', () => {
  it('on every act and on the cycle they show, whatever each did and in whatever order packages travelled', async () => {
    const seed = process.env.SYNC_SEED ? Number(process.env.SYNC_SEED) : 20261205;
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...STARTS), fc.integer({ min: 1, max: 2 ** 31 - 1 }), fc.array(cmd, { minLength: 10, maxLength: 40, size: 'max' }), converges),
      { numRuns: Number(process.env.SYNC_RUNS ?? 40), seed, path: process.env.SYNC_PATH, endOnFailure: process.env.SYNC_PATH ? true : undefined },
    );
    // Longer hunts (SYNC_RUNS=…) need more than the suite's minute.
  }, Number(process.env.SYNC_TIMEOUT_MS ?? 60_000));
});
