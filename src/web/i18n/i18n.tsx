// Translation: a context with the current locale and a t() that fills `{placeholders}`.
import { createContext, useContext, type ReactNode } from 'react';
import type { TLocale } from '../../shared/common.schemas';
import { en } from './en';
import { nl, type MessageKey, type Messages } from './nl';

export type { MessageKey } from './nl';
export const dictionaries: Record<TLocale, Messages> = { nl, en };

const STORAGE_KEY = 'harmonica.locale';

export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

export function translate(locale: TLocale, key: MessageKey, vars?: Record<string, string | number>): string {
  const text = dictionaries[locale][key];
  if (!vars) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

/** 1 = Monday … 7 = Sunday. */
export function weekdayName(weekday: number, t: Translate): string {
  return t(`weekday.${Math.min(7, Math.max(1, weekday))}` as MessageKey);
}

/** The language chosen before login (or the browser's, when it is English). */
export function storedLocale(): TLocale {
  try {
    const saved = window.localStorage.getItem(STORAGE_KEY);
    if (saved === 'nl' || saved === 'en') return saved;
  } catch {
    // localStorage can be blocked; Dutch is the default.
  }
  return 'nl';
}

export function storeLocale(locale: TLocale): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // Not fatal: the choice then lasts for this page only.
  }
}

/** BCP 47 tag for Intl formatting. */
export const intlLocale = (locale: TLocale) => (locale === 'nl' ? 'nl-NL' : 'en-GB');

type I18nValue = { locale: TLocale; t: Translate; setLocale: (locale: TLocale) => void };

const I18nContext = createContext<I18nValue>({
  locale: 'nl',
  t: (key, vars) => translate('nl', key, vars),
  setLocale: () => undefined,
});

export function I18nProvider({ locale, setLocale, children }: { locale: TLocale; setLocale: (locale: TLocale) => void; children: ReactNode }) {
  const t: Translate = (key, vars) => translate(locale, key, vars);
  return <I18nContext value={{ locale, t, setLocale }}>{children}</I18nContext>;
}

export function useI18n(): I18nValue {
  return useContext(I18nContext);
}
