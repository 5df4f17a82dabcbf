/**
 * The journal's header: its title, the search field (always there; typing shows the results),
 * the gear to the settings and data, and the navigation of its five destinations, a bar of icons
 * at the bottom of a phone's screen.
 */
import type { IconNode } from 'lucide';
import { BookOpen, CalendarDays, Headphones, Library, ListMusic, Search, Settings } from 'lucide';
import { useRef } from 'preact/hooks';
import { Icon } from '../src/ui/Icon';
import { t, type MessageKey } from '../src/ui/i18n';
import { moveFocus, useSlashFocuses } from '../src/ui/keyboard';
import { RESULT_LINKS, setSearchQuery, useSearchQuery } from './searchQuery';
import { VIEWS, viewsOf, type Destination, type ViewName } from './views';

const DESTINATIONS: { destination: Destination; label: MessageKey; short: MessageKey; icon: IconNode }[] = [
  { destination: 'episodes', label: 'viewEpisodes', short: 'viewEpisodes', icon: Library },
  { destination: 'queue', label: 'viewQueue', short: 'navShortQueue', icon: ListMusic },
  { destination: 'readLater', label: 'viewReadLater', short: 'viewReadLater', icon: BookOpen },
  { destination: 'conferences', label: 'viewConferences', short: 'viewConferences', icon: CalendarDays },
  { destination: 'listening', label: 'navListening', short: 'navListening', icon: Headphones },
];

function SearchField({ onSearch }: { onSearch: boolean }) {
  const query = useSearchQuery();
  const field = useRef<HTMLInputElement>(null);
  useSlashFocuses(field);
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    event.preventDefault();
    moveFocus(document.getElementById('view'), null, event.key === 'ArrowDown' ? 1 : -1, field.current, RESULT_LINKS);
  };
  return (
    <form role="search" class="header-search" onSubmit={(event) => event.preventDefault()}>
      <label for="search-query" class="visually-hidden">
        {t('searchLabel')}
      </label>
      <Icon node={Search} size={18} />
      <input
        id="search-query"
        ref={field}
        type="search"
        placeholder={t('searchPlaceholder')}
        value={query}
        onInput={(event) => setSearchQuery(event.currentTarget.value)}
        onKeyDown={onKeyDown}
        autoFocus={onSearch}
      />
    </form>
  );
}

export function JournalHeader({ view }: { view: ViewName }) {
  const here = VIEWS[view].destination;
  return (
    <header class="journal-header">
      <div class="header-bar">
        <h1>{t('optionsTitle')}</h1>
        <SearchField onSearch={here === 'search'} />
        <a
          class="icon-link"
          href="#settings"
          aria-label={t('navSettings')}
          title={t('navSettings')}
          aria-current={here === 'settings' ? 'page' : undefined}
        >
          <Icon node={Settings} size={22} />
        </a>
      </div>
      <nav class="destinations" aria-label={t('journalSections')}>
        <ul>
          {DESTINATIONS.map(({ destination, label, short, icon }) => (
            <li key={destination}>
              <a href={`#${viewsOf(destination)[0]!}`} aria-label={t(label)} aria-current={here === destination ? 'page' : undefined}>
                <Icon node={icon} size={22} />
                <span class="long" aria-hidden="true">
                  {t(label)}
                </span>
                <span class="short" aria-hidden="true">
                  {t(short)}
                </span>
              </a>
            </li>
          ))}
        </ul>
      </nav>
    </header>
  );
}

/** The tabs of a destination of several views (Mon écoute: history, statistics, favourites; the gear: settings, data). */
export function DestinationTabs({ view }: { view: ViewName }) {
  const { destination } = VIEWS[view];
  const views = viewsOf(destination);
  if (views.length < 2) return null;
  const label = DESTINATIONS.find((each) => each.destination === destination)?.label ?? 'navSettings';
  return (
    <nav class="destination-tabs" aria-label={t(label)}>
      <ul>
        {views.map((each) => (
          <li key={each}>
            <a href={`#${each}`} aria-current={each === view ? 'page' : undefined}>
              {t(VIEWS[each].label)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
