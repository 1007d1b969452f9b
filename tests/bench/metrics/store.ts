import { promises as fs, constants as fsConstants } from 'node:fs';
import path from 'node:path';
import { auditEntry } from '../../../electron/core/services/audit';
import { openAppDb, type AppDb } from '../../../electron/core/store/app-db';
import { AuditLog } from '../../../electron/core/store/audit-log';
import { Backups } from '../../../electron/core/store/backups';
import { appDbWithRecords, benchDir, clock, removeDir } from '../data';
import { defineMetrics, type Metric } from '../metric';

/**
 * Opening the app's data the way the core does: app.json (read, migrate if needed, validate
 * with zod) and the history log (read, verify the hash chain of every entry).
 */
function openMetric(records: number, runs: number): Metric<{ dir: string; file: string; auditFile: string; backups: Backups }> {
  return {
    name: `store.open.${records / 1000}k`,
    runs,
    warmup: 2,
    async setup() {
      const dir = await benchDir('open');
      const { file, backups, auditFile } = await appDbWithRecords(dir, records);
      return { dir, file, auditFile, backups };
    },
    async run({ file, auditFile, backups }) {
      const db = await openAppDb(file, backups, clock);
      const audit = await AuditLog.open(auditFile, db.data.installationId, clock.now());
      if (audit.entries.length !== records) throw new Error('open read the wrong data');
    },
    teardown: ({ dir }) => removeDir(dir),
  };
}

const change = () => auditEntry(null, clock.now(), 'uji.bench', 'Satu perubahan.', [{ field: 'n', from: 0, to: 1 }]);

/**
 * One account change saved the way the services save it: app.json written durably (temp,
 * fsync, rename, fsync the folder) and its history entry appended and fsynced. The history
 * already holds `records` entries; the cost must not depend on that.
 */
function saveMetric(records: number, runs: number): Metric<{ dir: string; db: AppDb; audit: AuditLog; n: number }> {
  return {
    name: `store.save.${records / 1000}k`,
    runs,
    warmup: 2,
    floor: 'store.save.floor',
    async setup() {
      const dir = await benchDir('save');
      const { db, audit } = await appDbWithRecords(dir, records);
      return { dir, db, audit, n: 0 };
    },
    async run(ctx) {
      ctx.db.data.users[0]!.updatedAt = new Date(Date.UTC(2026, 0, 1, 0, 0, ctx.n++)).toISOString();
      await ctx.db.write();
      await ctx.audit.append(change());
    },
    teardown: ({ dir }) => removeDir(dir),
  };
}

/**
 * The physical floor under one save: the same app.json bytes written with nothing but open,
 * write, fsync, close, rename and an fsync of the folder, and one line of the same length
 * appended and fsynced. No JSON, no lowdb, no hashing.
 */
function fsyncBaseline(runs: number): Metric<{ dir: string; bytes: Buffer; line: string; n: number }> {
  return {
    name: 'store.save.floor',
    runs,
    warmup: 2,
    async setup() {
      const dir = await benchDir('fsync');
      const { file, auditFile, audit } = await appDbWithRecords(dir, 10);
      await audit.append(change());
      const lines = (await fs.readFile(auditFile, 'utf8')).trimEnd().split('\n');
      return { dir, bytes: await fs.readFile(file), line: `${lines[lines.length - 1]!}\n`, n: 0 };
    },
    async run(ctx) {
      const target = path.join(ctx.dir, 'baseline.json');
      const tmp = path.join(ctx.dir, `.baseline.${ctx.n++}.tmp`);
      const handle = await fs.open(tmp, 'w');
      await handle.writeFile(ctx.bytes);
      await handle.sync();
      await handle.close();
      await fs.rename(tmp, target);
      if (process.platform !== 'win32') {
        const d = await fs.open(ctx.dir, fsConstants.O_RDONLY);
        await d.sync();
        await d.close();
      }
      const log = await fs.open(path.join(ctx.dir, 'baseline.jsonl'), 'a');
      await log.writeFile(ctx.line);
      await log.sync();
      await log.close();
    },
    teardown: ({ dir }) => removeDir(dir),
  };
}

export const metrics = defineMetrics(
  openMetric(1_000, 30),
  openMetric(10_000, 15),
  saveMetric(1_000, 30),
  saveMetric(10_000, 20),
  fsyncBaseline(20),
);
