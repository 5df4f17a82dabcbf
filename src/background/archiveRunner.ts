/**
 * Runs the archive refresh, one at a time. Reading the feed needs DOMParser, which Firefox's event
 * page has and Chrome's service worker has not: there an offscreen document (reason DOM_PARSER)
 * is made to parse the feed's text, and closed after it.
 */
import browser from 'webextension-polyfill';
import { sendToOffscreen } from '../messages';
import type { FeedState } from '../storage/records';
import { readFeed, type ParsedFeed } from '../archive/feed';
import { refreshArchive } from './archiveRefresh';

/** Chrome's offscreen API, which the polyfill does not cover. */
interface OffscreenApi {
  createDocument(parameters: { url: string; reasons: string[]; justification: string }): Promise<void>;
  closeDocument(): Promise<void>;
  hasDocument?(): Promise<boolean>;
}

const offscreenApi = (globalThis as unknown as { chrome?: { offscreen?: OffscreenApi } }).chrome?.offscreen;

let running: Promise<FeedState | null> | null = null;

async function parseInOffscreenDocument(text: string): Promise<ParsedFeed> {
  if (!offscreenApi) throw new Error('no DOMParser and no offscreen document here');
  if (!(await offscreenApi.hasDocument?.())) {
    await offscreenApi.createDocument({
      url: 'offscreen/index.html',
      reasons: ['DOM_PARSER'],
      justification: "Reads the site's Atom feed into the offline archive of episodes.",
    });
  }
  try {
    return await sendToOffscreen(browser.runtime, { type: 'offscreen/parse-feed', text });
  } finally {
    await offscreenApi.closeDocument();
  }
}

async function parseHere(text: string): Promise<ParsedFeed> {
  return readFeed(text, new DOMParser());
}

export function runArchiveRefresh(force: boolean): Promise<FeedState | null> {
  running ??= refreshArchive(typeof DOMParser === 'undefined' ? parseInOffscreenDocument : parseHere, { force }).finally(
    () => (running = null),
  );
  return running;
}
