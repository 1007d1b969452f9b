import type { AppStatus, CallName, DemoAccount, Envelope, SettingsView, UserView } from '../../../electron/core/contract';
import type { PpidBridge } from '../../../electron/core/bridge';
import type { Err, Result } from '../../../electron/core/result';
import { setupInputSchema } from '../../../electron/core/domain/office';
import { DEFAULT_CALENDAR } from '../../../electron/core/domain/calendar';
import type { Role } from '../../../electron/core/domain/roles';
import type { OfficeKind } from '../../../electron/core/domain/regency/model';
import { SESSION_KEY } from '../api/client';
import { fakeApply, fakeCheck, fakeDocumentData, fakeRegency, fakeRegisterView, fakeRevokeKey, fakeSaveEntry, fakeSearch, fakeSign, fakeTrust, fakeTrustRelayDevice, UTAMA_SETTINGS, type FakeRegency } from './fake-utama';

/**
 * An in-memory stand-in for `window.ppid` in component tests: enough of the core's
 * behaviour (state, log-in, settings) to drive the screens, and a record of every call.
 * Handlers can be replaced per test to return exactly the result a test needs.
 */
export type FakeHandler = (input: unknown, session: string | undefined) => Result<unknown> | Promise<Result<unknown>>;

interface FakeUser {
  view: UserView;
  password: string;
}

export interface FakeApi {
  bridge: PpidBridge;
  calls: Envelope[];
  status: AppStatus;
  users: FakeUser[];
  settings: SettingsView | null;
  /** The PPID Utama's records (fake-utama.ts); answers the `utama.*` calls in a PPID Utama office. */
  regency: FakeRegency;
  /** Replace one call's behaviour. */
  on(name: CallName, handler: FakeHandler): void;
  callsTo(name: CallName): Envelope[];
}

const ok = <T>(data: T): Result<T> => ({ ok: true, data });
const fail = (code: Err['code'], message: string, issues?: Err['issues']): Err => ({ ok: false, code, message, ...(issues ? { issues } : {}) });

export const DEMO_SETTINGS: SettingsView = {
  officeKind: 'opd',
  office: {
    pemda: 'Kabupaten Kapuas Hulu',
    opdName: 'Dinas Komunikasi, Informatika dan Statistik',
    unitCode: 'Diskominfotik',
    address: 'Jalan Lintas Selatan No. 12, Putussibau',
    phone: '(0567) 21012',
    email: 'diskominfotik@kapuashulukab.go.id',
    website: 'diskominfotik.kapuashulukab.go.id',
    placeName: 'Putussibau',
    bidang: ['Sekretariat', 'Bidang Informasi dan Komunikasi Publik'],
  },
  officials: {
    kepala: { id: 'demo-kepala', name: 'Drs. Agustinus Rangkap, M.Si.', jabatan: 'Kepala Dinas', asn: 'PNS', pangkat: 'IV/b', nip: '197008171995031004' },
    ketuaPpid: { id: 'demo-ketua', name: 'Yuliana Sari, S.Sos., M.AP.', jabatan: 'Sekretaris Dinas', asn: 'PNS', pangkat: 'IV/a', nip: '197805122003122006' },
    operators: [{ id: 'demo-operator-1', name: 'Rizky Pratama, S.Kom.', jabatan: 'Pranata Komputer', asn: 'PNS', pangkat: 'III/b', nip: '199303212019031002' }],
  },
  documents: {
    paper: 'F4',
    font: 'Arial',
    fontSize: 12,
    kodeKlasifikasi: '500.12.2',
    notaDinasPattern: '{kode}/{urut}/{unit}/{tahun}',
    listDecree: { enabled: false, issuer: 'kepala', pattern: '100.3.3/{urut}/{unit}/{tahun}' },
  },
  emblem: null,
  emblemDataUrl: null,
  calendar: structuredClone(DEFAULT_CALENDAR),
};

export const DEMO_PASSWORD = 'contoh-ppid-2026';

const mkUser = (id: string, username: string, role: Role, isAdmin: boolean, personId: string, name: string): FakeUser => ({
  view: { id, username, role, isAdmin, active: true, personId, name, jabatan: '' },
  password: DEMO_PASSWORD,
});

/** A PPID Utama office: its Kepala (PPID Utama), the secretary (PPID Utama, administrator) and an operator. */
function utamaUsers(): FakeUser[] {
  return [
    mkUser('u-ppidutama', 'ppidutama', 'ppid_utama', false, 'utama-kepala', 'Drs. Agustinus Rangkap, M.Si.'),
    mkUser('u-sekretaris', 'sekretaris', 'ppid_utama', true, 'utama-sekretaris', 'Yuliana Sari, S.Sos., M.AP.'),
    mkUser('u-operator', 'operator', 'operator', false, 'utama-operator-1', 'Rizky Pratama, S.Kom.'),
  ];
}

function demoUsers(kind: OfficeKind = 'opd'): FakeUser[] {
  if (kind === 'utama') return utamaUsers();
  const mk = mkUser;
  return [
    mk('u-operator', 'operator', 'operator', false, 'demo-operator-1', 'Rizky Pratama, S.Kom.'),
    mk('u-ppid', 'ppid', 'ppid_pembantu', true, 'demo-ketua', 'Yuliana Sari, S.Sos., M.AP.'),
    mk('u-kepala', 'kepala', 'kepala_opd', false, 'demo-kepala', 'Drs. Agustinus Rangkap, M.Si.'),
  ];
}

export function fakeStatus(state: AppStatus['state'], extra: Partial<AppStatus> = {}, kind: OfficeKind = 'opd'): AppStatus {
  const office = kind === 'utama' ? UTAMA_SETTINGS.office : DEMO_SETTINGS.office;
  return {
    state,
    appVersion: '0.1.0-test',
    dataDir: '/data/ppid-desk',
    demo: false,
    office: state === 'ready' ? { pemda: office.pemda, opdName: office.opdName, kind } : null,
    // A fixed core clock: Wednesday 25 November 2026, 09.00 WIB.
    now: '2026-11-25T02:00:00.000Z',
    calendar: structuredClone(DEFAULT_CALENDAR),
    recovery: null,
    ...extra,
  };
}

/**
 * Installs the fake as `window.ppid`; the setup file removes it after each test. `kind`: an
 * OPD (default) or a PPID Utama office; `loggedInAs`: a user name already logged in (the
 * session kept as after a reload), so a test starts on its screen.
 */
export function installFakeApi(opts: { state?: AppStatus['state']; demo?: boolean; kind?: OfficeKind; loggedInAs?: string } = {}): FakeApi {
  const state = opts.state ?? 'setup';
  const kind = opts.kind ?? 'opd';
  const sessions = new Map<string, string>();
  const overrides = new Map<CallName, FakeHandler>();
  const api: FakeApi = {
    calls: [],
    status: fakeStatus(state, { demo: opts.demo ?? false }, kind),
    users: state === 'ready' ? demoUsers(kind) : [],
    settings: state === 'ready' ? structuredClone(kind === 'utama' ? UTAMA_SETTINGS : DEMO_SETTINGS) : null,
    regency: fakeRegency(),
    on: (name, handler) => void overrides.set(name, handler),
    callsTo: (name) => api.calls.filter((c) => c.name === name),
    bridge: {
      // Like the browser preview: downloads instead of the desktop's save dialog.
      platform: 'browser',
      async invoke(envelope) {
        api.calls.push(structuredClone(envelope));
        const name = envelope.name as CallName;
        const override = overrides.get(name);
        if (override) return override(envelope.input, envelope.session);
        return builtIn(name, envelope.input as Record<string, unknown> | undefined, envelope.session);
      },
    },
  };

  const actor = (session: string | undefined) => {
    const id = session ? sessions.get(session) : undefined;
    return api.users.find((u) => u.view.id === id && u.view.active) ?? null;
  };
  const unauth = () => fail('UNAUTHENTICATED', 'Sesi Anda sudah berakhir. Silakan masuk lagi.');

  function builtIn(name: CallName, input: Record<string, unknown> | undefined, session: string | undefined): Result<unknown> {
    switch (name) {
      case 'app.status':
        return ok(api.status);
      case 'setup.loadDemo':
        api.status = fakeStatus('ready', { demo: true }, kind);
        api.users = demoUsers(kind);
        api.settings = structuredClone(DEMO_SETTINGS);
        return ok({ accounts: [] });
      case 'setup.complete': {
        const parsed = setupInputSchema.safeParse(input);
        if (!parsed.success) {
          const issues = parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
          return fail('INVALID_INPUT', `Data tidak valid: ${issues.map((i) => i.message).slice(0, 3).join(' ')}`, issues);
        }
        api.status = fakeStatus('ready', {}, parsed.data.officeKind);
        return ok({ done: true });
      }
      case 'auth.login': {
        const user = api.users.find((u) => u.view.username === String(input?.username ?? '').toLowerCase());
        if (!user || user.password !== input?.password) return fail('UNAUTHENTICATED', 'Nama pengguna atau kata sandi salah.');
        const token = `session-${user.view.id}-${sessions.size + 1}`;
        sessions.set(token, user.view.id);
        return ok({ sessionToken: token, user: user.view });
      }
      case 'auth.demoAccounts':
        return ok(
          api.status.demo
            ? api.users.map((u): DemoAccount => ({ username: u.view.username, password: u.password, role: u.view.role, name: u.view.name }))
            : [],
        );
      case 'auth.me': {
        const a = actor(session);
        return a ? ok(a.view) : unauth();
      }
      case 'auth.logout':
        if (session) sessions.delete(session);
        return ok({ done: true });
      case 'settings.get':
        if (!actor(session)) return unauth();
        return api.settings ? ok(api.settings) : fail('NOT_READY', 'Aplikasi belum disiapkan.');
      case 'settings.update': {
        if (!actor(session)) return unauth();
        api.settings = { ...api.settings!, ...(input as Partial<SettingsView>) };
        return ok(api.settings);
      }
      case 'users.list':
        return actor(session) ? ok(api.users.map((u) => u.view)) : unauth();
      case 'audit.listApp':
        return actor(session) ? ok([]) : unauth();
      // No relay set (issue 14): the top bar shows nothing for it.
      case 'relay.status':
        return actor(session) ? ok({ state: 'mati', lastSyncAt: null, waitingToSend: 0, lastError: null, nextTryAt: null, received: 0, kept: { belumDipercaya: 0, menunggu: 0, ditolak: 0, acts: [] }, devices: [], cardsRefused: [] }) : unauth();
      default:
        if (name.startsWith('utama.')) return utama(name, input ?? {}, session);
        return fail('UNKNOWN_CALL', `Perintah tidak dikenal di fake-api: ${name}.`);
    }
  }

  /** The PPID Utama's calls, refused outside such an office as the core refuses them. */
  function utama(name: CallName, input: Record<string, unknown>, session: string | undefined): Result<unknown> {
    const user = actor(session);
    if (!user) return unauth();
    if (api.settings?.officeKind !== 'utama') return fail('FORBIDDEN', 'Fitur ini hanya untuk kantor PPID Utama.');
    const r = api.regency;
    const year = typeof input.year === 'number' ? input.year : 2026;
    switch (name) {
      case 'utama.register':
        return ok(fakeRegisterView(r, year));
      case 'utama.entries':
        return ok(r.entries);
      case 'utama.saveEntry':
        return fakeSaveEntry(r, input);
      case 'utama.check':
        return ok(fakeCheck(r, String(input.fileName ?? 'paket.ppid')));
      case 'utama.apply':
        return fakeApply(r, String(input.checkId));
      case 'utama.waiting':
        return ok(r.waiting);
      case 'utama.trustSender':
        if (user.view.role !== 'ppid_utama') return fail('FORBIDDEN', 'Hanya PPID Utama yang dapat mempercayai kunci OPD.');
        return fakeTrust(r, String(input.checkId));
      case 'utama.revokeKey':
        if (user.view.role !== 'ppid_utama') return fail('FORBIDDEN', 'Hanya PPID Utama yang dapat mencabut kepercayaan pada kunci OPD.');
        return fakeRevokeKey(r, String(input.entryId), String(input.installationId));
      case 'utama.relayWaiting':
        return ok(r.relayWaiting);
      case 'utama.trustRelayDevice':
        if (user.view.role !== 'ppid_utama') return fail('FORBIDDEN', 'Hanya PPID Utama yang dapat mempercayai kunci OPD.');
        return fakeTrustRelayDevice(r, input);
      case 'utama.search': {
        const hits = fakeSearch(r, input);
        return ok({ hits: hits.slice(0, typeof input.limit === 'number' ? input.limit : 100), total: hits.length });
      }
      case 'utama.documentData':
        return ok(fakeDocumentData(r, year));
      case 'utama.buildDocument': {
        const ext = input.format === 'xlsx' ? 'xlsx' : 'docx';
        const mime = ext === 'xlsx' ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
        return ok({ fileName: `${String(input.kind)} ${year}.${ext}`, base64: 'UEsFBgAAAAAAAAAAAAAAAAAAAAAAAA==', savedTo: null, mime });
      }
      case 'utama.sign':
        if (user.view.role !== 'ppid_utama') return fail('FORBIDDEN', 'Hanya PPID Utama yang dapat menandatangani daftar kabupaten.');
        return ok(fakeSign(r, year, user.view.name));
      default:
        return fail('UNKNOWN_CALL', `Perintah tidak dikenal di fake-api: ${name}.`);
    }
  }

  if (opts.loggedInAs) {
    const user = api.users.find((u) => u.view.username === opts.loggedInAs);
    if (!user) throw new Error(`fake-api: no user ${opts.loggedInAs}`);
    const token = `session-${user.view.id}-0`;
    sessions.set(token, user.view.id);
    window.sessionStorage.setItem(SESSION_KEY, token);
  }

  window.ppid = api.bridge;
  return api;
}
