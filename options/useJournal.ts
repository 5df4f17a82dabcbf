/** The journal's data (states and episode cards), read once and again after any change. */
import { useEffect, useState } from 'preact/hooks';
import { journalEntries, type JournalEntry } from '../src/journal/journal';
import { listEpisodeCards, listListeningStates, onStoreChange } from '../src/storage/store';

export type JournalData = { kind: 'loading' } | { kind: 'ready'; entries: JournalEntry[] } | { kind: 'failed' };

export function useJournal(): JournalData {
  const [data, setData] = useState<JournalData>({ kind: 'loading' });
  useEffect(() => {
    let open = true;
    const load = () =>
      void Promise.all([listListeningStates(), listEpisodeCards()])
        .then(([states, cards]) => open && setData({ kind: 'ready', entries: journalEntries(states, cards) }))
        .catch(() => open && setData({ kind: 'failed' }));
    load();
    const stop = onStoreChange((change) => change.episodeIds.length !== 0 && load());
    return () => {
      open = false;
      stop();
    };
  }, []);
  return data;
}
