import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from 'react';
import type { FamilyMember, PatientMe } from '../../contracts/patient-auth';

const personKey = 'sourire.app.person';

export interface PatientSession {
  me: PatientMe;
  /** The family member the screens show (appointments, my info): chosen once, remembered on the phone. */
  person: FamilyMember;
  choosePerson: (id: string) => void;
  /** Reads /api/patient/me again (family or switches changed). */
  refresh: () => Promise<void>;
  signOut: () => Promise<void>;
}

const Context = createContext<PatientSession | null>(null);

function readStoredPerson(): string | null {
  try {
    return localStorage.getItem(personKey);
  } catch {
    return null;
  }
}

export function SessionProvider({
  me,
  refresh,
  signOut,
  children,
}: {
  me: PatientMe;
  refresh: () => Promise<void>;
  signOut: () => Promise<void>;
  children: ReactNode;
}) {
  const [chosen, setChosen] = useState<string | null>(readStoredPerson);
  const choosePerson = useCallback((id: string) => {
    try {
      localStorage.setItem(personKey, id);
    } catch {
      // private mode: the choice lasts for this visit
    }
    setChosen(id);
  }, []);
  const person =
    me.family.find((member) => member.id === chosen) ??
    me.family.find((member) => member.isSelf) ??
    me.family[0];
  const value = useMemo(
    () => (person ? { me, person, choosePerson, refresh, signOut } : null),
    [me, person, choosePerson, refresh, signOut],
  );
  return <Context.Provider value={value}>{children}</Context.Provider>;
}

/** The signed-in phone's session (only inside the signed-in app, where the family is never empty). */
export function useSession(): PatientSession {
  const value = useContext(Context);
  if (!value) throw new Error('useSession outside a signed-in SessionProvider');
  return value;
}

/** Forgets the remembered person (sign-out: the next person on this phone starts from their own file). */
export function forgetPerson(): void {
  try {
    localStorage.removeItem(personKey);
  } catch {
    // nothing stored
  }
}
