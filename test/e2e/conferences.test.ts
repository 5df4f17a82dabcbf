/** The conference agenda in Chromium, from the archive of the corpus, on a fixed day. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ICAL from 'ical.js';
import { DOMParser } from 'linkedom';
import { expect } from 'vitest';
import { inChromium, it } from './support/fixtures';
import { parseFeed, type DocumentParser } from '../../src/platform/html/feed';
import { cfpDaysLeft, upcoming } from '../../src/core/conferences/agenda';
import { mergeConferences } from '../../src/core/conferences/conference';
import { CORPUS_DIR } from '../support/corpus';
import { keepDownloads } from './support/browser';

const TODAY = '2026-05-01';

inChromium('the conferences in Chromium', () => {
  it('lists the upcoming conferences of the archive by month, filters the open CfPs, and exports them as .ics', async ({ launch }) => {
    const episodes = parseFeed(readFileSync(join(CORPUS_DIR, 'feed.atom'), 'utf8'), new DOMParser() as unknown as DocumentParser);
    const coming = upcoming(mergeConferences(episodes.sort((a, b) => b.publishedOn.localeCompare(a.publishedOn))), TODAY);
    const open = coming.filter((conference) => cfpDaysLeft(conference, TODAY) !== null);

    const session = await launch({ feed: true });
    const journal = await session.context.newPage();
    await journal.goto(`chrome-extension://${session.extensionId}/options/index.html#episodes`);
    await expect
      .poll(() => journal.locator('.episode-list .year .row').count(), { timeout: 30_000 })
      .toBe(new Set(episodes.map((episode) => episode.id)).size);

    const agenda = await session.context.newPage();
    await agenda.clock.setFixedTime(new Date(`${TODAY}T10:00:00`));
    const downloads = await keepDownloads(agenda);
    await agenda.goto(`chrome-extension://${session.extensionId}/options/index.html#conferences`);
    await expect.poll(() => agenda.locator('.conferences .month .conference').count(), { timeout: 15_000 }).toBe(coming.length);
    expect(await agenda.locator('.conferences .month h3').first().textContent()).toBe('mai 2026');

    await agenda.getByLabel('CfP ouvert seulement').check();
    await expect.poll(() => agenda.locator('.conferences .month .conference').count()).toBe(open.length);
    const download = agenda.waitForEvent('download');
    await agenda.getByRole('button', { name: 'Exporter les conférences à venir (.ics)' }).click();
    expect((await download).suggestedFilename()).toBe('lcc-companion-conferences.ics');
    const text = await downloads.lastDownload();
    const events = new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent');
    expect(events.map((event) => event.getFirstPropertyValue('summary'))).toEqual(open.map((conference) => conference.name));
  });
});
