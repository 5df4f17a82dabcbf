/**
 * The archive refresh: conditional GETs, 304s, refused feeds that change nothing, episodes that
 * stay, only what changed read; and what is derived after it (search index, citations).
 */
import 'fake-indexeddb/auto';
import { DOMParser } from 'linkedom';
import { describe, expect, it, vi } from 'vitest';
import { readFeedChanges, unlessRefused, type DocumentParser, type FeedChanges } from '../../../src/platform/html/feed';
import { buildSearchIndex, loadSearchIndex } from '../../../src/core/archive/search';
import { citationsOf, citedBy } from '../../../src/core/archive/citations';
import {
  askForFeed,
  checkFeed,
  readsEveryEntry,
  REFRESH_EVERY_MS,
  storeFeed,
  type CheckOptions,
} from '../../../src/platform/archive/refresh';
import { deriveArchive } from '../../../src/platform/archive/derive';
import { getFeedState, getSearchIndex, listArchiveCards, markArrivedOpened, readArchive } from '../../../src/platform/storage/archive';
import { openStore } from '../../../src/platform/storage/database';

const domParser = new DOMParser() as unknown as DocumentParser;
/** The entries each read parsed, newest read last. */
const entriesRead: string[][] = [];
const parser = async (changes: FeedChanges) => {
  const parsed = unlessRefused(() => readFeedChanges(changes, domParser));
  if ('entries' in parsed) entriesRead.push(parsed.entries.map((entry) => entry.episode.id));
  return parsed;
};

/** A refresh by this version, and what is derived from it. */
async function refreshArchiveAndDerive(read: typeof parser, options: Omit<CheckOptions, 'reader'> & { reader?: string }) {
  // As the background runs it: checked where fetched, stored where DOMParser is, derived after.
  const withReader = { reader: '1.0.0', ...options };
  const checked = await checkFeed(withReader);
  const state = 'state' in checked ? checked.state : await storeFeed(checked.fetched, read, withReader);
  await deriveArchive();
  return state;
}
const episodesFound = (hits: { episode: { url: string } }[]) => new Set(hits.map((hit) => hit.episode.url)).size;

function entry(number: number, day: string, extra = ''): string {
  return `<entry><title type="html">LCC ${number} - Épisode ${number}</title>
  <link href="https://lescastcodeurs.com/${day.replaceAll('-', '/')}/lcc-${number}-episode/" rel="alternate" type="text/html" />
  <link rel="enclosure" type="audio/mpeg" length="${number * 1000}" href="https://traffic.libsyn.com/lescastcodeurs/LesCastCodeurs-Episode-${number}.mp3" />
  <published>${day}T00:00:00+02:00</published>
  <content type="html">&lt;h2 id="news"&gt;News&lt;/h2&gt;&lt;ul&gt;&lt;li&gt;GraalVM ${extra} &lt;a href="https://github.com/oracle/graal"&gt;graal&lt;/a&gt;&lt;/li&gt;&lt;/ul&gt;</content></entry>`;
}
const feed = (...entries: string[]) =>
  `<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">${entries.join('')}</feed>\n`;

type Answer = { status: number; body?: string; headers?: Record<string, string> } | 'offline';

function site(...answers: Answer[]) {
  const requests: Record<string, string>[] = [];
  const fetchFeed = vi.fn(async (_: RequestInfo | URL, init?: RequestInit) => {
    requests.push({ ...(init?.headers as Record<string, string>) });
    const answer = answers.shift()!;
    if (answer === 'offline') throw new TypeError('Failed to fetch');
    return new Response(answer.status === 304 ? null : (answer.body ?? ''), { status: answer.status, headers: answer.headers ?? {} });
  });
  return { fetchFeed: fetchFeed as unknown as typeof fetch, requests };
}

async function snapshot(): Promise<string> {
  const database = await openStore();
  const [archive, cards, citations, meta] = await Promise.all([
    database.getAll('archive'),
    database.getAll('archiveCards'),
    database.getAll('citations'),
    Promise.all((['search', 'entries', 'cited'] as const).map((key) => database.get('archiveMeta', key))),
  ]);
  return JSON.stringify({ archive, cards, citations, meta });
}

describe('the archive refresh', () => {
  let clock = Date.parse('2026-11-29T08:00:00Z');
  const now = () => clock;

  it('stores every episode of the feed, its cards and search index, and keeps the validators', async () => {
    const server = site({
      status: 200,
      body: feed(entry(301, '2023-11-01'), entry(300, '2023-10-05')),
      headers: { ETag: '"v1"', 'Last-Modified': 'Wed, 01 Nov 2023 00:00:00 GMT' },
    });
    const state = await refreshArchiveAndDerive(parser, { fetchFeed: server.fetchFeed, now, force: true });
    expect(state).toMatchObject({
      etag: '"v1"',
      lastModified: 'Wed, 01 Nov 2023 00:00:00 GMT',
      failure: null,
      updatedAt: clock,
      arrived: [],
    });
    expect((await readArchive()).records.map((each) => each.episode.id).sort()).toEqual(['lcc-300', 'lcc-301']);
    expect((await listArchiveCards()).records.map((card) => card.audioBytes).sort()).toEqual([300000, 301000]);
    expect(episodesFound(loadSearchIndex((await getSearchIndex())!).search('graal').hits)).toBe(2);
  });

  it('asks again only after 12 hours, or when told to, and conditionally; a 304 changes the check time only', async () => {
    const server = site({ status: 304 }, { status: 304 });
    clock += 60_000;
    await refreshArchiveAndDerive(parser, { fetchFeed: server.fetchFeed, now });
    expect(server.requests).toHaveLength(0);
    const before = await snapshot();
    await refreshArchiveAndDerive(parser, { fetchFeed: server.fetchFeed, now, force: true });
    expect(server.requests).toEqual([{ 'If-None-Match': '"v1"', 'If-Modified-Since': 'Wed, 01 Nov 2023 00:00:00 GMT' }]);
    clock += REFRESH_EVERY_MS;
    await refreshArchiveAndDerive(parser, { fetchFeed: server.fetchFeed, now });
    expect(server.requests).toHaveLength(2);
    expect(await snapshot()).toBe(before);
    expect(await getFeedState()).toMatchObject({ checkedAt: clock, etag: '"v1"' });
  });

  it('gives a whole feed unread, that its reader may fetch itself, and records any other answer as the check does', async () => {
    const server = site({ status: 304 }, { status: 500 }, { status: 200, body: feed(entry(301, '2023-11-01'), entry(300, '2023-10-05')) });
    const answers: string[] = [];
    for (let check = 0; check < 3; check += 1) {
      clock += 1000;
      const answer = await askForFeed({ reader: '1.0.0', fetchFeed: server.fetchFeed, now, force: true }, await readsEveryEntry('1.0.0'));
      answers.push(
        'wholeFeed' in answer
          ? `whole feed, unread: ${String(!answer.wholeFeed.bodyUsed)}`
          : String(answer.state.failure?.problem ?? 'kept'),
      );
    }
    expect(answers).toEqual(['kept', 'http-500', 'whole feed, unread: true']);
  });

  it.each<[string, Answer, string]>([
    ['a feed cut short', { status: 200, body: feed(entry(302, '2023-12-01')).slice(0, 400) }, 'cut-short'],
    ['a feed without entries', { status: 200, body: feed() }, 'no-entries'],
    ['an answer that is not XML', { status: 200, body: '<html>Bad gateway</html>' }, 'not-a-feed'],
    [
      'a feed over 50 MB',
      { status: 200, body: feed(entry(302, '2023-12-01')), headers: { 'Content-Length': String(60 * 1024 * 1024) } },
      'too-large',
    ],
    ['a server error', { status: 500 }, 'http-500'],
    ['no network', 'offline', 'offline'],
  ])('refuses %s: the archive stays as it was, the failure is recorded', async (_, answer, problem) => {
    const before = await snapshot();
    clock += 1000;
    const state = await refreshArchiveAndDerive(parser, { fetchFeed: site(answer).fetchFeed, now, force: true });
    expect(state.failure).toEqual({ at: clock, problem });
    expect(await snapshot()).toBe(before);
    expect(state.updatedAt).not.toBe(clock);
  });

  it("keeps an episode that left the feed, and takes the feed's new copy of the others", async () => {
    clock += 1000;
    const server = site({
      status: 200,
      body: feed(entry(302, '2023-12-01'), entry(301, '2023-11-01', 'nouveau')),
      headers: { ETag: '"v2"' },
    });
    const state = await refreshArchiveAndDerive(parser, { fetchFeed: server.fetchFeed, now, force: true });
    // The first update brought the archive; this one a new episode, said as such until opened (issue 22, 9).
    expect(state).toMatchObject({ failure: null, etag: '"v2"', arrived: ['lcc-302'] });
    const archive = (await readArchive()).records;
    expect(archive.map((each) => each.episode.id).sort()).toEqual(['lcc-300', 'lcc-301', 'lcc-302']);
    expect(archive.find((each) => each.episode.id === 'lcc-301')!.episode.links[0]!.context).toBe('GraalVM nouveau graal');
    expect(episodesFound(loadSearchIndex((await getSearchIndex())!).search('graal').hits)).toBe(3);
  });

  it('refuses a refresh whose parser stops answering (Chrome closed its document mid-parse), the archive as it was (issue 24, 2)', async () => {
    clock += 1000;
    const before = await snapshot();
    const body = feed(entry(303, '2024-01-01'));
    for (const stopped of [
      () => Promise.reject(new Error('The message port closed before a response was received.')),
      async () => undefined,
    ]) {
      const server = site({ status: 200, body });
      const state = await refreshArchiveAndDerive(stopped as unknown as typeof parser, { fetchFeed: server.fetchFeed, now, force: true });
      expect(state.failure).toEqual({ at: clock, problem: 'parser-stopped' });
      expect(await snapshot()).toBe(before);
    }
  });

  it('stores a refresh whole or not at all: a full disk half way leaves the archive as it was (issue 24, 2)', async () => {
    clock += 1000;
    const before = await snapshot();
    const server = site({
      status: 200,
      body: feed(entry(305, '2024-03-01'), entry(304, '2024-02-01'), entry(303, '2024-01-01')),
      headers: { ETag: '"v3"' },
    });
    const put = IDBObjectStore.prototype.put;
    let archivePuts = 0;
    IDBObjectStore.prototype.put = function refuse(this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
      if (this.name === 'archive' && ++archivePuts > 2) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return put.apply(this, args);
    };
    try {
      const state = await refreshArchiveAndDerive(parser, { fetchFeed: server.fetchFeed, now, force: true });
      expect(state).toMatchObject({ etag: '"v2"', failure: { at: clock, problem: 'quota' } });
    } finally {
      IDBObjectStore.prototype.put = put;
    }
    expect(await snapshot()).toBe(before);
    expect((await getFeedState())!.failure).toEqual({ at: clock, problem: 'quota' });
  });

  it('keeps one post per episode number: another address claiming a number the archive holds is refused and counted (issue 24, 2)', async () => {
    clock += 1000;
    const fake = entry(301, '2020-01-01').replace('/lcc-301-episode/', '/lcc-301-la-vraie-version/').replace('Épisode 301', 'Faux');
    const server = site({ status: 200, body: feed(entry(306, '2024-04-01'), fake) });
    const state = await refreshArchiveAndDerive(parser, { fetchFeed: server.fetchFeed, now, force: true });
    expect(state).toMatchObject({ failure: null, refusedEntries: 1 });
    const holding301 = (await readArchive()).records.filter((each) => each.episode.number === 301);
    expect(holding301.map((each) => each.url)).toEqual(['https://lescastcodeurs.com/2023/11/01/lcc-301-episode/']);
    expect((await listArchiveCards()).records.filter((card) => card.title.includes('Faux'))).toEqual([]);
  });

  it('gives a number to the post published first, however late the feed lists it (issue 24, 2)', async () => {
    clock += 1000;
    const first = entry(400, '2024-06-01');
    const earlier = entry(400, '2024-05-01').replace('/lcc-400-episode/', '/lcc-400-premier/').replace('Épisode 400', 'Premier');
    const server = site({ status: 200, body: feed(first, earlier) });
    const state = await refreshArchiveAndDerive(parser, { fetchFeed: server.fetchFeed, now, force: true });
    expect(state).toMatchObject({ failure: null, refusedEntries: 1 });
    const holding400 = (await readArchive()).records.filter((each) => each.episode.number === 400);
    expect(holding400.map((each) => each.url)).toEqual(['https://lescastcodeurs.com/2024/05/01/lcc-400-premier/']);
    expect((await listArchiveCards()).records.filter((card) => card.url.includes('lcc-400')).map((card) => card.title)).toEqual([
      'LCC 400 - Premier',
    ]);
  });

  it('takes an opened episode off the new ones (issue 22, 9)', async () => {
    expect((await getFeedState())!.arrived).toContain('lcc-302');
    await markArrivedOpened('lcc-302');
    expect((await getFeedState())!.arrived).not.toContain('lcc-302');
  });

  it('reads only the entries new or changed since the last read, and derives the same index and citations as from the whole archive (issue 23, 1)', async () => {
    clock += 1000;
    const entries = [entry(306, '2024-04-01'), entry(305, '2024-03-01'), entry(302, '2023-12-01'), entry(301, '2023-11-01', 'nouveau')];
    await refreshArchiveAndDerive(parser, { fetchFeed: site({ status: 200, body: feed(...entries) }).fetchFeed, now, force: true });
    entriesRead.length = 0;
    const changed = entry(305, '2024-03-01', 'Quarkus').replaceAll(/graal/gi, 'java');
    const server = site({ status: 200, body: feed(entry(307, '2024-05-01', 'Kotlin'), entries[0]!, changed, ...entries.slice(2)) });
    const state = await refreshArchiveAndDerive(parser, { fetchFeed: server.fetchFeed, now, force: true });
    expect(entriesRead).toEqual([['lcc-307', 'lcc-305']]);
    expect(state.arrived).toContain('lcc-307');

    const archive = (await readArchive()).records;
    const whole = loadSearchIndex(buildSearchIndex(archive));
    const updated = loadSearchIndex((await getSearchIndex())!);
    for (const query of ['graal', 'quarkus', 'kotlin', 'épisode 305', 'nouveau', 'news']) {
      const found = (search: typeof whole) => new Set(search.search(query).hits.map((hit) => `${hit.kind} ${hit.target} ${hit.text}`));
      expect(found(updated), query).toEqual(found(whole));
    }
    expect(new Set(updated.search('quarkus').hits.map((hit) => hit.episode.number))).toEqual(new Set([305]));
    expect(updated.search('graal').hits.map((hit) => hit.episode.number)).not.toContain(305);
    const everyCitation = citationsOf(
      Object.fromEntries(archive.map((each) => [each.url, citedBy(each.episode)])),
      archive.map(({ episode: { url, number, title } }) => ({ url, number, title })),
    );
    const stored = await (await openStore()).getAll('citations');
    expect(stored.map((citation) => citation.url).sort()).toEqual(everyCitation.map((citation) => citation.url).sort());
  });

  it('reads every entry again when another version of the extension reads the feed (issue 23, 1)', async () => {
    clock += 1000;
    entriesRead.length = 0;
    const body = feed(entry(307, '2024-05-01', 'Kotlin'), entry(306, '2024-04-01'));
    const headers = { ETag: '"v7"' };
    const sameVersion = site({ status: 200, body, headers }, { status: 304 });
    await refreshArchiveAndDerive(parser, { fetchFeed: sameVersion.fetchFeed, now, force: true });
    await refreshArchiveAndDerive(parser, { fetchFeed: sameVersion.fetchFeed, now, force: true });
    // Asked without the validators it has: the site would answer 304, and the entries stay unread.
    const nextVersion = site({ status: 200, body, headers });
    await refreshArchiveAndDerive(parser, { fetchFeed: nextVersion.fetchFeed, now, force: true, reader: '1.1.0' });
    expect(entriesRead).toEqual([[], ['lcc-307', 'lcc-306']]);
    expect(sameVersion.requests[1]).toEqual({ 'If-None-Match': '"v7"' });
    expect(nextVersion.requests).toEqual([{}]);
  });

  it('reads every entry of the next feed for another version, or an empty archive; else only what changed', async () => {
    expect(await readsEveryEntry('1.1.0')).toBe(false);
    expect(await readsEveryEntry('1.2.0')).toBe(true);
    await (await openStore()).delete('archiveMeta', 'entries');
    expect(await readsEveryEntry('1.1.0')).toBe(true);
  });
});
