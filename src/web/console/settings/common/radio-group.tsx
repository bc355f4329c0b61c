import { type ReactNode, useId } from 'react';

interface RadioGroupProps<V extends string> {
  legend: string;
  value: V;
  onChange: (value: V) => void;
  options: { value: V; label: string }[];
  hint?: ReactNode;
  error?: string | undefined;
}

/** A labelled set of radio buttons; arrow keys move between options, as browsers do for radios. */
export function RadioGroup<V extends string>({
  legend,
  value,
  onChange,
  options,
  hint,
  error,
}: RadioGroupProps<V>) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  return (
    <fieldset
      className={`settings-fieldset settings-radios${error ? ' field--invalid' : ''}`}
      aria-describedby={[hintId, errorId].filter(Boolean).join(' ') || undefined}
    >
      <legend>{legend}</legend>
      {hint ? (
        <p id={hintId} className="field__hint">
          {hint}
        </p>
      ) : null}
      {options.map((option) => (
        <div key={option.value} className="checkbox-row">
          <input
            id={`${id}-${option.value}`}
            type="radio"
            name={id}
            value={option.value}
            checked={value === option.value}
            onChange={() => onChange(option.value)}
          />
          <label htmlFor={`${id}-${option.value}`}>{option.label}</label>
        </div>
      ))}
      {error ? (
        <p id={errorId} className="field__error">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
