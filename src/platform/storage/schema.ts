/**
 * The one IndexedDB schema of the extension and its numbered, cumulative migrations. A database
 * at any earlier version walks every later step; each step is tested from the version before it
 * with data in it.
 */
import type { DBSchema, IDBPDatabase, IDBPObjectStore, IDBPTransaction, StoreNames } from 'idb';
import type { Citation } from '../../core/archive/citations';
import type { StoredSearchIndex } from '../../core/archive/search';
import {
  cardOf,
  DAY_UNKNOWN,
  type ArchivedEntries,
  type CitedAddresses,
  type StoredArchiveEpisode,
  type CachedEpisode,
  type EpisodeCard,
  type EpisodeLog,
  type FeedState,
  type ListenedTime,
  type ListeningState,
  type OpenedLink,
  type Playable,
  type PlaybackPosition,
  type ReadLaterLink,
  type Settings,
} from '../../core/records';

export const DATABASE_NAME = 'lcc-companion';

export interface CompanionSchemaV1 extends DBSchema {
  episodes: { key: string; value: CachedEpisode; indexes: { byEpisodeId: string } };
  listening: { key: string; value: ListeningState };
}

export interface CompanionSchemaV2 extends CompanionSchemaV1 {
  logs: { key: string; value: EpisodeLog };
}

export interface CompanionSchemaV3 extends CompanionSchemaV2 {
  /** One record, under the key `settings`. */
  settings: { key: string; value: Settings };
  cards: { key: string; value: EpisodeCard };
}

/**
 * The archive of every episode from the site's feed, apart from the listener's own data (which is
 * what an export holds): the episodes, their cards for the episode list, the feed's state and the
 * search index (`archiveMeta`, under `feed` and `search`, with `entries` and `cited`: what a
 * refresh and the index were made from), and the addresses cited in several episodes.
 */
export interface CompanionSchemaV4 extends CompanionSchemaV3 {
  archive: { key: string; value: StoredArchiveEpisode };
  archiveCards: { key: string; value: EpisodeCard };
  /** `entries` and `cited` came with no migration: an archive without them is read and indexed whole once. */
  archiveMeta: { key: 'feed' | 'search' | 'entries' | 'cited'; value: FeedState | StoredSearchIndex | ArchivedEntries | CitedAddresses };
  citations: { key: string; value: Citation };
}

/** Links kept to read later (by address), and links opened from the popup (by episode and address). */
export interface CompanionSchemaV5 extends CompanionSchemaV4 {
  readLater: { key: string; value: ReadLaterLink };
  opened: { key: [string, string]; value: OpenedLink; indexes: { byEpisode: string } };
}

/** The player's: where each episode was left, the time played per month, and the queue (one record, `queue`). */
export interface CompanionSchemaV6 extends CompanionSchemaV5 {
  positions: { key: string; value: PlaybackPosition };
  listenedTime: { key: string; value: ListenedTime };
  queue: { key: 'queue'; value: Playable[] };
}

export type CompanionSchema = CompanionSchemaV6;
export type CompanionDatabase = IDBPDatabase<CompanionSchema>;

type UpgradeTransaction = IDBPTransaction<CompanionSchema, StoreNames<CompanionSchema>[], 'versionchange'>;

type CardStore = IDBPObjectStore<CompanionSchema, StoreNames<CompanionSchema>[], 'cards', 'readwrite' | 'versionchange'>;

/**
 * Writes the card of an episode, unless the card of that number belongs to another page: a copy
 * read for one address never renames the episode of another. For the storage modules only.
 */
export async function putCard(cards: CardStore, card: EpisodeCard): Promise<void> {
  const current = await cards.get(card.id);
  if (!current || current.url === card.url) await cards.put(card);
}
type Migration = (database: CompanionDatabase, transaction: UpgradeTransaction) => void;

/**
 * A read or write of a migration, which no one can wait for (the upgrade callback is not
 * awaited): a failure aborts the upgrade transaction, and the database's opening fails with it
 * (a StoreError), so the rejection here has nothing more to say.
 */
function inUpgrade(request: Promise<unknown>): void {
  request.catch(() => undefined);
}

/** MIGRATIONS[n - 1] takes a database from version n - 1 to version n. */
export const MIGRATIONS: Migration[] = [
  (database) => {
    const episodes = database.createObjectStore('episodes', { keyPath: 'url' });
    episodes.createIndex('byEpisodeId', 'episode.id');
    database.createObjectStore('listening', { keyPath: 'episodeId' });
  },
  // 2: the event log, started from what version 1 kept, so that history is not empty.
  (database, transaction) => {
    const logs = database.createObjectStore('logs', { keyPath: 'episodeId' });
    inUpgrade(
      transaction
        .objectStore('listening')
        .getAll()
        .then((states) => {
          for (const state of states) {
            const events: EpisodeLog['events'] = [];
            if (state.listenedOn) events.push({ kind: 'listened', at: state.updatedAt, listenedOn: state.listenedOn });
            if (state.bookmarkedAt) events.push({ kind: 'bookmarked', at: state.bookmarkedAt });
            if (state.note) events.push({ kind: 'note-edited', at: state.updatedAt });
            if (events.length > 0) inUpgrade(logs.put({ episodeId: state.episodeId, events }));
          }
        }),
    );
  },
  // 3: the listener's settings, and light episode cards for the journal's lists.
  (database, transaction) => {
    database.createObjectStore('settings');
    const cards = database.createObjectStore('cards', { keyPath: 'id' });
    inUpgrade(
      transaction
        .objectStore('episodes')
        .getAll()
        .then((entries) => entries.forEach((entry) => inUpgrade(cards.put(cardOf(entry.episode))))),
    );
  },
  // 4: the archive from the feed, in stores of its own.
  (database) => {
    database.createObjectStore('archive', { keyPath: 'url' });
    database.createObjectStore('archiveCards', { keyPath: 'url' });
    database.createObjectStore('archiveMeta');
    database.createObjectStore('citations', { keyPath: 'url' });
  },
  // 5: the reading list, and the links opened from the popup.
  (database) => {
    database.createObjectStore('readLater', { keyPath: 'url' });
    database.createObjectStore('opened', { keyPath: ['episodeId', 'url'] }).createIndex('byEpisode', 'episodeId');
  },
  // 6: the player's positions, time listened and queue; cards name their mp3 (rewritten from the episodes).
  (database, transaction) => {
    database.createObjectStore('positions', { keyPath: 'episodeId' });
    database.createObjectStore('listenedTime', { keyPath: 'month' });
    database.createObjectStore('queue');
    const archiveCards = transaction.objectStore('archiveCards');
    inUpgrade(
      transaction
        .objectStore('archive')
        .getAll()
        .then((entries) => entries.forEach((entry) => inUpgrade(archiveCards.put(cardOf(entry.episode))))),
    );
    const cards = transaction.objectStore('cards');
    inUpgrade(
      transaction
        .objectStore('episodes')
        .getAll()
        .then((entries) => entries.forEach((entry) => inUpgrade(putCard(cards, cardOf(entry.episode))))),
    );
  },
  // 7: what the listener marked listened in bulk ("everything up to LCC N") was heard on days no one
  // knows, not on the day of the mark: its events, and the states they still decide, say so.
  (_, transaction) => {
    const states = transaction.objectStore('listening');
    const logs = transaction.objectStore('logs');
    type Event = EpisodeLog['events'][number];
    const isBulkMark = (event: Event) => event.kind === 'listened' && event.batch !== undefined && event.from === undefined;
    inUpgrade(
      logs.getAll().then((all) => {
        for (const log of all) {
          if (!Array.isArray(log.events) || !log.events.some(isBulkMark)) continue;
          inUpgrade(
            logs.put({ ...log, events: log.events.map((event) => (isBulkMark(event) ? { ...event, listenedOn: DAY_UNKNOWN } : event)) }),
          );
          const decisive = [...log.events].reverse().find((event) => event.kind === 'listened' || event.kind === 'unlistened');
          if (!decisive || !isBulkMark(decisive)) continue;
          inUpgrade(
            states.get(log.episodeId).then((state) => {
              if (state && state.listenedOn === decisive.listenedOn) inUpgrade(states.put({ ...state, listenedOn: DAY_UNKNOWN }));
            }),
          );
        }
      }),
    );
  },
];

export const DATABASE_VERSION = MIGRATIONS.length;

export function upgrade(database: CompanionDatabase, oldVersion: number, newVersion: number, transaction: UpgradeTransaction): void {
  for (let version = oldVersion + 1; version <= newVersion; version += 1) MIGRATIONS[version - 1]!(database, transaction);
}
