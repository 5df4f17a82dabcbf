import { bookmarks, type JournalEntry } from '../src/journal/journal';
import { updateListeningState } from '../src/storage/store';
import { formatDay, t } from '../src/ui/i18n';
import { EpisodeLink } from './EpisodeLink';

export function Bookmarks({ entries }: { entries: JournalEntry[] }) {
  const kept = bookmarks(entries);
  if (kept.length === 0) return <p class="empty">{t('bookmarksEmpty')}</p>;
  return (
    <ul class="entries">
      {kept.map((entry) => (
        <li key={entry.state.episodeId}>
          <EpisodeLink entry={entry} />
          <span class="when">{t('bookmarkedOn', formatDay(entry.state.bookmarkedAt!.slice(0, 10)))}</span>
          <button
            type="button"
            aria-label={t('removeBookmarkOf', entry.card?.title ?? entry.state.episodeId)}
            onClick={() => void updateListeningState({ id: entry.state.episodeId }, () => ({ bookmarkedAt: null }))}
          >
            {t('removeBookmark')}
          </button>
        </li>
      ))}
    </ul>
  );
}
