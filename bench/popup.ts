/**
 * Popup speed in Chromium: from `chrome.action.openPopup()` to the first frame with the outline
 * of the largest episode (lcc-329), in the tab it opens on (its links are a tab of their own),
 * against a blank extension page opened the same way (to its first paint). Each run opens the
 * popup twice on the tab: the first opening, on a new profile, has only the database to draw
 * from; the second, as every later one, draws from the copy the popup kept. Medians of several runs.
 */
import type { Page } from 'playwright-core';
import { chromiumPresent, launchExtension, type ExtensionSession } from '../test/e2e/support/browser';
import { corpusPresent } from '../test/support/corpus';
import { routeWorstCase, WORST_CASE_PATH } from '../test/e2e/support/worstCase';
import { watchFirstPaint } from '../test/e2e/support/popupPaint';
import { BLANK_PAGE, extensionWithBlankPage } from './blankPage';
import { median } from './timing';

const LARGEST_EPISODE = '/2025/08/14/lcc-329-l-ia-ce-super-stagiaire-qui-nous-fait-travailler-plus/';
const POPUP = 'popup/index.html';
const RUNS = 7;

type ActionApi = {
  chrome: {
    action: { setPopup(details: { popup: string; tabId?: number }): Promise<void> };
    tabs: { query(query: { url: string }): Promise<{ id: number }[]> };
  };
};

/**
 * From openPopup() to the first paint of `element` (the blank page: its first paint), in ms. The
 * popup reaches the bench only once painted (see popupPaint.ts), the blank page as the popup.
 */
async function timeOpening(session: ExtensionSession, tab: Page, popupPath: string, element: string | null): Promise<number> {
  const worker = await session.worker();
  const openedAt = await worker.evaluate(() => Date.now());
  const { script, painted } = watchFirstPaint(worker, element);
  const popup = await session.openPopup(tab, popupPath, script, painted);
  const since = (await painted).at - openedAt;
  await popup.close();
  return since;
}

async function timeOpenings(popupPath: string, element: string | null): Promise<{ first: number; again: number }> {
  const session = await launchExtension({ dist: extensionWithBlankPage() });
  try {
    const tab = await session.openSitePage(LARGEST_EPISODE);
    await tab.waitForTimeout(500);
    // The background has named the episode in the tab's popup address by now; the blank page takes its place.
    if (popupPath !== POPUP) {
      const worker = await session.worker();
      await worker.evaluate(
        async ({ path, url }) => {
          const { chrome } = globalThis as unknown as ActionApi;
          const [opened] = await chrome.tabs.query({ url });
          await chrome.action.setPopup({ tabId: opened!.id, popup: path });
        },
        { path: popupPath, url: tab.url() },
      );
    }
    const first = await timeOpening(session, tab, popupPath, element);
    await tab.waitForTimeout(300);
    return { first, again: await timeOpening(session, tab, popupPath, element) };
  } finally {
    await session.close();
  }
}

export async function benchPopup(): Promise<string[]> {
  if (!corpusPresent || !chromiumPresent) return ['popup figures skipped: needs the corpus and Chromium'];
  const popupRuns: { first: number; again: number }[] = [];
  const blankRuns: { first: number; again: number }[] = [];
  for (let run = 0; run < RUNS; run += 1) {
    popupRuns.push(await timeOpenings(POPUP, 'popup-outline'));
    blankRuns.push(await timeOpenings(BLANK_PAGE, null));
  }
  const first = median(popupRuns.map((run) => run.first));
  const again = median(popupRuns.map((run) => run.again));
  const blankFirst = median(blankRuns.map((run) => run.first));
  const blankAgain = median(blankRuns.map((run) => run.again));
  return [
    `popup, openPopup() to lcc-329 outline painted: ${again.toFixed(0)} ms (median of ${RUNS}; first opening ${first.toFixed(0)} ms)`,
    `blank extension page, openPopup() to first paint: ${blankAgain.toFixed(0)} ms (median of ${RUNS}; first opening ${blankFirst.toFixed(0)} ms)`,
    `popup / blank page time ratio: ${(again / blankAgain).toFixed(2)}`,
    `popup first opening / blank page time ratio: ${(first / blankFirst).toFixed(2)}`,
  ];
}

const WORST_CASE_RUNS = 3;

/**
 * The worst case of issue 13: a 5 MB page and source with tens of thousands of links. From
 * `openPopup()` to the episode's first frame painted, then from typing in the filter to the next
 * frame drawn. The popup reaches the bench only once its episode is painted: the client that hands
 * it over makes the tab of 5 MB spend 3-4 s on style and layout, which a listener's browser never does.
 */
async function timeWorstCase(): Promise<{ ready: number; input: number }> {
  const session = await launchExtension();
  try {
    await routeWorstCase(session.context);
    const tab = await session.openSitePage(WORST_CASE_PATH);
    const worker = await session.worker();
    const openedAt = await worker.evaluate(() => Date.now());
    const { script, painted } = watchFirstPaint(worker, 'popup-episode');
    const popup = await session.openPopup(tab, undefined, script, painted);
    const ready = (await painted).at - openedAt;
    // The filter is at the top of the links, a tab of their own.
    await popup.getByRole('tab', { name: /^Liens/ }).click();
    await popup.waitForSelector('input.filter');
    const input = await popup.evaluate(
      () =>
        new Promise<number>((done) => {
          const filter = document.querySelector<HTMLInputElement>('input.filter')!;
          const start = performance.now();
          filter.value = 'lien 1234';
          filter.dispatchEvent(new Event('input', { bubbles: true }));
          requestAnimationFrame(() => setTimeout(() => done(performance.now() - start)));
        }),
    );
    return { ready, input };
  } finally {
    await session.close();
  }
}

export async function benchWorstCase(): Promise<string[]> {
  if (!chromiumPresent) return ['worst-case figures skipped: needs Chromium'];
  const runs: { ready: number; input: number }[] = [];
  for (let run = 0; run < WORST_CASE_RUNS; run += 1) runs.push(await timeWorstCase());
  return [
    `worst-case source (5 MB) filter input to next frame ms: ${median(runs.map((run) => run.input)).toFixed(0)} (median of ${WORST_CASE_RUNS})`,
    `worst-case source (5 MB) popup ready ms: ${median(runs.map((run) => run.ready)).toFixed(0)}`,
  ];
}
