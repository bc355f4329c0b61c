import type { PublicMotif, PublicPractitioner } from '../../../contracts/booking';
import { fullName } from '../format';
import { useI18n } from '../i18n';
import { StepHeading } from '../ui/step-heading';

/**
 * Step 2: one practitioner, or "any" (the first free). A follow-up motif is only taken with the
 * patient's own practitioner, so "any" is not offered for it.
 */
export function PractitionerStep({
  motif,
  practitioners,
  onChoose,
}: {
  motif: PublicMotif;
  practitioners: PublicPractitioner[];
  onChoose: (id: string) => void;
}) {
  const { t } = useI18n();
  const offering = practitioners.filter((practitioner) => motif.practitionerIds.includes(practitioner.id));
  return (
    <section className="step" aria-labelledby="practitioner-step">
      <StepHeading id="practitioner-step">{t('practitioner.title')}</StepHeading>
      {motif.followUpOnly ? <p className="muted">{t('practitioner.followUpHint')}</p> : null}
      <ul className="choice-list">
        {motif.followUpOnly ? null : (
          <li>
            <button type="button" className="choice" onClick={() => onChoose('any')}>
              <span className="choice__title">{t('practitioner.any')}</span>
              <span className="choice__meta">{t('practitioner.anyHint')}</span>
            </button>
          </li>
        )}
        {offering.map((practitioner) => (
          <li key={practitioner.id}>
            <button type="button" className="choice" onClick={() => onChoose(practitioner.id)}>
              <span className="choice__title">{fullName(practitioner)}</span>
              {practitioner.speciality ? (
                <span className="choice__meta">{practitioner.speciality}</span>
              ) : null}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
