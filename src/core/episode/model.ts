/**
 * The one shape of an episode, shared by the parsers, the storage, the popup and the log.
 * Plain JSON on purpose: it is stored in IndexedDB and exported as is.
 */
import type { ConferenceItem } from '../conferences/conference';
import { collapseWhitespace } from '../text/text';

export interface OutlineNode {
  /** The id the site puts on the heading (kramdown GFM ids), so `#id` lands on it. */
  id: string;
  level: number;
  title: string;
  children: OutlineNode[];
}

export interface EpisodeLink {
  url: string;
  text: string;
  /** The news item the link belongs to: its title line, or its list item or paragraph text. */
  context: string;
  /** The id of the nearest heading above the link, or null before the first heading. */
  sectionId: string | null;
}

export interface EpisodeAudio {
  url: string;
  /** Size of the mp3 from the front matter; the rendered page does not show it. */
  bytes: number | null;
}

export interface Episode {
  /** `lcc-262` for numbered episodes, the post slug otherwise. */
  id: string;
  number: number | null;
  title: string;
  /** Canonical page address, `https://lescastcodeurs.com/YYYY/MM/DD/slug/`. */
  url: string;
  /** `YYYY-MM-DD` */
  publishedOn: string;
  /** `YYYY-MM-DD`, from the "Enregistré le …" line of the notes. */
  recordedOn: string | null;
  author: string;
  team: string[];
  summary: string;
  audio: EpisodeAudio | null;
  video: string | null;
  outline: OutlineNode[];
  links: EpisodeLink[];
  conferences: ConferenceItem[];
}

/** Which of the two forms of a post an episode was read from. */
export type EpisodeSource = 'markdown' | 'page';

/** Thrown for input that is not a post at all; anything that is a post parses. */
export class NotAPostError extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'NotAPostError';
  }
}

export function episodeId(number: number | null, slug: string): string {
  return number === null ? slug : `lcc-${number}`;
}

/** The number an episode's id names (`lcc-262`), or null for the id of an episode without one (its slug). */
export function numberOfEpisodeId(id: string): number | null {
  const match = /^lcc-(\d+)$/.exec(id);
  return match ? Number(match[1]) : null;
}

/** Every heading of an outline, in document order (each before its subsections). */
export function flattenOutline(outline: OutlineNode[]): OutlineNode[] {
  return outline.flatMap((node) => [node, ...flattenOutline(node.children)]);
}

/** The longest title the site has is under 160 characters: a page whose title passes this is cut, not drawn whole. */
export const MAX_TITLE_CHARS = 300;

/** An episode's title from the text a source gives (its slug when it gives none), on one line, cut past MAX_TITLE_CHARS. */
export function titleOf(text: string, slug: string): string {
  const title = collapseWhitespace(text.length > 4 * MAX_TITLE_CHARS ? text.slice(0, 4 * MAX_TITLE_CHARS) : text) || slug;
  return title.length > MAX_TITLE_CHARS ? `${title.slice(0, MAX_TITLE_CHARS - 1)}…` : title;
}
