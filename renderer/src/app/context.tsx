import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { AppStatus, LoginResult, UserView } from '../../../electron/core/contract';
import { call, getSessionToken, onSessionExpired, setSessionToken } from '../api/client';

interface AppContextValue {
  status: AppStatus;
  setStatus(status: AppStatus): void;
  refreshStatus(): Promise<void>;
  user: UserView | null;
  setUser(user: UserView): void;
  signIn(login: LoginResult): void;
  signOut(): Promise<void>;
  /** Set when the core ended the session on its own, so the login screen can say why. */
  sessionEnded: boolean;
}

const AppContext = createContext<AppContextValue | null>(null);

export function useApp(): AppContextValue {
  const ctx = useContext(AppContext);
  if (!ctx) throw new Error('useApp must be used inside <AppProvider>');
  return ctx;
}

/** The logged-in user; only for screens inside the app shell, which requires one. */
export function useUser(): UserView {
  const { user } = useApp();
  if (!user) throw new Error('useUser needs a logged-in user');
  return user;
}

export function AppProvider({ initialStatus, initialUser, children }: { initialStatus: AppStatus; initialUser: UserView | null; children: ReactNode }) {
  const [status, setStatus] = useState(initialStatus);
  const [user, setUserState] = useState<UserView | null>(initialUser);
  const [sessionEnded, setSessionEnded] = useState(false);

  useEffect(
    () =>
      onSessionExpired(() => {
        setUserState((current) => {
          if (current) setSessionEnded(true);
          return null;
        });
      }),
    [],
  );

  const refreshStatus = useCallback(async () => {
    const r = await call('app.status');
    if (r.ok) setStatus(r.data);
  }, []);

  const signIn = useCallback((login: LoginResult) => {
    setSessionToken(login.sessionToken);
    setSessionEnded(false);
    setUserState(login.user);
  }, []);

  const signOut = useCallback(async () => {
    if (getSessionToken()) await call('auth.logout');
    setSessionToken(null);
    setSessionEnded(false);
    setUserState(null);
  }, []);

  const value = useMemo<AppContextValue>(
    () => ({ status, setStatus, refreshStatus, user, setUser: setUserState, signIn, signOut, sessionEnded }),
    [status, refreshStatus, user, signIn, signOut, sessionEnded],
  );
  return <AppContext.Provider value={value}>{children}</AppContext.Provider>;
}
