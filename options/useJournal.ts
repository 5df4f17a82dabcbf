/**
 * The journal's data (states and episode cards), drawn from the copy kept last time, then from the
 * database, and again after any change (`useCopiedRead`); the database is read from the moment
 * the page's script runs. Records that can no longer be read are left out and counted, so that the
 * page says so instead of breaking.
 */
import * as v from 'valibot';
import { journalEntries, type JournalEntry } from '../src/core/log/journal';
import { episodeCardSchema, listeningStateSchema } from '../src/core/records';
import { listArchiveCards } from '../src/platform/storage/archive';
import { changesEpisode } from '../src/platform/storage/database';
import { listEpisodeCards } from '../src/platform/storage/episodeCopies';
import { listListeningStates } from '../src/platform/storage/listening';
import { readBegunNow, useCopiedRead, type CopiedRead } from '../src/ui/useCopiedRead';

interface JournalSnapshot {
  entries: JournalEntry[];
  /** Stored records skipped because they could not be read. */
  unreadable: number;
}

export type JournalData = CopiedRead<JournalSnapshot>;

const snapshotSchema: v.GenericSchema<unknown, JournalSnapshot> = v.object({
  entries: v.array(v.object({ state: listeningStateSchema, card: v.nullable(episodeCardSchema) })),
  unreadable: v.pipe(v.number(), v.integer(), v.minValue(0)),
});

/** The states, each named by the card kept from its page or source, else by the archive's. */
async function readJournal(): Promise<JournalSnapshot> {
  const [states, cards, archiveCards] = await Promise.all([listListeningStates(), listEpisodeCards(), listArchiveCards()]);
  return {
    entries: journalEntries(states.records, [...archiveCards.records, ...cards.records]),
    unreadable: states.unreadable + cards.unreadable + archiveCards.unreadable,
  };
}

const journalReads = readBegunNow(readJournal);

export function useJournal(): JournalData {
  return useCopiedRead({
    key: 'lcc-companion/journal-snapshot',
    schema: snapshotSchema,
    read: journalReads,
    doing: 'reading the journal',
    // The archive names the episodes a bulk mark reaches: its update redraws them with their names.
    readAgainOn: (change) => changesEpisode(change) || change.archive === true,
  });
}
