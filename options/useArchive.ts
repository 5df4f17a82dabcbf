/**
 * The archive as the episode list needs it: every episode's card and the feed's state, drawn from the
 * copy kept last time and read again whenever the archive changes (`useCopiedRead`): without the
 * archive, the episode list's first frame would count and list the listener's own episodes alone
 * ("0 écoutés sur 0") before the archive's answer.
 */
import * as v from 'valibot';
import browser from 'webextension-polyfill';
import { recover } from '../src/errors';
import { sendToBackground } from '../src/messages';
import { getFeedState, listArchiveCards } from '../src/platform/storage/archive';
import { episodeCardSchema, feedStateSchema, type EpisodeCard, type FeedState } from '../src/core/records';
import { useCopiedRead, type CopiedRead } from '../src/ui/useCopiedRead';

interface ArchiveSnapshot {
  cards: EpisodeCard[];
  feed: FeedState | null;
}

export type ArchiveData = CopiedRead<ArchiveSnapshot>;

const snapshotSchema: v.GenericSchema<unknown, ArchiveSnapshot> = v.object({
  cards: v.array(episodeCardSchema),
  feed: v.nullable(feedStateSchema),
});

async function readEpisodeListData(): Promise<ArchiveSnapshot> {
  const [cards, feed] = await Promise.all([listArchiveCards(), getFeedState()]);
  return { cards: cards.records, feed };
}

/** Asks the background for a refresh (a conditional GET: most times a 304). */
export function refreshArchiveNow(): void {
  sendToBackground(browser.runtime, { type: 'archive/refresh', force: true }).catch(recover('refreshing the archive', null));
}

export function useArchive(): ArchiveData {
  return useCopiedRead({
    key: 'lcc-companion/archive-snapshot',
    schema: snapshotSchema,
    read: readEpisodeListData,
    doing: 'reading the archive',
    readAgainOn: (change) => change.archive === true,
  });
}
