/**
 * Chrome's offscreen document: reads the feed into the archive with DOMParser, which the
 * service worker lacks, and is where the player plays (see src/platform/player/host.ts).
 */
import browser from 'webextension-polyfill';
import { storeFeedHere } from '../src/platform/archive/refresh';
import { recover } from '../src/errors';
import { isOffscreenRequest, senderOf, sendToBackground } from '../src/messages';
import { PlayerHost } from '../src/platform/player/host';
import type { StoreChange } from '../src/platform/storage/database';

let player: PlayerHost | null = null;

/** The player's marks in the log reach the background as a page's writes do (badges, sync). */
async function tellBackground(change: StoreChange): Promise<void> {
  await sendToBackground(browser.runtime, { type: 'store/changed', change }).catch(recover('telling the background of a write', null));
}

const EXTENSION_ORIGIN = browser.runtime.getURL('');

browser.runtime.onMessage.addListener((message: unknown, sender: browser.Runtime.MessageSender) => {
  // The background's work only: a content script's message reaches this document too.
  if (!isOffscreenRequest(message) || senderOf(sender, EXTENSION_ORIGIN) !== 'extension') return undefined;
  switch (message.type) {
    case 'offscreen/store-feed':
      return storeFeedHere(message.fetched, message.reader);
    case 'offscreen/player':
      player ??= new PlayerHost(browser.runtime.getURL('icons/icon-128.png'), tellBackground);
      return player.command(message.command);
  }
});
