import { useEffect, useId, useRef } from 'react';
import { Link, useRouter } from 'wouter';
import { ApiError } from '../../shared/api';
import { displayDate } from '../../shared/dates';
import { Button } from '../../shared/ui/button';
import { useI18n } from '../i18n';
import { displayPhone } from './format';

export interface DuplicateMatch {
  id: string;
  lastName: string;
  firstName: string;
  birthDate: string;
  mobilePhone: string | null;
}

function isMatch(value: unknown): value is DuplicateMatch {
  if (typeof value !== 'object' || value === null) return false;
  const match = value as Record<string, unknown>;
  return (
    typeof match.id === 'string' &&
    typeof match.lastName === 'string' &&
    typeof match.firstName === 'string' &&
    typeof match.birthDate === 'string' &&
    (match.mobilePhone === null || typeof match.mobilePhone === 'string')
  );
}

/** The files a 409 "possible duplicate" names (PAT-1), or null for any other error. */
export function duplicateMatches(error: unknown): DuplicateMatch[] | null {
  if (!(error instanceof ApiError) || error.code !== 'CONFIRMATION_REQUIRED') return null;
  if (error.details.reason !== 'possible_duplicate' || !Array.isArray(error.details.matches)) return null;
  return error.details.matches.filter(isMatch);
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
