import type { JournalEntry } from '../src/core/log/journal';
import { titleWithoutNumber } from '../src/ui/episodeTitle';
import { t } from '../src/ui/i18n';

/** An episode of the journal by name, linking back to its page (or its id when no copy is kept). */
export function EpisodeLink({ entry }: { entry: JournalEntry }) {
  const { card, state } = entry;
  if (!card) return <span class="episode-name">{state.episodeId}</span>;
  return (
    <a class="episode-name" href={card.url} target="_blank" rel="noopener noreferrer">
      {card.number !== null && <span class="episode-number">{t('episodeNumber', card.number)}</span>}{' '}
      {titleWithoutNumber(card.title, card.number)}
    </a>
  );
}
