/**
 * Child process for the restore crash test: opens a data folder with the real core, logs in as
 * the administrator and restores two backups in turn (A, B, A, B, …) until it is killed,
 * printing `DONE <label>` after each restore the core acknowledged. It loads its modules, then
 * waits for a line on stdin before touching the folder, so the parent can start the next one
 * while it checks the last kill.
 *
 * Usage: echo GO | node restorer.mjs <dataDir> <backupA> <backupB>   (bundled by restore-crash.test.ts)
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
  const [dataDir, fileA, fileB] = process.argv.slice(2);
  if (!dataDir || !fileA || !fileB) throw new Error('usage: restorer <dataDir> <backupA> <backupB>');
  const backups = [
    { label: 'A', base64: (await fs.readFile(fileA)).toString('base64') },
    { label: 'B', base64: (await fs.readFile(fileB)).toString('base64') },
  ];
  await new Promise<void>((resolve) => process.stdin.once('data', () => resolve()));
  const core = await Core.open({ dataDir, clock: systemClock, holder: 'crash-restorer', resourcesDir: path.resolve('resources'), appVersion: '0.0.0-test' });
  process.stdout.write('READY\n');
  for (let i = 0; ; i++) {
    const b = backups[i % 2]!;
    const { sessionToken } = await must<{ sessionToken: string }>(core, 'auth.login', { username: 'ppid', password: DEMO_PASSWORD });
    const { previewId } = await must<{ previewId: string }>(core, 'backup.preview', { base64: b.base64, fileName: `${b.label}.ppidbackup` }, sessionToken);
    await must(core, 'backup.restore', { previewId }, sessionToken);
    process.stdout.write(`DONE ${b.label}\n`);
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`${(e as Error).stack ?? String(e)}\n`);
  process.exit(1);
});
