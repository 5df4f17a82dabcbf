/**
 * The one IndexedDB schema of the extension and its numbered, cumulative migrations. A database
 * at any earlier version walks every later step; each step is tested from the version before it
 * with data in it.
 */
import type { DBSchema, IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import type { Episode, EpisodeSource } from '../episode/model';

export const DATABASE_NAME = 'lcc-companion';

/** An episode as last read, keyed by its page address (two posts may share an episode number). */
export interface CachedEpisode {
  url: string;
  episode: Episode;
  source: EpisodeSource;
  /** The ETag of the markdown source, to revalidate with If-None-Match. */
  etag: string | null;
  /** When the source was last fetched or revalidated, ms since the epoch. */
  checkedAt: number;
}

/** What the listener keeps about one episode. */
export interface ListeningState {
  episodeId: string;
  /** `YYYY-MM-DD`, the day the listener says they listened. */
  listenedOn: string | null;
  /** ISO timestamp. */
  bookmarkedAt: string | null;
  note: string;
  rating: number | null;
  /** ISO timestamp of the last change. */
  updatedAt: string;
}

export type ListeningEventKind = 'listened' | 'unlistened' | 'bookmarked' | 'unbookmarked' | 'note-edited';

/** One entry of the append-only log of what the listener did. */
export interface ListeningEvent {
  episodeId: string;
  kind: ListeningEventKind;
  /** ISO timestamp of the change. */
  at: string;
  /** For `listened`: the day the listener says they listened, `YYYY-MM-DD`. */
  listenedOn?: string;
}

export interface CompanionSchemaV1 extends DBSchema {
  episodes: { key: string; value: CachedEpisode; indexes: { byEpisodeId: string } };
  listening: { key: string; value: ListeningState };
}

/**
 * The log of one episode, oldest first. One record per episode rather than per event: the views
 * read an episode's log whole, and an import of 10,000 events then makes hundreds of writes, not
 * ten thousand.
 */
export interface EpisodeLog {
  episodeId: string;
  events: Omit<ListeningEvent, 'episodeId'>[];
}

export interface CompanionSchemaV2 extends CompanionSchemaV1 {
  logs: { key: string; value: EpisodeLog };
}

/**
 * The few fields of an episode that lists show (journal history, bookmarks, statistics), kept
 * apart from the full episode so that drawing a list reads kilobytes, not megabytes.
 */
export interface EpisodeCard {
  id: string;
  number: number | null;
  title: string;
  url: string;
  publishedOn: string;
  audioBytes: number | null;
}

export function cardOf(episode: Episode): EpisodeCard {
  const { id, number, title, url, publishedOn } = episode;
  return { id, number, title, url, publishedOn, audioBytes: episode.audio?.bytes ?? null };
}

export interface Settings {
  language: 'auto' | 'fr' | 'en';
  theme: 'auto' | 'light' | 'dark';
  openLinksIn: 'foreground' | 'background';
}

export const DEFAULT_SETTINGS: Settings = { language: 'auto', theme: 'auto', openLinksIn: 'foreground' };

export interface CompanionSchemaV3 extends CompanionSchemaV2 {
  /** One record, under the key `settings`. */
  settings: { key: string; value: Settings };
  cards: { key: string; value: EpisodeCard };
}

export type CompanionSchema = CompanionSchemaV3;
export type CompanionDatabase = IDBPDatabase<CompanionSchema>;

type UpgradeTransaction = IDBPTransaction<CompanionSchema, StoreNames<CompanionSchema>[], 'versionchange'>;
type Migration = (database: CompanionDatabase, transaction: UpgradeTransaction) => void;

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
    void transaction
      .objectStore('listening')
      .getAll()
      .then((states) => {
        for (const state of states) {
          const events: EpisodeLog['events'] = [];
          if (state.listenedOn) events.push({ kind: 'listened', at: state.updatedAt, listenedOn: state.listenedOn });
          if (state.bookmarkedAt) events.push({ kind: 'bookmarked', at: state.bookmarkedAt });
          if (state.note) events.push({ kind: 'note-edited', at: state.updatedAt });
          if (events.length > 0) void logs.put({ episodeId: state.episodeId, events });
        }
      });
  },
  // 3: the listener's settings, and light episode cards for the journal's lists.
  (database, transaction) => {
    database.createObjectStore('settings');
    const cards = database.createObjectStore('cards', { keyPath: 'id' });
    void transaction
      .objectStore('episodes')
      .getAll()
      .then((entries) => entries.forEach((entry) => void cards.put(cardOf(entry.episode))));
  },
];

export const DATABASE_VERSION = MIGRATIONS.length;

export function upgrade(database: CompanionDatabase, oldVersion: number, newVersion: number, transaction: UpgradeTransaction): void {
  for (let version = oldVersion + 1; version <= newVersion; version += 1) MIGRATIONS[version - 1]!(database, transaction);
}
