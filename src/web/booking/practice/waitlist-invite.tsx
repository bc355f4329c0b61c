import { Button } from '../../shared/ui/button';
import { useI18n } from '../i18n';

/** "No slot suits you?": known patients can ask to be offered a slot that frees up (RDV-10). */
export function WaitlistInvite({ onOpen }: { onOpen: () => void }) {
  const { t } = useI18n();
  return (
    <section className="card invite" aria-labelledby="waitlist-invite">
      <h2 id="waitlist-invite" className="invite__title">
        {t('waitlist.inviteTitle')}
      </h2>
      <p>{t('waitlist.inviteText')}</p>
      <Button variant="secondary" onClick={onOpen}>
        {t('waitlist.inviteButton')}
      </Button>
    </section>
  );
}
