/**
 * User-visible strings, all from `_locales`: through `browser.i18n` in the browser's language,
 * or from the chosen language's messages when the settings name one. Dates and numbers go
 * through `Intl` in the interface language.
 */
import browser from 'webextension-polyfill';
import { DAY_UNKNOWN } from '../core/records';
import type fr from '../../_locales/fr/messages.json';

export type MessageKey = keyof typeof fr;
type Messages = Record<string, { message: string }>;

let chosen: { language: string; messages: Messages } | null = null;

/** `auto` follows the browser; `fr` or `en` loads that language's messages from the extension. */
export async function chooseLanguage(language: 'auto' | 'fr' | 'en'): Promise<void> {
  if (language === 'auto') {
    chosen = null;
    return;
  }
  const response = await fetch(browser.runtime.getURL(`_locales/${language}/messages.json`));
  chosen = { language, messages: (await response.json()) as Messages };
}

export function t(key: MessageKey, ...substitutions: (string | number)[]): string {
  const values = substitutions.map(String);
  if (chosen) {
    const message = chosen.messages[key]?.message ?? key;
    return message.replace(/\$(\d)/g, (whole, index: string) => values[Number(index) - 1] ?? whole);
  }
  return browser.i18n.getMessage(key, values) || key;
}

export function uiLanguage(): string {
  return chosen?.language ?? (browser.i18n.getUILanguage() || 'fr');
}

/**
 * Intl formatters cost a millisecond or more to make and nothing to reuse: the popup's outline
 * alone formats dozens of counts. One of each kind per language and options.
 */
const formatters = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat | Intl.PluralRules>();

function formatter<T extends Intl.DateTimeFormat | Intl.NumberFormat | Intl.PluralRules>(key: string, make: () => T): T {
  let made = formatters.get(key) as T | undefined;
  if (!made) formatters.set(key, (made = make()));
  return made;
}

/** A `YYYY-MM-DD` day as the interface language writes it, e.g. "1 juillet 2021". */
export function formatDay(day: string, language = uiLanguage()): string {
  const [year, month, date] = day.split('-').map(Number);
  const format = formatter(`day ${language}`, () => new Intl.DateTimeFormat(language, { dateStyle: 'long', timeZone: 'UTC' }));
  return format.format(new Date(Date.UTC(year!, month! - 1, date)));
}

/** A `YYYY-MM-DD` day in short, for tables: "9 janv. 2026", or "9 janv." without its year. */
export function formatShortDay(day: string, withYear = true, language = uiLanguage()): string {
  const [year, month, date] = day.split('-').map(Number);
  const format = formatter(
    `short day ${withYear} ${language}`,
    () => new Intl.DateTimeFormat(language, { day: 'numeric', month: 'short', ...(withYear ? { year: 'numeric' } : {}), timeZone: 'UTC' }),
  );
  return format.format(new Date(Date.UTC(year!, month! - 1, date)));
}

/** An instant in the listener's time zone, as the interface language writes it: "2 décembre 2026 à 08:15". */
export function formatMoment(at: number, language = uiLanguage()): string {
  return formatter(`moment ${language}`, () => new Intl.DateTimeFormat(language, { dateStyle: 'long', timeStyle: 'short' })).format(
    new Date(at),
  );
}

/** A `YYYY-MM` month, e.g. "juillet 2021", or in short without its year, "juil.", for charts. */
export function formatMonth(month: string, short = false, language = uiLanguage()): string {
  const [year, index] = month.split('-').map(Number);
  const format = formatter(
    `month ${short} ${language}`,
    () =>
      new Intl.DateTimeFormat(language, short ? { month: 'short', timeZone: 'UTC' } : { month: 'long', year: 'numeric', timeZone: 'UTC' }),
  );
  return format.format(new Date(Date.UTC(year!, index! - 1, 1)));
}

/** How the journal says an episode was heard: "Écouté le 1 juillet 2021", or "Écouté, jour inconnu". */
export function listenedText(listenedOn: string): string {
  return listenedOn === DAY_UNKNOWN ? t('listenedDayUnknown') : t('listenedOnDay', formatDay(listenedOn));
}

export function formatNumber(value: number, language = uiLanguage(), options?: Intl.NumberFormatOptions): string {
  return formatter(`number ${language} ${JSON.stringify(options ?? {})}`, () => new Intl.NumberFormat(language, options)).format(value);
}

/** Picks the `One` or `Other` form of a message by the plural rules of the interface language. */
export function plural(keys: { one: MessageKey; other: MessageKey }, count: number, language = uiLanguage()): string {
  const form = formatter(`plural ${language}`, () => new Intl.PluralRules(language)).select(count) === 'one' ? keys.one : keys.other;
  return t(form, formatNumber(count, language));
}
