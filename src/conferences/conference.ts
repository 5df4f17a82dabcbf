/**
 * The conferences an episode's "Conférences" section announces (any heading level, "Conférences
 * à venir" too), read from the post's markdown source. Since late 2022 each is a list item:
 * `- 22-25 janvier 2025 : [SnowCamp 2025](https://snowcamp.io/) - Grenoble (France) <a href="…"><img
 * alt="CFP SnowCamp 2025" src="https://img.shields.io/static/v1?label=CFP&message=until%2015-October-2024…"></a>`;
 * older posts give a line of free text around a link, whose dates are read where certain.
 */
import { isCalendarDay, isoDay } from '../episode/text';
import { readFrenchDates } from './frenchDates';

export interface CallForPapers {
  url: string | null;
  /** `YYYY-MM-DD`, or null where the badge gives no date */
  closesOn: string | null;
}

export interface Conference {
  name: string;
  url: string;
  startsOn: string | null;
  endsOn: string | null;
  city: string | null;
  country: string | null;
  online: boolean;
  cfp: CallForPapers | null;
  /** The episodes that announced it, newest first. */
  episodeIds: string[];
}

const SECTION_HEADING = /^(#{1,6})\s+Conf[ée]rences\b.*$/i;
const ANY_HEADING = /^(#{1,6})\s/;
const LINK = /\[((?:[^\][\\]|\\.|\[[^\]]*\])*)\]\(([^\s()]+(?:\([^\s()]*\)[^\s()]*)*)\)/;
const LOCATION = /^\s*-\s*([^<]*?)\s*(?=<|$)/;
const PLACE = /^(.*?)\s*\(([^()]+)\)$/;
const IMAGE = /<img\b[^>]*>/gi;
const OPENING_LINK = /<a\b([^>]*)>/gi;
const ATTRIBUTE = (name: string) => new RegExp(`\\b${name}\\s*=\\s*"([^"]*)"`, 'i');
/** Badge messages write months in English, abbreviated or not, and now and then in French. */
// prettier-ignore
const MONTH_PREFIXES: [RegExp, number][] = [
  [/^jan/, 1], [/^f[eé]v|^feb/, 2], [/^mar/, 3], [/^a[pv]r/, 4], [/^ma[iy]/, 5], [/^jui?n|^jun/, 6],
  [/^juil|^jul/, 7], [/^ao[uû]|^aug/, 8], [/^sep/, 9], [/^oct/, 10], [/^nov/, 11], [/^d[eé]c/, 12],
];
const MONTH_WORDS = /\b(janvier|f[ée]vrier|mars|avril|mai|juin|juillet|ao[uû]t|septembre|octobre|novembre|d[ée]cembre)\b/i;

/** The lines of the post's conference sections. */
function sectionLines(markdown: string): string[] {
  const lines: string[] = [];
  let level = 0;
  for (const line of markdown.split(/\r?\n/)) {
    const heading = ANY_HEADING.exec(line);
    if (heading) level = SECTION_HEADING.test(line) ? heading[1]!.length : level && heading[1]!.length <= level ? 0 : level;
    else if (level) lines.push(line);
  }
  return lines;
}

function monthNumber(word: string): number | null {
  const lower = word.toLowerCase();
  // "juil" before "jui": July is checked first.
  const july = MONTH_PREFIXES[6]!;
  if (july[0].test(lower)) return july[1];
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

function callForPapers(rest: string): CallForPapers | null {
  for (const image of rest.matchAll(IMAGE)) {
    const source = ATTRIBUTE('src').exec(image[0])?.[1] ?? '';
    const alt = ATTRIBUTE('alt').exec(image[0])?.[1] ?? '';
    if (!/label=CFP/i.test(source) && !/^CFP\b/i.test(alt)) continue;
    const message = decodeURIComponent(/message=([^&"]*)/.exec(source)?.[1] ?? '').replace(/\+/g, ' ');
    // The badge's link is the last one opened before it (`hret`, a typo some items carry, too).
    const link = [...rest.slice(0, image.index).matchAll(OPENING_LINK)].at(-1);
    const url = link ? (/\b(?:href|hret)\s*=\s*"([^"]*)"/i.exec(link[1]!)?.[1] ?? null) : null;
    return { url: url && /^https?:\/\//i.test(url) ? url : null, closesOn: closingDay(message) };
  }
  return null;
}

function unescapeLabel(label: string): string {
  return label.replace(/\\(.)/g, '$1').trim();
}

function conferenceOfLine(line: string, episodeId: string): Conference | null {
  const item = /^\s*[-*+]\s+(.*)$/.exec(line);
  const text = (item ? item[1] : line)!;
  const link = LINK.exec(text);
  if (!link || !/^https?:\/\//i.test(link[2]!)) return null;
  const before = text.slice(0, link.index);
  const after = text.slice(link.index + link[0].length);
  // Modern items put the dates before the link; old lines put them in its label or around it.
  const dates = item && /:\s*$/.test(before) ? readFrenchDates(before) : readFrenchDates(`${link[1]} ${before} ${after}`);
  const location = LOCATION.exec(after)?.[1] ?? '';
  const places = location.split(/\s*&\s*/).filter(Boolean);
  const online = places.some((place) => /^online$/i.test(place));
  const place = places.map((each) => PLACE.exec(each)).find((match) => match !== null);
  return {
    name: unescapeLabel(link[1]!),
    url: link[2]!,
    ...dates,
    city: place ? place[1]!.trim() || null : null,
    country: place ? place[2]!.trim() : null,
    online,
    cfp: callForPapers(after),
    episodeIds: [episodeId],
  };
}

/** Every conference item of a post's source, in the order written. */
export function conferencesOfMarkdown(markdown: string, episodeId: string): Conference[] {
  const lines = sectionLines(markdown);
  const listed = lines.some((line) => /^\s*[-*+]\s+\d/.test(line));
  // Where the section is a list of dated items, only those are conferences; in older free text,
  // the lines that name a month (not the section's intro).
  const candidates = lines.filter((line) => (listed ? /^\s*[-*+]\s+\d/.test(line) : MONTH_WORDS.test(line)));
  return candidates.flatMap((line) => conferenceOfLine(line, episodeId) ?? []);
}

const yearOf = (conference: Conference) => conference.startsOn?.slice(0, 4) ?? '';

/**
 * The same conference announced in many episodes is one (same address and year, or same name and
 * dates): the newest episode's entry wins, and every announcing episode is named. `lists` are
 * the conferences of each episode, newest episode first.
 */
export function mergeConferences(lists: Conference[][]): Conference[] {
  const merged: Conference[] = [];
  const byAddress = new Map<string, Conference>();
  const byNameAndDates = new Map<string, Conference>();
  for (const conferences of lists) {
    for (const conference of conferences) {
      const addressKey = `${conference.url.replace(/\/$/, '')}|${yearOf(conference)}`;
      const nameKey = `${conference.name.toLowerCase()}|${conference.startsOn}|${conference.endsOn}`;
      const kept = byAddress.get(addressKey) ?? (conference.startsOn ? byNameAndDates.get(nameKey) : undefined);
      if (kept) {
        for (const id of conference.episodeIds) if (!kept.episodeIds.includes(id)) kept.episodeIds.push(id);
        continue;
      }
      const entry = { ...conference, episodeIds: [...conference.episodeIds] };
      merged.push(entry);
      byAddress.set(addressKey, entry);
      byNameAndDates.set(nameKey, entry);
    }
  }
  return merged;
}
