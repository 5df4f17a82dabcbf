/** The archive from a fresh install, in Chromium, with the corpus feed served as the site serves it. */
import { mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DOMParser } from 'linkedom';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { inChromium, it } from './support/fixtures';
import { SCREENSHOTS } from './support/screenshots';
import { citationsOf, citedBy } from '../../src/core/archive/citations';
import { parseFeed, type DocumentParser } from '../../src/platform/html/feed';
import { CORPUS_DIR, corpusPresent } from '../support/corpus';
import { distGranting, type ExtensionSession } from './support/browser';

type ChromeApi = {
  chrome: {
    runtime: { sendMessage(message: unknown): Promise<unknown> };
    notifications: { getAll(): Promise<Record<string, boolean>> };
    action: { getBadgeText(details: object): Promise<string> };
  };
};

const episodes = corpusPresent
  ? parseFeed(readFileSync(join(CORPUS_DIR, 'feed.atom'), 'utf8'), new DOMParser() as unknown as DocumentParser)
  : [];
/** The catalogue's rows: one per episode, two posts of one episode (LCC 25) being one. */
const catalogueSize = new Set(episodes.map((episode) => episode.id)).size;

inChromium('the archive in Chromium', () => {
  /** A fresh install that downloads the corpus feed, and its journal open on `view`. */
  async function journalWithArchive(launch: (options: { feed: true }) => Promise<ExtensionSession>, view: string) {
    const session = await launch({ feed: true });
    const journal = await session.context.newPage();
    await journal.goto(`chrome-extension://${session.extensionId}/options/index.html#${view}`);
    return { session, journal };
  }

  it('lists every entry of the feed in the episode list, and marks everything up to LCC 100 listened, then undoes it', async ({
    launch,
  }) => {
    const { session, journal } = await journalWithArchive(launch, 'episodes');
    await expect.poll(() => journal.locator('.episode-list .year .row').count(), { timeout: 30_000 }).toBe(catalogueSize);
    expect(await journal.locator('.progress').textContent()).toContain(`0 écoutés sur ${catalogueSize}`);
    // LCC 25's video was announced in a post of its own, naming the same mp3: one number, one post (issue 24, 2).
    expect(await journal.locator('.archive-status').textContent()).toContain('Une entrée du flux a été écartée');
    mkdirSync(SCREENSHOTS, { recursive: true });
    await journal.screenshot({ path: resolve(SCREENSHOTS, 'catalogue-archive-status.png') });

    const upTo100 = new Set(episodes.filter((episode) => episode.number !== null && episode.number <= 100).map((episode) => episode.id))
      .size;
    // Folded under its summary, so that the catalogue's first screen shows episodes.
    expect(await journal.getByLabel('Tout marquer écouté jusqu’à LCC').isVisible()).toBe(false);
    await journal.getByText('Marquer d’un coup ce que vous avez déjà écouté').click();
    await journal.getByLabel('Tout marquer écouté jusqu’à LCC').fill('100');
    await expect.poll(() => journal.locator('.bulk [role="status"]').textContent()).toContain(`${upTo100} épisode(s) passeront`);
    await journal.getByRole('button', { name: 'Marquer écoutés' }).click();
    await expect.poll(() => journal.locator('.progress').textContent()).toContain(`${upTo100} écoutés sur ${catalogueSize}`);
    // Said in the listener's words (issue 20): no batch id, and no day, since none is known.
    expect(await journal.locator('.bulk p.ok').textContent()).toBe(`${upTo100} épisode(s) marqué(s) écouté(s), date inconnue. Annuler`);
    // The history names them by number and title, from the archive, newest first; never by id.
    const history = await session.context.newPage();
    await history.goto(`chrome-extension://${session.extensionId}/options/index.html#history`);
    const names = history.locator('.history .episode-name');
    // The history draws 50 at a time.
    await expect.poll(() => names.count()).toBe(Math.min(upTo100, 50));
    expect(await names.first().textContent()).toMatch(/^LCC 100 /);
    // In one group of their own, counted whole, and in no month.
    expect(await history.locator('.history h3').allTextContents()).toEqual([`Écoutés, date inconnue : ${upTo100}`]);
    expect((await names.allTextContents()).filter((name) => /^lcc-\d+$/.test(name.trim()))).toEqual([]);
    mkdirSync(SCREENSHOTS, { recursive: true });
    await history.screenshot({ path: resolve(SCREENSHOTS, 'history-after-bulk-mark.png') });
    await history.close();
    await journal.getByRole('button', { name: 'Annuler' }).click();
    await expect.poll(() => journal.locator('.progress').textContent()).toContain(`0 écoutés sur ${catalogueSize}`);

    // In place: a row's toggles, and the filter that follows them.
    const first = journal.locator('.episode-list .year .row').first();
    await first.getByRole('button', { name: 'Écouté' }).click();
    await expect.poll(() => journal.locator('.progress').textContent()).toContain(`1 écoutés sur ${catalogueSize}`);
    const toast = journal.locator('.toast-region');
    await expect.poll(() => toast.textContent()).toMatch(/^LCC \d+ marqué écouté\.Annuler/);
    // Taking the mark off by mistake erases the day it was heard: the toast gives it back.
    const heardOn = await first.locator('.heard-on').textContent();
    await first.getByRole('button', { name: 'Écouté' }).click();
    await expect.poll(() => toast.textContent()).toMatch(/^LCC \d+ n’est plus marqué écouté\./);
    // The toast comes once the write is done; the row, once the journal has read it back.
    await expect.poll(() => first.locator('.heard-on').count()).toBe(0);
    await toast.getByRole('button', { name: 'Annuler' }).focus();
    await journal.keyboard.press('Enter');
    await expect.poll(() => first.locator('.heard-on').textContent()).toBe(heardOn);
    expect(await toast.textContent()).toBe('');
    // The focus goes back to the toggle the toast answered, not to the page's start.
    expect(await first.getByRole('button', { name: 'Écouté' }).evaluate((toggle) => toggle === document.activeElement)).toBe(true);

    // The rest is in the row's menu, by keyboard too: heard on a day the listener does not know, the queue, the link.
    const second = journal.locator('.episode-list .year .row').nth(1);
    const more = second.getByRole('button', { name: /^Autres actions pour LCC \d+/ });
    await more.focus();
    await journal.keyboard.press('ArrowDown');
    const menu = second.getByRole('menu');
    expect(await menu.getByRole('menuitem').allTextContents()).toEqual([
      'Marquer écouté, date inconnue',
      'Ajouter à « À écouter ensuite »',
      'Copier le lien de l’épisode',
    ]);
    await journal.keyboard.press('Enter');
    await expect.poll(() => toast.textContent()).toMatch(/^LCC \d+ marqué écouté, date inconnue\.Annuler/);
    await expect.poll(() => second.locator('.heard-on').textContent()).toBe('Écouté, date inconnue');
    expect(await menu.count()).toBe(0);
    expect(await more.evaluate((button) => button === document.activeElement)).toBe(true);
    // Heard on a day unknown, the episode no longer offers it.
    await more.click();
    expect(await menu.getByRole('menuitem').allTextContents()).toEqual(['Ajouter à « À écouter ensuite »', 'Copier le lien de l’épisode']);
    await journal.keyboard.press('Escape');
    await expect.poll(() => menu.count()).toBe(0);
    expect(await more.evaluate((button) => button === document.activeElement)).toBe(true);
    // An extension page's origin is opaque to the permission a test would need to read the clipboard
    // back: what is written is noted on its way there, and the browser's clipboard still writes it.
    await journal.evaluate(() => {
      const write = navigator.clipboard.writeText.bind(navigator.clipboard);
      navigator.clipboard.writeText = (text) => write(text).then(() => void document.body.setAttribute('data-copied', text));
    });
    await more.click();
    await menu.getByRole('menuitem', { name: 'Copier le lien de l’épisode' }).click();
    await expect.poll(() => toast.textContent()).toMatch(/^Lien de LCC \d+ copié\./);
    expect(await journal.locator('body').getAttribute('data-copied')).toBe(await second.locator('a.episode-name').getAttribute('href'));

    await first.getByRole('button', { name: 'Favori' }).click();
    await journal.getByRole('radio', { name: 'Favoris' }).check();
    await expect.poll(() => journal.locator('.episode-list .year .row').count()).toBe(1);

    // On a phone the row is one line: ✓ and ★ are marks by the date, and their toggles are in the menu.
    await journal.setViewportSize({ width: 360, height: 800 });
    const favourite = journal.locator('.episode-list .year .row');
    expect(await favourite.locator('.marks .icon').count()).toBe(2);
    expect(await favourite.getByRole('button', { name: 'Favori' }).isVisible()).toBe(false);
    await favourite.getByRole('button', { name: /^Autres actions pour LCC \d+/ }).click();
    expect(await favourite.getByRole('menu').getByRole('menuitem').allTextContents()).toEqual([
      'Marquer non écouté',
      'Marquer écouté, date inconnue',
      'Retirer des favoris',
      'Ajouter à « À écouter ensuite »',
      'Copier le lien de l’épisode',
    ]);
    await favourite.getByRole('menuitem', { name: 'Retirer des favoris' }).click();
    await expect.poll(() => journal.locator('.episode-list .year .row').count()).toBe(0);
  });

  it('counts and lists the whole archive from its first frame: from the copy kept last time, else once the archive is read', async ({
    launch,
  }) => {
    const { session, journal } = await journalWithArchive(launch, 'episodes');
    await expect.poll(() => journal.locator('.episode-list .year .row').count(), { timeout: 30_000 }).toBe(catalogueSize);
    // Every count the page draws, from its first frame (a string: the page runs it as it starts).
    // And the rows its first frame draws: the first batch of rows that reaches the page.
    const recordCounts = `window.counts = []; window.firstRows = 0; new MutationObserver(() => {
      const count = document.querySelector('.progress')?.textContent;
      if (count && window.counts.at(-1) !== count) window.counts.push(count);
      window.firstRows ||= document.querySelectorAll('.episode-list .year .row').length;
    }).observe(document, { subtree: true, childList: true, characterData: true });`;
    const drawn = async () => {
      const page = await session.context.newPage();
      await page.addInitScript(recordCounts);
      await page.goto(`chrome-extension://${session.extensionId}/options/index.html#episodes`);
      await expect.poll(() => page.locator('.episode-list .year .row').count()).toBe(catalogueSize);
      const seen = await page.evaluate(() => {
        const { counts, firstRows } = window as unknown as { counts: string[]; firstRows: number };
        return { counts, firstRows, windowRows: Math.ceil(window.outerHeight / 60) + 1 };
      });
      await page.close();
      return seen;
    };
    const whole = [` 0 écoutés sur ${catalogueSize}, 0 %`];
    const again = await drawn();
    expect(again.counts).toEqual(whole);
    // The page's tools take the top of the window: a visit after the first draws only the rows that fit below them.
    expect(again.firstRows).toBeGreaterThan(0);
    expect(again.firstRows).toBeLessThan(again.windowRows);
    await journal.evaluate(() => localStorage.clear());
    const afresh = await drawn();
    expect(afresh.counts).toEqual(whole);
    // Where the rows start unknown, the first frame fills the window.
    expect(afresh.firstRows).toBe(afresh.windowRows);
  });

  it('finds an episode by a word of one of its links', async ({ launch }) => {
    const { session, journal } = await journalWithArchive(launch, 'episodes');
    await expect.poll(() => journal.locator('.episode-list .year .row').count(), { timeout: 30_000 }).toBe(catalogueSize);
    // The search field is in the header of every view.
    await journal.getByLabel('Chercher dans tous les épisodes : titres, sections, nouvelles, liens, adresses').fill('asciidoctor-maven');
    // The index is derived after the archive is stored and listed: it may come a few seconds later.
    await expect.poll(() => journal.locator('.hits > li').count(), { timeout: 20_000 }).toBeGreaterThan(0);
    expect(await journal.locator('.hits').textContent()).toContain('LCC 318');
    // Each episode once (issue 21, 2), with the words found marked.
    const names = await journal.locator('.hits .episode-name').allTextContents();
    expect(new Set(names).size).toBe(names.length);
    expect(await journal.locator('.hits mark').first().textContent()).toMatch(/^asciidoctor/i);

    // A word only a paragraph of the notes holds (issue 21, 1).
    await journal.getByLabel('Chercher dans tous les épisodes : titres, sections, nouvelles, liens, adresses').fill('graal');
    await expect.poll(() => journal.locator('.hits > li').count()).toBeGreaterThan(3);
    // Each result can be played from where it is, named by its episode.
    const first = journal.locator('.hits > li').first();
    await expect.poll(() => first.getByRole('button', { name: /^Écouter LCC 191 / }).count()).toBe(1);
    expect(await first.locator('.when').textContent()).toMatch(/^\d+ \S+ \d{4}$/);
    mkdirSync(SCREENSHOTS, { recursive: true });
    await journal.screenshot({ path: resolve(SCREENSHOTS, 'search-graal.png') });

    // By keyboard: arrows from the field through the results' links, and back; `/` returns to the field.
    const focused = () => journal.evaluate(() => document.activeElement?.textContent?.trim() ?? '');
    const search = journal.locator('#search-query');
    await search.press('ArrowDown');
    expect(await focused()).toBe(await journal.locator('.hits .episode-name').first().textContent());
    await journal.keyboard.press('ArrowDown');
    expect(await focused()).toBe((await journal.locator('.passages > li > a').first().textContent())?.trim());
    await journal.keyboard.press('ArrowUp');
    await journal.keyboard.press('ArrowUp');
    expect(await journal.evaluate(() => document.activeElement?.id)).toBe('search-query');
    await journal.keyboard.press('ArrowDown');
    await journal.keyboard.press('/');
    expect(await journal.evaluate(() => document.activeElement?.id)).toBe('search-query');

    // A word of a paragraph only: the words around it, marked, in place of a passage.
    await search.fill('relecteurs');
    const excerpt = journal.locator('.hits > li').first().locator('.passages > li');
    await expect.poll(() => excerpt.textContent(), { timeout: 15_000 }).toMatch(/relecteurs/i);
    expect(await excerpt.locator('mark').allTextContents()).toEqual(['relecteurs']);
    // A phrase: its words one after the other.
    await search.fill('"graal vm"');
    await expect.poll(() => journal.locator('.hits > li').count()).toBe(0);
    await search.fill('"mcp server"');
    await expect.poll(() => journal.locator('.hits > li').count()).toBeGreaterThan(0);

    // An address followed in the open journal searches too, its words in the field.
    await journal.goto(`chrome-extension://${session.extensionId}/options/index.html#episodes`);
    await journal.goto(`chrome-extension://${session.extensionId}/options/index.html#search?q=relecteurs`);
    await expect.poll(() => search.inputValue()).toBe('relecteurs');
    await expect.poll(() => journal.locator('.hits mark').first().textContent()).toMatch(/relecteurs/i);
  });

  it('shows under a link of the popup the other episodes that cite it', async ({ launch }) => {
    const cited = citationsOf(Object.fromEntries(episodes.map((episode) => [episode.url, citedBy(episode)])), episodes).find(
      (citation) => citation.url === 'https://github.com/asciidoctor/asciidoctor-maven-plugin',
    )!;
    const { session, journal } = await journalWithArchive(launch, 'episodes');
    await expect.poll(() => journal.locator('.episode-list .year .row').count(), { timeout: 30_000 }).toBe(catalogueSize);
    const page318 = cited.episodes.find((episode) => episode.number === 318)!;
    const tab = await session.openSitePage(new URL(page318.url).pathname);
    const popup = await session.openPopup(tab);
    const link = popup.locator('li.link', { has: popup.locator(`a.link-open[href="${cited.url}"]`) });
    await expect.poll(() => link.locator('.also-in').textContent()).toBe('aussi dans LCC 144');
  });

  describe('a new episode', () => {
    let granted: ReturnType<typeof distGranting>;
    beforeAll(() => {
      granted = distGranting([], ['notifications']);
    });
    afterAll(() => granted.remove());

    it('says a new episode came: "1" on the badge, "nouveau" in the catalogue, a notification when chosen', async ({ launch }) => {
      const wholeFeed = readFileSync(join(CORPUS_DIR, 'feed.atom'), 'utf8');
      const newest = wholeFeed.indexOf('<entry>');
      const feedBefore = wholeFeed.slice(0, newest) + wholeFeed.slice(wholeFeed.indexOf('</entry>', newest) + '</entry>'.length);
      const newestEpisode = episodes[0]!;
      const session = await launch({ dist: granted.dist });
      session.audio.feed = feedBefore;
      const journal = await session.context.newPage();
      await journal.goto(`chrome-extension://${session.extensionId}/options/index.html#settings`);
      const refresh = () =>
        journal.evaluate(() => (globalThis as unknown as ChromeApi).chrome.runtime.sendMessage({ type: 'archive/refresh', force: true }));
      await refresh();

      // The listener chooses the notification: the permission is asked in that click (granted here at install).
      await journal.getByRole('radio', { name: 'Oui, par une notification' }).check();
      await expect.poll(() => journal.getByRole('radio', { name: 'Oui, par une notification' }).isChecked()).toBe(true);

      session.audio.feed = wholeFeed;
      await refresh();
      const worker = await session.worker();
      const notifications = () => worker.evaluate(() => (globalThis as unknown as ChromeApi).chrome.notifications.getAll());
      await expect
        .poll(async () => Object.keys(await notifications()), { timeout: 15_000 })
        .toEqual([`lcc-new-episode:${newestEpisode.url}`]);
      expect(await worker.evaluate(() => (globalThis as unknown as ChromeApi).chrome.action.getBadgeText({}))).toBe('1');
      await journal.goto(`chrome-extension://${session.extensionId}/options/index.html#episodes`);
      const row = journal.locator('.episode-list .year .row', { hasText: newestEpisode.title.replace(/^LCC \d+ - /, '') });
      await expect.poll(() => row.locator('.new-chip').textContent(), { timeout: 30_000 }).toBe('nouveau');
    });
  });
});
