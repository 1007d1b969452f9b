import { Low } from 'lowdb';
import { z } from 'zod';
import type { Clock } from '../clock';
import { RECIPIENTS } from '../domain/sync/package-name';
import { STEPS } from '../domain/workflow/sop';
import type { Backups } from '../store/backups';
import { VersionedAdapter, type Migration } from '../store/versioned';

/**
 * sync.json: this laptop's side of the package exchange — the number of the last package it
 * sent (per-sender sequence), which package numbers it received from each other laptop (so a
 * gap can be named), what each other laptop said it had received from this one, and the
 * package log (Riwayat paket). Same versioned, durable adapter as settings.json.
 */
export const SYNC_STATE_VERSION = 1;
export const syncStateMigrations: Migration[] = [];

const recordSchema = z.object({
  direction: z.enum(['kirim', 'terima']),
  packageId: z.string(),
  seq: z.number().int().min(1),
  at: z.string(),
  peer: z.object({ installationId: z.string(), name: z.string() }).nullable(),
  to: z.enum(RECIPIENTS).nullable(),
  fileName: z.string(),
  cycles: z.array(z.object({ id: z.string(), title: z.string(), step: z.enum(STEPS) })),
  bytes: z.number().int().min(0),
  sha256: z.string(),
  newActs: z.number().int().min(0).nullable(),
  by: z.string(),
});
export type PackageRecord = z.infer<typeof recordSchema>;

const syncStateSchema = z.object({
  seq: z.number().int().min(0),
  /** Per other installation, the package numbers received from it. */
  received: z.record(z.string(), z.array(z.number().int().min(1))),
  /** Per recipient (a role, or `semua`), how many packages this laptop has addressed to it. */
  sentTo: z.record(z.string(), z.number().int().min(0)).default({}),
  /** Per other installation and recipient, the recipient numbers (`to.seq`) received from it. */
  receivedTo: z.record(z.string(), z.record(z.string(), z.array(z.number().int().min(1)))).default({}),
  /** Per other installation, the highest of this laptop's package numbers it said it received. */
  acked: z.record(z.string(), z.number().int().min(0)),
  packages: z.array(recordSchema),
});
export type SyncStateData = z.infer<typeof syncStateSchema>;

export class SyncState {
  private constructor(private readonly db: Low<SyncStateData>) {}

  static async open(file: string, backups: Backups, clock: Clock): Promise<SyncState> {
    const adapter = new VersionedAdapter<SyncStateData>({ file, version: SYNC_STATE_VERSION, migrations: syncStateMigrations, schema: syncStateSchema, backups, clock });
    const db = new Low<SyncStateData>(adapter, { seq: 0, sentTo: {}, receivedTo: {}, received: {}, acked: {}, packages: [] });
    await db.read();
    return new SyncState(db);
  }

  get data(): Readonly<SyncStateData> {
    return this.db.data;
  }

  /** Highest package number received from each installation: what this laptop's next package says it has. */
  receivedSummary(): Record<string, number> {
    const out: Record<string, number> = {};
    for (const [inst, seqs] of Object.entries(this.db.data.received)) if (seqs.length) out[inst] = Math.max(...seqs);
    return out;
  }

  /**
   * Recipient numbers below `upTo` never received from this installation for this recipient,
   * counted from the first one received: packages sent before this laptop was first reached
   * (before it joined, or meant for a laptop that held the role then) are nobody's gap.
   */
  missingFrom(installationId: string, recipient: string, upTo: number): number[] {
    const got = this.db.data.receivedTo[installationId]?.[recipient] ?? [];
    if (!got.length) return [];
    const have = new Set(got);
    const out: number[] = [];
    for (let n = Math.min(...got) + 1; n < upTo; n++) if (!have.has(n)) out.push(n);
    return out;
  }

  /** The numbers the next package to `recipient` gets; used up only by `recordSent`. */
  nextNumbers(recipient: string): { seq: number; toSeq: number } {
    return { seq: this.db.data.seq + 1, toSeq: (this.db.data.sentTo[recipient] ?? 0) + 1 };
  }

  hasReceived(packageId: string): boolean {
    return this.db.data.packages.some((p) => p.direction === 'terima' && p.packageId === packageId);
  }

  /** A package made with `nextNumbers(recipient)`; callers hold the sync lock between the two. */
  async recordSent(rec: PackageRecord, recipient: string): Promise<PackageRecord> {
    await this.update((d) => ({ ...d, seq: rec.seq, sentTo: { ...d.sentTo, [recipient]: (d.sentTo[recipient] ?? 0) + 1 }, packages: [...d.packages, rec] }));
    return rec;
  }

  /**
   * After data was restored from an older backup: the package numbers sent since must not be
   * used again (a receiver takes a number it has seen for a package it already has).
   */
  async raiseSeq(floor: number): Promise<boolean> {
    if (this.db.data.seq >= floor) return false;
    await this.update((d) => ({ ...d, seq: floor }));
    return true;
  }

  /** The same for the numbers per recipient (`to.seq`): each raised to its floor. Returns the ones raised. */
  async raiseSentTo(floors: Readonly<Record<string, number>>): Promise<Record<string, number>> {
    const raised: Record<string, number> = {};
    for (const [recipient, n] of Object.entries(floors)) if ((this.db.data.sentTo[recipient] ?? 0) < n) raised[recipient] = n;
    if (Object.keys(raised).length) await this.update((d) => ({ ...d, sentTo: { ...d.sentTo, ...raised } }));
    return raised;
  }

  async recordReceived(
    rec: PackageRecord,
    senderId: string,
    saidReceived: Record<string, number>,
    selfId: string,
    to: { recipient: string; seq: number } | null = null,
  ): Promise<void> {
    await this.update((d) => {
      const seqs = [...new Set([...(d.received[senderId] ?? []), rec.seq])].sort((a, b) => a - b);
      const receivedTo = { ...d.receivedTo };
      if (to) {
        const mine = { ...(receivedTo[senderId] ?? {}) };
        mine[to.recipient] = [...new Set([...(mine[to.recipient] ?? []), to.seq])].sort((a, b) => a - b);
        receivedTo[senderId] = mine;
      }
      const acked = { ...d.acked };
      const mine = saidReceived[selfId];
      if (mine !== undefined && (acked[senderId] ?? 0) < mine) acked[senderId] = mine;
      return { ...d, received: { ...d.received, [senderId]: seqs }, receivedTo, acked, packages: [...d.packages, rec] };
    });
  }

  private async update(f: (d: SyncStateData) => SyncStateData) {
    const before = this.db.data;
    this.db.data = f(before);
    try {
      await this.db.write();
    } catch (e) {
      this.db.data = before;
      throw e;
    }
  }
}
