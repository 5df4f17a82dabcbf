/**
 * Runs the archive refresh, one at a time. Reading the feed needs DOMParser, which Firefox's event
 * page has and Chrome's service worker has not: there the offscreen document parses the feed's
 * text, and is closed after it unless the player is using it.
 */
import browser from 'webextension-polyfill';
import { sendToOffscreen } from '../messages';
import type { FeedState } from '../core/records';
import { readFeed, type ParsedFeed } from '../platform/html/feed';
import { refreshArchive } from './archiveRefresh';
import { closeOffscreenDocumentUnlessPlaying, needsOffscreenDocument, openOffscreenDocument } from './offscreenDocument';

let running: Promise<FeedState | null> | null = null;

async function parseInOffscreenDocument(text: string): Promise<ParsedFeed> {
  await openOffscreenDocument('DOM_PARSER');
  try {
    return await sendToOffscreen(browser.runtime, { type: 'offscreen/parse-feed', text });
  } finally {
    await closeOffscreenDocumentUnlessPlaying();
  }
}

/** Firefox's event page has a DOMParser: the feed is parsed where it was fetched (a throw, a rejection). */
function parseHere(text: string): Promise<ParsedFeed> {
  return Promise.resolve().then(() => readFeed(text, new DOMParser()));
}

export function runArchiveRefresh(force: boolean): Promise<FeedState | null> {
  running ??= refreshArchive(needsOffscreenDocument ? parseInOffscreenDocument : parseHere, { force }).finally(() => (running = null));
  return running;
}
