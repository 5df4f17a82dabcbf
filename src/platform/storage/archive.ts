/**
 * Reads and writes of the archive (the episodes of the site's feed), apart from the listener's
 * own data. An update is one transaction: episodes and cards put (never deleted: an episode that
 * left the feed stays), the search index and citations replaced, the feed's state recorded.
 */
import type { Citation } from '../../core/archive/citations';
import type { StoredSearchIndex } from '../../core/archive/search';
import {
  archiveEpisodeSchema,
  cardOf,
  citationSchema,
  episodeCardSchema,
  feedStateSchema,
  readRecord,
  readRecords,
  storedSearchIndexSchema,
  type ArchiveEpisode,
  type EpisodeCard,
  type FeedState,
  type ReadRecords,
} from '../../core/records';
import { allOrNothing, openStore, requestAll, write } from './database';

export async function getFeedState(): Promise<FeedState | null> {
  return readRecord(feedStateSchema, await (await openStore()).get('archiveMeta', 'feed'));
}

function writeFeedState(state: FeedState): Promise<void> {
  return write({ episodeIds: [], archive: true }, async (database) => {
    await database.put('archiveMeta', state, 'feed');
  });
}

/** A check that changed nothing (a 304): only its time is kept, and nobody needs telling. */
export async function markFeedChecked(state: FeedState, checkedAt: number): Promise<void> {
  await (await openStore()).put('archiveMeta', { ...state, checkedAt }, 'feed');
}

/** A refused or failed update: the archive stays as it was, the journal says why. Gives the state written. */
export async function recordFeedFailure(state: FeedState, problem: string, at: number): Promise<FeedState> {
  const failed = { ...state, checkedAt: at, failure: { at, problem } };
  await writeFeedState(failed);
  return failed;
}

/** The listener opened a new episode: it is no longer new. Gives the state written, or null where it was not new. */
export async function markArrivedOpened(episodeId: string): Promise<FeedState | null> {
  const state = await getFeedState();
  if (!state?.arrived?.includes(episodeId)) return null;
  const opened = { ...state, arrived: state.arrived.filter((id) => id !== episodeId) };
  await writeFeedState(opened);
  return opened;
}

export async function readArchive(): Promise<ReadRecords<ArchiveEpisode>> {
  return readRecords(archiveEpisodeSchema, await (await openStore()).getAll('archive'));
}

export async function getArchiveEpisode(url: string): Promise<ArchiveEpisode | undefined> {
  return readRecord(archiveEpisodeSchema, await (await openStore()).get('archive', url)) ?? undefined;
}

export async function listArchiveCards(): Promise<ReadRecords<EpisodeCard>> {
  return readRecords(episodeCardSchema, await (await openStore()).getAll('archiveCards'));
}

export async function getSearchIndex(): Promise<StoredSearchIndex | null> {
  return readRecord(storedSearchIndexSchema, await (await openStore()).get('archiveMeta', 'search'));
}

/** The citations of these addresses, for the ones cited in several episodes (and still readable). */
export async function getCitations(urls: string[]): Promise<Citation[]> {
  const store = (await openStore()).transaction('citations').objectStore('citations');
  const found = await Promise.all(urls.map((url) => store.get(url)));
  return found.flatMap((stored) => readRecord(citationSchema, stored) ?? []);
}

export interface ArchiveUpdate {
  episodes: ArchiveEpisode[];
  search: StoredSearchIndex;
  citations: Citation[];
  state: FeedState;
}

export function saveArchive(update: ArchiveUpdate): Promise<void> {
  return write({ episodeIds: [], archive: true }, async (database) => {
    const transaction = database.transaction(['archive', 'archiveCards', 'archiveMeta', 'citations'], 'readwrite', {
      durability: 'relaxed',
    });
    const citations = transaction.objectStore('citations');
    await allOrNothing(transaction, async () => {
      await citations.clear();
      await requestAll([
        ...update.episodes.flatMap((entry) => [
          () => transaction.objectStore('archive').put(entry),
          () => transaction.objectStore('archiveCards').put(cardOf(entry.episode)),
        ]),
        ...update.citations.map((citation) => () => citations.put(citation)),
        () => transaction.objectStore('archiveMeta').put(update.search, 'search'),
        () => transaction.objectStore('archiveMeta').put(update.state, 'feed'),
      ]);
    });
  });
}
