/**
 * User-visible strings, all from `_locales` through `browser.i18n`, and dates and numbers through
 * `Intl` in the interface language.
 */
import browser from 'webextension-polyfill';
import type fr from '../../_locales/fr/messages.json';

export type MessageKey = keyof typeof fr;

export function t(key: MessageKey, ...substitutions: (string | number)[]): string {
  return browser.i18n.getMessage(key, substitutions.map(String)) || key;
}

export function uiLanguage(): string {
  return browser.i18n.getUILanguage() || 'fr';
}

/** A `YYYY-MM-DD` day as the interface language writes it, e.g. "1 juillet 2021". */
export function formatDay(day: string, language = uiLanguage()): string {
  const [year, month, date] = day.split('-').map(Number);
  return new Intl.DateTimeFormat(language, { dateStyle: 'long', timeZone: 'UTC' }).format(
    new Date(Date.UTC(year!, month! - 1, date!)),
  );
}

export function formatNumber(value: number, language = uiLanguage()): string {
  return new Intl.NumberFormat(language).format(value);
}

/** Picks the `One` or `Other` form of a message by the plural rules of the interface language. */
export function plural(keys: { one: MessageKey; other: MessageKey }, count: number, language = uiLanguage()): string {
  const form = new Intl.PluralRules(language).select(count) === 'one' ? keys.one : keys.other;
  return t(form, formatNumber(count, language));
}
