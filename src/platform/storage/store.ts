/**
 * Every read and write of the extension's data goes through here, whichever context runs it
 * (popup, options page, background). After each committed write, the other contexts hear of it
 * on a BroadcastChannel and update in place.
 */
import { openDB, type IDBPObjectStore, type StoreNames } from 'idb';
import type { Episode } from '../../core/episode/model';
import {
  cachedEpisodeSchema,
  cardOf,
  DEFAULT_SETTINGS,
  episodeCardSchema,
  episodeLogSchema,
  listeningStateSchema,
  readRecord,
  readRecords,
  settingsSchema,
  type CachedEpisode,
  type EpisodeCard,
  type EpisodeLog,
  type ListeningState,
  type ReadRecords,
  type Settings,
} from '../../core/records';
import { DATABASE_NAME, DATABASE_VERSION, putCard, upgrade, type CompanionDatabase, type CompanionSchema } from './schema';

export type { CachedEpisode, EpisodeCard, ListeningEvent, ListeningState, ReadRecords, Settings } from '../../core/records';

const CHANGES_CHANNEL = 'lcc-companion/store-changes';

export interface StoreChange {
  /** The episodes whose data changed; `all` after an import or a clear. */
  episodeIds: string[] | 'all';
  settings?: boolean;
  /** The archive was updated from the feed, or a try to update it failed. */
  archive?: boolean;
  /** The reading list or the links opened changed. */
  reading?: boolean;
  /** A position, the time played or the queue changed. */
  playback?: boolean;
}

/** Whether a change touched the listener's data of this episode, or of any episode without one. */
export function changesEpisode(change: StoreChange, episodeId?: string): boolean {
  if (change.episodeIds === 'all') return true;
  return episodeId === undefined ? change.episodeIds.length > 0 : change.episodeIds.includes(episodeId);
}

/** Raised for storage failures a listener can act on; the message key says which. */
export class StoreError extends Error {
  constructor(
    readonly kind: 'quota' | 'blocked' | 'unavailable',
    cause?: unknown,
  ) {
    super(`storage ${kind}`, { cause });
    this.name = 'StoreError';
  }
}

let opening: Promise<CompanionDatabase> | null = null;

export function openStore(): Promise<CompanionDatabase> {
  opening ??= openCompanionDatabase().catch((error: unknown) => {
    opening = null;
    throw error;
  });
  return opening;
}

/**
 * Opens the database, upgrading it if needed. An upgrade blocked by an older version still open
 * elsewhere fails at once with a StoreError, rather than leaving every view waiting.
 */
function openCompanionDatabase(): Promise<CompanionDatabase> {
  return new Promise((resolve, reject) => {
    let refused = false;
    openDB<CompanionSchema>(DATABASE_NAME, DATABASE_VERSION, {
      upgrade: (database, oldVersion, newVersion, transaction) =>
        upgrade(database, oldVersion, newVersion ?? DATABASE_VERSION, transaction),
      blocked: () => {
        refused = true;
        reject(new StoreError('blocked'));
      },
      // A newer version of the extension wants the database: let it, and reopen on next use.
      blocking: (_, __, event) => {
        (event.target as IDBDatabase).close();
        opening = null;
      },
    }).then(
      (database) => (refused ? database.close() : resolve(database)),
      (error: unknown) => reject(new StoreError('unavailable', error)),
    );
  });
}

function isQuotaError(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'QuotaExceededError';
}

/**
 * Runs a write, turns a full disk into a StoreError, and tells the other contexts. For the
 * storage modules only: the rest of the extension calls the named operations.
 */
export async function write<T>(change: StoreChange, work: (database: CompanionDatabase) => Promise<T>): Promise<T> {
  const database = await openStore();
  let result: T;
  try {
    result = await work(database);
  } catch (error) {
    throw isQuotaError(error) ? new StoreError('quota', error) : error;
  }
  announceChange(change);
  return result;
}

const localWriteListeners = new Set<(change: StoreChange) => void>();

function announceChange(change: StoreChange): void {
  const channel = new BroadcastChannel(CHANGES_CHANNEL);
  channel.postMessage(change);
  channel.close();
  for (const listener of localWriteListeners) listener(change);
}

/**
 * Calls `listener` after each write made in this context. A sleeping background hears nothing on
 * a BroadcastChannel; the pages relay their own writes to it with this.
 */
export function onLocalWrite(listener: (change: StoreChange) => void): void {
  localWriteListeners.add(listener);
}

/** Calls `listener` after another context changed stored data; returns the unsubscribe. */
export function onStoreChange(listener: (change: StoreChange) => void): () => void {
  const channel = new BroadcastChannel(CHANGES_CHANNEL);
  channel.onmessage = (event: MessageEvent<StoreChange>) => listener(event.data);
  return () => channel.close();
}

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

export async function getListeningState(episodeId: string): Promise<ListeningState | undefined> {
  return readRecord(listeningStateSchema, await (await openStore()).get('listening', episodeId)) ?? undefined;
}

function emptyState(episodeId: string): ListeningState {
  return { episodeId, listenedOn: null, bookmarkedAt: null, note: '', rating: null, updatedAt: new Date(0).toISOString() };
}

type LogEvent = EpisodeLog['events'][number];

/** The log entries a change of state makes. */
function eventsOfChange(before: ListeningState, after: ListeningState): LogEvent[] {
  const at = after.updatedAt;
  const events: LogEvent[] = [];
  if (after.listenedOn !== before.listenedOn) {
    events.push(after.listenedOn ? { kind: 'listened', at, listenedOn: after.listenedOn } : { kind: 'unlistened', at });
  }
  if (Boolean(after.bookmarkedAt) !== Boolean(before.bookmarkedAt))
    events.push({ kind: after.bookmarkedAt ? 'bookmarked' : 'unbookmarked', at });
  if (after.note !== before.note) events.push({ kind: 'note-edited', at });
  return events;
}

type LogStore = IDBPObjectStore<CompanionSchema, StoreNames<CompanionSchema>[], 'logs', 'readwrite'>;

/** Adds events at the end of an episode's log (a log that can no longer be read starts anew). */
async function appendToLog(logs: LogStore, episodeId: string, events: LogEvent[]): Promise<void> {
  if (events.length === 0) return;
  const log = readRecord(episodeLogSchema, await logs.get(episodeId)) ?? { episodeId, events: [] };
  await logs.put({ ...log, events: [...log.events, ...events] });
}

/**
 * Changes one episode's state and logs what changed, in a single transaction: two contexts
 * writing at once lose nothing, and a failure writes nothing. Given the whole episode, it also
 * keeps a copy of it where none is kept yet, so that the journal can name it later.
 */
export function updateListeningState(
  episode: Episode | Pick<Episode, 'id'>,
  change: (state: ListeningState) => Partial<ListeningState>,
): Promise<ListeningState> {
  return write({ episodeIds: [episode.id] }, async (database) => {
    const transaction = database.transaction(['listening', 'logs', 'episodes', 'cards'], 'readwrite');
    const states = transaction.objectStore('listening');
    const logs = transaction.objectStore('logs');
    // A state that can no longer be read is written anew from this change.
    const current = readRecord(listeningStateSchema, await states.get(episode.id)) ?? emptyState(episode.id);
    const next: ListeningState = { ...current, ...change(current), episodeId: episode.id, updatedAt: new Date().toISOString() };
    await states.put(next);
    await appendToLog(logs, episode.id, eventsOfChange(current, next));
    if ('url' in episode && (await transaction.objectStore('episodes').count(episode.url)) === 0) {
      await transaction.objectStore('episodes').put({ url: episode.url, episode, source: 'page', etag: null, checkedAt: 0 });
      await putCard(transaction.objectStore('cards'), cardOf(episode));
    }
    await transaction.done;
    return next;
  });
}

export async function listListeningStates(): Promise<ReadRecords<ListeningState>> {
  return readRecords(listeningStateSchema, await (await openStore()).getAll('listening'));
}

export async function listCachedEpisodes(): Promise<ReadRecords<CachedEpisode>> {
  return readRecords(cachedEpisodeSchema, await (await openStore()).getAll('episodes'));
}

function settingsOf(stored: unknown): Settings {
  return readRecord(settingsSchema, stored ?? {}) ?? DEFAULT_SETTINGS;
}

export async function getSettings(): Promise<Settings> {
  return settingsOf(await (await openStore()).get('settings', 'settings'));
}

/**
 * Changes the settings given and keeps the others as stored, in one transaction: the player's
 * speed set in the popup and the theme chosen in the journal, each from its own copy, both stay.
 */
export function updateSettings(change: Partial<Settings>): Promise<Settings> {
  return write({ episodeIds: [], settings: true }, async (database) => {
    const transaction = database.transaction('settings', 'readwrite');
    const next = { ...settingsOf(await transaction.store.get('settings')), ...change };
    await transaction.store.put(next, 'settings');
    await transaction.done;
    return next;
  });
}

/** A bulk change of the log, and what one undo needs to put everything back as it was. */
export interface BulkMark {
  batch: string;
  listenedOn: string;
  /** The episodes it marked listened, with their state before (undefined: they had none). */
  before: { episodeId: string; state: ListeningState | undefined }[];
}

/**
 * Marks every given episode not listened yet as listened on `listenedOn`, in one transaction; its
 * events carry one batch id, so that `undoBulkMark` takes exactly them back. The player marks
 * the episode it played to the end this way too, its event saying so.
 */
export function markListenedInBulk(episodeIds: string[], listenedOn: string, from?: 'player', now = new Date()): Promise<BulkMark> {
  return write({ episodeIds }, async (database) => {
    const transaction = database.transaction(['listening', 'logs'], 'readwrite');
    const states = transaction.objectStore('listening');
    const logs = transaction.objectStore('logs');
    const at = now.toISOString();
    const batch = `${from ?? 'bulk'}-${at}`;
    const before: BulkMark['before'] = [];
    for (const episodeId of new Set(episodeIds)) {
      const state = readRecord(listeningStateSchema, await states.get(episodeId)) ?? undefined;
      if (state?.listenedOn) continue;
      before.push({ episodeId, state });
      await states.put({ ...(state ?? emptyState(episodeId)), listenedOn, updatedAt: at });
      await appendToLog(logs, episodeId, [{ kind: 'listened', at, listenedOn, batch, ...(from && { from }) }]);
    }
    await transaction.done;
    return { batch, listenedOn, before };
  });
}

/** Puts every state and log a bulk mark changed back exactly as it was. */
export function undoBulkMark(mark: BulkMark): Promise<void> {
  return write({ episodeIds: mark.before.map((each) => each.episodeId) }, async (database) => {
    const transaction = database.transaction(['listening', 'logs'], 'readwrite');
    const states = transaction.objectStore('listening');
    const logs = transaction.objectStore('logs');
    for (const { episodeId, state } of mark.before) {
      if (state) await states.put(state);
      else await states.delete(episodeId);
      const log = readRecord(episodeLogSchema, await logs.get(episodeId));
      if (!log) continue;
      const events = log.events.filter((event) => event.batch !== mark.batch);
      if (events.length > 0) await logs.put({ ...log, events });
      else await logs.delete(episodeId);
    }
    await transaction.done;
  });
}

/**
 * Takes states changed on another of the listener's browsers: each is written, with the events
 * of its change, only if it is still newer than the one here (checked in the transaction).
 */
export function applySyncedStates(states: ListeningState[]): Promise<void> {
  return write({ episodeIds: states.map((state) => state.episodeId) }, async (database) => {
    const transaction = database.transaction(['listening', 'logs'], 'readwrite');
    const stored = transaction.objectStore('listening');
    const logs = transaction.objectStore('logs');
    for (const state of states) {
      const current = readRecord(listeningStateSchema, await stored.get(state.episodeId)) ?? emptyState(state.episodeId);
      if (Date.parse(current.updatedAt) >= Date.parse(state.updatedAt)) continue;
      await stored.put(state);
      await appendToLog(logs, state.episodeId, eventsOfChange(current, state));
    }
    await transaction.done;
  });
}
