import { describe, expect, it } from 'vitest';
import { ListeningClock } from '../../../src/core/player/listeningClock';
import { formatClock, isPlayedOut, playbackRate } from '../../../src/core/player/playable';
import { PositionWrites } from '../../../src/core/player/positionWrites';
import { dequeue, enqueue, moveInQueue, nextInQueue } from '../../../src/core/player/queue';
import type { Playable } from '../../../src/core/player/playable';

describe('the position write throttle', () => {
  it('writes at most once every 10 s while playing', () => {
    const writes = new PositionWrites();
    const moments = Array.from({ length: 120 }, (_, index) => index * 250); // 30 s of timeupdate, four a second
    const written = moments.filter((at) => writes.shouldWrite('playing', at));
    expect(written).toEqual([0, 10_000, 20_000]);
  });

  it('writes at every pause, seek, end and close, whatever the time since the last write', () => {
    const writes = new PositionWrites();
    expect(writes.shouldWrite('playing', 0)).toBe(true);
    for (const moment of ['pause', 'seek', 'end', 'close'] as const) expect(writes.shouldWrite(moment, 100)).toBe(true);
    // A forced write restarts the interval.
    expect(writes.shouldWrite('playing', 5_000)).toBe(false);
    expect(writes.shouldWrite('playing', 10_100)).toBe(true);
  });
});

describe('the played rule', () => {
  it('counts an episode stopped with 30 s or less left as played', () => {
    expect(isPlayedOut(3600 - 30, 3600)).toBe(true);
    expect(isPlayedOut(3600, 3600)).toBe(true);
    expect(isPlayedOut(3600 - 31, 3600)).toBe(false);
  });

  it('never counts one whose length is unknown', () => {
    expect(isPlayedOut(10, null)).toBe(false);
    expect(isPlayedOut(0, 0)).toBe(false);
  });
});

describe('speeds and clock', () => {
  it('keeps speeds within 0.8× to 2.5× on steps of 0.05', () => {
    expect([0.5, 0.8, 1.234, 2.5, 3, Number.NaN].map(playbackRate)).toEqual([0.8, 0.8, 1.25, 2.5, 2.5, 1]);
  });

  it('writes minutes, and hours from the first hour', () => {
    expect([0, 59.9, 2592, 4350, -3].map(formatClock)).toEqual(['0:00', '0:59', '43:12', '1:12:30', '0:00']);
  });
});

describe('the time really listened', () => {
  const at = (seconds: number) => new Date(2026, 10, 29, 8, 0, seconds).getTime();

  it('counts content time and the wall time it took at the speed used', () => {
    const clock = new ListeningClock();
    for (let second = 0; second <= 60; second += 1) clock.playing(at(second), second * 1.5, 1.5);
    expect(clock.take()).toEqual([{ month: '2026-11', contentSeconds: 90, wallSeconds: 60 }]);
    expect(clock.take()).toEqual([]);
  });

  it('counts nothing for a seek, a pause or a machine asleep', () => {
    const clock = new ListeningClock();
    clock.playing(at(0), 100, 1);
    clock.playing(at(1), 101, 1);
    clock.playing(at(2), 900, 1); // a jump forward
    clock.playing(at(3), 901, 1);
    clock.interrupted(); // paused
    clock.playing(at(50), 901, 1);
    clock.playing(at(51), 902, 1);
    clock.playing(at(52), 50, 1); // a jump back
    const [month] = clock.take();
    expect(month!.contentSeconds).toBe(3);
  });

  it('splits the time by the month it was listened in', () => {
    const clock = new ListeningClock();
    const midnight = new Date(2026, 11, 1).getTime();
    clock.playing(midnight - 2000, 0, 1);
    clock.playing(midnight - 1000, 1, 1);
    clock.playing(midnight + 1000, 3, 1);
    expect(clock.take().map((each) => [each.month, each.contentSeconds])).toEqual([
      ['2026-11', 1],
      ['2026-12', 2],
    ]);
  });
});

describe('the queue', () => {
  const item = (id: string): Playable => ({
    episodeId: id,
    url: `https://lescastcodeurs.com/${id}/`,
    number: null,
    title: id,
    audioUrl: `https://traffic.libsyn.com/${id}.mp3`,
  });
  const ids = (queue: Playable[]) => queue.map((each) => each.episodeId);

  it('adds at the end, once', () => {
    expect(ids(enqueue(enqueue(enqueue([], item('a')), item('b')), item('a')))).toEqual(['a', 'b']);
  });

  it('moves up and down within its ends, and removes', () => {
    const queue = [item('a'), item('b'), item('c')];
    expect(ids(moveInQueue(queue, 'c', -1))).toEqual(['a', 'c', 'b']);
    expect(ids(moveInQueue(queue, 'a', -1))).toEqual(['a', 'b', 'c']);
    expect(ids(moveInQueue(queue, 'a', 5))).toEqual(['b', 'c', 'a']);
    expect(ids(moveInQueue(queue, 'x', 1))).toEqual(['a', 'b', 'c']);
    expect(ids(dequeue(queue, 'b'))).toEqual(['a', 'c']);
  });

  it('gives the next episode when one ends, the ended one out of the queue', () => {
    const { next, rest } = nextInQueue([item('a'), item('b'), item('c')], 'a');
    expect(next?.episodeId).toBe('b');
    expect(ids(rest)).toEqual(['c']);
    expect(nextInQueue([item('a')], 'a')).toEqual({ next: null, rest: [] });
    expect(nextInQueue([item('b')], 'a').next?.episodeId).toBe('b');
  });
});
