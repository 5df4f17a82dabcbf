/** Calendar days and timestamps as the project writes them, and the months as the notes name them in French. */
import { withoutAccents } from './text';

/** A calendar day as `YYYY-MM-DD`, month from 1. */
export function isoDay(year: number, month: number, day: number): string {
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * Whether the day exists, reckoned without a Date (the parsers ask for every date of the notes),
 * as a Date would tell in the years it holds whole, but for 0–99, which `Date.UTC` reads as 1900–1999.
 */
export function isRealDay(year: number, month: number, day: number): boolean {
  if (![year, month, day].every(Number.isSafeInteger) || (year >= 0 && year < 100)) return false;
  if (year < -271_820 || year > 275_759 || month < 1 || month > 12) return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return day >= 1 && day <= (month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1]!);
}

const CALENDAR_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})T([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d)(?:\.\d{1,9})?)?(?:Z|[+-](?:[01]\d|2[0-3]):[0-5]\d)$/;

/** A day of the calendar written `YYYY-MM-DD`: `2021-02-31` is none. */
export function isCalendarDay(value: unknown): value is string {
  const match = typeof value === 'string' ? CALENDAR_DAY.exec(value) : null;
  return match !== null && isRealDay(Number(match[1]), Number(match[2]), Number(match[3]));
}

/** An ISO 8601 date and time with its offset (`2026-11-28T10:00:00.000Z`), as `toISOString` writes. */
export function isIsoTimestamp(value: unknown): value is string {
  const match = typeof value === 'string' ? ISO_TIMESTAMP.exec(value) : null;
  return match !== null && isRealDay(Number(match[1]), Number(match[2]), Number(match[3]));
}

/** Today in the listener's own time zone, as `YYYY-MM-DD`. */
export function localToday(now = new Date()): string {
  return isoDay(now.getFullYear(), now.getMonth() + 1, now.getDate());
}

// prettier-ignore
const FRENCH_MONTHS: Record<string, number> = {
  janvier: 1, fevrier: 2, mars: 3, avril: 4, mai: 5, juin: 6,
  juillet: 7, aout: 8, septembre: 9, octobre: 10, novembre: 11, decembre: 12,
};

/** The month a French name gives (any case, accents or none: `Février`, `fevrier`), from 1; undefined for any other word. */
export function frenchMonth(name: string): number | undefined {
  const lower = name.toLowerCase();
  // Most names have no accent to take off, and taking them off is the costly step.
  const key = Object.hasOwn(FRENCH_MONTHS, lower) ? lower : withoutAccents(lower);
  return Object.hasOwn(FRENCH_MONTHS, key) ? FRENCH_MONTHS[key] : undefined;
}
