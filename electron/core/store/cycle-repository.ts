import { randomUUID } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { applyInPlace, fold, type Actor, type CycleEvent, type CycleState, type EventBody } from '../domain/workflow';
import { CorruptFileError } from './durable-file';
import { EventLogWriter, eventHash, readEventLog, repairTail } from './event-log';

interface Loaded {
  state: CycleState;
  events: CycleEvent[];
  writer: EventLogWriter;
  /** Acts on one cycle run one at a time, so two never follow the same act by accident. */
  lock: Promise<void>;
}

export interface DamagedCycle {
  id: string;
  message: string;
}

const ID_RE = /^[A-Za-z0-9-]{8,64}$/;

/** Every cycle of this office: one folder each, holding its append-only log of acts. */
export class CycleRepository {
  private cycles = new Map<string, Loaded>();
  readonly damaged: DamagedCycle[] = [];

  private constructor(
    readonly root: string,
    readonly installationId: string,
  ) {}

  static async open(root: string, installationId: string): Promise<CycleRepository> {
    const repo = new CycleRepository(root, installationId);
    await fs.mkdir(root, { recursive: true });
    const names = (await fs.readdir(root, { withFileTypes: true })).filter((d) => d.isDirectory() && ID_RE.test(d.name));
    for (const d of names) {
      const file = path.join(root, d.name, 'events.jsonl');
      try {
        const { events, truncatedTail } = await readEventLog(file);
        if (truncatedTail) await repairTail(file, events);
        if (!events.length) continue;
        repo.cycles.set(d.name, { state: fold(events), events, writer: new EventLogWriter(file), lock: Promise.resolve() });
      } catch (e) {
        // One damaged cycle must not lock the office out of the others.
        repo.damaged.push({ id: d.name, message: e instanceof CorruptFileError ? e.message : `Siklus ${d.name} tidak dapat dibaca.` });
      }
    }
    return repo;
  }

  list(): CycleState[] {
    return [...this.cycles.values()].map((c) => c.state);
  }

  get(id: string): CycleState | null {
    return this.cycles.get(id)?.state ?? null;
  }

  events(id: string): CycleEvent[] {
    return this.cycles.get(id)?.events ?? [];
  }

  /**
   * Runs `decideFn` on the cycle's current state under the cycle's lock; the bodies it
   * returns are chained, written durably, and only then applied to the state in memory.
   */
  async record(
    id: string | null,
    actor: Actor,
    now: Date,
    decideFn: (state: CycleState | null) => EventBody[] | Promise<EventBody[]>,
  ): Promise<CycleState> {
    const cycleId = id ?? randomUUID();
    let loaded = this.cycles.get(cycleId);
    if (id && !loaded) throw new Error(`Siklus ${id} tidak ditemukan.`);
    if (!loaded) {
      loaded = { state: null as unknown as CycleState, events: [], writer: new EventLogWriter(path.join(this.root, cycleId, 'events.jsonl')), lock: Promise.resolve() };
    }
    const target = loaded;
    const run = target.lock.then(async () => {
      const bodies = await decideFn(target.events.length ? target.state : null);
      if (!bodies.length) return target.state;
      let prev = target.state?.lastEventId ?? null;
      let prevHash = target.state?.lastHash ?? null;
      const at = now.toISOString();
      const fresh: CycleEvent[] = bodies.map((body) => {
        const base = { id: randomUUID(), cycleId, prev, installationId: this.installationId, at, actor, body };
        const e = { ...base, hash: eventHash(prevHash, base) };
        prev = e.id;
        prevHash = e.hash;
        return e;
      });
      await target.writer.append(fresh);
      let state: CycleState | null = target.events.length ? target.state : null;
      for (const e of fresh) state = applyInPlace(state, e);
      target.state = state!;
      target.events.push(...fresh);
      this.cycles.set(cycleId, target);
      return target.state;
    });
    target.lock = run.then(
      () => undefined,
      () => undefined,
    );
    return run;
  }
}
