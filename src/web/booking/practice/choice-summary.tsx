import type { ReactNode } from 'react';
import { Button } from '../../shared/ui/button';
import { useI18n } from '../i18n';

/** A step already done: what was chosen, and a button to change it. */
export function ChoiceSummary({
  label,
  children,
  what,
  onChange,
}: {
  label: string;
  children: ReactNode;
  /** what the change button changes, said to screen readers ("le motif" → "Modifier le motif") */
  what: string;
  onChange: (() => void) | null;
}) {
  const { t } = useI18n();
  return (
    <div className="summary">
      <div className="summary__text">
        <span className="summary__label">{label}</span>
        <span className="summary__value">{children}</span>
      </div>
      {onChange ? (
        <Button variant="link" onClick={onChange}>
          {t('summary.change')}
          <span className="visually-hidden"> {what}</span>
        </Button>
      ) : null}
    </div>
  );
}
