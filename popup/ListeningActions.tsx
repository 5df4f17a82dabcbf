import type { Episode } from '../src/episode/model';
import { todayIso } from '../src/storage/store';
import { formatDay, t } from '../src/ui/i18n';
import { useListeningState } from '../src/ui/useListeningState';

export function ListeningActions({ episode }: { episode: Episode }) {
  const { state, update } = useListeningState(episode);
  const listenedOn = state?.listenedOn ?? null;
  const bookmarked = Boolean(state?.bookmarkedAt);

  return (
    <section class="actions" aria-label={t('listened')}>
      <button
        type="button"
        class="toggle"
        aria-pressed={listenedOn !== null}
        onClick={() => void update((current) => ({ listenedOn: current.listenedOn ? null : todayIso() }))}
      >
        {listenedOn ? t('listenedOnDay', formatDay(listenedOn)) : t('listened')}
      </button>
      <button
        type="button"
        class="toggle"
        aria-pressed={bookmarked}
        onClick={() => void update((current) => ({ bookmarkedAt: current.bookmarkedAt ? null : new Date().toISOString() }))}
      >
        {t('bookmarked')}
      </button>
    </section>
  );
}
