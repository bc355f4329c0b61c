import { Link } from 'wouter';
import type { AppUser } from '../../../contracts/patient-app';
import { displayDate } from '../../shared/dates';
import { filedName, instantFormat } from '../change-requests/format';
import { useI18n } from '../i18n';
import { displayPhone } from '../patients/format';

/**
 * The app's patients: name (a link to the file) and birth date, phone, how they reach the app, last
 * connection. Each cell carries its column's name, so on a phone the rows stack as cards.
 */
export function AppUsersTable({ users, timeZone }: { users: AppUser[]; timeZone: string }) {
  const { t, lang } = useI18n();
  const when = instantFormat(lang, timeZone);
  const columns = {
    patient: t('appUsers.col.patient'),
    phone: t('appUsers.col.phone'),
    access: t('appUsers.col.access'),
    lastSeen: t('appUsers.col.lastSeen'),
  };
  return (
    <div className="table-scroll">
      <table className="data data--stack app-users-table">
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
          {users.map((user) => {
            const name = filedName(user);
            return (
              <tr key={user.id}>
                <td data-label={columns.patient}>
                  <Link href={`/patients/${user.id}`} aria-label={t('appUsers.open', { name })}>
                    <strong>{name}</strong>
                  </Link>
                  <span className="muted app-users-table__block">
                    {t('appUsers.bornOn', { date: displayDate(user.birthDate, lang) })}
                  </span>
                </td>
                <td data-label={columns.phone}>
                  {user.mobilePhone ? displayPhone(user.mobilePhone) : t('appUsers.noPhone')}
                </td>
                <td data-label={columns.access}>
                  {t(`appUsers.through.${user.through}`)}
                  {user.signedIn ? (
                    <span className="badge app-users-badge--live">{t('appUsers.signedIn')}</span>
                  ) : null}
                  {user.appOptOut ? (
                    <span className="badge badge--failed app-users-table__block">{t('appUsers.optOut')}</span>
                  ) : null}
                </td>
                <td data-label={columns.lastSeen}>
                  <time dateTime={user.lastSeenAt}>{when.format(new Date(user.lastSeenAt))}</time>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
