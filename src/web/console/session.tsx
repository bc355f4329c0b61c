import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { StaffMe } from '../../contracts/staff-auth';
import { api, holdReadsUntilUnlocked, onApiError, sessionEnded, sessionUnlocked } from '../shared/api';

type SessionState =
  | { kind: 'loading' }
  | { kind: 'signed-out' }
  | { kind: 'failed' }
  | { kind: 'signed-in'; me: StaffMe; locked: boolean };

interface SessionValue {
  state: SessionState;
  refresh: () => Promise<void>;
  signedIn: (me: StaffMe) => void;
  lock: () => Promise<void>;
  unlocked: () => void;
  signOut: () => Promise<void>;
}

const Context = createContext<SessionValue | null>(null);

/**
 * The console's view of its staff session. Any API answer SESSION_LOCKED shows the lock screen,
 * UNAUTHENTICATED the sign-in page, wherever the call was made.
 */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ kind: 'loading' });

  const refresh = useCallback(async () => {
    try {
      const me = await api.get<StaffMe>('/api/staff/me', { background: true });
      setState({ kind: 'signed-in', me, locked: me.locked });
    } catch (error) {
      const status = (error as { status?: number }).status;
      setState(status === 401 ? { kind: 'signed-out' } : { kind: 'failed' });
    }
  }, []);

  useEffect(() => {
    void refresh();
    holdReadsUntilUnlocked(true);
    const stop = onApiError((error) => {
      if (error.code === 'SESSION_LOCKED') {
        setState((current) => (current.kind === 'signed-in' ? { ...current, locked: true } : current));
      } else if (error.code === 'UNAUTHENTICATED') {
        sessionEnded(error);
        setState((current) => (current.kind === 'signed-in' ? { kind: 'signed-out' } : current));
      }
    });
    return () => {
      stop();
      holdReadsUntilUnlocked(false);
    };
  }, [refresh]);

  const value = useMemo<SessionValue>(
    () => ({
      state,
      refresh,
      signedIn: (me) => setState({ kind: 'signed-in', me, locked: false }),
      lock: async () => {
        setState((current) => (current.kind === 'signed-in' ? { ...current, locked: true } : current));
        await api.post('/api/staff/lock').catch(() => undefined);
      },
      unlocked: () => {
        setState((current) => (current.kind === 'signed-in' ? { ...current, locked: false } : current));
        sessionUnlocked();
      },
      signOut: async () => {
        await api.post('/api/staff/sign-out').catch(() => undefined);
        sessionEnded(new Error('signed out'));
        setState({ kind: 'signed-out' });
      },
    }),
    [state, refresh],
  );
  return <Context.Provider value={value}>{children}</Context.Provider>;
}

export function useSession(): SessionValue {
  const value = useContext(Context);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}
