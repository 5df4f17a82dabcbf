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

/** `hidden`: reached by its address alone, not listed in the navigation (the welcome). */
export type ViewDefinition = { label: MessageKey; hidden?: true } & (
  { drawsEntries: true; show: ViewComponent<ViewProps> } | { drawsEntries: false; show: ViewComponent<Pick<ViewProps, 'player'>> }
);

export const VIEWS = {
  episodes: { label: 'viewEpisodes', drawsEntries: true, show: { component: Episodes } },
  queue: { label: 'viewQueue', drawsEntries: false, show: { load: () => import('./Queue').then((view) => view.Queue) } },
  history: { label: 'viewHistory', drawsEntries: true, show: { component: History } },
  bookmarks: { label: 'viewBookmarks', drawsEntries: true, show: { component: Bookmarks } },
  readLater: { label: 'viewReadLater', drawsEntries: false, show: { load: () => import('./ReadLater').then((view) => view.ReadLater) } },
  stats: { label: 'viewStats', drawsEntries: true, show: { load: () => import('./Statistics').then((view) => view.Statistics) } },
  search: { label: 'viewSearch', drawsEntries: true, show: { load: () => import('./SearchView').then((view) => view.SearchView) } },
  conferences: {
    label: 'viewConferences',
    drawsEntries: false,
    show: { load: () => import('./Conferences').then((view) => view.Conferences) },
  },
  settings: {
    label: 'viewSettings',
    drawsEntries: false,
    show: { load: () => import('./SettingsView').then((view) => view.SettingsView) },
  },
  data: { label: 'viewData', drawsEntries: false, show: { load: () => import('./DataTools').then((view) => view.DataTools) } },
  welcome: {
    label: 'viewWelcome',
    hidden: true,
    drawsEntries: true,
    show: { load: () => import('./Welcome').then((view) => view.Welcome) },
  },
} as const satisfies Record<string, ViewDefinition>;

export type ViewName = keyof typeof VIEWS;

/** The view an address names (`#stats`), or the episodes. */
export function viewOfHash(hash: string): ViewName {
  const name = hash.slice(1);
  // Own names only: `#constructor` or `#__proto__` are in every object's prototype chain.
  return Object.hasOwn(VIEWS, name) ? (name as ViewName) : 'episodes';
}
