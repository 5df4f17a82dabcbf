/**
 * "Épisodes", the journal's first view: every episode of the archive (and any kept from a page),
 * newest first by year, the listener's state toggled in place, filters, progress, the next to
 * listen, and the bulk tools that set up the log in a minute. Years off screen are not laid out
 * until scrolled to (`content-visibility`), so that the first screen draws at once.
 */
import { useMemo, useState } from 'preact/hooks';
import {
  filterRows,
  nextToListen,
  progress,
  rowsBetween,
  rowsByYear,
  type EpisodeFilter,
  type EpisodeRow,
} from '../../src/core/log/episodeList';
import type { JournalEntry } from '../../src/core/log/journal';
import { formatDay, plural, t, type MessageKey } from '../../src/ui/i18n';
import { useProgressiveLimit } from '../../src/ui/useProgressiveLimit';
import type { PlayerHandle } from '../../src/ui/player/usePlayer';
import { usePlaybackRecords, type PlaybackRecords } from '../../src/ui/player/usePlaybackRecords';
import { storageFailureMessage } from '../../src/ui/storageFailure';
import { BulkMarkTools } from '../BulkMark';
import { EpisodeRowView, useFirstFrameRows } from '../EpisodeRowView';
import { refreshArchiveNow, useArchive, type ArchiveData } from '../useArchive';
import { ArchiveArriving, archiveHasArrived } from '../ArchiveArriving';
import { useEpisodeRows } from '../useEpisodeRows';
import { SegmentedControl } from '../../src/ui/SegmentedControl';
import { IconButton } from '../../src/ui/IconButton';
import { Icon } from '../../src/ui/Icon';
import { RefreshCw } from 'lucide';

const FILTERS: Record<EpisodeFilter, MessageKey> = {
  all: 'filterAll',
  'to-listen': 'filterToListen',
  listened: 'filterListened',
  bookmarked: 'filterBookmarked',
};

function ArchiveStatus({ archive }: { archive: ArchiveData }) {
  if (archive.kind !== 'ready') return null;
  const { feed } = archive;
  const day = (at: number) => formatDay(new Date(at).toISOString().slice(0, 10));
  return (
    <div class="hint archive-status">
      <span>
        {feed?.updatedAt ? t('archiveStatus', archive.cards.length, day(feed.updatedAt)) : t('archiveNever')}
        {feed?.failure && ` ${t('archiveFailed', day(feed.failure.at), feed.failure.problem)}`}
      </span>
      <IconButton label={t('archiveRefresh')} onClick={refreshArchiveNow}>
        <Icon node={RefreshCw} size={20} />
      </IconButton>
      {/* Why an entry was left out is for the curious: it takes one line until asked. */}
      {feed?.refusedEntries ? (
        <details class="refused">
          <summary>{plural({ one: 'archiveRefusedCountOne', other: 'archiveRefusedCountOther' }, feed.refusedEntries)}</summary>
          {plural({ one: 'archiveRefusedOne', other: 'archiveRefusedOther' }, feed.refusedEntries)}
        </details>
      ) : null}
    </div>
  );
}

/** The next episode not heard yet, oldest or newest first, to open or to play at once. */
interface NextToListenProps {
  rows: EpisodeRow[];
  player: PlayerHandle;
  playback: PlaybackRecords | undefined;
  onFailure: (error: unknown) => void;
}

function NextToListen({ rows, player, playback, onFailure }: NextToListenProps) {
  // A listener who has heard nothing yet starts with the newest episode, not with LCC 1 of 2009.
  const [order, setOrder] = useState<'oldest' | 'newest'>(() => (rows.some((row) => row.state?.listenedOn) ? 'oldest' : 'newest'));
  const next = nextToListen(rows, order);
  return (
    <div class="next">
      <SegmentedControl
        legend={t('nextToListen')}
        name="next-order"
        segments={[
          { value: 'oldest', label: t('nextOrderOldest') },
          { value: 'newest', label: t('nextOrderNewest') },
        ]}
        value={order}
        onChange={setOrder}
      />
      {next ? (
        <ul class="rows next-episode">
          <EpisodeRowView row={next} onFailure={onFailure} player={player} playback={playback} />
        </ul>
      ) : (
        <p>{t('nothingToListen')}</p>
      )}
    </div>
  );
}

export function Episodes({ entries, player }: { entries: JournalEntry[]; player: PlayerHandle }) {
  const archive = useArchive();
  // Without the archive, the rows and the count would be the listener's own episodes alone.
  if (archive.kind === 'loading') return <p role="status">{t('loading')}</p>;
  // Before the archive's first episodes, and with none of the listener's own, there is nothing to count yet.
  if (!archiveHasArrived(archive) && !entries.some((entry) => entry.card)) return <ArchiveArriving archive={archive} />;
  return <EpisodeList archive={archive} entries={entries} player={player} />;
}

interface EpisodeListProps {
  archive: Exclude<ArchiveData, { kind: 'loading' }>;
  entries: JournalEntry[];
  player: PlayerHandle;
}

/** Mounted with the archive at hand, so that its first frame is the first screenful of rows. */
function EpisodeList({ archive, entries, player }: EpisodeListProps) {
  const playback = usePlaybackRecords();
  const [filter, setFilter] = useState<EpisodeFilter>('all');
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [anchor, setAnchor] = useState<string | null>(null);
  const [failure, setFailure] = useState<MessageKey | null>(null);
  const onFailure = (error: unknown) => setFailure(storageFailureMessage(error));

  const rows = useEpisodeRows(archive, entries);
  const [firstFrame, rowsStart] = useFirstFrameRows('episodes');
  const [limit] = useProgressiveLimit(firstFrame, Number.POSITIVE_INFINITY);
  const shown = useMemo(() => filterRows(rows, filter), [rows, filter]);
  const years = useMemo(() => rowsByYear(shown.slice(0, limit)), [shown, limit]);
  const { listened, total, percent } = progress(rows);
  const arrived = useMemo(() => new Set(archive.kind === 'ready' ? (archive.feed?.arrived ?? []) : []), [archive]);

  const select = (row: EpisodeRow, range: boolean) => {
    const next = new Set(selected);
    const targets = range && anchor ? rowsBetween(shown, anchor, row.card.url) : [row];
    const on = !selected.has(row.card.url);
    for (const target of targets) {
      if (on) next.add(target.card.url);
      else next.delete(target.card.url);
    }
    setSelected(next);
    setAnchor(row.card.url);
  };

  return (
    <div class={limit === Number.POSITIVE_INFINITY ? 'episode-list whole' : 'episode-list'}>
      {/* elementtiming marks the episode list's first paint, which `npm run bench` reads. */}
      <p class="progress" elementtiming="journal-episodes">
        <progress max={Math.max(total, 1)} value={listened} aria-hidden="true" /> {t('episodesProgress', listened, total, percent)}
      </p>
      <ArchiveStatus archive={archive} />
      <div class="episode-tools">
        <NextToListen rows={rows} player={player} playback={playback} onFailure={onFailure} />
        <SegmentedControl
          legend={t('episodesFilter')}
          name="episodes-filter"
          segments={(Object.keys(FILTERS) as EpisodeFilter[]).map((name) => ({ value: name, label: t(FILTERS[name]) }))}
          value={filter}
          onChange={setFilter}
        />
      </div>
      <BulkMarkTools
        folded
        rows={rows}
        selected={rows.filter((row) => selected.has(row.card.url))}
        clearSelection={() => setSelected(new Set())}
        onFailure={onFailure}
      />
      {failure && (
        <p role="alert" class="error">
          {t(failure)}
        </p>
      )}
      {shown.length === 0 && <p class="empty">{t('episodesEmpty')}</p>}
      {years.map(({ year, rows: yearRows }, index) => (
        <section key={year} ref={index === 0 ? rowsStart : undefined} class="year" aria-labelledby={`year-${year}`}>
          <h3 id={`year-${year}`}>{year}</h3>
          <ul class="rows">
            {yearRows.map((row) => (
              <EpisodeRowView
                key={row.card.url}
                row={row}
                selected={selected.has(row.card.url)}
                onSelect={select}
                onFailure={onFailure}
                player={player}
                playback={playback}
                arrived={arrived.has(row.card.id)}
              />
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
