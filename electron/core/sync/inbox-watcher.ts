import { watch, promises as fs, type FSWatcher } from 'node:fs';
import path from 'node:path';
import { isInboxName } from '../domain/sync/shared-folders';

/**
 * The mechanics of watching an inbox folder: listing it, telling a file still being copied
 * from a complete one, and running the polls. What is done with a complete file is
 * services/shared-folders.ts.
 *
 * Polling is the rule and fs.watch only a hint. fs.watch misses or never sends events on the
 * folders this is for — SMB/CIFS network drives, NFS, cloud drives' virtual folders (OneDrive
 * on demand, Google Drive for desktop), FUSE mounts — and on some it is not available at all;
 * where it works, a change makes the next poll come early.
 */

export interface InboxEntry {
  name: string;
  size: number;
  mtimeMs: number;
}

/** The `.ppid` files of the inbox (not hidden, regular files), with size and mtime. Throws when the folder cannot be read. */
export async function listInbox(folder: string): Promise<InboxEntry[]> {
  const dirents = await fs.readdir(folder, { withFileTypes: true });
  const out: InboxEntry[] = [];
  for (const d of dirents) {
    // Symbolic links are not followed: what the folder holds is what was copied into it.
    if (!d.isFile() || !isInboxName(d.name)) continue;
    const st = await fs.lstat(path.join(folder, d.name)).catch(() => null);
    // Gone between the listing and the stat (renamed by the sync tool): seen at the next poll.
    if (!st?.isFile()) continue;
    out.push({ name: d.name, size: st.size, mtimeMs: st.mtimeMs });
  }
  return out.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

export interface StabilityOptions {
  /** A file is complete only when its size and mtime stayed the same across two polls at least this far apart. */
  settleMs: number;
  /** A complete-looking file that is no whole zip is read again this often (its copy may still be filling it in). */
  retryMs: number;
  /** Unchanged this long and still no whole zip: damaged, said once. */
  damagedAfterMs: number;
}

interface Seen {
  size: number;
  mtimeMs: number;
  /** When it was first seen at this size and mtime (monotonic). */
  since: number;
  /** When it was last read and found no whole zip. */
  triedAt: number | null;
}

/**
 * Which files of the inbox have stopped changing. A sync tool may write a file in place, in
 * pieces, over minutes (a slow network, a paused Syncthing): a file is taken only once its size
 * and mtime are the same at two polls some seconds apart — and then only if it reads as a whole
 * zip; one that does not is left and read again later, never refused for being cut off.
 */
export class StabilityTracker {
  private seen = new Map<string, Seen>();

  constructor(private readonly opts: StabilityOptions) {}

  /** 'stable' when the file may be read now; 'changing' while it is still being written (or was just seen). */
  observe(e: InboxEntry, now: number): 'stable' | 'changing' | 'later' {
    const s = this.seen.get(e.name);
    if (!s || s.size !== e.size || s.mtimeMs !== e.mtimeMs) {
      this.seen.set(e.name, { size: e.size, mtimeMs: e.mtimeMs, since: now, triedAt: null });
      return 'changing';
    }
    if (now - s.since < this.opts.settleMs) return 'changing';
    if (s.triedAt !== null && now - s.triedAt < this.opts.retryMs) return 'later';
    return 'stable';
  }

  /**
   * The file read as no whole zip. True once it has stayed so, unchanged, for `damagedAfterMs`:
   * then it is reported as damaged (the caller records it, and it is not read again unless it changes).
   */
  unreadable(name: string, now: number): boolean {
    const s = this.seen.get(name);
    if (!s) return false;
    s.triedAt = now;
    return now - s.since >= this.opts.damagedAfterMs;
  }

  /** Read again at the next poll, whatever the retry interval says (the situation changed). */
  forget(name: string): void {
    this.seen.delete(name);
  }

  /** Keeps only the names still in the folder. */
  retain(names: ReadonlySet<string>): void {
    for (const n of this.seen.keys()) if (!names.has(n)) this.seen.delete(n);
  }

  /** Files being watched that are not (yet) complete. */
  get size(): number {
    return this.seen.size;
  }

  clear(): void {
    this.seen.clear();
  }
}

export interface WatcherOptions {
  pollMs: number;
  /** After an fs.watch event, the next poll comes this soon (a copy makes many events: they are gathered). */
  hintDelayMs: number;
  folder: () => string | null;
  poll: () => Promise<void>;
  log?: (m: string, e?: unknown) => void;
}

/**
 * Runs `poll` every `pollMs` while the app is open, one at a time, on timers that never keep
 * the process alive. `pollNow` runs one at once (after the one in flight).
 */
export class InboxWatcher {
  private timer: NodeJS.Timeout | null = null;
  private dueAt = 0;
  private chain: Promise<void> = Promise.resolve();
  private busy = false;
  private stopped = true;
  private fsWatcher: FSWatcher | null = null;
  private watching: string | null = null;

  constructor(private readonly opts: WatcherOptions) {}

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.schedule(this.opts.hintDelayMs);
  }

  /** Something may have changed (a setting, an fs.watch event): poll soon. */
  hint(): void {
    if (!this.stopped) this.schedule(this.opts.hintDelayMs);
  }

  pollNow(): Promise<void> {
    const run = this.chain.then(async () => {
      this.busy = true;
      try {
        this.follow();
        await this.opts.poll();
      } catch (e) {
        this.opts.log?.('Pemeriksaan folder masuk gagal', e);
      } finally {
        this.busy = false;
      }
    });
    this.chain = run;
    return run;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.unwatch();
    await this.chain;
  }

  /** The next poll in `ms`, unless one is already due sooner: a stream of fs.watch events (a long copy) never holds polls off. */
  private schedule(ms: number): void {
    const due = Date.now() + ms;
    if (this.timer && this.dueAt <= due) return;
    if (this.timer) clearTimeout(this.timer);
    this.dueAt = due;
    this.timer = setTimeout(() => {
      this.timer = null;
      if (this.stopped) return;
      // A poll still running (a big package being applied) is not queued behind: the next tick comes after it.
      const run = this.busy ? this.chain : this.pollNow();
      void run.finally(() => {
        if (!this.stopped && !this.timer) this.schedule(this.opts.pollMs);
      });
    }, ms);
    this.timer.unref?.();
  }

  /** fs.watch on the current inbox, where the system offers it. */
  private follow(): void {
    const folder = this.opts.folder();
    if (folder === this.watching) return;
    this.unwatch();
    this.watching = folder;
    if (!folder || this.stopped) return;
    try {
      this.fsWatcher = watch(folder, { persistent: false }, () => this.hint());
      this.fsWatcher.on('error', () => this.unwatch());
    } catch {
      // Not available here (a network or FUSE file system): polling alone does the work.
      this.fsWatcher = null;
    }
  }

  private unwatch(): void {
    this.fsWatcher?.close();
    this.fsWatcher = null;
    this.watching = null;
  }
}
