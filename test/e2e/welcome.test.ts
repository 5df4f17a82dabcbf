/**
 * A new listener's first minutes, in Chromium: the welcome the install opens, "everything up to
 * LCC 300" from it, and what the journal says before the archive has come.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { inChromium, it } from './support/fixtures';
import { SCREENSHOTS } from './support/screenshots';

inChromium('the first run in Chromium', () => {
  it('opens the welcome once at install; "up to LCC 300" from it leaves a log without a day, in no month, with hours', async ({
    launch,
  }) => {
    const session = await launch({ feed: true, welcome: true });
    let welcome: Page | undefined;
    await expect
      .poll(() => (welcome = session.context.pages().find((page) => page.url().endsWith('/options/index.html#welcome'))), {
        timeout: 15_000,
      })
      .toBeDefined();
    const page = welcome!;
    await expect.poll(() => page.locator('.welcome h3').textContent(), { timeout: 15_000 }).toBe('Vous en êtes où ?');
    // Not in the navigation: the welcome is reached by its address, and from the settings.
    expect(await page.locator('.journal-header nav a[href="#welcome"]').count()).toBe(0);
    expect(await page.locator('.welcome-choices h4').allTextContents()).toEqual([
      'J’ai tout écouté jusqu’à un épisode',
      'Importer l’historique de mon application',
      'Synchroniser avec mon application',
      'Je commence maintenant',
    ]);
    const upTo = page.getByLabel('Tout marquer écouté jusqu’à LCC');
    await expect.poll(() => upTo.count(), { timeout: 30_000 }).toBe(1);
    await upTo.fill('300');
    await expect.poll(() => page.locator('.bulk [role="status"]').textContent()).toMatch(/^\s*\d+ épisode\(s\) passeront/);
    const preview = Number(/^(\d+)/.exec((await page.locator('.bulk [role="status"]').textContent())!.trim())![1]);
    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: resolve(SCREENSHOTS, 'welcome.png'), fullPage: true });
    await page.getByRole('button', { name: 'Marquer écoutés' }).click();
    await expect
      .poll(() => page.locator('.bulk p.ok').textContent())
      .toBe(`${preview} épisode(s) marqué(s) écouté(s), date inconnue. Annuler`);

    // The preview, the log and the catalogue say one number.
    await page.getByRole('link', { name: 'Je commence maintenant' }).click();
    await expect.poll(() => page.locator('.progress').textContent()).toMatch(new RegExp(`^\\s*${preview} écoutés sur \\d+`));
    await page.getByRole('link', { name: 'Mon écoute' }).click();
    await expect.poll(() => page.locator('.history h3').allTextContents()).toEqual([`Écoutés, date inconnue : ${preview}`]);
    await page.getByRole('link', { name: 'Statistiques', exact: true }).click();
    const figures = page.locator('.stats .figures');
    await expect.poll(() => figures.textContent()).toContain(`Épisodes écoutés${preview}`);
    // No streak and no month: no day is known.
    expect(await figures.textContent()).toContain('Série en cours0 mois');
    // The hours come from the archive's mp3 sizes: only the entries of the feed without an mp3 lack one.
    const [, hours, withoutSize] = /Heures d’écoute \(estimation\)([\d\s  ]+) h(?: \(sans (\d+) épisodes)?/.exec(
      (await figures.textContent())!,
    )!;
    expect(Number(hours!.replace(/\D/g, ''))).toBeGreaterThan(150);
    expect(Number(withoutSize ?? 0)).toBeLessThan(preview / 10);
    const months = await page.locator('.stats figure').first().locator('td').allTextContents();
    expect(months.every((value) => value === '0' || !/^\d+$/.test(value))).toBe(true);

    await page.getByRole('link', { name: 'Réglages et données' }).click();
    await page.getByRole('link', { name: 'Revoir l’accueil et les façons de remplir le journal' }).click();
    await expect.poll(() => page.locator('.welcome h3').textContent()).toBe('Vous en êtes où ?');
  });

  it('says the archive is coming, or why it did not come, and never "0 écoutés sur 0"', async ({ launch }) => {
    // Without the feed (the site answers 404), the first download fails.
    const session = await launch();
    const journal = await session.context.newPage();
    await journal.goto(`chrome-extension://${session.extensionId}/options/index.html#episodes`);
    await expect
      .poll(() => journal.locator('.archive-arriving').textContent(), { timeout: 30_000 })
      .toMatch(/^L’archive des épisodes n’a pas pu être téléchargée \(.+\)\. Réessayer$/);
    expect(await journal.locator('.progress').count()).toBe(0);
    expect(await journal.locator('.next').count()).toBe(0);
    expect(await journal.locator('.empty').count()).toBe(0);
  });
});
