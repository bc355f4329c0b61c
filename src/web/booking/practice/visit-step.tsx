import type { PublicMotif } from '../../../contracts/booking';
import { useI18n } from '../i18n';
import { StepHeading } from '../ui/step-heading';

/**
 * Asked when the motif's first visit lasts longer than a follow-up (SET-4): the slots shown must be
 * long enough for the visit the patient comes for. The server decides in the end from the patient's
 * file, so a wrong answer never books a too-short appointment.
 */
export function VisitStep({ motif, onChoose }: { motif: PublicMotif; onChoose: (first: boolean) => void }) {
  const { t } = useI18n();
  return (
    <section className="step" aria-labelledby="visit-step">
      <StepHeading id="visit-step">{t('visit.title')}</StepHeading>
      <ul className="choice-list">
        <li>
          <button type="button" className="choice" onClick={() => onChoose(false)}>
            <span className="choice__title">{t('visit.followUp')}</span>
            <span className="choice__meta">{t('motif.duration', { minutes: motif.durationMinutes })}</span>
          </button>
        </li>
        <li>
          <button type="button" className="choice" onClick={() => onChoose(true)}>
            <span className="choice__title">{t('visit.first')}</span>
            <span className="choice__meta">
              {t('visit.firstHint', { minutes: motif.firstVisitDurationMinutes ?? motif.durationMinutes })}
            </span>
          </button>
        </li>
      </ul>
    </section>
  );
}
