import { Link } from 'wouter';
import type { PendingSignaturePage } from '../../../contracts/documents';
import { displayDate } from '../../shared/dates';
import { filedName, instantFormat } from '../change-requests/format';
import { useI18n } from '../i18n';

type PendingSignature = PendingSignaturePage['items'][number];

/**
 * Documents waiting for a signature: the patient (a link to the file), the document, when it was
 * shared and by whom. Each cell carries its column's name, so on a phone the rows stack as cards.
 */
export function PendingSignaturesTable({ items, timeZone }: { items: PendingSignature[]; timeZone: string }) {
  const { t, lang } = useI18n();
  const when = instantFormat(lang, timeZone);
  const columns = {
    patient: t('signatures.col.patient'),
    document: t('signatures.col.document'),
    since: t('signatures.col.since'),
    by: t('signatures.col.by'),
  };
  return (
    <div className="table-scroll">
      <table className="data data--stack doc-pending-table">
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
          {items.map((item) => {
            const name = filedName(item.patient);
            return (
              <tr key={item.id}>
                <td data-label={columns.patient}>
                  <Link href={`/patients/${item.patient.id}`}>
                    <strong>{name}</strong>
                    <span className="visually-hidden"> — {t('signatures.openFile')}</span>
                  </Link>
                  <span className="muted doc-pending-table__block">
                    {t('signatures.bornOn', { date: displayDate(item.patient.birthDate, lang) })}
                  </span>
                </td>
                <td data-label={columns.document}>
                  {item.title}
                  <span className="muted doc-pending-table__block">{t(`documents.type.${item.type}`)}</span>
                </td>
                <td data-label={columns.since}>
                  <time dateTime={item.createdAt}>{when.format(new Date(item.createdAt))}</time>
                </td>
                <td data-label={columns.by}>{item.uploadedBy?.name ?? t('signatures.byUnknown')}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
