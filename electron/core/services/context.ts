import type { SyncState } from '../sync/sync-state';
import type { RegencyStore } from '../store/regency-store';
import type { Clock } from '../clock';
import type { KeyedMutex } from '../keyed-mutex';
import type { AppDb, UserRecord } from '../store/app-db';
import type { AuditLog } from '../store/audit-log';
import type { Backups } from '../store/backups';
import type { DataPaths } from '../store/paths';
import type { SettingsStore } from '../settings';
import type { CycleRepository } from '../store/cycle-repository';
import type { Platform } from '../platform';
import type { DeviceKey } from '../sync/device-key';
import type { TrustStore } from '../sync/trust-store';
import type { LoginThrottle, Sessions } from './sessions';
import type { AutoBackupState } from '../backup/auto-state';
import type { SharedFoldersState } from '../sync/shared-folders-state';
import type { Relay } from '../relay/relay';

/** What a service may use: the opened stores, never Electron or the network. */
export interface Stores {
  paths: DataPaths;
  clock: Clock;
  backups: Backups;
  appDb: AppDb;
  /** The app's history (setup, settings, accounts): audit.jsonl. */
  audit: AuditLog;
  /** Serializes check-then-write calls; keys in keyed-mutex.ts LOCKS. */
  locks: KeyedMutex;
  settings: SettingsStore;
  cycles: CycleRepository;
  /** This installation's Ed25519 key pair (device-key.pem): signs its acts and packages. */
  deviceKey: DeviceKey;
  /** trust.json: this laptop's name and the installations it trusts, with their roles. */
  trust: TrustStore;
  /** Packages sent and received, sequence numbers (sync.json). */
  syncState: SyncState;
  /** PPID Utama mode: the register of OPD and each OPD's acts (empty in an OPD office). */
  regency: RegencyStore;
  sessions: Sessions;
  throttle: LoginThrottle;
  /** cadangan-otomatis.json: this laptop's backup folder and history, and the numbers no restore may reuse. */
  backupState: AutoBackupState;
  /** folder-bersama.json: this laptop's outbox and inbox, and the inbox files it handled. */
  sharedFolders: SharedFoldersState;
  /** The relay server (relay.json, relay-state.json, the password in platform.secrets) and its background rounds: the one part that uses the network. */
  relay: Relay;
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
