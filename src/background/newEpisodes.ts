/**
 * The notification of a new episode, for a listener who chose it: when a refresh brings episodes
 * the archive did not hold, one notification each, which opens the episode's page when clicked.
 * The permission is optional: without it (not asked, or given back) nothing is shown.
 */
import browser from 'webextension-polyfill';
import { inBackground } from '../errors';
import type { FeedState } from '../core/records';
import { listArchiveCards } from '../platform/storage/archive';
import { getSettings } from '../platform/storage/settings';

/** A notification's id is the page it opens. */
const PREFIX = 'lcc-new-episode:';
/** A first refresh after months away brings many: the newest few are news, the rest the catalogue's. */
const MOST = 3;

export async function notifyArrivals(before: FeedState | null, after: FeedState | null): Promise<void> {
  const known = new Set(before?.arrived ?? []);
  const brought = (after?.arrived ?? []).filter((id) => !known.has(id));
  if (brought.length === 0 || !browser.notifications) return;
  const [settings, allowed] = await Promise.all([getSettings(), browser.permissions.contains({ permissions: ['notifications'] })]);
  if (settings.notifyNewEpisodes !== 'on' || !allowed) return;
  const cards = (await listArchiveCards()).records.filter((card) => brought.includes(card.id));
  cards.sort((a, b) => b.publishedOn.localeCompare(a.publishedOn));
  for (const card of cards.slice(0, MOST)) {
    await browser.notifications.create(`${PREFIX}${card.url}`, {
      type: 'basic',
      iconUrl: browser.runtime.getURL('icons/icon-128.png'),
      title: browser.i18n.getMessage('notifyNewEpisodeTitle'),
      message: card.title,
    });
  }
}

/** A click on a new episode's notification opens its page; the API is there once the permission is. */
export function openArrivalsWhenClicked(): void {
  const listen = () =>
    browser.notifications?.onClicked.addListener((id) => {
      if (!id.startsWith(PREFIX)) return;
      inBackground('opening the new episode', browser.tabs.create({ url: id.slice(PREFIX.length) }));
      inBackground('closing its notification', browser.notifications.clear(id));
    });
  listen();
  browser.permissions.onAdded.addListener(({ permissions }) => {
    if (permissions?.includes('notifications')) listen();
  });
}
