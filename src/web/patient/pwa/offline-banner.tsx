import { useI18n } from '../i18n';
import { useOfflineReadOnly } from './offline';
import './offline-banner.css';

/** "Offline, read-only" notice, shown only while the app shows its offline copy or has no network. */
export function OfflineBanner() {
  const { t } = useI18n();
  if (!useOfflineReadOnly()) return null;
  return (
    <p className="offline-banner" role="status">
      {t('offline.readOnly')}
    </p>
  );
}
