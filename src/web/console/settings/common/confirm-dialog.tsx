import { type ReactNode, useState } from 'react';
import { Alert } from '../../../shared/ui/alert';
import { Button } from '../../../shared/ui/button';
import { Dialog } from '../../../shared/ui/dialog';
import { ErrorAlert } from '../../../shared/ui/error-alert';
import { useI18n } from '../../i18n';

interface ConfirmDialogProps {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  onConfirm: () => Promise<void>;
  onClose: () => void;
  /** a clearer sentence for a refusal the caller understands (a 409 reason), or undefined */
  explain?: (error: unknown) => string | undefined;
}

/** Asks before an action that cannot be undone from here (remove, archive); shows why it was refused. */
export function ConfirmDialog({
  title,
  children,
  confirmLabel,
  onConfirm,
  onClose,
  explain,
}: ConfirmDialogProps) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const confirm = async () => {
    setBusy(true);
    setError(null);
    try {
      await onConfirm();
    } catch (caught) {
      setError(caught);
      setBusy(false);
    }
  };
  const explained = error ? explain?.(error) : undefined;
  return (
    <Dialog title={title} open onClose={onClose} closeLabel={t('common.close')}>
      <div className="settings-confirm">{children}</div>
      {explained ? <Alert tone="error">{explained}</Alert> : <ErrorAlert error={error} withFields />}
      <div className="form-actions">
        <Button variant="danger" busy={busy} onClick={() => void confirm()}>
          {confirmLabel}
        </Button>
        <Button variant="secondary" onClick={onClose}>
          {t('settings.cancel')}
        </Button>
      </div>
    </Dialog>
  );
}
