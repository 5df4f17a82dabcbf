/**
 * `npm run fixtures:apps`: makes the podcast apps' history files the tests import, in
 * test/fixtures: an AntennaPod database export built from AntennaPod's own schema
 * (../shared/podcast-apps/antennapod-schema.sql) and an Overcast "All data" OPML export. Each holds
 * the show's episodes in every state an app writes, and another podcast's beside them; the tests
 * say what each row must become.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import initSqlJs from 'sql.js';

const fixtures = new URL('../test/fixtures/', import.meta.url);
const schema = readFileSync(new URL('../../shared/podcast-apps/antennapod-schema.sql', import.meta.url), 'utf8');

const SHOW_FEED = 'https://lescastcodeurs.com/podcast-rss';
const OTHER_FEED = 'https://feeds.example.org/underscore.xml';
const showMp3 = (number: number) => `https://traffic.libsyn.com/lescastcodeurs/LesCastCodeurs-Episode-${number}.mp3`;
const at = (iso: string) => Date.parse(iso);

interface Row {
  feed: number;
  title: string;
  media: string;
  read?: -1 | 0 | 1;
  completed?: number | null;
  position?: number;
  duration?: number;
  lastPlayed?: number;
  favourite?: boolean;
  queue?: number;
}

const BURST = at('2026-11-29T21:00:00.000Z');
const ANTENNAPOD_ROWS: Row[] = [
  {
    feed: 1,
    title: 'LCC 340',
    media: showMp3(340),
    read: 1,
    completed: at('2026-11-20T19:30:00Z'),
    lastPlayed: at('2026-11-20T19:30:00Z'),
  },
  { feed: 1, title: 'LCC 339', media: showMp3(339), read: 1, completed: at('2026-11-10T08:00:00Z') },
  // Marked played by hand: no day.
  { feed: 1, title: 'LCC 338', media: showMp3(338), read: 1, completed: 0 },
  // Marked played at one instant, as "mark all played" or a first sync does.
  { feed: 1, title: 'LCC 332', media: showMp3(332), read: 1, completed: BURST },
  { feed: 1, title: 'LCC 330', media: showMp3(330), read: 1, completed: BURST },
  { feed: 1, title: 'LCC 329', media: showMp3(329), read: 1, completed: BURST },
  {
    feed: 1,
    title: 'LCC 336',
    media: showMp3(336),
    read: 0,
    position: (43 * 60 + 12) * 1000,
    duration: 5_400_000,
    lastPlayed: at('2026-11-28T07:45:00Z'),
    favourite: true,
    queue: 7,
  },
  { feed: 1, title: 'LCC 335', media: showMp3(335), read: -1, favourite: true, queue: 3 },
  // An old episode under the host's /secure/ path, over http, with a query; and the same episode
  // again in the feed subscribed a second time.
  {
    feed: 1,
    title: 'LCC 262',
    media: 'http://traffic.libsyn.com/secure/lescastcodeurs/LesCastCodeurs-Episode-262.mp3?dest-id=1234',
    read: 1,
    completed: at('2021-09-15T12:00:00Z'),
  },
  { feed: 3, title: 'LCC 262', media: showMp3(262), read: 0 },
  // The show's, but no archive knows it.
  { feed: 1, title: 'LCC 9999', media: showMp3(9999), read: 1, completed: at('2026-11-01T10:00:00Z') },
  // Another podcast's, and a look-alike host: ignored.
  {
    feed: 2,
    title: 'Underscore 1',
    media: 'https://cdn.example.org/underscore-1.mp3',
    read: 1,
    completed: BURST,
    favourite: true,
    queue: 1,
  },
  { feed: 2, title: 'Underscore 2', media: 'https://cdn.example.org/underscore-2.mp3', read: 1, completed: at('2026-11-02T10:00:00Z') },
  { feed: 2, title: 'Underscore 3', media: 'https://cdn.example.org/underscore-3.mp3', read: 0, position: 60_000, lastPlayed: BURST },
  { feed: 2, title: 'Fake', media: 'https://traffic.libsyn.com.evil.example/LesCastCodeurs-Episode-334.mp3', read: 1, completed: BURST },
];

async function antennaPodBackup(): Promise<Uint8Array> {
  const SQL = await initSqlJs();
  const database = new SQL.Database();
  database.exec(schema);
  const feed = database.prepare('INSERT INTO Feeds (id, title, download_url, type) VALUES (?, ?, ?, ?)');
  for (const row of [
    [1, 'Les Cast Codeurs Podcast', SHOW_FEED, 'rss'],
    [2, 'Underscore_', OTHER_FEED, 'rss'],
    [3, 'Les Cast Codeurs Podcast', 'http://lescastcodeurs.libsyn.com/rss', 'rss'],
  ])
    feed.run(row);
  feed.free();
  ANTENNAPOD_ROWS.forEach((row, index) => {
    const item = index + 1;
    database.run('INSERT INTO FeedItems (id, title, pubDate, read, media, feed, item_identifier) VALUES (?, ?, ?, ?, ?, ?, ?)', [
      item,
      row.title,
      at('2026-01-01T00:00:00Z'),
      row.read ?? 0,
      item,
      row.feed,
      `guid-${item}`,
    ]);
    database.run(
      `INSERT INTO FeedMedia (id, duration, download_url, downloaded, position, mime_type, playback_completion_date, feeditem,
        played_duration, last_played_time) VALUES (?, ?, ?, 0, ?, 'audio/mpeg', ?, ?, ?, ?)`,
      [item, row.duration ?? 0, row.media, row.position ?? 0, row.completed ?? null, item, row.position ?? 0, row.lastPlayed ?? 0],
    );
    if (row.favourite) database.run('INSERT INTO Favorites (feeditem, feed) VALUES (?, ?)', [item, row.feed]);
    if (row.queue !== undefined) database.run('INSERT INTO Queue (id, feeditem, feed) VALUES (?, ?, ?)', [row.queue, item, row.feed]);
  });
  const bytes = database.export();
  database.close();
  return bytes;
}

const episode = (attributes: Record<string, string>) =>
  `      <outline type="podcast-episode" ${Object.entries(attributes)
    .map(([name, value]) => `${name}="${value}"`)
    .join(' ')}/>`;

const OVERCAST_OPML = `<?xml version="1.0" encoding="utf-8"?>
<opml version="1.0">
  <head><title>Overcast Podcast Subscriptions</title></head>
  <body>
    <outline text="feeds">
    <outline type="rss" overcastId="1001" title="Les Cast Codeurs Podcast" text="Les Cast Codeurs Podcast" xmlUrl="${SHOW_FEED}" htmlUrl="https://lescastcodeurs.com/">
${[
  episode({
    overcastId: '2340',
    pubDate: '2026-11-19T08:00:00-05:00',
    title: 'LCC 340',
    url: 'https://lescastcodeurs.com/2026/11/19/lcc-340/',
    overcastUrl: 'https://overcast.fm/+2340',
    enclosureUrl: `${showMp3(340)}?dest-id=1234`,
    played: '1',
    userUpdatedDate: '2026-11-21T07:10:00-05:00',
  }),
  episode({
    overcastId: '2339',
    pubDate: '2026-11-05T08:00:00-05:00',
    title: 'LCC 339',
    enclosureUrl: showMp3(339),
    played: '1',
    userUpdatedDate: '2026-10-01T12:00:00-04:00',
  }),
  episode({
    overcastId: '2338',
    pubDate: '2026-10-22T08:00:00-05:00',
    title: 'LCC 338',
    enclosureUrl: showMp3(338),
    played: '1',
    userUpdatedDate: '2026-10-01T12:00:00-04:00',
  }),
  episode({
    overcastId: '2336',
    pubDate: '2026-09-30T08:00:00-05:00',
    title: 'LCC 336',
    enclosureUrl: showMp3(336),
    played: '0',
    progress: '2592',
    userUpdatedDate: '2026-11-28T07:45:00-05:00',
  }),
  episode({
    overcastId: '2335',
    pubDate: '2026-09-20T08:00:00-05:00',
    title: 'LCC 335',
    enclosureUrl: showMp3(335),
    played: '0',
    userUpdatedDate: '2026-11-02T10:00:00-05:00',
    userRecommendedDate: '2026-11-02T10:00:00-05:00',
  }),
].join('\n')}
    </outline>
    <outline type="rss" overcastId="1002" title="Underscore_" text="Underscore_" xmlUrl="${OTHER_FEED}">
${[
  episode({
    overcastId: '3001',
    title: 'Underscore 1',
    enclosureUrl: 'https://cdn.example.org/underscore-1.mp3',
    played: '1',
    userUpdatedDate: '2026-11-21T07:10:00-05:00',
  }),
  episode({
    overcastId: '3002',
    title: 'Underscore 2',
    enclosureUrl: 'https://cdn.example.org/underscore-2.mp3',
    played: '0',
    progress: '60',
    userUpdatedDate: '2026-11-21T07:10:00-05:00',
  }),
].join('\n')}
    </outline>
    </outline>
  </body>
</opml>
`;

writeFileSync(new URL('AntennaPodBackup-2026-11-30.db', fixtures), await antennaPodBackup());
writeFileSync(new URL('overcast-all-data.opml', fixtures), OVERCAST_OPML);
