/**
 * The toolbar badge: on an episode page, its number, a check mark once listened; elsewhere, how
 * many new episodes came that the listener has not opened yet.
 */
import browser from 'webextension-polyfill';
import type { Episode } from '../core/episode/model';
import { getListeningState } from '../platform/storage/listening';
import type { FeedState } from '../core/records';

const BADGE_COLOR = '#c2410c';
const LISTENED_COLOR = '#15803d';

export async function showEpisodeBadge(tabId: number, episode: Pick<Episode, 'id' | 'number'>): Promise<void> {
  const state = await getListeningState(episode.id);
  const listened = Boolean(state?.listenedOn);
  await Promise.all([
    browser.action.setBadgeText({ tabId, text: listened ? '✓' : episode.number === null ? '•' : String(episode.number) }),
    browser.action.setBadgeBackgroundColor({ tabId, color: listened ? LISTENED_COLOR : BADGE_COLOR }),
  ]);
}

/** The badge of every tab without one of its own: the new episodes not opened yet, or nothing. */
export async function showArrivedBadge(state: FeedState | null): Promise<void> {
  const count = state?.arrived?.length ?? 0;
  await Promise.all([
    browser.action.setBadgeText({ text: count > 0 ? String(count) : '' }),
    browser.action.setBadgeBackgroundColor({ color: BADGE_COLOR }),
  ]);
}
