import { useCallback, useEffect, useState } from 'react';
import type { BookedAppointment } from '../../../contracts/booking';
import type { Offer } from '../../../contracts/waitlist';
import { ApiError, api } from '../../shared/api';
import { Alert } from '../../shared/ui/alert';
import { Button } from '../../shared/ui/button';
import { AppointmentCard } from '../appointment/appointment-card';
import { AppointmentDetails, factsOfOffer } from '../appointment/appointment-details';
import { enc, refusalOf } from '../booking-api';
import { useI18n } from '../i18n';
import { usePageTitle } from '../ui/page-frame';
import { StepHeading } from '../ui/step-heading';
import { OfferAccept } from './offer-accept';
import { OfferGone } from './offer-gone';

type Load =
  | { kind: 'loading' }
  | { kind: 'missing' }
  | { kind: 'failed' }
  | { kind: 'open'; offer: Offer }
  | { kind: 'gone'; offer: Offer; why: 'taken' | 'expired' | 'accepted' }
  | { kind: 'booked'; appointment: BookedAppointment };

/**
 * `/rdv/offre/<token>`: a slot freed up and offered from the waiting list (RDV-10). The first patient
 * to accept books it; later ones, or after the offer's end, are told so with a way to the booking page.
 */
export function OfferPage({ token }: { token: string }) {
  const { t } = useI18n();
  const [load, setLoad] = useState<Load>({ kind: 'loading' });
  const practice =
    load.kind === 'open' || load.kind === 'gone'
      ? load.offer.practice.name
      : load.kind === 'booked'
        ? load.appointment.practice.name
        : null;
  usePageTitle(t('offer.title'), practice);

  const fetchOffer = useCallback(() => {
    setLoad({ kind: 'loading' });
    api
      .get<Offer>(`/api/public/offers/${enc(token)}`)
      .then((offer) => {
        const expired = offer.status === 'expired' || Date.parse(offer.expiresAt) <= Date.now();
        if (offer.status === 'open' && !expired) setLoad({ kind: 'open', offer });
        else setLoad({ kind: 'gone', offer, why: offer.status === 'open' ? 'expired' : offer.status });
      })
      .catch((error: unknown) =>
        setLoad(
          error instanceof ApiError && (error.status === 404 || error.status === 400)
            ? { kind: 'missing' }
            : { kind: 'failed' },
        ),
      );
  }, [token]);
  useEffect(fetchOffer, [fetchOffer]);

  const refused = (offer: Offer, error: unknown) => {
    const reason = refusalOf(error);
    if (reason === 'offer_taken' || reason === 'offer_expired') {
      setLoad({ kind: 'gone', offer, why: reason === 'offer_taken' ? 'taken' : 'expired' });
      return true;
    }
    return false;
  };

  if (load.kind === 'booked') {
    return (
      <>
        <StepHeading level={1} id="offer-booked">
          {t('confirmed.title')}
        </StepHeading>
        <Alert tone="success">{t('confirmed.sent')}</Alert>
        <AppointmentCard appointment={load.appointment} />
      </>
    );
  }
  return (
    <>
      <h1>{t('offer.title')}</h1>
      {load.kind === 'loading' ? <p className="loading">{t('common.loading')}</p> : null}
      {load.kind === 'missing' ? <Alert tone="error">{t('offer.notFound')}</Alert> : null}
      {load.kind === 'failed' ? (
        <>
          <Alert tone="error">{t('common.networkError')}</Alert>
          <Button onClick={fetchOffer}>{t('common.retry')}</Button>
        </>
      ) : null}
      {load.kind === 'gone' ? <OfferGone offer={load.offer} why={load.why} /> : null}
      {load.kind === 'open' ? (
        <>
          <div className="card">
            <AppointmentDetails facts={factsOfOffer(load.offer)} />
          </div>
          <OfferAccept
            token={token}
            offer={load.offer}
            onBooked={(appointment) => setLoad({ kind: 'booked', appointment })}
            onRefused={(error) => refused(load.offer, error)}
          />
        </>
      ) : null}
    </>
  );
}
