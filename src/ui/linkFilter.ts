/** Filtering and grouping the links of an episode for display; pure, so it is unit-tested. */
import { flattenOutline, type Episode, type EpisodeLink, type OutlineNode } from '../core/episode/model';
import { CLOSING_SECTION, sectionsTitled } from '../core/archive/citations';
import { foldForSearch } from '../core/text/text';
import { CONFERENCE_SECTION } from '../core/conferences/section';

export interface SearchableLink extends EpisodeLink {
  /** Position in the episode's links, stable across filtering. */
  index: number;
  host: string;
  /** What the link is called on screen: its text, or its address without the scheme when the text is the address. */
  label: string;
  /** True when the label is the address itself, which then needs no host beside it. */
  labelIsAddress: boolean;
  searchText: string;
}

function isBareAddress(text: string): boolean {
  return text === '' || /^(?:https?:\/\/|www\.)\S*$/i.test(text);
}

const SHORT_ADDRESS_LENGTH = 60;

/** An address as a reader names it: no scheme, no `www.`, no trailing slash, cut if long. */
export function shortAddress(url: string): string {
  const short = url.replace(/^https?:\/\/(?:www\.)?/i, '').replace(/\/$/, '');
  return short.length > SHORT_ADDRESS_LENGTH ? `${short.slice(0, SHORT_ADDRESS_LENGTH - 1)}…` : short;
}

export function searchableLinks(links: EpisodeLink[]): SearchableLink[] {
  return links.map((link, index) => {
    const labelIsAddress = isBareAddress(link.text);
    return {
      ...link,
      index,
      host: new URL(link.url).hostname.replace(/^www\./, ''),
      label: labelIsAddress ? shortAddress(link.url) : link.text,
      labelIsAddress,
      searchText: foldForSearch(`${link.text}\n${link.context}\n${link.url}`),
    };
  });
}

/** Every word of the query must appear in the link's text, context or address. */
export function filterLinks(links: SearchableLink[], query: string): SearchableLink[] {
  const words = foldForSearch(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return links;
  return links.filter((link) => words.every((word) => link.searchText.includes(word)));
}

/** A news item and its links, the item's text drawn once above them. */
export interface NewsItem {
  /** The item without the bare addresses of its links; empty when the item is only its link. */
  text: string;
  links: SearchableLink[];
}

export interface LinkGroup {
  sectionId: string | null;
  items: NewsItem[];
}

const ITEM_PUNCTUATION_LEFT = /^[\s:–—-]+|[\s:–—-]+$/g;

function newsItemText(context: string, links: SearchableLink[]): string {
  let text = context;
  for (const link of links) if (link.labelIsAddress && link.text) text = text.split(link.text).join(' ');
  text = text.replace(/\s+/g, ' ').replace(ITEM_PUNCTUATION_LEFT, '');
  return links.length === 1 && text === links[0]!.label ? '' : text;
}

/** Consecutive links by section, then by news item, in document order. */
export function groupLinks(links: SearchableLink[]): LinkGroup[] {
  const groups: LinkGroup[] = [];
  for (const link of links) {
    let group = groups.at(-1);
    if (!group || group.sectionId !== link.sectionId) groups.push((group = { sectionId: link.sectionId, items: [] }));
    const item = group.items.at(-1);
    if (item && item.links[0]!.context === link.context) item.links.push(link);
    else group.items.push({ text: '', links: [link] });
  }
  for (const group of groups) for (const item of group.items) item.text = newsItemText(item.links[0]!.context, item.links);
  return groups;
}

export function sectionTitles(outline: OutlineNode[]): Map<string, string> {
  return new Map(flattenOutline(outline).map((node) => [node.id, node.title]));
}

/** How many links each section holds, its subsections included. */
export function linkCountsBySection(outline: OutlineNode[], links: EpisodeLink[]): Map<string, number> {
  const own = new Map<string, number>();
  for (const link of links) if (link.sectionId !== null) own.set(link.sectionId, (own.get(link.sectionId) ?? 0) + 1);
  const counts = new Map<string, number>();
  const visit = (node: OutlineNode): number => {
    const total = node.children.reduce((sum, child) => sum + visit(child), own.get(node.id) ?? 0);
    counts.set(node.id, total);
    return total;
  };
  outline.forEach(visit);
  return counts;
}

function escapeMarkdownLabel(text: string): string {
  return text.replace(/([\\[\]])/g, '\\$1');
}

export function markdownList(links: SearchableLink[]): string {
  return links.map((link) => `- [${escapeMarkdownLabel(link.label)}](${link.url.replace(/\)/g, '%29')})`).join('\n');
}

/**
 * The sections whose links the popup shows as its conference table rather than as links: a
 * "Conférences" section and those under it, where the notes' conferences were read.
 */
export function conferenceSectionIds(outline: OutlineNode[]): Set<string> {
  const ids = new Set<string>();
  const visit = (nodes: OutlineNode[], inside: boolean) =>
    nodes.forEach((node) => {
      const conference = inside || CONFERENCE_SECTION.test(node.title);
      if (conference) ids.add(node.id);
      visit(node.children, conference);
    });
  visit(outline, false);
  return ids;
}

/** The links the list shows: the conference section's are its table's (ConferenceTable), where its conferences were read. */
export function listedLinks(episode: Episode): SearchableLink[] {
  const inTable = episode.conferences.length > 0 ? conferenceSectionIds(episode.outline) : new Set<string>();
  const closing = sectionsTitled(CLOSING_SECTION, episode.outline);
  return searchableLinks(episode.links).filter(
    (link) => link.sectionId === null || (!inTable.has(link.sectionId) && !closing.has(link.sectionId)),
  );
}

/** The links of the show's closing sections ("Nous contacter"): folded at the end, in no count. */
export function closingLinks(episode: Episode): EpisodeLink[] {
  const closing = sectionsTitled(CLOSING_SECTION, episode.outline);
  return episode.links.filter((link) => link.sectionId !== null && closing.has(link.sectionId));
}
