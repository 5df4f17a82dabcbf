/**
 * The time really listened, from the position as playback reports it: content time is how far
 * the position moved while playing, wall time that same stretch at the speed it was played.
 * A jump the speed cannot explain is a seek and counts for nothing; a machine asleep moves no
 * position and counts for nothing either. Pure: the host feeds it the player's reports.
 */

/** Seconds listened in one month (`YYYY-MM`, the listener's local month). */
export interface ListenedSeconds {
  month: string;
  wallSeconds: number;
  contentSeconds: number;
}

/** Slack for the gap between two reports (timers fire late, the first frames decode ahead). */
const SLACK_SECONDS = 1.5;

/** The listener's month (`YYYY-MM`) of an instant, ms since the epoch. */
export function localMonth(ms: number): string {
  const date = new Date(ms);
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}`;
}

export class ListeningClock {
  private last: { atMs: number; position: number } | null = null;
  private readonly pending = new Map<string, ListenedSeconds>();

  /** A report while playing at `rate`. */
  playing(atMs: number, position: number, rate: number): void {
    const last = this.last;
    this.last = { atMs, position };
    if (!last) return;
    const moved = position - last.position;
    const possible = (Math.max(0, atMs - last.atMs) / 1000) * rate + SLACK_SECONDS;
    if (moved <= 0 || moved > possible) return;
    const month = localMonth(atMs);
    const counted = this.pending.get(month) ?? { month, wallSeconds: 0, contentSeconds: 0 };
    counted.contentSeconds += moved;
    counted.wallSeconds += moved / rate;
    this.pending.set(month, counted);
  }

  /** Playback stopped or jumped: the next report starts a new stretch. */
  interrupted(): void {
    this.last = null;
  }

  /** What was counted since the last take, by month. */
  take(): ListenedSeconds[] {
    const taken = [...this.pending.values()];
    this.pending.clear();
    return taken;
  }
}
