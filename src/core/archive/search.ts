/**
 * Search over the whole archive, offline: every episode's title and summary, section titles,
 * news items with their links' texts and addresses. MiniSearch (prefix matching, every word
 * required, ranked: episode titles, then sections, then news items) over text folded for case
 * and accents. The index is built once per archive update and stored as JSON; the journal only
 * loads it.
 */
import MiniSearch, { type Options, type SearchResult } from 'minisearch';
import type { Episode } from '../episode/model';
import { foldForSearch } from '../text/text';

export type ArchiveHitKind = 'episode' | 'section' | 'item';

/** What a search result shows and where it leads. */
export interface ArchiveHit {
  kind: ArchiveHitKind;
  /** The episode page, at the section's anchor for a section or a news item. */
  target: string;
  text: string;
  /** The links of a news item. */
  links: { url: string; text: string }[];
  episode: { url: string; number: number | null; title: string };
}

interface SearchDocument {
  id: number;
  kind: ArchiveHitKind;
  /** Every word of the notes, on the episode's own document: indexed, not stored. */
  notes: string;
  /** Index of the episode in the stored list. */
  episode: number;
  target: string;
  text: string;
  addresses: string;
  links: { url: string; text: string }[];
}

/** Title first, then a section, then a news item, as the listener looks for them. */
const KIND_BOOST: Record<ArchiveHitKind, number> = { episode: 8, section: 3, item: 1 };

/**
 * Folding a term (Unicode normalization) costs more than the rest of indexing it, and the
 * archive says the same few thousand words over and over: each is folded once.
 */
const foldedTerms = new Map<string, string>();

function foldTerm(term: string): string {
  let folded = foldedTerms.get(term);
  if (folded === undefined) foldedTerms.set(term, (folded = foldForSearch(term)));
  return folded;
}

const OPTIONS: Options<SearchDocument> = {
  fields: ['text', 'addresses', 'notes'],
  storeFields: ['kind', 'episode', 'target', 'text', 'links'],
  processTerm: foldTerm,
  searchOptions: {
    // A word anywhere in the notes finds its episode, below one in a title, a section or an item.
    boost: { notes: 0.25 },
    prefix: true,
    combineWith: 'AND',
    boostDocument: (_, __, stored) => KIND_BOOST[(stored?.['kind'] as ArchiveHitKind | undefined) ?? 'item'],
  },
};

/** The index as stored: the episodes it names, and MiniSearch's own JSON. */
export interface StoredSearchIndex {
  episodes: ArchiveHit['episode'][];
  index: string;
}

/** An episode to index, and the text of its notes where it is known. */
export interface IndexedEpisode {
  episode: Episode;
  text?: string;
}

function documentsOf({ episode, text = '' }: IndexedEpisode, episodeIndex: number, nextId: () => number): SearchDocument[] {
  const base = { episode: episodeIndex, links: [] as SearchDocument['links'], addresses: '', notes: '' };
  const documents: SearchDocument[] = [
    { ...base, id: nextId(), kind: 'episode', target: episode.url, text: `${episode.title}\n${episode.summary}`, notes: text },
  ];
  const sectionTitles = new Map<string, string>();
  const visit = (nodes: Episode['outline']) =>
    nodes.forEach((node) => {
      sectionTitles.set(node.id, node.title);
      documents.push({ ...base, id: nextId(), kind: 'section', target: `${episode.url}#${encodeURIComponent(node.id)}`, text: node.title });
      visit(node.children);
    });
  visit(episode.outline);
  // One news item per run of links that share their item, as the popup shows them.
  let item: SearchDocument | null = null;
  for (const link of episode.links) {
    if (!item || item.text !== link.context || item.target !== targetOf(episode, link.sectionId)) {
      item = { ...base, links: [], id: nextId(), kind: 'item', target: targetOf(episode, link.sectionId), text: link.context };
      documents.push(item);
    }
    item.links.push({ url: link.url, text: link.text });
    item.addresses += `${link.url.replace(/^https?:\/\/(?:www\.)?/, '')} ${link.text}\n`;
  }
  return documents;
}

function targetOf(episode: Episode, sectionId: string | null): string {
  return sectionId === null ? episode.url : `${episode.url}#${encodeURIComponent(sectionId)}`;
}

export function buildSearchIndex(episodes: IndexedEpisode[]): StoredSearchIndex {
  const search = new MiniSearch<SearchDocument>(OPTIONS);
  let id = 0;
  search.addAll(episodes.flatMap((entry, index) => documentsOf(entry, index, () => (id += 1))));
  return {
    episodes: episodes.map(({ episode: { url, number, title } }) => ({ url, number, title })),
    index: JSON.stringify(search),
  };
}

/** One episode of the results: whether its own document matched (title, summary, notes), and its passages that did, best first. */
export interface EpisodeResult {
  episode: ArchiveHit['episode'];
  passages: ArchiveHit[];
}

export interface ArchiveSearch {
  search(query: string, limit?: number): { hits: ArchiveHit[]; total: number };
  /**
   * The results grouped by episode, each once, best first: the sum of its matches' scores, so
   * that a title (weighted most) comes first, then the episodes that match most and where it
   * counts (section, item, text, address).
   */
  searchByEpisode(query: string, limit?: number): { episodes: EpisodeResult[]; total: number };
}

export function loadSearchIndex(stored: StoredSearchIndex): ArchiveSearch {
  const search = MiniSearch.loadJSON<SearchDocument>(stored.index, OPTIONS);
  const hitOf = (result: SearchResult): ArchiveHit => ({
    kind: result['kind'] as ArchiveHitKind,
    target: result['target'] as string,
    text: result['text'] as string,
    links: result['links'] as ArchiveHit['links'],
    episode: stored.episodes[result['episode'] as number]!,
  });
  const resultsOf = (query: string): SearchResult[] => {
    if (query.trim() === '') return [];
    const exact = search.search(query);
    // Where no word matches as typed, a typo of one letter in a word of six or more still finds
    // it. Only then: tried on every search, it took precision on the corpus from 0.91 to 0.45.
    return exact.length > 0 ? exact : search.search(query, { fuzzy: (term) => (term.length >= 6 ? 1 : false) });
  };
  return {
    search(query, limit = 100) {
      const results = resultsOf(query);
      return { hits: results.slice(0, limit).map(hitOf), total: results.length };
    },
    searchByEpisode(query, limit = 50) {
      const groups = new Map<number, { score: number; results: SearchResult[] }>();
      for (const result of resultsOf(query)) {
        const index = result['episode'] as number;
        const group = groups.get(index) ?? { score: 0, results: [] };
        group.score += result.score;
        group.results.push(result);
        groups.set(index, group);
      }
      const ranked = [...groups].sort(([, a], [, b]) => b.score - a.score);
      const episodes = ranked.slice(0, limit).map(([index, group]) => ({
        episode: stored.episodes[index]!,
        passages: group.results.filter((result) => result['kind'] !== 'episode').map(hitOf),
      }));
      return { episodes, total: ranked.length };
    },
  };
}
