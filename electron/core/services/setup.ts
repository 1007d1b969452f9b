import { randomUUID } from 'node:crypto';
import { AppError } from '../result';
import { settingsSchema, type SetupInput, setupInputSchema } from '../domain/office';
import { LOCKS } from '../keyed-mutex';
import { appendAudit } from './audit';
import type { CallContext } from './context';
import { storeEmblem } from './emblem';
import { newUserRecord } from './users';

const ALREADY = 'Aplikasi sudah disiapkan. Ubah data melalui halaman Pengaturan.';

export function isSetUp(ctx: Pick<CallContext, 'stores'>): boolean {
  return ctx.stores.settings.get() !== null && ctx.stores.appDb.data.users.length > 0;
}

/**
 * First run: office, officials, document settings and accounts, written together.
 * Accounts go to app.json first: if the process dies between the two writes, settings.json
 * is still missing and the wizard simply runs again (the accounts are replaced).
 */
export async function completeSetup(ctx: CallContext, raw: SetupInput, opts: { demo?: boolean } = {}) {
  if (isSetUp(ctx)) throw new AppError('CONFLICT', ALREADY);
  const input = setupInputSchema.parse(raw);
  const emblem = input.emblem ? await storeEmblem(ctx.stores.paths.assets, input.emblem) : null;
  const settings = settingsSchema.parse({
    officeId: randomUUID(),
    officeKind: input.officeKind,
    office: input.office,
    officials: input.officials,
    documents: input.documents,
    emblem,
  });
  const users = await Promise.all(input.accounts.map((a) => newUserRecord(a, ctx.now)));
  // Two first runs at once (two tabs, a double click, the demo button pressed five times):
  // the first one sets the office up, the others are told it is done.
  return ctx.stores.locks.run(LOCKS.app, async () => {
    if (isSetUp(ctx)) throw new AppError('CONFLICT', ALREADY);
    const db = ctx.stores.appDb;
    db.data.users = users;
    db.data.demo = opts.demo ?? false;
    await db.write();
    await ctx.stores.settings.set(settings);
    // From now on there is something worth restoring.
    await ctx.stores.backups.take(ctx.stores.paths.appDb, 'buka', ctx.now);
    await ctx.stores.backups.take(ctx.stores.paths.settings, 'buka', ctx.now);
    await appendAudit(
      ctx.stores,
      null,
      ctx.now,
      'setup.selesai',
      `${opts.demo ? 'Data contoh dimuat' : 'Penyiapan awal selesai'}: ${settings.office.opdName}, ${users.length} akun.`,
    );
    return { done: true as const };
  });
}
