import type { Offer } from '../../../contracts/waitlist';
import { Alert } from '../../shared/ui/alert';
import { useI18n } from '../i18n';
import { CallPractice } from '../ui/contact-links';

/** The offer can no longer be taken: already taken, expired, or already accepted by this patient. */
export function OfferGone({ offer, why }: { offer: Offer; why: 'taken' | 'expired' | 'accepted' }) {
  const { t } = useI18n();
  const text =
    why === 'taken' ? t('offer.taken') : why === 'expired' ? t('offer.expired') : t('offer.accepted');
  return (
    <>
      <Alert tone="info">
        <p className="alert__text">
          <strong>{text}</strong>
        </p>
      </Alert>
      {why === 'accepted' ? null : (
        <p>
          <a
            className="button button--primary button-link"
            href={`/rdv/${encodeURIComponent(offer.practice.slug)}`}
          >
            {t('offer.seeSlots')}
          </a>
        </p>
      )}
      <CallPractice phone={offer.practice.phone} />
    </>
  );
}
