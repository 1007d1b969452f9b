import type { Clock } from '../clock';
import type { AppDb, UserRecord } from '../store/app-db';
import type { Backups } from '../store/backups';
import type { DataPaths } from '../store/paths';
import type { SettingsStore } from '../settings';
import type { CycleRepository } from '../store/cycle-repository';
import type { Platform } from '../platform';
import type { LoginThrottle, Sessions } from './sessions';

/** What a service may use: the opened stores, never Electron or the network. */
export interface Stores {
  paths: DataPaths;
  clock: Clock;
  backups: Backups;
  appDb: AppDb;
  settings: SettingsStore;
  cycles: CycleRepository;
  sessions: Sessions;
  throttle: LoginThrottle;
  resourcesDir: string;
  platform: Platform;
  appVersion: string;
}

export interface CallContext {
  stores: Stores;
  actor: UserRecord | null;
  session: string | undefined;
  now: Date;
}
