import type { StaffChangeRequest } from '../../../contracts/patient-app';
import { useI18n } from '../i18n';
import { displayPhone } from '../patients/format';

type Diff = StaffChangeRequest['diff'][number];

/** A field's value as people read it: phones the national way, blanks said so. */
function shown(diff: Diff, value: string | null, blank: string): string {
  if (value === null || value === '') return blank;
  return diff.field === 'mobilePhone' ? displayPhone(value) : value;
}

/**
 * Before → after, a row per field the patient asked to change. "Before" is the file now while the
 * request waits, and the file at the decision once decided.
 */
export function ChangeRequestDiff({ diff, caption }: { diff: Diff[]; caption: string }) {
  const { t } = useI18n();
  if (diff.length === 0) return <p className="muted">{t('reviews.noChange')}</p>;
  const blank = t('reviews.blank');
  return (
    <table className="data review__diff">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('reviews.col.field')}</th>
          <th scope="col">{t('reviews.col.before')}</th>
          <th scope="col">{t('reviews.col.after')}</th>
        </tr>
      </thead>
      <tbody>
        {diff.map((row) => (
          <tr key={row.field}>
            <th scope="row">{t(`reviews.field.${row.field}`)}</th>
            <td data-label={t('reviews.col.before')} className="review__before">
              {row.before ? <span className="review__old">{shown(row, row.before, blank)}</span> : blank}
            </td>
            <td data-label={t('reviews.col.after')} className="review__after">
              <span aria-hidden="true">→ </span>
              {shown(row, row.after, blank)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
