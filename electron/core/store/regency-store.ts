import type { RegencyRecords, RegencySignature, RegisterEntry, WaitingPackage } from '../domain/regency/model';
import type { CycleState } from '../domain/workflow';

/**
 * The PPID Utama's records under `utama/` (paths.regency): the register (register.json),
 * every OPD's acts kept apart under opd/<entryId>/, packages waiting for a key to be trusted,
 * and the year's signatures. An OPD office keeps the folder empty.
 *
 * Skeleton: the intake (issue 13) fills it in.
 */
export class RegencyStore implements RegencyRecords {
  private constructor(readonly dir: string) {}

  static async open(dir: string): Promise<RegencyStore> {
    return new RegencyStore(dir);
  }

  entries(): RegisterEntry[] {
    return [];
  }

  cyclesOf(_entryId: string): CycleState[] {
    return [];
  }

  lastReceivedAt(_entryId: string): string | null {
    return null;
  }

  waiting(): WaitingPackage[] {
    return [];
  }

  signature(_year: number): RegencySignature | null {
    return null;
  }

  async saveSignature(_sig: RegencySignature): Promise<void> {
    throw new Error('RegencyStore.saveSignature: belum tersedia');
  }
}
