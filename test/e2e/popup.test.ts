/** The toolbar popup, opened as a listener opens it, on the real pages of the site. */
import { expect } from 'vitest';
import { inChromium, it } from './support/fixtures';
import { parseMarkdownPost } from '../../src/core/episode/markdown';
import { flattenOutline, type Episode, type OutlineNode } from '../../src/core/episode/model';
import { titleWithoutNumber } from '../../src/ui/episodeTitle';
import { closingLinks, listedLinks } from '../../src/ui/linkFilter';
import { pathOfPost, POSTS } from './support/pages';
import { readPost } from '../support/corpus';
import type { Page } from 'playwright-core';
import type { ExtensionSession } from './support/browser';
import { watchFirstPaint } from './support/popupPaint';

function episodeOf(post: string): Episode {
  return parseMarkdownPost(readPost(`${post}.md`), `${post}.md`);
}

function countOutline(nodes: OutlineNode[]): number {
  return flattenOutline(nodes).length;
}

/**
 * Every state of the buttons named `names` (pressed or not, '-' where not drawn) that the popup
 * opened over `tab` draws, recorded from before its own scripts run until its source is checked.
 */
async function pressedStatesDrawn(session: ExtensionSession, tab: Page, names: string[]): Promise<string[]> {
  const watch = `window.drawn = []; new MutationObserver(() => {
    const named = (each, name) => (each.getAttribute('aria-label') ?? each.textContent) === name;
    const pressed = (name) => [...document.querySelectorAll('button')].find((each) => named(each, name))?.getAttribute('aria-pressed') ?? '-';
    const state = ${JSON.stringify(names)}.map(pressed).join(' ');
    if (window.drawn.at(-1) !== state) window.drawn.push(state);
  }).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });`;
  const popup = await session.openPopup(tab, undefined, watch);
  await expect.poll(() => popup.locator('main.episode[aria-busy="false"]').count()).toBe(1);
  return popup.evaluate(() => (window as unknown as { drawn: string[] }).drawn);
}

inChromium('the toolbar popup in Chromium', () => {
  it.for(Object.entries(POSTS))('shows the %s episode: number, title, outline and every link', async ([_, post], { launch }) => {
    const session = await launch();
    const expected = episodeOf(post);
    const tab = await session.openSitePage(pathOfPost(post));
    const popup = await session.openPopup(tab);

    await expect.poll(() => popup.locator('.source-note').getAttribute('data-check')).toBe('done');
    if (expected.number !== null) await expect.poll(() => popup.locator('.episode-number').textContent()).toBe(`LCC ${expected.number}`);
    expect(await popup.locator('.episode-title').textContent()).toBe(titleWithoutNumber(expected.title, expected.number));
    expect(await popup.locator('.outline-entry').count()).toBe(countOutline(expected.outline));
    // The conference section, where its conferences were read, is a table of its own; the show's closing sections are folded apart.
    const listed = listedLinks(expected);
    expect(await popup.locator('.closing-links li').count()).toBe(closingLinks(expected).length);
    await expect.poll(() => popup.locator('a.link-open').count()).toBe(listed.length);
    expect(await popup.locator('.links .count').first().textContent()).toBe(`${listed.length} sur ${listed.length}`);
    expect(await popup.locator('.conference-table tbody tr').count()).toBe(expected.conferences.length);
    // The episode's files, as icons named for what they open.
    const files = [expected.audio && ['Ouvrir le mp3', expected.audio.url], expected.video && ['Voir la vidéo', expected.video]];
    for (const file of files)
      if (file) expect(await popup.getByRole('link', { name: file[0], exact: true }).getAttribute('href')).toBe(file[1]);
    expect(await popup.locator('.episode-media a').count()).toBe(files.filter(Boolean).length);
  });

  it('scrolls the page to a section, filters the links, and opens one in a tab', async ({ launch }) => {
    const session = await launch();
    const expected = episodeOf(POSTS.news);
    const tab = await session.openSitePage(pathOfPost(POSTS.news));
    const popup = await session.openPopup(tab);
    await expect.poll(() => popup.locator('.source-note').getAttribute('data-check')).toBe('done');

    const sections = expected.outline[0]!.children;
    const section = sections[Math.floor(sections.length / 2)]!;
    expect(await tab.evaluate(() => window.scrollY)).toBe(0);
    await popup.locator('.outline-entry', { hasText: section.title }).first().click();
    await expect
      .poll(() => tab.evaluate((id) => Math.round(document.getElementById(id)!.getBoundingClientRect().top), section.id))
      .toBeLessThan(10);
    expect(await tab.evaluate(() => window.scrollY)).toBeGreaterThan(500);

    // The links have a tab of their own (issue 22, 5).
    await popup.getByRole('tab', { name: /^Liens/ }).click();
    await popup.locator('input.filter').fill('graalvm');
    const narrowed = await popup.locator('a.link-open').count();
    expect(narrowed).toBeGreaterThan(0);
    expect(narrowed).toBeLessThan(expected.links.length);
    await popup.locator('input.filter').fill('expérience');
    const accented = await popup.locator('a.link-open').count();
    expect(accented).toBeGreaterThan(0);
    await popup.locator('input.filter').fill('EXPERIENCE');
    expect(await popup.locator('a.link-open').count()).toBe(accented);
    // The words found are marked, folded as the journal's search folds them (issue 21, 2).
    expect(await popup.locator('.links mark').first().textContent()).toMatch(/^exp[ée]rience/i);
    await popup.locator('input.filter').fill('zzqqxx');
    expect(await popup.locator('a.link-open').count()).toBe(0);
    expect(await popup.locator('.links .empty').textContent()).toBe('Aucun lien ne correspond au filtre.');
    await popup.locator('input.filter').fill('');

    // Opening a link in front closes the popup, as the browser does for any popup.
    const link = expected.links.find((each) => each.sectionId === section.id) ?? expected.links[0]!;
    const opened = session.context.waitForEvent('page');
    await popup.locator(`a.link-open[href="${link.url}"]`).first().click();
    const linkTab = await opened;
    await linkTab.waitForURL(link.url);
    expect(linkTab.url()).toBe(link.url);
  });

  it('shows the episode from the page when GitHub is unreachable', async ({ launch }) => {
    const session = await launch({ source: 'abort' });
    const expected = episodeOf(POSTS.interview);
    const tab = await session.openSitePage(pathOfPost(POSTS.interview));
    const popup = await session.openPopup(tab);

    await expect.poll(() => popup.locator('.source-note').getAttribute('data-check')).toBe('failed');
    expect(await popup.locator('.source-note').getAttribute('data-origin')).toBe('page');
    expect(await popup.locator('.source-note').textContent()).toContain('GitHub est injoignable');
    expect(await popup.locator('.episode-number').textContent()).toBe('LCC 262');
    expect(await popup.locator('.outline-entry').count()).toBe(countOutline(expected.outline));
    expect(session.source.requests).toBeGreaterThan(0);
  });

  it('falls back to the GitHub source where the page gives no episode to read', async ({ launch }) => {
    const session = await launch();
    const expected = episodeOf(POSTS.interview);
    // A page of the episode's address without its article, as a tab loaded before the extension
    // (no content script to ask) would leave the popup.
    await session.context.route(`https://lescastcodeurs.com${pathOfPost(POSTS.interview)}`, (route) =>
      route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><title>LCC</title><h1 id="interview">LCC</h1>' }),
    );
    const tab = await session.openSitePage(pathOfPost(POSTS.interview));
    const popup = await session.openPopup(tab);
    await expect.poll(() => popup.locator('.source-note').getAttribute('data-check')).toBe('done');
    expect(await popup.locator('.episode-number').textContent()).toBe('LCC 262');
    expect(await popup.locator('.outline-entry').count()).toBe(countOutline(expected.outline));

    await popup.locator('.outline-entry').first().click();
    await expect.poll(() => tab.url()).toBe(`https://lescastcodeurs.com${pathOfPost(POSTS.interview)}#interview`);
  });

  it('draws the source’s episode while the page’s tab is too busy to be read', async ({ launch }) => {
    // GitHub unreachable while the page opens: the popup has no copy of the episode to draw.
    const session = await launch({ source: 'abort' });
    const expected = episodeOf(POSTS.interview);
    const tab = await session.openSitePage(pathOfPost(POSTS.interview));
    await expect.poll(() => session.source.requests).toBeGreaterThan(0);
    session.source.mode = 'serve';
    await tab.bringToFront();
    // The page's script never yields again: the popup's reading of it never starts.
    await tab.evaluate(
      () =>
        void setTimeout(() => {
          for (;;);
        }),
    );
    const { script, painted } = watchFirstPaint(await session.worker(), 'popup-episode');
    await session.openPopupUnattached(tab, script);
    expect((await painted).text).toBe(titleWithoutNumber(expected.title, expected.number));
  });

  it('holds the title and the outline in the first frame the listener sees, once it has opened on the tab', async ({ launch }) => {
    const session = await launch();
    const expected = episodeOf(POSTS.news);
    const tab = await session.openSitePage(pathOfPost(POSTS.news));
    const first = await session.openPopup(tab);
    await expect.poll(() => first.locator('.source-note').getAttribute('data-check')).toBe('done');
    await first.close();

    // The browser shows a popup once it has loaded: the frame after `load` is the first one seen.
    const watch = `addEventListener('load', () => requestAnimationFrame(() => {
      window.firstFrame = { title: document.querySelector('.episode-title')?.textContent ?? null, outline: document.querySelectorAll('.outline-entry').length };
    }));`;
    const again = await session.openPopup(tab, undefined, watch);
    const firstFrame = () =>
      again.evaluate(() => (window as unknown as { firstFrame?: { title: string | null; outline: number } }).firstFrame ?? null);
    await expect.poll(firstFrame).not.toBeNull();
    expect(await firstFrame()).toEqual({
      title: titleWithoutNumber(expected.title, expected.number),
      outline: countOutline(expected.outline),
    });
    expect(again.url()).toContain('popup/index.html?tab=');
  });

  it('draws no first frame from a copy that a change in the journal made out of date', async ({ launch }) => {
    const session = await launch({ feed: true });
    const tab = await session.openSitePage(pathOfPost(POSTS.interview));
    const popup = await session.openPopup(tab);
    await expect.poll(() => popup.locator('.source-note').getAttribute('data-check')).toBe('done');
    await popup.close();

    const journal = await session.context.newPage();
    await journal.goto(`chrome-extension://${session.extensionId}/options/index.html#episodes`);
    const heard = journal.locator('.episode-list .year .row', { hasText: 'Quentin Adam' }).getByRole('button', { name: 'Écouté' });
    await heard.click({ timeout: 30_000 });
    await expect.poll(() => heard.getAttribute('aria-pressed')).toBe('true');

    expect(await pressedStatesDrawn(session, tab, ['Écouté'])).toEqual(['-', 'true']);
  });

  it('forgets the episode named in the popup address when its tab goes to another page', async ({ launch }) => {
    const session = await launch();
    const tab = await session.openSitePage(pathOfPost(POSTS.news));
    const popup = await session.openPopup(tab);
    await expect.poll(() => popup.locator('.source-note').getAttribute('data-check')).toBe('done');
    await popup.close();

    await tab.goto('https://lescastcodeurs.com/');
    const home = await session.openPopup(tab);
    await expect.poll(() => home.locator('h1').textContent()).toBe('Pas un épisode');
    expect(home.url()).not.toContain('?tab=');
  });

  it('draws the episode as the listener left it from its first frame: listened, favourite, queued', async ({ launch }) => {
    const session = await launch();
    const tab = await session.openSitePage(pathOfPost(POSTS.interview));
    const popup = await session.openPopup(tab);
    await popup.getByRole('button', { name: 'Écouté' }).click();
    await popup.getByRole('button', { name: 'Favori' }).click();
    await popup.getByRole('button', { name: 'À écouter ensuite' }).click();
    await expect.poll(() => popup.locator('button[aria-pressed="true"]').count()).toBe(3);
    await popup.close();

    expect(await pressedStatesDrawn(session, tab, ['Écouté', 'Favori', 'À écouter ensuite'])).toEqual(['- - -', 'true true true']);
  });

  it('puts the episode number on the badge, a check mark once listened, and nothing on the home page', async ({ launch }) => {
    const session = await launch();
    const tab = await session.openSitePage(pathOfPost(POSTS.interview));
    await expect.poll(() => session.badgeText(tab)).toBe('262');

    const popup = await session.openPopup(tab);
    await popup.getByRole('button', { name: 'Écouté' }).click();
    await expect.poll(() => session.badgeText(tab)).toBe('✓');
    await expect.poll(() => popup.getByRole('button', { name: 'Écouté' }).getAttribute('aria-pressed')).toBe('true');

    const home = await session.openSitePage('/');
    expect(await session.badgeText(home)).toBe('');
    const homePopup = await session.openPopup(home);
    await expect.poll(() => homePopup.locator('h1').textContent()).toBe('Pas un épisode');
    expect(await homePopup.getByRole('button', { name: 'Voir la liste des épisodes' }).count()).toBe(1);
  });

  it('shows the site’s own artwork once it has loaded, a plain tile while it cannot, and no image from elsewhere', async ({ launch }) => {
    const session = await launch();
    const tab = await session.openSitePage(pathOfPost(POSTS.news));
    // The test's own square, drawn here: the show's logo is never copied, not even into a test.
    const square = await tab.evaluate(() => {
      const canvas = document.createElement('canvas');
      canvas.width = canvas.height = 64;
      const context = canvas.getContext('2d')!;
      context.fillStyle = '#0a7';
      context.fillRect(0, 0, 64, 64);
      return canvas.toDataURL('image/png').split(',')[1]!;
    });
    const artwork = (popup: Page) =>
      popup.locator('.episode-header .artwork').evaluate((tile) => {
        const image = tile.querySelector('img')!;
        return { shown: !image.hidden && image.naturalWidth > 0, tile: tile.querySelector('svg') !== null };
      });

    // The test server answers 404 for it, as a site down would.
    const offline = await session.openPopup(tab);
    await expect.poll(() => offline.locator('.episode-title').count()).toBe(1);
    await expect.poll(() => artwork(offline)).toEqual({ shown: false, tile: true });
    // The CSP lets images come from the extension and the site only.
    const blocked = await offline.evaluate(
      () =>
        new Promise<string>((done) => {
          document.addEventListener('securitypolicyviolation', (event) => done(event.effectiveDirective), { once: true });
          new Image().src = 'https://example.org/tracker.png';
        }),
    );
    expect(blocked).toBe('img-src');
    await offline.close();

    session.audio.artwork = Buffer.from(square, 'base64');
    const online = await session.openPopup(tab);
    await expect.poll(() => artwork(online)).toEqual({ shown: true, tile: false });
  });
});
