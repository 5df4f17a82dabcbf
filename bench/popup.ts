/**
 * Popup speed in Chromium: from `chrome.action.openPopup()` to the first frame with the outline
 * and links of the largest episode (lcc-329), against a blank extension page opened the same
 * way (to its first paint). Medians of several runs.
 */
import { chromiumPresent, launchExtension } from '../test/e2e/support/browser';
import { corpusPresent } from '../test/support/corpus';
import { routeWorstCase, WORST_CASE_PATH } from '../test/e2e/support/worstCase';
import { BLANK_PAGE, extensionWithBlankPage, paintedAt } from './blankPage';
import { median } from './timing';

const LARGEST_EPISODE = '/2025/08/14/lcc-329-l-ia-ce-super-stagiaire-qui-nous-fait-travailler-plus/';
const RUNS = 7;

type ActionApi = { chrome: { action: { setPopup(details: { popup: string }): Promise<void> } } };

async function timeOpen(popupPath: string, element: string | null): Promise<number> {
  const session = await launchExtension({ dist: extensionWithBlankPage() });
  try {
    const worker = await session.worker();
    await worker.evaluate((path) => (globalThis as unknown as ActionApi).chrome.action.setPopup({ popup: path }), popupPath);
    const tab = await session.openSitePage(LARGEST_EPISODE);
    await tab.waitForTimeout(500);
    const openedAt = await worker.evaluate(() => Date.now());
    const popup = await session.openPopup(tab, popupPath);
    return (await paintedAt(popup, element)) - openedAt;
  } finally {
    await session.close();
  }
}

export async function benchPopup(): Promise<string[]> {
  if (!corpusPresent || !chromiumPresent) return ['popup figures skipped: needs the corpus and Chromium'];
  const popupTimes: number[] = [];
  const blankTimes: number[] = [];
  for (let run = 0; run < RUNS; run += 1) {
    popupTimes.push(await timeOpen('popup/index.html', 'popup-links'));
    blankTimes.push(await timeOpen(BLANK_PAGE, null));
  }
  const popup = median(popupTimes);
  const blank = median(blankTimes);
  return [
    `popup, openPopup() to lcc-329 outline and links painted: ${popup.toFixed(0)} ms (median of ${RUNS})`,
    `blank extension page, openPopup() to first paint: ${blank.toFixed(0)} ms (median of ${RUNS})`,
    `popup / blank page time ratio: ${(popup / blank).toFixed(2)}`,
  ];
}

const WORST_CASE_RUNS = 3;

/**
 * The worst case of issue 13: a 5 MB page and source with tens of thousands of links. From
 * `openPopup()` to the episode's first frame painted, then from typing in the filter to the next frame drawn.
 */
async function timeWorstCase(): Promise<{ ready: number; input: number }> {
  const session = await launchExtension();
  try {
    await routeWorstCase(session.context);
    const tab = await session.openSitePage(WORST_CASE_PATH);
    const worker = await session.worker();
    const openedAt = await worker.evaluate(() => Date.now());
    const popup = await session.openPopup(tab);
    const ready = (await paintedAt(popup, 'popup-episode')) - openedAt;
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
