/** The catalogue's rows: the archive's episodes and the listener's own, each with its state. */
import { useMemo } from 'preact/hooks';
import { episodeRows, type EpisodeRow } from '../src/core/log/episodeList';
import type { JournalEntry } from '../src/core/log/journal';
import type { ArchiveData } from './useArchive';

export function useEpisodeRows(archive: ArchiveData, entries: JournalEntry[]): EpisodeRow[] {
  return useMemo(
    () =>
      episodeRows(
        archive.kind === 'ready' ? archive.cards : [],
        entries.flatMap((entry) => entry.card ?? []),
        entries.map((entry) => entry.state),
      ),
    [archive, entries],
  );
}
