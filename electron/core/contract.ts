import { z } from 'zod';
import type { Role } from './domain/roles';
import { ROLES } from './domain/roles';
import {
  accountInputSchema,
  calendarSettingsSchema,
  documentSettingsSchema,
  idSchema,
  officeSchema,
  officialsSchema,
  passwordSchema,
  setupAccountsSchema,
  setupInputSchema,
  type Settings,
} from './domain/office';
import { ACTIONS, EDITS, notaDinasDraftSchema } from './domain/workflow';
import type { ArchiveCycleView, OpenedScan, ScanCheck } from './domain/archive';
import { itemFieldsSchema, itemPatchSchema } from './domain/information';
import type { CycleSummary, CycleView, SigningPreview } from './domain/cycle-views';
import type { TimelineEntry } from './domain/timeline';
import type { ChangeReport } from './domain/changes';
import type { CalendarSettings } from './domain/calendar';
import { RECIPIENTS } from './domain/sync/package-name';
import type { AppliedPackage, PackagePreview, PackageRecordView } from './domain/sync/preview';
import type { SharedFoldersSettingsView, SharedFoldersStatus } from './domain/sync/shared-folders';
import type { JoinPreview } from './domain/sync/office-package';
import { DOCUMENT_KINDS, type BuiltDocument, type PrintedFingerprint, type Verification } from './domain/document-views';
import { PUBLISH_FORMATS, PUBLISH_LISTS, type PublishedDocument } from './documents/shared/publication';
import type { RemindersView } from './domain/reminders';
import { deviceNameSchema, installationIdSchema, PUBLIC_KEY_RE, trustInputSchema, trustRolesSchema, type DeviceSelfView, type TrustedDeviceView } from './domain/sync/trust';
import {
  regencySearchSchema,
  registerEntryInputSchema,
  REGENCY_FORMATS,
  type IntakeApplied,
  type IntakeCheck,
  type OfficeKind,
  type RegencySearchResult,
  type RegencySignature,
  type RegisterEntry,
  type RegisterView,
  type WaitingPackage,
} from './domain/regency/model';
import type { RegencyInput } from './documents/shared/regency';
import { REGENCY_DOCUMENT_KINDS } from './domain/document-views';
import { relaySetSchema, relayTrustSchema, type RelayConfigView, type RelayStatus } from './domain/sync/relay';
import type { RelayDeviceTrusted, RelayWaitingOffice } from './domain/regency/relay-waiting';
import { MAX_AUTO_KEEP, type BackupMade, type BackupPreview, type BackupRestored, type BackupSettingsView, type BackupStatus } from './domain/backup';

/**
 * Every call the renderer can make, once. Electron IPC, the loopback host and the
 * renderer's client are all derived from this list, so they cannot drift apart.
 *
 * access: 'public' needs no log-in; otherwise a logged-in user, optionally limited to
 * roles or to administrators. `phase` says when a call may run at all: before setup,
 * while a damaged data file waits for recovery, or (default) when the app is ready.
 */
export type Access = 'public' | { roles: readonly Role[] | 'any'; admin?: boolean };
export type Phase = 'ready' | 'setup' | 'recovery' | 'always';

export interface CallSpec<I extends z.ZodType, O> {
  input: I;
  access: Access;
  phase: Phase;
  /** Calls that only make sense in one kind of office (an OPD's cycles; the PPID Utama's register). */
  office?: OfficeKind;
  /** Asked by the screens on their own, every few seconds: not a sign that someone is at the laptop (the idle log-out still comes). */
  background?: true;
  /** Phantom: the output type. */
  readonly _output?: O;
}

const call =
  <O>() =>
  <I extends z.ZodType>(spec: { input: I; access: Access; phase?: Phase; office?: OfficeKind; background?: true }): CallSpec<I, O> => ({
    phase: 'ready',
    ...spec,
  });

const documentKindSchema = z.enum(DOCUMENT_KINDS, { error: 'Jenis dokumen tidak dikenal.' });

const empty = z.object({}).strict().default({});

/** A scan of a signed paper: which paper (an uji sheet names its exempt item) and the file. */
const scanInput = z
  .object({
    cycleId: idSchema,
    document: documentKindSchema,
    itemId: idSchema.nullable().default(null),
    name: z.string().trim().min(1, 'Nama berkas wajib ada.').max(200, 'Nama berkas terlalu panjang.'),
    base64: z.string().min(1, 'Berkas kosong.').max(28_000_000, 'Berkas terlalu besar (maksimal 20 MB).'),
  })
  .strict();
/** What the browser may send as one package: the loopback host accepts 40 MB bodies. */
export const PACKAGE_UPLOAD_MAX_BASE64 = 38_000_000;
/** Said by the contract and, before sending, by the screen that reads the file. */
export const PACKAGE_TOO_LARGE_MESSAGE = 'Paket terlalu besar untuk diterima di sini (maksimal 28 MB). Minta pengirim membuat paket tanpa lampiran.';
/** A .ppid file sent by the browser, as base64. */
const packageUploadSchema = z
  .object({
    base64: z.string().min(1, 'Berkas kosong.').max(PACKAGE_UPLOAD_MAX_BASE64, PACKAGE_TOO_LARGE_MESSAGE),
    fileName: z.string().trim().max(300).default('paket.ppid'),
  })
  .strict();
/**
 * A backup as base64: V8 strings end near 512 million characters. The loopback host takes
 * 40 MB bodies, so the browser preview restores backups up to about 28 MB; the desktop app more.
 */
export const BACKUP_UPLOAD_MAX_BASE64 = 500_000_000;
const backupUpload = z
  .object({
    base64: z.string().min(1, 'Berkas kosong.').max(BACKUP_UPLOAD_MAX_BASE64, 'Berkas cadangan terlalu besar untuk dipulihkan di sini. Hubungi admin TI.'),
    fileName: z.string().trim().max(300).default('cadangan.ppidbackup'),
  })
  .strict();
const backupPreviewId = z.object({ previewId: z.string().regex(/^[a-f0-9]{64}$/, 'Pratinjau cadangan tidak dikenal.') }).strict();
const anyUser: Access = { roles: 'any' };
/** Who works the PPID Utama's intake and register. */
const utamaStaff: Access = { roles: ['ppid_utama', 'operator'] };
const yearInput = z.number({ error: 'Tahun wajib diisi.' }).int('Tahun tidak valid.').min(2000, 'Tahun tidak valid.').max(2100, 'Tahun tidak valid.');
const checkIdInput = z.object({ checkId: z.string().regex(/^[a-f0-9]{64}$/, 'Paket yang diperiksa tidak dikenal. Pilih berkasnya lagi.') }).strict();
const admin: Access = { roles: 'any', admin: true };
/** A folder's absolute path, or null (none). */
const folderPath = z
  .string()
  .trim()
  .max(1000, 'Alamat folder terlalu panjang.')
  .nullable()
  .default(null)
  .transform((v) => (v === '' ? null : v));
const inboxFileName = z.object({ name: z.string().min(1).max(300, 'Nama berkas terlalu panjang.') }).strict();

// ---- output types (JSON only) ----

export interface AppStatus {
  state: 'setup' | 'ready' | 'recovery';
  appVersion: string;
  dataDir: string;
  demo: boolean;
  /** `kind`: an OPD or the regency's PPID Utama (settings.officeKind): which screens the app shows. */
  office: { pemda: string; opdName: string; kind: OfficeKind } | null;
  /** The core's clock: the renderer keeps its offset from it, so every "today" is the core's. */
  now: string;
  /** The office's calendar (zone, office hours, holidays); the defaults before setup. */
  calendar: CalendarSettings;
  recovery: null | {
    kind: 'corrupt' | 'future' | 'invalid';
    file: string;
    message: string;
    backup: { name: string; createdAt: string; bytes: number } | null;
  };
}

/** A cycle whose log cannot be read; `backup` is what `recovery.restoreCycle` would put back. */
export interface DamagedCycleView {
  id: string;
  title: string | null;
  message: string;
  kind: 'rusak' | 'versi_baru';
  backup: { createdAt: string; name: string } | null;
}

/** What the app did to a cycle log on open (an unfinished line set aside, lost acts restored). */
export interface CycleNoticeView {
  cycleId: string;
  title: string | null;
  kind: 'sisa' | 'dipulihkan';
  message: string;
  setAside: string | null;
  at: string;
}

export interface RestoredCycleView {
  cycleId: string;
  title: string;
  acts: number;
  backupAt: string;
  keptAs: string | null;
}

export interface UserView {
  id: string;
  username: string;
  role: Role;
  isAdmin: boolean;
  active: boolean;
  personId: string;
  name: string;
  jabatan: string;
}

export interface SettingsView extends Settings {
  emblemDataUrl: string | null;
}

export interface AuditView {
  id: string;
  at: string;
  actor: { username: string; role: Role } | null;
  action: string;
  summary: string;
  changes: { field: string; from: unknown; to: unknown }[];
}

export interface LoginResult {
  sessionToken: string;
  user: UserView;
}

export interface DemoAccount {
  username: string;
  password: string;
  role: Role;
  name: string;
}

// ---- the contract ----

export const contract = {
  'app.status': call<AppStatus>()({ input: empty, access: 'public', phase: 'always' }),
  'recovery.restoreBackup': call<AppStatus>()({ input: empty, access: 'public', phase: 'recovery' }),
  /** A damaged cycle back from its newest verified copy; the damaged log is kept beside it. */
  'recovery.restoreCycle': call<RestoredCycleView>()({ input: z.object({ cycleId: idSchema }).strict(), access: admin, office: 'opd' }),

  'setup.complete': call<{ done: true }>()({ input: setupInputSchema, access: 'public', phase: 'setup' }),
  /** `cycles`: also the office's history (a signed list, one under review, one at step 3), as the setup screen asks. */
  'setup.loadDemo': call<{ accounts: DemoAccount[] }>()({
    input: z.object({ cycles: z.boolean().default(false) }).strict().default({ cycles: false }),
    access: 'public',
    phase: 'setup',
  }),
  /** Joining an office: what its office package holds, checked, before anything is written. */
  'setup.previewJoin': call<JoinPreview>()({ input: packageUploadSchema, access: 'public', phase: 'setup' }),
  /** Joins the office of a previewed (or sent) office package, with this laptop's own accounts. */
  'setup.join': call<{ done: true; officeName: string }>()({
    input: z
      .object({
        previewId: z.string().regex(/^[a-f0-9]{64}$/, 'Pratinjau paket kantor tidak dikenal.').optional(),
        base64: packageUploadSchema.shape.base64.optional(),
        fileName: packageUploadSchema.shape.fileName,
        accounts: setupAccountsSchema,
      })
      .strict()
      .refine((v) => v.previewId !== undefined || v.base64 !== undefined, 'Pilih berkas paket kantor.'),
    access: 'public',
    phase: 'setup',
  }),

  'auth.login': call<LoginResult>()({
    input: z.object({
      username: z.string().trim().toLowerCase().min(1, 'Nama pengguna wajib diisi.').max(64, 'Nama pengguna terlalu panjang.'),
      password: z.string().min(1, 'Kata sandi wajib diisi.').max(128, 'Kata sandi terlalu panjang.'),
    }),
    access: 'public',
  }),
  'auth.logout': call<{ done: true }>()({ input: empty, access: anyUser }),
  'auth.me': call<UserView>()({ input: empty, access: anyUser }),
  'auth.demoAccounts': call<DemoAccount[]>()({ input: empty, access: 'public' }),
  'auth.changePassword': call<{ done: true }>()({
    input: z
      .object({ current: z.string().min(1, 'Kata sandi lama wajib diisi.').max(128), next: passwordSchema })
      .refine((v) => v.current !== v.next, { path: ['next'], message: 'Kata sandi baru harus berbeda dari yang lama.' }),
    access: anyUser,
  }),

  'settings.get': call<SettingsView>()({ input: empty, access: anyUser }),
  'settings.update': call<SettingsView>()({
    input: z
      .object({
        office: officeSchema.optional(),
        officials: officialsSchema.optional(),
        documents: documentSettingsSchema.optional(),
        calendar: calendarSettingsSchema.optional(),
      })
      .strict(),
    access: admin,
  }),
  'settings.setEmblem': call<SettingsView>()({
    input: z.object({ base64: z.string().max(3_000_000, 'Berkas lambang terlalu besar (maksimal 2 MB).').nullable() }).strict(),
    access: admin,
  }),

  'users.list': call<UserView[]>()({ input: empty, access: admin }),
  'users.create': call<UserView>()({ input: accountInputSchema.strict(), access: admin }),
  'users.update': call<UserView>()({
    input: z
      .object({
        id: idSchema,
        role: z.enum(ROLES, { error: 'Peran tidak dikenal.' }),
        isAdmin: z.boolean(),
        active: z.boolean(),
      })
      .strict(),
    access: admin,
  }),
  'users.resetPassword': call<{ done: true }>()({
    input: z.object({ id: idSchema, password: passwordSchema }).strict(),
    access: admin,
  }),

  /** This laptop: its installation id, its name for others and its key's fingerprint. */
  'devices.self': call<DeviceSelfView>()({ input: empty, access: anyUser }),
  'devices.renameSelf': call<DeviceSelfView>()({ input: z.object({ name: deviceNameSchema }).strict(), access: admin }),
  /** The installations this one trusts, revoked ones included (their earlier acts stay history). */
  'devices.list': call<TrustedDeviceView[]>()({ input: empty, access: admin }),
  'devices.trust': call<TrustedDeviceView>()({ input: trustInputSchema.strict(), access: admin }),
  'devices.setRoles': call<TrustedDeviceView>()({
    input: z.object({ installationId: installationIdSchema, roles: trustRolesSchema }).strict(),
    access: admin,
  }),
  'devices.revoke': call<TrustedDeviceView>()({ input: z.object({ installationId: installationIdSchema }).strict(), access: admin }),

  'audit.listApp': call<AuditView[]>()({
    input: z.object({ limit: z.number().int().min(1).max(1000).default(200) }).strict().default({ limit: 200 }),
    access: admin,
  }),

  'cycles.list': call<{ cycles: CycleSummary[]; damaged: DamagedCycleView[]; notices: CycleNoticeView[] }>()({ input: empty, access: anyUser, office: 'opd' }),
  'cycles.create': call<{ id: string }>()({
    input: z
      .object({
        title: z.string().trim().min(3, 'Nama siklus minimal 3 karakter.').max(120, 'Nama siklus terlalu panjang.'),
        year: z.number({ error: 'Tahun wajib diisi.' }).int().min(2000, 'Tahun tidak valid.').max(2100, 'Tahun tidak valid.'),
        carryFrom: idSchema.nullable().default(null),
      })
      .strict(),
    access: { roles: ['operator', 'ppid_pembantu'] },
    office: 'opd',
  }),
  'cycles.get': call<CycleView>()({ input: z.object({ cycleId: idSchema }).strict(), access: anyUser, office: 'opd' }),
  'cycles.addItems': call<CycleView>()({
    input: z
      .object({ cycleId: idSchema, items: z.array(itemFieldsSchema).min(1, 'Tidak ada informasi yang ditambahkan.').max(500, 'Maksimal 500 informasi sekaligus.') })
      .strict(),
    access: { roles: ['operator'] },
    office: 'opd',
  }),
  'cycles.updateItem': call<CycleView>()({
    input: z.object({ cycleId: idSchema, itemId: idSchema, fields: itemPatchSchema }).strict(),
    access: { roles: ['operator'] },
    office: 'opd',
  }),
  'cycles.removeItem': call<CycleView>()({
    input: z.object({ cycleId: idSchema, itemId: idSchema }).strict(),
    access: { roles: ['operator'] },
    office: 'opd',
  }),
  'cycles.saveNotaDinas': call<CycleView>()({
    input: z.object({ cycleId: idSchema, draft: notaDinasDraftSchema }).strict(),
    access: { roles: ['ppid_pembantu'] },
    office: 'opd',
  }),
  'cycles.markReview': call<CycleView>()({
    input: z
      .object({
        cycleId: idSchema,
        itemId: idSchema,
        verdict: z.enum(['sesuai', 'perlu_perbaikan'], { error: 'Pilih sesuai atau perlu perbaikan.' }),
        note: z.string().trim().max(1000, 'Catatan terlalu panjang.').default(''),
      })
      .strict(),
    access: { roles: ['ppid_pembantu'] },
    office: 'opd',
  }),
  'cycles.markUnchanged': call<CycleView>()({
    input: z.object({ cycleId: idSchema }).strict(),
    access: { roles: ['ppid_pembantu'] },
    office: 'opd',
  }),
  'cycles.act': call<CycleView>()({
    input: z
      .object({
        cycleId: idSchema,
        action: z.enum(ACTIONS, { error: 'Tindakan tidak dikenal.' }),
        reasons: z.string().trim().max(2000, 'Alasan terlalu panjang.').default(''),
        note: z.string().trim().max(500, 'Catatan terlalu panjang.').default(''),
        /** The Kepala's password again: required to sign (approve at step 5), checked by the core. */
        password: z.string().max(128, 'Kata sandi terlalu panjang.').optional(),
        /** The moment `cycles.signingPreview` showed, so the fingerprint stored is the one shown. */
        signedAt: z.iso.datetime({ error: 'Waktu tanda tangan tidak sah.' }).optional(),
      })
      .strict(),
    access: { roles: ['operator', 'ppid_pembantu', 'kepala_opd'] },
    office: 'opd',
  }),
  'cycles.signingPreview': call<SigningPreview>()({
    input: z.object({ cycleId: idSchema }).strict(),
    access: { roles: ['kepala_opd'] },
    office: 'opd',
  }),
  'cycles.recordUji': call<CycleView>()({
    input: z
      .object({
        cycleId: idSchema,
        participants: z
          .array(
            z
              .object({
                name: z.string().trim().min(1, 'Nama peserta wajib diisi.').max(300, 'Nama terlalu panjang.'),
                nip: z.string().trim().max(30, 'NIP terlalu panjang.').default(''),
                jabatan: z.string().trim().max(300, 'Jabatan terlalu panjang.').default(''),
                role: z.string().trim().min(1, 'Kedudukan dalam pengujian wajib diisi.').max(200, 'Kedudukan terlalu panjang.'),
              })
              .strict(),
          )
          .min(2, 'Uji konsekuensi dilakukan bersama: sebutkan sedikitnya dua peserta.')
          .max(30, 'Maksimal 30 peserta.'),
      })
      .strict(),
    access: { roles: ['kepala_opd'] },
    office: 'opd',
  }),
  'cycles.timeline': call<TimelineEntry[]>()({
    input: z
      .object({
        cycleId: idSchema,
        role: z.enum(ROLES).nullable().default(null),
        type: z.string().max(40).nullable().default(null),
        itemId: idSchema.nullable().default(null),
      })
      .strict(),
    access: anyUser,
    office: 'opd',
  }),
  'cycles.attach': call<CycleView>()({
    input: z
      .object({
        cycleId: idSchema,
        itemId: idSchema,
        name: z.string().trim().min(1, 'Nama berkas wajib ada.').max(200, 'Nama berkas terlalu panjang.'),
        base64: z.string().min(1, 'Berkas kosong.').max(28_000_000, 'Berkas terlalu besar (maksimal 20 MB).'),
      })
      .strict(),
    access: { roles: ['operator'] },
    office: 'opd',
  }),
  'cycles.detach': call<CycleView>()({
    input: z.object({ cycleId: idSchema, itemId: idSchema, attachmentId: idSchema }).strict(),
    access: { roles: ['operator'] },
    office: 'opd',
  }),
  'cycles.attachmentContent': call<{ name: string; mime: string; base64: string }>()({
    input: z.object({ cycleId: idSchema, itemId: idSchema, attachmentId: idSchema }).strict(),
    access: anyUser,
    office: 'opd',
  }),
  'cycles.changes': call<ChangeReport>()({ input: z.object({ cycleId: idSchema }).strict(), access: anyUser, office: 'opd' }),
  'documents.build': call<BuiltDocument>()({
    input: z
      .object({
        cycleId: idSchema,
        kind: documentKindSchema,
      })
      .strict(),
    access: anyUser,
    office: 'opd',
  }),
  'documents.save': call<{ savedTo: string | null; fileName: string; openError: string | null }>()({
    input: z
      .object({
        cycleId: idSchema,
        kind: documentKindSchema,
        open: z.boolean().default(false),
      })
      .strict(),
    access: anyUser,
    office: 'opd',
  }),
  'documents.savePdf': call<{ savedTo: string | null }>()({
    input: z
      .object({
        suggestedName: z
          .string()
          .trim()
          .regex(/^[A-Za-z0-9. -]{1,120}\.pdf$/, 'Nama berkas PDF tidak valid.'),
      })
      .strict(),
    access: anyUser,
  }),
  'documents.fingerprints': call<{ dip: PrintedFingerprint | null; dik: PrintedFingerprint | null }>()({
    input: z.object({ cycleId: idSchema }).strict(),
    access: anyUser,
    office: 'opd',
  }),
  'documents.verify': call<Verification>()({
    input: z.object({ code: z.string().trim().min(1, 'Isi kode yang akan diperiksa.').max(300, 'Kode terlalu panjang.') }).strict(),
    // Both kinds: an OPD's own papers, and the regency's lists at the PPID Utama.
    access: anyUser,
  }),
  /** The signed DIP or DIK for the PPID website; refused with the reason for a list not signed. `save`: the desktop's save dialog. */
  'documents.publish': call<PublishedDocument>()({
    input: z
      .object({
        cycleId: idSchema,
        list: z.enum(PUBLISH_LISTS, { error: 'Daftar tidak dikenal: pilih DIP atau DIK.' }),
        format: z.enum(PUBLISH_FORMATS, { error: 'Format tidak dikenal: pilih XLSX, CSV atau HTML.' }),
        save: z.boolean().default(false),
      })
      .strict(),
    access: anyUser,
    office: 'opd',
  }),
  /** What falls due for the acting user's role; `all` (administrators) for every role. */
  'reminders.list': call<RemindersView>()({
    input: z.object({ all: z.boolean().default(false) }).strict().default({ all: false }),
    access: anyUser,
    office: 'opd',
  }),

  'cycles.resolveConflict': call<CycleView>()({
    input: z
      .object({
        cycleId: idSchema,
        conflictId: z.string().min(1).max(20_000, 'Pengenal konflik terlalu panjang.'),
        choice: z.string().min(1, 'Pilih salah satu.').max(200),
      })
      .strict(),
    access: anyUser,
    office: 'opd',
  }),
  'sync.export': call<{
    fileName: string;
    base64: string | null;
    savedTo: string | null;
    bytes: number;
    packageId: string;
    seq: number;
    /** Also put in the shared outbox (its path), or why not; null without an outbox. */
    outbox?: { file: string | null; error: string | null } | null;
  }>()({
    input: z
      .object({
        cycleIds: z.array(idSchema).min(1, 'Pilih sedikitnya satu siklus.').max(50, 'Terlalu banyak siklus dalam satu paket.'),
        to: z.enum(RECIPIENTS, { error: 'Penerima tidak dikenal.' }).nullable().default(null),
        note: z.string().trim().max(1000, 'Catatan terlalu panjang (maksimal 1000 karakter).').default(''),
        withFiles: z.boolean().default(true),
        save: z.boolean().default(false),
      })
      .strict(),
    access: anyUser,
    office: 'opd',
  }),
  'sync.preview': call<PackagePreview>()({ input: packageUploadSchema, access: anyUser, office: 'opd' }),
  'sync.apply': call<AppliedPackage>()({
    input: z
      .object({
        previewId: z.string().regex(/^[a-f0-9]{64}$/, 'Pratinjau paket tidak dikenal.'),
        trust: z
          .array(z.object({ installationId: z.string().min(1).max(64), roles: z.array(z.enum(ROLES)).min(1, 'Pilih sedikitnya satu peran.').max(ROLES.length) }).strict())
          .max(50)
          .default([]),
      })
      .strict(),
    access: anyUser,
    office: 'opd',
  }),
  'sync.history': call<PackageRecordView[]>()({ input: empty, access: anyUser, office: 'opd' }),
  /** Shared folders (this laptop's): the outbox every package sent is also put in, the inbox watched for packages. */
  'sharedFolders.get': call<SharedFoldersSettingsView>()({ input: empty, access: admin, office: 'opd' }),
  'sharedFolders.set': call<SharedFoldersSettingsView>()({
    input: z
      .object({
        outbox: folderPath,
        inbox: folderPath,
        autoApply: z.boolean().default(true),
      })
      .strict(),
    access: admin,
    office: 'opd',
  }),
  /** For the top bar and Beranda: what arrived, what waits for a person, what was refused. */
  'sharedFolders.status': call<SharedFoldersStatus>()({ input: empty, access: anyUser, background: true }),
  /** The desktop's folder picker; null when cancelled. */
  'sharedFolders.chooseFolder': call<{ folder: string | null }>()({
    input: z.object({ which: z.enum(['outbox', 'inbox']) }).strict(),
    access: admin,
  }),
  /** A package waiting in the inbox, previewed for "Terima paket" (then `sync.apply`). */
  'sharedFolders.preview': call<PackagePreview>()({ input: inboxFileName, access: anyUser, office: 'opd' }),
  /** A waiting package set aside: it leaves Beranda, its file stays in the inbox. */
  'sharedFolders.dismiss': call<SharedFoldersStatus>()({ input: inboxFileName, access: admin, office: 'opd' }),
  /** The office package a new laptop joins with: settings, emblem, trusted installations; never accounts. */
  'office.exportPackage': call<{ fileName: string; base64: string | null; savedTo: string | null; bytes: number; devices: number }>()({
    input: z.object({ save: z.boolean().default(false) }).strict().default({ save: false }),
    access: admin,
    office: 'opd',
  }),

  /** Every signed cycle with its papers, their filed scans and each record's retention. */
  'archive.list': call<ArchiveCycleView[]>()({ input: empty, access: anyUser, office: 'opd' }),
  /** The QR verdict on a scan before it is filed; nothing is written. */
  'archive.checkScan': call<ScanCheck>()({ input: scanInput, access: { roles: EDITS.archive.roles }, office: 'opd' }),
  /** Files a scan with the signed version; a code naming another version or paper needs `confirmMismatch`. */
  'archive.fileScan': call<ArchiveCycleView>()({
    input: scanInput.extend({ confirmMismatch: z.boolean().default(false) }).strict(),
    access: { roles: EDITS.archive.roles },
    office: 'opd',
  }),
  /** A filed scan, its SHA-256 checked: a file changed or missing is said so, not thrown. */
  'archive.openScan': call<OpenedScan>()({ input: z.object({ cycleId: idSchema, attachmentId: idSchema }).strict(), access: anyUser, office: 'opd' }),

  /** The whole data folder as one .ppidbackup: downloaded (browser) or through the save dialog (`save`, desktop). */
  'backup.create': call<BackupMade>()({
    input: z.object({ save: z.boolean().default(false) }).strict().default({ save: false }),
    access: admin,
  }),
  /** A backup checked whole and described; nothing is written. Its `previewId` is what `backup.restore` takes. */
  'backup.preview': call<BackupPreview>()({ input: backupUpload, access: admin }),
  /** The previewed backup in place of the data: a safety backup first, all or nothing, everyone logs in again. */
  'backup.restore': call<BackupRestored>()({ input: backupPreviewId, access: admin }),
  'backup.status': call<BackupStatus>()({ input: empty, access: admin }),
  'backup.settings.get': call<BackupSettingsView>()({ input: empty, access: admin }),
  'backup.settings.set': call<BackupSettingsView>()({
    input: z
      .object({
        folder: z
          .string()
          .trim()
          .max(1000, 'Alamat folder terlalu panjang.')
          .nullable()
          .transform((v) => (v === '' ? null : v)),
        keep: z
          .number({ error: 'Isi jumlah cadangan yang disimpan.' })
          .int('Jumlah cadangan harus bilangan bulat.')
          .min(1, 'Simpan sedikitnya 1 cadangan.')
          .max(MAX_AUTO_KEEP, `Paling banyak ${MAX_AUTO_KEEP} cadangan.`),
      })
      .strict(),
    access: admin,
  }),
  /** The relay server this laptop uses (issue 14); never the password. */
  'relay.get': call<RelayConfigView>()({ input: empty, access: admin }),
  /** Address (https:// unless this computer), database, this laptop's user, password (null: keep), on/off. */
  'relay.set': call<RelayConfigView>()({ input: relaySetSchema, access: admin }),
  /** Where the relay stands, as data (the top bar words it). */
  'relay.status': call<RelayStatus>()({ input: empty, access: anyUser }),
  /** A round now, in the background; answers at once. */
  'relay.syncNow': call<RelayStatus>()({ input: empty, access: anyUser }),
  /** Trusts a laptop known only through the relay, by its signed card naming exactly this key (compared by phone first). */
  'relay.trustDevice': call<TrustedDeviceView>()({ input: relayTrustSchema, access: admin }),
  /** The desktop's folder picker for the automatic backup; null when cancelled. */
  'backup.chooseFolder': call<{ folder: string | null }>()({ input: empty, access: admin }),
  /** A new laptop restores the office's backup instead of setting up: public, before setup only. */
  'setup.previewBackup': call<BackupPreview>()({ input: backupUpload, access: 'public', phase: 'setup' }),
  'setup.restoreBackup': call<BackupRestored>()({ input: backupPreviewId, access: 'public', phase: 'setup' }),

  // ---- PPID Utama mode (issue 13): the regency's register, the OPD's packages, the regency's documents ----
  /** The register for a year (null: the current year in the office's time zone). */
  'utama.register': call<RegisterView>()({
    input: z.object({ year: yearInput.nullable().default(null) }).strict().default({ year: null }),
    access: anyUser,
    office: 'utama',
  }),
  'utama.entries': call<RegisterEntry[]>()({ input: empty, access: anyUser, office: 'utama' }),
  /** Adds an OPD to the register (`entryId` null) or corrects one; its packages' identity is never edited by hand. */
  'utama.saveEntry': call<RegisterEntry>()({
    input: registerEntryInputSchema.extend({ entryId: z.string().max(64).nullable().default(null) }).strict(),
    access: utamaStaff,
    office: 'utama',
  }),
  /** One OPD package checked whole; nothing is written. Its `checkId` is what `utama.apply` takes. */
  'utama.check': call<IntakeCheck>()({ input: packageUploadSchema, access: utamaStaff, office: 'utama' }),
  /** Applies a checked package, all or nothing; from a key not yet trusted it is kept waiting instead. */
  'utama.apply': call<IntakeApplied>()({ input: checkIdInput, access: utamaStaff, office: 'utama' }),
  'utama.waiting': call<WaitingPackage[]>()({ input: empty, access: anyUser, office: 'utama' }),
  /** Trusts the key that signed a waiting package (once per OPD laptop) and applies every package waiting on it. */
  'utama.trustSender': call<IntakeApplied[]>()({ input: checkIdInput, access: { roles: ['ppid_utama'] }, office: 'utama' }),
  /** Ends the trust in an OPD's sender key: its later packages are refused; what was received from it stays. */
  'utama.revokeKey': call<RegisterEntry>()({
    input: z.object({ entryId: z.string().min(1, 'OPD tidak dikenal.').max(64, 'OPD tidak dikenal.'), installationId: installationIdSchema }).strict(),
    access: { roles: ['ppid_utama'] },
    office: 'utama',
  }),
  /** OPD offices on the relay whose laptops' keys are not trusted here yet (issue 14), with each laptop's key code. */
  'utama.relayWaiting': call<RelayWaitingOffice[]>()({ input: empty, access: anyUser, office: 'utama' }),
  /** Trusts an OPD laptop's key from its card on the relay, for the OPD its card names; a relay round follows. */
  'utama.trustRelayDevice': call<RelayDeviceTrusted>()({
    input: z
      .object({
        installationId: z.uuid({ error: 'Pengenal laptop tidak sah.' }),
        publicKey: z.string().regex(PUBLIC_KEY_RE, 'Kunci publik tidak sah.'),
      })
      .strict(),
    access: { roles: ['ppid_utama'] },
    office: 'utama',
  }),
  'utama.search': call<RegencySearchResult>()({ input: regencySearchSchema, access: anyUser, office: 'utama' }),
  /** What the regency's documents of a year lay out (the print views read it). */
  'utama.documentData': call<{ input: RegencyInput; signature: RegencySignature | null }>()({
    input: z.object({ year: yearInput }).strict(),
    access: anyUser,
    office: 'utama',
  }),
  'utama.buildDocument': call<{ fileName: string; base64: string | null; savedTo: string | null; mime: string }>()({
    input: z
      .object({
        kind: z.enum(REGENCY_DOCUMENT_KINDS, { error: 'Jenis dokumen tidak dikenal.' }),
        format: z.enum(REGENCY_FORMATS, { error: 'Format tidak dikenal: pilih DOCX atau XLSX.' }),
        year: yearInput,
        save: z.boolean().default(false),
      })
      .strict(),
    access: anyUser,
    office: 'utama',
  }),
  /** The PPID Utama signs the year's consolidated lists as they stand: each OPD's signed version is recorded. */
  'utama.sign': call<RegencySignature>()({ input: z.object({ year: yearInput }).strict(), access: { roles: ['ppid_utama'] }, office: 'utama' }),
} as const;


export type Contract = typeof contract;
export type CallName = keyof Contract;
export type InputOf<K extends CallName> = z.input<Contract[K]['input']>;
export type ParsedInputOf<K extends CallName> = z.output<Contract[K]['input']>;
export type OutputOf<K extends CallName> = Contract[K] extends CallSpec<z.ZodType, infer O> ? O : never;

/** What every transport carries: the call, its input and the caller's log-in, if any. */
export interface Envelope {
  name: string;
  input?: unknown;
  session?: string;
}

export const IPC_CHANNEL = 'ppid:invoke';
export const CALL_NAMES = Object.keys(contract) as CallName[];
export const isCallName = (name: unknown): name is CallName =>
  typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);
