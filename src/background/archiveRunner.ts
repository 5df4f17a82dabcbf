/**
 * Runs the archive refresh, one at a time. Reading the feed needs DOMParser, which Firefox's event
 * page has and Chrome's service worker has not: there the offscreen document parses the feed's
 * text, and is closed after it unless the player is using it. Either document is where the
 * player plays, and a parse holds it for a second or more: while an episode plays, the refresh
 * waits for the pause or the end.
 */
import browser from 'webextension-polyfill';
import { sendToOffscreen } from '../messages';
import type { FeedState } from '../core/records';
import { readFeed, type ParsedFeed } from '../platform/html/feed';
import { getFeedState } from '../platform/storage/archive';
import { refreshArchive } from './archiveRefresh';
import { playerIsPlaying } from './player';
import { showArrivedBadge } from './badge';
import { closeOffscreenDocumentUnlessPlaying, needsOffscreenDocument, openOffscreenDocument } from './offscreenDocument';

let running: Promise<FeedState | null> | null = null;
/** A refresh asked for while an episode played: `force` as asked, or null when none waits. */
let waiting: { force: boolean } | null = null;

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

async function refreshUnlessPlaying(force: boolean): Promise<FeedState | null> {
  if (await playerIsPlaying()) {
    waiting = { force: force || (waiting?.force ?? false) };
    return getFeedState();
  }
  return refreshArchive(needsOffscreenDocument ? parseInOffscreenDocument : parseHere, { force });
}

export function runArchiveRefresh(force: boolean): Promise<FeedState | null> {
  running ??= refreshUnlessPlaying(force)
    .then(async (state) => {
      await showArrivedBadge(state);
      return state;
    })
    .finally(() => (running = null));
  return running;
}

/** After the player paused or ended: the refresh that waited for it. */
export async function runWaitingRefresh(): Promise<void> {
  if (!waiting || (await playerIsPlaying())) return;
  const { force } = waiting;
  waiting = null;
  await runArchiveRefresh(force);
}
