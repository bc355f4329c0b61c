import { useState } from 'react';
import type { Location } from '../../../../contracts/settings';
import { api } from '../../../shared/api';
import { TextField } from '../../../shared/ui/field';
import { useI18n } from '../../i18n';
import { DialogForm } from '../common/dialog-form';
import { fieldErrors, textOrNull } from '../common/field-errors';
import { shownPaths } from '../common/form-alert';

interface LocationDialogProps {
  location: Location | null;
  onClose: () => void;
  onSaved: (location: Location) => void;
}

type LocationForm = Record<'name' | 'addressLine' | 'postalCode' | 'city' | 'phone' | 'mapUrl', string>;
const isShown = shownPaths('name', 'addressLine', 'postalCode', 'city', 'phone', 'mapUrl');

/** Create or change a location (SET-2). */
export function LocationDialog({ location, onClose, onSaved }: LocationDialogProps) {
  const { t } = useI18n();
  const [form, setForm] = useState<LocationForm>(() => ({
    name: location?.name ?? '',
    addressLine: location?.addressLine ?? '',
    postalCode: location?.postalCode ?? '',
    city: location?.city ?? '',
    phone: location?.phone ?? '',
    mapUrl: location?.mapUrl ?? '',
  }));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const errorFor = fieldErrors(error);
  const set = (key: keyof LocationForm) => (value: string) =>
    setForm((current) => ({ ...current, [key]: value }));

  const save = async () => {
    setBusy(true);
    setError(null);
    try {
      const body = { ...form, phone: textOrNull(form.phone), mapUrl: textOrNull(form.mapUrl) };
      const saved = location
        ? await api.patch<Location>(`/api/console/locations/${location.id}`, body)
        : await api.post<Location>('/api/console/locations', body);
      onSaved(saved);
    } catch (caught) {
      setError(caught);
      setBusy(false);
    }
  };

  const required = { required: true, requiredLabel: t('common.required') };
  return (
    <DialogForm
      title={location ? t('settings.locations.edit') : t('settings.locations.new')}
      onClose={onClose}
      onSubmit={() => void save()}
      busy={busy}
      error={error}
      isShown={isShown}
    >
      <TextField
        label={t('settings.locations.name')}
        hint={t('settings.locations.nameHint')}
        value={form.name}
        onChange={set('name')}
        error={errorFor('name')}
        maxLength={120}
        {...required}
      />
      <TextField
        label={t('settings.address')}
        autoComplete="street-address"
        value={form.addressLine}
        onChange={set('addressLine')}
        error={errorFor('addressLine')}
        {...required}
      />
      <div className="form-grid">
        <TextField
          label={t('settings.postalCode')}
          autoComplete="postal-code"
          value={form.postalCode}
          onChange={set('postalCode')}
          error={errorFor('postalCode')}
          {...required}
        />
        <TextField
          label={t('settings.city')}
          value={form.city}
          onChange={set('city')}
          error={errorFor('city')}
          {...required}
        />
      </div>
      <TextField
        label={t('settings.phone')}
        type="tel"
        value={form.phone}
        onChange={set('phone')}
        error={errorFor('phone')}
      />
      <TextField
        label={t('settings.locations.mapUrl')}
        hint={t('settings.locations.mapUrlHint')}
        type="url"
        value={form.mapUrl}
        onChange={set('mapUrl')}
        error={errorFor('mapUrl')}
      />
    </DialogForm>
  );
}
