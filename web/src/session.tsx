/**
 * Who is logged in (GET /v1/me), login and logout, the unread-notification count for the header,
 * and one polite live region through which screens announce what an async action did.
 */
import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from 'react';
import { api, ApiError, setUnauthenticatedHandler } from './api/client.ts';
import type { Me, Notification, Page } from './api/types.ts';

export interface Session {
  me: Me;
  isMember: boolean;
  isRecruiter: boolean;
  isAdmin: boolean;
  /** Reload /v1/me (after a send changed the seat's balance ...). */
  refresh: () => Promise<void>;
  logout: () => Promise<void>;
  /** Unread notifications; null when the server has no notifications yet. */
  unread: number | null;
  refreshUnread: () => void;
}

interface AuthState {
  status: 'loading' | 'anonymous' | 'ready' | 'error';
  me: Me | null;
  error: ApiError | null;
}

const SessionContext = createContext<Session | null>(null);
const AuthContext = createContext<{
  state: AuthState;
  login: (email: string, password: string) => Promise<void>;
  retry: () => void;
} | null>(null);
const AnnounceContext = createContext<(message: string) => void>(() => {});

export function useSession(): Session {
  const s = useContext(SessionContext);
  if (!s) throw new Error('useSession outside a logged-in screen');
  return s;
}

export function useAuth() {
  const a = useContext(AuthContext);
  if (!a) throw new Error('useAuth outside SessionProvider');
  return a;
}

/** Announce a short status to screen readers ("InMail sent", "Saved"). */
export function useAnnounce() {
  return useContext(AnnounceContext);
}

export function rolesOf(me: Me) {
  const roles = me.user?.roles ?? [];
  return {
    isMember: me.memberId !== null,
    isRecruiter: roles.includes('recruiter') || roles.includes('hiring_manager'),
    isAdmin: roles.includes('org_admin'),
  };
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<AuthState>({ status: 'loading', me: null, error: null });
  const [unread, setUnread] = useState<number | null>(null);
  const [message, setMessage] = useState('');
  const clearTimer = useRef<number | undefined>(undefined);

  const loadMe = useCallback(
    () =>
      api<Me>('/v1/me').then(
        (me) => setState({ status: 'ready', me, error: null }),
        (err: unknown) => {
          if (err instanceof ApiError && err.status === 401) {
            setState({ status: 'anonymous', me: null, error: null });
          } else {
            setState({ status: 'error', me: null, error: err instanceof ApiError ? err : null });
          }
        },
      ),
    [],
  );

  useEffect(() => {
    setUnauthenticatedHandler(() => setState({ status: 'anonymous', me: null, error: null }));
    return () => setUnauthenticatedHandler(null);
  }, []);
  useEffect(() => {
    void loadMe();
  }, [loadMe]);

  const refreshUnread = useCallback(() => {
    api<Page<Notification> & { unread: number }>('/v1/notifications?limit=1').then(
      (r) => setUnread(r.unread),
      () => setUnread(null),
    );
  }, []);

  const ready = state.status === 'ready';
  useEffect(() => {
    if (!ready) return;
    refreshUnread();
    const t = window.setInterval(refreshUnread, 30_000);
    const onFocus = () => refreshUnread();
    window.addEventListener('focus', onFocus);
    return () => {
      window.clearInterval(t);
      window.removeEventListener('focus', onFocus);
    };
  }, [ready, refreshUnread]);

  const login = useCallback(
    async (email: string, password: string) => {
      await api('/v1/auth/login', { method: 'POST', body: { email, password } });
      await loadMe();
    },
    [loadMe],
  );

  const logout = useCallback(async () => {
    try {
      await api('/v1/auth/logout', { method: 'POST' });
    } catch {
      // Already logged out on the server: the local state is what matters now.
    }
    setUnread(null);
    setState({ status: 'anonymous', me: null, error: null });
  }, []);

  const announce = useCallback((m: string) => {
    // Clearing first makes a repeated message ("Saved", "Saved") be read again.
    setMessage('');
    window.clearTimeout(clearTimer.current);
    window.setTimeout(() => setMessage(m), 50);
    clearTimer.current = window.setTimeout(() => setMessage(''), 7000);
  }, []);

  const session = useMemo<Session | null>(() => {
    if (!state.me) return null;
    return {
      me: state.me,
      ...rolesOf(state.me),
      refresh: loadMe,
      logout,
      unread,
      refreshUnread,
    };
  }, [state.me, loadMe, logout, unread, refreshUnread]);

  const auth = useMemo(() => ({ state, login, retry: () => void loadMe() }), [state, login, loadMe]);

  return (
    <AnnounceContext.Provider value={announce}>
      <AuthContext.Provider value={auth}>
        <SessionContext.Provider value={session}>{children}</SessionContext.Provider>
      </AuthContext.Provider>
      <div className="visually-hidden" role="status" aria-live="polite" aria-atomic="true">
        {message}
      </div>
    </AnnounceContext.Provider>
  );
}
