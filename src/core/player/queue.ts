/** "À écouter ensuite": the episodes to play next, in the listener's order. Pure. */
import type { Playable } from './playable';

/** Adds at the end; an episode already queued stays where it is. */
export function enqueue(queue: readonly Playable[], item: Playable): Playable[] {
  return queue.some((each) => each.episodeId === item.episodeId) ? [...queue] : [...queue, item];
}

export function dequeue(queue: readonly Playable[], episodeId: string): Playable[] {
  return queue.filter((each) => each.episodeId !== episodeId);
}

/** Moves an episode by `offset` places (−1: one up), kept within the list. */
export function moveInQueue(queue: readonly Playable[], episodeId: string, offset: number): Playable[] {
  const from = queue.findIndex((each) => each.episodeId === episodeId);
  if (from < 0) return [...queue];
  const to = Math.min(queue.length - 1, Math.max(0, from + offset));
  const moved = [...queue];
  const [item] = moved.splice(from, 1);
  moved.splice(to, 0, item!);
  return moved;
}

/** After `finishedId` ended: the episode to start and the queue without either. */
export function nextInQueue(queue: readonly Playable[], finishedId: string): { next: Playable | null; rest: Playable[] } {
  const rest = dequeue(queue, finishedId);
  const [next = null, ...after] = rest;
  return { next, rest: after };
}
