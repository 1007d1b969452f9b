/**
 * One benchmark metric. Files in tests/bench/metrics/ export `metrics: Metric[]`; run.ts
 * finds them by listing that folder, so a new metric needs a new file, not an edit here.
 *
 * Only `run` is timed. `setup` runs once (build the data), `beforeEach` before every timed
 * run (anything that must be fresh but is not what is measured), `teardown` once at the end.
 */
export interface Metric<C = unknown> {
  /** Dotted, stable: it is the key in the JSON output that later runs are compared against. */
  name: string;
  /** Timed runs; the median and p95 are taken over these. */
  runs: number;
  /** Untimed runs first, so JIT and file-cache warm-up do not land in the numbers. */
  warmup?: number;
  /** Another metric's name: the table shows this one's median as a multiple of that one's. */
  floor?: string;
  setup(): Promise<C>;
  beforeEach?(ctx: C): Promise<void>;
  run(ctx: C): Promise<void>;
  teardown?(ctx: C): Promise<void>;
  /**
   * Numbers the metric measured itself beside the time (e.g. `peak_mb`), read after the last
   * run and before teardown; written into the JSON next to `median_ms` and printed under the table.
   */
  extra?(ctx: C): Record<string, number>;
}

/** Methods keep their parameters bivariant, so any Metric<C> fits here. */
export const defineMetrics = (...m: Metric<unknown>[]): Metric<unknown>[] => m;
