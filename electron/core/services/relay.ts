import type { z } from 'zod';
import type { RelayConfigView, RelayStatus, relaySetSchema } from '../domain/sync/relay';
import { LOCKS } from '../keyed-mutex';
import { AppError } from '../result';
import { appendAudit } from './audit';
import type { CallContext } from './context';

/**
 * Pengaturan › Perangkat › Server relay (issue 14): an administrator sets the office's CouchDB
 * relay for this laptop; anyone sees where it stands and may ask for a round now. The rounds
 * themselves are electron/core/relay.
 */

export async function getRelay(ctx: CallContext): Promise<RelayConfigView> {
  const { relay } = ctx.stores;
  const c = relay.config;
  return { url: c.url, database: c.database, username: c.username, enabled: c.enabled, hasPassword: await relay.hasPassword(), protection: relay.secrets.protection };
}

export async function setRelay(ctx: CallContext, input: z.output<typeof relaySetSchema>): Promise<RelayConfigView> {
  const { stores } = ctx;
  return stores.locks.run(LOCKS.app, async () => {
    const before = stores.relay.config;
    if (input.password === null && !(await stores.relay.hasPassword())) {
      throw new AppError('INVALID_INPUT', 'Isi kata sandi relay untuk laptop ini.', [{ path: 'password', message: 'Isi kata sandi relay.' }]);
    }
    const next = { url: input.url, database: input.database, username: input.username, enabled: input.enabled };
    await stores.relay.configure(next, input.password);
    const changes: { field: string; from: string; to: string }[] = (['url', 'database', 'username', 'enabled'] as const)
      .filter((k) => before[k] !== next[k])
      .map((k) => ({ field: k, from: String(before[k] ?? ''), to: String(next[k]) }));
    if (input.password !== null) changes.push({ field: 'password', from: '', to: '(diganti)' });
    if (changes.length) {
      await appendAudit(
        stores,
        ctx.actor,
        ctx.now,
        'relay.atur',
        `Server relay ${next.enabled ? 'diaktifkan' : 'dimatikan'}: ${new URL(next.url).host}, basis data ${next.database}, pengguna ${next.username}.`,
        changes,
      );
    }
    return getRelay(ctx);
  });
}

export function relayStatus(ctx: CallContext): RelayStatus {
  return ctx.stores.relay.status();
}

/** Asks for a round now and answers at once: the top bar follows it through relay.status. */
export function syncNow(ctx: CallContext): RelayStatus {
  ctx.stores.relay.kick();
  return ctx.stores.relay.status();
}
