import { describe, expect, it } from 'vitest';
import { addressesFor, pendingActions, type EpisodeToName, type PendingInput } from '../../../src/core/gpodder/outgoing';
import type { EpisodeLog, PlaybackPosition } from '../../../src/core/records';

const MEDIA = (number: number) => `https://traffic.libsyn.com/secure/lescastcodeurs/LesCastCodeurs-Episode-${number}.mp3?dest-id=7`;
const FEED_OF_APPS = 'https://feeds.libsyn.com/lescastcodeurs/rss';
const SHOW_FEED = 'https://lescastcodeurs.com/podcast-rss';
const enclosure = (number: number) => `https://traffic.libsyn.com/lescastcodeurs/LesCastCodeurs-Episode-${number}.mp3`;

const episodes = new Map<string, EpisodeToName>([
  ['lcc-262', { number: 262, enclosure: enclosure(262), seconds: 5400 }],
  ['lcc-263', { number: 263, enclosure: enclosure(263), seconds: 6000.4 }],
  ['lcc-264', { number: 264, enclosure: enclosure(264), seconds: null }],
]);

function position(episodeId: string, seconds: number, updatedAt: string, extra: Partial<PlaybackPosition> = {}): PlaybackPosition {
  return { episodeId, url: `https://lescastcodeurs.com/2021/09/03/${episodeId}/`, seconds, duration: null, updatedAt, ...extra };
}

function input(logs: EpisodeLog[], positions: PlaybackPosition[], extra: Partial<PendingInput> = {}): PendingInput {
  return { logs, positions, episodes, after: null, device: 'lcc-companion', learned: new Map(), feed: SHOW_FEED, ...extra };
}

describe('pendingActions', () => {
  it('sends a mark as a play to the end, an unmark at the position before it, a pause at its position, in order', () => {
    const logs: EpisodeLog[] = [
      {
        episodeId: 'lcc-262',
        events: [
          { kind: 'listened', at: '2026-11-30T08:00:00.000Z', listenedOn: '2026-11-30' },
          { kind: 'unlistened', at: '2026-11-30T09:00:00.000Z' },
          { kind: 'bookmarked', at: '2026-11-30T09:30:00.000Z' },
        ],
      },
    ];
    const pending = pendingActions(
      input(logs, [position('lcc-262', 1200.6, '2026-11-30T08:30:00.000Z'), position('lcc-263', 60, '2026-11-30T07:00:00.000Z')]),
    );
    expect(pending.actions.map(({ episode, timestamp, started, position: at, total }) => [episode, timestamp, started, at, total])).toEqual(
      [
        [enclosure(263), '2026-11-30T07:00:00', 60, 60, 6000],
        [enclosure(262), '2026-11-30T08:00:00', 5400, 5400, 5400],
        [enclosure(262), '2026-11-30T08:30:00', 1201, 1201, 5400],
        [enclosure(262), '2026-11-30T09:00:00', 1201, 1201, 5400],
      ],
    );
    expect(
      pending.actions.every((action) => action.action === 'play' && action.device === 'lcc-companion' && action.podcast === SHOW_FEED),
    ).toBe(true);
    // A bookmark is nothing an app is told.
    expect(pending.upTo).toBe('2026-11-30T09:00:00.000Z');
  });

  it('sends only what changed after the last actions the server took, and nothing that came from the apps', () => {
    const logs: EpisodeLog[] = [
      {
        episodeId: 'lcc-262',
        events: [
          { kind: 'listened', at: '2026-11-30T08:00:00.000Z', listenedOn: '2026-11-30' },
          { kind: 'listened', at: '2026-11-30T10:00:00.000Z', listenedOn: '2026-11-30', from: 'gpodder', device: 'pixel' },
        ],
      },
      {
        episodeId: 'lcc-264',
        events: [{ kind: 'listened', at: '2026-11-30T12:00:00.000Z', listenedOn: 'unknown', from: 'app', device: 'Overcast' }],
      },
    ];
    const positions = [
      position('lcc-263', 60, '2026-11-30T11:00:00.000Z', { device: 'pixel' }),
      position('lcc-262', 30, '2026-11-30T09:00:00.000Z'),
    ];
    const pending = pendingActions(input(logs, positions, { after: '2026-11-30T08:00:00.000Z' }));
    expect(pending.actions.map((action) => action.timestamp)).toEqual(['2026-11-30T09:00:00']);
    expect(pendingActions(input([], [], { after: '2026-11-30T08:00:00.000Z' }))).toEqual({ actions: [], upTo: '2026-11-30T08:00:00.000Z' });
  });

  it("names an episode with the addresses the listener's apps use, and passes over one without a length or a number", () => {
    const logs: EpisodeLog[] = ['lcc-263', 'lcc-264', 'un-hors-serie'].map((episodeId) => ({
      episodeId,
      events: [{ kind: 'listened', at: '2026-11-30T08:00:00.000Z', listenedOn: '2026-11-30' }],
    }));
    const pending = pendingActions(
      input(logs, [], { learned: new Map([[262, { media: MEDIA(262), podcast: FEED_OF_APPS, total: 5400 }]]) }),
    );
    expect(pending.actions.map(({ episode, podcast }) => [episode, podcast])).toEqual([[MEDIA(263), FEED_OF_APPS]]);
  });

  it('names an episode the archive does not know yet by the number of its id, with what the apps gave', () => {
    const logs: EpisodeLog[] = [
      { episodeId: 'lcc-300', events: [{ kind: 'listened', at: '2026-11-30T08:00:00.000Z', listenedOn: '2026-11-30' }] },
    ];
    const pending = pendingActions(
      input(logs, [], { learned: new Map([[262, { media: MEDIA(262), podcast: FEED_OF_APPS, total: 5400 }]]) }),
    );
    // The pattern of the apps' addresses, but no length: nothing says it.
    expect(pending.actions).toEqual([]);
    const known = pendingActions(input(logs, [], { learned: new Map([[300, { media: MEDIA(300), podcast: FEED_OF_APPS, total: 3600 }]]) }));
    expect(known.actions).toEqual([expect.objectContaining({ episode: MEDIA(300), position: 3600, total: 3600 })]);
  });

  it('takes the length the apps gave an episode where neither the player nor the archive knows it', () => {
    const logs: EpisodeLog[] = [
      { episodeId: 'lcc-264', events: [{ kind: 'listened', at: '2026-11-30T08:00:00.000Z', listenedOn: '2026-11-30' }] },
    ];
    const pending = pendingActions(
      input(logs, [], { learned: new Map([[264, { media: MEDIA(264), podcast: FEED_OF_APPS, total: 4321 }]]) }),
    );
    expect(pending.actions).toEqual([expect.objectContaining({ episode: MEDIA(264), position: 4321, total: 4321 })]);
  });
});

describe('addressesFor', () => {
  const learned = new Map([[7, { media: MEDIA(7), podcast: FEED_OF_APPS, total: 5400 }]]);

  it('names an episode as the apps named it, else by their pattern, else by the archive', () => {
    expect(addressesFor(7, learned, 'https://a.example/7.mp3', 'https://lescastcodeurs.com/podcast-rss')).toEqual({
      media: MEDIA(7),
      podcast: FEED_OF_APPS,
      total: 5400,
    });
    expect(addressesFor(300, learned, null, 'https://lescastcodeurs.com/podcast-rss')).toEqual({
      media: MEDIA(300),
      podcast: FEED_OF_APPS,
      total: null,
    });
    expect(
      addressesFor(
        300,
        new Map(),
        'https://traffic.libsyn.com/lescastcodeurs/LesCastCodeurs-Episode-300.mp3',
        'https://lescastcodeurs.com/podcast-rss',
      ),
    ).toEqual({
      media: 'https://traffic.libsyn.com/lescastcodeurs/LesCastCodeurs-Episode-300.mp3',
      podcast: 'https://lescastcodeurs.com/podcast-rss',
      total: null,
    });
    expect(addressesFor(300, new Map(), null, 'https://lescastcodeurs.com/podcast-rss')).toBeNull();
  });
});
