import { useMemo } from 'preact/hooks';
import { historyByMonth, type JournalEntry } from '../../src/core/log/journal';
import { DAY_UNKNOWN } from '../../src/core/records';
import { formatMonth, formatNumber, listenedText, t } from '../../src/ui/i18n';
import { changesEpisode } from '../../src/platform/storage/database';
import { readMarkSources, type MarkSource } from '../../src/platform/storage/listening';
import { useStoredRead } from '../../src/ui/useStoredRead';
import { useProgressiveLimit } from '../../src/ui/useProgressiveLimit';
import { usePlaybackRecords } from '../../src/ui/player/usePlaybackRecords';
import type { PlayerHandle } from '../../src/ui/player/usePlayer';
import { EntryRowView } from '../EntryRowView';
import { useFirstFrameRows } from '../EpisodeRowView';
import { EmptyState } from '../../src/ui/EmptyState';
import { Headphones } from 'lucide';

/** Who marked it, where not the listener here: the player at the end, the phone's app, an app's history file. */
function markSourceText({ from, device }: MarkSource): string {
  if (from === 'player') return t('markByPlayer');
  if (from === 'app') return t('markImportedFrom', device ?? '');
  return device ? t('markFromApp', device) : t('markFromAppUnnamed');
}

/** Episodes drawn after the first frame, and added by each "show more": long histories are paged. */
const PAGE = 50;

/** `elementtiming` marks the history's first paint, which `npm run bench` reads. */
export function History({ entries, player }: { entries: JournalEntry[]; player: PlayerHandle }) {
  const [firstFrame, rowsStart] = useFirstFrameRows('history');
  const [shown, showMore] = useProgressiveLimit(firstFrame, PAGE);
  const months = useMemo(() => historyByMonth(entries), [entries]);
  const playback = usePlaybackRecords();
  const total = months.reduce((sum, month) => sum + month.entries.length, 0);
  let budget = shown;
  const visible = months
    .map((month) => {
      const part = month.entries.slice(0, Math.max(budget, 0));
      budget -= part.length;
      return { ...month, entries: part, count: month.entries.length };
    })
    .filter((month) => month.entries.length > 0);
  const ids = visible.flatMap((month) => month.entries.map((entry) => entry.state.episodeId));

  const sources = useStoredRead(() => readMarkSources(ids), {
    doing: 'reading who marked the episodes',
    key: ids.join(' '),
    readAgainOn: changesEpisode,
  });
  if (total === 0)
    return (
      <EmptyState
        icon={Headphones}
        action={
          <a class="button primary" href="#welcome">
            {t('emptyMarkHeard')}
          </a>
        }
      >
        <span elementtiming="journal-history">{t('historyEmpty')}</span>
      </EmptyState>
    );

  const sourceOf = (entry: JournalEntry) => {
    const source = sources?.get(entry.state.episodeId);
    return source && <span class="mark-source">{markSourceText(source)}</span>;
  };
  return (
    <div class="history">
      {visible.map((month, index) => (
        <section key={month.month} ref={index === 0 ? rowsStart : undefined} aria-labelledby={`month-${month.month}`}>
          <h3 id={`month-${month.month}`} elementtiming="journal-history">
            {month.month === DAY_UNKNOWN ? t('historyDayUnknown', formatNumber(month.count)) : formatMonth(month.month)}
          </h3>
          <ul class="rows">
            {month.entries.map((entry) => (
              <EntryRowView
                key={entry.state.episodeId}
                entry={entry}
                player={player}
                playback={playback}
                detail={sourceOf(entry)}
                bareFacts={<span>{listenedText(entry.state.listenedOn!)}</span>}
              />
            ))}
          </ul>
        </section>
      ))}
      {shown < total && (
        <button type="button" onClick={() => showMore(PAGE)}>
          {t('showMore', Math.min(PAGE, total - shown))}
        </button>
      )}
    </div>
  );
}
