import { createHash } from 'node:crypto';
import { MERGE_INSTALLATION } from '../domain/workflow';
import {
  DEVICE_CARD_MAX_BYTES,
  DEVICE_CARD_VERSION,
  deviceCardBodySchema,
  deviceCardDocId,
  deviceCardDocSchema,
  type DeviceCard,
  type DeviceCardBody,
  type DeviceCardDoc,
  cardKey,
  newerCard,
} from '../domain/sync/device-card';
import type { Stores } from '../services/context';
import { verifySignature } from '../sync/device-key';

/** This laptop's card as it stands now (domain/sync/device-card.ts): its own key signs it. */
export function buildCardDoc(stores: Stores, now: Date): DeviceCardDoc {
  const settings = stores.settings.get()!;
  const self = stores.appDb.data.installationId;
  const trusted = stores.trust.list().filter((t) => t.installationId !== self && t.installationId !== MERGE_INSTALLATION && t.revokedAt === null && t.source !== 'pulih');
  const body: DeviceCardBody = {
    v: DEVICE_CARD_VERSION,
    installationId: self,
    name: stores.trust.selfName(),
    publicKey: stores.deviceKey.publicKey,
    officeId: settings.officeId!,
    officeName: settings.office.opdName,
    officeKind: settings.officeKind,
    office: { unitCode: settings.office.unitCode, pemda: settings.office.pemda, ppid: { name: settings.officials.ketuaPpid.name, phone: settings.office.phone, email: settings.office.email } },
    devices: trusted
      .sort((a, b) => a.installationId.localeCompare(b.installationId))
      .map((t) => ({ installationId: t.installationId, name: t.name, publicKey: t.publicKey })),
    replaces: stores.trust
      .list()
      .filter((t) => t.source === 'pulih')
      .map((t) => t.installationId)
      .sort(),
    at: now.toISOString(),
  };
  const bodyText = JSON.stringify(deviceCardBodySchema.parse(body));
  const sig = Buffer.from(stores.deviceKey.sign(Buffer.from(bodyText, 'utf8'))).toString('base64');
  return { _id: deviceCardDocId(self, sha256(bodyText)), type: 'kartu', installationId: self, officeId: body.officeId, body: bodyText, sig };
}

/** What a card says, without its time: a laptop pushes a new card only when this changes. */
export function cardContentKey(doc: DeviceCardDoc): string {
  const body = JSON.parse(doc.body) as Record<string, unknown>;
  delete body.at;
  return sha256(JSON.stringify(body));
}

/**
 * A card document from the relay, checked: its shape, its body against the schema, its name
 * against its body's hash and installation, and its signature under the key it names. The
 * reason in words when it does not hold (the relay is untrusted: anyone with write access may
 * put anything there).
 */
export function readCardDoc(raw: unknown): { ok: true; card: DeviceCard } | { ok: false; reason: string } {
  const doc = deviceCardDocSchema.safeParse(raw);
  if (!doc.success) return { ok: false, reason: 'kartu perangkat di server relay tidak berbentuk kartu' };
  const d = doc.data;
  if (Buffer.byteLength(d.body, 'utf8') > DEVICE_CARD_MAX_BYTES) return { ok: false, reason: 'kartu perangkat terlalu besar' };
  let parsed: unknown;
  try {
    parsed = JSON.parse(d.body);
  } catch {
    return { ok: false, reason: 'isi kartu perangkat tidak terbaca' };
  }
  const body = deviceCardBodySchema.safeParse(parsed);
  if (!body.success) return { ok: false, reason: `isi kartu perangkat tidak sah (${body.error.issues[0]?.message ?? 'bentuk tidak dikenal'})` };
  const b = body.data;
  if (d._id !== deviceCardDocId(b.installationId, sha256(d.body)) || d.installationId !== b.installationId || d.officeId !== b.officeId) {
    return { ok: false, reason: 'kartu perangkat tidak sesuai namanya (diubah di server)' };
  }
  if (!/^[A-Za-z0-9+/]{85}[AQgw]==$/.test(d.sig) || !verifySignature(b.publicKey, Buffer.from(d.body, 'utf8'), Buffer.from(d.sig, 'base64'))) {
    return { ok: false, reason: `tanda tangan kartu perangkat "${b.name}" tidak sah` };
  }
  return { ok: true, card: { docId: d._id, body: b, bodyText: d.body, sig: d.sig } };
}

function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** Cards a laptop keeps at most (a hostile relay must not fill the disk): far more than a province's laptops. */
export const MAX_CARDS = 5000;

export interface StoredCard {
  docId: string;
  body: string;
  sig: string;
}

/** The cards kept (relay-state.json `cards`), read: each was checked when pulled. */
export function storedCards(stored: readonly StoredCard[]): DeviceCard[] {
  const out: DeviceCard[] = [];
  for (const s of stored) {
    try {
      const body = deviceCardBodySchema.safeParse(JSON.parse(s.body));
      if (body.success) out.push({ docId: s.docId, body: body.data, bodyText: s.body, sig: s.sig });
    } catch {
      // A line edited by hand: the card is pulled again at the next full read.
    }
  }
  return out;
}

/** Kept cards with newly pulled ones: the newest per installation and key. */
export function rememberCards(stored: readonly StoredCard[], incoming: readonly DeviceCard[]): StoredCard[] {
  const byKey = new Map<string, DeviceCard>();
  for (const c of [...storedCards(stored), ...incoming]) byKey.set(cardKey(c.body), newerCard(byKey.get(cardKey(c.body)), c));
  return [...byKey.values()].slice(-MAX_CARDS).map((c) => ({ docId: c.docId, body: c.bodyText, sig: c.sig }));
}
