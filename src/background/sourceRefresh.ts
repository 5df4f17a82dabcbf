/**
 * Keeps the cached episode in step with its markdown source on GitHub: fetched once, then
 * revalidated with If-None-Match; a failure leaves the cache as it was.
 */
import { MAX_SOURCE_LENGTH, parseMarkdownPost } from '../core/episode/markdown';
import { canonicalPageUrl, sourceUrlOfPage } from '../core/episode/urls';
import { systemClock, type Clock } from '../core/clock';
import type { RevalidateResult } from '../messages';
import { getCachedEpisode, markSourceChecked, putCachedEpisode } from '../platform/storage/episodeCopies';

/** A source checked this recently is taken as is: a listener moving between tabs costs no request. */
const FRESH_FOR_MS = 5 * 60 * 1000;

const inFlight = new Map<string, Promise<RevalidateResult>>();

export function refreshFromSource(
  address: string,
  fetchSource: typeof fetch = fetch,
  clock: Clock = systemClock,
): Promise<RevalidateResult> {
  const pageUrl = canonicalPageUrl(address);
  if (!pageUrl) return Promise.resolve({ status: 'failed', reason: 'not-found' });
  let refresh = inFlight.get(pageUrl);
  if (!refresh) {
    refresh = fetchAndStore(pageUrl, fetchSource, clock).finally(() => inFlight.delete(pageUrl));
    inFlight.set(pageUrl, refresh);
  }
  return refresh;
}

/** Checked less than five minutes ago; a check stamped later than now (a clock set back) is not fresh. */
function isFresh(checkedAt: number, now: number): boolean {
  return checkedAt <= now && now - checkedAt < FRESH_FOR_MS;
}

async function fetchAndStore(pageUrl: string, fetchSource: typeof fetch, clock: Clock): Promise<RevalidateResult> {
  const sourceUrl = sourceUrlOfPage(pageUrl);
  if (!sourceUrl) return { status: 'failed', reason: 'not-found' };
  const cached = await getCachedEpisode(pageUrl);
  const fromSource = cached?.source === 'markdown' ? cached : undefined;
  if (fromSource && isFresh(fromSource.checkedAt, clock.now())) return { status: 'unchanged', episode: fromSource.episode };

  let response: Response;
  try {
    response = await fetchSource(sourceUrl, {
      headers: fromSource?.etag ? { 'If-None-Match': fromSource.etag } : {},
      cache: 'no-cache',
      credentials: 'omit',
    });
  } catch {
    return { status: 'failed', reason: 'offline' };
  }
  if (response.status === 304 && fromSource) {
    await markSourceChecked(fromSource, clock.now());
    return { status: 'unchanged', episode: fromSource.episode };
  }
  if (!response.ok) return { status: 'failed', reason: response.status === 404 ? 'not-found' : 'offline' };

  // Not even read when it says it is larger than any source the parser accepts (3 bytes a character at most).
  if (Number(response.headers.get('Content-Length')) > MAX_SOURCE_LENGTH * 3) return { status: 'failed', reason: 'unparsable' };
  let episode;
  try {
    episode = parseMarkdownPost(await response.text(), sourceUrl);
  } catch {
    return { status: 'failed', reason: 'unparsable' };
  }
  // The copy is stored under the page it was fetched for, and only if it is that page's episode.
  if (episode.url !== pageUrl) return { status: 'failed', reason: 'unparsable' };
  await putCachedEpisode({ url: pageUrl, episode, source: 'markdown', etag: response.headers.get('ETag'), checkedAt: clock.now() });
  return { status: 'updated', episode };
}
