import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import {
  DICTIONARIES,
  I18nContext,
  interpolate,
  LOCALES,
  type I18n,
  type Lang,
} from './i18n.context.ts';

const LANG_KEY = 'cartstation.lang';

function storedLang(): Lang {
  try {
    return localStorage.getItem(LANG_KEY) === 'en' ? 'en' : 'vi';
  } catch {
    return 'vi';
  }
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLang] = useState<Lang>(storedLang);

  useEffect(() => {
    document.documentElement.lang = lang;
    try {
      localStorage.setItem(LANG_KEY, lang);
    } catch {
      // Storage can be disabled; the choice then lasts until the page reloads.
    }
  }, [lang]);

  const toggleLang = useCallback(() => setLang((current) => (current === 'vi' ? 'en' : 'vi')), []);

  const value = useMemo<I18n>(() => {
    const dictionary = DICTIONARIES[lang];
    return {
      lang,
      locale: LOCALES[lang],
      t: (key, params) => interpolate(dictionary[key], params),
      toggleLang,
    };
  }, [lang, toggleLang]);

  return <I18nContext value={value}>{children}</I18nContext>;
}
