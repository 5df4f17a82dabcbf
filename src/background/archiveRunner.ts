/**
 * Runs the archive refresh, one at a time, then derives the search index and citations from what
 * it stored. Reading the feed needs DOMParser, which Firefox's event page has and Chrome's service
 * worker has not: there the offscreen document reads and stores what changed in it (and is
 * closed after unless the player is using it). Either document is where the player plays, and a
 * read holds it for a second or more: while an episode plays, the refresh waits for the pause or
 * the end.
 */
import browser from 'webextension-polyfill';
import { inBackground, recover } from '../errors';
import type { OffscreenRequest } from '../messages';
import type { FeedState } from '../core/records';
import { deriveArchive } from '../platform/archive/derive';
import { askForFeed, feedDue, readsEveryEntry, readWholeFeed, recordStoreFailure, refreshFeedHere } from '../platform/archive/refresh';
import { getFeedState } from '../platform/storage/archive';
import { playerIsPlaying } from './player';
import { showArrivedBadge } from './badge';
import { notifyArrivals } from './newEpisodes';
import {
  closeOffscreenDocumentUnlessPlaying,
  needsOffscreenDocument,
  openOffscreenDocument,
  sendToOffscreenDocument,
} from './offscreenDocument';

let running: Promise<FeedState | null> | null = null;
/** A refresh asked for while an episode played: `force` as asked, or null when none waits. */
let waiting: { force: boolean } | null = null;
let deriving: Promise<void> = Promise.resolve();

/** Closes the document the refresh opened once its answer is given: the answer does not wait for it. */
function closeOffscreenDocumentSoon(): void {
  inBackground('closing the offscreen document', closeOffscreenDocumentUnlessPlaying());
}

type FeedRequest = Extract<OffscreenRequest, { type: 'offscreen/store-feed' | 'offscreen/refresh-feed' }>;

async function inOffscreenDocument(request: FeedRequest): Promise<FeedState> {
  try {
    await openOffscreenDocument('DOM_PARSER');
    return await sendToOffscreenDocument(request);
  } catch {
    // Chrome closed the document mid-read, or it ran out of memory: the archive is as it was.
    return recordStoreFailure('parser-stopped');
  } finally {
    closeOffscreenDocumentSoon();
  }
}

async function refreshUnlessPlaying(force: boolean): Promise<FeedState | null> {
  if (await playerIsPlaying()) {
    waiting = { force: force || (waiting?.force ?? false) };
    return getFeedState();
  }
  // Offscreen documents have no getManifest: the version that reads the entries is told.
  const reader = browser.runtime.getManifest().version;
  if (!needsOffscreenDocument) return refreshFeedHere({ force, reader });
  if (await readsEveryEntry(reader)) {
    const { state, due } = await feedDue({ force });
    if (!due) return state;
    // Read whole, the feed is fetched by the document itself, opened at once: its text crossing
    // from this worker would cost as much again (170 ms for 3.4 MB here), and asking for it here
    // first 25-35 ms more.
    return inOffscreenDocument({ type: 'offscreen/refresh-feed', reader });
  }
  const answer = await askForFeed({ force, reader }, false);
  if ('state' in answer) return answer.state;
  // A whole feed: the document opens while it downloads (80-100 ms here), not after.
  inBackground('opening the offscreen document', openOffscreenDocument('DOM_PARSER'));
  const checked = await readWholeFeed(answer, { reader });
  if ('state' in checked) {
    closeOffscreenDocumentSoon();
    return checked.state;
  }
  return inOffscreenDocument({ type: 'offscreen/store-feed', fetched: checked.fetched, reader });
}

/** Derives what the last refreshes stored, one derivation at a time; the search waits, not the catalogue. */
function deriveArchiveSoon(): void {
  deriving = deriving.then(deriveArchive).catch(recover('indexing the archive', undefined));
}

/** The refresh's state once the archive is stored; the index and citations follow (`deriveArchiveSoon`). */
export function runArchiveRefresh(force: boolean): Promise<FeedState | null> {
  running ??= getFeedState()
    .catch(recover('reading the archive state', null))
    .then(async (before) => {
      const state = await refreshUnlessPlaying(force);
      await showArrivedBadge(state);
      // The refresh's answer does not wait for the notifications.
      inBackground('telling of a new episode', notifyArrivals(before, state));
      return state;
    })
    .finally(() => {
      running = null;
      deriveArchiveSoon();
    });
  return running;
}

/** After the player paused or ended: the refresh that waited for it. */
export async function runWaitingRefresh(): Promise<void> {
  if (!waiting || (await playerIsPlaying())) return;
  const { force } = waiting;
  waiting = null;
  await runArchiveRefresh(force);
}
