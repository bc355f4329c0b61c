import type { Location, Motif, OpeningRange } from '../../../../contracts/settings';
import { displayDate } from '../../../shared/dates';
import { Button } from '../../../shared/ui/button';
import { useI18n } from '../../i18n';
import { todayIso } from '../common/calendar';
import { describeMonthly } from '../common/monthly';
import { describeWeekly } from '../common/weekly';

interface OpeningRangeListProps {
  ranges: OpeningRange[];
  locations: Location[];
  motifs: Motif[];
  onEdit: (range: OpeningRange) => void;
  onDelete: (range: OpeningRange) => void;
}

/** The ranges of one agenda; on a phone the table scrolls sideways. */
export function OpeningRangeList({ ranges, locations, motifs, onEdit, onDelete }: OpeningRangeListProps) {
  const { t, lang } = useI18n();
  const today = todayIso();
  const locationName = (id: string) => locations.find((location) => location.id === id)?.name ?? '—';
  const motifNames = (ids: string[]) =>
    ids.length === 0
      ? t('settings.ranges.motifsAll')
      : ids
          .map((id) => motifs.find((motif) => motif.id === id)?.name ?? t('settings.ranges.archivedMotif'))
          .join(', ');
  return (
    <div className="table-scroll">
      <table className="data settings-table">
        <caption className="visually-hidden">{t('settings.ranges.title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('settings.ranges.when')}</th>
            <th scope="col">{t('settings.ranges.hours')}</th>
            <th scope="col">{t('settings.ranges.location')}</th>
            <th scope="col">{t('settings.ranges.motifs')}</th>
            <th scope="col">{t('settings.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {ranges.map((range) => {
            const repeats = range.weekly ?? range.monthly;
            const lastDay = repeats ? repeats.until : range.firstDay;
            const ended = lastDay !== null && lastDay < today;
            const when = range.weekly
              ? describeWeekly(range.weekly, t, lang)
              : range.monthly
                ? describeMonthly(range.monthly, t, lang)
                : t('settings.ranges.once', { date: displayDate(range.firstDay, lang) });
            const hours = t('settings.timeSpan', { start: range.startTime, end: range.endTime });
            const label = [range.title, when, hours].filter(Boolean).join(' · ');
            return (
              <tr key={range.id} className={ended ? 'is-ended' : undefined}>
                <td className="settings-wide">
                  {range.title ? <strong className="settings-block">{range.title}</strong> : null}
                  {when}
                  {repeats ? (
                    <span className="muted settings-block">
                      {t('settings.ranges.from', { date: displayDate(range.firstDay, lang) })}
                    </span>
                  ) : null}
                  {ended ? <span className="badge">{t('settings.ranges.ended')}</span> : null}
                </td>
                <td className="settings-nowrap">{hours}</td>
                <td>{locationName(range.locationId)}</td>
                <td>{motifNames(range.motifIds)}</td>
                <td>
                  <div className="settings-row-actions">
                    <Button
                      variant="secondary"
                      aria-label={t('settings.editNamed', { name: label })}
                      onClick={() => onEdit(range)}
                    >
                      {t('settings.edit')}
                    </Button>
                    <Button
                      variant="secondary"
                      aria-label={t('settings.deleteNamed', { name: label })}
                      onClick={() => onDelete(range)}
                    >
                      {t('settings.delete')}
                    </Button>
                  </div>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
