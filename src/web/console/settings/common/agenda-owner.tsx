import type { StaffMe } from '../../../../contracts/staff-auth';
import { SelectField } from '../../../shared/ui/select-field';
import { useI18n } from '../../i18n';
import { type PractitionerItem, personName } from './people';
import { useResource } from './use-resource';

/** The practitioner chosen in the Opening ranges and Absences tabs, kept while moving between them. */
export interface AgendaChoice {
  chosenId: string | null;
  choose: (id: string) => void;
}

/**
 * Whose agenda a tab edits: an admin picks any practitioner (the first by default); a practitioner only
 * ever edits their own, so they get no picker and no list of colleagues.
 */
export function useAgendaOwner(me: StaffMe, choice: AgendaChoice) {
  const isAdmin = me.role === 'admin';
  const practitioners = useResource<{ items: PractitionerItem[] }>(
    isAdmin ? '/api/console/practitioners' : null,
  );
  const items = practitioners.data?.items ?? null;
  const ownerId = isAdmin
    ? (items?.find((item) => item.id === choice.chosenId)?.id ?? items?.[0]?.id ?? null)
    : me.id;
  return { isAdmin, practitioners, items, ownerId };
}

interface PractitionerPickerProps {
  items: PractitionerItem[];
  value: string;
  onChange: (id: string) => void;
}

export function PractitionerPicker({ items, value, onChange }: PractitionerPickerProps) {
  const { t } = useI18n();
  return (
    <div className="settings-picker">
      <SelectField label={t('settings.agenda.practitioner')} value={value} onChange={onChange}>
        {items.map((item) => (
          <option key={item.id} value={item.id}>
            {personName(item)}
            {item.speciality ? ` — ${item.speciality}` : ''}
          </option>
        ))}
      </SelectField>
    </div>
  );
}
