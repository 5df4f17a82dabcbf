/**
 * One episode number, one post: a feed entry at another address than the post that holds a
 * number would share that episode's state, and name it in the exports by its own title. The post
 * kept in the archive holds its number; where none is kept yet, the one published first.
 */
import type { ArchiveEpisode } from '../records';

export interface ByNumber {
  kept: ArchiveEpisode[];
  /** Entries refused for a number another post holds. */
  refused: number;
}

/** A post the archive keeps: its page address and number (an episode card is one). */
export interface KeptPost {
  url: string;
  number: number | null;
}

export function onePostPerNumber(fresh: ArchiveEpisode[], archived: KeptPost[]): ByNumber {
  const holders = new Map<number, Set<string>>();
  const hold = ({ url, number }: KeptPost) => {
    if (number === null) return;
    if (!holders.has(number)) holders.set(number, new Set());
    holders.get(number)!.add(url);
  };
  // Posts kept before hold their numbers (the two of LCC 25, kept by versions before this rule, both).
  archived.forEach(hold);
  const firstPublished = [...fresh].sort(
    (a, b) => a.episode.publishedOn.localeCompare(b.episode.publishedOn) || a.url.localeCompare(b.url),
  );
  for (const entry of firstPublished) {
    if (entry.episode.number !== null && !holders.has(entry.episode.number)) hold({ url: entry.url, number: entry.episode.number });
  }
  const kept = fresh.filter((entry) => entry.episode.number === null || holders.get(entry.episode.number)!.has(entry.url));
  return { kept, refused: fresh.length - kept.length };
}
