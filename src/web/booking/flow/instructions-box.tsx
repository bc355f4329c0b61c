import { CheckboxField } from '../../shared/ui/checkbox-field';
import { useI18n } from '../i18n';

/** The motif's instructions to accept before booking (SET-4, seed 003 "Instructions"). */
export function InstructionsBox({
  text,
  accepted,
  onChange,
  error,
}: {
  text: string;
  accepted: boolean;
  onChange: (accepted: boolean) => void;
  error: string | undefined;
}) {
  const { t } = useI18n();
  return (
    <section className="instructions" aria-labelledby="instructions-title">
      <h3 id="instructions-title">{t('instructions.title')}</h3>
      <p className="instructions__text">{text}</p>
      <CheckboxField label={t('instructions.accept')} checked={accepted} onChange={onChange} error={error} />
    </section>
  );
}
