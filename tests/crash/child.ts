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
