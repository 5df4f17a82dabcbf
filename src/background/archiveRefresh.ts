/**
 * Keeps the archive in step with the site's feed: a conditional GET (If-None-Match,
 * If-Modified-Since), at most every 12 hours unless asked; a 304 changes only the check time;
 * a feed that is refused leaves the archive exactly as it was and records why. The feed is
 * parsed where DOMParser is (Chrome's offscreen document, Firefox's event page): `parse` is
 * given by `archiveRunner.ts`.
 */
import { citationsOf } from '../core/archive/citations';
import { FEED_URL, MAX_FEED_BYTES, type ParsedFeed } from '../platform/html/feed';
import { buildSearchIndex } from '../core/archive/search';
import { onePostPerNumber } from '../core/archive/identity';
import { getFeedState, markFeedChecked, readArchive, recordFeedFailure, saveArchive } from '../platform/storage/archive';
import type { FeedState } from '../core/records';
import { StoreError } from '../platform/storage/database';

export const REFRESH_EVERY_MS = 12 * 60 * 60 * 1000;

const NEVER_CHECKED: FeedState = { etag: null, lastModified: null, checkedAt: 0, updatedAt: null, failure: null };

export interface RefreshOptions {
  /** Check now, however recent the last check (at install, when the journal opens). */
  force?: boolean;
  fetchFeed?: typeof fetch;
  now?: () => number;
}

function isParsedFeed(answer: unknown): answer is ParsedFeed {
  if (typeof answer !== 'object' || answer === null) return false;
  return Array.isArray((answer as { entries?: unknown }).entries) || typeof (answer as { refused?: unknown }).refused === 'string';
}

export async function refreshArchive(parse: (text: string) => Promise<ParsedFeed>, options: RefreshOptions = {}): Promise<FeedState> {
  const { force = false, fetchFeed = fetch, now = Date.now } = options;
  const state = (await getFeedState()) ?? NEVER_CHECKED;
  if (!force && now() - state.checkedAt < REFRESH_EVERY_MS) return state;
  const fail = (problem: string) => recordFeedFailure(state, problem, now());

  let response: Response;
  try {
    const headers: Record<string, string> = {};
    if (state.etag) headers['If-None-Match'] = state.etag;
    if (state.lastModified) headers['If-Modified-Since'] = state.lastModified;
    response = await fetchFeed(FEED_URL, { headers, cache: 'no-cache', credentials: 'omit' });
  } catch {
    return fail('offline');
  }
  if (response.status === 304 && state.updatedAt !== null) {
    await markFeedChecked(state, now());
    return { ...state, checkedAt: now() };
  }
  if (!response.ok) return fail(`http-${response.status}`);
  if (Number(response.headers.get('Content-Length')) > MAX_FEED_BYTES) return fail('too-large');

  // A parser that stops answering (Chrome closed its document, it ran out of memory) refuses.
  const parsed: unknown = await parse(await response.text()).catch(() => undefined);
  if (!isParsedFeed(parsed)) return fail('parser-stopped');
  if ('refused' in parsed) return fail(parsed.refused);
  const archived = (await readArchive()).records;
  const { kept: fresh, refused } = onePostPerNumber(parsed.entries, archived);
  // Episodes that left the feed stay; the feed's copy of the others replaces the archive's.
  const byUrl = new Map(archived.map((entry) => [entry.url, entry]));
  // New episodes, said as such from the second update on (the first brings the whole archive).
  const brought = archived.length === 0 ? [] : fresh.filter((entry) => !byUrl.has(entry.url) && entry.episode.number !== null);
  for (const entry of fresh) byUrl.set(entry.url, entry);
  const everything = [...byUrl.values()].sort((a, b) => b.episode.publishedOn.localeCompare(a.episode.publishedOn));
  const checkedAt = now();
  const next: FeedState = {
    etag: response.headers.get('ETag'),
    lastModified: response.headers.get('Last-Modified'),
    checkedAt,
    updatedAt: checkedAt,
    failure: null,
    refusedEntries: parsed.refusedEntries + refused,
    arrived: [...new Set([...(state.arrived ?? []), ...brought.map((entry) => entry.episode.id)])],
  };
  try {
    await saveArchive({
      episodes: fresh,
      search: buildSearchIndex(everything),
      citations: citationsOf(everything.map((entry) => entry.episode)),
      state: next,
    });
  } catch (error) {
    // Written in one transaction: the archive is the one before, whole.
    return fail(error instanceof StoreError ? error.kind : 'storage');
  }
  return next;
}
