/** Filtering and grouping the links of an episode for display; pure, so it is unit-tested. */
import { flattenOutline, type EpisodeLink, type OutlineNode } from '../episode/model';
import { foldForSearch } from '../episode/text';

export interface SearchableLink extends EpisodeLink {
  /** Position in the episode's links, stable across filtering. */
  index: number;
  host: string;
  /** What the link is called on screen: its text, or its news item when the text is the bare address. */
  label: string;
  /** The news item, when it says more than the label. */
  detail: string;
  searchText: string;
}

function isBareAddress(text: string): boolean {
  return text === '' || /^(?:https?:\/\/|www\.)\S*$/i.test(text);
}

/** What a link is called on screen, and its news item when that says more. */
export function labelAndDetail(link: Pick<EpisodeLink, 'url' | 'text' | 'context'>): { label: string; detail: string } {
  if (!isBareAddress(link.text)) return { label: link.text, detail: link.context === link.text ? '' : link.context };
  const title = link.context.split(link.text).join(' ').replace(/\s+/g, ' ').trim();
  return { label: title || link.url, detail: '' };
}

export function searchableLinks(links: EpisodeLink[]): SearchableLink[] {
  return links.map((link, index) => ({
    ...link,
    ...labelAndDetail(link),
    index,
    host: new URL(link.url).hostname.replace(/^www\./, ''),
    searchText: foldForSearch(`${link.text}\n${link.context}\n${link.url}`),
  }));
}

/** Every word of the query must appear in the link's text, context or address. */
export function filterLinks(links: SearchableLink[], query: string): SearchableLink[] {
  const words = foldForSearch(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return links;
  return links.filter((link) => words.every((word) => link.searchText.includes(word)));
}

export interface LinkGroup {
  sectionId: string | null;
  links: SearchableLink[];
}

/** Consecutive links of the same section, in document order. */
export function groupBySection(links: SearchableLink[]): LinkGroup[] {
  const groups: LinkGroup[] = [];
  for (const link of links) {
    const last = groups.at(-1);
    if (last && last.sectionId === link.sectionId) last.links.push(link);
    else groups.push({ sectionId: link.sectionId, links: [link] });
  }
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
