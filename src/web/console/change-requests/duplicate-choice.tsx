import { useEffect, useId, useRef } from 'react';
import { Link } from 'wouter';
import { displayDate } from '../../shared/dates';
import { Button } from '../../shared/ui/button';
import { useI18n } from '../i18n';
import { filedName } from './format';

export interface PossibleDuplicate {
  id: string;
  lastName: string;
  firstName: string;
  birthDate: string;
}

interface DuplicateChoiceProps {
  matches: PossibleDuplicate[];
  busy: boolean;
  /** link this existing file to the family (the child the other parent already has) */
  onLink: (match: PossibleDuplicate) => void;
  /** create a new file all the same (a namesake) */
  onCreate: () => void;
  /** the warning arrived after a click (409): focus goes to it so nobody misses it */
  focusOnShow: boolean;
}

/**
 * "This dependant may already have a file" for a new-dependant request: the files with the same names
 * and birth date, each to open or to link, and the choice to create a new file anyway.
 */
export function DuplicateChoice({ matches, busy, onLink, onCreate, focusOnShow }: DuplicateChoiceProps) {
  const { t, lang } = useI18n();
  const headingId = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (focusOnShow) heading.current?.focus();
  }, [focusOnShow]);
  return (
    <section className="duplicate-warning review__duplicates" aria-labelledby={headingId}>
      <h4 id={headingId} ref={heading} tabIndex={-1}>
        {t('reviews.duplicate.title')}
      </h4>
      <p>{t('reviews.duplicate.explain')}</p>
      <ul className="duplicate-warning__list">
        {matches.map((match) => {
          const name = filedName(match);
          return (
            <li key={match.id}>
              <span>
                <strong>{name}</strong> · {displayDate(match.birthDate, lang)}
              </span>
              <span className="duplicate-warning__actions">
                <Link href={`/patients/${match.id}`}>{t('reviews.openFile', { name })}</Link>
                <Button variant="secondary" busy={busy} onClick={() => onLink(match)}>
                  {t('reviews.duplicate.link', { name })}
                </Button>
              </span>
            </li>
          );
        })}
      </ul>
      <p>{t('reviews.duplicate.namesake')}</p>
      <Button variant="secondary" busy={busy} onClick={onCreate}>
        {t('reviews.duplicate.createAnyway')}
      </Button>
    </section>
  );
}
