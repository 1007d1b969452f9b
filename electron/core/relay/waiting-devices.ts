import { ROLES, type Role } from '../domain/roles';
import type { DeviceCard } from '../domain/sync/device-card';
import type { RelayDeviceClaim, RelayWaitingDevice } from '../domain/sync/relay';
import { MERGE_INSTALLATION } from '../domain/workflow';
import type { Stores } from '../services/context';
import { publicKeyFingerprint } from '../sync/device-key';
import { storedCards } from './device-card';
import type { RelayState } from './relay-files';

/** Laptops listed at most (a hostile relay could name thousands). */
export const MAX_WAITING_DEVICES = 50;

/**
 * The laptops an administrator could trust from the relay (RelayStatus.devices): every
 * installation whose pulled acts are held as not trusted, and every laptop of this office whose
 * card names a key this laptop does not trust — each with what its cards claim, and which
 * laptops trusted here vouch for that very key in their own cards. Keys this laptop withdrew
 * (revoked) are not offered again here: Pengaturan › Perangkat is where that is undone.
 */
export function waitingDevices(stores: Stores, state: RelayState): RelayWaitingDevice[] {
  const self = stores.appDb.data.installationId;
  const officeId = stores.settings.get()?.officeId ?? null;
  const trust = stores.trust.list();
  const current = new Map(trust.filter((t) => t.revokedAt === null).map((t) => [t.installationId, t]));
  const withdrawn = new Set(
    trust.flatMap((t) => [...(t.revokedAt !== null ? [t.publicKey] : []), ...t.previousKeys.map((k) => k.publicKey)].map((k) => `${t.installationId}|${k}`)),
  );
  const cards = storedCards(state.cards);

  const acts = new Map<string, { count: number; roles: Set<Role> }>();
  for (const k of state.kept) {
    if (k.kind !== 'belum-dipercaya') continue;
    const head = lineHead(k.line);
    if (!head) continue;
    const a = acts.get(head.installationId) ?? { count: 0, roles: new Set<Role>() };
    a.count += 1;
    if (head.role) a.roles.add(head.role);
    acts.set(head.installationId, a);
  }

  // Cards of laptops trusted here under the key they sign with: what they list is vouched for by them.
  const vouchers = cards.filter((c) => current.get(c.body.installationId)?.publicKey === c.body.publicKey);
  const claimsOf = new Map<string, DeviceCard[]>();
  for (const c of cards) {
    const id = c.body.installationId;
    if (id === self || id === MERGE_INSTALLATION) continue;
    if (current.get(id)?.publicKey === c.body.publicKey || withdrawn.has(`${id}|${c.body.publicKey}`)) continue;
    claimsOf.set(id, [...(claimsOf.get(id) ?? []), c]);
  }

  const ids = new Set([...acts.keys()].filter((id) => id !== self));
  for (const [id, cs] of claimsOf) if (cs.some((c) => c.body.officeId === officeId)) ids.add(id);

  const out: RelayWaitingDevice[] = [];
  for (const id of ids) {
    const trusted = current.get(id);
    const claims: RelayDeviceClaim[] = (claimsOf.get(id) ?? [])
      .map((c) => ({
        name: c.body.name,
        publicKey: c.body.publicKey,
        fingerprint: publicKeyFingerprint(c.body.publicKey),
        officeId: c.body.officeId,
        officeName: c.body.officeName,
        sameOffice: c.body.officeId === officeId,
        knownBy: vouchers
          .filter((v) => v.body.devices.some((d) => d.installationId === id && d.publicKey === c.body.publicKey))
          .map((v) => current.get(v.body.installationId)!.name)
          .sort((a, b) => a.localeCompare(b, 'id')),
        at: c.body.at,
      }))
      // The claim most laptops vouch for first, then the newest.
      .sort((a, b) => b.knownBy.length - a.knownBy.length || b.at.localeCompare(a.at));
    const a = acts.get(id);
    out.push({
      installationId: id,
      actsWaiting: a?.count ?? 0,
      roles: ROLES.filter((r) => a?.roles.has(r)),
      claims,
      trustedAs: trusted ? { name: trusted.name, fingerprint: publicKeyFingerprint(trusted.publicKey) } : null,
    });
  }
  // Those that can be trusted now first, then by how much waits on them.
  const rank = (d: RelayWaitingDevice) => (d.trustedAs ? 2 : d.claims.some((c) => c.sameOffice) ? 0 : 1);
  return out.sort((x, y) => rank(x) - rank(y) || y.actsWaiting - x.actsWaiting || x.installationId.localeCompare(y.installationId)).slice(0, MAX_WAITING_DEVICES);
}

function lineHead(line: string): { installationId: string; role: Role | null } | null {
  try {
    const v = JSON.parse(line) as { installationId?: unknown; actor?: { role?: unknown } };
    if (typeof v.installationId !== 'string') return null;
    const role = v.actor?.role;
    return { installationId: v.installationId, role: (ROLES as readonly unknown[]).includes(role) ? (role as Role) : null };
  } catch {
    return null;
  }
}
