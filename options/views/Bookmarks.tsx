import { bookmarks, type JournalEntry } from '../../src/core/log/journal';
import { formatDay, t } from '../../src/ui/i18n';
import { updateListeningState } from '../../src/platform/storage/listening';
import { toastStorageFailure } from '../../src/ui/storageFailure';
import { usePlaybackRecords } from '../../src/ui/player/usePlaybackRecords';
import type { PlayerHandle } from '../../src/ui/player/usePlayer';
import { EpisodeLink } from '../EpisodeLink';
import { EpisodeRowView } from '../EpisodeRowView';
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
      {kept.map(({ state, card }) => {
        const keptOn = <span class="kept-on">{t('bookmarkedOn', formatDay(state.bookmarkedAt!.slice(0, 10)))}</span>;
        return card ? (
          <EpisodeRowView
            key={state.episodeId}
            row={{ card, state }}
            onFailure={toastStorageFailure}
            player={player}
            playback={playback}
            detail={keptOn}
          />
        ) : (
          <li key={state.episodeId} class="row">
            <span class="row-main">
              <EpisodeLink entry={{ state, card }} />
              <span class="row-meta">{keptOn}</span>
            </span>
            <button
              type="button"
              class="button"
              aria-label={t('removeBookmarkOf', state.episodeId)}
              onClick={() => void updateListeningState({ id: state.episodeId }, () => ({ bookmarkedAt: null })).catch(toastStorageFailure)}
            >
              {t('removeBookmark')}
            </button>
          </li>
        );
      })}
    </ul>
  );
}
