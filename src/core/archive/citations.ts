/**
 * "Also in": the addresses the archive cites in more than one episode, and where. Boilerplate is
 * left out: the contact section, the conference lists, and addresses so common (more than 5 % of
 * episodes: the show's own pages, its sponsors) that naming the episodes says nothing.
 */
import type { Episode, OutlineNode } from '../episode/model';

export interface CitingEpisode {
  url: string;
  number: number | null;
  title: string;
}

export interface Citation {
  /** The cited address. */
  url: string;
  episodes: CitingEpisode[];
}

const BOILERPLATE_SECTION = /contact|conf[ée]rences?|agenda|sponsor/i;
/** The show's closing sections, the same in every episode ("Nous contacter", sponsors): no news. */
export const CLOSING_SECTION = /contact|sponsor/i;
const MAX_CITING_SHARE = 0.05;

/** The ids of the sections whose title `pattern` matches, and of those under them. */
export function sectionsTitled(pattern: RegExp, outline: OutlineNode[], inherited = false, found = new Set<string>()): Set<string> {
  for (const node of outline) {
    const matched = inherited || pattern.test(node.title);
    if (matched) found.add(node.id);
    sectionsTitled(pattern, node.children, matched, found);
  }
  return found;
}

/** The addresses `episode` cites outside its boilerplate sections, each once. */
export function citedBy(episode: Episode): string[] {
  const skipped = sectionsTitled(BOILERPLATE_SECTION, episode.outline);
  return [...new Set(episode.links.filter((link) => link.sectionId === null || !skipped.has(link.sectionId)).map((link) => link.url))];
}

/**
 * The citations of an archive: `cited` gives each episode's cited addresses by page address,
 * `episodes` names the episodes (others are left out).
 */
export function citationsOf(cited: Readonly<Record<string, readonly string[]>>, episodes: CitingEpisode[]): Citation[] {
  const named = new Map(episodes.map((episode) => [episode.url, episode]));
  const citing = new Map<string, CitingEpisode[]>();
  for (const [page, addresses] of Object.entries(cited)) {
    const episode = named.get(page);
    if (!episode) continue;
    for (const address of addresses) {
      const list = citing.get(address);
      if (list) list.push(episode);
      else citing.set(address, [episode]);
    }
  }
  const most = Math.max(1, Math.floor(named.size * MAX_CITING_SHARE));
  return [...citing]
    .filter(([, list]) => list.length >= 2 && list.length <= most)
    .map(([url, list]) => ({ url, episodes: list.sort((a, b) => (b.number ?? 0) - (a.number ?? 0)) }));
}
