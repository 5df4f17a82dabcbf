/**
 * Sync between two of the listener's browsers, in Chromium: two profiles, the first one's
 * `storage.sync` read and handed to the second's, as the browser's own sync would carry it.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect } from 'vitest';
import { inChromium, it } from './support/fixtures';
import { LCC_262 } from './support/pages';
import { SCREENSHOTS } from './support/screenshots';
import { readStore } from './support/stored';
import { type ExtensionSession } from './support/browser';

type SyncApi = { chrome: { storage: { sync: { get(keys: null): Promise<Record<string, unknown>>; set(items: object): Promise<void> } } } };

async function turnSyncOn(session: ExtensionSession): Promise<void> {
  const settings = await session.context.newPage();
  await settings.goto(`chrome-extension://${session.extensionId}/options/index.html#settings`);
  await settings.getByRole('group', { name: 'Synchroniser avec mon navigateur' }).getByRole('radio', { name: 'Oui' }).check();
  // Stored before the page closes: closed while it saves, the page took the setting with it (the hint it
  // once waited for shows whether sync is on or not), and the next change was kept from the browser sync.
  await expect.poll(async () => (await readStore(settings, 'settings'))[0]).toMatchObject({ sync: 'on' });
  await settings.close();
}

async function syncItems(session: ExtensionSession): Promise<Record<string, unknown>> {
  return (await session.worker()).evaluate(() => (globalThis as unknown as SyncApi).chrome.storage.sync.get(null));
}

inChromium('sync between two browsers in Chromium', () => {
  it('carries an episode marked listened and bookmarked on one browser to the other, without a reload', async ({ launch }) => {
    const first = await launch();
    await turnSyncOn(first);
    const tab = await first.openSitePage(LCC_262);
    const popup = await first.openPopup(tab);
    await popup.getByRole('button', { name: 'Écouté' }).click();
    await popup.getByRole('button', { name: 'Favori' }).click();
    await expect
      .poll(async () => String((await syncItems(first))['s0'] ?? ''), { timeout: 15_000 })
      .toMatch(/^262\|\w+\|\w+\|\w+\|\w+\|\|\|$/);
    // A note larger than one sync item (5,000 accented letters: 10,000 bytes) stays here, and the settings say so.
    await popup.getByRole('button', { name: 'Ajouter une note' }).click();
    await popup.getByLabel('Ma note (Markdown)').fill('é'.repeat(5000));
    await popup.getByRole('button', { name: 'Enregistrer' }).click();
    // Saved, as the popup shows it, before another tab takes the focus and Chrome closes the popup.
    await popup.locator('.note-view').waitFor();
    const settings = await first.context.newPage();
    await settings.goto(`chrome-extension://${first.extensionId}/options/index.html#settings`);
    await expect.poll(() => settings.locator('.settings .hint').nth(1).textContent()).toContain('1 note(s) trop longues');
    await settings.close();

    const second = await launch();
    await turnSyncOn(second);
    const journal = await second.context.newPage();
    await journal.goto(`chrome-extension://${second.extensionId}/options/index.html#bookmarks`);
    await expect.poll(() => journal.locator('.empty').textContent()).toBe('Aucun favori pour l’instant.');
    const items = await syncItems(first);
    await (await second.worker()).evaluate((carried) => (globalThis as unknown as SyncApi).chrome.storage.sync.set(carried), items);
    await expect.poll(() => journal.locator('.rows .row').count(), { timeout: 15_000 }).toBe(1);
    await journal.getByRole('link', { name: 'Historique', exact: true }).click();
    await expect.poll(() => journal.locator('.history .episode-name').count()).toBe(1);
  });

  it('carries where the player paused to the other browser: "Reprendre à" there (issue 20, 4)', async ({ launch }) => {
    const first = await launch();
    await turnSyncOn(first);
    const popup = await first.openPopup(await first.openSitePage(LCC_262));
    await popup.getByRole('button', { name: 'Écouter', exact: true }).click();
    // A few seconds in, well before the player's first checkpoint (10 s): only the pause writes, and is sent.
    await expect.poll(() => popup.locator('.player-time').first().textContent(), { timeout: 15_000 }).toMatch(/^0:0[3-9]/);
    await popup.getByRole('button', { name: 'Pause' }).click();
    await expect.poll(async () => String((await syncItems(first))['p0'] ?? ''), { timeout: 15_000 }).toMatch(/^262\|[3-9]\|\w*\|\w+$/);

    const second = await launch();
    await turnSyncOn(second);
    const items = await syncItems(first);
    await (await second.worker()).evaluate((carried) => (globalThis as unknown as SyncApi).chrome.storage.sync.set(carried), items);
    const there = await second.openPopup(await second.openSitePage(LCC_262));
    await expect.poll(() => there.getByRole('button', { name: /^Reprendre à 0:0[3-9]$/ }).count(), { timeout: 15_000 }).toBe(1);
  });

  it('keeps an edit made on each browser at once: the one whose write was overwritten writes it again (issue 24, 1)', async ({
    launch,
  }) => {
    const first = await launch();
    const second = await launch();
    await Promise.all([turnSyncOn(first), turnSyncOn(second)]);
    const onFirst = await first.openPopup(await first.openSitePage(LCC_262));
    await onFirst.getByRole('button', { name: 'Écouté' }).click();
    const onSecond = await second.openPopup(await second.openSitePage(LCC_262));
    await onSecond.getByRole('radio', { name: '4 sur 5' }).click();
    // Stored in each browser first (the popups show it), then sent two seconds later: slow on a loaded machine.
    await expect.poll(() => onSecond.getByRole('radio', { name: '4 sur 5' }).isChecked(), { timeout: 15_000 }).toBe(true);
    await expect.poll(async () => String((await syncItems(first))['s0'] ?? ''), { timeout: 30_000 }).toMatch(/^262\|\w+\|\w+\|/);
    await expect.poll(async () => String((await syncItems(second))['s0'] ?? ''), { timeout: 30_000 }).toMatch(/^262\|\|\|\|\|4\|/);
    // The cloud keeps the last write of each item: the first browser's, over the second's.
    const fromFirst = await syncItems(first);
    await (await second.worker()).evaluate((carried) => (globalThis as unknown as SyncApi).chrome.storage.sync.set(carried), fromFirst);
    // The second takes the mark and, its rating missing there, writes both.
    await expect
      .poll(async () => String((await syncItems(second))['s0'] ?? ''), { timeout: 15_000 })
      .toMatch(/^262\|\w+\|\w+\|\|\|4\|\w+\|$/);
    const journal = await second.context.newPage();
    await journal.goto(`chrome-extension://${second.extensionId}/options/index.html#history`);
    await expect.poll(() => journal.locator('.history .episode-name').count(), { timeout: 15_000 }).toBe(1);
    // Carried back, the first browser holds both too.
    const fromSecond = await syncItems(second);
    await (await first.worker()).evaluate((carried) => (globalThis as unknown as SyncApi).chrome.storage.sync.set(carried), fromSecond);
    const again = await first.openPopup(await first.openSitePage(LCC_262));
    await expect.poll(() => again.getByRole('radio', { name: '4 sur 5' }).isChecked(), { timeout: 15_000 }).toBe(true);
  });

  it('leaves what a newer version wrote in the browser sync as it is, and says an update is needed (issue 24, 1)', async ({ launch }) => {
    const session = await launch();
    const newer = { v: 3, s0: 'what version 3 writes', x0: 'and what it adds' };
    await (await session.worker()).evaluate((items) => (globalThis as unknown as SyncApi).chrome.storage.sync.set(items), newer);
    await turnSyncOn(session);
    const popup = await session.openPopup(await session.openSitePage(LCC_262));
    await popup.getByRole('button', { name: 'Écouté' }).click();
    await expect.poll(() => popup.locator('input[type="date"]').count()).toBe(1);
    // Past the two seconds after which a change is sent: nothing was.
    await new Promise((wait) => setTimeout(wait, 4000));
    expect(await syncItems(session)).toEqual(newer);
    const settings = await session.context.newPage();
    await settings.goto(`chrome-extension://${session.extensionId}/options/index.html#settings`);
    await expect.poll(() => settings.locator('.settings').textContent()).toContain('mise à jour nécessaire');
    mkdirSync(SCREENSHOTS, { recursive: true });
    await settings.screenshot({ path: resolve(SCREENSHOTS, 'settings-sync-newer-format.png') });
  });
});
