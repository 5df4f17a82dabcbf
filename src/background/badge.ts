/** The toolbar badge of a tab: the episode number on an episode page, a check mark once listened. */
import browser from 'webextension-polyfill';
import type { Episode } from '../core/episode/model';
import { getListeningState } from '../platform/storage/listening';

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
