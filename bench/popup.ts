/**
 * Popup speed in Chromium: from `chrome.action.openPopup()` to the first frame with the outline
 * and links of the largest episode (lcc-329), against a blank extension page opened the same
 * way. Medians of several runs.
 */
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { corpusPresent } from '../test/support/corpus';
import { chromiumPresent, DIST, launchExtension } from '../test/e2e/support/browser';
import { median } from './timing';

const LARGEST_EPISODE = '/2025/08/14/lcc-329-l-ia-ce-super-stagiaire-qui-nous-fait-travailler-plus/';
const RUNS = 7;

/** The built extension plus a blank page to compare with, in a folder of its own. */
function extensionWithBlankPage(): string {
  const dir = mkdtempSync(join(tmpdir(), 'lcc-bench-dist-'));
  cpSync(DIST, dir, { recursive: true });
  writeFileSync(join(dir, 'blank.html'), '<!doctype html><meta charset="utf-8"><title>blank</title><p>blank</p>');
  return dir;
}

async function timeOpen(popupPath: string, readyAt: string): Promise<number> {
  const session = await launchExtension({ dist: extensionWithBlankPage() });
  try {
    await (await session.worker()).evaluate((path) => (globalThis as unknown as { chrome: { action: { setPopup(d: object): Promise<void> } } }).chrome.action.setPopup({ popup: path }), popupPath);
    const tab = await session.openSitePage(LARGEST_EPISODE);
    await tab.waitForTimeout(500);
    const openedAt = await (await session.worker()).evaluate(() => Date.now());
    const popup = await session.openPopup(tab, popupPath);
    const readyEpoch = await popup.waitForFunction(readyAt, undefined, { timeout: 20_000 }).then((handle) => handle.jsonValue());
    return (readyEpoch as number) - openedAt;
  } finally {
    await session.close();
  }
}

export async function benchPopup(): Promise<string[]> {
  if (!corpusPresent || !chromiumPresent) return ['popup figures skipped: needs the corpus and Chromium'];
  const painted = `(() => { const mark = performance.getEntriesByName('lcc:episode-painted')[0]; return mark && document.querySelector('.outline-entry') && document.querySelector('a.link-open') ? performance.timeOrigin + mark.startTime : null; })()`;
  const loaded = `(() => { const nav = performance.getEntriesByType('navigation')[0]; return nav && nav.loadEventEnd > 0 ? performance.timeOrigin + nav.loadEventEnd : null; })()`;
  const popupTimes: number[] = [];
  const blankTimes: number[] = [];
  for (let run = 0; run < RUNS; run += 1) {
    popupTimes.push(await timeOpen('popup/index.html', painted));
    blankTimes.push(await timeOpen('blank.html', loaded));
  }
  const popup = median(popupTimes);
  const blank = median(blankTimes);
  return [
    `popup, openPopup() to lcc-329 outline and links painted: ${popup.toFixed(0)} ms (median of ${RUNS})`,
    `blank extension page, openPopup() to loaded: ${blank.toFixed(0)} ms (median of ${RUNS})`,
    `popup / blank page time ratio: ${(popup / blank).toFixed(2)}`,
  ];
}
