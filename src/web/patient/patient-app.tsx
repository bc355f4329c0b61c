import { useCallback, useEffect, useState } from 'react';
import type { PatientMe } from '../../contracts/patient-auth';
import { ApiError, api } from '../shared/api';
import { Alert } from '../shared/ui/alert';
import { Button } from '../shared/ui/button';
import { LanguageSwitch } from '../shared/ui/language-switch';
import { useI18n } from './i18n';
import { HomePage } from './pages/home-page';
import { SignInPage } from './pages/sign-in-page';
import { usePracticeChoice } from './use-practice-choice';

type Session =
  | { kind: 'loading' }
  | { kind: 'signed-out' }
  | { kind: 'failed' }
  | { kind: 'signed-in'; me: PatientMe };

export function PatientApp() {
  const { t, lang, setLang } = useI18n();
  const [session, setSession] = useState<Session>({ kind: 'loading' });

  const refresh = useCallback(async () => {
    try {
      setSession({ kind: 'signed-in', me: await api.get<PatientMe>('/api/patient/me') });
    } catch (error) {
      setSession(
        error instanceof ApiError && error.status === 401 ? { kind: 'signed-out' } : { kind: 'failed' },
      );
    }
  }, []);
  useEffect(() => {
    void refresh();
  }, [refresh]);
  useEffect(() => {
    document.title = t('app.title');
  }, [t]);

  const signOut = async () => {
    await api.post('/api/patient/sign-out').catch(() => undefined);
    setSession({ kind: 'signed-out' });
  };

  return (
    <div className="patient">
      <header className="patient__header">
        <p className="patient__brand">
          {session.kind === 'signed-in' ? session.me.practice.name : t('app.title')}
        </p>
        <LanguageSwitch
          lang={lang}
          setLang={setLang}
          label={t('common.language')}
          names={{ fr: t('common.lang.fr'), en: t('common.lang.en') }}
        />
      </header>
      <main className="patient__main" id="main">
        {session.kind === 'loading' ? <p className="loading">{t('common.loading')}</p> : null}
        {session.kind === 'failed' ? (
          <div className="card">
            <Alert tone="error">{t('common.networkError')}</Alert>
            <Button onClick={() => void refresh()}>{t('common.retry')}</Button>
          </div>
        ) : null}
        {session.kind === 'signed-out' ? <SignedOut onSignedIn={() => void refresh()} /> : null}
        {session.kind === 'signed-in' ? (
          <>
            <HomePage me={session.me} />
            <Button variant="secondary" className="button--block" onClick={() => void signOut()}>
              {t('common.signOut')}
            </Button>
          </>
        ) : null}
      </main>
    </div>
  );
}

function SignedOut({ onSignedIn }: { onSignedIn: () => void }) {
  const { t } = useI18n();
  const [choice, choose] = usePracticeChoice();
  if (choice.kind === 'loading') return <p className="loading">{t('common.loading')}</p>;
  if (choice.kind === 'failed') return <Alert tone="error">{t('common.networkError')}</Alert>;
  if (choice.kind === 'none') return <Alert tone="info">{t('practice.none')}</Alert>;
  if (choice.kind === 'choose') {
    return (
      <section className="card">
        <h1>{t('practice.choose')}</h1>
        <ul className="practice-list">
          {choice.practices.map((practice) => (
            <li key={practice.slug}>
              <Button variant="secondary" className="button--block" onClick={() => choose(practice.slug)}>
                {practice.name}
                {practice.city ? ` · ${practice.city}` : ''}
              </Button>
            </li>
          ))}
        </ul>
      </section>
    );
  }
  return (
    <section className="card">
      <SignInPage practice={choice.slug} onSignedIn={onSignedIn} />
    </section>
  );
}
