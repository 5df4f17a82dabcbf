import { describe, expect, it } from 'vitest';
import { AnswerError, MAX_SHOW_EPISODES, actionTime, readAnswer } from '../../../src/core/gpodder/actions';
import { showEpisodeOfMedia } from '../../../src/core/episode/mediaUrls';

const NONE = new Map<string, number>();
const NOW = new Date('2026-12-01T12:00:00Z');

describe('showEpisodeOfMedia', () => {
  it.each([
    'https://traffic.libsyn.com/lescastcodeurs/LesCastCodeurs-Episode-262.mp3',
    'https://traffic.libsyn.com/secure/lescastcodeurs/LesCastCodeurs-Episode-262.mp3',
    'http://traffic.libsyn.com/lescastcodeurs/LesCastCodeurs-Episode-262.mp3?dest-id=12345',
    'https://traffic.libsyn.com/secure/lescastcodeurs/LesCastCodeurs-Episode-262.mp3?dest-id=1#t=10',
    'https://TRAFFIC.libsyn.com/LesCastCodeurs-Episode-262.mp3',
  ])('finds the episode in %s', (media) => {
    expect(showEpisodeOfMedia(media, NONE)).toBe(262);
  });

  it.each([
    'https://traffic.libsyn.com/otherpodcast/Episode-262.mp3',
    'https://traffic.libsyn.com.evil.example/LesCastCodeurs-Episode-262.mp3',
    'https://evil.example/traffic.libsyn.com/LesCastCodeurs-Episode-262.mp3',
    'https://traffic.libsyn.com:8443/LesCastCodeurs-Episode-262.mp3',
    'https://traffic.libsyn.com/LesCastCodeurs-Episode-262.mp3.exe',
    'https://traffic.libsyn.com/x?file=LesCastCodeurs-Episode-262.mp3',
    'ftp://traffic.libsyn.com/LesCastCodeurs-Episode-262.mp3',
    'not an address',
    'https://feeds.example/podcast/episode-12.mp3',
  ])('refuses %s', (media) => {
    expect(showEpisodeOfMedia(media, NONE)).toBeNull();
  });

  it('takes the enclosure of an archive episode whatever its name', () => {
    expect(showEpisodeOfMedia('https://cdn.example/lcc/interview.mp3', new Map([['https://cdn.example/lcc/interview.mp3', 12]]))).toBe(12);
  });
});

const play = (episode: string, extra: Record<string, unknown> = {}) => ({
  podcast: 'https://lescastcodeurs.com/podcast-rss',
  episode,
  action: 'play',
  timestamp: '2026-11-30T08:15:00',
  started: 0,
  position: 3000,
  total: 5400,
  device: 'phone',
  ...extra,
});
const MEDIA = (number: number) => `https://traffic.libsyn.com/secure/lescastcodeurs/LesCastCodeurs-Episode-${number}.mp3`;

describe('readAnswer', () => {
  it("keeps the show's actions, in UTC whether or not the app wrote a Z, and drops every other podcast's", () => {
    const answer = readAnswer(
      JSON.stringify({
        timestamp: 1796175431,
        actions: [
          play(MEDIA(262)),
          { ...play(MEDIA(263), { action: 'DOWNLOAD', timestamp: '2026-11-30T09:00:00Z' }), started: undefined },
          play('https://other.example/e.mp3', { position: 'garbage' }),
        ],
      }),
      NONE,
      NOW,
    );
    expect(answer).toEqual({
      timestamp: 1796175431,
      skipped: 0,
      total: 3,
      devices: 1,
      actions: [
        {
          number: 262,
          kind: 'play',
          at: Date.UTC(2026, 10, 30, 8, 15),
          started: 0,
          position: 3000,
          total: 5400,
          device: 'phone',
          media: MEDIA(262),
          podcast: 'https://lescastcodeurs.com/podcast-rss',
        },
        expect.objectContaining({ number: 263, kind: 'download', at: Date.UTC(2026, 10, 30, 9) }),
      ],
    });
  });

  it("skips the show's actions it cannot read or stamped more than a day ahead, and says how many", () => {
    const answer = readAnswer(
      JSON.stringify({
        timestamp: 5,
        actions: [
          play(MEDIA(1), { timestamp: '2026-12-03T12:00:01' }),
          play(MEDIA(2), { timestamp: '2026-02-31T08:00:00' }),
          play(MEDIA(3), { action: 'listen' }),
          play(MEDIA(4), { position: 1.5 }),
          play(MEDIA(5), { timestamp: '2026-12-02T11:00:00' }),
        ],
      }),
      NONE,
      NOW,
    );
    expect(answer.skipped).toBe(4);
    expect(answer.actions.map((action) => action.number)).toEqual([5]);
  });

  it('caps a position at the total, and takes a negative one or a zero total as unknown', () => {
    const [past, negative] = readAnswer(
      JSON.stringify({ timestamp: 1, actions: [play(MEDIA(1), { position: 6000 }), play(MEDIA(2), { position: -1, total: 0 })] }),
      NONE,
      NOW,
    ).actions;
    expect([past!.position, past!.total, negative!.position, negative!.total]).toEqual([5400, 5400, null, null]);
    // A start after the stop, or with no stop, is no span.
    const [backwards] = readAnswer(JSON.stringify({ timestamp: 1, actions: [play(MEDIA(1), { started: 4000 })] }), NONE, NOW).actions;
    expect([backwards!.started, negative!.started]).toEqual([null, null]);
  });

  it.each([
    ['<html>Nextcloud</html>', 'not-json'],
    ['{"actions": {}, "timestamp": 1}', 'shape'],
    ['{"actions": [], "timestamp": "soon"}', 'shape'],
    ['[]', 'shape'],
    [
      JSON.stringify({ timestamp: 1, actions: Array.from({ length: MAX_SHOW_EPISODES + 1 }, (_, index) => play(MEDIA(index))) }),
      'too-many-episodes',
    ],
  ])('refuses %s as a whole', (text, problem) => {
    expect(() => readAnswer(text, NONE, NOW)).toThrow(new AnswerError(problem as AnswerError['problem']));
  });
});

it('writes an action time as AntennaPod does, UTC without a zone', () => {
  expect(actionTime(new Date('2026-11-30T08:15:00.750Z'))).toBe('2026-11-30T08:15:00');
});
