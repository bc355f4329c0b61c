import { displayPhone } from '../format';
import { useI18n } from '../i18n';

/** The practice's phone as a link that starts a call. */
export function PhoneLink({ phone }: { phone: string }) {
  return (
    <a className="contact-link" href={`tel:${phone}`}>
      {displayPhone(phone)}
    </a>
  );
}

/** "Itinéraire": opens the address in the phone's map or navigation app. */
export function MapLink({ href, address }: { href: string; address: string }) {
  const { t } = useI18n();
  return (
    <a className="button button--secondary link-button" href={href} target="_blank" rel="noopener noreferrer">
      {t('place.directions')}
      <span className="visually-hidden"> {t('place.directionsTo', { address })}</span>
    </a>
  );
}

/** "Appelez le cabinet : 04 65 71 00 00", shown with every refusal a phone call can solve. */
export function CallPractice({ phone }: { phone: string | null }) {
  const { t } = useI18n();
  if (!phone) return <p className="call-practice">{t('call.noPhone')}</p>;
  return (
    <p className="call-practice">
      {t('call.prompt')} <PhoneLink phone={phone} />
    </p>
  );
}
