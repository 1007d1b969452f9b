import { randomBytes } from 'node:crypto';

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

export class Sessions {
  private byToken = new Map<string, Session>();

  create(userId: string, now: Date): Session {
    const token = randomBytes(32).toString('base64url');
    const s = { token, userId, createdAt: now.getTime(), lastSeen: now.getTime() };
    this.byToken.set(token, s);
    return s;
  }

  resolve(token: string | undefined, now: Date): Session | null {
    if (!token) return null;
    const s = this.byToken.get(token);
    if (!s) return null;
    if (now.getTime() - s.lastSeen > IDLE_MS) {
      this.byToken.delete(token);
      return null;
    }
    s.lastSeen = now.getTime();
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

/** Slows password guessing: five wrong tries lock the name for a while. */
export class LoginThrottle {
  private failures = new Map<string, { count: number; until: number }>();

  check(username: string, now: Date): number {
    const f = this.failures.get(username);
    return f && f.until > now.getTime() ? Math.ceil((f.until - now.getTime()) / 1000) : 0;
  }

  fail(username: string, now: Date) {
    // Names tried once and never again must not pile up for the life of the process.
    if (this.failures.size > 500) {
      for (const [name, entry] of this.failures) if (entry.until < now.getTime() && entry.count < 5) this.failures.delete(name);
    }
    const f = this.failures.get(username) ?? { count: 0, until: 0 };
    f.count += 1;
    if (f.count >= 5) f.until = now.getTime() + Math.min(300, 30 * 2 ** (f.count - 5)) * 1000;
    this.failures.set(username, f);
  }

  succeed(username: string) {
    this.failures.delete(username);
  }
}
