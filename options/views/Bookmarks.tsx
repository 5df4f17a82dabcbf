import { bookmarks, type JournalEntry } from '../../src/core/log/journal';
import { formatDay, t } from '../../src/ui/i18n';
import { updateListeningState } from '../../src/platform/storage/listening';
import { toastStorageFailure } from '../../src/ui/storageFailure';
import { usePlaybackRecords } from '../../src/ui/player/usePlaybackRecords';
import type { PlayerHandle } from '../../src/ui/player/usePlayer';
import { EntryRowView } from '../EntryRowView';
import { EmptyState } from '../../src/ui/EmptyState';
import { BrowseEpisodes } from '../BrowseEpisodes';
import { Star } from 'lucide';

/** The favourites, last kept first; the row's ★ takes one off. */
export function Bookmarks({ entries, player }: { entries: JournalEntry[]; player: PlayerHandle }) {
  const playback = usePlaybackRecords();
  const kept = bookmarks(entries);
  if (kept.length === 0)
    return (
      <EmptyState icon={Star} action={<BrowseEpisodes />}>
        {t('bookmarksEmpty')}
      </EmptyState>
    );
  return (
    <ul class="rows">
      {kept.map((entry) => (
        <EntryRowView
          key={entry.state.episodeId}
          entry={entry}
          player={player}
          playback={playback}
          detail={<span class="kept-on">{t('bookmarkedOn', formatDay(entry.state.bookmarkedAt!.slice(0, 10)))}</span>}
          bareAction={
            <button
              type="button"
              class="button"
              aria-label={t('removeBookmarkOf', entry.state.episodeId)}
              onClick={() =>
                void updateListeningState({ id: entry.state.episodeId }, () => ({ bookmarkedAt: null })).catch(toastStorageFailure)
              }
            >
              {t('removeBookmark')}
            </button>
          }
        />
      ))}
    </ul>
  );
}
