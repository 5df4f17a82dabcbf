/**
 * Search over every cached episode: titles, sections, link texts and contexts. The index is
 * built once per page and each query is a scan of pre-folded strings.
 */
import { flattenOutline } from '../episode/model';
import type { CachedEpisode } from '../storage/records';
import { foldForSearch } from '../episode/text';

export interface SearchHit {
  kind: 'episode' | 'section' | 'link';
  episodeId: string;
  episodeTitle: string;
  /** Where to go: the episode page (at the section for a section), or the referenced page. */
  url: string;
  episodeUrl: string;
  text: string;
  detail: string;
}

interface IndexedHit extends SearchHit {
  folded: string;
}

export type SearchIndex = IndexedHit[];

export function buildSearchIndex(cached: CachedEpisode[]): SearchIndex {
  return cached.flatMap(({ episode }) => {
    const base = { episodeId: episode.id, episodeTitle: episode.title, episodeUrl: episode.url };
    return [
      {
        ...base,
        kind: 'episode' as const,
        url: episode.url,
        text: episode.title,
        detail: episode.summary,
        folded: foldForSearch(episode.title),
      },
      ...flattenOutline(episode.outline).map((node) => ({
        ...base,
        kind: 'section' as const,
        url: `${episode.url}#${encodeURIComponent(node.id)}`,
        text: node.title,
        detail: '',
        folded: foldForSearch(node.title),
      })),
      ...episode.links.map((link) => ({
        ...base,
        kind: 'link' as const,
        url: link.url,
        text: link.text || link.url,
        detail: link.context,
        folded: foldForSearch(`${link.text}\n${link.context}`),
      })),
    ];
  });
}

/** Hits that hold every word of the query, episodes first, at most `limit`. */
export function search(index: SearchIndex, query: string, limit = 100): { hits: SearchHit[]; total: number } {
  const words = foldForSearch(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return { hits: [], total: 0 };
  const found = index.filter((hit) => words.every((word) => hit.folded.includes(word)));
  const order = { episode: 0, section: 1, link: 2 };
  found.sort((a, b) => order[a.kind] - order[b.kind]);
  return { hits: found.slice(0, limit).map(({ folded: _, ...hit }) => hit), total: found.length };
}
