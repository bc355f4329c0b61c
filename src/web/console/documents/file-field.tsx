import { type Ref, useId } from 'react';

interface FileFieldProps {
  label: string;
  hint: string;
  accept: string;
  error?: string | undefined;
  disabled?: boolean;
  onChange: (file: File | null) => void;
  ref?: Ref<HTMLInputElement>;
}

/** A labelled file input with its hint and its error, like `TextField`. */
export function FileField({ label, hint, accept, error, disabled, onChange, ref }: FileFieldProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = error ? `${id}-error` : undefined;
  return (
    <div className={`field doc-file-field${error ? ' field--invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      <p id={hintId} className="field__hint">
        {hint}
      </p>
      <input
        ref={ref}
        id={id}
        type="file"
        accept={accept}
        disabled={disabled}
        aria-invalid={error ? true : undefined}
        aria-describedby={[hintId, errorId].filter(Boolean).join(' ')}
        onChange={(event) => onChange(event.target.files?.[0] ?? null)}
      />
      {error ? (
        <p id={errorId} className="field__error">
          {error}
        </p>
      ) : null}
    </div>
  );
}
