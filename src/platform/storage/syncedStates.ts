/**
 * States and positions that come from the listener's other browsers (storage.sync), taken where newer.
 */
import type { SyncedPosition, SyncedState } from '../../core/sync/encoding';
import { joinPositions, takeJoined } from '../../core/sync/plan';
import { emptyState, listeningStateSchema, playbackPositionSchema, readRecord } from '../../core/records';
import { write } from './database';
import { cardsById } from './episodeCopies';
import { appendToLog, eventsOfChange } from './listening';

/**
 * Takes the fields of states changed on another of the listener's browsers after the ones here
 * (joined in the transaction, with what the listener may have changed since), with their events.
 */
export function applySyncedStates(states: SyncedState[]): Promise<void> {
  return write({ episodeIds: states.map((state) => state.episodeId) }, async (database) => {
    const transaction = database.transaction(['listening', 'logs'], 'readwrite');
    const stored = transaction.objectStore('listening');
    const logs = transaction.objectStore('logs');
    for (const state of states) {
      const current = readRecord(listeningStateSchema, await stored.get(state.episodeId)) ?? emptyState(state.episodeId);
      const next = takeJoined(current, state);
      if (!next) continue;
      await stored.put(next);
      await appendToLog(logs, state.episodeId, eventsOfChange(current, next));
    }
    await transaction.done;
  });
}

/**
 * Takes positions set on another of the listener's browsers, each only if still newer than the one
 * here (checked in the transaction), on the page of its episode's card: a position of an episode
 * this browser knows nothing of has no page to resume on, and waits until it does.
 */
export function applySyncedPositions(positions: SyncedPosition[]): Promise<void> {
  return write({ episodeIds: [], playback: true }, async (database) => {
    const transaction = database.transaction(['positions', 'cards', 'archiveCards'], 'readwrite');
    const stored = transaction.objectStore('positions');
    const [kept, archive] = await Promise.all([
      transaction.objectStore('cards').getAll(),
      transaction.objectStore('archiveCards').getAll(),
    ]);
    const cardOfId = cardsById(kept, archive);
    for (const position of positions) {
      const current = readRecord(playbackPositionSchema, await stored.get(position.episodeId));
      const card = cardOfId.get(position.episodeId);
      if (!card || (current && joinPositions(current, position) !== position)) continue;
      await stored.put({ ...position, url: card.url });
    }
    await transaction.done;
  });
}
