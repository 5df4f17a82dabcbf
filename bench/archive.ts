/**
 * The archive's figures: its ingest in Chromium (fetch, parse, digest, store and index the whole
 * corpus feed, served locally) against the DOMParser floor (only parsing the same feed and its
 * entries' content, in the same page); the search, as shipped, in plain Node; and the catalogue's
 * first paint with the whole archive and 10,000 events, against a blank extension page.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page, Route, Worker } from 'playwright-core';
import { chromiumPresent, launchExtension } from '../test/e2e/support/browser';
import { CORPUS_DIR, corpusPresent } from '../test/support/corpus';
import type { ArchiveSearchTimings } from './archive-search-entry';
import { extensionWithBlankPage, medianFirstPaints } from './blankPage';
import { importHeavyJournal } from './journal';
import { runShipped } from './shipped';
import { median } from './timing';

const RUNS = 5;
type ChromeApi = {
  chrome: { offscreen: { hasDocument(): Promise<boolean> }; runtime: { sendMessage(message: object): Promise<unknown> } };
};

function percentile(values: number[], share: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(share * sorted.length))]!;
}

/** Waits for the archive downloaded at install, so that nothing else runs while timing. */
async function archiveReady(worker: Worker, journal: Page): Promise<void> {
  await journal.locator('.archive-status', { hasText: 'épisodes, mise à jour' }).waitFor({ timeout: 120_000 });
  for (
    let attempt = 0;
    attempt < 200 && (await worker.evaluate(() => (globalThis as unknown as ChromeApi).chrome.offscreen.hasDocument()));
    attempt += 1
  ) {
    await journal.waitForTimeout(50);
  }
}

async function floorMs(page: Page): Promise<number> {
  return page.evaluate(async () => {
    const text = await (await fetch('https://lescastcodeurs.com/feed-intern.atom')).text();
    const started = performance.now();
    const parser = new DOMParser();
    const feed = parser.parseFromString(text, 'application/xml');
    for (const content of Array.from(feed.getElementsByTagName('content'))) parser.parseFromString(content.textContent ?? '', 'text/html');
    return performance.now() - started;
  });
}

export async function benchArchive(): Promise<string[]> {
  if (!corpusPresent || !chromiumPresent) return ['archive figures skipped: needs the corpus and Chromium'];
  const lines: string[] = [];
  const session = await launchExtension({ dist: extensionWithBlankPage(), feed: true });
  try {
    const worker = await session.worker();
    const journal = await session.context.newPage();
    await journal.goto(`chrome-extension://${session.extensionId}/options/index.html#episodes`);
    await archiveReady(worker, journal);

    // The whole refresh as the extension runs it: fetched by the background, parsed in the
    // offscreen document, digested, indexed and stored; the floor parses in the journal's page.
    // Served without validators while timing, so that each refresh is a whole ingest, not a 304.
    const feedUrl = 'https://lescastcodeurs.com/feed-intern.atom';
    const wholeFeed = readFileSync(join(CORPUS_DIR, 'feed.atom'));
    const serveWhole = (route: Route) =>
      route.fulfill({ status: 200, contentType: 'application/atom+xml; charset=utf-8', body: wholeFeed });
    await session.context.route(feedUrl, serveWhole);
    const ingest: number[] = [];
    const floor: number[] = [];
    for (let run = 0; run < 3; run += 1) {
      ingest.push(
        await journal.evaluate(async () => {
          const started = performance.now();
          await (globalThis as unknown as ChromeApi).chrome.runtime.sendMessage({ type: 'archive/refresh', force: true });
          return performance.now() - started;
        }),
      );
      floor.push(await floorMs(journal));
    }
    await session.context.unroute(feedUrl, serveWhole);
    const entries = await journal.evaluate(async () => {
      const text = await (await fetch('https://lescastcodeurs.com/feed-intern.atom')).text();
      return new DOMParser().parseFromString(text, 'application/xml').getElementsByTagName('entry').length;
    });
    lines.push(
      `archive ingest of ${entries} entries: ${median(ingest).toFixed(0)} ms; DOMParser alone over the feed and its entries: ${median(floor).toFixed(0)} ms (medians of 3)`,
      `archive ingest / DOMParser floor time ratio: ${(median(ingest) / median(floor)).toFixed(2)}`,
    );

    await importHeavyJournal(session);
    const catalogue = await medianFirstPaints(session, 'options/index.html#episodes', 'journal-episodes', RUNS);
    lines.push(
      `catalogue first paint (${entries} archive episodes, 10000 events): ${catalogue.page.toFixed(0)} ms; blank extension page: ${catalogue.blank.toFixed(0)} ms; page of one module: ${catalogue.module.toFixed(0)} ms (medians of ${RUNS})`,
      `catalogue / blank page paint ratio: ${(catalogue.page / catalogue.blank).toFixed(2)}`,
      `catalogue / module page paint ratio: ${(catalogue.page / catalogue.module).toFixed(2)}`,
    );
  } finally {
    await session.close();
  }

  const search = await runShipped<ArchiveSearchTimings>(
    fileURLToPath(new URL('./archive-search-entry.ts', import.meta.url)),
    'measureArchiveSearch',
    join(CORPUS_DIR, 'feed.atom'),
  );
  lines.push(
    `archive search over ${search.episodes} episodes, 50 queries x 5: median and 95th percentile`,
    `archive search median ms: ${median(search.times).toFixed(2)} p95 ms: ${percentile(search.times, 0.95).toFixed(2)}`,
    `archive search index bytes: ${search.indexBytes}`,
  );
  return lines;
}
