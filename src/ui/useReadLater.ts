/** The addresses kept to read later, kept in step with every context, and a toggle for one. */
import { useEffect, useState } from 'preact/hooks';
import { recover, reportError } from '../errors';
import { listReadLater, toggleReadLater, type KeptLink } from '../storage/reading';
import { onStoreChange } from '../storage/store';

export function useReadLater(): { kept: ReadonlySet<string>; toggle: (link: KeptLink) => void } {
  const [kept, setKept] = useState<ReadonlySet<string>>(new Set());
  useEffect(() => {
    let open = true;
    const load = () =>
      void listReadLater()
        .then((links) => open && setKept(new Set(links.records.map((link) => link.url))))
        .catch(recover('reading the reading list', undefined));
    load();
    const stop = onStoreChange((change) => (change.reading || change.episodeIds === 'all') && load());
    return () => {
      open = false;
      stop();
    };
  }, []);
  const toggle = (link: KeptLink) => {
    // Drawn at once; the store follows, and the change comes back from it.
    setKept((current) => {
      const next = new Set(current);
      if (next.has(link.url)) next.delete(link.url);
      else next.add(link.url);
      return next;
    });
    void toggleReadLater(link).catch((error: unknown) => reportError('keeping a link to read', error));
  };
  return { kept, toggle };
}
