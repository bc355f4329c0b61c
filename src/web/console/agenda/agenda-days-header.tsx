import { useI18n } from '../i18n';
import { gridTemplate } from './agenda-grid';

interface Props {
  dates: string[];
  today: string;
  shown: string[];
  /** "Dr Bernard"; narrow columns show the last name only, the full name on hover */
  names: Map<string, string>;
  lastNames: Map<string, string>;
  narrow: boolean;
}

/** The sticky header of the grid: each day, and under it the practitioners of its columns. */
export function AgendaDaysHeader({ dates, today, shown, names, lastNames, narrow }: Props) {
  const { lang } = useI18n();
  return (
    <div
      className="agenda-days"
      style={{ gridTemplateColumns: gridTemplate(dates.length * shown.length, narrow) }}
    >
      <span />
      {dates.map((date) => (
        <div
          key={date}
          className={`agenda-day${date === today ? ' is-today' : ''}`}
          style={{ gridColumn: `span ${shown.length}` }}
        >
          <strong>{dayLabel(date, lang)}</strong>
          <div className="agenda-day__names">
            {shown.map((id) => (
              <span key={id} title={names.get(id)}>
                {narrow ? lastNames.get(id) : names.get(id)}
              </span>
            ))}
          </div>
        </div>
      ))}
    </div>
  );
}

function dayLabel(date: string, lang: 'fr' | 'en'): string {
  return new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'fr-FR', {
    timeZone: 'UTC',
    day: 'numeric',
    month: 'short',
    weekday: 'short',
  }).format(new Date(`${date}T12:00:00Z`));
}
