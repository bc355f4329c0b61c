import { useState } from 'react';
import type { Motif } from '../../../../contracts/settings';
import { api } from '../../../shared/api';
import { useI18n } from '../../i18n';
import { DialogForm } from '../common/dialog-form';
import { fieldErrors } from '../common/field-errors';
import { MotifBookingFields } from './motif-booking-fields';
import { type MotifForm, motifBodyOf, motifFormOf, motifPaths } from './motif-form';
import { MotifGeneralFields } from './motif-general-fields';

interface MotifDialogProps {
  motif: Motif | null;
  categories: string[];
  onClose: () => void;
  onSaved: (motif: Motif) => void;
}

/** Create or change a motif with every rule of SET-4. */
export function MotifDialog({ motif, categories, onClose, onSaved }: MotifDialogProps) {
  const { t } = useI18n();
  const [form, setForm] = useState<MotifForm>(() => motifFormOf(motif));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const set =
    <K extends keyof MotifForm>(key: K) =>
    (value: MotifForm[K]) =>
      setForm((current) => ({ ...current, [key]: value }));

  const save = async () => {
    setBusy(true);
    setError(null);
    try {
      const body = motifBodyOf(form);
      const saved = motif
        ? await api.patch<Motif>(`/api/console/motifs/${motif.id}`, body)
        : await api.post<Motif>('/api/console/motifs', body);
      onSaved(saved);
    } catch (caught) {
      setError(caught);
      setBusy(false);
    }
  };

  const fields = { form, set, errorFor: fieldErrors(error) };
  return (
    <DialogForm
      title={motif ? t('settings.motifs.edit') : t('settings.motifs.new')}
      onClose={onClose}
      onSubmit={() => void save()}
      busy={busy}
      error={error}
      isShown={(path) => motifPaths.has(path)}
      wide
    >
      <MotifGeneralFields {...fields} categories={categories} />
      <MotifBookingFields {...fields} />
    </DialogForm>
  );
}
