/**
 * axe-core on the popup and on every view of the journal, in the light and the dark theme (set
 * through the journal's own settings): no violation. The same run writes the README's
 * screenshots, and checks that the popup works by keyboard alone.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { inChromium, it } from './support/fixtures';
import { axeViolations } from './support/axe';
import { launchExtension, type ExtensionSession } from './support/browser';
import { LCC_262, LCC_340 } from './support/pages';
import { SCREENSHOTS } from './support/screenshots';

const VIEWS = ['episodes', 'history', 'bookmarks', 'readLater', 'stats', 'search', 'conferences', 'settings', 'data', 'welcome'] as const;
const THEMES = { light: 'Clair', dark: 'Sombre' } as const;

inChromium('accessibility and themes in Chromium', () => {
  // One browser for the whole file, not the per-test `launch`: every check reads the same journal,
  // set up once (listened, favourite, a note), in each theme in turn.
  let session: ExtensionSession;
  let journal: Page;

  beforeAll(async () => {
    session = await launchExtension();
    const tab = await session.openSitePage(LCC_262);
    const popup = await session.openPopup(tab);
    await popup.locator('.source-note[data-check="done"]').waitFor();
    await popup.getByRole('button', { name: 'Écouté' }).click();
    await popup.getByRole('button', { name: 'Favori' }).click();
    await popup.getByRole('button', { name: 'Ajouter une note' }).click();
    await popup.getByLabel('Ma note (Markdown)').fill('**À réécouter** : la partie sur [GAIA-X](https://gaia-x.eu/).');
    await popup.getByRole('button', { name: 'Enregistrer la note' }).click();
    await popup.locator('.note-view strong').waitFor();
    journal = await session.context.newPage();
    await journal.setViewportSize({ width: 900, height: 800 });
    await journal.goto(`chrome-extension://${session.extensionId}/options/index.html#history`);
  }, 120_000);

  afterAll(async () => {
    await session?.close();
  });

  /** The popup of a news episode, scrolled to its links: axe, then a screenshot for the README. */
  async function screenshotNewsLinks(file: string): Promise<void> {
    const tab = await session.openSitePage(LCC_340);
    const popup = await session.openPopup(tab);
    await expect.poll(() => popup.locator('.source-note').getAttribute('data-check')).toBe('done');
    expect(await axeViolations(popup)).toEqual([]);
    await popup.getByRole('tab', { name: /^Liens|^Links/ }).click();
    mkdirSync(SCREENSHOTS, { recursive: true });
    await popup.screenshot({ path: resolve(SCREENSHOTS, file) });
    await tab.close();
  }

  for (const [theme, label] of Object.entries(THEMES)) {
    describe(`${theme} theme`, () => {
      beforeAll(async () => {
        const settings = await session.context.newPage();
        await settings.goto(`chrome-extension://${session.extensionId}/options/index.html#settings`);
        const radio = settings.getByRole('radio', { name: label });
        await radio.waitFor({ timeout: 15_000 }).catch(async (error: unknown) => {
          throw new Error(`no "${label}" setting on the page, which reads: ${await settings.locator('body').innerText()}`, {
            cause: error,
          });
        });
        await radio.check();
        await settings.waitForFunction((wanted) => document.documentElement.dataset['theme'] === wanted, theme);
        await settings.close();
        await journal.waitForFunction((wanted) => document.documentElement.dataset['theme'] === wanted, theme);
      });

      it('the popup has no axe violation', async () => {
        const tab = await session.openSitePage(LCC_262);
        const popup = await session.openPopup(tab);
        await expect.poll(() => popup.locator('.source-note').getAttribute('data-check')).toBe('done');
        await expect.poll(() => popup.evaluate(() => document.documentElement.dataset['theme'])).toBe(theme);
        await expect.poll(() => popup.locator('.note-view strong').count()).toBe(1);
        expect(await axeViolations(popup)).toEqual([]);
        mkdirSync(SCREENSHOTS, { recursive: true });
        await popup.screenshot({ path: resolve(SCREENSHOTS, `popup-${theme}.png`), clip: { x: 0, y: 0, width: 520, height: 760 } });
        await tab.close();
      });

      it('the links of a news episode have no axe violation', async () => {
        await screenshotNewsLinks(`popup-links-${theme}.png`);
      });

      it.each(VIEWS)('the journal view %s has no axe violation', async (view) => {
        await journal.goto(`chrome-extension://${session.extensionId}/options/index.html#${view}`);
        await expect.poll(() => journal.locator('#view-title').textContent()).not.toBe('');
        if (view === 'search')
          await journal.getByLabel('Chercher dans tous les épisodes : titres, sections, nouvelles, liens, adresses').fill('cloud');
        await journal.waitForLoadState('networkidle');
        await expect.poll(() => journal.getByRole('status').filter({ hasText: 'Chargement…' }).count()).toBe(0);
        expect(await axeViolations(journal)).toEqual([]);
        if (view === 'history' || view === 'stats') {
          await journal.screenshot({ path: resolve(SCREENSHOTS, `journal-${view}-${theme}.png`) });
        }
      });
    });
  }

  it('the popup in English has no axe violation', async () => {
    const settings = await session.context.newPage();
    await settings.goto(`chrome-extension://${session.extensionId}/options/index.html#settings`);
    await settings.getByRole('radio', { name: 'English' }).check();
    await settings.waitForFunction(() => document.documentElement.lang === 'en');
    await settings.close();
    await screenshotNewsLinks('popup-links-en.png');
  });

  it('is checked by an axe run that does report violations', async () => {
    const page = await session.context.newPage();
    await page.setContent('<main><input type="text"><p style="color:#ddd;background:#fff">faint</p></main>');
    const found = await axeViolations(page);
    expect(found.some((violation) => violation.startsWith('label:'))).toBe(true);
    expect(found.some((violation) => violation.startsWith('color-contrast:'))).toBe(true);
    await page.close();
  });

  it('the popup works by keyboard alone: / to filter, arrows through the links, Enter to open', async () => {
    const tab = await session.openSitePage(LCC_262);
    const popup = await session.openPopup(tab);
    await expect.poll(() => popup.locator('.source-note').getAttribute('data-check')).toBe('done');
    await popup.locator('body').press('/');
    // The links' tab shown, the filter focused (the show's closing links, Patreon's, are folded apart).
    await expect.poll(() => popup.evaluate(() => document.activeElement?.className)).toBe('filter');
    await popup.keyboard.type('cryptpad');
    await expect.poll(() => popup.locator('a.link-open').count()).toBe(1);
    await popup.keyboard.press('ArrowDown');
    const focused = await popup.evaluate(() => (document.activeElement as HTMLAnchorElement).href);
    expect(focused).toBe('https://cryptpad.fr/');
    const opened = session.context.waitForEvent('page');
    // The new tab comes to the front and the browser closes the popup, as it does on any click.
    await popup.keyboard.press('Enter').catch(() => undefined);
    const linkTab = await opened;
    await linkTab.waitForURL(focused);
  });
});
