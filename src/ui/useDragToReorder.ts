/**
 * Reordering a list by dragging a row's handle, with a finger or a mouse, as in a podcast app's
 * queue: the row follows the pointer and the rows it passes make room; the move is made once
 * the row is let go. Pointer events with the pointer captured by the handle (and `touch-action:
 * none` on it) so a finger's drag moves the row, not the page. Keyboards and screen readers move
 * rows with the row's buttons and menu: the handle is for pointers only.
 */
import type { CSSProperties, HTMLAttributes } from 'preact';
import { useEffect, useState } from 'preact/hooks';

interface Drag {
  pointerId: number;
  from: number;
  to: number;
  startY: number;
  offsetY: number;
  /** The rows' middles and the dragged row's height, as they were when the drag began. */
  middles: number[];
  height: number;
  /** Let go: the rows stay where they were dropped until the list comes back in its new order. */
  dropped: boolean;
}

export interface DragToReorder {
  /** Props for a row's handle. */
  handle: (index: number) => HTMLAttributes<HTMLElement>;
  /** The style that moves row `index` while a drag is under way, and whether it is the one dragged. */
  row: (index: number) => { style?: CSSProperties; dragged: boolean };
}

/** Where the row dragged from `from` lands when its middle is at `middle`: past every row whose middle it has passed. */
function dropIndex(middles: readonly number[], from: number, middle: number): number {
  let to = from;
  while (to > 0 && middle < middles[to - 1]!) to--;
  while (to < middles.length - 1 && middle > middles[to + 1]!) to++;
  return to;
}

/**
 * `order` names the list's current order (the rows' keys, joined: a new value once a move is
 * stored, not each time the list is drawn again); `move(from, to)` makes the move. Rows are found as the handle's closest `li` and its siblings.
 */
export function useDragToReorder(order: string, move: (from: number, to: number) => Promise<unknown>): DragToReorder {
  const [drag, setDrag] = useState<Drag | null>(null);
  // The list came back in its new order: the rows are drawn where they belong.
  useEffect(() => setDrag(null), [order]);

  const end = (event: PointerEvent, commit: boolean) => {
    if (!drag || drag.dropped || event.pointerId !== drag.pointerId) return;
    if (!commit || drag.to === drag.from) return setDrag(null);
    setDrag({ ...drag, dropped: true });
    move(drag.from, drag.to).catch(() => setDrag(null));
  };

  return {
    handle: (index) => ({
      onPointerDown: (event) => {
        if (event.button !== 0 || drag) return;
        const rows = Array.from(event.currentTarget.closest('li')?.parentElement?.children ?? []);
        const rects = rows.map((row) => row.getBoundingClientRect());
        event.currentTarget.setPointerCapture(event.pointerId);
        event.preventDefault();
        setDrag({
          pointerId: event.pointerId,
          from: index,
          to: index,
          startY: event.clientY,
          offsetY: 0,
          middles: rects.map((rect) => rect.top + rect.height / 2),
          height: rects[index]?.height ?? 0,
          dropped: false,
        });
      },
      onPointerMove: (event) => {
        if (!drag || drag.dropped || event.pointerId !== drag.pointerId) return;
        const offsetY = event.clientY - drag.startY;
        setDrag({ ...drag, offsetY, to: dropIndex(drag.middles, drag.from, drag.middles[drag.from]! + offsetY) });
      },
      onPointerUp: (event) => end(event, true),
      onPointerCancel: (event) => end(event, false),
    }),
    row: (index) => {
      if (!drag) return { dragged: false };
      if (index === drag.from) {
        const offsetY = drag.dropped ? drag.middles[drag.to]! - drag.middles[drag.from]! : drag.offsetY;
        return { dragged: true, style: { transform: `translateY(${offsetY}px)` } };
      }
      const makesRoom =
        drag.to > drag.from && index > drag.from && index <= drag.to
          ? -1
          : drag.to < drag.from && index >= drag.to && index < drag.from
            ? 1
            : 0;
      return { dragged: false, style: makesRoom ? { transform: `translateY(${makesRoom * drag.height}px)` } : undefined };
    },
  };
}
