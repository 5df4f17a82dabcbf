/**
 * The log's side of the sync with the listener's podcast apps: what their actions change is
 * written in one transaction (a failure writes nothing), and what the log holds to tell them is
 * read in one.
 */
import { episodeId } from '../../core/episode/model';
import type { ShowAction } from '../../core/gpodder/actions';
import { changesFromApps, type AppAddresses } from '../../core/gpodder/merge';
import type { EpisodeToName } from '../../core/gpodder/outgoing';
import { audioSeconds } from '../../core/log/journal';
import {
  emptyState,
  episodeLogSchema,
  listeningStateSchema,
  playbackPositionSchema,
  readRecord,
  readRecords,
  type EpisodeLog,
  type PlaybackPosition,
} from '../../core/records';
import { openStore, write } from './database';
import { cardsById } from './episodeCopies';
import { addListenedTime } from './playback';
import { appendToLog, putState } from './listening';

export interface AppliedFromApps {
  listened: number;
  positions: number;
  addresses: Map<number, AppAddresses>;
}

const idOf = (number: number) => episodeId(number, '');

/**
 * Writes the marks and positions the apps' actions make, for the episodes the archive or the log
 * knows (an episode known nowhere has no page to resume it on). `ownDevice`'s actions change nothing.
 */
export async function applyActionsFromApps(actions: ShowAction[], ownDevice: string): Promise<AppliedFromApps> {
  const numbers = [...new Set(actions.map((action) => action.number))];
  const database = await openStore();
  const read = database.transaction(['listening', 'positions', 'archiveCards', 'cards']);
  const [archiveCards, cards] = await Promise.all([read.objectStore('archiveCards').getAll(), read.objectStore('cards').getAll()]);
  const cardOfId = cardsById(cards, archiveCards);
  const known = await Promise.all(
    numbers.flatMap((number) => {
      const card = cardOfId.get(idOf(number));
      if (!card) return [];
      return (async () => {
        const state = readRecord(listeningStateSchema, await read.objectStore('listening').get(card.id)) ?? undefined;
        const position = readRecord(playbackPositionSchema, await read.objectStore('positions').get(card.id)) ?? undefined;
        return [number, { card, state, position }] as const;
      })();
    }),
  );
  const local = new Map(known);
  const changes = changesFromApps(actions, ownDevice, (number) => local.get(number));
  const touched = [...changes.listened, ...changes.positions].map((change) => idOf(change.number));
  if (touched.length === 0 && changes.listenedTime.length === 0) return { listened: 0, positions: 0, addresses: changes.addresses };
  const playback = changes.positions.length > 0 || changes.listenedTime.length > 0;
  return write({ episodeIds: touched, ...(playback && { playback }) }, async (store) => {
    const transaction = store.transaction(['listening', 'logs', 'positions', 'listenedTime'], 'readwrite');
    await addListenedTime(transaction.objectStore('listenedTime'), changes.listenedTime);
    const states = transaction.objectStore('listening');
    for (const mark of changes.listened) {
      const id = idOf(mark.number);
      // Read again in this transaction: the listener may have changed it since.
      const current = readRecord(listeningStateSchema, await states.get(id)) ?? emptyState(id);
      if (current.listenedOn) continue;
      await putState(states, current, { ...current, listenedOn: mark.listenedOn, updatedAt: mark.at });
      await appendToLog(transaction.objectStore('logs'), id, [
        { kind: 'listened', at: mark.at, listenedOn: mark.listenedOn, from: 'gpodder', ...(mark.device && { device: mark.device }) },
      ]);
    }
    for (const position of changes.positions) {
      const id = idOf(position.number);
      const { card } = local.get(position.number)!;
      await transaction.objectStore('positions').put({
        episodeId: id,
        url: card.url,
        seconds: position.seconds,
        duration: position.total,
        updatedAt: position.at,
        ...(position.device && { device: position.device }),
      });
    }
    await transaction.done;
    return { listened: changes.listened.length, positions: changes.positions.length, addresses: changes.addresses };
  });
}

export interface LogForApps {
  logs: EpisodeLog[];
  positions: PlaybackPosition[];
  episodes: Map<string, EpisodeToName>;
  /** The archive's mp3 addresses, each to its episode's number. */
  enclosures: Map<string, number>;
}

/** Everything the sync reads of the log and the archive, in one transaction. */
export async function readLogForApps(): Promise<LogForApps> {
  const database = await openStore();
  const read = database.transaction(['logs', 'positions', 'archiveCards', 'cards']);
  const [logs, positions, archiveCards, cards] = await Promise.all([
    read.objectStore('logs').getAll(),
    read.objectStore('positions').getAll(),
    read.objectStore('archiveCards').getAll(),
    read.objectStore('cards').getAll(),
  ]);
  const episodes = new Map<string, EpisodeToName>();
  const enclosures = new Map<string, number>();
  for (const card of cardsById(cards, archiveCards).values()) {
    if (card.number === null) continue;
    episodes.set(card.id, {
      number: card.number,
      enclosure: card.audioUrl,
      seconds: card.audioBytes ? audioSeconds(card.audioBytes) : null,
    });
    if (card.audioUrl) enclosures.set(card.audioUrl, card.number);
  }
  return {
    logs: readRecords(episodeLogSchema, logs).records,
    positions: readRecords(playbackPositionSchema, positions).records,
    episodes,
    enclosures,
  };
}
