import type { SecureLinkInfo } from '../../../contracts/documents';
import { useI18n } from '../i18n';
import { deviceDayAndTime } from './device-time';

/** What the link is, before the code: who sent it, where the code goes, until when. Nothing of the document. */
export function SecureLinkSummary({ info, explain }: { info: SecureLinkInfo; explain: boolean }) {
  const { t, lang } = useI18n();
  const expiry = deviceDayAndTime(info.expiresAt, lang);
  return (
    <div className="card secure-summary">
      <p className="secure-summary__what">
        <strong>{t('secure.what')}</strong>
      </p>
      <dl className="facts">
        <div>
          <dt>{t('secure.from')}</dt>
          <dd>{info.practiceName}</dd>
        </div>
        <div>
          <dt>{t('secure.phone')}</dt>
          <dd className="secure-summary__phone">{info.maskedPhone}</dd>
        </div>
        <div>
          <dt>{t('secure.expires')}</dt>
          <dd>{t('secure.when', expiry)}</dd>
        </div>
      </dl>
      {/* once the code is asked for, the code field comes first on a phone's screen */}
      {explain ? <p className="secure-summary__why">{t('secure.why')}</p> : null}
    </div>
  );
}
