import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { refreshFromSource } from '../../src/background/sourceRefresh';
import { getCachedEpisode } from '../../src/platform/storage/episodeCopies';
import { clearEverything } from '../../src/platform/storage/transfer';

const PAGE = 'https://lescastcodeurs.com/2021/09/02/lcc-262-interview/';
const SOURCE = 'https://raw.githubusercontent.com/lescastcodeurs/lescastcodeurs.com/main/_posts/2021-09-02-lcc-262-interview.md';
const MARKDOWN = '---\ntitle: LCC 262 - Interview\nepisode: 262\n---\n## Interview\n';

type Answer = { status: number; body?: string; etag?: string } | 'offline';

/** A fetch that answers in turn, and records what it was asked. */
function github(...answers: Answer[]) {
  const requests: { url: string; ifNoneMatch: string | undefined }[] = [];
  const fetchSource = vi.fn(async (url: RequestInfo | URL, init?: RequestInit) => {
    requests.push({ url: String(url), ifNoneMatch: (init?.headers as Record<string, string> | undefined)?.['If-None-Match'] });
    const answer = answers.shift()!;
    if (answer === 'offline') throw new TypeError('Failed to fetch');
    return new Response(answer.status === 304 ? null : (answer.body ?? ''), {
      status: answer.status,
      headers: answer.etag ? { ETag: answer.etag } : {},
    });
  });
  return { fetchSource: fetchSource as unknown as typeof fetch, requests };
}

/** The test's clock, which only the test moves. */
let now = Date.parse('2026-11-28T10:00:00Z');
const clock = { now: () => now };

describe('refreshFromSource', () => {
  beforeEach(async () => {
    await clearEverything();
    now = Date.parse('2026-11-28T10:00:00Z');
  });

  it('fetches the source, keeps its ETag, and revalidates with If-None-Match once it is not fresh', async () => {
    const server = github({ status: 200, body: MARKDOWN, etag: '"v1"' }, { status: 304 });

    expect(await refreshFromSource(PAGE, server.fetchSource, clock)).toMatchObject({ status: 'updated', episode: { id: 'lcc-262' } });
    expect(await getCachedEpisode(PAGE)).toMatchObject({ source: 'markdown', etag: '"v1"' });

    // Within five minutes the copy is taken as is: no request.
    expect(await refreshFromSource(PAGE, server.fetchSource, clock)).toMatchObject({ status: 'unchanged' });
    expect(server.requests).toHaveLength(1);

    now = Date.parse('2026-11-28T10:06:00Z');
    expect(await refreshFromSource(PAGE, server.fetchSource, clock)).toMatchObject({ status: 'unchanged', episode: { id: 'lcc-262' } });
    expect(server.requests).toEqual([
      { url: SOURCE, ifNoneMatch: undefined },
      { url: SOURCE, ifNoneMatch: '"v1"' },
    ]);
    expect((await getCachedEpisode(PAGE))!.checkedAt).toBe(Date.parse('2026-11-28T10:06:00Z'));
  });

  it('asks again when the copy was checked later than now, as after the clock was set back', async () => {
    const server = github({ status: 200, body: MARKDOWN, etag: '"v1"' }, { status: 304 });
    await refreshFromSource(PAGE, server.fetchSource, clock);
    now -= 24 * 60 * 60 * 1000;
    expect(await refreshFromSource(PAGE, server.fetchSource, clock)).toMatchObject({ status: 'unchanged' });
    expect(server.requests).toHaveLength(2);
    expect((await getCachedEpisode(PAGE))!.checkedAt).toBe(now);
  });

  it.each([
    ['offline', 'offline' as const, 'offline'],
    ['a 404', { status: 404 }, 'not-found'],
    ['a 500', { status: 500 }, 'offline'],
    ['a source that is not a post', { status: 200, body: 'no front matter' }, 'unparsable'],
    ['a source of 5 MB', { status: 200, body: `---\ntitle: x\n---\n${'x'.repeat(5 * 1024 * 1024)}` }, 'unparsable'],
  ])('leaves the cache as it was on %s', async (_, answer, reason) => {
    const page = `https://lescastcodeurs.com/2020/01/01/${reason}-${Math.random().toString(36).slice(2)}/`;
    const server = github(answer);
    expect(await refreshFromSource(page, server.fetchSource, clock)).toEqual({ status: 'failed', reason });
    expect(await getCachedEpisode(page)).toBeUndefined();
  });

  it('fetches nothing for a slug that would walk out of _posts/ (issue 13, 1)', async () => {
    const server = github({ status: 200, body: MARKDOWN, etag: '"evil"' });
    const attack =
      'https://lescastcodeurs.com/2021/09/02/..%252F..%252F..%252F..%252F..%252F..%252Fattacker%252Frepo%252Fmain%252F2021-09-02-lcc-262/';
    expect(await refreshFromSource(attack, server.fetchSource, clock)).toEqual({ status: 'failed', reason: 'not-found' });
    expect(server.requests).toEqual([]);
  });

  it('keeps a copy under the one address of its page, whatever address it was asked for', async () => {
    const server = github({ status: 200, body: MARKDOWN, etag: '"www"' });
    await refreshFromSource('https://www.lescastcodeurs.com/2021/09/02/lcc-262-interview/?utm=x#news', server.fetchSource, clock);
    expect(server.requests.map((request) => request.url)).toEqual([SOURCE]);
    expect(await getCachedEpisode(PAGE)).toMatchObject({ url: PAGE, episode: { url: PAGE } });
  });

  it('asks GitHub once for a page asked about twice at the same time', async () => {
    const server = github({ status: 200, body: MARKDOWN.replace('262', '263'), etag: '"x"' });
    const page = 'https://lescastcodeurs.com/2021/09/17/lcc-263-twice/';
    const [first, second] = await Promise.all([
      refreshFromSource(page, server.fetchSource, clock),
      refreshFromSource(page, server.fetchSource, clock),
    ]);
    expect(first).toEqual(second);
    expect(server.requests).toHaveLength(1);
  });
});
