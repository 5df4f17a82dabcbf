/**
 * The player's data: where each episode was left, the time played per month, and the queue.
 * Their changes say `playback` and name no episode, so that the views of the log do not read it
 * all again for them.
 */
import type { ListenedSeconds } from '../../core/player/listeningClock';
import {
  listenedTimeSchema,
  playableSchema,
  playbackPositionSchema,
  readRecord,
  readRecords,
  type ListenedTime,
  type Playable,
  type PlaybackPosition,
  type ReadRecords,
} from '../../core/records';
import type { IDBPObjectStore, StoreNames } from 'idb';
import { openStore, write } from './database';
import type { CompanionSchema } from './schema';

export async function getPosition(episodeId: string): Promise<PlaybackPosition | null> {
  return readRecord(playbackPositionSchema, await (await openStore()).get('positions', episodeId));
}

export async function listPositions(): Promise<ReadRecords<PlaybackPosition>> {
  return readRecords(playbackPositionSchema, await (await openStore()).getAll('positions'));
}

/** The positions the player set here: those an app reported reach each browser through the app's own sync. */
export async function listPlayerPositions(): Promise<PlaybackPosition[]> {
  return (await listPositions()).records.filter((position) => position.device === undefined);
}

export async function listListenedTime(): Promise<ReadRecords<ListenedTime>> {
  return readRecords(listenedTimeSchema, await (await openStore()).getAll('listenedTime'));
}

/**
 * Writes where an episode is and adds the time played since the last write, together. A
 * checkpoint taken while it plays changes nothing the pages show (the player's bar shows the
 * position live): it is announced as touching no view, so that none reads everything again
 * every ten seconds; a pause, seek or end is.
 */
export function savePlayback(position: PlaybackPosition, listened: ListenedSeconds[], checkpoint = false): Promise<void> {
  return write({ episodeIds: [], ...(!checkpoint && { playback: true }) }, async (database) => {
    const transaction = database.transaction(['positions', 'listenedTime'], 'readwrite');
    await transaction.objectStore('positions').put(position);
    await addListenedTime(transaction.objectStore('listenedTime'), listened);
    await transaction.done;
  });
}

/** Adds seconds listened to their months' counts, in the caller's transaction. */
export async function addListenedTime(
  months: IDBPObjectStore<CompanionSchema, StoreNames<CompanionSchema>[], 'listenedTime', 'readwrite'>,
  listened: ListenedSeconds[],
): Promise<void> {
  for (const { month, wallSeconds, contentSeconds } of listened) {
    const counted = readRecord(listenedTimeSchema, await months.get(month)) ?? { month, wallSeconds: 0, contentSeconds: 0 };
    await months.put({ month, wallSeconds: counted.wallSeconds + wallSeconds, contentSeconds: counted.contentSeconds + contentSeconds });
  }
}

function readQueue(stored: unknown): Playable[] {
  return Array.isArray(stored) ? readRecords(playableSchema, stored).records : [];
}

export async function getQueue(): Promise<Playable[]> {
  return readQueue(await (await openStore()).get('queue', 'queue'));
}

/**
 * Changes the queue from what it is when the change runs, in one transaction: two changes at
 * once (two quick clicks, the player taking the next episode) both count. Returns the new queue.
 */
export function updateQueue(change: (queue: Playable[]) => Playable[]): Promise<Playable[]> {
  return write({ episodeIds: [], playback: true }, async (database) => {
    const transaction = database.transaction('queue', 'readwrite');
    const next = change(readQueue(await transaction.store.get('queue')));
    await transaction.store.put(next, 'queue');
    await transaction.done;
    return next;
  });
}
