import { useEffect, useState } from 'react';
import { ROLES, type Role } from '../../../../electron/core/domain/roles';
import type { SignerTrust } from '../../../../electron/core/domain/sync/preview';
import { STEP_INFO, type Step } from '../../../../electron/core/domain/workflow';
import { call } from '../../api/client';

/**
 * Which laptop an act was made on, by name. Everyone may read this laptop's own name and the
 * package history (whose senders are named); administrators also the trust list. An
 * installation known to none of them is shown by the start of its id.
 */
export interface LaptopName {
  /** "laptop ini", the laptop's own name, or "laptop lain (3f2a…)". */
  name: string;
  /** The same in a sentence: "di laptop ini", "di laptop "Laptop Kepala Dinas"". */
  at: string;
}

export function useLaptopNames(isAdmin: boolean): (installationId: string) => LaptopName {
  // Null until loaded: nothing is said rather than "another laptop" for a moment.
  const [names, setNames] = useState<{ self: string | null; known: Map<string, string> } | null>(null);
  useEffect(() => {
    let live = true;
    void (async () => {
      const [self, history, devices] = await Promise.all([call('devices.self'), call('sync.history'), isAdmin ? call('devices.list') : Promise.resolve(null)]);
      const known = new Map<string, string>();
      if (history.ok) for (const p of history.data) if (p.peer) known.set(p.peer.installationId, p.peer.name);
      if (devices?.ok) for (const d of devices.data) known.set(d.installationId, d.name);
      if (live) setNames({ self: self.ok ? self.data.installationId : null, known });
    })();
    return () => {
      live = false;
    };
  }, [isAdmin]);
  return (id) => {
    if (!names) return { name: '', at: '' };
    if (id === names.self) return { name: 'laptop ini', at: 'di laptop ini' };
    const name = names.known.get(id);
    if (name) return { name, at: `di laptop "${name}"` };
    const unknown = `laptop lain (${id.slice(0, 8)})`;
    return { name: unknown, at: `di ${unknown}` };
  };
}

export const TRUST_LABELS: Record<SignerTrust, { label: string; color: string }> = {
  sendiri: { label: 'Laptop ini', color: 'gray' },
  dipercaya: { label: 'Dipercaya', color: 'teal' },
  baru: { label: 'Baru: belum dipercaya', color: 'orange' },
  dicabut: { label: 'Kepercayaan dicabut', color: 'red' },
};

/** "Langkah 4" or "Selesai", as the file names and the movement lines say it. */
export function stepText(step: Step): string {
  return step === 'selesai' ? 'Selesai' : `Langkah ${STEP_INFO[step].no}`;
}

/**
 * Roles this laptop knows to be held on another laptop: those it has sent packages to, and
 * (for administrators, who may read the trust list) those a trusted laptop may carry. Every
 * laptop keeps a local account for each role, so "no local account" alone cannot tell.
 */
export async function remoteRoles(isAdmin: boolean): Promise<ReadonlySet<Role>> {
  const [history, devices] = await Promise.all([call('sync.history'), isAdmin ? call('devices.list') : Promise.resolve(null)]);
  const out = new Set<Role>();
  if (history.ok) for (const p of history.data) if (p.direction === 'kirim' && p.to && (ROLES as readonly string[]).includes(p.to)) out.add(p.to as Role);
  if (devices?.ok) for (const d of devices.data) if (!d.revokedAt) for (const r of d.roles) out.add(r);
  return out;
}
