import { ApiError } from '../../shared/api';
import { Alert } from '../../shared/ui/alert';
import { Button } from '../../shared/ui/button';
import { useI18n } from '../i18n';

/**
 * What a screen shows when its data could not be read: a module the practice switched off (403
 * MODULE_DISABLED) says so plainly, without a retry; a network failure offers to try again.
 */
export function LoadFailure({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const { t } = useI18n();
  if (error instanceof ApiError && error.code === 'MODULE_DISABLED') {
    return <ModuleDisabled />;
  }
  const text =
    error instanceof ApiError && error.code !== 'NETWORK' && error.message
      ? error.message
      : t('common.networkError');
  return (
    <div className="stack">
      <Alert tone="error">{text}</Alert>
      <Button variant="secondary" onClick={onRetry}>
        {t('common.retry')}
      </Button>
    </div>
  );
}

/** A module switched off by the practice (SET-8). */
export function ModuleDisabled() {
  const { t } = useI18n();
  return (
    <Alert tone="info">
      <strong>{t('module.disabledTitle')}</strong> {t('module.disabled')}
    </Alert>
  );
}

/** "Chargement…" announced politely. */
export function Loading() {
  const { t } = useI18n();
  return (
    <p className="loading" role="status">
      {t('common.loading')}
    </p>
  );
}
