import { createContext, useContext } from 'react';
import { en } from './en.dictionary.ts';
import { vi } from './vi.dictionary.ts';

export type Lang = 'vi' | 'en';
export type MessageKey = keyof typeof vi;
export type MessageParams = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: MessageParams) => string;

export const DICTIONARIES: Record<Lang, Record<MessageKey, string>> = { vi, en };

/** BCP 47 locales for dates and numbers. */
export const LOCALES: Record<Lang, string> = { vi: 'vi-VN', en: 'en-US' };

export interface I18n {
  lang: Lang;
  locale: string;
  t: Translate;
  toggleLang(): void;
}

export const I18nContext = createContext<I18n | null>(null);

export function useI18n(): I18n {
  const i18n = useContext(I18nContext);
  if (!i18n) throw new Error('useI18n() needs an <I18nProvider> above it');
  return i18n;
}

/** Fills `{name}` placeholders; an unknown placeholder stays visible rather than vanishing. */
export function interpolate(template: string, params: MessageParams = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}
