/**
 * The listener's state of each episode (listened, bookmark, rating, note) and its log of events,
 * changed together in one transaction.
 */
import type { IDBPObjectStore, StoreNames } from 'idb';
import type { Episode } from '../../core/episode/model';
import { stampChanges } from '../../core/log/changeTimes';
import {
  cardOf,
  emptyState,
  episodeLogSchema,
  listeningStateSchema,
  readRecord,
  readRecords,
  type EpisodeLog,
  type ListeningState,
  type ReadRecords,
} from '../../core/records';
import { openStore, write } from './database';
import { putCard, type CompanionSchema } from './schema';

export async function getListeningState(episodeId: string): Promise<ListeningState | undefined> {
  return readRecord(listeningStateSchema, await (await openStore()).get('listening', episodeId)) ?? undefined;
}

type LogEvent = EpisodeLog['events'][number];

/** The log entries a change of state makes. For the storage modules. */
export function eventsOfChange(before: ListeningState, after: ListeningState): LogEvent[] {
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
type StateStore = IDBPObjectStore<CompanionSchema, StoreNames<CompanionSchema>[], 'listening', 'readwrite'>;

/** Writes `after` over `before`, each field it changed stamped with its `updatedAt` (for sync). For the storage modules. */
export async function putState(states: StateStore, before: ListeningState, after: ListeningState): Promise<ListeningState> {
  const stamped = stampChanges(before, after);
  await states.put(stamped);
  return stamped;
}

/** Adds events at the end of an episode's log (a log that can no longer be read starts anew). */
export async function appendToLog(logs: LogStore, episodeId: string, events: LogEvent[]): Promise<void> {
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
    const next = await putState(states, current, {
      ...current,
      ...change(current),
      episodeId: episode.id,
      updatedAt: new Date().toISOString(),
    });
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

/** Who marked an episode listened, where it was not the listener here: the player, a podcast app (by its device's name). */
export interface MarkSource {
  from: NonNullable<LogEvent['from']>;
  device: string | undefined;
}

/** For each of `episodeIds` whose last listened mark someone else wrote, who. Reads those episodes' logs only. */
export async function readMarkSources(episodeIds: string[]): Promise<Map<string, MarkSource>> {
  const transaction = (await openStore()).transaction('logs');
  const logs = await Promise.all(episodeIds.map((id) => transaction.store.get(id)));
  const sources = new Map<string, MarkSource>();
  for (const log of logs) {
    const record = readRecord(episodeLogSchema, log);
    const mark = record?.events.findLast((event) => event.kind === 'listened');
    if (record && mark?.from) sources.set(record.episodeId, { from: mark.from, device: mark.device });
  }
  return sources;
}
