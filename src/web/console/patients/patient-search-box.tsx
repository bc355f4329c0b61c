import { type KeyboardEvent, useEffect, useId, useState } from 'react';
import type { PatientSummary } from '../../../contracts/patients';
import { Button } from '../../shared/ui/button';
import { ErrorAlert } from '../../shared/ui/error-alert';
import { useI18n } from '../i18n';
import { PatientSummaryLine } from './patient-summary-line';
import { minQueryLength, usePatientSearch } from './use-patient-search';

interface PatientSearchBoxProps {
  label: string;
  hint?: string;
  onSelect: (patient: PatientSummary) => void;
  initialQuery?: string;
  onQueryChange?: (query: string) => void;
  autoFocus?: boolean;
  /** results per page */
  limit?: number;
  /** a shorter list that scrolls, for dialogs and forms */
  compact?: boolean;
}

function markAutofocus(input: HTMLInputElement | null) {
  input?.setAttribute('autofocus', '');
}

/**
 * A search field with its results as a listbox (ARIA combobox pattern): focus stays in the field, ↑/↓
 * move the active result (announced through aria-activedescendant), Enter picks it, Escape clears.
 */
export function PatientSearchBox({
  label,
  hint,
  onSelect,
  initialQuery = '',
  onQueryChange,
  autoFocus,
  limit = 10,
  compact = false,
}: PatientSearchBoxProps) {
  const { t } = useI18n();
  const id = useId();
  const [query, setQuery] = useState(initialQuery);
  const search = usePatientSearch(query, limit);
  const { items } = search;
  const expanded = items.length > 0;
  const optionId = (index: number) => `${id}-option-${index}`;
  // the active option belongs to one result list: a new search starts with none, a next page keeps it
  const [activeIn, setActiveIn] = useState({ searched: '', index: -1 });
  const active = activeIn.searched === search.searched && activeIn.index < items.length ? activeIn.index : -1;
  const setActive = (next: (index: number) => number) =>
    setActiveIn({ searched: search.searched, index: next(active) });

  useEffect(() => {
    if (active >= 0) document.getElementById(optionId(active))?.scrollIntoView({ block: 'nearest' });
  });

  const change = (value: string) => {
    setQuery(value);
    onQueryChange?.(value);
  };
  const choose = (patient: PatientSummary | undefined) => {
    if (patient) onSelect(patient);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' && expanded) {
      event.preventDefault();
      setActive((index) => Math.min(index + 1, items.length - 1));
    } else if (event.key === 'ArrowUp' && expanded) {
      event.preventDefault();
      setActive((index) => Math.max(index - 1, 0));
    } else if (event.key === 'Enter') {
      // never submit a surrounding form from the search field
      event.preventDefault();
      choose(active >= 0 ? items[active] : items.length === 1 ? items[0] : undefined);
    } else if (event.key === 'Escape' && query) {
      // clear first; a second Escape may close a surrounding dialog
      event.preventDefault();
      change('');
    }
  };

  const q = query.trim();
  const status =
    q.length < minQueryLength
      ? ''
      : search.loading && search.searched !== q
        ? t('patients.search.searching')
        : search.searched === q && items.length === 0 && !search.error
          ? t('patients.search.none', { query: q })
          : search.searched === q
            ? search.nextCursor
              ? t('patients.search.countMore', { count: items.length })
              : items.length === 1
                ? t('patients.search.countOne')
                : t('patients.search.count', { count: items.length })
            : '';

  return (
    <div className={`patient-search${compact ? ' patient-search--compact' : ''}`}>
      <div className="field">
        <label htmlFor={`${id}-input`}>{label}</label>
        {hint ? (
          <p id={`${id}-hint`} className="field__hint">
            {hint}
          </p>
        ) : null}
        <input
          id={`${id}-input`}
          type="text"
          role="combobox"
          aria-expanded={expanded}
          aria-controls={`${id}-listbox`}
          aria-autocomplete="list"
          aria-activedescendant={active >= 0 ? optionId(active) : undefined}
          aria-describedby={hint ? `${id}-hint` : undefined}
          autoComplete="off"
          spellCheck={false}
          enterKeyHint="search"
          // biome-ignore lint/a11y/noAutofocus: the caller asks for it where the search is the first thing to do
          autoFocus={autoFocus}
          // React focuses without writing the attribute; a <dialog> opened afterwards (showModal) looks
          // for the attribute, or it would move the focus to its close button
          ref={autoFocus ? markAutofocus : undefined}
          value={query}
          onChange={(event) => change(event.target.value)}
          onKeyDown={onKeyDown}
        />
      </div>
      <p className="patient-search__status muted" role="status" aria-live="polite">
        {status}
      </p>
      <ErrorAlert error={search.error} withFields />
      {search.error ? (
        <Button variant="secondary" onClick={search.retry}>
          {t('common.retry')}
        </Button>
      ) : null}
      <div
        id={`${id}-listbox`}
        role="listbox"
        aria-label={t('patients.search.results')}
        aria-busy={search.loading || undefined}
        className="patient-search__results"
        hidden={!expanded}
      >
        {items.map((patient, index) => (
          // biome-ignore lint/a11y/useKeyWithClickEvents: the keyboard works from the field (aria-activedescendant)
          <div
            key={patient.id}
            id={optionId(index)}
            role="option"
            tabIndex={-1}
            aria-selected={index === active}
            className={`patient-search__option${index === active ? ' is-active' : ''}`}
            // keep the focus in the field: the pattern wants it there
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => choose(patient)}
          >
            <PatientSummaryLine patient={patient} />
          </div>
        ))}
      </div>
      {expanded && search.nextCursor ? (
        <Button variant="secondary" busy={search.loading} onClick={search.more}>
          {t('patients.search.more')}
        </Button>
      ) : null}
    </div>
  );
}
