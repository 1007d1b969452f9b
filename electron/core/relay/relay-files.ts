import { promises as fs } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { KEPT_KINDS, relayConfigSchema, type RelayConfig } from '../domain/sync/relay';
import { stamp } from '../store/backups';
import { readJsonFile, writeFileDurably } from '../store/durable-file';

/**
 * The relay's two files in the data folder, both travelling in backups (neither holds the
 * password: that is the SecretStore's):
 *
 * - `relay.json`: the server an administrator set — address, database, this laptop's user
 *   name, on or off.
 * - `relay-state.json`: how far this laptop is — per cycle, the part of its log already on
 *   the relay (bytes, acts, and the id of the last act there, so a log that is not the one the
 *   checkpoint was taken on is pushed again from its start); the `_changes` sequence already
 *   applied; the soft files already uploaded; the acts pulled but not applied, with why; when
 *   the last round completed. Everything here is written only after what it says is done, so a
 *   crash leaves it behind, never ahead: pushing and pulling again are idempotent.
 *
 * Both are cheap to lose (the address is typed again; checkpoints are rebuilt by pushing and
 * pulling everything once more), so a file that does not parse is set aside as
 * `<name>.rusak-<time>.json` and a fresh one begun, instead of stopping the app.
 */
export const RELAY_CONFIG_FILE = 'relay.json';
export const RELAY_STATE_FILE = 'relay-state.json';

const seqSchema = z.union([z.string().max(2000), z.number()]);

export const relayStateSchema = z.object({
  v: z.literal(1).default(1),
  /** `<url>|<database>` the checkpoints below belong to: another relay starts from nothing. */
  target: z.string().nullable().default(null),
  pull: z.object({ since: seqSchema.nullable() }).default({ since: null }),
  push: z
    .object({
      cycles: z.record(z.string(), z.object({ bytes: z.number().int().min(0), acts: z.number().int().min(0), lastActId: z.string() })).default({}),
      files: z.array(z.string()).default([]),
    })
    .default({ cycles: {}, files: [] }),
  /** Pulled, not applied: offered again every round (trust given since, a parent arrived). */
  kept: z
    .array(
      z.object({
        key: z.string(),
        cycleId: z.string(),
        line: z.string(),
        actId: z.string().nullable(),
        kind: z.enum(KEPT_KINDS),
        reason: z.string(),
        /** The PPID Utama's relay: the OPD office whose act document it was (the line does not say). */
        officeId: z.string().optional(),
      }),
    )
    .default([]),
  lastSyncAt: z.string().nullable().default(null),
  /**
   * Laptops' cards pulled from the relay (relay/device-card.ts), each checked before it was
   * kept: the newest per installation and key. A claim, not trust.
   */
  cards: z.array(z.object({ docId: z.string(), body: z.string(), sig: z.string() })).default([]),
  /** What this laptop's own card last said on the relay (cardContentKey): a new card is pushed when it changes. */
  cardPushed: z.string().nullable().default(null),
  /** Card documents that did not check, named until the relay replaces or deletes them (a few: the newest). */
  cardsRefused: z.array(z.object({ docId: z.string(), name: z.string().nullable(), reason: z.string() })).default([]),
  /**
   * The PPID Utama's relay (relay/regency-pull.ts): OPD offices whose acts arrived while none of
   * their laptops' keys was trusted here, by office id. Their acts are not copied here (a
   * regency's first round would copy every OPD's whole history): once a key of the office is
   * trusted, the feed is read again from `from`, the sequence before the first page that held
   * one of its acts (`page`: that page's number, to pick the earliest of several).
   */
  regency: z
    .object({
      page: z.number().int().min(0).default(0),
      waiting: z.record(z.string(), z.object({ from: seqSchema.nullable(), page: z.number().int().min(0), acts: z.array(z.string()) })).default({}),
    })
    .default({ page: 0, waiting: {} }),
});
export type RelayState = z.infer<typeof relayStateSchema>;

/** A JSON file whose loss costs little: durable writes, one at a time; unreadable → set aside, begun afresh. */
export class TolerantJsonFile<T> {
  private queue: Promise<void> = Promise.resolve();

  private constructor(
    readonly file: string,
    private readonly schema: z.ZodType<T>,
    private current: T,
  ) {}

  static async open<T>(file: string, schema: z.ZodType<T>, fresh: T, now: Date, log?: (m: string) => void): Promise<TolerantJsonFile<T>> {
    let raw: unknown = null;
    try {
      raw = await readJsonFile(file);
    } catch {
      raw = undefined;
    }
    if (raw === null) return new TolerantJsonFile(file, schema, fresh);
    const parsed = schema.safeParse(raw);
    if (raw === undefined || !parsed.success) {
      const base = path.basename(file, '.json');
      const aside = path.join(path.dirname(file), `${base}.rusak-${stamp(now)}.json`);
      await fs.rename(file, aside).catch(() => undefined);
      log?.(`${path.basename(file)} tidak terbaca; disisihkan ke ${path.basename(aside)} dan dimulai baru.`);
      return new TolerantJsonFile(file, schema, fresh);
    }
    return new TolerantJsonFile(file, schema, parsed.data);
  }

  get data(): Readonly<T> {
    return this.current;
  }

  update(f: (d: T) => T): Promise<void> {
    const run = this.queue.then(async () => {
      const next = this.schema.parse(f(structuredClone(this.current)));
      await writeFileDurably(this.file, JSON.stringify(next));
      this.current = next;
    });
    this.queue = run.catch(() => undefined);
    return run;
  }
}

export const NO_RELAY: RelayConfig = { v: 1, url: null, database: null, username: null, enabled: false };

export function openRelayFiles(root: string, now: Date, log?: (m: string) => void) {
  return Promise.all([
    TolerantJsonFile.open(path.join(root, RELAY_CONFIG_FILE), relayConfigSchema, NO_RELAY, now, log),
    TolerantJsonFile.open(path.join(root, RELAY_STATE_FILE), relayStateSchema, relayStateSchema.parse({}), now, log),
  ]);
}

export function targetKey(c: RelayConfig): string | null {
  return c.url && c.database ? `${c.url}|${c.database}` : null;
}
