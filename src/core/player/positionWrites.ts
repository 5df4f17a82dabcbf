/**
 * When the player writes the position down: at most once per interval while playing, and at
 * every pause, seek, end and close, never once per `timeupdate` (four a second). Pure: the host
 * asks, with the time of the moment.
 */
export type PlaybackMoment = 'playing' | 'pause' | 'seek' | 'end' | 'close';

export const POSITION_WRITE_INTERVAL_MS = 10_000;

export class PositionWrites {
  private lastWriteAt = Number.NEGATIVE_INFINITY;

  constructor(private readonly intervalMs = POSITION_WRITE_INTERVAL_MS) {}

  /** Whether to write now; a yes counts as the write. */
  shouldWrite(moment: PlaybackMoment, nowMs: number): boolean {
    if (moment === 'playing' && nowMs - this.lastWriteAt < this.intervalMs) return false;
    this.lastWriteAt = nowMs;
    return true;
  }
}
