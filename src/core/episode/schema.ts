/**
 * The one check of the `Episode` shape, in depth: every field, every outline node and link, and
 * the address rules (the page of a post of the site, absolute http(s) for everything else). Import
 * files and records read back from storage both go through it, so that no view ever draws a
 * record it cannot read. The parsers' output passes it too (the corpus tests check).
 */
import * as v from 'valibot';
import { flattenOutline, type Episode, type OutlineNode } from './model';
import { MAX_EPISODE_HEADINGS, MAX_EPISODE_LINKS } from './notes';
import { isCalendarDay, isIsoTimestamp } from '../text/dates';
import { isCanonicalPageUrl, isHttpUrl } from './urls';

/** The message of a failed date check, so that a refusal can say "a date" rather than "the shape". */
export const BAD_DATE = 'bad-date';

export const calendarDay = v.pipe(
  v.string(),
  v.check((day: string) => isCalendarDay(day), BAD_DATE),
);
export const isoTimestamp = v.pipe(
  v.string(),
  v.check((value: string) => isIsoTimestamp(value), BAD_DATE),
);
export const httpAddress = v.pipe(
  v.string(),
  v.check((url: string) => isHttpUrl(url)),
);
/** The address of an episode page, as `canonicalPageUrl` gives it. */
export const pageAddress = v.pipe(v.string(), v.check(isCanonicalPageUrl));

/**
 * Heading levels run from 1 to 6 and a subsection is deeper than its section, so an outline is at
 * most six levels deep: the schema of each level knows how deep it is, and no input, however
 * nested, makes the check recurse further.
 */
function outlineLevel(depth: number): v.GenericSchema<unknown, OutlineNode> {
  return v.object({
    id: v.string(),
    level: v.pipe(v.number(), v.integer(), v.minValue(depth), v.maxValue(6)),
    title: v.string(),
    children: depth < 6 ? v.array(v.lazy(() => outlineLevel(depth + 1))) : v.pipe(v.array(v.unknown()), v.length(0)),
  }) as v.GenericSchema<unknown, OutlineNode>;
}

export const episodeSchema: v.GenericSchema<unknown, Episode> = v.object({
  id: v.pipe(v.string(), v.minLength(1)),
  number: v.nullable(v.pipe(v.number(), v.safeInteger(), v.minValue(0))),
  title: v.string(),
  url: pageAddress,
  publishedOn: calendarDay,
  recordedOn: v.nullable(calendarDay),
  author: v.string(),
  team: v.array(v.string()),
  summary: v.string(),
  audio: v.nullable(v.object({ url: httpAddress, bytes: v.nullable(v.pipe(v.number(), v.safeInteger(), v.minValue(0))) })),
  video: v.nullable(httpAddress),
  outline: v.pipe(
    v.array(outlineLevel(1)),
    v.check((outline) => flattenOutline(outline).length <= MAX_EPISODE_HEADINGS),
  ),
  links: v.pipe(
    v.array(
      v.object({
        url: httpAddress,
        text: v.string(),
        context: v.string(),
        sectionId: v.nullable(v.string()),
      }),
    ),
    v.maxLength(MAX_EPISODE_LINKS),
  ),
  // Copies kept before conferences were read have none until their source is read again.
  conferences: v.optional(
    v.pipe(
      v.array(
        v.object({
          name: v.string(),
          url: httpAddress,
          startsOn: v.nullable(calendarDay),
          endsOn: v.nullable(calendarDay),
          city: v.nullable(v.string()),
          country: v.nullable(v.string()),
          online: v.boolean(),
          cfp: v.nullable(v.object({ url: v.nullable(httpAddress), closesOn: v.nullable(calendarDay) })),
        }),
      ),
      v.maxLength(MAX_EPISODE_LINKS),
    ),
    [],
  ),
});
