/**
 * The episode of the active tab, drawn first from what is at hand (the local copy, else the
 * page's own parse) and updated in place when the GitHub source has been checked.
 */
import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import type { Episode } from '../src/core/episode/model';
import { pageUrlOf, postAddressOfPage } from '../src/core/episode/urls';
import { popupTargetOf, readPostPageInTab, sendToBackground, type RevalidateFailure, type RevalidateResult } from '../src/messages';
import pageReaderFile from '../src/content/pageReader.ts?script&iife';
import { getArchiveEpisode } from '../src/platform/storage/archive';
import { getPosition, getQueue } from '../src/platform/storage/playback';
import type { Playable } from '../src/core/player/playable';
import type { PlaybackRecords } from '../src/ui/player/usePlaybackRecords';
import type { ListeningState } from '../src/core/records';
import { changesEpisode, onLocalWrite, onStoreChange, openStore, type StoreChange } from '../src/platform/storage/database';
import { keepPopupCopy, readPopupCopy, type EpisodeOrigin, type PopupCopy } from '../src/ui/popupCopies';
import { afterNextPaint } from '../src/ui/afterNextPaint';
import { playerSeenLoaded } from '../src/ui/player/usePlayer';
import { getCachedEpisode } from '../src/platform/storage/episodeCopies';
import { getListeningState } from '../src/platform/storage/listening';
import { recover, reportError } from '../src/errors';

export type SourceCheck = { kind: 'checking' } | { kind: 'done' } | { kind: 'failed'; reason: RevalidateFailure };

/**
 * The listener's own records of the episode, read with it: the first frame shows the episode
 * listened, rated, noted, started or queued as it is, rather than blank a frame before. The
 * views read them again after that frame, and at each change.
 */
export interface OwnRecords {
  listening: ListeningState | undefined;
  /** The queue, and the position of this episode alone: what the popup shows. */
  playback: PlaybackRecords;
}

export type ActiveEpisode =
  | { kind: 'loading' }
  | { kind: 'not-episode' }
  | { kind: 'failed' }
  | {
      kind: 'episode';
      tabId: number;
      episode: Episode;
      own: OwnRecords;
      origin: EpisodeOrigin;
      check: SourceCheck;
      /** 1 once the records drawn from the popup's copy proved out of date: the views are drawn afresh. */
      redrawn: number;
    };

async function readOwnRecords(episodeId: string): Promise<OwnRecords> {
  const [listening, position, queue] = await Promise.all([getListeningState(episodeId), getPosition(episodeId), getQueue()]).catch(
    recover('reading the listening of the episode', [undefined, null, [] as Playable[]] as const),
  );
  return { listening, playback: { positions: new Map(position ? [[episodeId, position]] : []), queue } };
}

async function episodeAtHand(tabId: number, pageUrl: string): Promise<{ episode: Episode; origin: EpisodeOrigin } | null> {
  const cached = await getCachedEpisode(pageUrl).catch(recover('reading the episode kept', undefined));
  if (cached) return { episode: cached.episode, origin: cached.source === 'markdown' ? 'cache' : 'page' };
  // No copy of its own: the archive's, from the feed, is the page's notes too.
  const archived = await getArchiveEpisode(pageUrl).catch(recover('reading the archive', undefined));
  if (archived) return { episode: archived.episode, origin: 'page' };
  // Only then is the page parsed, in its own tab: most openings never need it.
  const episode = await readPostPageInTab(browser.scripting, tabId, pageReaderFile).catch(recover('reading the page', null));
  return episode && { episode, origin: 'page' };
}

async function firstPaint(tabId: number, pageUrl: string): Promise<{ episode: Episode; own: OwnRecords; origin: EpisodeOrigin } | null> {
  const atHand = await episodeAtHand(tabId, pageUrl);
  return atHand && { ...atHand, own: await readOwnRecords(atHand.episode.id) };
}

/**
 * The episode on screen when the source says the same: the notes, drawn for that object, are not
 * drawn again (the source is most often unchanged, and answers before the popup's first frame).
 */
function keptIfSame(shown: Episode | undefined, checked: Episode): Episode {
  return shown && JSON.stringify(shown) === JSON.stringify(checked) ? shown : checked;
}

/**
 * The active tab's episode, or why there is none: what is at hand, and the source's check of it,
 * both under way.
 */
type Found =
  { kind: 'not-episode' } | { kind: 'found'; tabId: number; first: ReturnType<typeof firstPaint>; checked: Promise<RevalidateResult> };

/** The tab and episode the background named in the popup's address, if it did. */
const target = popupTargetOf(location.search);

/** The episode of the tab at `pageUrl`: what is at hand, and the source's check, both begun. */
function lookUp(tabId: number, pageUrl: string): Found {
  // The source is asked at once, not after the page's own parse: a heavy page keeps its tab busy
  // for seconds, and the parse waits for it.
  const checked = sendToBackground(browser.runtime, { type: 'episode/revalidate', url: pageUrl }).catch(
    recover('checking the source', { status: 'failed', reason: 'offline' } as const),
  );
  return { kind: 'found', tabId, first: firstPaint(tabId, pageUrl), checked };
}

async function findActiveEpisode(): Promise<Found> {
  if (target) {
    await openStore().catch(recover('opening the database', undefined));
    return lookUp(target.tabId, target.pageUrl);
  }
  // The database opens while the tab is asked for: the copy kept is read right after.
  const [[tab]] = await Promise.all([
    browser.tabs.query({ active: true, currentWindow: true }),
    openStore().catch(recover('opening the database', undefined)),
  ]);
  const post = tab?.url ? postAddressOfPage(tab.url) : null;
  if (!tab?.id || !post) return { kind: 'not-episode' };
  return lookUp(tab.id, pageUrlOf(post));
}

function copyOf(episode: Episode, origin: EpisodeOrigin, own: OwnRecords): PopupCopy {
  return {
    episode,
    origin,
    listening: own.listening,
    position: own.playback.positions.get(episode.id) ?? null,
    queue: own.playback.queue,
  };
}

function ownOf(copy: PopupCopy): OwnRecords {
  const positions = new Map(copy.position ? [[copy.episode.id, copy.position]] : []);
  return { listening: copy.listening, playback: { positions, queue: copy.queue } };
}

/**
 * What the popup drew last of the episode the background named: its first frame, drawn at once;
 * while a player is loaded, the first frame waits for it with the database, to hold its bar too.
 */
const copied = target && !playerSeenLoaded() ? readPopupCopy(target.pageUrl) : null;

/**
 * Keeps the popup's copy of the episode shown (`shown()`) in step with the listener's records of
 * it, as this popup or another page changes them; returns the unsubscribe.
 */
function keepCopyInStep(shown: () => { episode: Episode; origin: EpisodeOrigin } | null): () => void {
  let open = true;
  const rewrite = (change: StoreChange) => {
    const now = shown();
    if (!open || !now || (!changesEpisode(change, now.episode.id) && change.playback !== true)) return;
    readOwnRecords(now.episode.id)
      .then((own) => open && keepPopupCopy(copyOf(now.episode, now.origin, own)))
      .catch(recover('keeping the popup copy', undefined));
  };
  onLocalWrite(rewrite);
  const stop = onStoreChange(rewrite);
  return () => {
    open = false;
    stop();
  };
}

/**
 * Started as the popup's script runs, before its first draw: the tab, the copy kept and the
 * page's parse do not wait for a frame (an effect runs only after the first one is painted).
 * A first frame drawn from the popup's own copy checks it only once painted.
 */
let started: Promise<Found> | null = copied ? null : findActiveEpisode();

export function useActiveEpisode(): ActiveEpisode {
  const [state, setState] = useState<ActiveEpisode>(() =>
    target && copied
      ? {
          kind: 'episode',
          tabId: target.tabId,
          episode: copied.episode,
          own: ownOf(copied),
          origin: copied.origin,
          check: { kind: 'checking' },
          redrawn: 0,
        }
      : { kind: 'loading' },
  );

  useEffect(() => {
    let closed = false;
    let shown: { episode: Episode; origin: EpisodeOrigin; own: OwnRecords } | null = null;
    const stopKeeping = keepCopyInStep(() => shown);
    const show = (next: ActiveEpisode) => {
      if (closed) return;
      setState(next);
      if (next.kind !== 'episode') return;
      // The source check most often confirms what is drawn: the same copy is not written again.
      if (shown?.episode === next.episode && shown.own === next.own && shown.origin === next.origin) return;
      shown = next;
      afterNextPaint(() => keepPopupCopy(copyOf(next.episode, next.origin, next.own)));
    };
    const finding = started ?? findActiveEpisode();
    started = null;
    (async () => {
      const found = await finding;
      if (found.kind === 'not-episode') return show(found);
      const { tabId, checked } = found;
      // Drawn from what is at hand, unless the source answers first (without a copy, and the page
      // still busy): then the source's episode alone is drawn.
      const atHand = await (copied
        ? found.first
        : Promise.race([found.first, checked.then((result) => (result.status === 'failed' ? found.first : null))]));
      // Drawn from the copy: the same notes are not drawn again, unless the listener's records changed.
      const sameOwn = copied && atHand && JSON.stringify(ownOf(copied)) === JSON.stringify(atHand.own);
      const first = atHand && (sameOwn ? { ...atHand, episode: keptIfSame(copied.episode, atHand.episode) } : atHand);
      const redrawn = copied && !sameOwn ? 1 : 0;
      if (first) show({ kind: 'episode', tabId, ...first, check: { kind: 'checking' }, redrawn });

      // Without a copy or a page parse (a tab opened before the extension was installed), the
      // source on GitHub is all there is.
      const result = await checked;
      if (result.status === 'failed') {
        show(
          first ? { kind: 'episode', tabId, ...first, check: { kind: 'failed', reason: result.reason }, redrawn } : { kind: 'not-episode' },
        );
      } else {
        const episode = keptIfSame(first?.episode, result.episode);
        const own = first?.episode.id === episode.id ? first.own : await readOwnRecords(episode.id);
        show({ kind: 'episode', tabId, episode, own, origin: 'markdown', check: { kind: 'done' }, redrawn });
      }
    })().catch((error: unknown) => {
      reportError('showing the episode', error);
      show({ kind: 'failed' });
    });
    return () => {
      closed = true;
      stopKeeping();
    };
  }, []);

  return state;
}
