/**
 * The background (service worker in Chrome, event page in Firefox): badges per tab, the source
 * refresh, the archive refresh (at install, when the journal opens, and otherwise at most every
 * 12 hours, checked hourly), the sync between the listener's browsers when it is on, the sync
 * with their podcast app through their gPodder server once connected (`gpodder.ts`), and the
 * player's commands (to the offscreen document in Chrome, played here in Firefox). It
 * keeps no state of its own between events, since it may sleep between them: what it knows of a
 * tab comes back from the tab's content script or from the store.
 */
import browser from 'webextension-polyfill';
import { canonicalPageUrl, isPostPageUrl } from '../core/episode/urls';
import { inBackground, recover } from '../errors';
import { isBackgroundRequest, mayRequest, popupAddress, senderOf, sendToTab, type BackgroundRequest } from '../messages';
import { changesEpisode, onLocalWrite, type StoreChange } from '../platform/storage/database';
import { runArchiveRefresh, runWaitingRefresh } from './archiveRunner';
import { showArrivedBadge, showEpisodeBadge } from './badge';
import { getFeedState, markArrivedOpened } from '../platform/storage/archive';
import { commandPlayer } from './player';
import { openArrivalsWhenClicked } from './newEpisodes';
import { noteNodes } from '../core/log/note';
import { namedEntity } from '../core/text/entities';
import { refreshFromSource } from './sourceRefresh';
import { listenToSync, syncSoon } from './sync';
import { GPODDER_ALARM, handleGpodder, syncWithAppsNow, syncWithAppsSoon } from './gpodder';

const ARCHIVE_ALARM = 'archive-refresh';
/** The journal's welcome, where a new listener sets the log up. */
const WELCOME_PAGE = 'options/index.html#welcome';

/** After a change (listened in the popup, an import…), the badges of open episode tabs follow. */
async function refreshBadges(change: StoreChange): Promise<void> {
  const tabs = await browser.tabs.query({ url: 'https://lescastcodeurs.com/*' });
  for (const tab of tabs) {
    if (tab.id === undefined || !tab.url || !isPostPageUrl(tab.url)) continue;
    const episode = await sendToTab(browser.tabs, tab.id, { type: 'page/identify' }).catch(
      recover('asking a tab which episode it shows', null),
    );
    if (episode && changesEpisode(change, episode.id)) await showEpisodeBadge(tab.id, episode);
  }
}

/**
 * Sync carries the listening states and the player's positions (a pause, an end, a close: its
 * checkpoints while it plays are announced as no change), not the archive or the reading list; a
 * change of settings may be sync turned on, which sends this browser's states at once; the
 * archive names the episodes of positions from another browser that waited for a page to resume on.
 */
function changesWhatSyncUses(change: StoreChange): boolean {
  return changesEpisode(change) || change.playback === true || change.settings === true || change.archive === true;
}

function handle(request: BackgroundRequest, tabId: number | undefined, senderUrl: string | undefined): Promise<unknown> {
  switch (request.type) {
    case 'page/opened':
      // The tab's own address says which episode this is, whatever the page claims.
      if (tabId === undefined || request.episode.url !== canonicalPageUrl(senderUrl ?? '')) return Promise.resolve(null);
      inBackground('showing the badge', showEpisodeBadge(tabId, request.episode));
      inBackground('naming the episode in the popup', browser.action.setPopup({ tabId, popup: popupAddress(tabId, request.episode.url) }));
      inBackground(
        'taking the new mark off an opened episode',
        markArrivedOpened(request.episode.id).then(async (opened) => opened && showArrivedBadge(opened)),
      );
      inBackground('checking the episode source', refreshFromSource(request.episode.url));
      return Promise.resolve(null);
    case 'episode/revalidate':
      return refreshFromSource(request.url);
    case 'store/changed':
      return followChange(request.change).then(() => null);
    case 'archive/refresh':
      return runArchiveRefresh(request.force);
    case 'player/command':
      return commandPlayer(request.command, followChange);
    case 'note/read':
      // The popup would otherwise load marked (15 KB gzip) for the few episodes with a note.
      return Promise.resolve(noteNodes(request.markdown, namedEntity));
    case 'gpodder/connect':
    case 'gpodder/disconnect':
    case 'gpodder/sync':
    case 'gpodder/status':
      return handleGpodder(request);
  }
}

async function followChange(change: StoreChange): Promise<void> {
  if (change.playback === true) inBackground('refreshing the archive after playback', runWaitingRefresh());
  if (changesWhatSyncUses(change)) syncSoon();
  if (changesEpisode(change) || change.playback === true) syncWithAppsSoon();
  if (changesEpisode(change)) await refreshBadges(change);
}

listenToSync();
openArrivalsWhenClicked();

// The background's own writes (the phone's marks through gPodder, another browser's through
// storage.sync): the badges follow, and the listener's other browsers hear of the phone's marks.
onLocalWrite((change) => {
  if (!changesEpisode(change)) return;
  syncSoon();
  inBackground('showing the badges', refreshBadges(change));
});

browser.runtime.onInstalled.addListener(({ reason }) => {
  inBackground('setting the archive alarm', browser.alarms.create(ARCHIVE_ALARM, { periodInMinutes: 60 }));
  runArchiveRefresh(true).catch(recover('building the archive at install', null));
  // Once, at install: the journal opens on the ways to set the log up.
  if (reason === 'install') inBackground('opening the welcome', browser.tabs.create({ url: browser.runtime.getURL(WELCOME_PAGE) }));
});

browser.alarms.onAlarm.addListener((alarm) => {
  if (alarm.name === ARCHIVE_ALARM) runArchiveRefresh(false).catch(recover('refreshing the archive', null));
  if (alarm.name === GPODDER_ALARM) syncWithAppsNow();
});

browser.runtime.onStartup.addListener(() => {
  syncWithAppsNow();
  inBackground('showing the new episodes', getFeedState().then(showArrivedBadge));
});

const EXTENSION_ORIGIN = browser.runtime.getURL('');

browser.runtime.onMessage.addListener((message: unknown, sender: browser.Runtime.MessageSender) => {
  if (!isBackgroundRequest(message)) return undefined;
  if (!mayRequest(message, senderOf(sender, EXTENSION_ORIGIN))) return Promise.reject(new Error(`${message.type}: not from this sender`));
  return handle(message, sender.tab?.id, sender.url ?? sender.tab?.url);
});
