/**
 * States that come from the listener's other browsers (storage.sync), taken where newer.
 */
import { listeningStateSchema, readRecord, type ListeningState } from '../../core/records';
import { write } from './database';
import { appendToLog, emptyState, eventsOfChange } from './listening';

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
