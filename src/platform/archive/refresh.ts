/**
 * Keeps the archive in step with the site's feed: a conditional GET (If-None-Match,
 * If-Modified-Since), at most every 12 hours unless asked; a 304 changes only the check time;
 * a feed that is refused leaves the archive exactly as it was and records why. Only the entries
 * new or changed since the last read are parsed and stored; the search index and citations are
 * derived after (`derive.ts`). Firefox's event page does it all (`refreshFeedHere`). In Chrome
 * the background asks for the feed (`askForFeed`) and finds what changed from its text
 * (`readWholeFeed`); that alone is read and stored in the offscreen document, where DOMParser is
 * (`storeFeedHere`): an entry more crosses, not the whole feed. Where every entry is to be read
 * (`readsEveryEntry`), the document does it all too.
 */
import { FEED_URL, feedChanges, MAX_FEED_BYTES, readFeedChanges, unlessRefused, type FeedChanges, type ParsedFeed } from '../html/feed';
import { onePostPerNumber } from '../../core/archive/identity';
import { getArchivedEntries, getFeedState, listArchiveCards, markFeedChecked, recordFeedFailure, saveArchive } from '../storage/archive';
import type { FeedState } from '../../core/records';
import { StoreError } from '../storage/database';

export const REFRESH_EVERY_MS = 12 * 60 * 60 * 1000;

const NEVER_CHECKED: FeedState = { etag: null, lastModified: null, checkedAt: 0, updatedAt: null, failure: null };

export interface StoreOptions {
  /** Who reads the entries (the extension's version): entries another one read are read again. */
  reader: string;
  now?: () => number;
}

export interface CheckOptions extends StoreOptions {
  /** Check now, however recent the last check (at install, when the journal opens). */
  force?: boolean;
  fetchFeed?: typeof fetch;
}

/** A feed the site gave in full: what changed in it, and its validators. */
export interface FetchedFeed {
  changes: FeedChanges;
  etag: string | null;
  lastModified: string | null;
}

/** What a check leads to: the state to keep (too soon, not modified, failed), or a feed to store. */
export type FeedCheck = { state: FeedState } | { fetched: FetchedFeed };

/** A whole feed the site gave (a 200), its text still to read, and the state before it. */
export interface WholeFeed {
  wholeFeed: Response;
  before: FeedState;
}

/** The site's answer: the state to keep, or a whole feed. */
export type FeedAnswer = { state: FeedState } | WholeFeed;

export type ReadFeed = (changes: FeedChanges) => Promise<ParsedFeed>;

function isParsedFeed(answer: unknown): answer is ParsedFeed {
  if (typeof answer !== 'object' || answer === null) return false;
  return Array.isArray((answer as { entries?: unknown }).entries) || typeof (answer as { refused?: unknown }).refused === 'string';
}

/** Whether a feed given now would be read whole: no entry read yet, or read by another version of the extension. */
export async function readsEveryEntry(reader: string): Promise<boolean> {
  const archived = await getArchivedEntries();
  return archived?.reader !== reader || Object.keys(archived.fingerprints).length === 0;
}

/** The archive's state, and whether the feed is due: not when asked within 12 hours, unless forced. */
export async function feedDue(options: Pick<CheckOptions, 'force' | 'now'>): Promise<{ state: FeedState; due: boolean }> {
  const { force = false, now = Date.now } = options;
  const state = (await getFeedState()) ?? NEVER_CHECKED;
  return { state, due: force || now() - state.checkedAt >= REFRESH_EVERY_MS };
}

/**
 * Asks the site for the feed, when due; records what is no whole feed. `everyEntry`: whether every
 * entry is to be read (`readsEveryEntry`), which the caller has already read.
 */
export async function askForFeed(options: CheckOptions, everyEntry: boolean): Promise<FeedAnswer> {
  const { fetchFeed = fetch, now = Date.now } = options;
  const { state, due } = await feedDue(options);
  if (!due) return { state };
  const fail = async (problem: string) => ({ state: await recordFeedFailure(state, problem, now()) });

  let response: Response;
  try {
    const headers: Record<string, string> = {};
    // Entries to read again (another version read them) are asked for whatever the feed's
    // validators: a 304 would leave them as the other version read them.
    if (!everyEntry && state.etag) headers['If-None-Match'] = state.etag;
    if (!everyEntry && state.lastModified) headers['If-Modified-Since'] = state.lastModified;
    response = await fetchFeed(FEED_URL, { headers, cache: 'no-cache', credentials: 'omit' });
  } catch {
    return fail('offline');
  }
  if (response.status === 304 && state.updatedAt !== null) {
    await markFeedChecked(state, now());
    return { state: { ...state, checkedAt: now() } };
  }
  if (!response.ok) return fail(`http-${response.status}`);
  if (Number(response.headers.get('Content-Length')) > MAX_FEED_BYTES) return fail('too-large');
  return { wholeFeed: response, before: state };
}

/** Reads a whole feed's text and finds what changed in it since the last read; records a feed refused. */
export async function readWholeFeed({ wholeFeed, before }: WholeFeed, options: StoreOptions): Promise<FeedCheck> {
  const { now = Date.now, reader } = options;
  const fail = async (problem: string) => ({ state: await recordFeedFailure(before, problem, now()) });
  const [text, archived, cards] = await Promise.all([wholeFeed.text().catch(() => null), getArchivedEntries(), listArchiveCards()]);
  if (text === null) return fail('offline');
  const stored = new Set(cards.records.map((card) => card.url));
  // An entry read before counts as read only while its episode is still stored.
  const known = Object.entries(archived?.reader === reader ? archived.fingerprints : {}).filter(([, url]) => stored.has(url));
  const changes = unlessRefused(() => feedChanges(text, { fingerprints: new Set(known.map(([fingerprint]) => fingerprint)), reader }));
  if ('refused' in changes) return fail(changes.refused);
  return { fetched: { changes, etag: wholeFeed.headers.get('ETag'), lastModified: wholeFeed.headers.get('Last-Modified') } };
}

/** Asks the site for the feed and, if it gives one, finds what changed in it. */
export async function checkFeed(options: CheckOptions): Promise<FeedCheck> {
  const answer = await askForFeed(options, await readsEveryEntry(options.reader));
  return 'state' in answer ? answer : readWholeFeed(answer, options);
}

/** A feed's failure to be stored, recorded: the archive stays as it was. */
export async function recordStoreFailure(problem: string, now: () => number = Date.now): Promise<FeedState> {
  return recordFeedFailure((await getFeedState()) ?? NEVER_CHECKED, problem, now());
}

/** Reads the entries of `fetched` new or changed since the last read, and stores them. */
export async function storeFeed(fetched: FetchedFeed, read: ReadFeed, options: StoreOptions): Promise<FeedState> {
  const { reader, now = Date.now } = options;
  const [state, archived, cards] = await Promise.all([getFeedState(), getArchivedEntries(), listArchiveCards()]);
  const fail = (problem: string) => recordFeedFailure(state ?? NEVER_CHECKED, problem, now());
  const stored = new Set(cards.records.map((card) => card.url));
  const knownUrls = new Map(Object.entries(archived?.fingerprints ?? {}));
  // A parser that stops answering (it ran out of memory, threw) refuses.
  const parsed: unknown = await read(fetched.changes).catch(() => undefined);
  if (!isParsedFeed(parsed)) return fail('parser-stopped');
  if ('refused' in parsed) return fail(parsed.refused);
  const { kept, refused } = onePostPerNumber(parsed.entries, cards.records);
  // Episodes that left the feed stay; the feed's copy of the others replaces the archive's.
  // New episodes, said as such from the second update on (the first brings the whole archive).
  const brought = stored.size === 0 ? [] : kept.filter((entry) => !stored.has(entry.url) && entry.episode.number !== null);
  const fingerprints: Record<string, string> = {};
  for (const fingerprint of parsed.unchanged) fingerprints[fingerprint] = knownUrls.get(fingerprint)!;
  const keptUrls = new Set(kept.map((entry) => entry.url));
  parsed.entries.forEach((entry, index) => {
    if (keptUrls.has(entry.url)) fingerprints[parsed.fingerprints[index]!] = entry.url;
  });
  const checkedAt = now();
  const next: FeedState = {
    etag: fetched.etag,
    lastModified: fetched.lastModified,
    checkedAt,
    updatedAt: checkedAt,
    failure: null,
    refusedEntries: parsed.refusedEntries + refused,
    arrived: [...new Set([...(state?.arrived ?? []), ...brought.map((entry) => entry.episode.id)])],
  };
  try {
    await saveArchive({
      episodes: kept,
      entries: { reader, fingerprints, underived: [...new Set([...(archived?.underived ?? []), ...keptUrls])] },
      state: next,
    });
  } catch (error) {
    // Written in one transaction: the archive is the one before, whole.
    return fail(error instanceof StoreError ? error.kind : 'storage');
  }
  return next;
}

/** The whole refresh where DOMParser is: checked, then stored if the site gave a feed. */
export async function refreshFeedHere(options: CheckOptions): Promise<FeedState> {
  const checked = await checkFeed(options);
  return 'state' in checked ? checked.state : storeFeedHere(checked.fetched, options.reader);
}

/** Stores a feed with this context's DOMParser; `reader` is the extension's version. */
export function storeFeedHere(fetched: FetchedFeed, reader: string): Promise<FeedState> {
  const parser = new DOMParser();
  // A throw while reading becomes a rejection, which the refresh records as the parser stopping.
  return storeFeed(fetched, (changes) => Promise.resolve().then(() => unlessRefused(() => readFeedChanges(changes, parser))), { reader });
}
