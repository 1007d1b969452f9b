import { cardKey, type DeviceCard } from '../domain/sync/device-card';
import type { RegisterEntry } from '../domain/regency/model';
import type { RelayDeviceTrusted, RelayWaitingOffice } from '../domain/regency/relay-waiting';
import { LOCKS } from '../keyed-mutex';
import { storedCards } from '../relay/device-card';
import { identityOf, laptopsOf, officeCards } from '../relay/regency-pull';
import { AppError } from '../result';
import { publicKeyFingerprint } from '../sync/device-key';
import { appendAudit } from './audit';
import type { CallContext, Stores } from './context';
import { contactFrom } from './regency-intake';

/**
 * The PPID Utama on the relay (issue 14): the OPD offices whose laptops' cards and acts are on
 * the regency's relay database but none of whose keys is trusted here, and trusting one of those
 * keys — the relay's counterpart of a package waiting on its sender key (utama.trustSender).
 */

const UNCHANGED = 'Tidak ada yang diubah.';

/** Why this laptop's key cannot be trusted for this entry, in words; null when it can. */
function trustProblem(stores: Stores, card: DeviceCard, entry: RegisterEntry | null): string | null {
  const reg = stores.regency;
  const { installationId, publicKey, name } = card.body;
  const opdName = entry?.name ?? card.body.officeName;
  const own = entry?.keys.find((k) => k.installationId === installationId);
  if (own?.revokedAt) return `Kepercayaan pada laptop "${own.name}" dari ${opdName} sudah dicabut: kuncinya tidak dapat dipercaya lagi.`;
  if (own && own.publicKey !== publicKey) return `Laptop "${name}" dari ${opdName} sudah dipercaya dengan kunci lain: mungkin laptopnya dipasang ulang, atau kartu ini palsu. Tanyakan langsung kepada PPID Pembantu OPD itu.`;
  const pinned = entry && Object.hasOwn(entry.devices, installationId) ? entry.devices[installationId]! : null;
  if (pinned && pinned.publicKey !== publicKey) return `Kartu menyebut kunci lain untuk laptop "${name}" dari ${opdName} daripada kunci yang tercatat sebelumnya: mungkin laptopnya dipasang ulang, atau kartu ini palsu.`;
  const holder = reg.installationHolder(installationId);
  const other = reg.entries().find((e) => e.entryId !== entry?.entryId && (e.entryId === holder || e.keys.some((k) => k.publicKey === publicKey)));
  if (other) return `Laptop "${name}" sudah tercatat milik ${other.name}, sedangkan kartunya mengaku dari ${opdName}: satu laptop hanya dipakai satu OPD. Tanyakan langsung kepada pemilik laptop itu.`;
  return null;
}

/** `utama.relayWaiting`: offices seen on the relay (their cards, their acts) with no key trusted here, by name. */
export function relayWaiting(ctx: CallContext): RelayWaitingOffice[] {
  const { stores } = ctx;
  const state = stores.relay.state;
  const self = stores.settings.get()?.officeId;
  const cards = storedCards(state.cards);
  const ids = new Set([...cards.filter((c) => c.body.officeKind === 'opd').map((c) => c.body.officeId), ...Object.keys(state.regency.waiting)]);
  const out: RelayWaitingOffice[] = [];
  for (const officeId of ids) {
    if (officeId === self) continue;
    const acts = state.regency.waiting[officeId]?.acts.length ?? 0;
    const oc = officeCards(stores, cards, officeId);
    if (!oc) {
      out.push({ officeId, officeName: '', unitCode: '', entryId: null, entryName: null, laptops: [], acts });
      continue;
    }
    if (oc.trusted.length) continue;
    out.push({
      officeId,
      officeName: oc.newest.body.officeName,
      unitCode: oc.identity.unitCode,
      entryId: oc.entry?.entryId ?? null,
      entryName: oc.entry?.name ?? null,
      laptops: laptopsOf(oc.cards).map((c) => ({
        installationId: c.body.installationId,
        name: c.body.name,
        publicKey: c.body.publicKey,
        fingerprint: publicKeyFingerprint(c.body.publicKey),
        cardAt: c.body.at,
        problem: trustProblem(stores, c, oc.entry),
      })),
      acts,
    });
  }
  // Offices with acts waiting first, then by name.
  return out.sort((a, b) => Number(b.acts > 0) - Number(a.acts > 0) || a.officeName.localeCompare(b.officeName, 'id'));
}

/**
 * `utama.trustRelayDevice`: a PPID Utama trusts an OPD laptop's key from its card on the relay,
 * for the OPD its card names (added to the register if new), after comparing its code with the
 * OPD's PPID Pembantu; then a relay round is asked for, which applies the office's acts.
 */
export async function trustRelayDevice(ctx: CallContext, input: { installationId: string; publicKey: string }): Promise<RelayDeviceTrusted> {
  const { stores } = ctx;
  const reg = stores.regency;
  const out = await stores.locks.run(LOCKS.regency, async () => {
    const card = storedCards(stores.relay.state.cards).find((c) => cardKey(c.body) === cardKey(input) && c.body.officeKind === 'opd');
    if (!card) {
      throw new AppError('NOT_FOUND', `Kartu laptop dengan kunci itu belum diterima dari server relay di komputer ini. Sinkronkan dulu, lalu muat ulang daftarnya. ${UNCHANGED}`);
    }
    if (card.body.officeId === stores.settings.get()?.officeId) throw new AppError('CONFLICT', `Laptop itu milik kantor PPID Utama sendiri, bukan OPD. ${UNCHANGED}`);
    const newest = officeCards(stores, storedCards(stores.relay.state.cards), card.body.officeId)!;
    // The office as its newest card names it; the laptop's own card is the one whose key is trusted.
    const identity = identityOf(newest.newest);
    const entry = reg.match(identity);
    const fingerprint = publicKeyFingerprint(card.body.publicKey);
    if (entry?.keys.some((k) => k.installationId === card.body.installationId && k.publicKey === card.body.publicKey && !k.revokedAt)) {
      return { trusted: { entryId: entry.entryId, opdName: entry.name, laptopName: card.body.name, fingerprint, added: false }, wrote: false };
    }
    const problem = trustProblem(stores, card, entry);
    if (problem) throw new AppError('CONFLICT', `${problem} ${UNCHANGED}`);
    const at = ctx.now.toISOString();
    const by = ctx.actor!.username;
    const saved = await reg.link({
      entryId: entry?.entryId ?? null,
      identity,
      contact: contactFrom({ office: newest.newest.body.office }),
      trustKey: { installationId: card.body.installationId, name: card.body.name, publicKey: card.body.publicKey, trustedAt: at, trustedBy: by, revokedAt: null },
      pin: { [card.body.installationId]: { name: card.body.name, publicKey: card.body.publicKey } },
      at,
      by,
    });
    await appendAudit(
      stores,
      ctx.actor,
      ctx.now,
      'utama.percaya',
      `Kunci laptop "${card.body.name}" (${fingerprint}) dari server relay dipercaya untuk ${saved.name}${entry ? '' : ' (OPD ditambahkan ke daftar)'}.`,
    );
    return { trusted: { entryId: saved.entryId, opdName: saved.name, laptopName: card.body.name, fingerprint, added: !entry }, wrote: true };
  });
  // Its acts arrive with the next round, in the background (the screens follow relay.status).
  stores.relay.kick();
  return out.trusted;
}
