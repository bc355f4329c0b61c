import { useState } from 'react';
import type { BookingPage, PublicMotif } from '../../../contracts/booking';
import { useI18n } from '../i18n';
import { useChoices } from '../use-choices';
import { DetailsStep } from './details-step';
import type { FlowMemory, Picked, UpdateMemory } from './flow-types';
import { IdentifySteps } from './identify-steps';
import { SlotRecap } from './slot-recap';

interface BookingFlowProps {
  slug: string;
  page: BookingPage;
  motif: PublicMotif;
  picked: Picked;
  memory: FlowMemory;
  updateMemory: UpdateMemory;
}

/**
 * From a chosen slot to the confirmation (BOOK-2): the recap stays on top; identification (phone and
 * SMS code) is skipped while a verification of the last 30 minutes holds; then the details and confirm.
 */
export function BookingFlow({ slug, page, motif, picked, memory, updateMemory }: BookingFlowProps) {
  const { t } = useI18n();
  const { choose } = useChoices();
  const [expired, setExpired] = useState(false);
  const grant = memory.grant && memory.grantExpiresAt > Date.now() ? memory.grant : null;

  const repick = (next: Picked) => {
    choose({}, { state: { step: 'flow', picked: next }, replace: true });
    window.requestAnimationFrame(() => document.getElementById('recap-title')?.focus());
  };
  // the flow was entered from the slot picker, one step back in the history
  const changeSlot = () => window.history.back();

  return (
    <>
      <SlotRecap page={page} motif={motif} picked={picked} onSwitch={repick} onChangeSlot={changeSlot} />
      {grant ? (
        <DetailsStep
          slug={slug}
          page={page}
          motif={motif}
          picked={picked}
          grant={grant}
          memory={memory}
          updateMemory={updateMemory}
          onRepick={repick}
          onChangeSlot={changeSlot}
          onExpired={() => {
            setExpired(true);
            updateMemory({ grant: null, challenge: null });
          }}
          onBooked={(appointment) => choose({}, { state: { step: 'booked', appointment }, replace: true })}
        />
      ) : (
        <IdentifySteps
          slug={slug}
          memory={memory}
          updateMemory={updateMemory}
          notice={expired ? t('identity.expired') : null}
        />
      )}
    </>
  );
}
