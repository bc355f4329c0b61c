import { type ReactNode, useEffect, useId, useRef } from 'react';

interface DialogProps {
  title: string;
  open: boolean;
  onClose: () => void;
  children: ReactNode;
  /** label of the close button (translated by the caller) */
  closeLabel: string;
  wide?: boolean;
}

const focusable =
  'input:not([type="hidden"]):not([disabled]), select:not([disabled]), textarea:not([disabled]), button:not([disabled]), [href], [tabindex]:not([tabindex="-1"])';

/**
 * A modal dialog on the native <dialog> element: focus is trapped by the browser, Escape closes it,
 * focus returns to where it was. On opening, focus goes to the element marked `autoFocus`, else to the
 * first field of the content (not to the close button, which the browser would pick).
 */
export function Dialog({ title, open, onClose, children, closeLabel, wide = false }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      dialog.showModal();
      const content = dialog.querySelector('.dialog__content');
      const target =
        content?.querySelector<HTMLElement>('[autofocus], [data-autofocus]') ??
        content?.querySelector<HTMLElement>(focusable);
      target?.focus();
    }
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      className={`dialog${wide ? ' dialog--wide' : ''}`}
      aria-labelledby={titleId}
      onClose={onClose}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      {open ? (
        <div className="dialog__body">
          <header className="dialog__header">
            <h2 id={titleId}>{title}</h2>
            <button type="button" className="dialog__close" onClick={onClose} aria-label={closeLabel}>
              ×
            </button>
          </header>
          <div className="dialog__content">{children}</div>
        </div>
      ) : null}
    </dialog>
  );
}
