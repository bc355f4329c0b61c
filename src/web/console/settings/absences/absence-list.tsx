import type { Absence } from '../../../../contracts/settings';
import { displayDate } from '../../../shared/dates';
import { Button } from '../../../shared/ui/button';
import { useI18n } from '../../i18n';
import { todayIso } from '../common/calendar';
import { describeMonthly } from '../common/monthly';
import { describeWeekly } from '../common/weekly';

interface AbsenceListProps {
  absences: Absence[];
  timeZone: string;
  onEdit: (absence: Absence) => void;
  onDelete: (absence: Absence) => void;
}

function startOf(absence: Absence): string {
  return absence.oneOff?.startsAt ?? absence.recurring?.firstDay ?? '';
}

function isEnded(absence: Absence, now: Date, today: string): boolean {
  if (absence.oneOff) return new Date(absence.oneOff.endsAt) < now;
  const until = absence.recurring?.weekly?.until ?? absence.recurring?.monthly?.until;
  return Boolean(until && until < today);
}

/** Current and coming absences first, by start; ended ones after, most recent first. */
export function AbsenceList({ absences, timeZone, onEdit, onDelete }: AbsenceListProps) {
  const { t, lang } = useI18n();
  const now = new Date();
  const today = todayIso();
  const range = new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'fr-FR', {
    timeZone,
    dateStyle: 'medium',
    timeStyle: 'short',
  });
  const rows = absences
    .map((absence) => ({ absence, ended: isEnded(absence, now, today) }))
    .sort((a, b) =>
      a.ended !== b.ended
        ? Number(a.ended) - Number(b.ended)
        : a.ended
          ? startOf(b.absence).localeCompare(startOf(a.absence))
          : startOf(a.absence).localeCompare(startOf(b.absence)),
    );
  const describe = (absence: Absence): string => {
    if (absence.oneOff) {
      return range.formatRange(new Date(absence.oneOff.startsAt), new Date(absence.oneOff.endsAt));
    }
    if (!absence.recurring) return '';
    const { weekly, monthly, startTime, endTime, firstDay } = absence.recurring;
    return [
      weekly ? describeWeekly(weekly, t, lang) : monthly ? describeMonthly(monthly, t, lang) : '',
      t('settings.timeSpan', { start: startTime, end: endTime }),
      t('settings.ranges.from', { date: displayDate(firstDay, lang) }),
    ].join(' · ');
  };
  return (
    <div className="table-scroll">
      <table className="data settings-table">
        <caption className="visually-hidden">{t('settings.absences.title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('settings.absences.titleField')}</th>
            <th scope="col">{t('settings.absences.when')}</th>
            <th scope="col">{t('settings.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ absence, ended }) => (
            <tr key={absence.id} className={ended ? 'is-ended' : undefined}>
              <td>
                <strong>{absence.title}</strong>
                <span className="muted settings-block">
                  {absence.oneOff
                    ? t('settings.absences.oneOffShort')
                    : t('settings.absences.recurringShort')}
                </span>
                {ended ? <span className="badge">{t('settings.absences.ended')}</span> : null}
              </td>
              <td className="settings-wide">{describe(absence)}</td>
              <td>
                <div className="settings-row-actions">
                  <Button
                    variant="secondary"
                    aria-label={t('settings.editNamed', { name: absence.title })}
                    onClick={() => onEdit(absence)}
                  >
                    {t('settings.edit')}
                  </Button>
                  <Button
                    variant="secondary"
                    aria-label={t('settings.deleteNamed', { name: absence.title })}
                    onClick={() => onDelete(absence)}
                  >
                    {t('settings.delete')}
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
