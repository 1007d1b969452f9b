/**
 * Benchmarks: `npm run bench` prints a table; `npm run bench -- --json FILE` also writes
 * `{ "<metric>": { "median_ms": …, "p95_ms": …, "runs": …, …extra }, … }` (extra: what a metric
 * measures beside the time, e.g. `peak_mb`); `--filter PREFIX` runs
 * only the metrics whose names start with PREFIX.
 *
 * Every file in tests/bench/metrics/ that exports `metrics: Metric[]` is picked up, so other
 * parts of the app add their metrics by adding a file there.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import type { Metric } from './metric';

interface Measured {
  name: string;
  median: number;
  p95: number;
  runs: number;
  floor?: string;
  extra?: Record<string, number>;
}

function args(argv: string[]): { json?: string; filter?: string } {
  try {
    const { values } = parseArgs({
      // `tsx tests/bench/run.ts -- --json x` passes the separator through; npm does not.
      args: argv[0] === '--' ? argv.slice(1) : argv,
      options: { json: { type: 'string' }, filter: { type: 'string' } },
      allowPositionals: false,
      strict: true,
    });
    return values;
  } catch (e) {
    throw new Error(`${e instanceof Error ? e.message : String(e)}\nusage: npm run bench [-- --json FILE] [--filter PREFIX]`);
  }
}

async function loadMetrics(): Promise<Metric<unknown>[]> {
  const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'metrics');
  const files = (await fs.readdir(dir)).filter((f) => /\.(ts|mts|js|mjs)$/.test(f) && !f.endsWith('.d.ts')).sort();
  const all: Metric<unknown>[] = [];
  for (const f of files) {
    const mod = (await import(pathToFileURL(path.join(dir, f)).href)) as { metrics?: Metric<unknown>[] };
    if (!Array.isArray(mod.metrics)) throw new Error(`${f} must export metrics: Metric[]`);
    all.push(...mod.metrics);
  }
  const names = all.map((m) => m.name);
  const dup = names.find((n, i) => names.indexOf(n) !== i);
  if (dup) throw new Error(`metric ${dup} is defined twice`);
  return all;
}

/** Nearest-rank percentile of sorted values. */
function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

async function measure(m: Metric<unknown>): Promise<Measured> {
  const ctx = await m.setup();
  const times: number[] = [];
  let extra: Record<string, number> | undefined;
  try {
    for (let i = 0; i < (m.warmup ?? 0) + m.runs; i++) {
      await m.beforeEach?.(ctx);
      const t0 = performance.now();
      await m.run(ctx);
      const ms = performance.now() - t0;
      if (i >= (m.warmup ?? 0)) times.push(ms);
    }
    extra = m.extra?.(ctx);
  } finally {
    await m.teardown?.(ctx);
  }
  times.sort((a, b) => a - b);
  const mid = times.length / 2;
  const median = times.length % 2 ? times[Math.floor(mid)]! : (times[mid - 1]! + times[mid]!) / 2;
  return { name: m.name, median, p95: percentile(times, 95), runs: times.length, floor: m.floor, extra };
}

const round = (ms: number) => Math.round(ms * 100) / 100;
const mapValues = (o: Record<string, number>, f: (v: number) => number) => Object.fromEntries(Object.entries(o).map(([k, v]) => [k, f(v)]));

function table(results: Measured[]): string {
  const rows = [['metric', 'median ms', 'p95 ms', 'runs'], ...results.map((r) => [r.name, r.median.toFixed(2), r.p95.toFixed(2), String(r.runs)])];
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  const line = (r: string[]) => r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  ');
  const out = [line(rows[0]!), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.slice(1).map(line)];
  for (const r of results.filter((x) => x.floor)) {
    const floor = results.find((x) => x.name === r.floor);
    if (floor) out.push(`${r.name} = ${(r.median / floor.median).toFixed(2)} × ${floor.name} (the physical floor for the same bytes)`);
  }
  for (const r of results.filter((x) => x.extra)) {
    out.push(`${r.name}: ${Object.entries(r.extra!).map(([k, v]) => `${k} ${round(v)}`).join(', ')}`);
  }
  return out.join('\n');
}

async function main() {
  const opts = args(process.argv.slice(2));
  const metrics = (await loadMetrics()).filter((m) => !opts.filter || m.name.startsWith(opts.filter));
  if (!metrics.length) throw new Error(`no metric matches ${opts.filter}`);
  const results: Measured[] = [];
  for (const m of metrics) {
    process.stderr.write(`· ${m.name} …\n`);
    results.push(await measure(m));
  }
  console.log(table(results));
  if (opts.json) {
    const json = Object.fromEntries(results.map((r) => [r.name, { median_ms: round(r.median), p95_ms: round(r.p95), runs: r.runs, ...mapValues(r.extra ?? {}, round) }]));
    await fs.writeFile(opts.json, `${JSON.stringify(json, null, 2)}\n`);
    console.log(`\nwritten: ${opts.json}`);
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
