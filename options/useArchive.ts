/**
 * The archive as the catalogue needs it: every episode's card and the feed's state, read again
 * whenever the archive changes. Like the journal's entries, the page draws at once from the copy
 * it kept in localStorage last time: without the archive, the catalogue's first frame would count
 * and list the listener's own episodes alone ("0 écoutés sur 0") before the archive's answer.
 */
import { useEffect, useState } from 'preact/hooks';
import * as v from 'valibot';
import browser from 'webextension-polyfill';
import { reportError, recover } from '../src/errors';
import { sendToBackground } from '../src/messages';
import { getFeedState, listArchiveCards } from '../src/storage/archive';
import { episodeCardSchema, feedStateSchema, type EpisodeCard, type FeedState } from '../src/storage/records';
import { onStoreChange } from '../src/storage/store';
import { keepLocalCopy, readLocalCopy } from '../src/ui/localCopy';

interface ArchiveSnapshot {
  cards: EpisodeCard[];
  feed: FeedState | null;
}

export type ArchiveData = { kind: 'loading' } | ({ kind: 'ready' } & ArchiveSnapshot) | { kind: 'failed' };

const SNAPSHOT_KEY = 'lcc-companion/archive-snapshot';
const snapshotSchema: v.GenericSchema<unknown, ArchiveSnapshot> = v.object({
  cards: v.array(episodeCardSchema),
  feed: v.nullable(feedStateSchema),
});

function lastSnapshot(): ArchiveData {
  const snapshot = readLocalCopy(SNAPSHOT_KEY, snapshotSchema);
  return snapshot ? { kind: 'ready', ...snapshot } : { kind: 'loading' };
}

async function readCatalogueData(): Promise<ArchiveSnapshot> {
  const [cards, feed] = await Promise.all([listArchiveCards(), getFeedState()]);
  const snapshot = { cards: cards.records, feed };
  keepLocalCopy(SNAPSHOT_KEY, snapshot);
  return snapshot;
}

/** Asks the background for a refresh (a conditional GET: most times a 304). */
export function refreshArchiveNow(): Promise<unknown> {
  return sendToBackground(browser.runtime, { type: 'archive/refresh', force: true }).catch(recover('refreshing the archive', null));
}

export function useArchive(): ArchiveData {
  const [data, setData] = useState<ArchiveData>(lastSnapshot);
  useEffect(() => {
    let open = true;
    const load = () =>
      void readCatalogueData().then(
        (read) => open && setData({ kind: 'ready', ...read }),
        (error: unknown) => {
          reportError('reading the archive', error);
          if (open) setData({ kind: 'failed' });
        },
      );
    load();
    const stop = onStoreChange((change) => change.archive === true && load());
    return () => {
      open = false;
      stop();
    };
  }, []);
  return data;
}
