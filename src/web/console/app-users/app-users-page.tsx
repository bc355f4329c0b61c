import { useState } from 'react';
import { useLocation, useSearch } from 'wouter';
import type { StaffMe } from '../../../contracts/staff-auth';
import { Button } from '../../shared/ui/button';
import { TextField } from '../../shared/ui/field';
import { useI18n } from '../i18n';
import { ResourceState } from '../settings/common/resource-state';
import { AppUsersTable } from './app-users-table';
import { useAppUsers } from './use-app-users';
import '../settings/settings.css';
import './app-users.css';

/**
 * Console › App patients (CON-1): every patient who signed in to the app, themselves or through a
 * responsable's phone, with the last connection; a search by name; each row opens the file. The query
 * lives in the address, so coming back from a file shows the same list.
 */
export function AppUsersPage({ me }: { me: StaffMe }) {
  const { t } = useI18n();
  const [, navigate] = useLocation();
  const opened = useSearch();
  // the address gives the first query; later the field leads and the address follows
  const [query, setQuery] = useState(() => new URLSearchParams(opened).get('q') ?? '');
  const list = useAppUsers(query);

  const search = (value: string) => {
    setQuery(value);
    navigate(value.trim() ? `/app-users?${new URLSearchParams({ q: value })}` : '/app-users', {
      replace: true,
    });
  };

  return (
    <section className="app-users-page">
      <h1>{t('appUsers.title')}</h1>
      <p className="muted">{t('appUsers.intro')}</p>
      <search className="app-users-page__search">
        <TextField
          type="search"
          label={t('appUsers.search')}
          hint={t('appUsers.searchHint')}
          value={query}
          onChange={search}
          autoComplete="off"
          spellCheck={false}
        />
      </search>
      <p role="status" className="visually-hidden">
        {list.loading ? t('appUsers.searching') : ''}
      </p>
      {list.items === null ? (
        <ResourceState error={list.error} onRetry={list.retry} />
      ) : list.items.length === 0 ? (
        <p className="settings-empty">
          {list.searched ? t('appUsers.noMatch', { q: list.searched }) : t('appUsers.empty')}
        </p>
      ) : (
        <>
          <AppUsersTable users={list.items} timeZone={me.practice.timeZone} />
          {list.error ? <ResourceState error={list.error} onRetry={() => void list.more()} /> : null}
          {list.hasMore ? (
            <Button variant="secondary" busy={list.loadingMore} onClick={() => void list.more()}>
              {t('appUsers.more')}
            </Button>
          ) : null}
        </>
      )}
    </section>
  );
}
