import { useState } from 'react';
import type { StaffChangeRequest } from '../../../contracts/patient-app';
import { api } from '../../shared/api';
import { TextAreaField } from '../../shared/ui/textarea-field';
import { useI18n } from '../i18n';
import { DialogForm } from '../settings/common/dialog-form';
import { fieldErrors } from '../settings/common/field-errors';
import { shownPaths } from '../settings/common/form-alert';

interface RejectDialogProps {
  request: StaffChangeRequest;
  name: string;
  onClose: () => void;
  onRejected: (request: StaffChangeRequest) => void;
}

const shown = shownPaths('reason');

/**
 * Rejects a review request. The API wants a reason for the patient; staff need not write one: the
 * field starts with a polite sentence they may keep or adapt.
 */
export function RejectDialog({ request, name, onClose, onRejected }: RejectDialogProps) {
  const { t } = useI18n();
  const [reason, setReason] = useState(() => t('reviews.defaultReason'));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      const typed = reason.trim() || t('reviews.defaultReason');
      onRejected(
        await api.post<StaffChangeRequest>(`/api/console/change-requests/${request.id}/reject`, {
          reason: typed,
        }),
      );
    } catch (caught) {
      setError(caught);
      setBusy(false);
    }
  };

  return (
    <DialogForm
      title={t('reviews.rejectTitle', { name })}
      onClose={onClose}
      onSubmit={() => void submit()}
      busy={busy}
      error={error}
      isShown={shown}
      submitLabel={t('reviews.reject')}
    >
      <p>{t('reviews.rejectBody')}</p>
      <TextAreaField
        label={t('reviews.reason')}
        hint={t('reviews.reasonHint')}
        value={reason}
        onChange={setReason}
        maxLength={500}
        error={fieldErrors(error)('reason')}
      />
    </DialogForm>
  );
}
