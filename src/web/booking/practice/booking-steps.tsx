import { lazy, useCallback, useEffect, useState } from 'react';
import { useHistoryState } from 'wouter/use-browser-location';
import type { BookingPage, PublicMotif, PublicSlot } from '../../../contracts/booking';
import { readBookingHandover } from '../flow/app-handover';
import { emptyMemory, type FlowMemory, type Picked, readStepState } from '../flow/flow-types';
import { fullName, shortName } from '../format';
import { useI18n } from '../i18n';
import type { SlotWho } from '../slots/week-picker';
import { WeekPicker } from '../slots/week-picker';
import { StepHeading } from '../ui/step-heading';
import { useChoices } from '../use-choices';
import { ChoiceSummary } from './choice-summary';
import { MotifStep } from './motif-step';
import { PracticeCard } from './practice-card';
import { PractitionerStep } from './practitioner-step';
import { firstVisitOf, slotSource } from './slot-source';
import { VisitStep } from './visit-step';
import { WaitlistInvite } from './waitlist-invite';

// After a slot is chosen, the rest of the flow loads (it is fetched ahead while the slots are shown).
const loadFlow = () => import('../flow/booking-flow');
const BookingFlow = lazy(() => loadFlow().then((module) => ({ default: module.BookingFlow })));
const Confirmation = lazy(() =>
  import('../appointment/confirmation').then((module) => ({ default: module.Confirmation })),
);
const WaitlistFlow = lazy(() =>
  import('../waitlist/waitlist-flow').then((module) => ({ default: module.WaitlistFlow })),
);

/** "any", a practitioner's id, or null while the patient has not chosen (one practitioner: chosen). */
function practitionerChoice(motif: PublicMotif, asked: string | null): string | null {
  const [only] = motif.practitionerIds;
  if (motif.practitionerIds.length === 1 && only) return only;
  if (asked === 'any') return motif.followUpOnly ? null : 'any';
  return asked && motif.practitionerIds.includes(asked) ? asked : null;
}

/** Opened from the patient app: the identity is already known, the SMS step is skipped (APP-3). */
function memoryFromApp(slug: string): FlowMemory {
  const handover = readBookingHandover(slug);
  if (!handover) return emptyMemory;
  return {
    ...emptyMemory,
    grant: handover.grant,
    grantExpiresAt: handover.expiresAt,
    patientId: handover.patientId,
  };
}

/** The booking page's steps (BOOK-1, BOOK-2): motif → practitioner → week of slots → the flow. */
export function BookingSteps({ slug, page }: { slug: string; page: BookingPage }) {
  const { t } = useI18n();
  const { params, choose } = useChoices();
  const step = readStepState(useHistoryState());
  const [memory, setMemory] = useState<FlowMemory>(() => memoryFromApp(slug));
  const updateMemory = useCallback(
    (change: Partial<FlowMemory>) => setMemory((current) => ({ ...current, ...change })),
    [],
  );
  const motif = page.motifs.find((candidate) => candidate.id === params.get('motif')) ?? null;
  const practitioner = motif ? practitionerChoice(motif, params.get('praticien')) : null;
  const firstVisit = motif ? firstVisitOf(motif, params.get('visite'), !!memory.patientId) : null;
  const weekParam = params.get('semaine');
  const week = weekParam && /^\d{4}-\d{2}-\d{2}$/.test(weekParam) ? weekParam : null;
  const byId = new Map(page.practitioners.map((entry) => [entry.id, entry]));

  useEffect(() => {
    if (practitioner) void loadFlow();
  }, [practitioner]);

  const who = (slot: PublicSlot): SlotWho => {
    const names = [...new Set(slot.options.map((option) => byId.get(option.practitionerId)))]
      .filter((entry) => entry !== undefined)
      .map(shortName);
    const spoken = names.join(t('slots.or'));
    if (practitioner !== 'any') return { short: null, spoken };
    return { short: names.length > 1 ? `${names[0]} +${names.length - 1}` : (names[0] ?? null), spoken };
  };
  const pick = (slot: PublicSlot) => {
    const [first] = slot.options;
    if (!first) return;
    const picked: Picked = { slot, practitionerId: first.practitionerId, locationId: first.locationId };
    choose({}, { state: { step: 'flow', picked } });
  };

  if (step?.step === 'booked') {
    return <Confirmation slug={slug} page={page} appointment={step.appointment} memory={memory} />;
  }
  if (step?.step === 'waitlist') {
    return (
      <WaitlistFlow
        slug={slug}
        page={page}
        motif={motif}
        practitioner={practitioner}
        memory={memory}
        updateMemory={updateMemory}
      />
    );
  }
  if (step?.step === 'flow' && motif) {
    return (
      <BookingFlow
        slug={slug}
        page={page}
        motif={motif}
        picked={step.picked}
        memory={memory}
        updateMemory={updateMemory}
      />
    );
  }
  const changeMotif = () => choose({ motif: null, praticien: null, semaine: null, visite: null });
  const asksVisit = !!motif && firstVisitOf(motif, null, !!memory.patientId) === null;
  const minutes =
    motif && firstVisit && motif.firstVisitDurationMinutes
      ? motif.firstVisitDurationMinutes
      : motif?.durationMinutes;
  const practitionerEntry = practitioner && practitioner !== 'any' ? byId.get(practitioner) : undefined;
  return (
    <>
      <PracticeCard practice={page.practice} />
      {motif ? (
        <ChoiceSummary label={t('summary.motif')} what={t('summary.motifWhat')} onChange={changeMotif}>
          {motif.name} · {t('motif.duration', { minutes: minutes ?? motif.durationMinutes })}
        </ChoiceSummary>
      ) : (
        <MotifStep
          motifs={page.motifs}
          onChoose={(id) => choose({ motif: id, praticien: null, semaine: null, visite: null })}
        />
      )}
      {motif && asksVisit && firstVisit === null ? (
        <VisitStep
          motif={motif}
          onChoose={(first) => choose({ visite: first ? 'premiere' : 'suivi', semaine: null })}
        />
      ) : null}
      {motif && asksVisit && firstVisit !== null ? (
        <ChoiceSummary
          label={t('summary.visit')}
          what={t('summary.visitWhat')}
          onChange={() => choose({ visite: null, semaine: null })}
        >
          {firstVisit ? t('summary.firstVisit') : t('summary.knownPatient')}
        </ChoiceSummary>
      ) : null}
      {motif && firstVisit !== null && !practitioner ? (
        <PractitionerStep
          motif={motif}
          practitioners={page.practitioners}
          onChoose={(id) => choose({ praticien: id, semaine: null })}
        />
      ) : null}
      {motif && firstVisit !== null && practitioner ? (
        <>
          <ChoiceSummary
            label={t('summary.practitioner')}
            what={t('summary.practitionerWhat')}
            onChange={
              motif.practitionerIds.length > 1 ? () => choose({ praticien: null, semaine: null }) : null
            }
          >
            {practitionerEntry ? fullName(practitionerEntry) : t('practitioner.any')}
          </ChoiceSummary>
          <section className="step" aria-labelledby="slot-step">
            <StepHeading id="slot-step">{t('slots.title')}</StepHeading>
            <WeekPicker
              source={slotSource(slug, motif.id, practitioner, firstVisit)}
              timeZone={page.practice.timeZone}
              week={week}
              onWeek={(next) => choose({ semaine: next }, { replace: true })}
              who={who}
              onPick={pick}
              phone={page.practice.phone}
            />
          </section>
          <WaitlistInvite onOpen={() => choose({}, { state: { step: 'waitlist' } })} />
        </>
      ) : null}
    </>
  );
}
