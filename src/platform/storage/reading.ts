/**
 * The links of the notes the listener keeps to read later, and those opened from the popup
 * (dimmed there, counted per episode). Kept in IndexedDB with the rest of the log, exported and
 * imported with it.
 */
import { openedLinkSchema, readLaterLinkSchema, readRecords, type ReadLaterLink, type ReadRecords } from '../../core/records';
import { openStore, write } from './database';

export async function listReadLater(): Promise<ReadRecords<ReadLaterLink>> {
  return readRecords(readLaterLinkSchema, await (await openStore()).getAll('readLater'));
}

export type KeptLink = Pick<ReadLaterLink, 'url' | 'text' | 'context' | 'episodeId' | 'episodeUrl' | 'episodeTitle'>;

/** Keeps a link to read later, or lets it go if it was kept. */
export function toggleReadLater(link: KeptLink): Promise<void> {
  return write({ episodeIds: [], reading: true }, async (database) => {
    const transaction = database.transaction('readLater', 'readwrite');
    if (await transaction.store.get(link.url)) await transaction.store.delete(link.url);
    else {
      const now = new Date().toISOString();
      await transaction.store.put({ ...link, keptAt: now, readAt: null, updatedAt: now });
    }
    await transaction.done;
  });
}

export function removeReadLater(url: string): Promise<void> {
  return write({ episodeIds: [], reading: true }, async (database) => {
    await database.delete('readLater', url);
  });
}

export function markRead(url: string, read: boolean): Promise<void> {
  return write({ episodeIds: [], reading: true }, async (database) => {
    const transaction = database.transaction('readLater', 'readwrite');
    const link = await transaction.store.get(url);
    const now = new Date().toISOString();
    if (link && Boolean(link.readAt) !== read) await transaction.store.put({ ...link, readAt: read ? now : null, updatedAt: now });
    await transaction.done;
  });
}

/** Remembers a link opened from the popup, once. */
export function markOpened(episodeId: string, url: string): Promise<void> {
  return write({ episodeIds: [], reading: true }, async (database) => {
    const transaction = database.transaction('opened', 'readwrite');
    if (!(await transaction.store.get([episodeId, url])))
      await transaction.store.put({ episodeId, url, openedAt: new Date().toISOString() });
    await transaction.done;
  });
}

export async function openedLinksOf(episodeId: string): Promise<Set<string>> {
  const opened = await (await openStore()).getAllFromIndex('opened', 'byEpisode', episodeId);
  return new Set(readRecords(openedLinkSchema, opened).records.map((link) => link.url));
}
