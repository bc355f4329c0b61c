import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { interpolate, isLang, type Lang } from '../../contracts/i18n/lang';

const storageKey = 'sourire.lang';

let currentLang: Lang = readStoredLang();

function readStoredLang(): Lang {
  try {
    const stored = localStorage.getItem(storageKey);
    return isLang(stored) ? stored : 'fr';
  } catch {
    return 'fr';
  }
}

/** The language of the UI right now; the API client sends it as Accept-Language. */
export function activeLang(): Lang {
  return currentLang;
}

export type Translate<K extends string> = (key: K, params?: Record<string, string | number>) => string;
type Dictionary = Record<string, string>;

export interface I18n<K extends string> {
  lang: Lang;
  t: Translate<K>;
  setLang: (lang: Lang) => void;
}

const Context = createContext<I18n<string> | null>(null);

/**
 * Gives an area its strings. French is bundled (the default); English is fetched when first chosen, so
 * French users download no English text.
 */
export function I18nProvider({
  fr,
  loadEn,
  children,
}: {
  fr: Dictionary;
  loadEn: () => Promise<Dictionary>;
  children: ReactNode;
}) {
  const [lang, setLangState] = useState<Lang>(currentLang);
  const [en, setEn] = useState<Dictionary | null>(null);

  useEffect(() => {
    if (lang === 'en' && !en) void loadEn().then(setEn);
    document.documentElement.lang = lang === 'en' && !en ? 'fr' : lang;
  }, [lang, en, loadEn]);

  const setLang = useCallback((next: Lang) => {
    currentLang = next;
    try {
      localStorage.setItem(storageKey, next);
    } catch {
      // private mode: the choice lasts for this page only
    }
    setLangState(next);
  }, []);

  const value = useMemo<I18n<string>>(() => {
    const dictionary = lang === 'en' && en ? en : fr;
    const shown = lang === 'en' && !en ? 'fr' : lang;
    const plurals = new Intl.PluralRules(shown);
    return {
      lang: shown,
      setLang,
      t: (key, params) => interpolate(dictionary[pluralKey(dictionary, plurals, key, params)] ?? key, params),
    };
  }, [lang, en, fr, setLang]);

  return <Context.Provider value={value}>{children}</Context.Provider>;
}

/**
 * Plurals through Intl.PluralRules: with a numeric `count`, `key.one` (or `key.few`, …) is used when the
 * dictionary has it, else `key` itself (the "other" form). French says "0 rendez-vous" in the singular
 * form ("one"), English "0 appointments" ("other"): the rules know it.
 */
function pluralKey(
  dictionary: Dictionary,
  plurals: Intl.PluralRules,
  key: string,
  params: Record<string, string | number> | undefined,
): string {
  const count = params?.count;
  if (typeof count !== 'number') return key;
  const form = `${key}.${plurals.select(count)}`;
  return form in dictionary ? form : key;
}

/** The area's strings; each area narrows `K` to its own keys (see `<area>/i18n/index.ts`). */
export function useI18nOf<K extends string>(): I18n<K> {
  const value = useContext(Context);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value as I18n<K>;
}
