import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { HashRouter, Navigate, Route, Routes } from 'react-router';
import { Alert, Button, Center, Loader, MantineProvider, Stack, Text } from '@mantine/core';
import { ModalsProvider } from '@mantine/modals';
import { Notifications } from '@mantine/notifications';
import { IconPlugConnectedX } from '@tabler/icons-react';
import type { AppStatus, UserView } from '../../../electron/core/contract';
import { call, getSessionToken } from '../api/client';
import { theme } from './theme';
import { AppProvider, useApp } from './context';
import { AppLayout } from '../features/shell/AppLayout';
import { SetupWizard } from '../features/setup/SetupWizard';
import { LoginPage } from '../features/login/LoginPage';
import { HomePage } from '../features/home/HomePage';
import { SettingsPage } from '../features/settings/SettingsPage';
import { ChangePasswordPage } from '../features/account/ChangePasswordPage';
import { RecoveryPage } from '../features/recovery/RecoveryPage';
import { AboutPage } from '../features/about/AboutPage';
import { CyclePage } from '../features/cycles/CyclePage';
import { VerifyPage } from '../features/documents';
import { PackagesPage } from '../features/sync/PackagesPage';
import { ArchivePage } from '../features/archive';
import { PrintPage, RegencyPrintPage } from '../print';
import { UTAMA_ROUTES } from '../features/utama/routes';

export function AppProviders({ children, env }: { children: ReactNode; env?: 'default' | 'test' }) {
  return (
    <MantineProvider theme={theme} defaultColorScheme="light" env={env}>
      <ModalsProvider labels={{ confirm: 'Ya', cancel: 'Batal' }}>
        {/* Bottom-left, no wider than the side navigation: the only corner without controls
            (the header holds the user menu, the cycle page its timer and action, the item
            panel opens on the right with Simpan at its foot). */}
        <Notifications position="bottom-left" limit={3} autoClose={4000} containerWidth={200} zIndex={1000} />
        {children}
      </ModalsProvider>
    </MantineProvider>
  );
}

type Boot = { phase: 'loading' } | { phase: 'failed'; message: string } | { phase: 'ready'; status: AppStatus; user: UserView | null };

/** Asks the core where we stand (setup, ready, recovery) and who is logged in, once. */
function useBoot() {
  const [boot, setBoot] = useState<Boot>({ phase: 'loading' });
  const load = useCallback(async () => {
    setBoot({ phase: 'loading' });
    const status = await call('app.status');
    if (!status.ok) {
      setBoot({ phase: 'failed', message: status.message });
      return;
    }
    let user: UserView | null = null;
    if (status.data.state === 'ready' && getSessionToken()) {
      // A reload in the browser keeps the session token; an expired one is cleared by the client.
      const me = await call('auth.me');
      if (me.ok) user = me.data;
    }
    setBoot({ phase: 'ready', status: status.data, user });
  }, []);
  useEffect(() => {
    void load();
  }, [load]);
  return { boot, reload: load };
}

export function AppRoot() {
  const { boot, reload } = useBoot();
  if (boot.phase === 'loading') {
    return (
      <Center h="100vh">
        <Stack align="center" gap="xs">
          <Loader size="md" />
          <Text c="dimmed" size="sm">
            Memuat PPID Desk…
          </Text>
        </Stack>
      </Center>
    );
  }
  if (boot.phase === 'failed') {
    return (
      <Center h="100vh" p="md">
        <Alert color="red" variant="light" icon={<IconPlugConnectedX />} title="PPID Desk tidak dapat dimuat" maw={520}>
          <Text size="sm" mb="sm">
            {boot.message}
          </Text>
          <Button onClick={() => void reload()} variant="white" color="red">
            Coba lagi
          </Button>
        </Alert>
      </Center>
    );
  }
  return (
    <AppProvider initialStatus={boot.status} initialUser={boot.user}>
      <AppRoutes />
    </AppProvider>
  );
}

/** Where someone belongs right now, given the data's state and the log-in. */
function homeFor(state: AppStatus['state'], loggedIn: boolean): string {
  if (state === 'recovery') return '/pemulihan';
  if (state === 'setup') return '/penyiapan';
  return loggedIn ? '/beranda' : '/masuk';
}

export function AppRoutes() {
  const { status, user } = useApp();
  const home = homeFor(status.state, user !== null);
  const only = (ok: boolean, element: ReactNode) => (ok ? element : <Navigate to={home} replace />);
  const ready = status.state === 'ready';
  if (ready && user !== null && status.office?.kind === 'utama') {
    // A PPID Utama office: the register of OPD and what comes from their packages, no cycles of its own.
    return (
      <Routes>
        <Route path="/cetak-kabupaten/:year/:kind" element={<RegencyPrintPage />} />
        <Route element={<AppLayout />}>
          {UTAMA_ROUTES.map((r) => (
            <Route key={r.path} path={r.path} element={r.element} />
          ))}
          <Route path="/verifikasi" element={<VerifyPage />} />
          <Route path="/pengaturan" element={<SettingsPage />} />
          <Route path="/pengaturan/:tab" element={<SettingsPage />} />
          <Route path="/kata-sandi" element={<ChangePasswordPage />} />
          <Route path="/tentang" element={<AboutPage />} />
        </Route>
        <Route path="*" element={<Navigate to={home} replace />} />
      </Routes>
    );
  }
  return (
    <Routes>
      <Route path="/pemulihan" element={only(status.state === 'recovery', <RecoveryPage />)} />
      <Route path="/penyiapan" element={only(status.state === 'setup', <SetupWizard />)} />
      <Route path="/masuk" element={only(ready && !user, <LoginPage />)} />
      {/* The print view stands alone: no app chrome on the page or on paper. */}
      <Route path="/cetak/:cycleId/:kind" element={only(ready && user !== null, <PrintPage />)} />
      <Route element={only(ready && user !== null, <AppLayout />)}>
        <Route path="/beranda" element={<HomePage />} />
        <Route path="/siklus/:id" element={<CyclePage />} />
        <Route path="/verifikasi" element={<VerifyPage />} />
        <Route path="/paket" element={<PackagesPage />} />
        <Route path="/arsip" element={<ArchivePage />} />
        <Route path="/pengaturan" element={<SettingsPage />} />
        <Route path="/pengaturan/:tab" element={<SettingsPage />} />
        <Route path="/kata-sandi" element={<ChangePasswordPage />} />
        <Route path="/tentang" element={<AboutPage />} />
      </Route>
      <Route path="*" element={<Navigate to={home} replace />} />
    </Routes>
  );
}

export function App({ env }: { env?: 'default' | 'test' }) {
  return (
    <AppProviders env={env}>
      <HashRouter>
        <AppRoot />
      </HashRouter>
    </AppProviders>
  );
}
