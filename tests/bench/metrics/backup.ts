import { promises as fs } from 'node:fs';
import path from 'node:path';
import { Core } from '../../../electron/core/app-core';
import type { BackupMade, BackupPreview } from '../../../electron/core/domain/backup';
import { DEMO_PASSWORD } from '../../../electron/core/services/demo';
import { clock, removeDir } from '../data';
import { defineMetrics, type Metric } from '../metric';
import { fiveYears } from './workflow';

/**
 * Backup and restore of five years of one OPD (workflow.ts: five signed cycles of 400 items,
 * 20,000 acts; no attachments). `backup.create.5y` is "Cadangkan semua data" through the
 * contract: every file read, hashed, deflated, zipped. "Pulihkan dari cadangan" is two
 * waits: `backup.preview.5y` (the file checked whole: every file inflated and hashed, the
 * logs scanned for the office, cycles and latest act) and, after the administrator has read
 * it, `backup.restore.5y` (numbers recorded, a safety backup of the current data, the staged
 * files written, fsynced and read back, the swap, and the stores reopened — which folds the
 * 20,000 acts again, so workflow.open.5y is its floor). Goals (issue 12): 2 s and 3 s.
 */

interface Ctx {
  dir: string;
  core: Core;
  session: string;
  backup: BackupMade | null;
  previewId: string;
}

const open = (dir: string) => Core.open({ dataDir: dir, clock, holder: 'bench', resourcesDir: path.resolve('resources'), appVersion: 'bench' });

async function loginAdmin(core: Core): Promise<string> {
  const r = await core.invoke({ name: 'auth.login', input: { username: 'ppid', password: DEMO_PASSWORD } });
  if (!r.ok) throw new Error(r.message);
  return (r.data as { sessionToken: string }).sessionToken;
}

async function setup(): Promise<Ctx> {
  const { dir } = await fiveYears();
  const core = await open(dir);
  return { dir, core, session: await loginAdmin(core), backup: null, previewId: '' };
}

async function create(ctx: Ctx): Promise<BackupMade> {
  const r = await ctx.core.invoke({ name: 'backup.create', input: {}, session: ctx.session });
  if (!r.ok) throw new Error(r.message);
  return r.data as BackupMade;
}

const teardown = async (ctx: Ctx) => {
  await ctx.core.close();
  await removeDir(ctx.dir);
};

const createMetric: Metric<Ctx> = {
  name: 'backup.create.5y',
  runs: 10,
  warmup: 1,
  setup,
  async run(ctx) {
    const made = await create(ctx);
    if (made.files < 5) throw new Error('the backup is missing the cycles');
  },
  teardown,
};

async function preview(ctx: Ctx): Promise<string> {
  const r = await ctx.core.invoke({ name: 'backup.preview', input: { base64: ctx.backup!.base64, fileName: ctx.backup!.fileName }, session: ctx.session });
  if (!r.ok) throw new Error(r.message);
  return (r.data as BackupPreview).previewId;
}

async function withBackup(): Promise<Ctx> {
  const ctx = await setup();
  ctx.backup = await create(ctx);
  return ctx;
}

const previewMetric: Metric<Ctx> = {
  name: 'backup.preview.5y',
  runs: 10,
  warmup: 1,
  setup: withBackup,
  async run(ctx) {
    const p = await preview(ctx);
    if (!p) throw new Error('no preview');
  },
  teardown,
};

const restoreMetric: Metric<Ctx> = {
  name: 'backup.restore.5y',
  runs: 8,
  warmup: 1,
  floor: 'workflow.open.5y',
  setup: withBackup,
  async beforeEach(ctx) {
    // A restore ends every session; the data set aside by the last one is not what is measured.
    ctx.session = await loginAdmin(ctx.core);
    for (const name of await fs.readdir(ctx.dir)) if (name.startsWith('pemulihan-')) await removeDir(path.join(ctx.dir, name));
    ctx.previewId = await preview(ctx);
  },
  async run(ctx) {
    const restored = await ctx.core.invoke({ name: 'backup.restore', input: { previewId: ctx.previewId }, session: ctx.session });
    if (!restored.ok) throw new Error(restored.message);
    if (ctx.core.status().state !== 'ready') throw new Error('did not reopen');
  },
  teardown,
};

export const metrics = defineMetrics(createMetric as Metric<unknown>, previewMetric as Metric<unknown>, restoreMetric as Metric<unknown>);
