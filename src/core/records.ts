/**
 * Every record the extension stores, and its shape checked in depth: by an import before anything
 * is written, and on every read, so that a record written by an older version or damaged on disk
 * is skipped (and counted) instead of breaking a view. Each check also gives the record its one
 * key order, so that an export of the same data is always the same bytes. Pure: the IndexedDB
 * schema (`schema.ts`) stores these records, the export file holds them.
 */
import * as v from 'valibot';
import type { Citation, CitingEpisode } from './archive/citations';
import type { StoredSearchIndex } from './archive/search';
import { calendarDay, episodeSchema, httpAddress, isoTimestamp, pageAddress } from './episode/schema';
import type { Episode, EpisodeSource } from './episode/model';
import type { ListenedSeconds } from './player/listeningClock';
import { MAX_RATE, MIN_RATE, type Playable } from './player/playable';

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
  /** The bulk change that wrote the event ("everything up to LCC 200"), which one undo takes back. */
  batch?: string;
  /** Set on a `listened` the player wrote by itself, at the end of the episode. */
  from?: 'player';
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
  /** The mp3's address, for the player. */
  audioUrl: string | null;
}

export function cardOf(episode: Episode): EpisodeCard {
  const { id, number, title, url, publishedOn } = episode;
  return { id, number, title, url, publishedOn, audioBytes: episode.audio?.bytes ?? null, audioUrl: episode.audio?.url ?? null };
}

/** What the player needs to play the episode of a card, where the card names its mp3. */
export function playableOfCard(card: EpisodeCard): Playable | null {
  if (!card.audioUrl) return null;
  return { episodeId: card.id, url: card.url, number: card.number, title: card.title, audioUrl: card.audioUrl };
}

export interface Settings {
  language: 'auto' | 'fr' | 'en';
  theme: 'auto' | 'light' | 'dark';
  openLinksIn: 'foreground' | 'background';
  /** The listening state in the browser's own sync (the listener's Google or Firefox account): off unless chosen. */
  sync: 'off' | 'on';
  /** The player's speed, 0.8 to 2.5. */
  playbackRate: number;
}

/** A link of the notes the listener kept to read later. */
export interface ReadLaterLink {
  url: string;
  text: string;
  /** The news item the link belongs to. */
  context: string;
  episodeId: string;
  episodeUrl: string;
  episodeTitle: string;
  /** ISO timestamps */
  keptAt: string;
  readAt: string | null;
  updatedAt: string;
}

/** A link of an episode's notes the listener opened from the popup. */
export interface OpenedLink {
  episodeId: string;
  url: string;
  /** ISO timestamp of the first opening */
  openedAt: string;
}

/** An episode as the site's feed gives it, kept in the archive under its page address. */
export interface ArchiveEpisode {
  url: string;
  episode: Episode;
}

/** Where the archive stands: the feed's validators, when it was checked and updated, and the last failure. */
export interface FeedState {
  etag: string | null;
  lastModified: string | null;
  /** ms since the epoch */
  checkedAt: number;
  /** ms since the epoch, or null before the first update */
  updatedAt: number | null;
  failure: { at: number; problem: string } | null;
}

/** Where the listener stopped in an episode, kept to resume there. */
export interface PlaybackPosition {
  episodeId: string;
  /** The episode's page address. */
  url: string;
  seconds: number;
  /** The episode's length as the player read it, seconds. */
  duration: number | null;
  /** ISO timestamp */
  updatedAt: string;
}

/** Time played in the extension's player in one month (`YYYY-MM`). */
export type ListenedTime = ListenedSeconds;

export type { Playable };

export const DEFAULT_SETTINGS: Settings = { language: 'auto', theme: 'auto', openLinksIn: 'foreground', sync: 'off', playbackRate: 1 };

const episodeId = v.pipe(v.string(), v.minLength(1));

export const cachedEpisodeSchema: v.GenericSchema<unknown, CachedEpisode> = v.pipe(
  v.object({
    url: v.string(),
    episode: episodeSchema,
    source: v.picklist(['markdown', 'page']),
    etag: v.nullable(v.string()),
    checkedAt: v.pipe(v.number(), v.minValue(0), v.finite()),
  }),
  // A copy is kept under the address of the page it was read from, and under no other.
  v.check((entry) => entry.url === entry.episode.url),
);

export const listeningStateSchema: v.GenericSchema<unknown, ListeningState> = v.object({
  episodeId,
  listenedOn: v.nullable(calendarDay),
  bookmarkedAt: v.nullable(isoTimestamp),
  note: v.string(),
  rating: v.nullable(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(5))),
  updatedAt: isoTimestamp,
});

const EVENT_KINDS = ['listened', 'unlistened', 'bookmarked', 'unbookmarked', 'note-edited'] as const satisfies ListeningEventKind[];

const eventEntries = {
  kind: v.picklist(EVENT_KINDS),
  at: isoTimestamp,
  listenedOn: v.optional(calendarDay),
  batch: v.optional(v.pipe(v.string(), v.minLength(1))),
  from: v.optional(v.literal('player')),
};

/** An event as an export file holds it, naming its episode. */
export const listeningEventSchema: v.GenericSchema<unknown, ListeningEvent> = v.object({ episodeId, ...eventEntries });

export const episodeLogSchema: v.GenericSchema<unknown, EpisodeLog> = v.object({
  episodeId,
  events: v.array(v.object(eventEntries)),
});

export const episodeCardSchema: v.GenericSchema<unknown, EpisodeCard> = v.object({
  id: episodeId,
  number: v.nullable(v.pipe(v.number(), v.safeInteger(), v.minValue(0))),
  title: v.string(),
  url: pageAddress,
  publishedOn: calendarDay,
  audioBytes: v.nullable(v.pipe(v.number(), v.safeInteger(), v.minValue(0))),
  // Cards written before version 6 have none; the migration to 6 fills it in from the episodes kept.
  audioUrl: v.optional(v.nullable(httpAddress), null),
});

const citingEpisodeSchema: v.GenericSchema<unknown, CitingEpisode> = v.object({
  url: pageAddress,
  number: v.nullable(v.pipe(v.number(), v.safeInteger(), v.minValue(0))),
  title: v.string(),
});

export const citationSchema: v.GenericSchema<unknown, Citation> = v.object({
  url: httpAddress,
  episodes: v.array(citingEpisodeSchema),
});

/** The search index's own JSON is checked by MiniSearch when it is loaded. */
export const storedSearchIndexSchema: v.GenericSchema<unknown, StoredSearchIndex> = v.object({
  episodes: v.array(citingEpisodeSchema),
  index: v.string(),
});

/** Settings from before a setting existed take its default. */
export const settingsSchema: v.GenericSchema<unknown, Settings> = v.object({
  language: v.optional(v.picklist(['auto', 'fr', 'en']), DEFAULT_SETTINGS.language),
  theme: v.optional(v.picklist(['auto', 'light', 'dark']), DEFAULT_SETTINGS.theme),
  openLinksIn: v.optional(v.picklist(['foreground', 'background']), DEFAULT_SETTINGS.openLinksIn),
  sync: v.optional(v.picklist(['off', 'on']), DEFAULT_SETTINGS.sync),
  playbackRate: v.optional(v.pipe(v.number(), v.minValue(MIN_RATE), v.maxValue(MAX_RATE)), DEFAULT_SETTINGS.playbackRate),
});

/** A record read back, or null where it no longer has its shape. */
export function readRecord<T>(schema: v.GenericSchema<unknown, T>, value: unknown): T | null {
  const result = v.safeParse(schema, value);
  return result.success ? result.output : null;
}

/** The records that still have their shape, and how many did not. */
export interface ReadRecords<T> {
  records: T[];
  unreadable: number;
}

export function readRecords<T>(schema: v.GenericSchema<unknown, T>, values: unknown[]): ReadRecords<T> {
  const records: T[] = [];
  for (const value of values) {
    const record = readRecord(schema, value);
    if (record !== null) records.push(record);
  }
  return { records, unreadable: values.length - records.length };
}

export const archiveEpisodeSchema: v.GenericSchema<unknown, ArchiveEpisode> = v.pipe(
  v.object({ url: v.string(), episode: episodeSchema }),
  v.check((entry) => entry.url === entry.episode.url),
);

const milliseconds = v.pipe(v.number(), v.minValue(0), v.finite());

export const feedStateSchema: v.GenericSchema<unknown, FeedState> = v.object({
  etag: v.nullable(v.string()),
  lastModified: v.nullable(v.string()),
  checkedAt: milliseconds,
  updatedAt: v.nullable(milliseconds),
  failure: v.nullable(v.object({ at: milliseconds, problem: v.string() })),
});

export const readLaterLinkSchema: v.GenericSchema<unknown, ReadLaterLink> = v.object({
  url: httpAddress,
  text: v.string(),
  context: v.string(),
  episodeId,
  episodeUrl: pageAddress,
  episodeTitle: v.string(),
  keptAt: isoTimestamp,
  readAt: v.nullable(isoTimestamp),
  updatedAt: isoTimestamp,
});

export const openedLinkSchema: v.GenericSchema<unknown, OpenedLink> = v.object({
  episodeId,
  url: httpAddress,
  openedAt: isoTimestamp,
});

const seconds = v.pipe(v.number(), v.minValue(0), v.finite());

export const playbackPositionSchema: v.GenericSchema<unknown, PlaybackPosition> = v.object({
  episodeId,
  url: pageAddress,
  seconds,
  duration: v.nullable(seconds),
  updatedAt: isoTimestamp,
});

export const listenedTimeSchema: v.GenericSchema<unknown, ListenedTime> = v.object({
  month: v.pipe(v.string(), v.regex(/^\d{4}-(0[1-9]|1[0-2])$/)),
  wallSeconds: seconds,
  contentSeconds: seconds,
});

export const playableSchema: v.GenericSchema<unknown, Playable> = v.object({
  episodeId,
  url: pageAddress,
  number: v.nullable(v.pipe(v.number(), v.safeInteger(), v.minValue(0))),
  title: v.string(),
  audioUrl: httpAddress,
});
