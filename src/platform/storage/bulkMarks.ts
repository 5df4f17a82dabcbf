/**
 * Many episodes marked listened at once ("everything up to LCC N", or the player's end of an
 * episode), and the one undo that puts each state and log back exactly.
 */
import { emptyState, episodeLogSchema, listeningStateSchema, readRecord, type ListeningState } from '../../core/records';
import { write } from './database';
import { appendToLog, putState } from './listening';

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
      const current = state ?? emptyState(episodeId);
      await putState(states, current, { ...current, listenedOn, updatedAt: at });
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
