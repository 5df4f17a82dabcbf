/**
 * The journal with a heavy listener's data: 340 cached episodes (the corpus, repeated) and
 * 10,000 events, then a listener synced from a phone for years (100,000 events). Figures: the
 * options page's first paint of the history against a blank extension page, and the import of
 * the export file through the page, each for both.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseMarkdownPost } from '../src/core/episode/markdown';
import type { Episode } from '../src/core/episode/model';
import { exportFileOf, type ExportFile } from '../src/core/formats/exportFile';
import type { ListeningEvent, ListeningState } from '../src/core/records';
import { chromiumPresent, launchExtension, type ExtensionSession } from '../test/e2e/support/browser';
import { corpusPresent, postFiles, readPost } from '../test/support/corpus';
import { extensionWithBlankPage, medianFirstPaints } from './blankPage';

const EPISODES = 340;
const EVENTS = 10_000;
const MANY_EVENTS = 100_000;
/**
 * Page openings per figure. A paint time moves in 4 ms steps and with the frame it lands in: with
 * five, the catalogue / module page ratio of one build read 1.14, 1.73 and 1.50 in three runs.
 */
const RUNS = 11;

function heavyExport(eventCount: number): ExportFile {
  const posts = postFiles();
  const episodes: Episode[] = Array.from({ length: EPISODES }, (_, index) => {
    const file = posts[index % posts.length]!;
    const episode = parseMarkdownPost(readPost(file), file);
    return index < posts.length
      ? episode
      : { ...episode, id: `${episode.id}-copy-${index}`, url: episode.url.replace(/\/$/, `-copy-${index}/`) };
  });
  const listening: ListeningState[] = episodes.map((episode, index) => ({
    episodeId: episode.id,
    listenedOn: `20${String(15 + (index % 11)).padStart(2, '0')}-${String(1 + (index % 12)).padStart(2, '0')}-15`,
    bookmarkedAt: index % 7 === 0 ? '2026-01-01T10:00:00.000Z' : null,
    note: index % 5 === 0 ? 'À réécouter' : '',
    rating: null,
    updatedAt: '2026-01-01T10:00:00.000Z',
  }));
  const kinds = ['listened', 'unlistened', 'bookmarked', 'unbookmarked', 'note-edited'] as const;
  const events: ListeningEvent[] = Array.from({ length: eventCount }, (_, index) => ({
    episodeId: episodes[index % EPISODES]!.id,
    kind: kinds[index % kinds.length]!,
    at: new Date(Date.UTC(2015, 0, 1) + index * 3_600_000).toISOString(),
  }));
  const file = exportFileOf(
    {
      episodes: episodes.map((episode) => ({ url: episode.url, episode, source: 'markdown', etag: null, checkedAt: 0 })),
      listening,
      events,
    },
    new Date('2026-11-28T10:00:00.000Z'),
  );
  return { ...file, version: 1 };
}

/** Imports a heavy listener's export file through the journal's page; returns how long it took. */
export async function importHeavyJournal(session: ExtensionSession, eventCount = EVENTS): Promise<{ total: number; preview: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'lcc-bench-journal-'));
  const exportPath = join(dir, 'lcc-companion-export-2026-11-28.json');
  writeFileSync(exportPath, JSON.stringify(heavyExport(eventCount)));
  const page = await session.context.newPage();
  await page.goto(`chrome-extension://${session.extensionId}/options/index.html#data`);
  const started = Date.now();
  await page.setInputFiles('#import-file', exportPath);
  await page.locator('.preview-counts').waitFor({ timeout: 600_000 });
  const previewed = Date.now();
  await page.getByRole('button', { name: 'Importer', exact: true }).click();
  await page.getByText('Import terminé.').waitFor({ timeout: 600_000 });
  const done = Date.now();
  await page.close();
  return { total: done - started, preview: previewed - started };
}

export async function benchJournal(): Promise<string[]> {
  if (!corpusPresent || !chromiumPresent) return ['journal figures skipped: needs the corpus and Chromium'];
  const session = await launchExtension({ dist: extensionWithBlankPage() });
  const lines: string[] = [];
  try {
    const imported = await importHeavyJournal(session);
    lines.push(
      `journal import of the export file (${EPISODES} episodes, ${EVENTS} events, through the page): ${imported.total} ms (${imported.preview} ms to read, check and preview it, ${imported.total - imported.preview} ms to write it)`,
    );

    const history = await medianFirstPaints(session, 'options/index.html#history', 'journal-history', RUNS);
    lines.push(
      `journal history first paint: ${history.page.toFixed(0)} ms; blank extension page, first paint: ${history.blank.toFixed(0)} ms (medians of ${RUNS})`,
    );
    lines.push(`journal history / blank page time ratio: ${(history.page / history.blank).toFixed(2)}`);

    // A listener synced from a phone for years: ten times the events, in a browser of its own.
    const heavier = await launchExtension({ dist: extensionWithBlankPage() });
    try {
      const many = await importHeavyJournal(heavier, MANY_EVENTS);
      const manyHistory = await medianFirstPaints(heavier, 'options/index.html#history', 'journal-history', RUNS);
      lines.push(
        `journal import of ${MANY_EVENTS} events: ${many.total} ms (${many.preview} ms to read, check and preview it); history first paint: ${manyHistory.page.toFixed(0)} ms, blank page ${manyHistory.blank.toFixed(0)} ms (medians of ${RUNS})`,
        `journal import ${MANY_EVENTS} / ${EVENTS} events time ratio: ${(many.total / imported.total).toFixed(2)}`,
        `journal history (${MANY_EVENTS} events) / blank page time ratio: ${(manyHistory.page / manyHistory.blank).toFixed(2)}`,
      );
    } finally {
      await heavier.close();
    }
  } finally {
    await session.close();
  }
  return lines;
}
