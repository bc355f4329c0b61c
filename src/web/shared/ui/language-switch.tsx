import type { Lang } from '../../../contracts/i18n/lang';

interface LanguageSwitchProps {
  lang: Lang;
  setLang: (lang: Lang) => void;
  label: string;
  names: Record<Lang, string>;
}

/** FR / EN switch; each option is announced in its own language. */
export function LanguageSwitch({ lang, setLang, label, names }: LanguageSwitchProps) {
  return (
    <fieldset className="lang-switch">
      <legend className="visually-hidden">{label}</legend>
      {(['fr', 'en'] as const).map((option) => (
        <button
          key={option}
          type="button"
          lang={option}
          className={`lang-switch__option${option === lang ? ' is-active' : ''}`}
          aria-pressed={option === lang}
          onClick={() => setLang(option)}
        >
          <span aria-hidden="true">{option.toUpperCase()}</span>
          <span className="visually-hidden">{names[option]}</span>
        </button>
      ))}
    </fieldset>
  );
}
