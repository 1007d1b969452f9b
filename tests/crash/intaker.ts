/**
 * Child process for the PPID Utama intake crash test: opens a PPID Utama's data folder with the
 * real core, logs in as its operator, prints READY, and on a line from stdin checks and applies
 * one OPD package (utama.check, then CHECKED, utama.apply), printing DONE once the core acknowledged it. Then
 * it idles until killed.
 *
 * Usage: node intaker.mjs <dataDir> <package.ppid>   (bundled by regency-intake-crash.test.ts)
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { Core } from '../../electron/core/app-core';
import { systemClock } from '../../electron/core/clock';
import { DEMO_PASSWORD } from '../../electron/core/services/demo';

async function must<T>(core: Core, name: string, input: unknown, session?: string): Promise<T> {
  const r = await core.invoke({ name, input, session });
  if (!r.ok) throw new Error(`${name}: ${r.code} ${r.message}`);
  return r.data as T;
}

async function main() {
  const [dataDir, file] = process.argv.slice(2);
  if (!dataDir || !file) throw new Error('usage: intaker <dataDir> <package.ppid>');
  const base64 = (await fs.readFile(file)).toString('base64');
  const core = await Core.open({ dataDir, clock: systemClock, holder: 'crash-intaker', resourcesDir: path.resolve('resources'), appVersion: '0.0.0-test' });
  const { sessionToken } = await must<{ sessionToken: string }>(core, 'auth.login', { username: 'operator', password: DEMO_PASSWORD });
  process.stdout.write('READY\n');
  await new Promise<void>((resolve) => process.stdin.once('data', () => resolve()));
  const { checkId } = await must<{ checkId: string }>(core, 'utama.check', { base64, fileName: path.basename(file) }, sessionToken);
  process.stdout.write('CHECKED\n');
  const applied = await must<{ result: string }>(core, 'utama.apply', { checkId }, sessionToken);
  process.stdout.write(`DONE ${applied.result}\n`);
  setInterval(() => undefined, 60_000);
}

main().catch((e: unknown) => {
  process.stderr.write(`${(e as Error).stack ?? String(e)}\n`);
  process.exit(1);
});
