/**
 * The positions kept and the queue, read after the first paint (unless read before it, as the
 * popup reads its episode's) and again when the player writes.
 */
import { listPositions, getQueue } from '../../platform/storage/playback';
import type { Playable, PlaybackPosition } from '../../core/records';
import { useStoredRead } from '../useStoredRead';

export interface PlaybackRecords {
  positions: Map<string, PlaybackPosition>;
  queue: Playable[];
}

async function readPlaybackRecords(): Promise<PlaybackRecords> {
  const [positions, queue] = await Promise.all([listPositions(), getQueue()]);
  return { positions: new Map(positions.records.map((position) => [position.episodeId, position])), queue };
}

export function usePlaybackRecords(readBefore?: PlaybackRecords): PlaybackRecords | undefined {
  return useStoredRead(
    readPlaybackRecords,
    { doing: 'reading the positions and the queue', readAgainOn: (change) => change.playback === true },
    readBefore,
  );
}

/** Whether the episode waits in the queue (false until the records are read). */
export function isQueued(records: PlaybackRecords | undefined, episodeId: string): boolean {
  return records?.queue.some((each) => each.episodeId === episodeId) ?? false;
}
