import { describe, expect, it } from 'vitest';
import { holdsEpisode, isPlaying, type PlayerStatus } from '../../../src/core/player/state';

const STATUSES: PlayerStatus[] = ['idle', 'loading', 'playing', 'paused', 'ended', 'failed'];

describe("the player's status", () => {
  it('is playing while it plays or loads what it plays', () => {
    expect(STATUSES.filter(isPlaying)).toEqual(['loading', 'playing']);
  });

  it('holds an episode while playing it or paused in it, not once it ended, failed or before any', () => {
    expect(STATUSES.filter(holdsEpisode)).toEqual(['loading', 'playing', 'paused']);
  });
});
