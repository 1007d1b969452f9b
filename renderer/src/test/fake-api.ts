import type { AppStatus, CallName, DemoAccount, Envelope, SettingsView, UserView } from '../../../electron/core/contract';
import type { PpidBridge } from '../../../electron/core/bridge';
import type { Err, Result } from '../../../electron/core/result';
import { setupInputSchema } from '../../../electron/core/domain/office';
import { DEFAULT_CALENDAR } from '../../../electron/core/domain/calendar';
import type { Role } from '../../../electron/core/domain/roles';

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

function demoUsers(): FakeUser[] {
  const mk = (id: string, username: string, role: Role, isAdmin: boolean, personId: string, name: string): FakeUser => ({
    view: { id, username, role, isAdmin, active: true, personId, name, jabatan: '' },
    password: DEMO_PASSWORD,
  });
  return [
    mk('u-operator', 'operator', 'operator', false, 'demo-operator-1', 'Rizky Pratama, S.Kom.'),
    mk('u-ppid', 'ppid', 'ppid_pembantu', true, 'demo-ketua', 'Yuliana Sari, S.Sos., M.AP.'),
    mk('u-kepala', 'kepala', 'kepala_opd', false, 'demo-kepala', 'Drs. Agustinus Rangkap, M.Si.'),
  ];
}

export function fakeStatus(state: AppStatus['state'], extra: Partial<AppStatus> = {}): AppStatus {
  return {
    state,
    appVersion: '0.1.0-test',
    dataDir: '/data/ppid-desk',
    demo: false,
    office: state === 'ready' ? { pemda: DEMO_SETTINGS.office.pemda, opdName: DEMO_SETTINGS.office.opdName } : null,
    // A fixed core clock: Wednesday 25 November 2026, 09.00 WIB.
    now: '2026-11-25T02:00:00.000Z',
    calendar: structuredClone(DEFAULT_CALENDAR),
    recovery: null,
    ...extra,
  };
}

/** Installs the fake as `window.ppid`; the setup file removes it after each test. */
export function installFakeApi(opts: { state?: AppStatus['state']; demo?: boolean } = {}): FakeApi {
  const state = opts.state ?? 'setup';
  const sessions = new Map<string, string>();
  const overrides = new Map<CallName, FakeHandler>();
  const api: FakeApi = {
    calls: [],
    status: fakeStatus(state, { demo: opts.demo ?? false }),
    users: state === 'ready' ? demoUsers() : [],
    settings: state === 'ready' ? structuredClone(DEMO_SETTINGS) : null,
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
        api.status = fakeStatus('ready', { demo: true });
        api.users = demoUsers();
        api.settings = structuredClone(DEMO_SETTINGS);
        return ok({ accounts: [] });
      case 'setup.complete': {
        const parsed = setupInputSchema.safeParse(input);
        if (!parsed.success) {
          const issues = parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
          return fail('INVALID_INPUT', `Data tidak valid: ${issues.map((i) => i.message).slice(0, 3).join(' ')}`, issues);
        }
        api.status = fakeStatus('ready');
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
        return actor(session) ? ok({ state: 'mati', lastSyncAt: null, waitingToSend: 0, lastError: null, nextTryAt: null, kept: { belumDipercaya: 0, menunggu: 0, ditolak: 0, acts: [] } }) : unauth();
      default:
        return fail('UNKNOWN_CALL', `Perintah tidak dikenal di fake-api: ${name}.`);
    }
  }

  window.ppid = api.bridge;
  return api;
}
