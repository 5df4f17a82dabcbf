/** How many links to draw: a first screenful, then a page once that has been painted, then more on demand. */
import { useEffect, useState } from 'preact/hooks';

/** Links drawn in the first frame; the rest of the first page follows right after it, below the fold. */
const FIRST_FRAME_LINKS = 30;
/**
 * Links drawn at once after that, and added by each "show more": drawing a few hundred keeps the
 * popup answering input at once, where thousands (a hostile source) froze it.
 */
export const LINKS_PER_PAGE = 300;

export function useProgressiveLimit(): [limit: number, showMore: () => void] {
  const [limit, setLimit] = useState(FIRST_FRAME_LINKS);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => setLimit(LINKS_PER_PAGE));
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, []);
  return [limit, () => setLimit((current) => current + LINKS_PER_PAGE)];
}
