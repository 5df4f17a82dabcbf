/**
 * Every view of the journal, registered once: its address (`#queue`), its label, whether it
 * draws the listener's entries (then it waits for them, and says when some could not be read),
 * and its component. The lists the journal opens on are drawn with the page; the others are
 * loaded when first shown, so that the first paint parses less script.
 */
import type { ComponentType } from 'preact';
import type { JournalEntry } from '../../src/core/log/journal';
import type { MessageKey } from '../../src/ui/i18n';
import type { PlayerHandle } from '../../src/ui/player/usePlayer';
import { Bookmarks } from './Bookmarks';
import { Episodes } from './Episodes';
import { History } from './History';

interface ViewProps {
  entries: JournalEntry[];
  player: PlayerHandle;
}

/** A view's component, with the page or loaded when first shown. */
export type ViewComponent<P> = { component: ComponentType<P> } | { load: () => Promise<ComponentType<P>> };

/**
 * The journal's destinations: five in the navigation (a bar of icons at the bottom on a phone),
 * settings and data behind the gear, the search from the header's field. A destination of
 * several views shows them as tabs.
 */
export type Destination =
  'episodes' | 'queue' | 'readLater' | 'conferences' | 'listening' | 'settings' | 'search' | 'welcome' | 'components';

/** `destination`: where the view is reached from (the welcome and the components: by their address alone). */
export type ViewDefinition = { label: MessageKey; destination: Destination } & (
  { drawsEntries: true; show: ViewComponent<ViewProps> } | { drawsEntries: false; show: ViewComponent<Pick<ViewProps, 'player'>> }
);

export const VIEWS = {
  episodes: { label: 'viewEpisodes', destination: 'episodes', drawsEntries: true, show: { component: Episodes } },
  queue: {
    label: 'viewQueue',
    destination: 'queue',
    drawsEntries: false,
    show: { load: () => import('./Queue').then((view) => view.Queue) },
  },
  history: { label: 'viewHistory', destination: 'listening', drawsEntries: true, show: { component: History } },
  bookmarks: { label: 'viewBookmarks', destination: 'listening', drawsEntries: true, show: { component: Bookmarks } },
  readLater: {
    label: 'viewReadLater',
    destination: 'readLater',
    drawsEntries: false,
    show: { load: () => import('./ReadLater').then((view) => view.ReadLater) },
  },
  stats: {
    label: 'viewStats',
    destination: 'listening',
    drawsEntries: true,
    show: { load: () => import('./Statistics').then((view) => view.Statistics) },
  },
  search: {
    label: 'viewSearch',
    destination: 'search',
    drawsEntries: true,
    show: { load: () => import('./SearchView').then((view) => view.SearchView) },
  },
  conferences: {
    label: 'viewConferences',
    destination: 'conferences',
    drawsEntries: false,
    show: { load: () => import('./Conferences').then((view) => view.Conferences) },
  },
  settings: {
    label: 'viewSettings',
    destination: 'settings',
    drawsEntries: false,
    show: { load: () => import('./SettingsView').then((view) => view.SettingsView) },
  },
  data: {
    label: 'viewData',
    destination: 'settings',
    drawsEntries: false,
    show: { load: () => import('./DataTools').then((view) => view.DataTools) },
  },
  welcome: {
    label: 'viewWelcome',
    destination: 'welcome',
    drawsEntries: true,
    show: { load: () => import('./Welcome').then((view) => view.Welcome) },
  },
  components: {
    label: 'viewComponents',
    destination: 'components',
    drawsEntries: false,
    show: { load: () => import('./Components').then((view) => view.Components) },
  },
} as const satisfies Record<string, ViewDefinition>;

export type ViewName = keyof typeof VIEWS;

/** The views of a destination, in the order of its tabs. */
export function viewsOf(destination: Destination): ViewName[] {
  return (Object.keys(VIEWS) as ViewName[]).filter((name) => VIEWS[name].destination === destination);
}

/** The view an address names (`#stats`, `#search?q=graal`), or the episodes. */
export function viewOfHash(hash: string): ViewName {
  const name = hash.slice(1).split('?')[0]!;
  // Own names only: `#constructor` or `#__proto__` are in every object's prototype chain.
  return Object.hasOwn(VIEWS, name) ? (name as ViewName) : 'episodes';
}
