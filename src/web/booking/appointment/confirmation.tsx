import { useLocation } from 'wouter';
import type { BookedAppointment, BookingPage } from '../../../contracts/booking';
import { Alert } from '../../shared/ui/alert';
import { Button } from '../../shared/ui/button';
import { readBookingHandover } from '../flow/app-handover';
import type { FlowMemory } from '../flow/flow-types';
import { useI18n } from '../i18n';
import { StepHeading } from '../ui/step-heading';
import { EarlierSlot } from '../waitlist/earlier-slot';
import { AppointmentCard } from './appointment-card';

/** The confirmation page (BOOK-4): the appointment, what to know, add to my calendar, the manage link. */
export function Confirmation({
  slug,
  page,
  appointment,
  memory,
}: {
  slug: string;
  page: BookingPage;
  appointment: BookedAppointment;
  memory: FlowMemory;
}) {
  const { t } = useI18n();
  const [, navigate] = useLocation();
  return (
    <>
      <section className="step" aria-labelledby="confirmed-title">
        <StepHeading id="confirmed-title">{t('confirmed.title')}</StepHeading>
        <Alert tone="success">{t('confirmed.sent')}</Alert>
        <AppointmentCard appointment={appointment} />
      </section>
      <EarlierSlot slug={slug} page={page} appointment={appointment} memory={memory} />
      {readBookingHandover(slug) ? (
        // booked from the patient app: the way back to it
        <p>
          <a href="/app/rdv">{t('confirmed.backToApp')}</a>
        </p>
      ) : null}
      <Button
        variant="secondary"
        className="button--block"
        onClick={() => navigate(`/${encodeURIComponent(slug)}`)}
      >
        {t('confirmed.another')}
      </Button>
    </>
  );
}
