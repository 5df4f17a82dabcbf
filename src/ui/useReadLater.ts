/** The links kept to read later, kept in step with every context, and a toggle for one. */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { recover, reportError } from '../errors';
import { listReadLater, toggleReadLater, type KeptLink } from '../storage/reading';
import type { ReadLaterLink, ReadRecords } from '../storage/records';
import { onStoreChange } from '../storage/store';
import { afterNextPaint } from './afterNextPaint';

/** Every link kept, newest first (null until read), and how many records could not be read. */
export function useReadLaterLinks(): ReadRecords<ReadLaterLink> | null {
  const [links, setLinks] = useState<ReadRecords<ReadLaterLink> | null>(null);
  useEffect(() => {
    let open = true;
    const load = () =>
      void listReadLater()
        .then((read) => open && setLinks({ ...read, records: read.records.sort((a, b) => b.keptAt.localeCompare(a.keptAt)) }))
        .catch(recover('reading the reading list', undefined));
    const cancel = afterNextPaint(load);
    const stop = onStoreChange((change) => (change.reading || change.episodeIds === 'all') && load());
    return () => {
      open = false;
      cancel();
      stop();
    };
  }, []);
  return links;
}

export function useReadLater(): { kept: ReadonlySet<string>; toggle: (link: KeptLink) => void } {
  const links = useReadLaterLinks();
  const kept = useMemo(() => new Set(links?.records.map((link) => link.url)), [links]);
  // The store's change comes back through the links, and draws the toggle.
  const toggle = (link: KeptLink) => void toggleReadLater(link).catch((error: unknown) => reportError('keeping a link to read', error));
  return { kept, toggle };
}
