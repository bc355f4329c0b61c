import type { PublicPractice } from '../../../contracts/practice';
import { useI18n } from '../i18n';
import { MapLink, PhoneLink } from '../ui/contact-links';

/** Where the practice is and how to reach it (SET-1, SET-2): each address with its directions. */
export function PracticeCard({ practice }: { practice: PublicPractice }) {
  const { t } = useI18n();
  const places =
    practice.locations.length > 0
      ? practice.locations.map((location) => ({
          key: location.id,
          name: location.name,
          address: `${location.addressLine}, ${location.postalCode} ${location.city}`,
          mapUrl: location.mapUrl,
        }))
      : practice.addressLine && practice.mapUrl
        ? [
            {
              key: 'practice',
              name: null,
              address: `${practice.addressLine}, ${practice.postalCode ?? ''} ${practice.city ?? ''}`.trim(),
              mapUrl: practice.mapUrl,
            },
          ]
        : [];
  return (
    <section className="card practice-card" aria-label={t('place.contact')}>
      <ul className="places">
        {places.map((place) => (
          <li key={place.key}>
            {place.name ? <strong>{place.name}</strong> : null}
            <span className="places__address">{place.address}</span>
            <MapLink href={place.mapUrl} address={place.address} />
          </li>
        ))}
      </ul>
      {practice.phone ? (
        <p className="practice-card__phone">
          {t('place.phone')} <PhoneLink phone={practice.phone} />
        </p>
      ) : null}
    </section>
  );
}
