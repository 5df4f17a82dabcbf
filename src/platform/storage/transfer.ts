/**
 * The journal as a whole: read at once, exported, imported, cleared. Apart from the store's
 * everyday operations, so that only the page that moves data loads this (and the file checks).
 */
import { exportFileOf, planImport, type ExportFile, type ImportPlan, type StoredData } from '../../core/formats/exportFile';
import type { LogEntry } from '../../core/formats/csv';
import {
  cachedEpisodeSchema,
  cardOf,
  episodeCardSchema,
  episodeLogSchema,
  listenedTimeSchema,
  listeningStateSchema,
  openedLinkSchema,
  playableSchema,
  playbackPositionSchema,
  readLaterLinkSchema,
  readRecords,
  type EpisodeCard,
  type EpisodeLog,
  type ListeningEvent,
  type ReadLaterLink,
} from '../../core/records';
import { allOrNothing, openStore, requestAll, write } from './database';
import { getSettings } from './settings';

/** The stores of the listener's own data, which an export holds and a clear empties (cards come with the episodes). */
const LISTENER_STORES = ['episodes', 'listening', 'logs', 'readLater', 'opened', 'positions', 'listenedTime', 'queue'] as const;

function flatten(log: EpisodeLog): ListeningEvent[] {
  return log.events.map((event) => ({ episodeId: log.episodeId, ...event }));
}

/**
 * Everything stored, read in one transaction so that it is consistent. Records that can no longer
 * be read are left out: an export always imports.
 */
export async function readEverything(): Promise<StoredData> {
  const transaction = (await openStore()).transaction(LISTENER_STORES);
  const [episodes, listening, logs, readLater, opened, positions, listenedTime, queue] = await Promise.all([
    transaction.objectStore('episodes').getAll(),
    transaction.objectStore('listening').getAll(),
    transaction.objectStore('logs').getAll(),
    transaction.objectStore('readLater').getAll(),
    transaction.objectStore('opened').getAll(),
    transaction.objectStore('positions').getAll(),
    transaction.objectStore('listenedTime').getAll(),
    transaction.objectStore('queue').get('queue'),
  ]);
  return {
    episodes: readRecords(cachedEpisodeSchema, episodes).records,
    listening: readRecords(listeningStateSchema, listening).records,
    events: readRecords(episodeLogSchema, logs).records.flatMap(flatten),
    readLater: readRecords(readLaterLinkSchema, readLater).records,
    opened: readRecords(openedLinkSchema, opened).records,
    positions: readRecords(playbackPositionSchema, positions).records,
    listenedTime: readRecords(listenedTimeSchema, listenedTime).records,
    queue: readRecords(playableSchema, Array.isArray(queue) ? queue : []).records,
  };
}

export async function exportEverything(now = new Date()): Promise<ExportFile> {
  const [data, settings] = await Promise.all([readEverything(), getSettings()]);
  return exportFileOf(data, now, settings);
}

/** Writes an import plan in one transaction: all of it, or (on any failure) none of it. */
export function applyImport(plan: ImportPlan): Promise<void> {
  return write({ episodeIds: 'all', settings: plan.settings !== null, reading: true, playback: true }, async (database) => {
    // Relaxed: one large write need not wait for the disk flush; it is still all or nothing.
    const transaction = database.transaction([...LISTENER_STORES, 'cards', 'settings'], 'readwrite', { durability: 'relaxed' });
    const readLater = transaction.objectStore('readLater');
    const opened = transaction.objectStore('opened');
    const episodes = transaction.objectStore('episodes');
    const cards = transaction.objectStore('cards');
    const listening = transaction.objectStore('listening');
    const logs = transaction.objectStore('logs');
    const positions = transaction.objectStore('positions');
    const listenedTime = transaction.objectStore('listenedTime');
    await allOrNothing(transaction, async () => {
      if (plan.mode === 'replace')
        await Promise.all([...LISTENER_STORES, 'cards' as const].map((name) => transaction.objectStore(name).clear()));
      const logsById = new Map((await logs.getAll()).map((log) => [log.episodeId, log]));
      for (const { episodeId, ...event } of plan.events) {
        const log = logsById.get(episodeId) ?? { episodeId, events: [] };
        log.events.push(event);
        logsById.set(episodeId, log);
      }
      // One read of the cards, not one per card: a card kept for another page of the same id stays.
      const cardUrls = new Map((await cards.getAll()).map((card) => [card.id, card.url]));
      const putCardOnce = (card: EpisodeCard) => {
        const current = cardUrls.get(card.id);
        if (current !== undefined && current !== card.url) return Promise.resolve();
        cardUrls.set(card.id, card.url);
        return cards.put(card);
      };
      const touched = new Set(plan.events.map((event) => event.episodeId));
      for (const log of logsById.values()) if (touched.has(log.episodeId)) log.events.sort((a, b) => a.at.localeCompare(b.at));
      await requestAll([
        ...plan.episodes.flatMap((entry) => [() => episodes.put(entry), () => putCardOnce(cardOf(entry.episode))]),
        ...plan.cards.map((card) => () => putCardOnce(card)),
        ...plan.listening.map((state) => () => listening.put(state)),
        ...plan.readLater.map((link) => () => readLater.put(link)),
        ...plan.opened.map((link) => () => opened.put(link)),
        ...plan.positions.map((position) => () => positions.put(position)),
        ...plan.listenedTime.map((time) => () => listenedTime.put(time)),
        () => transaction.objectStore('queue').put(plan.queue, 'queue'),
        ...[...touched].map((episodeId) => () => logs.put(logsById.get(episodeId)!)),
        ...(plan.settings ? [() => transaction.objectStore('settings').put(plan.settings!, 'settings')] : []),
      ]);
    });
  });
}

/** What an import replaces, kept to put back: everything exported, and the cards kept from pages and files. */
export interface Snapshot {
  file: ExportFile;
  cards: EpisodeCard[];
}

export async function takeSnapshot(): Promise<Snapshot> {
  const [file, cards] = await Promise.all([exportEverything(), (await openStore()).getAll('cards')]);
  return { file, cards: readRecords(episodeCardSchema, cards).records };
}

/** Puts everything back as a snapshot holds it: the undo of an import, in one transaction. */
export async function restoreSnapshot({ file, cards }: Snapshot): Promise<void> {
  await applyImport(planImport(await readEverything(), file, 'replace', cards));
}

export function clearEverything(): Promise<void> {
  return write({ episodeIds: 'all', reading: true, playback: true }, async (database) => {
    const transaction = database.transaction([...LISTENER_STORES, 'cards'], 'readwrite');
    await Promise.all([...LISTENER_STORES, 'cards' as const].map((name) => transaction.objectStore(name).clear()));
    await transaction.done;
  });
}

/**
 * The log as the open formats hold it: each episode the listener has a state for, named by the
 * card kept from its page or source, else by the archive's.
 */
export async function readLogEntries(): Promise<LogEntry[]> {
  const transaction = (await openStore()).transaction(['listening', 'cards', 'archiveCards', 'readLater']);
  const [states, kept, archived, toRead] = await Promise.all([
    transaction.objectStore('listening').getAll(),
    transaction.objectStore('cards').getAll(),
    transaction.objectStore('archiveCards').getAll(),
    transaction.objectStore('readLater').getAll(),
  ]);
  const readLater = new Map<string, ReadLaterLink[]>();
  for (const link of readRecords(readLaterLinkSchema, toRead).records)
    readLater.set(link.episodeId, [...(readLater.get(link.episodeId) ?? []), link]);
  const cards = new Map(readRecords(episodeCardSchema, archived).records.map((card) => [card.id, card]));
  for (const card of readRecords(episodeCardSchema, kept).records) cards.set(card.id, card);
  return readRecords(listeningStateSchema, states).records.flatMap((state) => {
    const card = cards.get(state.episodeId);
    return card ? [{ card, state, readLater: readLater.get(state.episodeId) ?? [] }] : [];
  });
}
