import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { DurableJsonFile } from '../store/durable-file';

/**
 * Log-ins live in memory only: a restart asks everyone to log in again, and no session
 * secret ever reaches the disk.
 */
export interface Session {
  token: string;
  userId: string;
  createdAt: number;
  lastSeen: number;
}

const IDLE_MS = 8 * 60 * 60 * 1000;
/** However busy: a log-in left on a shared office PC does not outlive a working day. */
const LIFETIME_MS = 12 * 60 * 60 * 1000;

export class Sessions {
  private byToken = new Map<string, Session>();

  create(userId: string, now: Date): Session {
    const token = randomBytes(32).toString('base64url');
    const s = { token, userId, createdAt: now.getTime(), lastSeen: now.getTime() };
    this.byToken.set(token, s);
    return s;
  }

  /** `touch: false` for calls the screens make on their own (a status asked every few seconds): they do not keep an idle session alive. */
  resolve(token: string | undefined, now: Date, touch = true): Session | null {
    if (!token) return null;
    const s = this.byToken.get(token);
    if (!s) return null;
    if (now.getTime() - s.lastSeen > IDLE_MS || now.getTime() - s.createdAt > LIFETIME_MS) {
      this.byToken.delete(token);
      return null;
    }
    if (touch) s.lastSeen = now.getTime();
    return s;
  }

  end(token: string) {
    this.byToken.delete(token);
  }

  /** After a password change or deactivation every other log-in of that user ends. */
  endAllFor(userId: string, except?: string) {
    for (const [t, s] of this.byToken) if (s.userId === userId && t !== except) this.byToken.delete(t);
  }
}

/** Wrong tries before a name is locked; after a lock runs out, each further wrong try locks it again, longer. */
export const MAX_WRONG_TRIES = 5;
const lockSeconds = (count: number) => Math.min(300, 30 * 2 ** Math.max(0, count - MAX_WRONG_TRIES));

const throttleFileSchema = z.object({
  schemaVersion: z.literal(1),
  names: z.record(z.string(), z.object({ count: z.number().int().nonnegative(), until: z.number() })),
});

/**
 * Slows password guessing: five wrong tries lock the name for a while. A try counts from
 * the moment it starts, not when its (slow) password check ends, so forty tries sent at once
 * get five checks and thirty-five lock messages. The counts live in a small file, written
 * before the answer, so restarting the app does not lift a lock.
 */
export class LoginThrottle {
  private failures = new Map<string, { count: number; until: number }>();
  private inFlight = new Map<string, number>();
  private file: DurableJsonFile<z.infer<typeof throttleFileSchema>> | null = null;

  /** Picks up the locks a previous run left. A damaged file is no reason to refuse to start: it is replaced. */
  async load(file: string, log?: (message: string) => void): Promise<void> {
    this.file = new DurableJsonFile(file);
    this.failures.clear();
    try {
      const raw = await this.file.read();
      // No file yet (a new office, or no wrong password since the last clean start): nothing to say.
      if (raw === null || raw === undefined) return;
      const parsed = throttleFileSchema.safeParse(raw);
      if (parsed.success) for (const [name, f] of Object.entries(parsed.data.names)) this.failures.set(name, { ...f });
      else log?.(`${file} tidak terbaca; penguncian log-in dimulai dari nol.`);
    } catch {
      log?.(`${file} tidak terbaca; penguncian log-in dimulai dari nol.`);
    }
  }

  /**
   * Reserves one try for the name, or answers how many seconds to wait. Every reserved try
   * must end with `fail`, `succeed` or `release`.
   */
  begin(username: string, now: Date): number {
    const f = this.failures.get(username) ?? { count: 0, until: 0 };
    if (f.until > now.getTime()) return Math.ceil((f.until - now.getTime()) / 1000);
    const pending = this.inFlight.get(username) ?? 0;
    // Once locked, a name gets one try per lock period; before that, the five.
    const allowed = f.count >= MAX_WRONG_TRIES ? 1 : MAX_WRONG_TRIES - f.count;
    if (pending >= allowed) return lockSeconds(f.count + pending);
    this.inFlight.set(username, pending + 1);
    return 0;
  }

  /** The try ended without a verdict on the password (e.g. a disabled account). */
  release(username: string) {
    const pending = (this.inFlight.get(username) ?? 1) - 1;
    if (pending > 0) this.inFlight.set(username, pending);
    else this.inFlight.delete(username);
  }

  async fail(username: string, now: Date): Promise<void> {
    this.release(username);
    // Names tried and never again must not pile up for the life of the data folder: past 500,
    // those not locked right now are forgotten (a lock that ran out a while ago protects nothing).
    if (this.failures.size > 500) {
      for (const [name, entry] of this.failures) if (entry.until < now.getTime() && !this.inFlight.has(name)) this.failures.delete(name);
    }
    const f = this.failures.get(username) ?? { count: 0, until: 0 };
    f.count += 1;
    if (f.count >= MAX_WRONG_TRIES) f.until = now.getTime() + lockSeconds(f.count) * 1000;
    this.failures.set(username, f);
    await this.persist();
  }

  async succeed(username: string): Promise<void> {
    this.release(username);
    if (this.failures.delete(username)) await this.persist();
  }

  private persist(): Promise<void> {
    if (!this.file) return Promise.resolve();
    return this.file.write({ schemaVersion: 1, names: Object.fromEntries(this.failures) });
  }
}
