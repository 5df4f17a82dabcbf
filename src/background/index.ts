/**
 * The background (service worker in Chrome, event page in Firefox): badges per tab and the
 * source refresh. It keeps no state of its own between events: what it knows of a tab comes
 * back from the tab's content script or from the store.
 */
import browser from 'webextension-polyfill';
import { isPostPageUrl } from '../episode/urls';
import { isBackgroundRequest, sendToTab, type BackgroundRequest } from '../messages';
import { onStoreChange } from '../storage/store';
import { showEpisodeBadge } from './badge';
import { refreshFromSource } from './sourceRefresh';

function handle(request: BackgroundRequest, tabId: number | undefined): Promise<unknown> {
  switch (request.type) {
    case 'page/episode':
      if (tabId !== undefined) void showEpisodeBadge(tabId, request.episode);
      void refreshFromSource(request.episode.url);
      return Promise.resolve(null);
    case 'episode/revalidate':
      return refreshFromSource(request.url);
  }
}

browser.runtime.onMessage.addListener((message: unknown, sender: browser.Runtime.MessageSender) => {
  if (!isBackgroundRequest(message)) return undefined;
  return handle(message, sender.tab?.id);
});

/** After a change (listened in the popup, an import…), the badges of open episode tabs follow. */
onStoreChange(async () => {
  const tabs = await browser.tabs.query({ url: 'https://lescastcodeurs.com/*' });
  for (const tab of tabs) {
    if (tab.id === undefined || !tab.url || !isPostPageUrl(tab.url)) continue;
    const episode = await sendToTab(browser.tabs, tab.id, { type: 'page/get-episode' }).catch(() => null);
    if (episode) await showEpisodeBadge(tab.id, episode);
  }
});
