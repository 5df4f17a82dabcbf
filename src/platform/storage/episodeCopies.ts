/**
 * The copies of episodes read from their page or markdown source, kept by page address, and the
 * cards that name each episode in the journal.
 */
import {
  cachedEpisodeSchema,
  cardOf,
  episodeCardSchema,
  readRecord,
  readRecords,
  type CachedEpisode,
  type EpisodeCard,
  type ReadRecords,
} from '../../core/records';
import { openStore, write } from './database';
import { putCard } from './schema';

/** The copy of the episode at a page address, unless there is none or it cannot be read. */
export async function getCachedEpisode(url: string): Promise<CachedEpisode | undefined> {
  return readRecord(cachedEpisodeSchema, await (await openStore()).get('episodes', url)) ?? undefined;
}

export function putCachedEpisode(entry: CachedEpisode): Promise<void> {
  return write({ episodeIds: [entry.episode.id] }, async (database) => {
    const transaction = database.transaction(['episodes', 'cards'], 'readwrite');
    await Promise.all([transaction.objectStore('episodes').put(entry), putCard(transaction.objectStore('cards'), cardOf(entry.episode))]);
    await transaction.done;
  });
}

/** Notes that the source was checked and unchanged: nothing anyone sees changes, so no one is told. */
export async function markSourceChecked(entry: CachedEpisode, checkedAt: number): Promise<void> {
  await (await openStore()).put('episodes', { ...entry, checkedAt });
}

export async function listEpisodeCards(): Promise<ReadRecords<EpisodeCard>> {
  return readRecords(episodeCardSchema, await (await openStore()).getAll('cards'));
}

export async function listCachedEpisodes(): Promise<ReadRecords<CachedEpisode>> {
  return readRecords(cachedEpisodeSchema, await (await openStore()).getAll('episodes'));
}

/** Each episode's card: the archive's, or the one kept from its page where the archive has none. */
export function cardsById(kept: unknown[], archive: unknown[]): Map<string, EpisodeCard> {
  const byId = new Map<string, EpisodeCard>();
  for (const card of [...readRecords(episodeCardSchema, kept).records, ...readRecords(episodeCardSchema, archive).records])
    byId.set(card.id, card);
  return byId;
}
