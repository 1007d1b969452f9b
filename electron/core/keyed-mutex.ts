/**
 * One queue per key: work under the same key runs one at a time, in arrival order; work
 * under different keys runs side by side. Services use it for every change that checks and
 * then writes ("is this user name free?" → add the account), so two calls that arrive together
 * cannot both pass the check: the second one sees what the first wrote and gets CONFLICT.
 *
 * Keys in use (see LOCKS): the app's own files (accounts, settings, counters), the creation
 * of a cycle for one year, and the issuing of Nota Dinas numbers. When a call needs two, it
 * takes them in the order listed there, so no two calls ever wait on each other.
 */
export class KeyedMutex {
  private tails = new Map<string, Promise<void>>();

  async run<T>(key: string, work: () => Promise<T> | T): Promise<T> {
    const before = this.tails.get(key) ?? Promise.resolve();
    let release!: () => void;
    const mine = new Promise<void>((r) => (release = r));
    const tail = before.then(() => mine);
    this.tails.set(key, tail);
    await before;
    try {
      return await work();
    } finally {
      release();
      // The last one out leaves no entry behind: keys (years) must not pile up.
      if (this.tails.get(key) === tail) this.tails.delete(key);
    }
  }
}

/** The lock keys, in the order a call that needs several must take them. */
export const LOCKS = {
  notaDinas: 'nota-dinas',
  cycleCreation: (year: number) => `cycle-create:${year}`,
  app: 'app',
  /** Making and receiving packages: sequence numbers, trust decisions, the receive journal. */
  sync: 'sync',
  /** PPID Utama: the register of OPD, the packages received from them and those waiting for trust. */
  regency: 'regency',
} as const;
