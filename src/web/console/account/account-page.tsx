import { useEffect } from 'react';
import type { StaffMe } from '../../../contracts/staff-auth';
import { useI18n } from '../i18n';
import { ChangePasswordForm } from './change-password-form';
import { TwoFactorSection } from './two-factor-section';

/** "Mon compte": one's own password and two-step sign-in. */
export function AccountPage({ me }: { me: StaffMe }) {
  const { t } = useI18n();
  useEffect(() => {
    document.title = `${t('account.title')} · ${t('common.appName')}`;
  }, [t]);
  return (
    <div className="account-page">
      <h1>{t('account.title')}</h1>
      <TwoFactorSection me={me} />
      {me.mfa.enrolmentRequired ? null : <ChangePasswordForm />}
    </div>
  );
}
