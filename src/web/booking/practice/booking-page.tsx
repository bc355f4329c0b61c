import { useCallback, useEffect, useState } from 'react';
import type { BookingPage as BookingPageData } from '../../../contracts/booking';
import { ApiError, api } from '../../shared/api';
import { Alert } from '../../shared/ui/alert';
import { Button } from '../../shared/ui/button';
import { enc } from '../booking-api';
import { useI18n } from '../i18n';
import { loadSlots } from '../slots/slot-cache';
import { usePageTitle } from '../ui/page-frame';
import { BookingSteps } from './booking-steps';
import { ClosedNotice } from './closed-notice';
import { PracticeCard } from './practice-card';
import { slotSource } from './slot-source';

type Load =
  | { kind: 'loading' }
  | { kind: 'missing' }
  | { kind: 'failed' }
  | { kind: 'ready'; page: BookingPageData };

/**
 * `/rdv/<slug>`: the public booking page of a practice (BOOK-1). Only the page's own call blocks the
 * first paint; a link that already names a motif and a practitioner fetches the first week of slots at
 * the same time. Never any patient data.
 */
export function BookingPage({ slug }: { slug: string }) {
  const { t } = useI18n();
  const [load, setLoad] = useState<Load>({ kind: 'loading' });
  usePageTitle(t('booking.title'), load.kind === 'ready' ? load.page.practice.name : null);

  const fetchPage = useCallback(() => {
    setLoad({ kind: 'loading' });
    const params = new URLSearchParams(window.location.search);
    const motif = params.get('motif');
    const practitioner = params.get('praticien');
    if (motif && practitioner && !params.get('semaine')) {
      void loadSlots(slotSource(slug, motif, practitioner, params.get('visite') === 'premiere')).catch(
        () => undefined,
      );
    }
    api
      .get<BookingPageData>(`/api/public/practices/${enc(slug)}/booking`)
      .then((page) => setLoad({ kind: 'ready', page }))
      .catch((error: unknown) =>
        setLoad(
          error instanceof ApiError && error.status >= 400 && error.status < 500
            ? { kind: 'missing' }
            : { kind: 'failed' },
        ),
      );
  }, [slug]);
  useEffect(fetchPage, [fetchPage]);

  if (load.kind === 'loading') return <p className="loading">{t('common.loading')}</p>;
  if (load.kind === 'missing') {
    return (
      <>
        <h1>{t('booking.title')}</h1>
        <Alert tone="error">{t('booking.notFound')}</Alert>
        <a href="/rdv/">{t('booking.allPractices')}</a>
      </>
    );
  }
  if (load.kind === 'failed') {
    return (
      <>
        <h1>{t('booking.title')}</h1>
        <Alert tone="error">{t('common.networkError')}</Alert>
        <Button onClick={fetchPage}>{t('common.retry')}</Button>
      </>
    );
  }
  const { page } = load;
  return (
    <>
      <h1 className="page-title">
        <span className="page-title__kicker">{t('booking.title')}</span>
        {page.practice.name}
      </h1>
      {page.bookingOpen ? (
        <BookingSteps slug={slug} page={page} />
      ) : (
        <>
          <PracticeCard practice={page.practice} />
          <ClosedNotice practice={page.practice} />
        </>
      )}
    </>
  );
}
