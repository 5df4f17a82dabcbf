/** Links kept to read later and links opened, from the popup to the journal, in Chromium. */
import { expect } from 'vitest';
import { LCC_262 } from './support/pages';
import { inChromium, it } from './support/fixtures';

inChromium('reading later in Chromium', () => {
  it('keeps links from the popup by click and by key, dims a link opened, and lists them in "À lire"', async ({ launch }) => {
    const session = await launch();
    const tab = await session.openSitePage(LCC_262);
    let popup = await session.openPopup(tab);
    await expect.poll(() => popup.locator('.source-note').getAttribute('data-check')).toBe('done');
    await popup.getByRole('tab', { name: /^Liens/ }).click();
    const links = popup.locator('li.link');
    const firstText = (await links.nth(0).locator('.link-text').textContent())!;
    await links.nth(0).locator('button.keep').click();
    await expect.poll(() => links.nth(0).locator('button.keep').getAttribute('aria-pressed')).toBe('true');
    await links.nth(1).locator('a.link-open').focus();
    await popup.keyboard.press('l');
    await expect.poll(() => links.nth(1).locator('button.keep').getAttribute('aria-pressed')).toBe('true');
    const total = await links.count();

    // Opening a link in the background keeps the popup open: it is dimmed and counted.
    await links
      .nth(2)
      .locator('a.link-open')
      .click({ modifiers: ['Control'] });
    await expect.poll(() => links.nth(2).getAttribute('class')).toBe('link opened');
    expect(await popup.locator('.links-bar .count').nth(1).textContent()).toBe(`1 / ${total} liens ouverts`);
    // Opened again, as a listener would after closing it: the link opened is still dimmed.
    await popup.close();
    popup = await session.openPopup(tab);
    await popup.getByRole('tab', { name: /^Liens/ }).click();
    await expect.poll(() => popup.locator('li.link.opened').count()).toBe(1);

    const journal = await session.context.newPage();
    await journal.goto(`chrome-extension://${session.extensionId}/options/index.html#readLater`);
    await expect.poll(() => journal.locator('.read-later li.kept').count()).toBe(2);
    expect(await journal.locator('.read-later').textContent()).toContain(firstText);
    await journal.getByRole('button', { name: 'Marquer lu' }).first().click();
    await expect.poll(() => journal.locator('.read-later li.kept.read').count()).toBe(1);
    await journal.getByRole('button', { name: 'Retirer' }).first().click();
    await expect.poll(() => journal.locator('.read-later li.kept').count()).toBe(1);
  });
});
