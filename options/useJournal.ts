/**
 * The journal's data (states and episode cards). The page draws at once from the copy it kept
 * in localStorage last time, then from the database, and again after any change.
 */
import { useEffect, useState } from 'preact/hooks';
import { journalEntries, type JournalEntry } from '../src/journal/journal';
import { listEpisodeCards, listListeningStates, onStoreChange } from '../src/storage/store';
import { keepLocalCopy, readLocalCopy } from '../src/ui/localCopy';

export type JournalData = { kind: 'loading' } | { kind: 'ready'; entries: JournalEntry[] } | { kind: 'failed' };

const SNAPSHOT_KEY = 'lcc-companion/journal-snapshot';

function lastSnapshot(): JournalData {
  const entries = readLocalCopy<JournalEntry[]>(SNAPSHOT_KEY);
  return entries ? { kind: 'ready', entries } : { kind: 'loading' };
}

function readJournal(): Promise<JournalEntry[]> {
  return Promise.all([listListeningStates(), listEpisodeCards()]).then(([states, cards]) => journalEntries(states, cards));
}

/** Started as the page's script runs, before the first draw, so the database opens meanwhile. */
let firstRead: Promise<JournalEntry[]> | null = readJournal();

export function useJournal(): JournalData {
  const [data, setData] = useState<JournalData>(lastSnapshot);
  useEffect(() => {
    let open = true;
    const load = () => {
      const read = firstRead ?? readJournal();
      firstRead = null;
      void read
        .then((entries) => {
          keepLocalCopy(SNAPSHOT_KEY, entries);
          if (open) setData({ kind: 'ready', entries });
        })
        .catch(() => open && setData({ kind: 'failed' }));
    };
    load();
    const stop = onStoreChange((change) => change.episodeIds.length !== 0 && load());
    return () => {
      open = false;
      stop();
    };
  }, []);
  return data;
}
