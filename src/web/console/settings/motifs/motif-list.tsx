import type { Motif } from '../../../../contracts/settings';
import { Button } from '../../../shared/ui/button';
import { useI18n } from '../../i18n';

interface MotifListProps {
  motifs: Motif[];
  onEdit: (motif: Motif) => void;
  onArchive: (motif: Motif) => void;
}

/** The practice's motifs with their colour and main rules. */
export function MotifList({ motifs, onEdit, onArchive }: MotifListProps) {
  const { t } = useI18n();
  const delay = (minutes: number) =>
    minutes > 0 && minutes % 60 === 0
      ? t('settings.unit.hoursShort', { count: minutes / 60 })
      : t('settings.unit.minutesShort', { count: minutes });
  const booking = (motif: Motif) => {
    if (!motif.onlineBookable) return t('settings.motifs.notOnline');
    const max = motif.maxBookingDelayDays;
    return max === null
      ? t('settings.motifs.onlineFrom', { min: delay(motif.minBookingDelayMinutes) })
      : t('settings.motifs.onlineBetween', { min: delay(motif.minBookingDelayMinutes), max });
  };
  return (
    <div className="table-scroll">
      <table className="data settings-table">
        <caption className="visually-hidden">{t('settings.motifs.title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('settings.motifs.name')}</th>
            <th scope="col">{t('settings.motifs.durationShort')}</th>
            <th scope="col">{t('settings.motifs.kind')}</th>
            <th scope="col">{t('settings.motifs.online')}</th>
            <th scope="col">{t('settings.motifs.patients')}</th>
            <th scope="col">{t('settings.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {motifs.map((motif) => (
            <tr key={motif.id}>
              <td>
                <span className="settings-named">
                  <span
                    className="settings-swatch"
                    style={{ backgroundColor: motif.colour }}
                    aria-hidden="true"
                  />
                  <strong>{motif.name}</strong>
                </span>
                {motif.category ? <span className="muted settings-block">{motif.category}</span> : null}
              </td>
              <td className="settings-nowrap">
                {t('settings.unit.minutesShort', { count: motif.durationMinutes })}
                {motif.firstVisitDurationMinutes ? (
                  <span className="muted settings-block">
                    {t('settings.motifs.firstVisitShort', { count: motif.firstVisitDurationMinutes })}
                  </span>
                ) : null}
              </td>
              <td>{t(`settings.motifs.kind.${motif.kind}`)}</td>
              <td>{booking(motif)}</td>
              <td>
                {t(`settings.motifs.restriction.${motif.patientRestriction}`)}
                {motif.followUpOnly ? (
                  <span className="muted settings-block">{t('settings.motifs.followUpShort')}</span>
                ) : null}
                {!motif.bookableBySecretary ? (
                  <span className="muted settings-block">{t('settings.motifs.notSecretaryShort')}</span>
                ) : null}
              </td>
              <td>
                <div className="settings-row-actions">
                  <Button
                    variant="secondary"
                    aria-label={t('settings.editNamed', { name: motif.name })}
                    onClick={() => onEdit(motif)}
                  >
                    {t('settings.edit')}
                  </Button>
                  <Button
                    variant="secondary"
                    aria-label={t('settings.archiveNamed', { name: motif.name })}
                    onClick={() => onArchive(motif)}
                  >
                    {t('settings.archive')}
                  </Button>
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
