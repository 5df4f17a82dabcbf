/** The feed into episodes: the corpus feed against the page parser, and the feeds that are refused. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DOMParser } from 'linkedom';
import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import {
  FeedRefused,
  MAX_FEED_BYTES,
  MAX_READING_MS,
  parseFeed,
  parseFeedEntries,
  readFeedEntries,
  type DocumentParser,
} from '../../../src/platform/html/feed';
import { archiveEpisodeSchema } from '../../../src/core/records';
import { parsePostPage } from '../../../src/platform/html/page';
import { episodeSchema } from '../../../src/core/episode/schema';
import { CORPUS_DIR, corpusPresent, documentOf, postFiles, readPage } from '../../support/corpus';

export const domParser = new DOMParser() as unknown as DocumentParser;

const ENTRY = `<entry>
  <title type="html">LCC 300 - L&amp;#39;épisode &amp;amp; co</title>
  <link href="https://lescastcodeurs.com/2023/10/05/lcc-300-test/" rel="alternate" type="text/html" />
  <link rel="enclosure" type="audio/mpeg" length="1234" href="https://traffic.libsyn.com/lescastcodeurs/LesCastCodeurs-Episode-300.mp3" />
  <published>2023-10-05T00:00:00+02:00</published>
  <author><name>Emmanuel Bernard</name></author>
  <summary type="html">Un résumé</summary>
  <content type="html">&lt;p&gt;Intro &lt;a href="https://www.youtube.com/watch?v=x"&gt;vidéo&lt;/a&gt;&lt;/p&gt;&lt;h2 id="news"&gt;News&lt;/h2&gt;&lt;ul&gt;&lt;li&gt;&lt;a href="https://a.example/"&gt;A&lt;/a&gt;&lt;/li&gt;&lt;/ul&gt;</content>
</entry>`;
const feed = (entries: string) => `<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">${entries}</feed>\n`;

describe('parseFeed', () => {
  it('reads an entry: metadata, and notes through the page parser', () => {
    const [episode] = parseFeed(feed(ENTRY), domParser);
    expect(episode).toEqual({
      id: 'lcc-300',
      number: 300,
      title: "LCC 300 - L'épisode & co",
      url: 'https://lescastcodeurs.com/2023/10/05/lcc-300-test/',
      publishedOn: '2023-10-05',
      recordedOn: null,
      author: 'Emmanuel Bernard',
      team: [],
      summary: 'Intro vidéo',
      audio: { url: 'https://traffic.libsyn.com/lescastcodeurs/LesCastCodeurs-Episode-300.mp3', bytes: 1234 },
      video: 'https://www.youtube.com/watch?v=x',
      outline: [{ id: 'news', level: 2, title: 'News', children: [] }],
      links: [
        { url: 'https://www.youtube.com/watch?v=x', text: 'vidéo', context: 'Intro vidéo', sectionId: null },
        { url: 'https://a.example/', text: 'A', context: 'A', sectionId: 'news' },
      ],
      conferences: [],
    });
    expect(v.is(episodeSchema, episode)).toBe(true);
  });

  it("keeps every word of an entry's notes with it, for search", () => {
    const [entry] = parseFeedEntries(feed(ENTRY), domParser);
    expect(entry).toMatchObject({ url: 'https://lescastcodeurs.com/2023/10/05/lcc-300-test/', text: 'Intro vidéo News A' });
    expect(v.is(archiveEpisodeSchema, entry)).toBe(true);
  });

  it('refuses and counts an entry claiming an episode its address does not give (issue 24, 2)', () => {
    const claiming = ENTRY.replace('lcc-300-test/', 'un-billet-quelconque/').replaceAll('Episode-300.mp3', 'Episode-262.mp3');
    const { entries, refusedEntries } = readFeedEntries(feed(`${claiming}${ENTRY.replaceAll('300', '262')}`), domParser);
    expect(entries.map((entry) => entry.episode.id)).toEqual(['lcc-262']);
    expect(refusedEntries).toBe(1);
  });

  it('refuses and counts an entry whose page is not a post of the site', () => {
    const elsewhere = ENTRY.replace('https://lescastcodeurs.com/2023/10/05/lcc-300-test/', 'https://evil.example/2023/10/05/x/');
    expect(readFeedEntries(feed(`${elsewhere}${ENTRY}`), domParser)).toMatchObject({
      entries: [{ url: expect.stringContaining('lcc-300') as string }],
      refusedEntries: 1,
    });
  });

  it('refuses and counts, before parsing them, notes nested deeper or larger than any episode’s (issue 24, 2)', () => {
    const nested = (depth: number) =>
      ENTRY.replace('&lt;p&gt;Intro', `${'&lt;ul&gt;&lt;li&gt;'.repeat(depth)}x${'&lt;/li&gt;&lt;/ul&gt;'.repeat(depth)}&lt;p&gt;Intro`);
    const large = ENTRY.replace('Intro', 'Intro '.repeat(180_000));
    // 50,000 nested lists: 100,000 took a parser minutes.
    const { entries, refusedEntries } = readFeedEntries(feed(`${nested(50_000)}${large}${nested(20).replaceAll('300', '301')}`), domParser);
    expect(entries.map((entry) => entry.episode.id)).toEqual(['lcc-301']);
    expect(refusedEntries).toBe(2);
  });

  it('stops reading a feed past its time, the archive left as it was (issue 24, 2)', () => {
    let now = 0;
    const clock = () => (now += MAX_READING_MS / 2 + 1);
    expect(() => readFeedEntries(feed(ENTRY.repeat(5)), domParser, undefined, clock)).toThrow(
      expect.objectContaining({ problem: 'too-slow' }) as FeedRefused,
    );
  });

  it.each([
    ['not XML', 'Bad gateway', 'not-xml'],
    ['cut short', feed(ENTRY).slice(0, 600), 'cut-short'],
    ['with no entry', feed(''), 'no-entries'],
    ['of another kind', '<?xml version="1.0"?><rss><channel><title>x</title></channel></rss>', 'not-a-feed'],
    ['over 50 MB', feed(ENTRY) + ' '.repeat(MAX_FEED_BYTES), 'too-large'],
    // Entities that expand a few bytes to a gigabyte are declared in a DOCTYPE, which no feed of the site has.
    [
      'declaring entities (issue 24, 2)',
      `<?xml version="1.0"?><!DOCTYPE feed [<!ENTITY a "${'x'.repeat(100)}"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>${feed(ENTRY).slice(feed(ENTRY).indexOf('<feed'))}`,
      'declarations',
    ],
    [
      'nesting its XML 50,000 deep (issue 24, 2)',
      feed(ENTRY.replace('<summary', `${'<x>'.repeat(50_000)}${'</x>'.repeat(50_000)}<summary`)),
      'too-deep',
    ],
  ])('refuses a feed %s', (_, text, problem) => {
    expect(() => parseFeed(text, domParser)).toThrow(expect.objectContaining({ problem }) as FeedRefused);
  });
});

describe.skipIf(!corpusPresent)('the corpus feed', () => {
  const episodes = corpusPresent ? parseFeed(readFileSync(join(CORPUS_DIR, 'feed.atom'), 'utf8'), domParser) : [];
  const pageFiles = new Map(postFiles().map((file) => [file.replace(/^(\d{4})-(\d{2})-(\d{2})-(.+)\.md$/, '/$1/$2/$3/$4/'), file]));

  it('names LCC 220 by its address, though its front matter and enclosure say 218 (issue 20, 1)', () => {
    const [cto, cloud] = ['lcc-220-interview-sur-le-metier', 'lcc-218-le-cloud-souverain'].map((slug) =>
      parseFeed(readFileSync(join(CORPUS_DIR, 'feed.atom'), 'utf8'), domParser).find((episode) => episode.url.includes(slug))!,
    );
    expect([cto!.id, cto!.number, cto!.audio?.url]).toEqual([
      'lcc-220',
      220,
      'https://traffic.libsyn.com/lescastcodeurs/LesCastCodeurs-Episode-220.mp3',
    ]);
    expect([cloud!.id, cloud!.audio?.url]).toEqual(['lcc-218', 'https://traffic.libsyn.com/lescastcodeurs/LesCastCodeurs-Episode-218.mp3']);
  });

  it('holds an episode for each of the 247 posts', () => {
    expect(episodes).toHaveLength(247);
  });

  it.each(episodes.map((episode) => [episode.url, episode] as const))("%s: outline and links equal the page parser's", (url, episode) => {
    const file = pageFiles.get(new URL(url).pathname)!;
    const page = parsePostPage(documentOf(readPage(file.replace(/\.md$/, '.html'))), url);
    expect(episode.outline).toEqual(page.outline);
    expect(episode.links).toEqual(page.links);
    expect(episode.conferences).toEqual(page.conferences);
    expect(episode).toMatchObject({ id: page.id, number: page.number, publishedOn: page.publishedOn, recordedOn: page.recordedOn });
    expect(v.safeParse(episodeSchema, episode).issues).toBeUndefined();
  });
});
