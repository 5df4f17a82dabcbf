/**
 * Search over the whole archive, offline: every episode's title and summary, section titles,
 * news items with their links' texts and addresses, every word of its notes. MiniSearch (prefix
 * matching, every word required, ranked: episode titles, then sections, then news items; by
 * episode, those holding some of several words after those holding all; "quoted" phrases) over
 * text folded for case and accents. The index is stored as JSON and updated with the episodes an
 * archive update brought or changed; the journal only loads it.
 */
import MiniSearch, { type Options, type SearchResult } from 'minisearch';
import type { Episode } from '../episode/model';
import { foldForSearch } from '../text/text';

/** Text as a phrase is looked for in it: folded, every run of what is not a letter or a digit one space. */
const phraseText = (text: string) =>
  ` ${foldForSearch(text)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()} `;

/** A query's phrases (in double quotes, as phrase texts) and all its words, quoted or not. */
export function parseQuery(query: string): { words: string; phrases: string[] } {
  const phrases = [...query.matchAll(/"([^"]+)"/g)].map((match) => phraseText(match[1]!)).filter((phrase) => phrase.trim() !== '');
  return { words: query.replaceAll('"', ' '), phrases };
}

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

/**
 * The index as stored: the episodes it names, and MiniSearch's own JSON. From version 2 an
 * episode's documents have the ids of its slot (its place in `episodes`), so that an update
 * finds them to replace; an index without a version is built anew.
 */
export interface StoredSearchIndex {
  version?: number;
  episodes: ArchiveHit['episode'][];
  index: string;
}

export const SEARCH_INDEX_VERSION = 2;
/** Ids per episode slot: an episode's documents are `slot * SLOT_IDS + 1` on, none past the slot. */
const SLOT_IDS = 2 ** 20;

/** An episode to index, and the text of its notes where it is known. */
export interface IndexedEpisode {
  episode: Episode;
  text?: string;
}

function documentsOf({ episode, text = '' }: IndexedEpisode, episodeIndex: number): SearchDocument[] {
  let id = episodeIndex * SLOT_IDS;
  const nextId = () => (id += 1);
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
  // Only notes no episode has (a million links) pass a slot; what is past it is not found.
  return documents.slice(0, SLOT_IDS - 1);
}

function targetOf(episode: Episode, sectionId: string | null): string {
  return sectionId === null ? episode.url : `${episode.url}#${encodeURIComponent(sectionId)}`;
}

const hitEpisodeOf = ({ url, number, title }: Episode): ArchiveHit['episode'] => ({ url, number, title });

export function buildSearchIndex(episodes: IndexedEpisode[]): StoredSearchIndex {
  const search = new MiniSearch<SearchDocument>(OPTIONS);
  search.addAll(episodes.flatMap((entry, slot) => documentsOf(entry, slot)));
  return { version: SEARCH_INDEX_VERSION, episodes: episodes.map((entry) => hitEpisodeOf(entry.episode)), index: JSON.stringify(search) };
}

/**
 * The stored index with `changed` in it: an episode it holds has its documents replaced, a new
 * one takes the next slot; the others are not read again. Null where the stored index predates
 * slots (it is then built anew).
 */
export async function updateSearchIndex(stored: StoredSearchIndex, changed: IndexedEpisode[]): Promise<StoredSearchIndex | null> {
  if (stored.version !== SEARCH_INDEX_VERSION) return null;
  const search = MiniSearch.loadJSON<SearchDocument>(stored.index, { ...OPTIONS, autoVacuum: false });
  const episodes = [...stored.episodes];
  const slots = new Map(episodes.map((episode, slot) => [episode.url, slot]));
  const discarded: number[] = [];
  const documents = changed.flatMap((entry) => {
    let slot = slots.get(entry.episode.url);
    if (slot === undefined) slots.set(entry.episode.url, (slot = episodes.length));
    else for (let id = slot * SLOT_IDS + 1; search.has(id); id += 1) discarded.push(id);
    episodes[slot] = hitEpisodeOf(entry.episode);
    return documentsOf(entry, slot);
  });
  search.discardAll(discarded);
  // Discarded documents stay in the index until vacuumed: stored so, every update would grow it.
  await search.vacuum({ batchSize: Number.MAX_SAFE_INTEGER, batchWait: 0 });
  search.addAll(documents);
  return { version: SEARCH_INDEX_VERSION, episodes, index: JSON.stringify(search) };
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
  searchByEpisode(query: string, limit?: number, notesOf?: NotesOf): { episodes: EpisodeResult[]; total: number };
}

/**
 * An episode's notes text by its page address, where the caller has it: the index does not store
 * it, and a phrase found only in the notes is checked there.
 */
export type NotesOf = (url: string) => string | undefined;

export function loadSearchIndex(stored: StoredSearchIndex): ArchiveSearch {
  const search = MiniSearch.loadJSON<SearchDocument>(stored.index, OPTIONS);
  const hitOf = (result: SearchResult): ArchiveHit => ({
    kind: result['kind'] as ArchiveHitKind,
    target: result['target'] as string,
    text: result['text'] as string,
    links: result['links'] as ArchiveHit['links'],
    episode: stored.episodes[result['episode'] as number]!,
  });
  /** Whether a result holds each phrase, in what it shows (its text, its links' texts) or its episode's notes. */
  const holds = (result: SearchResult, phrases: string[], notesOf: NotesOf | undefined) => {
    const links = (result['links'] as ArchiveHit['links']).map((link) => link.text).join(' ');
    const notes = result['kind'] === 'episode' ? (notesOf?.(stored.episodes[result['episode'] as number]!.url) ?? '') : '';
    const text = phraseText(`${result['text'] as string} ${links} ${notes}`);
    return phrases.every((phrase) => text.includes(phrase));
  };
  const resultsOf = (query: string, combineWith: 'AND' | 'OR', notesOf?: NotesOf): SearchResult[] => {
    const { words, phrases } = parseQuery(query);
    if (words.trim() === '') return [];
    const exact = search.search(words, { combineWith });
    // Where no word matches as typed, a typo of one letter in a word of six or more still finds
    // it. Only then: tried on every search, it took precision on the corpus from 0.91 to 0.45.
    const results =
      exact.length > 0 || phrases.length > 0
        ? exact
        : search.search(words, { combineWith, fuzzy: (term) => (term.length >= 6 ? 1 : false) });
    return phrases.length > 0 ? results.filter((result) => holds(result, phrases, notesOf)) : results;
  };
  return {
    search(query, limit = 100) {
      const results = resultsOf(query, 'AND');
      return { hits: results.slice(0, limit).map(hitOf), total: results.length };
    },
    searchByEpisode(query, limit = 50, notesOf) {
      const grouped = (results: SearchResult[]) => {
        const groups = new Map<number, { score: number; results: SearchResult[] }>();
        for (const result of results) {
          const index = result['episode'] as number;
          const group = groups.get(index) ?? { score: 0, results: [] };
          group.score += result.score;
          group.results.push(result);
          groups.set(index, group);
        }
        return [...groups].sort(([, a], [, b]) => b.score - a.score);
      };
      const holdingAll = grouped(resultsOf(query, 'AND', notesOf));
      // Of several words, the episodes that hold them all come first, then those holding some.
      const several = (parseQuery(query).words.match(/\S+/g) ?? []).length > 1;
      const found = new Set(holdingAll.map(([index]) => index));
      const ranked = several
        ? [...holdingAll, ...grouped(resultsOf(query, 'OR', notesOf)).filter(([index]) => !found.has(index))]
        : holdingAll;
      const episodes = ranked.slice(0, limit).map(([index, group]) => ({
        episode: stored.episodes[index]!,
        passages: group.results.filter((result) => result['kind'] !== 'episode').map(hitOf),
      }));
      return { episodes, total: ranked.length };
    },
  };
}
