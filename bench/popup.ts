/**
 * Popup speed in Chromium: from `chrome.action.openPopup()` to the first frame with the outline
 * and links of the largest episode (lcc-329), against a blank extension page opened the same
 * way (to its first paint). Medians of several runs.
 */
import { chromiumPresent, launchExtension } from '../test/e2e/support/browser';
import { corpusPresent } from '../test/support/corpus';
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
