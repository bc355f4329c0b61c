import type { PublicMotif } from '../../../contracts/booking';
import { useI18n } from '../i18n';
import { StepHeading } from '../ui/step-heading';
import { MotifBadges } from './motif-badges';

/** Step 1: the motif, grouped by category, with its duration and who may book it. */
export function MotifStep({ motifs, onChoose }: { motifs: PublicMotif[]; onChoose: (id: string) => void }) {
  const { t } = useI18n();
  const groups: { category: string; motifs: PublicMotif[] }[] = [];
  for (const motif of motifs) {
    const category = motif.category ?? t('motif.otherCategory');
    const group = groups.find((candidate) => candidate.category === category);
    if (group) group.motifs.push(motif);
    else groups.push({ category, motifs: [motif] });
  }
  return (
    <section className="step" aria-labelledby="motif-step">
      <StepHeading id="motif-step">{t('motif.title')}</StepHeading>
      {groups.map((group) => (
        <div className="motif-group" key={group.category}>
          {groups.length > 1 ? <h3 className="motif-group__title">{group.category}</h3> : null}
          <ul className="choice-list">
            {group.motifs.map((motif) => (
              <li key={motif.id}>
                <button type="button" className="choice" onClick={() => onChoose(motif.id)}>
                  <span className="choice__title">{motif.name}</span>
                  <span className="choice__meta">
                    {t('motif.duration', { minutes: motif.durationMinutes })}
                  </span>
                  <MotifBadges motif={motif} />
                </button>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}
