import type { z } from 'zod';
import { newerCard, type DeviceCard } from '../domain/sync/device-card';
import type { RelayConfigView, RelayStatus, relaySetSchema, relayTrustSchema } from '../domain/sync/relay';
import type { TrustedDeviceView } from '../domain/sync/trust';
import { LOCKS } from '../keyed-mutex';
import { storedCards } from '../relay/device-card';
import { AppError } from '../result';
import { publicKeyFingerprint } from '../sync/device-key';
import { appendAudit } from './audit';
import type { CallContext } from './context';
import { trustDevice } from './devices';

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
    const next = { v: 1 as const, url: input.url, database: input.database, username: input.username, enabled: input.enabled };
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

/**
 * Trusts a laptop known here only through the relay (issue 14): its signed card, pulled and
 * checked, must name exactly this key and this office; the administrator has compared the key's
 * code with the laptop's owner by phone. The acts it made wait in the relay state and are offered
 * again at the next round, asked for at once.
 */
export async function trustRelayDevice(ctx: CallContext, input: z.output<typeof relayTrustSchema>): Promise<TrustedDeviceView> {
  const { stores } = ctx;
  const card = storedCards(stores.relay.state.cards)
    .filter((c) => c.body.installationId === input.installationId && c.body.publicKey === input.publicKey)
    .reduce<DeviceCard | undefined>((a, b) => newerCard(a, b), undefined);
  if (!card) {
    throw new AppError(
      'NOT_FOUND',
      'Kartu laptop ini belum ada di server relay, atau kartunya menyebut kunci lain. Tunggu sinkronisasi berikutnya (laptop itu mengirim kartunya sendiri saat relay-nya menyala), atau percayai laptop itu lewat paket kiriman.',
    );
  }
  if (card.body.officeId !== stores.settings.get()?.officeId) {
    throw new AppError('CONFLICT', `Kartu ini milik kantor lain ("${card.body.officeName}"). Hanya laptop kantor ini yang dapat dipercaya di sini.`);
  }
  const current = stores.trust.get(input.installationId);
  if (current && current.revokedAt === null) {
    if (current.publicKey === input.publicKey) throw new AppError('CONFLICT', `Laptop "${current.name}" sudah dipercaya.`);
    throw new AppError(
      'CONFLICT',
      `Laptop ini sudah dipercaya sebagai "${current.name}" dengan kunci lain (kode ${publicKeyFingerprint(current.publicKey)}), ` +
        `sedangkan kartu ini membawa kode ${publicKeyFingerprint(input.publicKey)}. Bila laptop itu memang dipasang ulang, cocokkan kode barunya ` +
        'dengan pemiliknya melalui telepon, cabut dulu kepercayaan lamanya di Pengaturan › Perangkat, lalu percayai kartu ini. Bila tidak, kartu ini mungkin palsu: jangan dipercaya.',
    );
  }
  const name = card.body.name.slice(0, 80).trim();
  const view = await trustDevice(ctx, { installationId: input.installationId, name, publicKey: input.publicKey, roles: input.roles }, 'relay');
  stores.relay.kick();
  return view;
}
