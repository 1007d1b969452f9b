/**
 * Calls run side by side (shared); a backup or a restore runs alone (exclusive): it waits for
 * the calls in flight to finish, and holds new ones back until it is done. A backup made this
 * way is one moment's data (no act half-appended, no package half-applied), and a restore
 * swaps the folder with no store writing into it.
 */
export class CallGate {
  private running = 0;
  private drained: (() => void) | null = null;
  private closed: Promise<void> | null = null;

  async shared<T>(work: () => Promise<T>): Promise<T> {
    while (this.closed) await this.closed;
    this.running += 1;
    try {
      return await work();
    } finally {
      this.running -= 1;
      if (this.running === 0) this.drained?.();
    }
  }

  async exclusive<T>(work: () => Promise<T>): Promise<T> {
    while (this.closed) await this.closed;
    let open!: () => void;
    this.closed = new Promise<void>((r) => (open = r));
    try {
      if (this.running > 0) await new Promise<void>((r) => (this.drained = r));
      this.drained = null;
      return await work();
    } finally {
      this.closed = null;
      open();
    }
  }
}
