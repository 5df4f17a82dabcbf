/**
 * Search across the notes: the whole archive's index when the archive is there (built once per
 * update, only loaded here), else an index of the episodes kept from page visits.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { moveFocus } from '../../src/ui/keyboard';
import { RESULT_LINKS, useSearchQuery } from '../searchQuery';
import {
  buildSearchIndex,
  loadSearchIndex,
  parseQuery,
  type ArchiveHit,
  type ArchiveSearch,
  type EpisodeResult,
} from '../../src/core/archive/search';
import { Marked } from '../../src/ui/Marked';
import { excerptAround } from '../../src/core/text/highlight';
import { reportError } from '../../src/errors';
import { getSearchIndex, readArchive } from '../../src/platform/storage/archive';
import { listCachedEpisodes } from '../../src/platform/storage/episodeCopies';
import { onStoreChange } from '../../src/platform/storage/database';
import { episodeName } from '../../src/ui/episodeName';
import { formatNumber, t } from '../../src/ui/i18n';
import type { JournalEntry } from '../../src/core/log/journal';
import type { EpisodeCard, ListeningState } from '../../src/core/records';
import { usePlaybackRecords, type PlaybackRecords } from '../../src/ui/player/usePlaybackRecords';
import type { PlayerHandle } from '../../src/ui/player/usePlayer';
import { useArchive } from '../useArchive';
import { episodeId } from '../../src/core/episode/model';
import { postAddressOfPage } from '../../src/core/episode/urls';
import { useReadLater } from '../../src/ui/useReadLater';
import { UnreadableRecords } from '../UnreadableRecords';
import { EmptyState } from '../../src/ui/EmptyState';
import { titleWithoutNumber } from '../../src/ui/episodeTitle';
import { toastStorageFailure } from '../../src/ui/storageFailure';
import { EpisodeRowView } from '../EpisodeRowView';
import { Search } from 'lucide';

const KIND_LABELS = { episode: 'hitEpisode', section: 'hitSection', item: 'hitLink' } as const;

/** The notes' text of each episode of the archive, by page address: read at the first query, not before. */
const archiveNotes = new Map<string, string>();
let archiveNotesRead: Promise<void> | null = null;

/** The notes are read again after the archive changed. */
function forgetArchiveNotes(): void {
  archiveNotes.clear();
  archiveNotesRead = null;
}

function readArchiveNotes(): Promise<void> {
  archiveNotesRead ??= readArchive().then(({ records }) => records.forEach((entry) => archiveNotes.set(entry.url, entry.text)));
  return archiveNotesRead;
}

const notesOf = (url: string) => archiveNotes.get(url);

/** The archive's index, or, where there is none or it no longer loads, one of the episodes kept. */
async function openIndex(): Promise<{ search: ArchiveSearch; unreadable: number }> {
  const stored = await getSearchIndex();
  if (stored) {
    try {
      return { search: loadSearchIndex(stored), unreadable: 0 };
    } catch (error) {
      reportError('loading the archive index', error);
    }
  }
  const cached = await listCachedEpisodes();
  return { search: loadSearchIndex(buildSearchIndex(cached.records)), unreadable: cached.unreadable };
}

/** The links arrows move through: each result's episode, and its passages. */

/** Passages of an episode shown before "N autres passages". */
const PASSAGES_SHOWN = 3;

function Passage({ hit, query, readLater }: { hit: ArchiveHit; query: string; readLater: ReturnType<typeof useReadLater> }) {
  const post = postAddressOfPage(hit.episode.url);
  const keep = (link: ArchiveHit['links'][number]) =>
    readLater.toggle({
      url: link.url,
      text: link.text || link.url,
      context: hit.text,
      episodeId: episodeId(hit.episode.number, post?.slug ?? ''),
      episodeUrl: hit.episode.url,
      episodeTitle: hit.episode.title,
    });
  return (
    <li>
      <span class="kind">{t(KIND_LABELS[hit.kind])}</span>{' '}
      <a href={hit.target} target="_blank" rel="noopener noreferrer">
        <Marked text={hit.text} query={query} />
      </a>
      {hit.links.length > 0 && (
        <ul class="hit-links">
          {hit.links.map((link) => (
            <li key={link.url}>
              <a href={link.url} target="_blank" rel="noopener noreferrer">
                <Marked text={link.text || link.url} query={query} />
              </a>{' '}
              <button type="button" class="keep" aria-pressed={readLater.kept.has(link.url)} onClick={() => keep(link)}>
                {t('viewReadLater')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}

/** What a result shows of the listener's own: their state of the episode, and how to play it. */
interface Listening {
  card: EpisodeCard | undefined;
  state: ListeningState | undefined;
  playback: PlaybackRecords | undefined;
  player: PlayerHandle;
}

function EpisodeHit({
  result,
  query,
  readLater,
  listening,
  notes,
}: {
  result: EpisodeResult;
  query: string;
  readLater: ReturnType<typeof useReadLater>;
  listening: Listening;
  /** The episode's notes text, once read. */
  notes: string | undefined;
}) {
  // Only where no passage shows: the notes run long, and this runs at each key typed.
  const excerpt = notes === undefined || result.passages.length > 0 ? null : excerptAround(notes, parseQuery(query).words);
  const [open, setOpen] = useState(false);
  const shown = open ? result.passages : result.passages.slice(0, PASSAGES_SHOWN);
  const more = result.passages.length - shown.length;
  const { card, state, playback, player } = listening;
  const found = (
    <div class="row-below">
      {shown.length > 0 && (
        <ul class="passages">
          {shown.map((hit, position) => (
            <Passage key={`${hit.target}-${position}`} hit={hit} query={query} readLater={readLater} />
          ))}
        </ul>
      )}
      {shown.length === 0 && excerpt && (
        // Found by a word of a paragraph only: the words around it.
        <ul class="passages">
          <li>
            <a href={result.episode.url} target="_blank" rel="noopener noreferrer">
              <Marked text={excerpt} query={query} />
            </a>
          </li>
        </ul>
      )}
      {more > 0 && (
        <button type="button" class="more" onClick={() => setOpen(true)}>
          {t('searchMorePassages', formatNumber(more))}
        </button>
      )}
    </div>
  );
  if (!card)
    // Kept from a page the archive does not have: its name and what was found.
    return (
      <li class="row">
        <a class="episode-name" href={result.episode.url} target="_blank" rel="noopener noreferrer">
          <Marked text={episodeName(result.episode)} query={query} />
        </a>
        {found}
      </li>
    );
  return (
    <EpisodeRowView
      row={{ card, state: state ?? null }}
      title={<Marked text={titleWithoutNumber(card.title, card.number)} query={query} />}
      onFailure={toastStorageFailure}
      player={player}
      playback={playback}
    >
      {found}
    </EpisodeRowView>
  );
}

export function SearchView({ entries, player }: { entries: JournalEntry[]; player: PlayerHandle }) {
  const [index, setIndex] = useState<ArchiveSearch | null>(null);
  const [unreadable, setUnreadable] = useState(0);
  const query = useSearchQuery();
  const readLater = useReadLater();
  const archive = useArchive();
  const playback = usePlaybackRecords();
  // The archive's card, else the one kept from the page.
  const cardOfPage = useMemo(
    () =>
      new Map(
        [...entries.flatMap((entry) => entry.card ?? []), ...(archive.kind === 'ready' ? archive.cards : [])].map((card) => [
          card.url,
          card,
        ]),
      ),
    [archive, entries],
  );
  const stateOf = useMemo(() => new Map(entries.map((entry) => [entry.state.episodeId, entry.state])), [entries]);
  const listeningOf = (url: string): Listening => {
    const card = cardOfPage.get(url);
    return { card, state: card && stateOf.get(card.id), playback, player };
  };
  const list = useRef<HTMLUListElement>(null);
  // Arrows through the results' links (the episodes' and their passages'), back up to the header's field; Enter opens one.
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    event.preventDefault();
    const field = document.getElementById('search-query') as HTMLInputElement | null;
    moveFocus(list.current, event.target as Element, event.key === 'ArrowDown' ? 1 : -1, field, RESULT_LINKS);
  };
  // The index is derived after the archive is stored (at install, a second after the catalogue): opened again then.
  const [archiveChanges, setArchiveChanges] = useState(0);
  const [notesRead, setNotesRead] = useState(false);
  useEffect(
    () =>
      onStoreChange((change) => {
        if (change.archive !== true) return;
        forgetArchiveNotes();
        setNotesRead(false);
        setArchiveChanges((count) => count + 1);
      }),
    [],
  );
  useEffect(() => {
    openIndex().then(
      (opened) => {
        setIndex(opened.search);
        setUnreadable(opened.unreadable);
      },
      (error: unknown) => reportError('opening the search index', error),
    );
  }, [archiveChanges]);
  // The notes' text, read from the archive at the first query: the passages of paragraphs, and phrases.
  const wantsNotes = query.trim() !== '';
  useEffect(() => {
    if (wantsNotes && !notesRead)
      readArchiveNotes().then(
        () => setNotesRead(true),
        (error: unknown) => reportError('reading the notes', error),
      );
  }, [wantsNotes, notesRead]);
  const result = useMemo(
    () => (index ? index.searchByEpisode(query, undefined, notesRead ? notesOf : undefined) : { episodes: [], total: 0 }),
    // A phrase found only in the notes is checked there, once they are read.
    [index, query, notesRead],
  );

  return (
    <div class="search" onKeyDown={onKeyDown}>
      {!index && <p role="status">{t('loading')}</p>}
      {query.trim() === '' && <EmptyState icon={Search}>{t('searchEmpty')}</EmptyState>}
      {unreadable > 0 && <UnreadableRecords count={unreadable} />}
      {index && query.trim() !== '' && (
        <p role="status" class="hint">
          {t('searchCount', formatNumber(result.total), formatNumber(result.episodes.length))}
        </p>
      )}
      <ul class="rows hits" ref={list}>
        {result.episodes.map((found) => (
          <EpisodeHit
            key={found.episode.url}
            result={found}
            query={query}
            readLater={readLater}
            listening={listeningOf(found.episode.url)}
            notes={notesRead ? archiveNotes.get(found.episode.url) : undefined}
          />
        ))}
      </ul>
    </div>
  );
}
