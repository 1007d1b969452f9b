/**
 * Child process for the crash test: opens a data directory the way the core does (lock,
 * stale temp clean-up, the versioned lowdb app db, the versioned settings store) and then saves
 * as fast as it can until it is killed. Each round changes app.json (a counter), appends its
 * entry to the app's history log (audit.jsonl) and changes settings.json, and only then prints
 * `ACK n`: whatever was acknowledged must survive a SIGKILL at any moment.
 *
 * It loads its modules, then waits for a line on stdin before touching the data dir, so the
 * parent can start the next saver while it still checks the last kill.
 *
 * Usage: echo GO | node saver.mjs <dataDir>   (bundled by crash.test.ts; tsx saver.ts works too)
 */
import { auditEntry } from '../../electron/core/services/audit';
import { AuditLog } from '../../electron/core/store/audit-log';
import { SettingsStore } from '../../electron/core/settings';
import { openAppDb } from '../../electron/core/store/app-db';
import { Backups } from '../../electron/core/store/backups';
import { removeStaleTempFiles } from '../../electron/core/store/durable-file';
import { acquireLock } from '../../electron/core/store/lock';
import { dataPaths } from '../../electron/core/store/paths';
import { systemClock } from '../../electron/core/clock';

async function main() {
  const dataDir = process.argv[2];
  if (!dataDir) throw new Error('usage: saver <dataDir>');
  await new Promise<void>((resolve) => process.stdin.once('data', () => resolve()));
  const paths = dataPaths(dataDir);
  await acquireLock(paths.lock, 'crash-saver', systemClock.now());
  await removeStaleTempFiles(paths.root);
  const backups = new Backups(paths.backups);
  const db = await openAppDb(paths.appDb, backups, systemClock);
  const settings = await SettingsStore.open(paths.settings, backups, systemClock);
  const audit = await AuditLog.open(paths.audit, db.data.installationId, systemClock.now());
  const current = settings.get();
  if (!current) throw new Error('the crash test needs a set-up data dir');

  let n = db.data.counters.n ?? 0;
  process.stdout.write('READY\n');
  for (;;) {
    n += 1;
    db.data.counters.n = n;
    await db.write();
    await audit.append(auditEntry(null, systemClock.now(), 'uji.crash', `Simpan ke-${n}.`, [{ field: 'n', from: n - 1, to: n }]));
    await settings.set({ ...current, office: { ...current.office, phone: `0${n}` } });
    // stdout to a pipe is synchronous on POSIX: once this returns, the parent will see it.
    process.stdout.write(`ACK ${n}\n`);
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`${(e as Error).stack ?? String(e)}\n`);
  process.exit(1);
});
