import { useEffect, useRef, useState } from 'react';
import { Button } from '../../shared/ui/button';
import { useI18n } from '../i18n';

/** How long the Undo stays offered; the server holds the patient's notice 30 s, well beyond it. */
export const undoMs = 8_000;

interface Props {
  text: string;
  onUndo: () => void;
  onDismiss: () => void;
}

/**
 * The message after a move or resize, with "Undo" for 8 seconds. The time stops while the pointer or
 * the keyboard focus is on it (nobody loses the button while reaching for it), and Escape closes it.
 */
export function UndoToast({ text, onUndo, onDismiss }: Props) {
  const { t } = useI18n();
  const [held, setHeld] = useState(false);
  const latest = useRef(onDismiss);
  latest.current = onDismiss;
  useEffect(() => {
    if (held) return;
    const timer = window.setTimeout(() => latest.current(), undoMs);
    return () => window.clearTimeout(timer);
  }, [held]);
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: pausing the timer on hover is not an action
    <div
      className="undo-toast"
      onPointerEnter={() => setHeld(true)}
      onPointerLeave={() => setHeld(false)}
      onFocus={() => setHeld(true)}
      onBlur={() => setHeld(false)}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.stopPropagation();
          onDismiss();
        }
      }}
    >
      <p role="status" className="undo-toast__text">
        {text}
      </p>
      <Button variant="secondary" onClick={onUndo}>
        {t('undo.action')}
      </Button>
      <button type="button" className="undo-toast__close" aria-label={t('undo.dismiss')} onClick={onDismiss}>
        ×
      </button>
    </div>
  );
}
