/**
 * Every view of the journal at a phone's width (360 px: Firefox for Android opens it full screen)
 * and a desktop's (1280 px), light and dark, in Chromium (issue 22): no horizontal scroll, every
 * control inside the window, targets a finger can hit at 360 px, body text of 14 px or more, no
 * axe violation; in English too at 360 px. The same run writes a screenshot of each, which
 * `npm run screenshots` keeps.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { inChromium, it } from './support/fixtures';
import { axeViolations } from './support/axe';
import { launchExtension, type ExtensionSession } from './support/browser';
import { LCC_262 } from './support/pages';
import { SCREENSHOTS } from './support/screenshots';

const VIEWS = [
  'episodes',
  'queue',
  'readLater',
  'conferences',
  'history',
  'stats',
  'bookmarks',
  'search',
  'settings',
  'data',
  'welcome',
  // The design system's page: its screenshots, whole, are what a change of the look is checked against.
  'components',
] as const;
const WIDTHS = [360, 1280] as const;
const THEMES = ['light', 'dark'] as const;

/** What a view's layout breaks at a width: one line per fault. */
async function layoutFaults(page: Page, width: number): Promise<string[]> {
  return page.evaluate((narrow) => {
    const faults: string[] = [];
    const root = document.documentElement;
    if (root.scrollWidth > window.innerWidth) faults.push(`scrolls sideways: ${root.scrollWidth} > ${window.innerWidth}`);
    const bodySize = Number.parseFloat(getComputedStyle(document.body).fontSize);
    if (bodySize < 14) faults.push(`body text ${bodySize} px`);
    const name = (element: Element) =>
      `${element.tagName.toLowerCase()} "${(element.getAttribute('aria-label') ?? element.textContent ?? '').trim().slice(0, 40)}"`;
    const controls = document.querySelectorAll<HTMLElement>('button, select, input:not([type="hidden"]), summary, nav a, a.icon-link');
    for (const control of controls) {
      const box = control.getBoundingClientRect();
      // Hidden (a collapsed part, a checkbox inside its bigger label) or inside a closed <details>.
      if (box.width === 0 || box.height === 0 || control.closest('details:not([open]) > :not(summary)')) continue;
      if (box.left < -0.5 || box.right > window.innerWidth + 0.5)
        faults.push(`${name(control)} outside the window (${box.left}–${box.right})`);
      // A control's target is itself, or the label around it where that is larger (a checkbox's).
      const label = control.closest('label')?.getBoundingClientRect();
      const area = { width: Math.max(box.width, label?.width ?? 0), height: Math.max(box.height, label?.height ?? 0) };
      const isChoice = control instanceof HTMLInputElement && (control.type === 'checkbox' || control.type === 'radio');
      if (
        narrow &&
        !isChoice &&
        (area.width < 43.5 || area.height < 43.5) &&
        !(control instanceof HTMLInputElement && control.type === 'range')
      )
        faults.push(`${name(control)} a ${Math.round(area.width)}×${Math.round(area.height)} px target`);
    }
    return faults;
  }, width < 720);
}

inChromium('the journal at 360 and 1280 px in Chromium', () => {
  let session: ExtensionSession;
  let journal: Page;

  beforeAll(async () => {
    session = await launchExtension({ feed: true });
    // Something in each list: a heard, favourite episode with a note, kept while it played.
    const popup = await session.openPopup(await session.openSitePage(LCC_262));
    await popup.locator('.source-note[data-check="done"]').waitFor();
    await popup.getByRole('button', { name: 'Écouté' }).click();
    await popup.getByRole('button', { name: 'Favori' }).click();
    journal = await session.context.newPage();
    await journal.goto(`chrome-extension://${session.extensionId}/options/index.html#episodes`);
    await journal.locator('.episode-list .year .row').nth(200).waitFor({ timeout: 30_000 });
  }, 120_000);

  afterAll(async () => {
    await session?.close();
  });

  for (const theme of THEMES)
    for (const width of WIDTHS)
      describe(`${theme}, ${width} px`, () => {
        beforeAll(async () => {
          await journal.emulateMedia({ colorScheme: theme });
          await journal.setViewportSize({ width, height: width < 720 ? 780 : 800 });
        });

        it.each(VIEWS)('%s fits, and has no axe violation', async (view) => {
          await journal.goto(`chrome-extension://${session.extensionId}/options/index.html#${view}${view === 'search' ? '?q=cloud' : ''}`);
          await expect.poll(() => journal.locator('#view-title').textContent()).not.toBe('');
          await journal.waitForLoadState('networkidle');
          await expect.poll(() => journal.getByRole('status').filter({ hasText: 'Chargement…' }).count(), { timeout: 15_000 }).toBe(0);
          expect(await layoutFaults(journal, width)).toEqual([]);
          expect(await axeViolations(journal)).toEqual([]);
          mkdirSync(SCREENSHOTS, { recursive: true });
          await journal.screenshot({
            path: resolve(SCREENSHOTS, `journal-${view}-${width}-${theme}.png`),
            fullPage: view === 'components',
          });
        });
      });

  // English words are other lengths: every view again in English, at a phone's width.
  describe('English, 360 px', () => {
    beforeAll(async () => {
      await journal.emulateMedia({ colorScheme: 'light' });
      await journal.setViewportSize({ width: 360, height: 780 });
      await journal.goto(`chrome-extension://${session.extensionId}/options/index.html#settings`);
      await journal.getByRole('radio', { name: 'English' }).check();
      await journal.waitForFunction(() => document.documentElement.lang === 'en');
    });

    it.each(VIEWS)('%s fits, and has no axe violation', async (view) => {
      await journal.goto(`chrome-extension://${session.extensionId}/options/index.html#${view}${view === 'search' ? '?q=cloud' : ''}`);
      await expect.poll(() => journal.locator('#view-title').textContent()).not.toBe('');
      await journal.waitForLoadState('networkidle');
      await expect.poll(() => journal.getByRole('status').filter({ hasText: 'Loading…' }).count(), { timeout: 15_000 }).toBe(0);
      expect(await journal.evaluate(() => document.documentElement.lang)).toBe('en');
      expect(await layoutFaults(journal, 360)).toEqual([]);
      expect(await axeViolations(journal)).toEqual([]);
    });
  });
});
