/**
 * The conferences an episode's "Conférences" section announces (any heading level, "Conférences
 * à venir" too). Since late 2022 each is a list item: `22-25 janvier 2025 : [SnowCamp 2025](…)
 * - Grenoble (France)` and a CfP badge (`<a href="…"><img alt="CFP …" src="…message=until%2015-October-2024…"></a>`);
 * older posts give a line of free text around a link, whose dates are read where certain. The
 * markdown source and the rendered notes give the same lines (`ConferenceLine`), read here once.
 */
import { isCalendarDay, isoDay } from '../text/dates';
import { collapseWhitespace } from '../text/text';
import { readFrenchDates } from './frenchDates';

/** A call for papers, from the badge of a conference item. */
export interface CallForPapers {
  url: string | null;
  /** `YYYY-MM-DD`, or null where the badge gives no day that exists */
  closesOn: string | null;
}

/** A conference the notes' "Conférences" section announces . */
export interface ConferenceItem {
  name: string;
  url: string;
  /** `YYYY-MM-DD`, or null where the notes do not say it for certain */
  startsOn: string | null;
  endsOn: string | null;
  city: string | null;
  country: string | null;
  online: boolean;
  cfp: CallForPapers | null;
}

/** A conference item and every episode that announced it, newest first. */
export interface Conference extends ConferenceItem {
  episodeIds: string[];
}

/** An image after the conference's link (a badge), with the address of the link it stands in. */
export interface Badge {
  source: string;
  alt: string;
  href: string | null;
}

/** One line of a conference section, as either form of the notes gives it. */
export interface ConferenceLine {
  /** A list item (the form since late 2022), or a line of free text. */
  listed: boolean;
  /** The text before the first link. */
  before: string;
  name: string;
  url: string;
  /** The text after the link, markup left out. */
  after: string;
  badges: Badge[];
}

const PLACE = /^(.*?)\s*\(([^()]+)\)$/;
const MONTH_WORDS = /\b(janvier|f[ée]vrier|mars|avril|mai|juin|juillet|ao[uû]t|septembre|octobre|novembre|d[ée]cembre)\b/i;
/** Badge messages write months in English, abbreviated or not, and now and then in French. */
// prettier-ignore
const MONTH_PREFIXES: [RegExp, number][] = [
  [/^juil|^jul/, 7], [/^jan/, 1], [/^f[eé]v|^feb/, 2], [/^mar/, 3], [/^a[pv]r/, 4], [/^ma[iy]/, 5],
  [/^jui?n|^jun/, 6], [/^ao[uû]|^aug/, 8], [/^sep/, 9], [/^oct/, 10], [/^nov/, 11], [/^d[eé]c/, 12],
];

function monthNumber(word: string): number | null {
  const lower = word.toLowerCase();
  return MONTH_PREFIXES.find(([prefix]) => prefix.test(lower))?.[1] ?? null;
}

/**
 * The closing day a CfP badge gives (`until 15-October-2024`, `from … to November-13-2022`,
 * `until 14-Jan-2024`); a date without its year (`until 15-June`) is left out, not guessed.
 */
function closingDay(message: string): string | null {
  const last = [...message.matchAll(/(?:(\d{1,2})-(\p{L}+)|(\p{L}+)-(\d{1,2}))-?(\d{4})/giu)].at(-1);
  const month = last ? monthNumber(last[2] ?? last[3]!) : null;
  if (!last || month === null) return null;
  const day = isoDay(Number(last[5]), month, Number(last[1] ?? last[4]));
  return isCalendarDay(day) ? day : null;
}

function callForPapers(badges: Badge[]): CallForPapers | null {
  const badge = badges.find(({ source, alt }) => /label=CFP/i.test(source) || /^CFP\b/i.test(alt));
  if (!badge) return null;
  const message = decodeURIComponent(/message=([^&"]*)/.exec(badge.source)?.[1] ?? '').replace(/\+/g, ' ');
  return { url: badge.href && /^https?:\/\//i.test(badge.href) ? badge.href : null, closesOn: closingDay(message) };
}

function conferenceOfLine(line: ConferenceLine): ConferenceItem {
  // Modern items put the dates before the link; old lines put them in its label or around it.
  const dates =
    line.listed && /:\s*$/.test(line.before) ? readFrenchDates(line.before) : readFrenchDates(`${line.name} ${line.before} ${line.after}`);
  const location = /^\s*-\s*(.*)$/.exec(line.after)?.[1] ?? '';
  const places = location
    .split(/\s*&\s*/)
    .map((place) => place.trim())
    .filter(Boolean);
  const place = places.map((each) => PLACE.exec(each)).find((match) => match !== null);
  return {
    name: collapseWhitespace(line.name),
    url: line.url,
    ...dates,
    city: place ? place[1]!.trim() || null : null,
    country: place ? place[2]!.trim() : null,
    online: places.some((each) => /^online$/i.test(each)),
    cfp: callForPapers(line.badges),
  };
}

/**
 * The conferences of a section's lines: where the section is a list of dated items, those items;
 * in older free text, the lines that name a month (not the section's intro).
 */
export function conferencesOfLines(lines: ConferenceLine[]): ConferenceItem[] {
  const listed = lines.some((line) => line.listed && /^\s*\d/.test(line.before));
  return lines
    .filter((line) => /^https?:\/\//i.test(line.url))
    .filter((line) => (listed ? line.listed && /^\s*\d/.test(line.before) : MONTH_WORDS.test(`${line.before} ${line.name} ${line.after}`)))
    .map(conferenceOfLine);
}

const yearOf = (conference: ConferenceItem) => conference.startsOn?.slice(0, 4) ?? '';

/**
 * The same conference announced in many episodes is one (same address and year, or same name and
 * dates): the newest episode's entry wins, and every announcing episode is named. `episodes` are
 * given newest first.
 */
export function mergeConferences(episodes: { id: string; conferences: ConferenceItem[] }[]): Conference[] {
  const merged: Conference[] = [];
  const byAddress = new Map<string, Conference>();
  const byNameAndDates = new Map<string, Conference>();
  for (const { id, conferences } of episodes) {
    for (const conference of conferences) {
      const addressKey = `${conference.url.replace(/\/$/, '')}|${yearOf(conference)}`;
      const nameKey = `${conference.name.toLowerCase()}|${conference.startsOn}|${conference.endsOn}`;
      const kept = byAddress.get(addressKey) ?? (conference.startsOn ? byNameAndDates.get(nameKey) : undefined);
      if (kept) {
        if (!kept.episodeIds.includes(id)) kept.episodeIds.push(id);
        continue;
      }
      const entry = { ...conference, episodeIds: [id] };
      merged.push(entry);
      byAddress.set(addressKey, entry);
      byNameAndDates.set(nameKey, entry);
    }
  }
  return merged;
}
