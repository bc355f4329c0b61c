import { type Dispatch, type FormEvent, type SetStateAction, useEffect, useState } from 'react';
import { useFlash } from './flash';
import { type Resource, useResource } from './use-resource';

export interface SettingsFormOptions<S, F> {
  /** the form of what the server has (a function defined once, outside the component) */
  formOf: (saved: S) => F;
  /** sends the form; answers what the server has now */
  save: (form: F) => Promise<S>;
  /** the flash message after a save */
  savedMessage: string;
  /** after a save, once the form shows what was saved */
  afterSave?: () => void;
}

export interface SettingsForm<S, F> {
  /** what the server has: its error and reload while the form is missing */
  saved: Resource<S>;
  /** null until the first load */
  form: F | null;
  setForm: Dispatch<SetStateAction<F | null>>;
  busy: boolean;
  /** the refusal of the last save */
  error: unknown;
  flash: string | null;
  setFlash: (message: string | null) => void;
  submit: (event: FormEvent) => Promise<void>;
}

/**
 * A settings tab that edits one resource of the API: the form starts from its first load (a later
 * reload does not overwrite the edits), and a save shows the server's answer in the form and a flash
 * message, or keeps the refusal for the form's alert.
 */
export function useSettingsForm<S, F>(
  path: string,
  { formOf, save, savedMessage, afterSave }: SettingsFormOptions<S, F>,
): SettingsForm<S, F> {
  const saved = useResource<S>(path);
  const [form, setForm] = useState<F | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [flash, setFlash] = useFlash();

  const loaded = saved.data;
  useEffect(() => {
    if (loaded) setForm((current) => current ?? formOf(loaded));
  }, [loaded, formOf]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!form) return;
    setBusy(true);
    setError(null);
    setFlash(null);
    try {
      setForm(formOf(await save(form)));
      setFlash(savedMessage);
      afterSave?.();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return { saved, form, setForm, busy, error, flash, setFlash, submit };
}
