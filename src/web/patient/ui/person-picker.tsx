import { SelectField } from '../../shared/ui/select-field';
import { useI18n } from '../i18n';
import { useSession } from '../session';

/** Whose file the screen shows, among the family of the phone; the choice is remembered (APP-5). */
export function PersonPicker() {
  const { t } = useI18n();
  const { me, person, choosePerson } = useSession();
  if (me.family.length < 2) return null;
  return (
    <SelectField label={t('person.label')} value={person.id} onChange={choosePerson}>
      {me.family.map((member) => (
        <option key={member.id} value={member.id}>
          {member.firstName} {member.lastName}
          {member.isSelf ? ` (${t('home.you')})` : ''}
        </option>
      ))}
    </SelectField>
  );
}
