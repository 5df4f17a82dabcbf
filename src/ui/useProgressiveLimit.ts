/**
 * How many items of a long list to draw: a first screenful, then more once that has been painted,
 * then more on demand. The first frame stays cheap however long the list.
 */
import { useEffect, useState } from 'preact/hooks';
import { afterNextPaint } from './afterNextPaint';

export function useProgressiveLimit(firstFrame: number, afterPaint: number): [limit: number, showMore: (step: number) => void] {
  const [limit, setLimit] = useState(firstFrame);
  useEffect(() => afterNextPaint(() => setLimit(afterPaint)), [afterPaint]);
  return [limit, (step) => setLimit((current) => current + step)];
}
