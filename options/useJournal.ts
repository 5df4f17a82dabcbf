/**
 * The journal's data (states and episode cards). The page draws at once from the copy it kept
 * in localStorage last time, then from the database, and again after any change. Records that
 * can no longer be read are left out and counted, so that the page says so instead of breaking.
 */
import { useEffect, useState } from 'preact/hooks';
import * as v from 'valibot';
import { journalEntries, type JournalEntry } from '../src/journal/journal';
import { episodeCardSchema, listeningStateSchema } from '../src/storage/records';
import { changesEpisode, listEpisodeCards, listListeningStates, onStoreChange } from '../src/storage/store';
import { afterNextPaint } from '../src/ui/afterNextPaint';
import { keepLocalCopy, readLocalCopy } from '../src/ui/localCopy';
import { reportError } from '../src/errors';

interface JournalSnapshot {
  entries: JournalEntry[];
  /** Stored records skipped because they could not be read. */
  unreadable: number;
}

export type JournalData = { kind: 'loading' } | ({ kind: 'ready' } & JournalSnapshot) | { kind: 'failed' };

const SNAPSHOT_KEY = 'lcc-companion/journal-snapshot';
const snapshotSchema: v.GenericSchema<unknown, JournalSnapshot> = v.object({
  entries: v.array(v.object({ state: listeningStateSchema, card: v.nullable(episodeCardSchema) })),
  unreadable: v.pipe(v.number(), v.integer(), v.minValue(0)),
});

function lastSnapshot(): JournalData {
  const snapshot = readLocalCopy(SNAPSHOT_KEY, snapshotSchema);
  return snapshot ? { kind: 'ready', ...snapshot } : { kind: 'loading' };
}

async function readJournal(): Promise<JournalSnapshot> {
  const [states, cards] = await Promise.all([listListeningStates(), listEpisodeCards()]);
  return { entries: journalEntries(states.records, cards.records), unreadable: states.unreadable + cards.unreadable };
}

/** Started as the page's script runs, before the first draw, so the database opens meanwhile. */
let firstRead: Promise<JournalSnapshot> | null = readJournal();

export function useJournal(): JournalData {
  const [data, setData] = useState<JournalData>(lastSnapshot);
  useEffect(() => {
    let open = true;
    const load = () => {
      const read = firstRead ?? readJournal();
      firstRead = null;
      void read
        .then((snapshot) => {
          keepLocalCopy(SNAPSHOT_KEY, snapshot);
          // Drawn from the copy kept last time, the page is painted before the database's
          // answer, however quick, draws it again.
          afterNextPaint(() => open && setData({ kind: 'ready', ...snapshot }));
        })
        .catch((error: unknown) => {
          reportError('reading the journal', error);
          if (open) setData({ kind: 'failed' });
        });
    };
    load();
    const stop = onStoreChange((change) => changesEpisode(change) && load());
    return () => {
      open = false;
      stop();
    };
  }, []);
  return data;
}
