import { promises as fs } from 'node:fs';
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
import { appendAudit } from './services/audit';
import './domain/zod-locale';
import { DEFAULT_CALENDAR } from './domain/calendar';
import type { Platform } from './platform';
import { DeviceKey, DeviceKeyBackups } from './sync/device-key';
import { TrustStore } from './sync/trust-store';
import { SyncState } from './sync/sync-state';
import { finishInterruptedReceives } from './services/sync';
import { defaultSelfName } from './services/devices';

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
}

type Recovery = NonNullable<AppStatus['recovery']> & { path: string };

/**
 * The application core: opens a data directory, and answers contract calls.
 * No Electron, no HTTP: both transports hand it an Envelope and get a Result back.
 */
export class Core {
  private stores: Stores | null = null;
  private recovery: Recovery | null = null;
  private releaseLock: (() => Promise<void>) | null = null;
  private readonly sessions = new Sessions();
  private readonly throttle = new LoginThrottle();
  /** Outlives a re-open after a restore: a call waiting on a key must still find it. */
  private readonly locks = new KeyedMutex();
  private readonly backups: Backups;
  /** The device key's copies are PEM, not JSON: their own folder and their own readability check. */
  private readonly keyBackups: DeviceKeyBackups;
  readonly paths: ReturnType<typeof dataPaths>;

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
      await core.openStores();
    } catch (e) {
      // Not a recovery case (e.g. permissions): give the folder back before failing.
      await core.close();
      throw e;
    }
    return core;
  }

  private async openStores(): Promise<void> {
    const { clock } = this.opts;
    this.stores = null;
    this.recovery = null;
    await removeStaleTempFiles(this.paths.root);
    try {
      const appDb = await openAppDb(this.paths.appDb, this.backups, clock);
      const settings = await SettingsStore.open(this.paths.settings, this.backups, clock);
      // A damaged key is never replaced (others trust this laptop by it): DeviceKeyError → recovery, below.
      const deviceKey = await DeviceKey.openOrCreate(this.paths.deviceKey, { backups: this.keyBackups, now: clock.now() });
      const trust = await TrustStore.open(this.paths.trust, {
        backups: this.backups,
        clock,
        selfInstallationId: appDb.data.installationId,
        defaultSelfName: () => defaultSelfName({ appDb, settings, deviceKey }),
      });
      const syncState = await SyncState.open(this.paths.syncState, this.backups, clock);
      const cycles = await CycleRepository.open(this.paths.cycles, appDb.data.installationId, {
        // Every act this laptop makes is signed, so it verifies however it travels.
        signer: deviceKey,
        backupsRoot: this.paths.backups,
        now: () => clock.now(),
        log: this.opts.log,
      });
      const audit = await AuditLog.open(this.paths.audit, appDb.data.installationId, clock.now());
      if (audit.setAside) this.opts.log?.(`Riwayat aplikasi rusak; disimpan sebagai ${audit.setAside}, riwayat baru dimulai.`);
      await this.throttle.load(this.paths.loginThrottle, (m) => this.opts.log?.(m));
      // What was set aside or restored in a cycle log stays on record after this session's notices are gone.
      for (const n of cycles.notices) await appendAudit({ audit }, null, clock.now(), `siklus.${n.kind}`, n.message);
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
        sessions: this.sessions,
        throttle: this.throttle,
        resourcesDir: this.opts.resourcesDir,
        appVersion: this.opts.appVersion,
        platform: this.opts.platform ?? {},
      };
      // A package whose apply was cut short is finished before anyone works on its cycles.
      await finishInterruptedReceives(this.stores, clock.now(), this.opts.log);
    } catch (e) {
      if (e instanceof CorruptFileError || e instanceof InvalidDataError || e instanceof FutureVersionError) {
        const path =
          e instanceof CorruptFileError ? e.file : e.file.includes('settings') ? this.paths.settings : e.file.includes('trust') ? this.paths.trust : e.file.includes('sync') ? this.paths.syncState : this.paths.appDb;
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
      office: s ? { pemda: s.office.pemda, opdName: s.office.opdName } : null,
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
  async invoke(envelope: Envelope): Promise<Result<unknown>> {
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
        const session = stores.sessions.resolve(envelope.session, now);
        actor = session ? stores.appDb.data.users.find((u) => u.id === session.userId && u.active) ?? null : null;
        if (!actor) return err('UNAUTHENTICATED', 'Sesi Anda sudah berakhir. Silakan masuk lagi.');
        const { roles, admin } = spec.access;
        if (roles !== 'any' && !roles.includes(actor.role)) {
          return err('FORBIDDEN', 'Peran Anda tidak berwenang melakukan tindakan ini.');
        }
        if (admin && !actor.isAdmin) return err('FORBIDDEN', 'Hanya administrator yang dapat melakukan tindakan ini.');
      }

      // Text XML cannot carry (stray control characters, lone surrogates) is dropped from every
      // field here, once, so that nothing stored can later break a DOCX.
      const parsed = (spec.input as z.ZodType).safeParse(cleanStrings(envelope.input ?? {}));
      if (!parsed.success) {
        const issues = toFieldIssues(parsed.error);
        return err('INVALID_INPUT', `Data tidak valid: ${issues.map((i) => i.message).slice(0, 3).join(' ')}`, issues);
      }

      if (name === 'recovery.restoreBackup') return ok(await this.restoreBackup());
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

  async close(): Promise<void> {
    await this.releaseLock?.();
    this.releaseLock = null;
  }
}

function toFieldIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
}
