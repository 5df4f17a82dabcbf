/**
 * The archive's figures: its first ingest in Chromium (fetch, parse, digest and store the whole
 * corpus feed, served locally, until the catalogue can show it; then the search index and
 * citations derived from it) and a refresh that brings one entry, each against the DOMParser
 * floor (only parsing the same feed and its entries' content, in the same page); the search, as
 * shipped, in plain Node; and the catalogue's first paint with the whole archive and 10,000
 * events, against a blank extension page and a page of one module.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page, Worker } from 'playwright-core';
import { chromiumPresent, launchExtension } from '../test/e2e/support/browser';
import { CORPUS_DIR, corpusPresent } from '../test/support/corpus';
import type { ArchiveSearchTimings } from './archive-search-entry';
import { extensionWithBlankPage, medianFirstPaints } from './blankPage';
import { importHeavyJournal } from './journal';
import { runShipped } from './shipped';
import { median } from './timing';

/** Openings of the catalogue and of each floor page (see `RUNS` in journal.ts). */
const RUNS = 11;
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

/** Empties the archive, as before the first ingest; from an extension page, which shares the database. */
async function emptyArchive(page: Page): Promise<void> {
  await page.evaluate(
    () =>
      new Promise<void>((done, fail) => {
        const opening = indexedDB.open('lcc-companion');
        opening.onsuccess = () => {
          const stores = ['archive', 'archiveCards', 'archiveMeta', 'citations'];
          const transaction = opening.result.transaction(stores, 'readwrite');
          for (const store of stores) transaction.objectStore(store).clear();
          transaction.oncomplete = () => {
            opening.result.close();
            done();
          };
          transaction.onerror = () => fail(transaction.error ?? new Error('the archive could not be emptied'));
        };
      }),
  );
}

/** Milliseconds from `started` (the page's clock) until the archive has derived its index from every entry stored. */
async function derivedAfter(page: Page, started: number): Promise<number> {
  // No named functions inside: the page has not the helper tsx names them with.
  return page.evaluate(async (since) => {
    for (;;) {
      const underived = await new Promise<number>((done) => {
        const opening = indexedDB.open('lcc-companion');
        opening.onsuccess = () => {
          const read = opening.result.transaction('archiveMeta').objectStore('archiveMeta').get('entries');
          read.onsuccess = () => {
            opening.result.close();
            done((read.result as { underived?: string[] } | undefined)?.underived?.length ?? 1);
          };
        };
      });
      if (underived === 0) return performance.now() - since;
      await new Promise((wait) => setTimeout(wait, 10));
    }
  }, started);
}

/** One refresh, forced, as the journal asks it: until it answers (the archive stored), and until its index is derived. */
async function timedRefresh(page: Page): Promise<{ stored: number; derived: number }> {
  const { started, stored } = await page.evaluate(async () => {
    const started = performance.now();
    await (globalThis as unknown as ChromeApi).chrome.runtime.sendMessage({ type: 'archive/refresh', force: true });
    return { started, stored: performance.now() - started };
  });
  return { stored, derived: await derivedAfter(page, started) };
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

    // The refresh as the extension runs it: a first ingest fetched, read and stored by the
    // offscreen document; a refresh with one entry more fetched and compared by the background,
    // the entry read and stored in the document; indexed after. The floor parses in the journal's page.
    // Served without validators while timing, so that each refresh reads the feed, not a 304.
    const wholeFeed = readFileSync(join(CORPUS_DIR, 'feed.atom'), 'utf8');
    // The feed of the week before: the whole one without its newest entry.
    const firstEntry = wholeFeed.indexOf('<entry>');
    const feedBefore = wholeFeed.slice(0, firstEntry) + wholeFeed.slice(wholeFeed.indexOf('</entry>', firstEntry) + '</entry>'.length);
    session.audio.feed = wholeFeed;
    session.audio.feedEtag = false;
    const ingest: number[] = [];
    const ingestDerived: number[] = [];
    const floor: number[] = [];
    for (let run = 0; run < 3; run += 1) {
      await emptyArchive(journal);
      const timed = await timedRefresh(journal);
      ingest.push(timed.stored);
      ingestDerived.push(timed.derived);
      floor.push(await floorMs(journal));
    }
    const oneNew: number[] = [];
    const oneNewDerived: number[] = [];
    for (let run = 0; run < 3; run += 1) {
      session.audio.feed = feedBefore;
      await timedRefresh(journal);
      session.audio.feed = wholeFeed;
      const timed = await timedRefresh(journal);
      oneNew.push(timed.stored);
      oneNewDerived.push(timed.derived);
    }
    const entries = await journal.evaluate(async () => {
      const text = await (await fetch('https://lescastcodeurs.com/feed-intern.atom')).text();
      return new DOMParser().parseFromString(text, 'application/xml').getElementsByTagName('entry').length;
    });
    lines.push(
      `archive ingest of ${entries} entries: ${median(ingest).toFixed(0)} ms, search and citations ready after ${median(ingestDerived).toFixed(0)} ms; DOMParser alone over the feed and its entries: ${median(floor).toFixed(0)} ms (medians of 3)`,
      `archive ingest / DOMParser floor time ratio: ${(median(ingest) / median(floor)).toFixed(2)}`,
      `archive refresh with 1 new entry: ${median(oneNew).toFixed(0)} ms, search and citations ready after ${median(oneNewDerived).toFixed(0)} ms (medians of 3)`,
      `archive refresh with 1 new entry / DOMParser floor time ratio: ${(median(oneNew) / median(floor)).toFixed(2)}`,
    );

    await importHeavyJournal(session);
    // Another journal tab redraws on what each opening writes (its refresh, its sync), on the same thread.
    await journal.close();
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
