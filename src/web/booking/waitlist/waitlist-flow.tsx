import { useState } from 'react';
import type { BookingPage, PublicMotif } from '../../../contracts/booking';
import { Alert } from '../../shared/ui/alert';
import { Button } from '../../shared/ui/button';
import type { FlowMemory, UpdateMemory } from '../flow/flow-types';
import { IdentifySteps } from '../flow/identify-steps';
import { useI18n } from '../i18n';
import { StepHeading } from '../ui/step-heading';
import { WaitlistForm } from './waitlist-form';

/**
 * "No slot suits you?" from the slot picker (RDV-10): the patient proves their phone as for a booking,
 * then says which days suit; only patients already known to the practice can wait for a slot.
 */
export function WaitlistFlow({
  slug,
  page,
  motif,
  practitioner,
  memory,
  updateMemory,
}: {
  slug: string;
  page: BookingPage;
  motif: PublicMotif | null;
  practitioner: string | null;
  memory: FlowMemory;
  updateMemory: UpdateMemory;
}) {
  const { t } = useI18n();
  const [expired, setExpired] = useState(false);
  const grant = memory.grant && memory.grantExpiresAt > Date.now() ? memory.grant : null;
  const motifId = motif?.id ?? page.motifs[0]?.id ?? '';
  return (
    <>
      <section className="step" aria-labelledby="waitlist-step">
        <StepHeading id="waitlist-step">{t('waitlist.title')}</StepHeading>
        <p>{t('waitlist.intro')}</p>
        {grant?.known ? (
          <WaitlistForm
            slug={slug}
            page={page}
            grant={grant}
            motifId={motifId}
            practitionerId={practitioner && practitioner !== 'any' ? practitioner : null}
            onExpired={() => {
              setExpired(true);
              updateMemory({ grant: null, challenge: null });
            }}
          />
        ) : null}
        {grant && !grant.known ? <Alert tone="info">{t('waitlist.knownOnly')}</Alert> : null}
      </section>
      {grant ? null : (
        <IdentifySteps
          slug={slug}
          memory={memory}
          updateMemory={updateMemory}
          notice={expired ? t('identity.expired') : null}
        />
      )}
      <Button variant="link" onClick={() => window.history.back()}>
        {t('waitlist.back')}
      </Button>
    </>
  );
}
