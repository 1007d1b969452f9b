import { promises as fs } from 'node:fs';
import path from 'node:path';
import { format } from 'date-fns';
import { z } from 'zod';
import { contract, isCallName, type AppStatus, type CallName, type Envelope } from './contract';
import type { Clock } from './clock';
import { handlers, type Handler } from './handlers';
import { AppError, err, ok, type FieldIssue, type Result } from './result';
import { isSetUp } from './services/setup';
import type { CallContext, Stores } from './services/context';
import { LoginThrottle, Sessions } from './services/sessions';
import { openAppDb } from './store/app-db';
import { AuditLog } from './store/audit-log';
import { KeyedMutex } from './keyed-mutex';
import { cleanStrings } from './domain/clean-text';
import { Backups } from './store/backups';
import { CorruptFileError, removeStaleTempFiles } from './store/durable-file';
import { acquireLock } from './store/lock';
import { dataPaths } from './store/paths';
import { FutureVersionError, InvalidDataError } from './store/versioned';
import { SettingsStore } from './settings';
import { CycleRepository } from './store/cycle-repository';
import { RegencyStore } from './store/regency-store';
import { appendAudit } from './services/audit';
import './domain/zod-locale';
import { DEFAULT_CALENDAR } from './domain/calendar';
import type { Platform } from './platform';
import { DeviceKey, DeviceKeyBackups } from './sync/device-key';
import { TrustStore } from './sync/trust-store';
import { SyncState } from './sync/sync-state';
import { finishInterruptedReceives } from './services/sync';
import { finishInterruptedIntake } from './services/regency-intake';
import { defaultSelfName } from './services/devices';
import { AutoBackupState } from './backup/auto-state';
import { AUTO_STATE_FILE, IDENTITY_MARKER, SHARED_FOLDERS_FILE } from './backup/data-folder';
import { SharedFoldersState } from './sync/shared-folders-state';
import { InboxWatcher, StabilityTracker } from './sync/inbox-watcher';
import { pollInbox, type PollReport } from './services/shared-folders';
import { CallGate } from './backup/gate';
import { commitRestore, finishInterruptedRestore, freeName, stageBackup, type RestoreJournal, type StepHook } from './backup/restore-swap';
import {
  applyFloors,
  autoBackup,
  identityMarker,
  makeBackup,
  recordFloors,
  renewIdentity,
  takeStaged,
  dropStaged,
  type AutoReason,
  type AutoResult,
  type RenewedIdentity,
} from './services/backup';
import { backupFileName, type BackupRestored } from './domain/backup';
import { dayKey, inZone } from './domain/calendar';
import { stamp } from './store/backups';
import { writeFileDurably } from './store/durable-file';
import type { UserRecord } from './store/app-db';
import { Relay, type RelayOptions } from './relay/relay';
import { ownerOnlyFileSecrets, SECRET_FILE } from './relay/secret-file';

export interface CoreOptions {
  dataDir: string;
  clock: Clock;
  /** Who holds the data directory, shown to a second process that finds it locked. */
  holder: string;
  resourcesDir: string;
  appVersion: string;
  /** Desktop services (save dialog, open file, PDF); absent in the browser preview. */
  platform?: Platform;
  log?: (message: string, error?: unknown) => void;
  /** Tests only: called between the steps of a restore; never resolving there stops the restore at that step, as a kill would. */
  restoreHook?: StepHook;
  /** The shared folders' inbox watcher (services/shared-folders.ts); tests set short times and poll by hand. */
  sharedFolders?: Partial<SharedFolderTiming> & { auto?: boolean };
  /** Tests and benchmarks: the relay's timer, intervals and batch size. */
  relay?: Partial<RelayOptions>;
}

export interface SharedFolderTiming {
  pollMs: number;
  /** Unchanged across two polls at least this far apart before a file is read. */
  settleMs: number;
  retryMs: number;
  damagedAfterMs: number;
  hintDelayMs: number;
  monotonic: () => number;
}

const SHARED_FOLDER_TIMING: SharedFolderTiming = {
  pollMs: 4000,
  settleMs: 3000,
  retryMs: 30_000,
  damagedAfterMs: 10 * 60_000,
  hintDelayMs: 1000,
  monotonic: () => performance.now(),
};

type Recovery = NonNullable<AppStatus['recovery']> & { path: string };

/**
 * The application core: opens a data directory, and answers contract calls.
 * No Electron, no HTTP: both transports hand it an Envelope and get a Result back.
 */
export class Core {
  private stores: Stores | null = null;
  private recovery: Recovery | null = null;
  private releaseLock: (() => Promise<void>) | null = null;
  /** Replaced by a restore: everyone logs in again, with the accounts of the restored data. */
  private sessions = new Sessions();
  private readonly throttle = new LoginThrottle();
  /** Outlives a re-open after a restore: a call waiting on a key must still find it. */
  private readonly locks = new KeyedMutex();
  private readonly backups: Backups;
  /** The device key's copies are PEM, not JSON: their own folder and their own readability check. */
  private readonly keyBackups: DeviceKeyBackups;
  readonly paths: ReturnType<typeof dataPaths>;
  /** Backups and restores run alone; every other call waits for them (backup/gate.ts). */
  private readonly gate = new CallGate();
  /** cadangan-otomatis.json: outside the data a restore replaces, so it lives as long as the core. */
  private backupState: AutoBackupState | null = null;
  /** Numbers raised on the last open (after a restore: the ones issued since the backup). */
  private lastFloors: BackupRestored['carried'] = { notaDinas: {}, packageSeq: null };
  /** The new identity the last open gave this laptop (after a restore), if it did. */
  private lastRenewal: RenewedIdentity | null = null;
  /** folder-bersama.json: this machine's, outside the data a restore replaces, like cadangan-otomatis.json. */
  private folders: SharedFoldersState | null = null;
  private inboxWatcher: InboxWatcher | null = null;
  private lastInboxReport: PollReport = { handled: [] };

  private constructor(private readonly opts: CoreOptions) {
    this.paths = dataPaths(opts.dataDir);
    this.backups = new Backups(this.paths.backups);
    this.keyBackups = new DeviceKeyBackups(this.paths.backups);
  }

  private backupsFor(file: string): Backups {
    return file === this.paths.deviceKey ? this.keyBackups : this.backups;
  }

  static async open(opts: CoreOptions): Promise<Core> {
    const core = new Core(opts);
    await fs.mkdir(core.paths.root, { recursive: true });
    core.releaseLock = await acquireLock(core.paths.lock, opts.holder, opts.clock.now());
    try {
      core.backupState = await AutoBackupState.open(path.join(core.paths.root, AUTO_STATE_FILE), opts.clock.now(), (m) => opts.log?.(m));
      core.folders = await SharedFoldersState.open(path.join(core.paths.root, SHARED_FOLDERS_FILE), opts.clock.now(), (m) => opts.log?.(m));
      // Before anything reads the data: a restore cut short is finished (committed) or undone (not).
      const interrupted = await finishInterruptedRestore(core.paths.root);
      await core.openStores();
      if (interrupted.kind === 'completed') await core.afterRestore(interrupted.journal, null, true);
      core.watchInbox();
    } catch (e) {
      // Not a recovery case (e.g. permissions): give the folder back before failing.
      await core.close();
      throw e;
    }
    return core;
  }

  private async openStores(): Promise<void> {
    const { clock } = this.opts;
    this.stores?.relay.stop();
    this.stores = null;
    this.recovery = null;
    await removeStaleTempFiles(this.paths.root);
    try {
      const appDb = await openAppDb(this.paths.appDb, this.backups, clock);
      const settings = await SettingsStore.open(this.paths.settings, this.backups, clock);
      // After a restore, before anything reads the id or the key: a new installation (services/backup.ts).
      this.lastRenewal = await renewIdentity({
        root: this.paths.root,
        appDb,
        keyFile: this.paths.deviceKey,
        trustFile: this.paths.trust,
        backups: this.backups,
        clock,
        backupState: this.backupState!,
        log: this.opts.log,
      });
      // A damaged key is never replaced (others trust this laptop by it): DeviceKeyError → recovery, below.
      const deviceKey = await DeviceKey.openOrCreate(this.paths.deviceKey, { backups: this.keyBackups, now: clock.now() });
      const trust = await TrustStore.open(this.paths.trust, {
        backups: this.backups,
        clock,
        selfInstallationId: appDb.data.installationId,
        defaultSelfName: () => defaultSelfName({ appDb, settings, deviceKey }),
      });
      const syncState = await SyncState.open(this.paths.syncState, this.backups, clock);
      const regency = await RegencyStore.open(this.paths.regency, { installationId: appDb.data.installationId, backups: this.backups, clock, log: this.opts.log });
      const cycles = await CycleRepository.open(this.paths.cycles, appDb.data.installationId, {
        // Every act this laptop makes is signed, so it verifies however it travels.
        signer: deviceKey,
        backupsRoot: this.paths.backups,
        now: () => clock.now(),
        log: this.opts.log,
      });
      const audit = await AuditLog.open(this.paths.audit, appDb.data.installationId, clock.now());
      if (audit.setAside) this.opts.log?.(`Riwayat aplikasi rusak; disimpan sebagai ${audit.setAside}, riwayat baru dimulai.`);
      const secrets = this.opts.platform?.secrets ?? ownerOnlyFileSecrets(path.join(this.paths.root, SECRET_FILE));
      const relay = await Relay.open(this.paths.root, clock.now(), secrets, this.opts.relay, (m) => this.opts.log?.(m));
      await this.throttle.load(this.paths.loginThrottle, (m) => this.opts.log?.(m));
      // What was set aside or restored in a cycle log stays on record after this session's notices are gone.
      for (const n of cycles.notices) await appendAudit({ audit }, null, clock.now(), `siklus.${n.kind}`, n.message);
      const renewed = this.lastRenewal;
      if (renewed) {
        await appendAudit(
          { audit },
          null,
          clock.now(),
          'perangkat.identitasBaru',
          `Sesudah pemulihan dari cadangan, perangkat ini memakai pengenal dan kunci baru (kode kunci ${deviceKey.fingerprint}); pengenal lama ${renewed.from} tidak dipakai lagi.` +
            (renewed.kept.length ? ` Identitas lama dicatat sebagai perangkat tepercaya: ${renewed.kept.join(', ')}.` : ''),
        );
      }
      // Both files read cleanly: keep a copy as the last known good state.
      await this.backups.take(this.paths.appDb, 'buka', clock.now());
      await this.backups.take(this.paths.settings, 'buka', clock.now());
      await this.backups.take(this.paths.trust, 'buka', clock.now());
      this.stores = {
        paths: this.paths,
        clock,
        backups: this.backups,
        appDb,
        audit,
        locks: this.locks,
        settings,
        cycles,
        deviceKey,
        trust,
        syncState,
        regency,
        sessions: this.sessions,
        throttle: this.throttle,
        backupState: this.backupState!,
        sharedFolders: this.folders!,
        resourcesDir: this.opts.resourcesDir,
        appVersion: this.opts.appVersion,
        platform: { ...this.opts.platform, secrets },
        relay,
      };
      // A package whose apply was cut short is finished before anyone works on its cycles.
      await finishInterruptedReceives(this.stores, clock.now(), this.opts.log);
      await finishInterruptedIntake(this.stores, clock.now(), this.opts.log);
      // Numbers issued before a restore of older data stay used (services/backup.ts).
      this.lastFloors = await applyFloors(this.stores);
      if (Object.keys(this.lastFloors.notaDinas).length || this.lastFloors.packageSeq !== null) {
        this.opts.log?.(`Nomor yang sudah terpakai dibawa: ${JSON.stringify(this.lastFloors)}`);
      }
      // The network only once everything local is settled; its writes pass the call gate like a call's.
      relay.start(this.stores, (work) => this.gate.shared(work));
    } catch (e) {
      if (e instanceof CorruptFileError || e instanceof InvalidDataError || e instanceof FutureVersionError) {
        const path =
          e instanceof CorruptFileError ? e.file : e.file.includes('settings') ? this.paths.settings : e.file.includes('trust') ? this.paths.trust : e.file.includes('sync') ? this.paths.syncState : e.file.includes('register') ? this.paths.regencyRegister : this.paths.appDb;
        const backup = e instanceof FutureVersionError ? null : await this.backupsFor(path).newestReadable(path);
        this.recovery = {
          kind: e instanceof CorruptFileError ? 'corrupt' : e instanceof FutureVersionError ? 'future' : 'invalid',
          file: path.split(/[\\/]/).pop()!,
          path,
          message: e.message,
          backup: backup && { name: backup.name, createdAt: backup.createdAt, bytes: backup.bytes },
        };
        this.opts.log?.(`Data tidak dapat dibuka: ${e.message}`);
        return;
      }
      throw e;
    }
  }

  status(): AppStatus {
    const s = this.stores?.settings.get() ?? null;
    const ready = this.stores !== null && isSetUp({ stores: this.stores });
    return {
      state: this.recovery ? 'recovery' : ready ? 'ready' : 'setup',
      appVersion: this.opts.appVersion,
      dataDir: this.paths.root,
      demo: this.stores?.appDb.data.demo ?? false,
      office: s ? { pemda: s.office.pemda, opdName: s.office.opdName, kind: s.officeKind ?? 'opd' } : null,
      now: this.opts.clock.now().toISOString(),
      calendar: s?.calendar ?? DEFAULT_CALENDAR,
      recovery: this.recovery && {
        kind: this.recovery.kind,
        file: this.recovery.file,
        message: this.recovery.message,
        backup: this.recovery.backup,
      },
    };
  }

  private async restoreBackup(): Promise<AppStatus> {
    const r = this.recovery;
    if (!r) throw new AppError('CONFLICT', 'Tidak ada berkas yang perlu dipulihkan.');
    if (r.kind === 'future') {
      throw new AppError('CONFLICT', 'Data ini dibuat oleh versi PPID Desk yang lebih baru. Perbarui aplikasi; cadangan lama tidak dipulihkan agar data baru tidak hilang.');
    }
    const backups = this.backupsFor(r.path);
    const backup = await backups.newestReadable(r.path);
    if (!backup) throw new AppError('NOT_FOUND', `Tidak ada cadangan ${r.file} yang dapat dipakai. Hubungi admin TI untuk memeriksa folder data.`);
    await backups.restore(r.path, backup, this.opts.clock.now());
    await this.openStores();
    return this.status();
  }

  /** One entry point for every transport: validate, check the phase and the role, run. */
  invoke(envelope: Envelope): Promise<Result<unknown>> {
    const alone = envelope.name === 'backup.create' || envelope.name === 'backup.restore' || envelope.name === 'setup.restoreBackup';
    return alone ? this.gate.exclusive(() => this.dispatch(envelope)) : this.gate.shared(() => this.dispatch(envelope));
  }

  private async dispatch(envelope: Envelope): Promise<Result<unknown>> {
    const { name } = envelope;
    if (!isCallName(name)) return err('UNKNOWN_CALL', `Perintah tidak dikenal: ${String(name).slice(0, 60)}.`);
    const spec = contract[name];
    const now = this.opts.clock.now();
    try {
      if (name === 'app.status') return ok(this.status());

      const phase = this.recovery ? 'recovery' : this.stores && isSetUp({ stores: this.stores }) ? 'ready' : 'setup';
      if (spec.phase !== 'always' && spec.phase !== phase) {
        if (phase === 'recovery') return err('RECOVERY_REQUIRED', 'Data aplikasi perlu dipulihkan dulu sebelum dapat dipakai.');
        if (phase === 'setup') return err('NOT_READY', 'Aplikasi belum disiapkan. Selesaikan penyiapan awal dulu.');
        return err('CONFLICT', spec.phase === 'setup' ? 'Aplikasi sudah disiapkan.' : 'Tidak ada data yang perlu dipulihkan.');
      }

      // Who may call comes before what they sent: a stranger learns nothing from field errors.
      let actor = null;
      if (spec.access !== 'public') {
        const stores = this.stores!;
        const session = stores.sessions.resolve(envelope.session, now, !spec.background);
        actor = session ? stores.appDb.data.users.find((u) => u.id === session.userId && u.active) ?? null : null;
        if (!actor) return err('UNAUTHENTICATED', 'Sesi Anda sudah berakhir. Silakan masuk lagi.');
        const { roles, admin } = spec.access;
        if (roles !== 'any' && !roles.includes(actor.role)) {
          return err('FORBIDDEN', 'Peran Anda tidak berwenang melakukan tindakan ini.');
        }
        if (admin && !actor.isAdmin) return err('FORBIDDEN', 'Hanya administrator yang dapat melakukan tindakan ini.');
      }
      if (spec.office && phase === 'ready' && (this.stores!.settings.get()?.officeKind ?? 'opd') !== spec.office) {
        return err('FORBIDDEN', spec.office === 'utama' ? 'Perintah ini hanya untuk kantor PPID Utama.' : 'Perintah ini hanya untuk kantor OPD, bukan PPID Utama.');
      }

      // Text XML cannot carry (stray control characters, lone surrogates) is dropped from every
      // field here, once, so that nothing stored can later break a DOCX.
      const parsed = (spec.input as z.ZodType).safeParse(cleanStrings(envelope.input ?? {}));
      if (!parsed.success) {
        const issues = toFieldIssues(parsed.error);
        return err('INVALID_INPUT', `Data tidak valid: ${issues.map((i) => i.message).slice(0, 3).join(' ')}`, issues);
      }

      if (name === 'recovery.restoreBackup') return ok(await this.restoreBackup());
      if (name === 'backup.restore' || name === 'setup.restoreBackup') {
        return ok(await this.restoreFromBackup((parsed.data as { previewId: string }).previewId, actor));
      }
      const stores = this.stores!;

      const ctx: CallContext = { stores, actor, session: envelope.session, now };
      const handler = handlers[name] as Handler<CallName>;
      return ok(await handler(ctx, parsed.data as never));
    } catch (e) {
      if (e instanceof AppError) return err(e.code, e.message, e.issues);
      if (e instanceof z.ZodError) {
        const issues = toFieldIssues(e);
        return err('INVALID_INPUT', `Data tidak valid: ${issues.map((i) => i.message).slice(0, 3).join(' ')}`, issues);
      }
      this.opts.log?.(`Kesalahan pada ${name}`, e);
      const code = (e as NodeJS.ErrnoException)?.code;
      if (code === 'ENOSPC') return err('STORAGE', 'Disk penuh: data tidak dapat disimpan. Kosongkan ruang disk lalu coba lagi.');
      if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') {
        return err('STORAGE', 'Folder data tidak dapat ditulisi (izin ditolak). Periksa folder data aplikasi.');
      }
      return err('INTERNAL', 'Terjadi kesalahan tak terduga. Perubahan tidak disimpan. Coba lagi; bila terulang, hubungi admin TI.');
    }
  }

  /**
   * The backup's files in place of the data, all or nothing (backup/restore-swap.ts): the
   * numbers issued so far are put outside the data first, then a safety backup of the data as
   * it is, the backup staged and verified, the stores closed, the swap committed and done, the
   * stores reopened (raising the carried numbers). Runs with every other call held back.
   */
  private async restoreFromBackup(previewId: string, actor: UserRecord | null): Promise<BackupRestored> {
    const stores = this.stores;
    const state = this.backupState!;
    if (!stores) throw new AppError('RECOVERY_REQUIRED', 'Data aplikasi perlu dipulihkan dulu sebelum dapat dipakai.');
    const staged = takeStaged(state, previewId);
    const { opened } = staged;
    const now = this.opts.clock.now();
    const root = this.paths.root;
    const ready = isSetUp({ stores });
    if (ready) await recordFloors(stores);

    const safety = await freeName(root, `pemulihan-${stamp(now)}`);
    const hook = this.opts.restoreHook;
    let safetyFile: string | null = null;
    let stagedAs: Awaited<ReturnType<typeof stageBackup>>;
    try {
      await fs.mkdir(path.join(root, safety), { mode: 0o700 });
      if (ready) {
        const settings = stores.settings.get()!;
        const tz = settings.calendar.timeZone;
        const made = await makeBackup(root, { appVersion: this.opts.appVersion, installationId: stores.appDb.data.installationId, officeId: settings.officeId ?? null }, now, { compress: false });
        safetyFile = path.join(root, safety, backupFileName(settings.office.unitCode, dayKey(now, tz), format(inZone(now, tz), 'HHmm'), 'sebelum-pemulihan'));
        await writeFileDurably(safetyFile, made.bytes);
      }
      await hook?.('safety');
      // Comes in with the data, all or nothing: the next open gives the laptop a new identity.
      const marker = await identityMarker(stores, opened, actor?.username ?? 'penyiapan', now);
      stagedAs = await stageBackup(root, opened, hook, [{ name: IDENTITY_MARKER, bytes: marker }]);
    } catch (e) {
      // Nothing was swapped: the data is as it was, and the safety copy of it is not needed.
      await fs.rm(path.join(root, safety), { recursive: true, force: true }).catch(() => undefined);
      throw e;
    }
    const { id, staging, incoming } = stagedAs;

    // From here on the stores are closed: nothing writes into the folder while it is swapped.
    stores.relay.stop();
    this.stores = null;
    this.sessions = new Sessions();
    const journal: RestoreJournal = {
      v: 1,
      id,
      staging,
      safety,
      incoming,
      fileName: staged.fileName,
      backupCreatedAt: opened.manifest.createdAt,
      at: now.toISOString(),
      by: actor?.username ?? 'penyiapan',
    };
    try {
      await commitRestore(root, journal, hook);
    } catch (e) {
      this.opts.log?.('Pemulihan dari cadangan terhenti', e);
      // Whatever stopped it, the disk decides: committed → finished now, else undone.
      const outcome = await finishInterruptedRestore(root);
      if (outcome.kind !== 'completed') {
        await this.openStores();
        throw new AppError('STORAGE', `Pemulihan dari cadangan gagal (${(e as Error).message}). Data di laptop ini tidak diubah.`);
      }
    }
    dropStaged(state, previewId);
    await this.openStores();
    await this.afterRestore(journal, safetyFile, false);
    return {
      restoredFrom: staged.fileName,
      backupCreatedAt: opened.manifest.createdAt,
      safetyFolder: path.join(root, safety),
      safetyFile,
      carried: this.lastFloors,
      newDevice: this.newDevice(),
    };
  }

  private newDevice(): BackupRestored['newDevice'] {
    const stores = this.stores;
    return this.lastRenewal && stores ? { name: stores.trust.selfName(), fingerprint: stores.deviceKey.fingerprint } : null;
  }

  /** On record: in cadangan-otomatis.json (Pengaturan › Cadangan shows it) and in the restored data's history. */
  private async afterRestore(journal: RestoreJournal, safetyFile: string | null, onOpen: boolean): Promise<void> {
    const safetyFolder = path.join(this.paths.root, journal.safety);
    if (!onOpen || this.backupState!.data.lastRestore?.safetyFolder !== safetyFolder) {
      await this.backupState!.update((d) => ({
        ...d,
        lastRestore: { at: journal.at, fileName: journal.fileName, backupCreatedAt: journal.backupCreatedAt, safetyFolder, safetyFile, by: journal.by },
      }));
    }
    if (this.stores) {
      await appendAudit(
        this.stores,
        null,
        this.opts.clock.now(),
        'cadangan.pulihkan',
        `Data dipulihkan dari cadangan ${journal.fileName} (dibuat ${journal.backupCreatedAt}) oleh ${journal.by}` +
          (onOpen ? ', diselesaikan saat aplikasi dibuka kembali' : '') +
          `. Data sebelumnya disimpan utuh di ${journal.safety}${safetyFile ? ` dan ${path.basename(safetyFile)}` : ''}.`,
      );
    }
  }

  /**
   * The automatic backup (services/backup.ts): Electron's main calls it on close, both hosts
   * on start. Runs alone like any backup; never throws (a missing flash drive is reported in
   * Pengaturan › Cadangan, not by refusing to close).
   */
  autoBackup(reason: AutoReason): Promise<AutoResult> {
    return this.gate.exclusive(async () => {
      if (!this.stores || this.recovery) return { made: false, why: 'belum-disiapkan' } as const;
      return autoBackup(this.stores, this.opts.clock.now(), reason, this.opts.log);
    });
  }

  /**
   * The shared folders' inbox, polled while the app is open (both hosts open and close the core,
   * so both get it). Each poll works between calls: the reading and waiting outside any lock,
   * the preview and apply beside calls like one more call (never during a backup or a restore).
   */
  private watchInbox(): void {
    const t = { ...SHARED_FOLDER_TIMING, ...this.opts.sharedFolders };
    const state = this.folders!;
    const tracker = new StabilityTracker(t);
    this.inboxWatcher = new InboxWatcher({
      pollMs: t.pollMs,
      hintDelayMs: t.hintDelayMs,
      folder: () => state.data.inbox,
      log: this.opts.log,
      poll: async () => {
        this.lastInboxReport = { handled: [] };
        this.lastInboxReport = await pollInbox({
          state,
          tracker,
          monotonic: t.monotonic,
          now: () => this.opts.clock.now(),
          withStores: (f) =>
            this.gate.shared(async () => {
              const stores = this.stores;
              return stores && !this.recovery && isSetUp({ stores }) ? f(stores) : null;
            }),
          log: this.opts.log,
        });
        for (const h of this.lastInboxReport.handled) if (h.result !== 'sudah-diterima' && h.result !== 'milik-sendiri') this.opts.log?.(`Folder masuk: ${h.message}`);
      },
    });
    state.onChange(() => this.inboxWatcher?.hint());
    if (this.opts.sharedFolders?.auto !== false) this.inboxWatcher.start();
  }

  /** One look at the shared inbox now (after any in flight); what it handled. Tests poll with this. */
  async pollSharedFolders(): Promise<PollReport> {
    if (!this.inboxWatcher) return { handled: [] };
    await this.inboxWatcher.pollNow();
    return this.lastInboxReport;
  }

  async close(): Promise<void> {
    await this.inboxWatcher?.stop();
    this.inboxWatcher = null;
    this.stores?.relay.stop();
    await this.releaseLock?.();
    this.releaseLock = null;
  }
}

function toFieldIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
}
