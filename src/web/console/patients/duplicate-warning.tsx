import { useEffect, useId, useRef } from 'react';
import { Link, useRouter } from 'wouter';
import { type ApiErrorDetails, isApiError } from '../../shared/api';
import { displayDate } from '../../shared/dates';
import { Button } from '../../shared/ui/button';
import { useI18n } from '../i18n';
import { displayPhone } from './format';

/** A patient file that looks like the one being saved, as the 409 "possible duplicate" names it. */
export type DuplicateMatch = Extract<
  ApiErrorDetails<'CONFIRMATION_REQUIRED'>,
  { reason: 'possible_duplicate' }
>['matches'][number];

/** The files a 409 "possible duplicate" names (PAT-1), or null for any other error. */
export function duplicateMatches(error: unknown): DuplicateMatch[] | null {
  if (!isApiError(error, 'CONFIRMATION_REQUIRED')) return null;
  return error.details.reason === 'possible_duplicate' ? error.details.matches : null;
}

interface DuplicateWarningProps {
  matches: DuplicateMatch[];
  editing: boolean;
  busy: boolean;
  onConfirm: () => void;
  /** choose an existing file instead (the picker) */
  onUseExisting?: ((match: DuplicateMatch) => void) | undefined;
  /** inside another screen: files open in a new tab so nothing typed here is lost */
  embedded: boolean;
}

/**
 * "This person may already have a file": the matching files with links, and the choice to save anyway
 * (a namesake) — the front desk checks before creating a twin file.
 */
export function DuplicateWarning({
  matches,
  editing,
  busy,
  onConfirm,
  onUseExisting,
  embedded,
}: DuplicateWarningProps) {
  const { t, lang } = useI18n();
  const { base } = useRouter();
  const headingId = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  // focus moves to the warning, so a keyboard or screen reader user meets it before anything else
  useEffect(() => heading.current?.focus(), []);
  return (
    <section className="duplicate-warning" aria-labelledby={headingId}>
      <h3 id={headingId} ref={heading} tabIndex={-1}>
        {t('patients.duplicate.title')}
      </h3>
      <p>{t('patients.duplicate.explain')}</p>
      <ul className="duplicate-warning__list">
        {matches.map((match) => {
          const name = `${match.lastName} ${match.firstName}`;
          const href = `/patients/${match.id}`;
          return (
            <li key={match.id}>
              <span>
                <strong>{name}</strong> · {displayDate(match.birthDate, lang)}
                {match.mobilePhone ? ` · ${displayPhone(match.mobilePhone)}` : ''}
              </span>
              <span className="duplicate-warning__actions">
                {embedded ? (
                  <a href={`${base}${href}`} target="_blank" rel="noreferrer">
                    {t('patients.duplicate.openNewTab', { name })}
                  </a>
                ) : (
                  <Link href={href}>{t('patients.duplicate.open', { name })}</Link>
                )}
                {onUseExisting ? (
                  <Button variant="secondary" onClick={() => onUseExisting(match)}>
                    {t('patients.duplicate.use', { name })}
                  </Button>
                ) : null}
              </span>
            </li>
          );
        })}
      </ul>
      <p>{t('patients.duplicate.namesake')}</p>
      <Button variant="secondary" busy={busy} onClick={onConfirm}>
        {editing ? t('patients.duplicate.saveAnyway') : t('patients.duplicate.createAnyway')}
      </Button>
    </section>
  );
}
