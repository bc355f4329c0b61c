import { Button } from '../../../shared/ui/button';
import { ErrorAlert } from '../../../shared/ui/error-alert';
import { useI18n } from '../../i18n';

/** What a list shows before its data: "Loading…", or the error with a way to try again. */
export function ResourceState({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const { t } = useI18n();
  if (!error) return <p className="loading">{t('common.loading')}</p>;
  return (
    <div className="settings-failed">
      <ErrorAlert error={error} withFields />
      <Button variant="secondary" onClick={onRetry}>
        {t('common.retry')}
      </Button>
    </div>
  );
}
