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
  /** Per other installation, the highest of this laptop's package numbers it said it received. */
  acked: z.record(z.string(), z.number().int().min(0)),
  packages: z.array(recordSchema),
});
export type SyncStateData = z.infer<typeof syncStateSchema>;

export class SyncState {
  private constructor(private readonly db: Low<SyncStateData>) {}

  static async open(file: string, backups: Backups, clock: Clock): Promise<SyncState> {
    const adapter = new VersionedAdapter<SyncStateData>({ file, version: SYNC_STATE_VERSION, migrations: syncStateMigrations, schema: syncStateSchema, backups, clock });
    const db = new Low<SyncStateData>(adapter, { seq: 0, received: {}, acked: {}, packages: [] });
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

  /** Numbers below `upTo` never received from this installation. */
  missingFrom(installationId: string, upTo: number): number[] {
    const have = new Set(this.db.data.received[installationId] ?? []);
    const out: number[] = [];
    for (let n = 1; n < upTo; n++) if (!have.has(n)) out.push(n);
    return out;
  }

  hasReceived(packageId: string): boolean {
    return this.db.data.packages.some((p) => p.direction === 'terima' && p.packageId === packageId);
  }

  /** Runs `record` with the next sequence number; the number is only used up when it is written. */
  async recordSent(make: (seq: number) => PackageRecord): Promise<PackageRecord> {
    const seq = this.db.data.seq + 1;
    const rec = make(seq);
    await this.update((d) => ({ ...d, seq, packages: [...d.packages, rec] }));
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

  async recordReceived(rec: PackageRecord, senderId: string, saidReceived: Record<string, number>, selfId: string): Promise<void> {
    await this.update((d) => {
      const seqs = [...new Set([...(d.received[senderId] ?? []), rec.seq])].sort((a, b) => a - b);
      const acked = { ...d.acked };
      const mine = saidReceived[selfId];
      if (mine !== undefined && (acked[senderId] ?? 0) < mine) acked[senderId] = mine;
      return { ...d, received: { ...d.received, [senderId]: seqs }, acked, packages: [...d.packages, rec] };
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
