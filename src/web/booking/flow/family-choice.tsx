import type { BookingGrant } from '../../../contracts/booking';
import { displayDate } from '../../shared/dates';
import { useI18n } from '../i18n';
import { RadioGroup } from '../ui/radio-group';

/** A known person books for themselves or a dependant (a parent for a child, PAT-2). */
export function FamilyChoice({
  family,
  value,
  onChange,
}: {
  family: BookingGrant['family'];
  value: string | null;
  onChange: (id: string) => void;
}) {
  const { t, lang } = useI18n();
  const [only] = family;
  if (family.length === 1 && only) {
    return <p className="for-whom">{t('family.forOne', { name: `${only.firstName} ${only.lastName}` })}</p>;
  }
  return (
    <RadioGroup
      legend={t('family.title')}
      name="patient"
      value={value ?? ''}
      onChange={onChange}
      options={family.map((member) => ({
        value: member.id,
        label: (
          <>
            <strong>
              {member.firstName} {member.lastName}
            </strong>
            {member.isSelf ? ` (${t('family.you')})` : ''}
            <span className="muted small radio__hint">
              {t('family.born', { date: displayDate(member.birthDate, lang) })}
            </span>
          </>
        ),
      }))}
    />
  );
}
