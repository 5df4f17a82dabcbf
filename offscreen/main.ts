/** Chrome's offscreen document: reads the feed's text with DOMParser, which the service worker lacks. */
import browser from 'webextension-polyfill';
import { readFeed } from '../src/archive/feed';
import { isOffscreenRequest } from '../src/messages';

browser.runtime.onMessage.addListener((message: unknown) => {
  if (!isOffscreenRequest(message)) return undefined;
  return Promise.resolve(readFeed(message.text, new DOMParser()));
});
