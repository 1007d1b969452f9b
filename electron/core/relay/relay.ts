import type { SecretStore } from '../platform';
import type { Stores } from '../services/context';
import type { RelayConfig, RelayKeptView, RelayStatus } from '../domain/sync/relay';
import { CouchRelay, RelayError } from './couch';
import { NO_RELAY, openRelayFiles, relayStateSchema, targetKey, type RelayState, type TolerantJsonFile } from './relay-files';
import { storedCards } from './device-card';
import { regencyRound } from './regency-pull';
import { pull, push, pushCard, reconcile, recordReceipt, waitingToSend, type RoundDeps } from './rounds';
import { waitingDevices } from './waiting-devices';

/**
 * The relay in the background: a round (pull, then push what this laptop has and the relay lacks)
 * on start, after every change of the settings, on "Sinkronkan sekarang", and every
 * `intervalMs` while it works; after a failure the next try waits longer each time
 * (`firstRetryMs` doubling up to `maxRetryMs`). Rounds never overlap, never hold a call: the
 * network is used outside the core's call gate, and only the local writes (a page of pulled
 * acts applied, a checkpoint stored) pass through it, so a backup or a restore waits at most
 * for one write. Stopped (closing, restoring), a round writes nothing more.
 */

export interface RelayTimer {
  set(fn: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

export const systemTimer: RelayTimer = {
  set(fn, ms) {
    const t = setTimeout(fn, ms);
    // A waiting retry must not keep a process alive that is otherwise done.
    t.unref?.();
    return t;
  },
  clear: (h) => clearTimeout(h as NodeJS.Timeout),
};

export interface RelayOptions {
  intervalMs: number;
  firstRetryMs: number;
  maxRetryMs: number;
  /** Acts per `_bulk_docs` request. */
  batchSize: number;
  /** Documents per `_changes` page: one pass of the receive pipeline each. */
  pageSize: number;
  timeoutMs: number;
  timer: RelayTimer;
  /** Tests: after every batch pushed or pulled (and its checkpoint stored). */
  onBatch?: RoundDeps['onBatch'];
}

export const RELAY_DEFAULTS: RelayOptions = {
  intervalMs: 60_000,
  firstRetryMs: 5_000,
  maxRetryMs: 5 * 60_000,
  batchSize: 1000,
  pageSize: 2000,
  timeoutMs: 30_000,
  timer: systemTimer,
};

export const RELAY_PASSWORD = 'relay.password';

type Gate = <T>(work: () => Promise<T>) => Promise<T>;

class Stopped extends Error {}

export class Relay {
  private stores: Stores | null = null;
  private gate: Gate = (w) => w();
  private stopped = true;
  private handle: unknown = null;
  private running: Promise<void> | null = null;
  private again = false;
  private failures = 0;
  private phase: RelayStatus['state'] = 'mati';
  private lastError: string | null = null;
  private received = 0;
  private nextTryAt: Date | null = null;
  private abort: AbortController | null = null;

  private constructor(
    private readonly configFile: TolerantJsonFile<RelayConfig>,
    private readonly stateFile: TolerantJsonFile<RelayState>,
    readonly secrets: SecretStore,
    readonly opts: RelayOptions,
  ) {}

  static async open(root: string, now: Date, secrets: SecretStore, opts: Partial<RelayOptions> = {}, log?: (m: string) => void): Promise<Relay> {
    const [config, state] = await openRelayFiles(root, now, log);
    return new Relay(config, state, secrets, { ...RELAY_DEFAULTS, ...opts });
  }

  get config(): Readonly<RelayConfig> {
    return this.configFile.data;
  }

  get state(): Readonly<RelayState> {
    return this.stateFile.data;
  }

  /** Begins the rounds (when a relay is set and on) for these stores; `gate` is the core's call gate. */
  start(stores: Stores, gate: Gate): void {
    this.stores = stores;
    this.gate = gate;
    this.stopped = false;
    this.kick();
  }

  /** No further round, and no further write by the one under way (its network request is aborted). */
  stop(): void {
    this.stopped = true;
    this.clearTimer();
    this.abort?.abort();
  }

  /** A round now, or right after the one under way. Never waits for it. */
  kick(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.clearTimer();
    this.running = this.round()
      .catch(() => undefined)
      .finally(() => {
        this.running = null;
        if (this.again) {
          this.again = false;
          this.kick();
        }
      });
  }

  /** Resolves once no round runs or is asked for. */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  /**
   * A new relay (or the same one changed): stored, the password in the SecretStore (null:
   * keep the one stored), and the checkpoints forgotten when the server or database changed.
   */
  async configure(next: RelayConfig, password: string | null): Promise<void> {
    if (password !== null) await this.secrets.write(RELAY_PASSWORD, password);
    await this.configFile.update(() => next);
    if (this.stateFile.data.target !== targetKey(next)) await this.stateFile.update(() => ({ ...relayStateSchema.parse({}), target: targetKey(next) }));
    this.failures = 0;
    this.lastError = null;
    this.phase = next.enabled ? 'menunggu' : 'mati';
    this.clearTimer();
    this.nextTryAt = null;
    this.kick();
  }

  async hasPassword(): Promise<boolean> {
    return (await this.secrets.read(RELAY_PASSWORD).catch(() => null)) !== null;
  }

  status(): RelayStatus {
    const stores = this.stores;
    const cfg = this.configFile.data;
    const on = cfg.enabled && !!cfg.url && !!cfg.database && !!cfg.username;
    const state = this.stateFile.data;
    const kept = state.kept;
    // The PPID Utama: acts of OPD offices whose keys are not trusted yet are counted, not kept.
    const untrustedOffices = Object.values(state.regency.waiting).reduce((n, w) => n + w.acts.length, 0);
    const opd = (officeId: string) => {
      const entry = stores?.regency.entries().find((e) => e.officeId === officeId) ?? null;
      const card = entry ? null : storedCards(state.cards).find((c) => c.body.officeId === officeId);
      return { entry, name: entry?.name ?? card?.body.officeName ?? null };
    };
    const acts: RelayKeptView[] = kept.slice(0, 50).map((k) => {
      const office = k.officeId ? opd(k.officeId) : null;
      return {
        kind: k.kind,
        cycleId: k.cycleId,
        cycleTitle: stores?.cycles.get(k.cycleId)?.title ?? (office?.entry ? (stores?.regency.cycle(office.entry.entryId, k.cycleId)?.title ?? null) : null),
        actId: k.actId,
        installationId: installationOf(k.line),
        reason: k.reason,
        ...(office ? { officeName: office.name } : {}),
      };
    });
    return {
      state: on ? this.phase : 'mati',
      lastSyncAt: state.lastSyncAt,
      waitingToSend: on && stores ? waitingToSend(stores, state) : 0,
      lastError: on ? this.lastError : null,
      nextTryAt: on && this.nextTryAt ? this.nextTryAt.toISOString() : null,
      received: this.received,
      kept: {
        belumDipercaya: kept.filter((k) => k.kind === 'belum-dipercaya').length + untrustedOffices,
        menunggu: kept.filter((k) => k.kind === 'menunggu').length,
        ditolak: kept.filter((k) => k.kind === 'ditolak').length,
        acts,
      },
      devices: stores ? waitingDevices(stores, state) : [],
      cardsRefused: state.cardsRefused.map((c) => ({ docId: c.docId, name: c.name, reason: c.reason })),
    };
  }

  private succeeded() {
    this.failures = 0;
    this.phase = 'tersinkron';
    this.lastError = null;
    this.schedule(this.opts.intervalMs);
  }

  private clearTimer() {
    if (this.handle !== null) this.opts.timer.clear(this.handle);
    this.handle = null;
  }

  private schedule(ms: number) {
    if (this.stopped) return;
    this.clearTimer();
    this.nextTryAt = new Date((this.stores?.clock.now() ?? new Date()).getTime() + ms);
    this.handle = this.opts.timer.set(() => {
      this.handle = null;
      this.kick();
    }, ms);
  }

  private gated<T>(work: () => Promise<T>): Promise<T> {
    return this.gate(async () => {
      if (this.stopped) throw new Stopped();
      return work();
    });
  }

  private async round(): Promise<void> {
    const stores = this.stores;
    const cfg = this.configFile.data;
    if (!stores || this.stopped) return;
    if (!cfg.enabled || !cfg.url || !cfg.database || !cfg.username || !stores.settings.get()?.officeId) {
      this.phase = 'mati';
      return;
    }
    // Before the first await: "Sinkronkan sekarang" answers with this, so the screens follow the round from the click.
    this.phase = 'menyinkronkan';
    const password = await this.secrets.read(RELAY_PASSWORD).catch(() => null);
    if (password === null) {
      // Nothing a retry can change: the administrator types it again (e.g. after a restore on another computer).
      this.phase = 'galat';
      this.lastError = 'Kata sandi relay untuk laptop ini belum tersimpan. Isi lagi di Pengaturan › Perangkat › Server relay.';
      return;
    }
    if (this.stateFile.data.target !== targetKey(cfg)) {
      await this.gated(() => this.stateFile.update(() => ({ ...relayStateSchema.parse({}), target: targetKey(cfg) })));
    }
    this.abort = new AbortController();
    try {
      const client = new CouchRelay({ url: cfg.url, database: cfg.database, username: cfg.username, password }, { timeoutMs: this.opts.timeoutMs, signal: this.abort.signal });
      const deps: RoundDeps = {
        stores,
        client,
        state: this.stateFile,
        batchSize: this.opts.batchSize,
        pageSize: this.opts.pageSize,
        write: (w) => this.gated(w),
        onBatch: this.opts.onBatch,
        now: () => stores.clock.now(),
      };
      await client.check();
      if (stores.settings.get()?.officeKind === 'utama') {
        // The PPID Utama reads every OPD of the regency's database and sends only its own card.
        this.received += (await regencyRound(deps, `relay ${client.label}`)).newActs;
        await this.gated(() => this.stateFile.update((s) => ({ ...s, lastSyncAt: stores.clock.now().toISOString() })));
        this.succeeded();
        return;
      }
      const receipt = { rev: await reconcile(deps) };
      // Pull first: what arrives (and the merge it may call for) then goes up with this laptop's own acts in one push.
      const pulled = await pull(deps, `relay ${client.label}`);
      this.received += pulled.newActs;
      const pushed = await push(deps, pulled.onRelay, receipt);
      // After the acts, so a laptop that trusts this one on its card finds the acts there already.
      const card = await pushCard(deps);
      if (card || (!pushed.checked && receipt.rev === null)) await recordReceipt(deps, receipt.rev);
      await this.gated(() => this.stateFile.update((s) => ({ ...s, lastSyncAt: stores.clock.now().toISOString() })));
      this.succeeded();
    } catch (e) {
      if (e instanceof Stopped || this.stopped) return;
      this.failures += 1;
      this.phase = e instanceof RelayError && e.kind === 'luring' ? 'luring' : 'galat';
      this.lastError = e instanceof RelayError ? e.message : `Sinkronisasi relay terhenti: ${(e as Error).message}`;
      this.schedule(Math.min(this.opts.firstRetryMs * 2 ** (this.failures - 1), this.opts.maxRetryMs));
    } finally {
      this.abort = null;
    }
  }
}

function installationOf(line: string): string | null {
  try {
    const v = (JSON.parse(line) as { installationId?: unknown }).installationId;
    return typeof v === 'string' ? v : null;
  } catch {
    return null;
  }
}

export { NO_RELAY };
