/**
 * The episode list: every episode the extension knows (the archive's, and any copy kept from a page
 * visit), newest first, with the listener's state, its filters, progress, the next to listen and
 * the ranges a bulk mark covers. Pure: the journal's "Épisodes" view draws what these return.
 */
import type { EpisodeCard, ListeningState } from '../records';

export interface EpisodeRow {
  card: EpisodeCard;
  state: ListeningState | null;
}

export function episodeRows(archiveCards: EpisodeCard[], keptCards: EpisodeCard[], states: ListeningState[]): EpisodeRow[] {
  const cards = new Map<string, EpisodeCard>();
  for (const card of keptCards) cards.set(card.url, card);
  // The archive's card wins: it has the mp3's size, which a page's copy lacks.
  for (const card of archiveCards) cards.set(card.url, card);
  // Two posts of one episode are one episode (LCC 25's video was announced in a post of its own):
  // its first post stands for it.
  const first = new Map<string, EpisodeCard>();
  for (const card of cards.values()) {
    const kept = first.get(card.id);
    if (!kept || card.publishedOn < kept.publishedOn) first.set(card.id, card);
  }
  const byId = new Map(states.map((state) => [state.episodeId, state]));
  return [...first.values()]
    .sort((a, b) => b.publishedOn.localeCompare(a.publishedOn) || (b.number ?? 0) - (a.number ?? 0))
    .map((card) => ({ card, state: byId.get(card.id) ?? null }));
}

export type EpisodeFilter = 'all' | 'to-listen' | 'listened' | 'bookmarked';

const isListened = (row: EpisodeRow) => Boolean(row.state?.listenedOn);

export function filterRows(rows: EpisodeRow[], filter: EpisodeFilter): EpisodeRow[] {
  switch (filter) {
    case 'all':
      return rows;
    case 'to-listen':
      return rows.filter((row) => !isListened(row));
    case 'listened':
      return rows.filter(isListened);
    case 'bookmarked':
      return rows.filter((row) => Boolean(row.state?.bookmarkedAt));
  }
}

export function rowsByYear(rows: EpisodeRow[]): { year: string; rows: EpisodeRow[] }[] {
  const years: { year: string; rows: EpisodeRow[] }[] = [];
  for (const row of rows) {
    const year = row.card.publishedOn.slice(0, 4);
    const last = years.at(-1);
    if (last?.year === year) last.rows.push(row);
    else years.push({ year, rows: [row] });
  }
  return years;
}

export function progress(rows: EpisodeRow[]): { listened: number; total: number; percent: number } {
  const listened = rows.filter(isListened).length;
  return { listened, total: rows.length, percent: rows.length === 0 ? 0 : Math.round((listened / rows.length) * 100) };
}

/** The oldest or the newest episode not listened yet. */
export function nextToListen(rows: EpisodeRow[], order: 'oldest' | 'newest'): EpisodeRow | null {
  const unheard = rows.filter((row) => !isListened(row) && row.card.number !== null);
  return (order === 'newest' ? unheard[0] : unheard.at(-1)) ?? null;
}

/** The episodes a bulk "everything up to LCC N" would mark: numbered N or less, not listened yet. */
export function unheardUpTo(rows: EpisodeRow[], number: number): EpisodeRow[] {
  return rows.filter((row) => row.card.number !== null && row.card.number <= number && !isListened(row));
}

/** The rows between two of them, both included, in the order shown (a shift-click selection). */
export function rowsBetween(rows: EpisodeRow[], fromUrl: string, toUrl: string): EpisodeRow[] {
  const from = rows.findIndex((row) => row.card.url === fromUrl);
  const to = rows.findIndex((row) => row.card.url === toUrl);
  if (from === -1 || to === -1) return [];
  return rows.slice(Math.min(from, to), Math.max(from, to) + 1);
}
