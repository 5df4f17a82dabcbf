/** Hostile input against the built extension in Chromium (issue 13): what needs a real browser. */
import { describe, expect } from 'vitest';
import { inChromium, it } from './support/fixtures';
import { MAX_EPISODE_LINKS } from '../../src/core/episode/notes';
import { chromiumPresent } from './support/browser';
import { routeWorstCase, WORST_CASE_PATH } from './support/worstCase';

const ATTACK = '/2021/09/02/..%252F..%252F..%252F..%252F..%252F..%252Fattacker%252Frepo%252Fmain%252F2021-09-02-lcc-262/';

inChromium('hostile input in Chromium', () => {
  it('fetches nothing and shows no episode for a slug that would walk out of _posts/', async ({ launch }) => {
    const session = await launch();
    const tab = await session.openSitePage(ATTACK);
    const popup = await session.openPopup(tab);
    await expect.poll(() => popup.locator('h1').textContent()).toBe('Pas un épisode');
    expect(session.source.requests).toBe(0);
    expect(await session.badgeText(tab)).toBe('');
  });

  it('shows a 5 MB source at once: links capped, drawn a page at a time, the filter answering', async ({ launch }) => {
    const session = await launch();
    await routeWorstCase(session.context);
    const tab = await session.openSitePage(WORST_CASE_PATH);
    const popup = await session.openPopup(tab);
    await expect.poll(() => popup.locator('.episode-number').textContent()).toBe('LCC 999');
    await expect.poll(() => popup.locator('.source-note').getAttribute('data-check')).toBe('failed');
    expect(await popup.locator('.links .count').first().textContent()).toBe(`${MAX_EPISODE_LINKS} sur ${MAX_EPISODE_LINKS}`);
    expect(await popup.getByText(`Seuls les ${MAX_EPISODE_LINKS} premiers liens sont gardés`).count()).toBe(1);
    await expect.poll(() => popup.locator('a.link-open').count()).toBe(300);
    await popup.getByRole('tab', { name: /^Liens/ }).click();
    await popup.getByRole('button', { name: 'Afficher 300 de plus' }).click();
    await expect.poll(() => popup.locator('a.link-open').count()).toBe(600);
    expect(await popup.locator('a.link-open[href="https://deep.example/"]').count()).toBe(1);
    await popup.locator('input.filter').fill('lien 1234');
    await expect.poll(() => popup.locator('a.link-open').count()).toBe(1);
  });
});

describe.skipIf(!chromiumPresent)('the journal at an address of no view', () => {
  it.for(['constructor', '__proto__', 'toString', 'nothing'])('#%s shows the episodes', async (hash, { launch }) => {
    const session = await launch();
    const journal = await session.context.newPage();
    await journal.goto(`chrome-extension://${session.extensionId}/options/index.html#${hash}`);
    await expect.poll(() => journal.locator('#view-title').textContent()).toBe('Épisodes');
    await journal.close();
  });
});
