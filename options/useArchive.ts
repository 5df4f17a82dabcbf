/**
 * The archive as the catalogue needs it: every episode's card and the feed's state, read again
 * whenever the archive changes.
 */
import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { reportError, recover } from '../src/errors';
import { sendToBackground } from '../src/messages';
import { getFeedState, listArchiveCards } from '../src/storage/archive';
import type { EpisodeCard, FeedState } from '../src/storage/records';
import { onStoreChange } from '../src/storage/store';

export type ArchiveData = { kind: 'loading' } | { kind: 'ready'; cards: EpisodeCard[]; feed: FeedState | null } | { kind: 'failed' };

async function readCatalogueData(): Promise<Extract<ArchiveData, { kind: 'ready' }>> {
  const [cards, feed] = await Promise.all([listArchiveCards(), getFeedState()]);
  return { kind: 'ready', cards: cards.records, feed };
}

/** Asks the background for a refresh (a conditional GET: most times a 304). */
export function refreshArchiveNow(): Promise<unknown> {
  return sendToBackground(browser.runtime, { type: 'archive/refresh', force: true }).catch(recover('refreshing the archive', null));
}

export function useArchive(): ArchiveData {
  const [data, setData] = useState<ArchiveData>({ kind: 'loading' });
  useEffect(() => {
    let open = true;
    const load = () =>
      void readCatalogueData().then(
        (read) => open && setData(read),
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
