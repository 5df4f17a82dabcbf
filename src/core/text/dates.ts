/** Calendar days and timestamps as the project writes them, and the months as the notes name them in French. */
import { withoutAccents } from './text';

/** A calendar day as `YYYY-MM-DD`, month from 1. */
export function isoDay(year: number, month: number, day: number): string {
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function isRealDay(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
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
  return FRENCH_MONTHS[withoutAccents(name).toLowerCase()];
}
