import type { SettingsView } from '../contract';
import type { CalendarSettingsInput, DocumentSettings, Office, Officials, Settings } from '../domain/office';
import { settingsSchema } from '../domain/office';
import { AppError } from '../result';
import { LOCKS } from '../keyed-mutex';
import { appendAudit, diffFields, saveAppFiles } from './audit';
import type { CallContext, Stores } from './context';
import { readEmblem, storeEmblem } from './emblem';
import { ensureCoverage } from './users';

export async function settingsView(stores: Stores): Promise<SettingsView> {
  const s = stores.settings.get();
  if (!s) throw new AppError('NOT_READY', 'Aplikasi belum disiapkan.');
  let emblemDataUrl: string | null = null;
  if (s.emblem) {
    const bytes = await readEmblem(stores.paths.assets, s.emblem);
    if (bytes) emblemDataUrl = `data:${s.emblem.mime};base64,${bytes.toString('base64')}`;
  }
  return { ...s, emblemDataUrl };
}

export async function updateSettings(
  ctx: CallContext,
  input: { office?: Office; officials?: Officials; documents?: DocumentSettings; calendar?: CalendarSettingsInput },
): Promise<SettingsView> {
  return ctx.stores.locks.run(LOCKS.app, () => updateSettingsLocked(ctx, input));
}

async function updateSettingsLocked(
  ctx: CallContext,
  input: { office?: Office; officials?: Officials; documents?: DocumentSettings },
): Promise<SettingsView> {
  const before = ctx.stores.settings.get();
  if (!before) throw new AppError('NOT_READY', 'Aplikasi belum disiapkan.');
  const next: Settings = settingsSchema.parse({ ...before, ...input });
  // Removing a person who still has an account would leave an account without a name on paper.
  ensureCoverage(ctx.stores.appDb.data, next);
  const changes = diffFields(before, next);
  if (!changes.length) return settingsView(ctx.stores);
  await ctx.stores.settings.set(next);
  await saveAppFiles(ctx.stores, ctx.now, { settings: true });
  await appendAudit(ctx.stores, ctx.actor, ctx.now, 'pengaturan.ubah', 'Pengaturan diubah.', changes);
  return settingsView(ctx.stores);
}

export async function setEmblem(ctx: CallContext, input: { base64: string | null }): Promise<SettingsView> {
  if (!ctx.stores.settings.get()) throw new AppError('NOT_READY', 'Aplikasi belum disiapkan.');
  // Content-named: storing it before the lock cannot clash with anyone.
  const emblem = input.base64 === null ? null : await storeEmblem(ctx.stores.paths.assets, input.base64);
  return ctx.stores.locks.run(LOCKS.app, async () => {
    const before = ctx.stores.settings.get()!;
    await ctx.stores.settings.set({ ...before, emblem });
    await saveAppFiles(ctx.stores, ctx.now, { settings: true });
    await appendAudit(
      ctx.stores,
      ctx.actor,
      ctx.now,
      'pengaturan.lambang',
      emblem ? 'Lambang daerah diganti.' : 'Lambang daerah dihapus.',
      [{ field: 'emblem.sha256', from: before.emblem?.sha256 ?? null, to: emblem?.sha256 ?? null }],
    );
    return settingsView(ctx.stores);
  });
}
