import { z } from 'zod';
import { cleanText } from '../clean-text';
import { idSchema } from '../office';
import { OFFICE_KINDS } from '../regency/model';
import { manifestOfficeSchema } from './manifest';
import { PUBLIC_KEY_RE } from './trust';

/**
 * A laptop's card on the relay (issue 14): who it says it is — its installation, name and
 * public key, its office (for the PPID Utama's register: the same fields a package's manifest
 * carries), and the laptops it trusts with their keys — signed with its own key. A package
 * brings the same facts in its signed manifest and device list; loose acts on the relay need
 * this instead. A card is a claim, never trust: a person compares the key's code with the
 * laptop's owner before trusting it (relay.trustDevice, utama.trustRelayDevice), and the
 * laptops a trusted card lists are then known by the keys it gives, as with a package's.
 *
 * On the relay a card is the document `kartu:<installationId>:<sha256 of its body text>`:
 * immutable like the acts (a changed card is a new document), the newest by `at` wins for an
 * installation, and only one whose signature checks under the key it names counts.
 */

export const DEVICE_CARD_VERSION = 1;
/** Laptops a card may list: an office's laptops, many times over. */
export const DEVICE_CARD_MAX_DEVICES = 500;
/** Bytes of a card's body text a receiver reads at most. */
export const DEVICE_CARD_MAX_BYTES = 200_000;

const text = (label: string, max: number) =>
  z
    .string({ error: `${label} harus berupa teks.` })
    .min(1, `${label} kosong.`)
    .max(max, `${label} terlalu panjang.`)
    .refine((s) => !s.includes('\n') && cleanText(s) === s, `${label} memuat karakter yang tidak boleh ada.`);

const installationId = z.uuid({ error: 'Pengenal instalasi tidak sah.' });
const publicKey = z.string().regex(PUBLIC_KEY_RE, 'Kunci publik tidak sah.');

export const deviceCardBodySchema = z.strictObject({
  v: z.literal(DEVICE_CARD_VERSION, { error: `Versi kartu perangkat harus ${DEVICE_CARD_VERSION}.` }),
  installationId,
  name: text('Nama perangkat', 150),
  publicKey,
  officeId: idSchema,
  officeName: text('Nama kantor', 200),
  officeKind: z.enum(OFFICE_KINDS),
  office: manifestOfficeSchema,
  /** The laptops this one trusts (not itself), with the keys it holds for them. */
  devices: z
    .array(z.strictObject({ installationId, name: text('Nama perangkat', 150), publicKey }))
    .max(DEVICE_CARD_MAX_DEVICES, 'Kartu perangkat menyebut terlalu banyak perangkat.'),
  /** Earlier identities of this laptop, retired by a restore (their acts still verify with the keys listed). */
  replaces: z.array(installationId).max(50).default([]),
  /** When the card was made (a laptop's clock: only orders one laptop's own cards). */
  at: z.iso.datetime({ error: 'Waktu kartu perangkat tidak sah.' }),
});
export type DeviceCardBody = z.infer<typeof deviceCardBodySchema>;

/** The relay document: the body as the signer wrote it (its signature covers that text), and beside it what CouchDB readers need. */
export const deviceCardDocSchema = z.object({
  _id: z.string().max(200),
  type: z.literal('kartu'),
  installationId: z.string().max(100),
  officeId: z.string().max(100),
  body: z.string().max(DEVICE_CARD_MAX_BYTES),
  /** Base64 Ed25519 signature over the UTF-8 bytes of `body`, by `body.publicKey`. */
  sig: z.string().max(200),
});
export type DeviceCardDoc = z.infer<typeof deviceCardDocSchema>;

export const DEVICE_CARD_PREFIX = 'kartu:';
export const deviceCardDocId = (installationId: string, bodySha256: string) => `${DEVICE_CARD_PREFIX}${installationId}:${bodySha256}`;

/** A card checked: its body, as signed, and the document it came in. */
export interface DeviceCard {
  docId: string;
  body: DeviceCardBody;
  bodyText: string;
  sig: string;
}

/**
 * Cards are kept per installation *and key*: two keys claiming one installation are two claims
 * (a reinstalled laptop, or a forgery), and a person decides which is trusted. Of two cards
 * with the same key (signed by the same laptop), the newer counts.
 */
export const cardKey = (c: Pick<DeviceCardBody, 'installationId' | 'publicKey'>) => `${c.installationId}|${c.publicKey}`;

export function newerCard(a: DeviceCard | undefined, b: DeviceCard): DeviceCard {
  if (!a || cardKey(a.body) !== cardKey(b.body)) return b;
  return b.body.at > a.body.at || (b.body.at === a.body.at && b.docId > a.docId) ? b : a;
}
