/**
 * The popup's first frame with its episode, told to the background rather than read through a
 * client of the popup: such a client attaches to every tab too, and a tab of a heavy (or hung)
 * page keeps the popup from the test for as long as it is busy.
 */
import type { Worker } from 'playwright-core';

/** Run in the popup before its scripts: keeps when the episode was first painted, and its title then. */
export const KEEP_EPISODE_PAINT = `new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    if (entry.identifier !== 'popup-episode') continue;
    const title = document.querySelector('.episode-title')?.textContent ?? '';
    chrome.storage.session.set({ episodePainted: { at: performance.timeOrigin + (entry.renderTime || entry.startTime), title } });
  }
}).observe({ type: 'element', buffered: true });`;

type SessionStorageApi = { chrome: { storage: { session: { get(key: string): Promise<Record<string, unknown>> } } } };

/** When the popup first painted its episode (in ms since the epoch) and the title it showed, as KEEP_EPISODE_PAINT kept them. */
export function episodePainted(worker: Worker): Promise<{ at: number; title: string }> {
  return worker.evaluate(async () => {
    const storage = (globalThis as unknown as SessionStorageApi).chrome.storage.session;
    for (let attempt = 0; attempt < 1000; attempt += 1) {
      const { episodePainted } = await storage.get('episodePainted');
      if (episodePainted) return episodePainted as { at: number; title: string };
      await new Promise((wait) => setTimeout(wait, 20));
    }
    throw new Error('the popup never painted its episode');
  });
}
