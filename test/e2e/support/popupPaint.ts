/**
 * A popup's first paint, told to the background rather than read through a client of the popup:
 * such a client attaches to every tab too, and a tab of a heavy (or hung) page is busy for seconds
 * with it, which the popup's own work in that tab would wait for. A listener's browser attaches nothing.
 */
import type { Worker } from 'playwright-core';

export interface PaintKept {
  /** When, in ms since the epoch. */
  at: number;
  /** The text of the element painted (none for a page's first content). */
  text: string;
}

type SessionStorageApi = { chrome: { storage: { session: { get(key: string): Promise<Record<string, unknown>> } } } };

let watched = 0;

/**
 * The script for the next popup to run before its own (`openPopup`'s third argument), and when
 * it first painted `element` (its `elementtiming`), or without one its first content.
 */
export function watchFirstPaint(worker: Worker, element: string | null): { script: string; painted: Promise<PaintKept> } {
  watched += 1;
  const key = `firstPaint-${watched}`;
  const script = `new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    if (${JSON.stringify(element)} === null ? entry.name !== 'first-contentful-paint' : entry.identifier !== ${JSON.stringify(element)}) continue;
    const painted = { at: performance.timeOrigin + (entry.renderTime || entry.startTime), text: entry.element?.textContent ?? '' };
    chrome.storage.session.set({ ${JSON.stringify(key)}: painted });
  }
}).observe({ type: ${JSON.stringify(element === null ? 'paint' : 'element')}, buffered: true });`;
  const painted = worker.evaluate(async (kept) => {
    const storage = (globalThis as unknown as SessionStorageApi).chrome.storage.session;
    for (let attempt = 0; attempt < 1000; attempt += 1) {
      const { [kept]: painted } = await storage.get(kept);
      if (painted) return painted as PaintKept;
      await new Promise((wait) => setTimeout(wait, 20));
    }
    throw new Error('the popup never painted');
  }, key);
  return { script, painted };
}
