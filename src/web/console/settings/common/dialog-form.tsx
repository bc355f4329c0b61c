import type { FormEvent, ReactNode } from 'react';
import { Button } from '../../../shared/ui/button';
import { Dialog } from '../../../shared/ui/dialog';
import { useI18n } from '../../i18n';
import { FormAlert } from './form-alert';

interface DialogFormProps {
  title: string;
  onClose: () => void;
  onSubmit: () => void;
  busy: boolean;
  error: unknown;
  isShown: (path: string) => boolean;
  errorMessage?: string | undefined;
  submitLabel?: string;
  wide?: boolean;
  children: ReactNode;
}

/**
 * A form in a modal dialog, with Save and Cancel. When the server refuses, the dialog stays open with
 * everything typed, the errors under their fields and a summary above the buttons.
 */
export function DialogForm({
  title,
  onClose,
  onSubmit,
  busy,
  error,
  isShown,
  errorMessage,
  submitLabel,
  wide = false,
  children,
}: DialogFormProps) {
  const { t } = useI18n();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!busy) onSubmit();
  };
  return (
    <Dialog title={title} open onClose={onClose} closeLabel={t('common.close')} wide={wide}>
      <form onSubmit={submit} noValidate className="settings-form">
        {children}
        <FormAlert error={error} isShown={isShown} message={errorMessage} />
        <div className="form-actions">
          <Button type="submit" busy={busy}>
            {submitLabel ?? t('settings.save')}
          </Button>
          <Button variant="secondary" onClick={onClose}>
            {t('settings.cancel')}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
