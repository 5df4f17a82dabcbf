/** Small text rules shared by both parsers, so that they read the same things the same way. */

const WHITESPACE_RUN = /\s+/g;
const WHITESPACE_TO_FOLD = /[^\S ]| {2}|^ | $/;

export function collapseWhitespace(text: string): string {
  // Most lines need nothing; testing first spares a copy of each.
  return WHITESPACE_TO_FOLD.test(text) ? text.replace(WHITESPACE_RUN, ' ').trim() : text;
}

/**
 * An absolute http(s) address that the URL parser would return unchanged: lower-case host whose
 * last label is no number (that would be an IPv4 address), no port, a path, no character it
 * would percent-encode. Most links of the notes are such, and skipping the parser for them
 * halves the cost of collecting links. Dot segments (`/./`, `/%2e/`) are ruled out apart.
 */
const PLAIN_HTTP_URL = /^https?:\/\/(?:[a-z0-9-]+\.)*[a-z][a-z0-9-]*\/[A-Za-z0-9\-._~:/?#[\]@!$&()*+,;=%]*$/;
const MAYBE_DOT_SEGMENT = /\/\.|\/%2e/i;

function isAlreadyNormalHttpUrl(href: string): boolean {
  return PLAIN_HTTP_URL.test(href) && !MAYBE_DOT_SEGMENT.test(href);
}

/** A markdown backslash escape: only ASCII punctuation can be escaped. */
export const ESCAPED_PUNCTUATION = /\\([!-\/:-@[-`{-~])/g;

/**
 * An http(s) address from an href as written, or null for any other scheme or for text that is
 * no address. Relative addresses resolve against the page they stand on.
 */
export function httpUrlOf(href: string, base: string): string | null {
  if (isAlreadyNormalHttpUrl(href)) return href;
  let url: URL;
  try {
    // kramdown leaves markdown backslash escapes in hrefs (`Comet_\(programming\)`), and a
    // browser would read each backslash as a slash.
    url = new URL(href.trim().replace(ESCAPED_PUNCTUATION, '$1'), base);
  } catch {
    return null;
  }
  return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
}

// prettier-ignore
const FRENCH_MONTHS: Record<string, number> = {
  janvier: 1, fevrier: 2, mars: 3, avril: 4, mai: 5, juin: 6,
  juillet: 7, aout: 8, septembre: 9, octobre: 10, novembre: 11, decembre: 12,
};
const RECORDED_ON =
  /enregistr[ée]e?s?\s+le\s+(?:(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)\s+)?(\d{1,2})(?:er)?\s+([a-zéèêûô]+)(?:\s+(\d{4}))?/iu;

function withoutAccents(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '');
}

/** Lower case, accents dropped, for searching: "Écouté" and "ecoute" match. */
export function foldForSearch(text: string): string {
  return withoutAccents(text).toLowerCase();
}

/** A calendar day as `YYYY-MM-DD`, month from 1. */
export function isoDay(year: number, month: number, day: number): string {
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function isRealDay(year: number, month: number, day: number): boolean {
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

/**
 * The recording date of "Enregistré le 1er juillet 2021" (any case, an optional weekday).
 * Notes that omit the year were recorded shortly before publication, so the year is the one
 * that puts the date on or before `publishedOn`.
 */
export function parseRecordedOn(text: string, publishedOn: string): string | null {
  const match = RECORDED_ON.exec(text);
  if (!match) return null;
  const day = Number(match[1]);
  const month = FRENCH_MONTHS[withoutAccents(match[2]!).toLowerCase()];
  if (!month || day < 1 || day > 31) return null;
  let year = match[3] ? Number(match[3]) : Number(publishedOn.slice(0, 4));
  if (!match[3] && isoDay(year, month, day) > publishedOn) year -= 1;
  if (!isRealDay(year, month, day)) return null;
  return isoDay(year, month, day);
}

/** The episode number an mp3 address of the site's feed carries, e.g. `…-Episode-262.mp3`. */
export function episodeNumberOfAudioUrl(url: string): number | null {
  const match = /Episode-(\d+)\.mp3$/i.exec(url);
  return match ? Number(match[1]) : null;
}

export function audioUrlOf(episodeNumber: number): string {
  return `https://traffic.libsyn.com/lescastcodeurs/LesCastCodeurs-Episode-${episodeNumber}.mp3`;
}

/** The front matter's `youtube` holds a video id or a whole address; the page links either. */
export function videoUrlOf(youtube: string): string {
  const value = youtube.trim();
  return /^https?:\/\//i.test(value) ? value : `https://www.youtube.com/watch?v=${value}`;
}
