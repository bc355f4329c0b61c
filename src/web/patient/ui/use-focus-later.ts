import { type RefObject, useCallback, useEffect, useRef, useState } from 'react';

type Finder = () => HTMLElement | null | undefined;

/**
 * Returns `focusLater(find)`: the focus moves to what `find` returns once React has rendered the current
 * changes (an error shown, a field enabled again), not before, which a timer cannot promise.
 */
export function useFocusLater(): (find: Finder) => void {
  const [asked, setAsked] = useState(0);
  const finder = useRef<Finder | null>(null);
  useEffect(() => {
    if (asked > 0) finder.current?.()?.focus();
  }, [asked]);
  return useCallback((find: Finder) => {
    finder.current = find;
    setAsked((count) => count + 1);
  }, []);
}

/** The first field of a form marked invalid. */
export const firstInvalid = (form: RefObject<HTMLFormElement | null>) => () =>
  form.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
