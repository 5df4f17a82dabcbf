import { useState } from 'preact/hooks';
import { bookmarks, type JournalEntry } from '../../src/core/log/journal';
import { updateListeningState } from '../../src/platform/storage/listening';
import { formatDay, t, type MessageKey } from '../../src/ui/i18n';
import { storageFailureMessage } from '../../src/ui/storageFailure';
import { EpisodeLink } from '../EpisodeLink';
import { EmptyState } from '../../src/ui/EmptyState';
import { BrowseEpisodes } from '../BrowseEpisodes';
import { Star } from 'lucide';

export function Bookmarks({ entries }: { entries: JournalEntry[] }) {
  const [failure, setFailure] = useState<MessageKey | null>(null);
  const kept = bookmarks(entries);
  if (kept.length === 0)
    return (
      <EmptyState icon={Star} action={<BrowseEpisodes />}>
        {t('bookmarksEmpty')}
      </EmptyState>
    );
  const remove = (episodeId: string) => {
    updateListeningState({ id: episodeId }, () => ({ bookmarkedAt: null })).then(
      () => setFailure(null),
      (error: unknown) => setFailure(storageFailureMessage(error)),
    );
  };
  return (
    <>
      {failure && (
        <p role="alert" class="error">
          {t(failure)}
        </p>
      )}
      <ul class="entries">
        {kept.map((entry) => (
          <li key={entry.state.episodeId}>
            <EpisodeLink entry={entry} />
            <span class="when">{t('bookmarkedOn', formatDay(entry.state.bookmarkedAt!.slice(0, 10)))}</span>
            <button
              type="button"
              aria-label={t('removeBookmarkOf', entry.card?.title ?? entry.state.episodeId)}
              onClick={() => remove(entry.state.episodeId)}
            >
              {t('removeBookmark')}
            </button>
          </li>
        ))}
      </ul>
    </>
  );
}
