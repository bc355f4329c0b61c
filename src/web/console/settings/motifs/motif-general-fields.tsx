import { useId } from 'react';
import { TextField } from '../../../shared/ui/field';
import { SelectField } from '../../../shared/ui/select-field';
import { useI18n } from '../../i18n';
import type { MotifFieldsProps } from './motif-fields';
import type { MotifKind } from './motif-form';

const kinds: MotifKind[] = ['on_site', 'phone', 'home'];

/** Name, category, durations, colour, kind and buffers of a motif. */
export function MotifGeneralFields({
  form,
  set,
  errorFor,
  categories,
}: MotifFieldsProps & { categories: string[] }) {
  const { t } = useI18n();
  const categoryList = useId();
  return (
    <fieldset className="settings-fieldset">
      <legend>{t('settings.motifs.general')}</legend>
      <div className="form-grid">
        <TextField
          label={t('settings.motifs.name')}
          value={form.name}
          onChange={set('name')}
          error={errorFor('name')}
          maxLength={120}
          required
          requiredLabel={t('common.required')}
        />
        <TextField
          label={t('settings.motifs.category')}
          hint={t('settings.motifs.categoryHint')}
          value={form.category}
          onChange={set('category')}
          error={errorFor('category')}
          list={categoryList}
          maxLength={80}
        />
        <datalist id={categoryList}>
          {categories.map((category) => (
            <option key={category} value={category} />
          ))}
        </datalist>
        <TextField
          label={t('settings.motifs.duration')}
          type="number"
          inputMode="numeric"
          min={5}
          max={600}
          step={5}
          value={form.durationMinutes}
          onChange={set('durationMinutes')}
          error={errorFor('durationMinutes')}
          required
          requiredLabel={t('common.required')}
        />
        <TextField
          label={t('settings.motifs.firstVisitDuration')}
          hint={t('settings.motifs.firstVisitDurationHint')}
          type="number"
          inputMode="numeric"
          min={5}
          max={600}
          step={5}
          value={form.firstVisitDurationMinutes}
          onChange={set('firstVisitDurationMinutes')}
          error={errorFor('firstVisitDurationMinutes')}
        />
        <TextField
          label={t('settings.motifs.colour')}
          type="color"
          className="settings-colour"
          value={form.colour}
          onChange={set('colour')}
          error={errorFor('colour')}
        />
        <SelectField
          label={t('settings.motifs.kind')}
          value={form.kind}
          onChange={(value) => set('kind')(kinds.find((kind) => kind === value) ?? form.kind)}
          error={errorFor('kind')}
        >
          {kinds.map((kind) => (
            <option key={kind} value={kind}>
              {t(`settings.motifs.kind.${kind}`)}
            </option>
          ))}
        </SelectField>
        <TextField
          label={t('settings.motifs.bufferBefore')}
          hint={t('settings.motifs.bufferHint')}
          type="number"
          inputMode="numeric"
          min={0}
          max={240}
          value={form.bufferBeforeMinutes}
          onChange={set('bufferBeforeMinutes')}
          error={errorFor('bufferBeforeMinutes')}
        />
        <TextField
          label={t('settings.motifs.bufferAfter')}
          hint={t('settings.motifs.bufferHint')}
          type="number"
          inputMode="numeric"
          min={0}
          max={240}
          value={form.bufferAfterMinutes}
          onChange={set('bufferAfterMinutes')}
          error={errorFor('bufferAfterMinutes')}
        />
      </div>
    </fieldset>
  );
}
