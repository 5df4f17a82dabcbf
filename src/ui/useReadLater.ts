/** The links kept to read later, kept in step with every context, and a toggle for one. */
import { useMemo } from 'preact/hooks';
import { reportError } from '../errors';
import { listReadLater, toggleReadLater, type KeptLink } from '../platform/storage/reading';
import type { ReadLaterLink, ReadRecords } from '../core/records';
import { useStoredRead } from './useStoredRead';

async function readLaterNewestFirst(): Promise<ReadRecords<ReadLaterLink>> {
  const read = await listReadLater();
  return { ...read, records: read.records.sort((a, b) => b.keptAt.localeCompare(a.keptAt)) };
}

/** Every link kept, newest first (undefined until read), and how many records could not be read. */
export function useReadLaterLinks(): ReadRecords<ReadLaterLink> | undefined {
  return useStoredRead(readLaterNewestFirst, {
    doing: 'reading the reading list',
    readAgainOn: (change) => change.reading === true || change.episodeIds === 'all',
  });
}

export function useReadLater(): { kept: ReadonlySet<string>; toggle: (link: KeptLink) => void } {
  const links = useReadLaterLinks();
  const kept = useMemo(() => new Set(links?.records.map((link) => link.url)), [links]);
  // The store's change comes back through the links, and draws the toggle.
  const toggle = (link: KeptLink) => void toggleReadLater(link).catch((error: unknown) => reportError('keeping a link to read', error));
  return { kept, toggle };
}
