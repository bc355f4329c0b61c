import { Alert } from '../shared/ui/alert';
import { Button } from '../shared/ui/button';
import { useI18n } from './i18n';
import { SignInPage } from './pages/sign-in-page';
import { Loading } from './ui/load-failure';
import { focusNextScreen } from './ui/page-title';
import { usePracticeChoice } from './use-practice-choice';

/**
 * The signed-out app: the practice to sign in to (from the link, the phone's memory or the only one), then
 * the sign-in. Its own chunk: a returning patient's signed-in home never loads it.
 */
export function SignedOut({ expired, onSignedIn }: { expired: boolean; onSignedIn: () => void }) {
  const { t } = useI18n();
  const [choice, choose] = usePracticeChoice();
  if (choice.kind === 'loading') return <Loading />;
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
      {expired ? <Alert tone="info">{t('signIn.expired')}</Alert> : null}
      <SignInPage
        practice={choice.slug}
        onSignedIn={() => {
          focusNextScreen();
          onSignedIn();
        }}
      />
    </section>
  );
}
