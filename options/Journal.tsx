import { useEffect, useState } from 'preact/hooks';
import { t, type MessageKey } from '../src/ui/i18n';
import { Bookmarks } from './Bookmarks';
import { DataTools } from './DataTools';
import { History } from './History';
import { SearchView } from './SearchView';
import { SettingsView } from './SettingsView';
import { Statistics } from './Statistics';
import { useJournal } from './useJournal';

const VIEWS = {
  history: 'viewHistory',
  bookmarks: 'viewBookmarks',
  stats: 'viewStats',
  search: 'viewSearch',
  settings: 'viewSettings',
  data: 'viewData',
} as const satisfies Record<string, MessageKey>;

type View = keyof typeof VIEWS;

function viewOfHash(): View {
  const name = location.hash.slice(1);
  return name in VIEWS ? (name as View) : 'history';
}

export function Journal() {
  const [view, setView] = useState<View>(viewOfHash);
  const journal = useJournal();
  useEffect(() => {
    const follow = () => setView(viewOfHash());
    window.addEventListener('hashchange', follow);
    return () => window.removeEventListener('hashchange', follow);
  }, []);

  const entries = journal.kind === 'ready' ? journal.entries : null;
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
      <main id="view" aria-labelledby="view-title">
        <h2 id="view-title">{t(VIEWS[view])}</h2>
        {journal.kind === 'failed' && <p role="alert">{t('storageUnavailable')}</p>}
        {journal.kind === 'loading' && (view === 'history' || view === 'bookmarks' || view === 'stats') && (
          <p role="status">{t('loading')}</p>
        )}
        {view === 'history' && entries && <History entries={entries} />}
        {view === 'bookmarks' && entries && <Bookmarks entries={entries} />}
        {view === 'stats' && entries && <Statistics entries={entries} />}
        {view === 'search' && <SearchView />}
        {view === 'settings' && <SettingsView />}
        {view === 'data' && <DataTools />}
      </main>
    </>
  );
}
