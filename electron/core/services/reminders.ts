import { AppError } from '../result';
import { remindersFor, type RemindersView } from '../domain/reminders';
import type { CallContext } from './context';

/**
 * The reminders for whoever asks, computed afresh from the cycles and the core's clock: those
 * for the acting user's role, or with `all` (administrators only) everyone's, each saying
 * whose it is.
 */
export function listReminders(ctx: CallContext, input: { all: boolean }): RemindersView {
  const actor = ctx.actor;
  if (!actor) throw new AppError('UNAUTHENTICATED', 'Silakan masuk terlebih dahulu.');
  if (input.all && !actor.isAdmin) throw new AppError('FORBIDDEN', 'Hanya administrator yang dapat melihat pengingat untuk semua peran.');
  const calendar = ctx.stores.settings.get()!.calendar;
  const all = remindersFor(ctx.stores.cycles.list(), ctx.now, calendar);
  return { reminders: input.all ? all : all.filter((r) => r.role === actor.role), scope: input.all ? 'semua' : 'peran', now: ctx.now.toISOString() };
}
