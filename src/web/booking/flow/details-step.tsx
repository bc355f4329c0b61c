import { type FormEvent, useState } from 'react';
import type {
  BookedAppointment,
  BookingGrant,
  BookingPage,
  PublicMotif,
  PublicSlot,
} from '../../../contracts/booking';
import { ApiError, api, isApiError } from '../../shared/api';
import { Alert } from '../../shared/ui/alert';
import { Button } from '../../shared/ui/button';
import { enc, refusalOf } from '../booking-api';
import { useI18n } from '../i18n';
import { forgetSlots } from '../slots/slot-cache';
import { CallPractice } from '../ui/contact-links';
import { RefusalAlert } from '../ui/refusal-alert';
import { StepHeading } from '../ui/step-heading';
import { useChoices } from '../use-choices';
import { FamilyChoice } from './family-choice';
import type { FlowMemory, Picked, UpdateMemory } from './flow-types';
import { InstructionsBox } from './instructions-box';
import { NewPatientFields } from './new-patient-fields';
import { SlotTaken } from './slot-taken';

interface DetailsStepProps {
  slug: string;
  page: BookingPage;
  motif: PublicMotif;
  picked: Picked;
  grant: BookingGrant;
  memory: FlowMemory;
  updateMemory: UpdateMemory;
  onRepick: (picked: Picked) => void;
  onExpired: () => void;
  onChangeSlot: () => void;
  onBooked: (appointment: BookedAppointment) => void;
}

/**
 * The last step (BOOK-2): for whom (a known person's family) or the rest of a new patient's file, the
 * motif's instructions to accept, then "Confirmer le rendez-vous". A slot taken meanwhile offers the
 * next ones without losing anything typed; a refusal says why, with the phone when calling is the way.
 */
export function DetailsStep(props: DetailsStepProps) {
  const { slug, page, motif, picked, grant, memory, updateMemory } = props;
  const { t } = useI18n();
  const { choose } = useChoices();
  const [accepted, setAccepted] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [taken, setTaken] = useState<PublicSlot[] | null>(null);
  const [missing, setMissing] = useState<Record<string, string>>({});
  const [repicked, setRepicked] = useState(false);
  const blocked = grant.known
    ? motif.patientRestriction === 'new_only'
    : motif.patientRestriction === 'existing_only';

  const errorOf = (path: string) =>
    missing[path] ?? (error instanceof ApiError ? error.issueFor(path) : undefined);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const problems: Record<string, string> = {};
    if (!grant.known) {
      for (const field of ['email', 'addressLine', 'postalCode', 'city'] as const) {
        if (!memory.newPatient[field].trim()) problems[`newPatient.${field}`] = t('form.required');
      }
    }
    if (motif.instructionsBefore && !accepted) problems.acceptedInstructions = t('instructions.required');
    setMissing(problems);
    setError(null);
    setTaken(null);
    setRepicked(false);
    if (Object.keys(problems).length > 0) return;
    setBusy(true);
    try {
      const appointment = await api.post<BookedAppointment>(`/api/public/practices/${enc(slug)}/bookings`, {
        bookingToken: grant.bookingToken,
        motifId: motif.id,
        practitionerId: picked.practitionerId,
        locationId: picked.locationId,
        startsAt: picked.slot.start,
        ...(grant.known
          ? memory.patientId
            ? { patientId: memory.patientId }
            : {}
          : { newPatient: memory.newPatient }),
        ...(motif.instructionsBefore ? { acceptedInstructions: true } : {}),
      });
      forgetSlots();
      props.onBooked(appointment);
    } catch (caught) {
      if (isApiError(caught, 'SLOT_TAKEN')) {
        forgetSlots();
        setTaken(caught.details?.nextSlots ?? []);
      } else if (isApiError(caught, 'CODE_EXPIRED')) {
        props.onExpired();
      } else {
        setError(caught);
      }
    } finally {
      setBusy(false);
    }
  };

  const chooseMotif = () => choose({ motif: null, praticien: null, semaine: null });

  return (
    <section className="step" aria-labelledby="details-step">
      <StepHeading id="details-step">{t('details.title')}</StepHeading>
      {blocked ? (
        <>
          <Alert tone="error">{grant.known ? t('details.newOnly') : t('details.existingOnly')}</Alert>
          <CallPractice phone={page.practice.phone} />
          <Button onClick={chooseMotif}>{t('details.otherMotif')}</Button>
        </>
      ) : (
        <form onSubmit={submit} noValidate>
          {grant.known ? (
            <FamilyChoice
              family={grant.family}
              value={memory.patientId}
              onChange={(patientId) => updateMemory({ patientId })}
            />
          ) : (
            <NewPatientFields
              fields={memory.newPatient}
              onChange={(newPatient) => updateMemory({ newPatient })}
              errorOf={errorOf}
              country={page.practice.country}
            />
          )}
          {motif.instructionsBefore ? (
            <InstructionsBox
              text={motif.instructionsBefore}
              accepted={accepted}
              onChange={setAccepted}
              error={errorOf('acceptedInstructions')}
            />
          ) : null}
          {taken ? (
            <SlotTaken
              page={page}
              nextSlots={taken}
              preferred={picked.practitionerId}
              onPick={(next) => {
                setTaken(null);
                setRepicked(true);
                props.onRepick(next);
              }}
              onChangeSlot={props.onChangeSlot}
            />
          ) : null}
          {Object.keys(missing).length > 0 || (error instanceof ApiError && error.issues.length > 0) ? (
            <Alert tone="error">{t('form.fixFields')}</Alert>
          ) : (
            <>
              <RefusalAlert error={error} phone={page.practice.phone} />
              <RefusalActions reason={refusalOf(error)} onChangeSlot={props.onChangeSlot} />
            </>
          )}
          {repicked ? <Alert tone="success">{t('taken.repicked')}</Alert> : null}
          <p className="muted small">{t('details.notice')}</p>
          <Button type="submit" busy={busy} className="button--block" disabled={taken !== null}>
            {t('details.confirm')}
          </Button>
        </form>
      )}
    </section>
  );
}

const slotReasons = new Set(['too_soon', 'too_late', 'not_a_slot']);
const motifReasons = new Set(['new_patients_only', 'existing_patients_only', 'motif_not_online']);

/** After a refusal, the way forward that fits its reason: another slot, practitioner or motif. */
function RefusalActions({ reason, onChangeSlot }: { reason: string | null; onChangeSlot: () => void }) {
  const { t } = useI18n();
  const { choose } = useChoices();
  if (!reason) return null;
  if (slotReasons.has(reason)) {
    return (
      <Button variant="secondary" onClick={onChangeSlot}>
        {t('details.otherSlot')}
      </Button>
    );
  }
  if (reason === 'follow_up_only' || reason === 'practitioner_closed') {
    return (
      <Button variant="secondary" onClick={() => choose({ praticien: null, semaine: null })}>
        {t('details.otherPractitioner')}
      </Button>
    );
  }
  if (motifReasons.has(reason)) {
    return (
      <Button variant="secondary" onClick={() => choose({ motif: null, praticien: null, semaine: null })}>
        {t('details.otherMotif')}
      </Button>
    );
  }
  return null;
}
