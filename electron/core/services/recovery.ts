import type { RestoredCycleView } from '../contract';
import { appendAudit } from './audit';
import type { CallContext } from './context';

/** An administrator puts a damaged cycle back from its newest verified copy; the app audit records who and which copy. */
export async function restoreCycle(ctx: CallContext, input: { cycleId: string }): Promise<RestoredCycleView> {
  const restored = await ctx.stores.cycles.restoreCycle(input.cycleId, ctx.now);
  await appendAudit(
    ctx.stores,
    ctx.actor,
    ctx.now,
    'siklus.pulihkan',
    `Siklus "${restored.title}" dipulihkan dari cadangan ${restored.backupAt} (${restored.acts} tindakan).` +
      (restored.keptAs ? ` Berkas yang rusak disimpan sebagai ${restored.keptAs}.` : ''),
  );
  return restored;
}
