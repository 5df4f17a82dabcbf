/**
 * How many rows a long list draws in its first frame: those that fit between where its rows
 * began the last time it was drawn at this window's width and the window's bottom. The journal's
 * tools above a list leave three or four rows in view at 1280×720, not the dozen the whole
 * window's height would hold; each row drawn out of view delayed the first paint by 1.5-2 ms.
 * Unknown (a first visit, another width), the rows are taken to start at the top. The rest of the
 * list is drawn right after the first frame (`useProgressiveLimit`).
 */
import type { RefObject } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import * as v from 'valibot';
import { afterNextPaint } from './afterNextPaint';
import { keepLocalCopy, readLocalCopy } from './localCopy';

const KEY = 'list-tops';
const listTopsSchema = v.record(v.string(), v.object({ width: v.number(), top: v.number() }));

/**
 * The first frame's row count for `list`, and the ref to put on the element its rows start with;
 * `rowHeight` is the least a row's height can be. The window's outer height, a little more than
 * what it shows: its inner height would lay out the page while it is still being drawn.
 */
export function useFirstScreenful(list: string, rowHeight: number): [rows: number, rowsStart: RefObject<HTMLElement | null>] {
  const rowsStart = useRef<HTMLElement | null>(null);
  const [rows] = useState(() => {
    const kept = readLocalCopy(KEY, listTopsSchema)?.[list];
    const top = kept && kept.width === window.outerWidth ? kept.top : 0;
    return Math.max(1, Math.ceil((window.outerHeight - top) / rowHeight) + 1);
  });
  useEffect(
    () =>
      afterNextPaint(() => {
        if (!rowsStart.current) return;
        const top = Math.round(rowsStart.current.getBoundingClientRect().top + window.scrollY);
        const tops = readLocalCopy(KEY, listTopsSchema) ?? {};
        const kept = tops[list];
        if (kept?.width === window.outerWidth && kept.top === top) return;
        keepLocalCopy(KEY, { ...tops, [list]: { width: window.outerWidth, top } });
      }),
    [list],
  );
  return [rows, rowsStart];
}
