import { describe, expect, it } from 'vitest';
import type { ShowAction } from '../../../src/core/gpodder/actions';
import { changesFromApps, type LocalEpisode } from '../../../src/core/gpodder/merge';
import { DAY_UNKNOWN } from '../../../src/core/records';
import { localMonth } from '../../../src/core/player/listeningClock';

const MEDIA = (number: number) => `https://traffic.libsyn.com/secure/lescastcodeurs/LesCastCodeurs-Episode-${number}.mp3?dest-id=7`;
const FEED = 'https://feeds.libsyn.com/lescastcodeurs/rss';

function action(number: number, at: string, position: number | null, extra: Partial<ShowAction> = {}): ShowAction {
  return {
    number,
    kind: 'play',
    at: Date.parse(at),
    started: null,
    position,
    total: 5400,
    device: 'pixel',
    media: MEDIA(number),
    podcast: FEED,
    ...extra,
  };
}
/** The calendar day of an instant where the tests run (they run in several zones). */
function dayHere(iso: string): string {
  const date = new Date(iso);
  return [date.getFullYear(), date.getMonth() + 1, date.getDate()].map((part) => String(part).padStart(2, '0')).join('-');
}
const nothingStored = (): LocalEpisode => ({ state: undefined, position: undefined });

describe('changesFromApps', () => {
  it('counts the time each of the apps’ plays spans, by month, once each, and none of a first sync’s burst', () => {
    const changes = changesFromApps(
      [
        action(262, '2026-11-30T08:00:00Z', 1800, { started: 0 }),
        action(262, '2026-11-30T09:00:00Z', 2400, { started: 1800 }),
        action(263, '2026-10-15T08:00:00Z', 600, { started: 0 }),
        // Played from the browser and sent by it: its player counted it.
        action(264, '2026-11-30T10:00:00Z', 900, { started: 0, device: 'lcc-companion' }),
        // AntennaPod's first sync: every episode "played" whole at one instant.
        action(100, '2026-11-30T12:00:00Z', 5400, { started: 0 }),
        action(101, '2026-11-30T12:00:00Z', 5400, { started: 0 }),
        // A play without its start, or running backwards, spans nothing.
        action(265, '2026-11-30T13:00:00Z', 900),
        action(266, '2026-11-30T14:00:00Z', 100, { started: 900 }),
      ],
      'lcc-companion',
      nothingStored,
    );
    expect(changes.listenedTime.sort((a, b) => a.month.localeCompare(b.month))).toEqual(
      [
        { month: localMonth(Date.parse('2026-10-15T08:00:00Z')), wallSeconds: 600, contentSeconds: 600 },
        { month: localMonth(Date.parse('2026-11-30T08:00:00Z')), wallSeconds: 2400, contentSeconds: 2400 },
      ].sort((a, b) => a.month.localeCompare(b.month)),
    );
  });

  it("marks an episode played to its end listened on the listener's day, and one stopped before as a position", () => {
    // 23:30 UTC is the next day in Paris, the day before in Los Angeles: the day is the listener's.
    const changes = changesFromApps(
      [action(262, '2026-11-30T23:30:00Z', 5380), action(263, '2026-11-30T08:00:00Z', 2592)],
      'lcc-companion',
      nothingStored,
    );
    expect(changes.listened).toEqual([
      { number: 262, listenedOn: dayHere('2026-11-30T23:30:00Z'), at: '2026-11-30T23:30:00.000Z', device: 'pixel' },
    ]);
    expect(changes.positions).toEqual([{ number: 263, seconds: 2592, total: 5400, at: '2026-11-30T08:00:00.000Z', device: 'pixel' }]);
  });

  it('takes plays of several episodes ended at one instant as heard on a day unknown', () => {
    const burst = [258, 259, 260].map((number) => action(number, '2026-11-30T10:00:00Z', 5400));
    const changes = changesFromApps([...burst, action(261, '2026-11-29T07:00:00Z', 5400)], 'lcc-companion', nothingStored);
    expect(changes.listened.map(({ number, listenedOn }) => [number, listenedOn])).toEqual([
      [261, dayHere('2026-11-29T07:00:00Z')],
      [258, DAY_UNKNOWN],
      [259, DAY_UNKNOWN],
      [260, DAY_UNKNOWN],
    ]);
  });

  it('lets the newest side win: a mark or an unmark made here after the play stays', () => {
    const changes = changesFromApps(
      [action(1, '2026-11-30T08:00:00Z', 5400), action(2, '2026-11-30T08:00:01Z', 5400), action(3, '2026-11-30T08:00:00Z', 100)],
      'lcc-companion',
      (number) =>
        ({
          1: { state: { listenedOn: '2026-01-02', updatedAt: '2026-01-02T10:00:00.000Z' }, position: undefined },
          2: { state: { listenedOn: null, updatedAt: '2026-11-30T09:00:00.000Z' }, position: undefined },
          3: { state: undefined, position: { updatedAt: '2026-11-30T09:00:00.000Z' } },
        })[number]!,
    );
    expect(changes).toMatchObject({ listened: [], positions: [] });
  });

  it("takes the newest play of an episode for its position, and skips this extension's own actions", () => {
    const changes = changesFromApps(
      [
        action(5, '2026-11-30T09:00:00Z', 1200),
        action(5, '2026-11-30T08:00:00Z', 600),
        action(5, '2026-11-30T10:00:00Z', 4000, { device: 'lcc-companion' }),
        action(5, '2026-11-30T11:00:00Z', null, { kind: 'download' }),
      ],
      'lcc-companion',
      nothingStored,
    );
    expect(changes.positions).toEqual([expect.objectContaining({ number: 5, seconds: 1200 })]);
    expect(changes.listened).toEqual([]);
  });

  it('changes nothing of an episode unknown here, and still learns its addresses', () => {
    const changes = changesFromApps(
      [action(9, '2026-11-30T09:00:00Z', 5400), action(10, '2026-11-30T09:00:00Z', 100)],
      'lcc-companion',
      () => undefined,
    );
    expect(changes.listened).toEqual([]);
    expect(changes.positions).toEqual([]);
    expect([...changes.addresses.keys()]).toEqual([9, 10]);
  });

  it('learns the addresses the apps use for each episode, downloads included', () => {
    const changes = changesFromApps([action(7, '2026-11-30T09:00:00Z', null, { kind: 'download' })], 'lcc-companion', nothingStored);
    expect(changes.addresses).toEqual(new Map([[7, { media: MEDIA(7), podcast: FEED, total: 5400 }]]));
  });
});
