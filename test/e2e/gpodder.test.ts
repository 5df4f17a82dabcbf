/**
 * The sync with the listener's podcast apps in Chromium and Firefox, against a real gPodder server (oPodSync):
 * the phone's actions written as AntennaPod writes them show in the journal and the popup, and
 * what the listener does in the browser reaches the server with the phone's addresses, through a
 * server that went down meanwhile.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { distGranting } from './support/browser';
import { inChromium, inFirefox, it } from './support/fixtures';
import { click, text, until } from './support/firefox';
import type { PlayerState } from '../../src/core/player/state';
import { LCC_262 } from './support/pages';
import { SCREENSHOTS } from './support/screenshots';
import {
  actionsOnServer,
  opodsyncPresent,
  PASSWORD,
  PHONE_FEED,
  PHONE_MEDIA,
  phonePlay,
  postAsPhone,
  startSyncServer,
  USER,
  type SyncServer,
} from '../support/opodsync';

async function connect(settings: Page, server: string, password: string): Promise<void> {
  const part = settings.getByRole('group', { name: 'Synchroniser avec votre application de podcast' });
  await part.getByLabel('Adresse du serveur').fill(server);
  await part.getByLabel('Nom d’utilisateur').fill(USER);
  await part.getByLabel('Mot de passe').fill(password);
  await part.getByRole('button', { name: 'Se connecter' }).click();
}

inChromium('the sync with the podcast apps in Chromium', () => {
  describe.skipIf(!opodsyncPresent)('against a real gPodder server', () => {
    let server: SyncServer;
    let granted: ReturnType<typeof distGranting>;
    beforeAll(async () => {
      server = await startSyncServer();
      granted = distGranting(['http://127.0.0.1/*']);
    });
    afterAll(() => {
      server.stop();
      granted.remove();
    });

    it("shows the phone's history and position, and sends the browser's mark once, through a server that went down", async ({ launch }) => {
      // AntennaPod's first sync (three episodes at one instant), an episode heard to its end, one stopped at 43:12.
      await postAsPhone(server.url, [
        ...[255, 256, 257].map((number) => phonePlay(number, '2026-11-29T10:00:00', 5400)),
        phonePlay(261, '2026-11-28T12:00:00', 5390),
        phonePlay(262, '2026-11-30T08:15:00', 2592),
      ]);
      const session = await launch({ feed: true, dist: granted.dist, localServers: true });
      const settings = await session.context.newPage();
      await settings.goto(`chrome-extension://${session.extensionId}/options/index.html#episodes`);
      await expect.poll(() => settings.locator('.episode-list .year .row').count(), { timeout: 30_000 }).toBeGreaterThan(200);
      await settings.goto(`chrome-extension://${session.extensionId}/options/index.html#settings`);

      await connect(settings, server.url, 'not the password');
      mkdirSync(SCREENSHOTS, { recursive: true });
      await expect
        .poll(() => settings.locator('.gpodder [role="alert"]').textContent())
        .toBe('Le serveur refuse ce nom d’utilisateur ou ce mot de passe.');
      await settings.locator('.gpodder').screenshot({ path: resolve(SCREENSHOTS, 'gpodder-password-refused.png') });
      await connect(settings, server.url, PASSWORD);
      await expect
        .poll(() => settings.locator('.gpodder > [role="status"]').textContent(), { timeout: 15_000 })
        .toBe('Connecté : 5 actions, dont 5 pour Les Cast Codeurs, depuis 1 appareil(s).');
      await expect
        .poll(() => settings.locator('.gpodder-state [role="status"]').textContent())
        .toMatch(/4 épisode\(s\) marqué\(s\) écouté\(s\), 1 position\(s\) reçue\(s\)/);
      await settings.locator('.gpodder').screenshot({ path: resolve(SCREENSHOTS, 'gpodder-settings.png') });

      await settings.getByRole('link', { name: 'Mon écoute' }).click();
      await expect.poll(() => settings.locator('.history h3').allTextContents()).toEqual(['novembre 2026', 'Écoutés, date inconnue : 3']);
      // The phone named as the one that said so.
      await expect
        .poll(() => settings.locator('.history section').last().locator('.heard-on, .mark-source').allTextContents())
        .toEqual(Array(3).fill(['Écouté, date inconnue', 'selon pixel-8 (appli de podcast)']).flat());
      await settings.screenshot({ path: resolve(SCREENSHOTS, 'gpodder-history.png'), fullPage: true });

      const tab = await session.openSitePage(LCC_262);
      const popup = await session.openPopup(tab);
      await expect.poll(() => popup.locator('button.play').first().textContent()).toBe('Reprendre à 43:12 (appli de podcast)');
      await popup.screenshot({ path: resolve(SCREENSHOTS, 'gpodder-popup-resume.png') });
      await popup.getByRole('button', { name: 'Écouté' }).click();
      await expect
        .poll(async () => (await actionsOnServer(server.url)).filter((action) => action['device'] !== 'pixel-8').length, {
          timeout: 30_000,
        })
        .toBe(1);
      const [sent] = (await actionsOnServer(server.url)).filter((action) => action['device'] !== 'pixel-8');
      expect(sent).toMatchObject({ episode: PHONE_MEDIA(262), podcast: PHONE_FEED, action: 'play', position: 5400, total: 5400 });

      // The server goes down: the mark waits, the settings say why, and it is sent once the server is back.
      server.pause();
      try {
        await popup.getByRole('button', { name: 'Écouté' }).click();
        await settings.goto(`chrome-extension://${session.extensionId}/options/index.html#settings`);
        await settings.getByRole('button', { name: 'Synchroniser maintenant' }).click();
        await expect
          .poll(() => settings.locator('.gpodder-state [role="alert"]').textContent())
          .toContain('Le serveur ne répond pas à cette adresse.');
        await expect.poll(() => settings.locator('.gpodder-state').textContent()).toContain('1 changement(s) en attente d’envoi.');
      } finally {
        server.resume();
      }
      await settings.getByRole('button', { name: 'Synchroniser maintenant' }).click();
      await expect.poll(() => settings.locator('.gpodder-state [role="alert"]').count(), { timeout: 20_000 }).toBe(0);
      const ours = (await actionsOnServer(server.url)).filter((action) => action['device'] !== 'pixel-8');
      // The mark, then its undo: a play at the position before it, the phone's.
      expect(ours.map((action) => action['position'])).toEqual([5400, 2592]);

      await settings.getByRole('button', { name: 'Se déconnecter' }).click();
      // Disconnecting and giving the permission back can take longer than poll's default second on a loaded machine.
      await expect.poll(() => settings.getByRole('button', { name: 'Se connecter' }).count(), { timeout: 15_000 }).toBe(1);
    });
  });
});

inFirefox('the sync with the podcast apps in Firefox', () => {
  describe.skipIf(!opodsyncPresent)('against a real gPodder server', () => {
    let server: SyncServer;
    beforeAll(async () => {
      server = await startSyncServer();
    });
    afterAll(() => server.stop());

    it('connects from the settings, and sends a pause in the popup with the phone’s addresses', async ({ launchFirefox }) => {
      await postAsPhone(server.url, [phonePlay(262, '2026-11-30T08:15:00', 2592)]);
      const session = await launchFirefox();
      await session.grantHosts(['http://127.0.0.1/*']);
      await session.openSitePage(LCC_262);
      await session.openPopup();
      await until(
        () =>
          session.evaluateInPopup<boolean>(`[...document.querySelectorAll('button')].some((each) => each.textContent.trim() === 'Play')`),
        (shown) => shown,
      );
      await session.evaluateInPopup(click('Play'));
      const settings = await session.openExtensionPage('options/index.html#settings');
      const player = () =>
        session.evaluate<PlayerState>(settings, `browser.runtime.sendMessage({ type: 'player/command', command: { kind: 'state' } })`);
      await until(player, (state) => state.status === 'playing' && state.position > 3);
      await session.evaluate(settings, `browser.runtime.sendMessage({ type: 'player/command', command: { kind: 'pause' } })`);
      await until(player, (state) => state.status === 'paused');

      await until(
        () => session.evaluate<string | null>(settings, text('.gpodder legend')),
        (legend) => legend === 'Sync with your podcast app',
      );
      const fill = (label: string, value: string) =>
        `(() => { const input = [...document.querySelectorAll('.gpodder-connect label')].find((each) => each.textContent.startsWith(${JSON.stringify(label)})).querySelector('input');
          Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set.call(input, ${JSON.stringify(value)});
          input.dispatchEvent(new Event('input', { bubbles: true })); return true; })()`;
      await session.evaluate(settings, fill('Server address', server.url));
      await session.evaluate(settings, fill('User name', USER));
      await session.evaluate(settings, fill('Password', PASSWORD));
      // The listener's own click: Firefox asks a permission only in answer to one.
      await session.click(settings, '.gpodder-connect button[type="submit"]');
      await until(
        () => session.evaluate<string | null>(settings, text('.gpodder > [role="status"]')),
        (said) => said === 'Connected: 1 actions, 1 of them for Les Cast Codeurs, from 1 device(s).',
        20_000,
      );
      const ours = await until(
        async () => (await actionsOnServer(server.url)).filter((action) => action['device'] !== 'pixel-8'),
        (actions) => actions.length === 1,
        20_000,
      );
      expect(ours[0]).toMatchObject({ episode: PHONE_MEDIA(262), podcast: PHONE_FEED, action: 'play' });
      expect(ours[0]!['position']).toBeGreaterThanOrEqual(3);
    });
  });
});
