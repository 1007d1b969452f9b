import { promises as fs, constants as fsConstants } from 'node:fs';
import path from 'node:path';
import { appendAudit } from '../../../electron/core/services/audit';
import { openAppDb, type AppDb } from '../../../electron/core/store/app-db';
import { Backups } from '../../../electron/core/store/backups';
import { appDbWithRecords, benchDir, clock, removeDir } from '../data';
import { defineMetrics, type Metric } from '../metric';

/** Opening app.json the way the core does: read, parse, migrate if needed, validate with zod. */
function openMetric(records: number, runs: number): Metric<{ dir: string; file: string; backups: Backups }> {
  return {
    name: `store.open.${records / 1000}k`,
    runs,
    warmup: 2,
    async setup() {
      const dir = await benchDir('open');
      const { file, backups } = await appDbWithRecords(dir, records);
      return { dir, file, backups };
    },
    async run({ file, backups }) {
      const db = await openAppDb(file, backups, clock);
      if (db.data.audit.length !== records) throw new Error('open read the wrong data');
    },
    teardown: ({ dir }) => removeDir(dir),
  };
}

/** One edit (an audit entry) saved durably: stringify, temp file, fsync, rename, fsync the folder. */
function saveMetric(records: number, runs: number, floor?: string): Metric<{ dir: string; db: AppDb }> {
  return {
    name: `store.save.${records / 1000}k`,
    runs,
    warmup: 2,
    floor,
    async setup() {
      const dir = await benchDir('save');
      const { db } = await appDbWithRecords(dir, records);
      return { dir, db };
    },
    async beforeEach({ db }) {
      // Keep the size constant: the measured save adds one entry back.
      db.data.audit.pop();
    },
    async run({ db }) {
      appendAudit(db.data, null, clock.now(), 'uji.bench', 'Satu perubahan.', [{ field: 'n', from: 0, to: 1 }]);
      await db.write();
    },
    teardown: ({ dir }) => removeDir(dir),
  };
}

/**
 * The physical floor under a 10k save: the same bytes, written with nothing but
 * open, write, fsync, close, rename and an fsync of the folder. No JSON, no lowdb.
 */
function fsyncBaseline(records: number, runs: number): Metric<{ dir: string; bytes: Buffer; n: number }> {
  return {
    name: `fsync.baseline.${records / 1000}k`,
    runs,
    warmup: 2,
    async setup() {
      const dir = await benchDir('fsync');
      const { db, file } = await appDbWithRecords(dir, records);
      // What one save writes: the whole file, one entry longer.
      appendAudit(db.data, null, clock.now(), 'uji.bench', 'Satu perubahan.', [{ field: 'n', from: 0, to: 1 }]);
      await db.write();
      return { dir, bytes: await fs.readFile(file), n: 0 };
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
    },
    teardown: ({ dir }) => removeDir(dir),
  };
}

export const metrics = defineMetrics(
  openMetric(1_000, 30),
  openMetric(10_000, 15),
  saveMetric(1_000, 30),
  saveMetric(10_000, 20, 'fsync.baseline.10k'),
  fsyncBaseline(10_000, 20),
);
