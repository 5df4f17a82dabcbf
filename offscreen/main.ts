/**
 * Chrome's offscreen document: reads the feed into the archive with DOMParser, which the
 * service worker lacks, and is where the player plays (see src/platform/player/host.ts).
 */
import browser from 'webextension-polyfill';
import { refreshFeedHere, storeFeedHere } from '../src/platform/archive/refresh';
import { recover } from '../src/errors';
import { isOffscreenRequest, sendToBackground, type OffscreenRequest } from '../src/messages';
import { answerOnPort } from '../src/offscreenChannel';
import { PlayerHost } from '../src/platform/player/host';
import type { StoreChange } from '../src/platform/storage/database';

let player: PlayerHost | null = null;

/** The player's marks in the log reach the background as a page's writes do (badges, sync). */
async function tellBackground(change: StoreChange): Promise<void> {
  await sendToBackground(browser.runtime, { type: 'store/changed', change }).catch(recover('telling the background of a write', null));
}

async function work(request: OffscreenRequest): Promise<unknown> {
  switch (request.type) {
    case 'offscreen/store-feed':
      return storeFeedHere(request.fetched, request.reader);
    case 'offscreen/refresh-feed':
      // The background found the feed due: asked for here, whatever the time of the last check.
      return refreshFeedHere({ force: true, reader: request.reader });
    case 'offscreen/player':
      player ??= new PlayerHost(browser.runtime.getURL('icons/icon-128.png'), tellBackground);
      return player.command(request.command);
  }
}

// The background posts to this document as its service worker's client (see `sendToOffscreen`):
// no web page or content script can.
navigator.serviceWorker.addEventListener('message', (event: MessageEvent<unknown>) => {
  const [port] = event.ports;
  if (!port || !isOffscreenRequest(event.data)) return;
  answerOnPort(port, work(event.data));
});
// Messages wait until the page asks for them.
navigator.serviceWorker.startMessages();
