import { spawn } from 'node:child_process';
import path from 'node:path';
import { build } from 'esbuild';
import { tempDir } from '../fixtures/harness';

/** Reproduce a failing run with CRASH_SEED=<seed printed in the failure>. */
export const SEED = Number(process.env.CRASH_SEED ?? Date.now() % 1_000_000);

/** A small seeded generator (xorshift32): a failing kill schedule can be replayed. */
export function prng(seed: number) {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 2 ** 32;
  };
}

/**
 * Bundles a crash child once per test file: ~0.1 s a start instead of ~0.5 s with tsx per
 * spawn, from the same source the app runs.
 */
export async function bundleChild(entry: string): Promise<string> {
  const out = await tempDir('ppid-crash-build-');
  const file = path.join(out, `${path.basename(entry, '.ts')}.mjs`);
  await build({
    entryPoints: [path.resolve(entry)],
    outfile: file,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'error',
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  });
  return file;
}

export interface KilledRun {
  /** Everything the child wrote to stdout before it died. */
  out: string;
  stderr: string;
  signal: NodeJS.Signals | null;
}

/**
 * A crash child started now (its code loads while the test prepares) that touches the data
 * only on `go`: then it is SIGKILLed `delayMs` after `killAfter(stdout)` first holds (by default,
 * once it reports READY), so the kill lands inside the work the child does next.
 */
export function startKillable(script: string, args: string[]) {
  const child = spawn(process.execPath, [script, ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
  let out = '';
  let stderr = '';
  let armed: { when: (out: string) => boolean; delayMs: number } | null = null;
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => {
    out += chunk;
    if (armed && armed.when(out)) {
      const { delayMs } = armed;
      armed = null;
      setTimeout(() => child.kill('SIGKILL'), delayMs);
    }
  });
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  const closed = new Promise<NodeJS.Signals | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (_code, signal) => resolve(signal));
  });
  return {
    async go(delayMs: number, killAfter: (out: string) => boolean = (o) => o.includes('READY\n')): Promise<KilledRun> {
      armed = { when: killAfter, delayMs };
      child.stdin.write('GO\n');
      const signal = await closed;
      return { out, stderr, signal };
    },
    kill: () => child.kill('SIGKILL'),
  };
}
