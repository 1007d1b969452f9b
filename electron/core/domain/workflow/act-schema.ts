import { z } from 'zod';
import { storedItemFieldsSchema, storedItemPatchSchema } from '../information';
import { ROLES } from '../roles';
import { DOCUMENT_KINDS } from '../document-views';
import { SCAN_QR_STATUSES, type CycleEvent } from './events';
import { ACTIONS, STEPS } from './sop';

/**
 * The act format: what one line of a cycle log is, in every version this app can read.
 *
 * - Format 1: lines written before acts carried a version (no `v` key).
 * - Format 2: `v: 2`; a Kepala's signing act holds the signed fingerprints. Later additions
 *   that older format-2 readers may ignore (zod strips unknown keys) are optional, not a new
 *   format: `review.marked.judged` (the item as judged) and `transition.data.unchangedFlagged`.
 * - Format 3: the act `uji.recorded` (the uji konsekuensi held) and the signing act's
 *   `data.signedAt`. A new act type is a new format, so an older app meeting one says
 *   "update the app" instead of taking the cycle for damaged.
 *
 * Reading a line: its hash is checked on the text as written (store/event-log.ts), then the
 * parsed object is lifted through the numbered upcasts to the current format and validated
 * with `actSchema`, which fills the defaults a later version added (item fields through the
 * item schema's defaults). An act whose format is newer than ACT_FORMAT is never guessed at:
 * its cycle is refused until the app is updated.
 *
 * - Format 4 (sync between laptops): an act follows one or more acts (`parents` replaces
 *   `prev`) and is signed by the installation that made it (`sig`, Ed25519 over its hash);
 *   new act types `merge` and `conflict.resolved`. Upcast 3→4 sets `parents: prev ? [prev] : []`
 *   and `sig: null`: older acts were all made on one laptop, before anything travelled.
 *   Also in format 4: `archive.filed` (a scan of a signed paper, with the QR verdict at filing).
 * See docs/architecture.md, "The act format".
 */
export const ACT_FORMAT = 4;

export const NEWER_FORMAT_MESSAGE = 'Siklus ini dibuat oleh versi PPID Desk yang lebih baru. Perbarui aplikasi.';

type RawAct = Record<string, unknown>;

/** UPCASTS[n] lifts a format-n act to format n+1. Forward only; never edit a published step. */
const UPCASTS: Readonly<Record<number, (a: RawAct) => RawAct>> = {
  // Format 1 had every field of format 2 except the version; signing acts without stored
  // fingerprints are verified by the frozen format-1 fingerprint (documents/docx/fingerprint.ts).
  1: (a) => ({ ...a, v: 2 }),
  // Format 3 only added an act type and an optional field: every format-2 act is one as it is.
  2: (a) => ({ ...a, v: 3 }),
  // The hash was computed over the text as written (with `prev`), and is checked before this
  // runs; a single parent's hash chains the same way, so nothing needs re-hashing.
  3: ({ prev, ...a }) => ({ ...a, v: 4, parents: typeof prev === 'string' ? [prev] : [], sig: null }),
};

/**
 * Ids become keys of plain objects in the fold (reviews by item id): a name that Object's
 * prototype already answers to (`__proto__`, `constructor`…) is refused, whatever wrote it.
 */
const id = z
  .string()
  .min(1)
  .max(200)
  .refine((v) => !(v in Object.prototype), 'pengenal tidak sah');
const text = z.string().max(100_000);

const actorSchema = z.object({
  userId: id,
  username: z.string().max(200),
  name: z.string().max(500),
  role: z.enum(ROLES),
});

const attachmentSchema = z.object({
  id,
  name: z.string().max(1000),
  file: z.string().max(1000),
  sha256: z.string().regex(/^[a-f0-9]{64}$/),
  bytes: z.number().int().min(0),
  mime: z.string().max(200),
});

const notaDinasSchema = z.object({
  kepada: text.default(''),
  dari: text.default(''),
  tembusan: z.array(text).default([]),
  sifat: z.enum(['Biasa', 'Segera', 'Sangat Segera', 'Rahasia']).default('Biasa'),
  lampiran: text.default('-'),
  hal: text.default(''),
  isi: text.default(''),
  batasWaktu: text.default(''),
});

const signedFingerprintSchema = z.object({
  sha256: z.string().regex(/^[a-f0-9]{64}$/),
  format: z.number().int().min(1),
  count: z.number().int().min(0),
});

/** Unknown keys inside a patch (a field a later format added, then dropped) are stripped, not fatal. */
const itemPatchOnRead = z.object(storedItemPatchSchema.shape);

const bodySchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('cycle.created'), title: text, year: z.number().int(), carriedFrom: id.nullable().default(null) }),
  z.object({
    type: z.literal('item.added'),
    itemId: id,
    fields: storedItemFieldsSchema,
    origin: z.enum(['baru', 'tetap', 'berubah']).default('baru'),
    sourceItemId: id.nullable().default(null),
  }),
  z.object({ type: z.literal('item.updated'), itemId: id, fields: itemPatchOnRead }),
  z.object({ type: z.literal('item.removed'), itemId: id }),
  z.object({ type: z.literal('item.attached'), itemId: id, attachment: attachmentSchema }),
  z.object({ type: z.literal('item.detached'), itemId: id, attachmentId: id }),
  z.object({ type: z.literal('notaDinas.saved'), draft: notaDinasSchema }),
  z.object({
    type: z.literal('review.marked'),
    itemId: id,
    version: z.number().int().min(0),
    verdict: z.enum(['sesuai', 'perlu_perbaikan']),
    note: text.default(''),
    judged: storedItemFieldsSchema.optional(),
  }),
  z.object({
    type: z.literal('uji.recorded'),
    version: z.number().int().min(0),
    participants: z
      .array(
        z.object({
          name: z.string().max(500),
          nip: z.string().max(100).default(''),
          jabatan: z.string().max(500).default(''),
          role: z.string().max(200).default(''),
        }),
      )
      .max(100),
  }),
  z.object({ type: z.literal('merge') }).strict(),
  z.object({
    type: z.literal('conflict.resolved'),
    conflictId: z.string().min(1).max(20_000),
    choice: z.string().min(1).max(200),
    acts: z.array(id).min(1).max(100_000),
  }),
  z.object({
    type: z.literal('archive.filed'),
    document: z.enum(DOCUMENT_KINDS),
    itemId: id.nullable(),
    version: z.number().int().min(0),
    attachment: attachmentSchema,
    qr: z.object({ status: z.enum(SCAN_QR_STATUSES), text: z.string().max(4000).nullable() }),
  }),
  z.object({
    type: z.literal('transition'),
    action: z.enum(ACTIONS),
    from: z.enum(STEPS),
    to: z.enum(STEPS),
    reasons: text.default(''),
    data: z
      .object({
        notaDinasNumber: z.string().max(300).optional(),
        notaDinasDate: z.string().max(100).optional(),
        // Without it here the running number was stripped on read and parsed back from the text.
        urut: z.number().int().min(1).max(1_000_000).optional(),
        version: z.number().int().min(0).optional(),
        signedBy: z.string().max(500).optional(),
        signedAt: z.iso.datetime().optional(),
        note: text.optional(),
        unchangedFlagged: z.array(id).max(10_000).optional(),
        fingerprints: z.object({ dip: signedFingerprintSchema, dik: signedFingerprintSchema }).optional(),
      })
      .default({}),
  }),
]);

/** One act in the current format, as the fold reads it. */
export const actSchema = z.object({
  v: z.literal(ACT_FORMAT),
  id,
  cycleId: id,
  parents: z
    .array(id)
    .max(1000)
    .refine((p) => new Set(p).size === p.length, 'induk tindakan berulang'),
  installationId: id,
  at: z.iso.datetime(),
  actor: actorSchema,
  body: bodySchema,
  hash: z.string().regex(/^[a-f0-9]{64}$/),
  sig: z
    .string()
    .regex(/^[A-Za-z0-9+/]{86}==$/, 'tanda tangan tidak sah')
    .nullable(),
});

// The schema and the type the fold reads must not drift apart.
const _sameShape: z.ZodType<CycleEvent> = actSchema;
void _sameShape;

export type ActRead = { ok: true; act: CycleEvent } | { ok: false; reason: 'future' | 'invalid'; message: string };

/** The format a parsed line declares: a line without `v` is format 1. */
export function actFormatOf(raw: unknown): number | null {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return null;
  const v = (raw as RawAct).v;
  if (v === undefined) return 1;
  return typeof v === 'number' && Number.isInteger(v) && v >= 1 ? v : null;
}

/** True when the line comes from a newer app: check this before any other rule, they may have changed. */
export function isNewerFormat(raw: unknown): boolean {
  const v = actFormatOf(raw);
  return v !== null && v > ACT_FORMAT;
}

/** Upcasts a parsed line to the current format and validates it. */
export function readAct(raw: unknown): ActRead {
  const format = actFormatOf(raw);
  if (format === null) return { ok: false, reason: 'invalid', message: 'bukan tindakan yang dikenal' };
  if (format > ACT_FORMAT) return { ok: false, reason: 'future', message: NEWER_FORMAT_MESSAGE };
  let a = raw as RawAct;
  for (let n = format; n < ACT_FORMAT; n++) a = UPCASTS[n]!(a);
  const parsed = actSchema.safeParse(a);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return { ok: false, reason: 'invalid', message: `isi tindakan tidak sah (${issue.path.join('.') || 'tindakan'}: ${issue.message})` };
  }
  return { ok: true, act: parsed.data as CycleEvent };
}
