/**
 * Reads and writes of the archive (the episodes of the site's feed), apart from the listener's
 * own data. An update is one transaction: the new and changed episodes and their cards put (never
 * deleted: an episode that left the feed stays), the entries read and the feed's state recorded.
 * What is derived from the archive (search index, citations) follows in a transaction of its own.
 */
import type { Citation } from '../../core/archive/citations';
import type { StoredSearchIndex } from '../../core/archive/search';
import {
  archivedEntriesSchema,
  archiveEpisodeSchema,
  cardOf,
  citationSchema,
  citedAddressesSchema,
  episodeCardSchema,
  feedStateSchema,
  readRecord,
  readRecords,
  storedSearchIndexSchema,
  type ArchivedEntries,
  type ArchiveEpisode,
  type CitedAddresses,
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

/** The episodes of these addresses that the archive holds, readable. */
export async function getArchiveEpisodes(urls: string[]): Promise<ArchiveEpisode[]> {
  const store = (await openStore()).transaction('archive').objectStore('archive');
  return readRecords(archiveEpisodeSchema, (await Promise.all(urls.map((url) => store.get(url)))).filter(Boolean)).records;
}

export async function getArchivedEntries(): Promise<ArchivedEntries | null> {
  return readRecord(archivedEntriesSchema, await (await openStore()).get('archiveMeta', 'entries'));
}

export async function getCitedAddresses(): Promise<CitedAddresses | null> {
  return readRecord(citedAddressesSchema, await (await openStore()).get('archiveMeta', 'cited'));
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
  /** The new and changed episodes. */
  episodes: ArchiveEpisode[];
  entries: ArchivedEntries;
  state: FeedState;
}

export function saveArchive(update: ArchiveUpdate): Promise<void> {
  return write({ episodeIds: [], archive: true }, async (database) => {
    const transaction = database.transaction(['archive', 'archiveCards', 'archiveMeta'], 'readwrite', { durability: 'relaxed' });
    await allOrNothing(transaction, () =>
      requestAll([
        ...update.episodes.flatMap((entry) => [
          () => transaction.objectStore('archive').put(entry),
          () => transaction.objectStore('archiveCards').put(cardOf(entry.episode)),
        ]),
        () => transaction.objectStore('archiveMeta').put(update.entries, 'entries'),
        () => transaction.objectStore('archiveMeta').put(update.state, 'feed'),
      ]),
    );
  });
}

/** What is derived from the archive, and the episodes it was derived from (no longer waiting for it). */
export interface DerivedArchive {
  search: StoredSearchIndex;
  cited: CitedAddresses;
  citations: Citation[];
  derived: string[];
}

export function saveDerivedArchive(update: DerivedArchive): Promise<void> {
  return write({ episodeIds: [], archive: true }, async (database) => {
    const transaction = database.transaction(['archiveMeta', 'citations'], 'readwrite', { durability: 'relaxed' });
    const meta = transaction.objectStore('archiveMeta');
    const citations = transaction.objectStore('citations');
    await allOrNothing(transaction, async () => {
      const entries = readRecord(archivedEntriesSchema, await meta.get('entries'));
      const derived = new Set(update.derived);
      await citations.clear();
      await requestAll([
        ...update.citations.map((citation) => () => citations.put(citation)),
        () => meta.put(update.search, 'search'),
        () => meta.put(update.cited, 'cited'),
        ...(entries ? [() => meta.put({ ...entries, underived: entries.underived.filter((url) => !derived.has(url)) }, 'entries')] : []),
      ]);
    });
  });
}
