import { LOCKS } from '../keyed-mutex';
import { ROLE_LABELS, type Role } from '../domain/roles';
import type { DeviceSelfView, TrustedDeviceView, TrustedInstallation, TrustInput, TrustSource } from '../domain/sync/trust';
import { publicKeyFingerprint, type DeviceKey } from '../sync/device-key';
import type { AppDb } from '../store/app-db';
import type { SettingsStore } from '../settings';
import { appendAudit } from './audit';
import type { CallContext, Stores } from './context';
import { allPeople } from './users';

/**
 * This laptop's identity and the installations it trusts (issue 11). Every change is an
 * administrator's, runs under the app lock (check, then write trust.json), is copied to
 * backups and written to the app's history.
 */

/** Until someone names this laptop: the first administrator's name, else "Perangkat" and the fingerprint's first digits. */
export function defaultSelfName(stores: { appDb: AppDb; settings: SettingsStore; deviceKey: DeviceKey }): string {
  const users = stores.appDb.data.users;
  const admin = users.find((u) => u.isAdmin && u.active) ?? users.find((u) => u.isAdmin);
  const person = admin && allPeople(stores.settings.get()).find((p) => p.id === admin.personId);
  return person?.name.trim() || `Perangkat ${stores.deviceKey.fingerprint.slice(0, 4)}`;
}

const rolesText = (roles: readonly Role[]) => roles.map((r) => ROLE_LABELS[r]).join(', ');

function toView(e: TrustedInstallation): TrustedDeviceView {
  return {
    installationId: e.installationId,
    name: e.name,
    publicKey: e.publicKey,
    fingerprint: publicKeyFingerprint(e.publicKey),
    roles: e.roles,
    source: e.source,
    addedAt: e.addedAt,
    addedBy: e.addedBy,
    revokedAt: e.revokedAt,
  };
}

export function selfView(ctx: CallContext): DeviceSelfView {
  const { stores } = ctx;
  return {
    installationId: stores.appDb.data.installationId,
    name: stores.trust.selfName(),
    publicKey: stores.deviceKey.publicKey,
    fingerprint: stores.deviceKey.fingerprint,
  };
}

export function listDevices(ctx: CallContext): TrustedDeviceView[] {
  return ctx.stores.trust.list().map(toView);
}

/** trust.json changed: keep a copy, so the backup a recovery offers is this state. */
async function kept(stores: Stores, now: Date) {
  await stores.backups.take(stores.paths.trust, 'ubah', now);
}

export async function renameSelf(ctx: CallContext, input: { name: string }): Promise<DeviceSelfView> {
  const { stores } = ctx;
  return stores.locks.run(LOCKS.app, async () => {
    const before = stores.trust.selfName();
    if (before === input.name) return selfView(ctx);
    await stores.trust.renameSelf(input.name);
    await kept(stores, ctx.now);
    await appendAudit(stores, ctx.actor, ctx.now, 'perangkat.ganti-nama', `Nama perangkat ini diubah menjadi "${input.name}".`, [
      { field: 'name', from: before, to: input.name },
    ]);
    return selfView(ctx);
  });
}

/**
 * Trusts another installation with the roles its acts may carry. `source` is 'paket' when
 * a person trusts the sender of a received package, 'kantor' when the trusted installations
 * come with the office package at joining.
 */
export async function trustDevice(ctx: CallContext, input: TrustInput, source: TrustSource = 'paket'): Promise<TrustedDeviceView> {
  const { stores } = ctx;
  return stores.locks.run(LOCKS.app, async () => {
    const entry = await stores.trust.add(input, { username: ctx.actor?.username ?? '', at: ctx.now, source });
    await kept(stores, ctx.now);
    const view = toView(entry);
    await appendAudit(
      stores,
      ctx.actor,
      ctx.now,
      'perangkat.percayai',
      `Perangkat "${entry.name}" (sidik ${view.fingerprint}) dipercaya untuk peran ${rolesText(entry.roles)}.${source === 'relay' ? ' Dikenal dari kartunya di server relay.' : ''}`,
    );
    return view;
  });
}

export async function setDeviceRoles(ctx: CallContext, input: { installationId: string; roles: Role[] }): Promise<TrustedDeviceView> {
  const { stores } = ctx;
  return stores.locks.run(LOCKS.app, async () => {
    const current = stores.trust.get(input.installationId);
    if (current && current.revokedAt === null && rolesText(current.roles) === rolesText(input.roles)) return toView(current);
    const { before, after } = await stores.trust.updateRoles(input.installationId, input.roles);
    await kept(stores, ctx.now);
    await appendAudit(stores, ctx.actor, ctx.now, 'perangkat.ubah-peran', `Peran perangkat "${after.name}" diubah.`, [
      { field: 'roles', from: rolesText(before.roles), to: rolesText(after.roles) },
    ]);
    return toView(after);
  });
}

export async function revokeDevice(ctx: CallContext, input: { installationId: string }): Promise<TrustedDeviceView> {
  const { stores } = ctx;
  return stores.locks.run(LOCKS.app, async () => {
    const after = await stores.trust.revoke(input.installationId, ctx.now);
    await kept(stores, ctx.now);
    await appendAudit(
      stores,
      ctx.actor,
      ctx.now,
      'perangkat.cabut',
      `Kepercayaan kepada perangkat "${after.name}" (sidik ${publicKeyFingerprint(after.publicKey)}) dicabut. Paket baru darinya akan ditolak.`,
    );
    return toView(after);
  });
}
