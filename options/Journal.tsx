import { useEffect, useState } from 'preact/hooks';
import { t, type MessageKey } from '../src/ui/i18n';
import type { JournalEntry } from '../src/journal/journal';
import { useLazyModule } from '../src/ui/useLazyModule';
import { Bookmarks } from './Bookmarks';
import { Episodes } from './Episodes';
import { UnreadableRecords } from './UnreadableRecords';
import { History } from './History';
import { refreshArchiveNow } from './useArchive';
import { useJournal } from './useJournal';
import { afterNextPaint } from '../src/ui/afterNextPaint';
import { PlayerBar } from '../src/ui/player/PlayerBar';
import { usePlayer, type PlayerHandle } from '../src/ui/player/usePlayer';

/** The views other than the lists, loaded when first shown. */
function OtherViews({
  view,
  entries,
  player,
}: {
  view: 'queue' | 'stats' | 'search' | 'conferences' | 'readLater' | 'settings' | 'data';
  entries: JournalEntry[] | null;
  player: PlayerHandle;
}) {
  const lazy = useLazyModule(() => import('./otherViews'));
  if (lazy.kind === 'loading') return <p role="status">{t('loading')}</p>;
  if (lazy.kind === 'failed') {
    return (
      <p role="alert">
        {t('viewLoadFailed')}{' '}
        <button type="button" onClick={lazy.retry}>
          {t('retry')}
        </button>
      </p>
    );
  }
  const views = lazy.module;
  if (view === 'queue') return <views.Queue player={player} />;
  if (view === 'stats') return entries && <views.Statistics entries={entries} />;
  if (view === 'search') return <views.SearchView />;
  if (view === 'conferences') return <views.Conferences />;
  if (view === 'readLater') return <views.ReadLater />;
  if (view === 'settings') return <views.SettingsView />;
  return <views.DataTools />;
}

const VIEWS = {
  episodes: 'viewEpisodes',
  queue: 'viewQueue',
  history: 'viewHistory',
  bookmarks: 'viewBookmarks',
  readLater: 'viewReadLater',
  stats: 'viewStats',
  search: 'viewSearch',
  conferences: 'viewConferences',
  settings: 'viewSettings',
  data: 'viewData',
} as const satisfies Record<string, MessageKey>;

type View = keyof typeof VIEWS;

function viewOfHash(): View {
  const name = location.hash.slice(1);
  // Own names only: `#constructor` or `#__proto__` are in every object's prototype chain.
  return Object.hasOwn(VIEWS, name) ? (name as View) : 'episodes';
}

export function Journal() {
  const [view, setView] = useState<View>(viewOfHash);
  const journal = useJournal();
  const player = usePlayer();
  // Opening the journal, on whichever view, checks the archive (most times a 304), once the
  // page is painted.
  useEffect(() => afterNextPaint(() => void refreshArchiveNow()), []);
  useEffect(() => {
    const follow = () => setView(viewOfHash());
    window.addEventListener('hashchange', follow);
    return () => window.removeEventListener('hashchange', follow);
  }, []);

  const entries = journal.kind === 'ready' ? journal.entries : null;
  const drawsEntries = view === 'episodes' || view === 'history' || view === 'bookmarks' || view === 'stats';
  return (
    <>
      <header class="journal-header">
        <h1>{t('optionsTitle')}</h1>
        <nav aria-label={t('journalSections')}>
          <ul>
            {Object.entries(VIEWS).map(([name, label]) => (
              <li key={name}>
                <a href={`#${name}`} aria-current={view === name ? 'page' : undefined}>
                  {t(label)}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <PlayerBar player={player} />
      <main id="view" aria-labelledby="view-title">
        <h2 id="view-title">{t(VIEWS[view])}</h2>
        {journal.kind === 'failed' && <p role="alert">{t('storageUnavailable')}</p>}
        {journal.kind === 'ready' &&
          journal.unreadable > 0 &&
          (view === 'episodes' || view === 'history' || view === 'bookmarks' || view === 'stats') && (
            <UnreadableRecords count={journal.unreadable} />
          )}
        {journal.kind === 'loading' && drawsEntries && <p role="status">{t('loading')}</p>}
        {view === 'episodes' && entries && <Episodes entries={entries} player={player} />}
        {view === 'history' && entries && <History entries={entries} />}
        {view === 'bookmarks' && entries && <Bookmarks entries={entries} />}
        {view !== 'episodes' && view !== 'history' && view !== 'bookmarks' && <OtherViews view={view} entries={entries} player={player} />}
      </main>
    </>
  );
}
