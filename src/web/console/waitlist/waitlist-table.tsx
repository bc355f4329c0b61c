import type { WaitlistEntry } from '../../../contracts/waitlist';
import { displayDate } from '../../shared/dates';
import { Button } from '../../shared/ui/button';
import { useI18n } from '../i18n';
import { practitionerName } from '../patients/format';
import type { ConsolePractitioner } from '../patients/use-practitioners';

interface WaitlistTableProps {
  entries: WaitlistEntry[];
  practitioners: ConsolePractitioner[] | null;
  timeZone: string;
  onCancel: (entry: WaitlistEntry) => void;
}

export function patientLabel(entry: WaitlistEntry): string {
  return `${entry.patient.lastName.toUpperCase()} ${entry.patient.firstName}`;
}

/**
 * The requests, in queue order: who waits for what, with whom, over which days, how many offers they
 * had. Each cell carries its column's name, so on a phone the rows stack as cards and stay readable.
 */
export function WaitlistTable({ entries, practitioners, timeZone, onCancel }: WaitlistTableProps) {
  const { t, lang } = useI18n();
  const day = new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'fr-FR', {
    dateStyle: lang === 'en' ? 'medium' : 'short',
    timeZone,
  });
  const practitionerOf = (id: string | null) => {
    if (!id) return t('waitlist.anyPractitioner');
    const member = practitioners?.find((candidate) => candidate.id === id);
    return member ? practitionerName(member) : '…';
  };
  const columns = {
    patient: t('waitlist.col.patient'),
    motif: t('waitlist.col.motif'),
    practitioner: t('waitlist.col.practitioner'),
    window: t('waitlist.col.window'),
    offers: t('waitlist.col.offers'),
    status: t('waitlist.col.status'),
    actions: t('waitlist.col.actions'),
  };
  return (
    <div className="table-scroll">
      <table className="data waitlist-table">
        <thead>
          <tr>
            {Object.values(columns).map((label) => (
              <th key={label} scope="col">
                {label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => {
            const name = patientLabel(entry);
            const created = day.format(new Date(entry.createdAt));
            return (
              <tr key={entry.id}>
                <td data-label={columns.patient}>
                  <strong>{name}</strong>{' '}
                  <span className="muted">{displayDate(entry.patient.birthDate, lang)}</span>
                  <span className="muted waitlist-table__block">
                    {entry.createdBy === 'patient'
                      ? t('waitlist.byPatient', { date: created })
                      : t('waitlist.byStaff', { date: created })}
                  </span>
                </td>
                <td data-label={columns.motif}>{entry.motif.name}</td>
                <td data-label={columns.practitioner}>{practitionerOf(entry.practitionerId)}</td>
                <td data-label={columns.window}>
                  {t('waitlist.window', {
                    from: displayDate(entry.fromDay, lang),
                    to: displayDate(entry.toDay, lang),
                  })}
                </td>
                <td data-label={columns.offers}>
                  {t('waitlist.offers', { count: entry.offersSent })}
                  {entry.lastOfferAt ? (
                    <span className="muted waitlist-table__block">
                      {t('waitlist.lastOffer', { date: day.format(new Date(entry.lastOfferAt)) })}
                    </span>
                  ) : null}
                </td>
                <td data-label={columns.status}>
                  <span className={`badge waitlist-badge--${entry.status}`}>
                    {t(`waitlist.status.${entry.status}`)}
                  </span>
                </td>
                <td data-label={columns.actions}>
                  {entry.status === 'active' ? (
                    <Button
                      variant="secondary"
                      onClick={() => onCancel(entry)}
                      aria-label={t('waitlist.cancelFor', { name })}
                    >
                      {t('waitlist.cancel')}
                    </Button>
                  ) : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
