/**
 * Every record the extension stores, and its shape checked in depth: by an import before anything
 * is written, and on every read, so that a record written by an older version or damaged on disk
 * is skipped (and counted) instead of breaking a view. Each check also gives the record its one
 * key order, so that an export of the same data is always the same bytes. Each record's type is
 * its schema's output: one definition. Pure: the IndexedDB schema stores these records, the
 * export file holds them.
 */
import * as v from 'valibot';
import type { Citation, CitingEpisode } from './archive/citations';
import type { StoredSearchIndex } from './archive/search';
import { calendarDay, episodeSchema, httpAddress, isoTimestamp, pageAddress } from './episode/schema';
import type { Episode } from './episode/model';
import type { ListenedSeconds } from './player/listeningClock';
import { MAX_RATE, MIN_RATE, type Playable } from './player/playable';

const episodeId = v.pipe(v.string(), v.minLength(1));
const episodeNumber = v.nullable(v.pipe(v.number(), v.safeInteger(), v.minValue(0)));
const milliseconds = v.pipe(v.number(), v.minValue(0), v.finite());
const seconds = v.pipe(v.number(), v.minValue(0), v.finite());

/**
 * An episode as last read, keyed by its page address (two posts may share an episode number):
 * `etag` is the markdown source's, to revalidate with If-None-Match; `checkedAt` when the source
 * was last fetched or revalidated, ms since the epoch.
 */
export const cachedEpisodeSchema = v.pipe(
  v.object({
    url: v.string(),
    episode: episodeSchema,
    source: v.picklist(['markdown', 'page']),
    etag: v.nullable(v.string()),
    checkedAt: milliseconds,
  }),
  // A copy is kept under the address of the page it was read from, and under no other.
  v.check((entry) => entry.url === entry.episode.url),
);
export type CachedEpisode = v.InferOutput<typeof cachedEpisodeSchema>;

/**
 * An episode heard on a day no one knows: a podcast app's first sync uploads every episode played
 * before, stamped with the time of that sync, and an import may say "heard" without a day.
 */
export const DAY_UNKNOWN = 'unknown';
const listenedDay = v.union([calendarDay, v.literal(DAY_UNKNOWN)]);

/**
 * What the listener keeps about one episode: `listenedOn` the day they say they listened
 * (`YYYY-MM-DD`, or DAY_UNKNOWN), `bookmarkedAt` and `updatedAt` (the last change) ISO timestamps.
 */
export const listeningStateSchema = v.object({
  episodeId,
  listenedOn: v.nullable(listenedDay),
  bookmarkedAt: v.nullable(isoTimestamp),
  note: v.string(),
  rating: v.nullable(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(5))),
  updatedAt: isoTimestamp,
  /**
   * When each field last changed, for sync to merge field by field (core/log/changeTimes.ts): a
   * field absent never changed. A state written before these times were kept has none at all:
   * each of its fields then counts as changed at `updatedAt`.
   */
  changedAt: v.optional(
    v.object({
      listenedOn: v.optional(isoTimestamp),
      bookmarkedAt: v.optional(isoTimestamp),
      note: v.optional(isoTimestamp),
      rating: v.optional(isoTimestamp),
    }),
  ),
});
export type ListeningState = v.InferOutput<typeof listeningStateSchema>;

/** The state of an episode the listener never touched. */
export function emptyState(episodeId: string): ListeningState {
  return { episodeId, listenedOn: null, bookmarkedAt: null, note: '', rating: null, updatedAt: new Date(0).toISOString() };
}

/**
 * Who wrote an event other than the listener: the player, at an episode's end; a podcast app,
 * through gPodder; an app's history file, imported.
 */
const EVENT_SOURCES = ['player', 'gpodder', 'app'] as const;

const EVENT_KINDS = ['listened', 'unlistened', 'bookmarked', 'unbookmarked', 'note-edited'] as const;
export type ListeningEventKind = (typeof EVENT_KINDS)[number];

/**
 * One entry of the append-only log of what the listener did, at `at` (ISO timestamp). A
 * `listened` says the day (`listenedOn`); `batch` names the bulk change that wrote it
 * ("everything up to LCC 200"), which one undo takes back; `from` marks one the player wrote by
 * itself at the end of the episode, or one a podcast app reported or its file held (`device`, the app's name).
 */
const eventEntries = {
  kind: v.picklist(EVENT_KINDS),
  at: isoTimestamp,
  listenedOn: v.optional(listenedDay),
  batch: v.optional(v.pipe(v.string(), v.minLength(1))),
  from: v.optional(v.picklist(EVENT_SOURCES)),
  device: v.optional(v.string()),
};

/** An event as an export file holds it, naming its episode. */
export const listeningEventSchema = v.object({ episodeId, ...eventEntries });
export type ListeningEvent = v.InferOutput<typeof listeningEventSchema>;

/**
 * The log of one episode, oldest first. One record per episode rather than per event: the views
 * read an episode's log whole, and an import of 10,000 events then makes hundreds of writes, not
 * ten thousand.
 */
export const episodeLogSchema = v.object({
  episodeId,
  events: v.array(v.object(eventEntries)),
});
export type EpisodeLog = v.InferOutput<typeof episodeLogSchema>;

/**
 * The few fields of an episode that lists show (journal history, bookmarks, statistics), kept
 * apart from the full episode so that drawing a list reads kilobytes, not megabytes; `audioUrl`
 * is the mp3's address, for the player.
 */
export const episodeCardSchema = v.object({
  id: episodeId,
  number: episodeNumber,
  title: v.string(),
  url: pageAddress,
  publishedOn: calendarDay,
  audioBytes: v.nullable(v.pipe(v.number(), v.safeInteger(), v.minValue(0))),
  // Cards written before version 6 have none; the migration to 6 fills it in from the episodes kept.
  audioUrl: v.optional(v.nullable(httpAddress), null),
});
export type EpisodeCard = v.InferOutput<typeof episodeCardSchema>;

export function cardOf(episode: Episode): EpisodeCard {
  const { id, number, title, url, publishedOn } = episode;
  return { id, number, title, url, publishedOn, audioBytes: episode.audio?.bytes ?? null, audioUrl: episode.audio?.url ?? null };
}

/** What the player needs to play the episode of a card, where the card names its mp3. */
export function playableOfCard(card: EpisodeCard): Playable | null {
  if (!card.audioUrl) return null;
  return { episodeId: card.id, url: card.url, number: card.number, title: card.title, audioUrl: card.audioUrl };
}

const citingEpisodeSchema: v.GenericSchema<unknown, CitingEpisode> = v.object({
  url: pageAddress,
  number: episodeNumber,
  title: v.string(),
});

export const citationSchema: v.GenericSchema<unknown, Citation> = v.object({
  url: httpAddress,
  episodes: v.array(citingEpisodeSchema),
});

/** The search index's own JSON is checked by MiniSearch when it is loaded. */
export const storedSearchIndexSchema: v.GenericSchema<unknown, StoredSearchIndex> = v.object({
  version: v.optional(v.number()),
  episodes: v.array(citingEpisodeSchema),
  index: v.string(),
});

const SETTINGS_DEFAULTS = {
  language: 'auto',
  theme: 'auto',
  openLinksIn: 'foreground',
  sync: 'off',
  notifyNewEpisodes: 'off',
  playbackRate: 1,
} as const;

/**
 * The settings. `sync` is the listening state in the browser's own sync (the listener's Google or
 * Firefox account), off unless chosen; `notifyNewEpisodes` a system notification when a refresh
 * brings an episode, off unless chosen (the permission is asked then); `playbackRate` the player's speed, 0.8 to 2.5. Settings
 * from before a setting existed take its default.
 */
export const settingsSchema = v.object({
  language: v.optional(v.picklist(['auto', 'fr', 'en']), SETTINGS_DEFAULTS.language),
  theme: v.optional(v.picklist(['auto', 'light', 'dark']), SETTINGS_DEFAULTS.theme),
  openLinksIn: v.optional(v.picklist(['foreground', 'background']), SETTINGS_DEFAULTS.openLinksIn),
  sync: v.optional(v.picklist(['off', 'on']), SETTINGS_DEFAULTS.sync),
  notifyNewEpisodes: v.optional(v.picklist(['off', 'on']), SETTINGS_DEFAULTS.notifyNewEpisodes),
  playbackRate: v.optional(v.pipe(v.number(), v.minValue(MIN_RATE), v.maxValue(MAX_RATE)), SETTINGS_DEFAULTS.playbackRate),
});
export type Settings = v.InferOutput<typeof settingsSchema>;

export const DEFAULT_SETTINGS: Settings = SETTINGS_DEFAULTS;

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

/**
 * An episode as the site's feed gives it, kept in the archive under its page address, with the
 * text of its notes as the page shows them, for search (empty in entries stored before it was kept).
 */
export const archiveEpisodeSchema = v.pipe(
  v.object({ url: v.string(), episode: episodeSchema, text: v.optional(v.string(), '') }),
  v.check((entry) => entry.url === entry.episode.url),
);
export type ArchiveEpisode = v.InferOutput<typeof archiveEpisodeSchema>;
/** An archive entry as the database may hold it: one stored before the notes' text was kept has none. */
export type StoredArchiveEpisode = Omit<ArchiveEpisode, 'text'> & { text?: string };

/**
 * Where the archive stands: the feed's validators, when it was checked and updated (ms since the
 * epoch; `updatedAt` null before the first update), and the last failure.
 */
export const feedStateSchema = v.object({
  etag: v.nullable(v.string()),
  lastModified: v.nullable(v.string()),
  checkedAt: milliseconds,
  updatedAt: v.nullable(milliseconds),
  failure: v.nullable(v.object({ at: milliseconds, problem: v.string() })),
  /** The entries the last update refused (a number its address does not give or another post holds, notes too large or deep). */
  refusedEntries: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0))),
  /** The episodes updates brought after the first, that the listener has not opened yet: the badge's "1", the catalogue's "nouveau". */
  arrived: v.optional(v.array(episodeId)),
});
export type FeedState = v.InferOutput<typeof feedStateSchema>;

/**
 * What the archive knows of the entries it read: each kept entry's fingerprint and page address,
 * who read them (the extension's version: another one reads every entry anew), and the episodes
 * stored since the search index and the citations were derived from the archive.
 */
export const archivedEntriesSchema = v.object({
  reader: v.string(),
  fingerprints: v.record(v.string(), pageAddress),
  underived: v.array(pageAddress),
});
export type ArchivedEntries = v.InferOutput<typeof archivedEntriesSchema>;

/** The addresses each episode of the archive cites outside its boilerplate, by page address: what citations are counted from. */
export const citedAddressesSchema = v.record(pageAddress, v.array(v.string()));
export type CitedAddresses = v.InferOutput<typeof citedAddressesSchema>;

/**
 * A link of the notes the listener kept to read later: `context` is the news item it belongs to;
 * `keptAt`, `readAt` and `updatedAt` ISO timestamps.
 */
export const readLaterLinkSchema = v.object({
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
export type ReadLaterLink = v.InferOutput<typeof readLaterLinkSchema>;

/** A link of an episode's notes the listener opened from the popup, and when first. */
export const openedLinkSchema = v.object({
  episodeId,
  url: httpAddress,
  openedAt: isoTimestamp,
});
export type OpenedLink = v.InferOutput<typeof openedLinkSchema>;

/**
 * Where the listener stopped in an episode (`url`, its page), kept to resume there; `duration` is
 * the episode's length as the player read it, in seconds; `device` the podcast app that reported
 * it, for a position from the phone.
 */
export const playbackPositionSchema = v.object({
  episodeId,
  url: pageAddress,
  seconds,
  duration: v.nullable(seconds),
  updatedAt: isoTimestamp,
  device: v.optional(v.string()),
});
export type PlaybackPosition = v.InferOutput<typeof playbackPositionSchema>;

/** Time played in the extension's player in one month (`YYYY-MM`). */
export const listenedTimeSchema: v.GenericSchema<unknown, ListenedSeconds> = v.object({
  month: v.pipe(v.string(), v.regex(/^\d{4}-(0[1-9]|1[0-2])$/)),
  wallSeconds: seconds,
  contentSeconds: seconds,
});
export type ListenedTime = ListenedSeconds;

export const playableSchema: v.GenericSchema<unknown, Playable> = v.object({
  episodeId,
  url: pageAddress,
  number: episodeNumber,
  title: v.string(),
  audioUrl: httpAddress,
});

export type { Playable };
