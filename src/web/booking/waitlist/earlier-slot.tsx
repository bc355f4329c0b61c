import { useState } from 'react';
import type { BookedAppointment, BookingPage } from '../../../contracts/booking';
import { Button } from '../../shared/ui/button';
import { addDays } from '../../shared/zoned-time';
import type { FlowMemory } from '../flow/flow-types';
import { localDate } from '../format';
import { useI18n } from '../i18n';
import { useChoices } from '../use-choices';
import { WaitlistForm } from './waitlist-form';

/**
 * On the confirmation: "no slot suited you?" — a known patient asks for an earlier slot with the
 * verification just made; a new patient is told why the waiting list is not for them yet.
 */
export function EarlierSlot({
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
  const { choose } = useChoices();
  const [open, setOpen] = useState(false);
  const [expired, setExpired] = useState(false);
  const grant = memory.grant && memory.grantExpiresAt > Date.now() && !expired ? memory.grant : null;
  const day = localDate(appointment.startsAt, appointment.practice.timeZone);
  return (
    <section className="card invite" aria-labelledby="earlier-title">
      <h2 id="earlier-title" className="invite__title">
        {t('waitlist.inviteTitle')}
      </h2>
      {grant && !grant.known ? (
        <p>{t('waitlist.knownOnly')}</p>
      ) : (
        <>
          <p>{t('waitlist.earlierText')}</p>
          {open && grant ? (
            <WaitlistForm
              slug={slug}
              page={page}
              grant={grant}
              motifId={appointment.motif.id}
              practitionerId={null}
              untilDay={addDays(day, -1)}
              onExpired={() => setExpired(true)}
            />
          ) : (
            <Button
              variant="secondary"
              onClick={() => (grant ? setOpen(true) : choose({}, { state: { step: 'waitlist' } }))}
            >
              {t('waitlist.inviteButton')}
            </Button>
          )}
        </>
      )}
    </section>
  );
}
