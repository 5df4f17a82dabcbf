/**
 * The player in Chromium, as a listener uses it: a small real mp3 served in place of the show's
 * audio host (with the ranges seeking asks for), played from the real toolbar popup over the
 * real page of an episode.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, expect } from 'vitest';
import { inChromium, it } from './support/fixtures';
import type { PlayerState } from '../../src/core/player/state';
import { FEED_URL } from '../../src/platform/html/feed';
import { CORPUS_DIR } from '../support/corpus';
import { chromium, type Page } from 'playwright-core';
import { axeViolations } from './support/axe';
import { type ExtensionSession } from './support/browser';
import { LCC_262, LCC_340 } from './support/pages';
import { SCREENSHOTS } from './support/screenshots';
import { readStore } from './support/stored';

/** The test mp3 lasts two minutes. */
const FIXTURE_SECONDS = 120;

/** The player's state, asked of the offscreen document where it plays, as the background asks it: on a port posted to the document. */
async function playerState(session: ExtensionSession): Promise<PlayerState> {
  const worker = await session.worker();
  return worker.evaluate(async () => {
    const clients = (
      globalThis as unknown as {
        clients: { matchAll(o: object): Promise<{ url: string; postMessage(m: unknown, t: Transferable[]): void }[]> };
      }
    ).clients;
    const offscreen = (await clients.matchAll({ includeUncontrolled: true, type: 'window' })).find((each) =>
      each.url.endsWith('/offscreen/index.html'),
    );
    if (!offscreen) throw new Error('no offscreen document');
    const { port1, port2 } = new MessageChannel();
    const reply = new Promise<{ answer: PlayerState }>(
      (answered) => (port1.onmessage = (event) => answered(event.data as { answer: PlayerState })),
    );
    // A document closing meanwhile never answers: the poll asks again.
    const unanswered = new Promise<never>((_, fail) => setTimeout(() => fail(new Error('the offscreen document did not answer')), 2000));
    offscreen.postMessage({ type: 'offscreen/player', command: { kind: 'state' } }, [port2]);
    return (await Promise.race([reply, unanswered])).answer;
  });
}

/**
 * The value of `expression` in Chrome's offscreen document, where the player plays. Playwright
 * does not list that document; a browser-level CDP session reaches it as a target.
 */
async function evaluateInOffscreenDocument<T>(session: ExtensionSession, expression: string): Promise<T> {
  const client = await chromium.connectOverCDP(`http://127.0.0.1:${session.debuggingPort}`);
  try {
    const cdp = await client.newBrowserCDPSession();
    const { targetInfos } = await cdp.send('Target.getTargets');
    const offscreen = targetInfos.find((target) => target.url.endsWith('/offscreen/index.html'));
    if (!offscreen) throw new Error('no offscreen document');
    const { sessionId } = await cdp.send('Target.attachToTarget', { targetId: offscreen.targetId, flatten: false });
    const answer = new Promise<T>((resolve) =>
      cdp.on('Target.receivedMessageFromTarget', (event) => {
        const message = JSON.parse(event.message) as { id?: number; result?: { result: { value: T } } };
        if (message.id === 1) resolve(message.result!.result.value);
      }),
    );
    await cdp.send('Target.sendMessageToTarget', {
      sessionId,
      message: JSON.stringify({ id: 1, method: 'Runtime.evaluate', params: { expression, returnByValue: true, awaitPromise: true } }),
    });
    return await answer;
  } finally {
    await client.close();
  }
}

/** Plays the popup's episode with its "Écouter" button, once the player plays it. */
async function playFromPopup(session: ExtensionSession, popup: Page): Promise<void> {
  await popup.getByRole('button', { name: 'Écouter', exact: true }).click();
  await expect.poll(async () => (await playerState(session)).status, { timeout: 10_000 }).toBe('playing');
}

/**
 * Moves the popup's position slider as a listener lets go of it. It waits for the popup to know
 * the length first: before that the slider is disabled and its maximum 1, so the seek is lost.
 */
async function seekFromPopup(popup: Page, to: number): Promise<void> {
  const slider = popup.locator('.player-position');
  await expect
    .poll(async () => (await slider.isEnabled()) && Number(await slider.getAttribute('max')) >= to, { timeout: 10_000 })
    .toBe(true);
  await slider.evaluate((input: HTMLInputElement, seconds) => {
    input.value = String(seconds);
    input.dispatchEvent(new Event('change', { bubbles: true }));
  }, to);
}

/** "Ajouter à « À écouter ensuite »" from the menu of an episode's row in the catalogue. */
async function queueFromRow(journal: Page, episodeNumber: number): Promise<void> {
  await journal
    .locator('.episode-list .year')
    .getByRole('button', { name: new RegExp(`^Autres actions pour LCC ${episodeNumber} `) })
    .click();
  await journal.getByRole('menuitem', { name: 'Ajouter à « À écouter ensuite »' }).click();
}

inChromium('the player in Chromium', () => {
  const profiles: string[] = [];
  afterEach(() => {
    for (const profile of profiles.splice(0)) rmSync(profile, { recursive: true, force: true });
  });

  it('plays from the popup, goes on with the popup closed, shows the position again, and marks the episode listened near its end', async ({
    launch,
  }) => {
    const session = await launch();
    const tab = await session.openSitePage(LCC_262);
    let popup = await session.openPopup(tab);
    await playFromPopup(session, popup);
    expect(session.audio.requests).toBeGreaterThan(0);
    await expect.poll(() => popup.locator('.player-title').textContent()).toContain('LCC 262');
    expect(await popup.locator('.player-head .artwork').count()).toBe(1);
    // The system's media controls name the episode and the show, with the artwork.
    const mediaSession = await evaluateInOffscreenDocument<{
      title: string;
      artist: string;
      album: string;
      artwork: string[];
      state: string;
    }>(
      session,
      `({ title: navigator.mediaSession.metadata.title, artist: navigator.mediaSession.metadata.artist, album: navigator.mediaSession.metadata.album, artwork: navigator.mediaSession.metadata.artwork.map((image) => image.src), state: navigator.mediaSession.playbackState })`,
    );
    expect(mediaSession).toEqual({
      title: 'LCC 262 - Interview Cloud de Confiance avec Quentin Adam',
      artist: 'Les Cast Codeurs',
      album: 'LCC 262',
      // The site's image, as the popup shows it; the extension's icon if it cannot be fetched.
      artwork: [
        'https://lescastcodeurs.com/images/default-twitter-card.png',
        `chrome-extension://${session.extensionId}/icons/icon-128.png`,
      ],
      state: 'playing',
    });

    await popup.close();
    const closedAt = (await playerState(session)).position;
    await expect.poll(async () => (await playerState(session)).position, { timeout: 10_000 }).toBeGreaterThan(closedAt + 1.5);

    popup = await session.openPopup(tab);
    await expect.poll(() => popup.locator('.player-elapsed').textContent()).toMatch(/^(0:0[2-9]|0:[1-9]\d)$/);
    // The length in the slider's words; the time left under it.
    expect(await popup.locator('.player-position').getAttribute('aria-valuetext')).toMatch(/ \/ 2:00$/);
    expect(await popup.locator('.player-remaining').textContent()).toMatch(/^−1:[0-5]\d$/);

    // Twenty seconds before the end, then pause: played out, by AntennaPod's rule.
    await seekFromPopup(popup, FIXTURE_SECONDS - 20);
    await expect.poll(async () => (await playerState(session)).position).toBeGreaterThanOrEqual(FIXTURE_SECONDS - 20);
    await popup.getByRole('button', { name: 'Pause' }).click();
    await expect.poll(() => popup.locator('.player-marked').textContent()).toContain('marqué écouté');
    await expect.poll(() => popup.getByRole('button', { name: 'Écouté', exact: true }).getAttribute('aria-pressed')).toBe('true');
    expect(await readStore(popup, 'logs')).toEqual([
      {
        episodeId: 'lcc-262',
        events: [expect.objectContaining({ kind: 'listened', from: 'player', batch: expect.stringMatching(/^player-/) })],
      },
    ]);
    const [position] = (await readStore(popup, 'positions')) as { seconds: number }[];
    expect(position!.seconds).toBeGreaterThanOrEqual(FIXTURE_SECONDS - 20);
    const [listened] = (await readStore(popup, 'listenedTime')) as { contentSeconds: number }[];
    expect(listened!.contentSeconds).toBeGreaterThan(1);

    // One undo takes the player's mark back.
    await popup.getByRole('button', { name: 'Annuler' }).click();
    await expect.poll(() => popup.getByRole('button', { name: 'Écouté', exact: true }).getAttribute('aria-pressed')).toBe('false');
    expect(await readStore(popup, 'logs')).toEqual([]);
  });

  it('draws its bar in the popup with the episode, not a frame after it pushing the notes down', async ({ launch }) => {
    const session = await launch();
    const tab = await session.openSitePage(LCC_262);
    const popup = await session.openPopup(tab);
    await playFromPopup(session, popup);
    await popup.close();

    // Whether the bar and the episode are drawn, from before the popup's own scripts run.
    const watch = `window.drawn = []; new MutationObserver(() => {
      const state = (document.querySelector('.player-title') ? 'bar' : '-') + ' ' + (document.querySelector('h1.episode-title') ? 'episode' : '-');
      if (window.drawn.at(-1) !== state) window.drawn.push(state);
    }).observe(document, { subtree: true, childList: true });`;
    const again = await session.openPopup(tab, undefined, watch);
    await expect.poll(() => again.locator('main.episode[aria-busy="false"]').count()).toBe(1);
    const drawn = await again.evaluate(() => (window as unknown as { drawn: string[] }).drawn);
    expect(drawn).not.toContain('- episode');
    expect(drawn.at(-1)).toBe('bar episode');
  });

  it('resumes where the listener was after the browser closed while playing', async ({ launch }) => {
    const profile = mkdtempSync(join(tmpdir(), 'lcc-profile-'));
    profiles.push(profile);
    let session = await launch({ profile });
    const tab = await session.openSitePage(LCC_262);
    const popup = await session.openPopup(tab);
    await popup.getByRole('button', { name: 'Écouter', exact: true }).click();
    // Past the first write, ten seconds after the start, and on: the browser closes mid-play.
    await expect.poll(async () => (await playerState(session)).position, { timeout: 20_000 }).toBeGreaterThan(12);
    await session.close();

    session = await launch({ profile });
    const again = await session.openPopup(await session.openSitePage(LCC_262));
    const resume = again.getByRole('button', { name: /^Reprendre à 0:[1-9]\d$/ });
    await expect.poll(() => resume.count()).toBe(1);
    await resume.click();
    await expect.poll(async () => (await playerState(session)).status, { timeout: 10_000 }).toBe('playing');
    expect((await playerState(session)).position).toBeGreaterThanOrEqual(10);
  });

  it('plays on from the bar where it paused, after Chrome closed the silent player', async ({ launch }) => {
    const session = await launch();
    const tab = await session.openSitePage(LCC_262);
    const popup = await session.openPopup(tab);
    await popup.getByRole('button', { name: 'Écouter', exact: true }).click();
    await expect.poll(async () => (await playerState(session)).position, { timeout: 10_000 }).toBeGreaterThan(3);
    await popup.getByRole('button', { name: 'Pause' }).click();
    await expect.poll(async () => (await playerState(session)).status).toBe('paused');
    const pausedAt = (await playerState(session)).position;
    // The pause's write done (Chrome waits 30 s), then what Chrome does to a silent offscreen document.
    await expect
      .poll(async () => ((await readStore(popup, 'positions')) as { seconds: number }[])[0]?.seconds ?? 0)
      .toBeGreaterThanOrEqual(Math.floor(pausedAt));
    await (
      await session.worker()
    ).evaluate(() =>
      (globalThis as unknown as { chrome: { offscreen: { closeDocument(): Promise<void> } } }).chrome.offscreen.closeDocument(),
    );
    await popup.getByRole('button', { name: 'Lecture' }).click();
    await expect.poll(async () => (await playerState(session)).status, { timeout: 10_000 }).toBe('playing');
    expect((await playerState(session)).position).toBeGreaterThanOrEqual(Math.floor(pausedAt));
  });

  it('reads the archive only once the episode stopped playing, never in the document while it plays, and closes it then (issue 24, 2)', async ({
    launch,
  }) => {
    const session = await launch({ feed: true });
    const tab = await session.openSitePage(LCC_262);
    const popup = await session.openPopup(tab);
    await playFromPopup(session, popup);
    // A whole feed, no validator: a refresh would parse it in the player's offscreen document.
    const feed = readFileSync(join(CORPUS_DIR, 'feed.atom'));
    let fetched = 0;
    await session.context.route(FEED_URL, (route) => {
      fetched += 1;
      return route.fulfill({ status: 200, contentType: 'application/atom+xml', body: feed });
    });
    const refresh = () =>
      popup.evaluate(() =>
        (
          globalThis as unknown as {
            chrome: { runtime: { sendMessage(m: object): Promise<{ failure: unknown; checkedAt: number } | null> } };
          }
        ).chrome.runtime.sendMessage({ type: 'archive/refresh', force: true }),
      );
    const before = await refresh();
    expect(fetched).toBe(0);
    const after = await playerState(session);
    expect(after.status).toBe('playing');
    expect(after.playable?.episodeId).toBe('lcc-262');

    await seekFromPopup(popup, FIXTURE_SECONDS - 1);
    await expect.poll(async () => (await playerState(session)).status, { timeout: 10_000 }).toBe('ended');
    // The refresh that waited runs at the end, and the document, holding no episode, is closed after it.
    await expect.poll(() => fetched, { timeout: 15_000 }).toBe(1);
    const offscreenOpen = () =>
      session
        .worker()
        .then((worker) =>
          worker.evaluate(() =>
            (globalThis as unknown as { chrome: { offscreen: { hasDocument(): Promise<boolean> } } }).chrome.offscreen.hasDocument(),
          ),
        );
    await expect.poll(offscreenOpen, { timeout: 15_000 }).toBe(false);
    const done = await refresh();
    expect(done?.failure).toBeNull();
    expect(done!.checkedAt).toBeGreaterThan(before!.checkedAt);
  });

  it('starts an episode asked for while the archive is being read in the same document, and keeps it playing', async ({ launch }) => {
    const session = await launch({ feed: true });
    const tab = await session.openSitePage(LCC_262);
    const popup = await session.openPopup(tab);
    const feed = readFileSync(join(CORPUS_DIR, 'feed.atom'));
    await session.context.route(FEED_URL, (route) => route.fulfill({ status: 200, contentType: 'application/atom+xml', body: feed }));
    // Not awaited: the click lands while the feed is fetched and parsed, before the document is closed after it.
    const refreshing = popup.evaluate(() =>
      (
        globalThis as unknown as { chrome: { runtime: { sendMessage(m: object): Promise<{ failure: unknown } | null> } } }
      ).chrome.runtime.sendMessage({ type: 'archive/refresh', force: true }),
    );
    await popup.getByRole('button', { name: 'Écouter', exact: true }).click();
    expect((await refreshing)?.failure).toBeNull();
    await expect.poll(async () => (await playerState(session)).status, { timeout: 10_000 }).toBe('playing');
    const at = (await playerState(session)).position;
    await expect.poll(async () => (await playerState(session)).position, { timeout: 10_000 }).toBeGreaterThan(at + 1);
  });

  it('says so when the mp3 cannot be reached, stores nothing, and plays on a try again', async ({ launch }) => {
    const session = await launch({ audio: 'not-found' });
    const tab = await session.openSitePage(LCC_262);
    const popup = await session.openPopup(tab);
    await popup.getByRole('button', { name: 'Écouter', exact: true }).click();
    await expect.poll(() => popup.getByRole('alert').textContent()).toContain('ne répond pas');
    expect((await playerState(session)).status).toBe('failed');
    for (const store of ['positions', 'logs', 'listenedTime', 'listening']) expect(await readStore(popup, store), store).toEqual([]);

    session.audio.mode = 'serve';
    await popup.getByRole('button', { name: 'Réessayer' }).click();
    await expect.poll(async () => (await playerState(session)).status, { timeout: 10_000 }).toBe('playing');
    await expect.poll(() => popup.getByRole('alert').count()).toBe(0);
  });

  it('starts the next episode of the queue when one ends', async ({ launch }) => {
    const session = await launch();
    const next = await session.openSitePage(LCC_340);
    const nextPopup = await session.openPopup(next);
    await nextPopup.getByRole('button', { name: 'À écouter ensuite' }).click();
    await expect.poll(() => nextPopup.getByRole('button', { name: 'À écouter ensuite' }).getAttribute('aria-pressed')).toBe('true');
    await nextPopup.close();

    const tab = await session.openSitePage(LCC_262);
    const popup = await session.openPopup(tab);
    await popup.getByRole('button', { name: 'Écouter', exact: true }).click();
    await expect.poll(async () => (await playerState(session)).duration ?? 0, { timeout: 10_000 }).toBeGreaterThan(FIXTURE_SECONDS - 1);
    await seekFromPopup(popup, FIXTURE_SECONDS - 2);
    await expect.poll(async () => (await playerState(session)).playable?.episodeId, { timeout: 15_000 }).toBe('lcc-340');
    await expect.poll(async () => (await playerState(session)).status, { timeout: 10_000 }).toBe('playing');
    // The one that ended is listened, by the player; the queue is empty again.
    await expect.poll(() => popup.locator('.player-marked').count()).toBe(1);
    await expect.poll(() => popup.locator('.player-title').textContent()).toContain('LCC 340');
  });

  it('plays from the journal, shows the episode in progress, keeps a queue in order, and counts the time played', async ({ launch }) => {
    const session = await launch({ feed: true });
    const journal = await session.context.newPage();
    await journal.goto(`chrome-extension://${session.extensionId}/options/index.html#episodes`);
    // In its row: a listener who has heard nothing is offered the newest, LCC 340, as the next too.
    const play340 = journal.locator('.episode-list .year').getByRole('button', { name: /^Écouter LCC 340 / });
    await expect.poll(() => play340.count(), { timeout: 30_000 }).toBe(1);
    // The next to listen plays from where it is named, too.
    expect(
      await journal
        .locator('.next')
        .getByRole('button', { name: /^Écouter / })
        .count(),
    ).toBe(1);
    expect(await journal.locator('.next-episode .episode-number').textContent()).toBe('LCC 340');
    await journal.getByRole('radio', { name: 'Le plus ancien' }).check();
    await expect.poll(() => journal.locator('.next-episode .episode-number').textContent()).toBe('LCC 1');
    await journal.getByRole('radio', { name: 'Le plus récent' }).check();
    await play340.click();
    await expect.poll(async () => (await playerState(session)).position, { timeout: 10_000 }).toBeGreaterThan(2);
    await journal.locator('.player').getByRole('button', { name: 'Pause' }).click();
    await expect
      .poll(() =>
        journal
          .locator('.year .row', { has: play340.or(journal.getByRole('button', { name: /^Reprendre LCC 340 / })) })
          .locator('.in-progress')
          .textContent(),
      )
      .toMatch(/^en cours 0:\d\d \/ 2:00$/);

    for (const number of [339, 338, 336]) await queueFromRow(journal, number);
    await journal.goto(`chrome-extension://${session.extensionId}/options/index.html#queue`);
    const queued = () => journal.locator('.queue-item .episode-name').allTextContents();
    await expect.poll(async () => (await queued()).map((name) => name.slice(0, 7))).toEqual(['LCC 339', 'LCC 338', 'LCC 336']);
    await journal.getByRole('button', { name: /^Monter LCC 336 / }).click();
    await expect.poll(async () => (await queued()).map((name) => name.slice(0, 7))).toEqual(['LCC 339', 'LCC 336', 'LCC 338']);
    await journal.getByRole('button', { name: /^Retirer LCC 339 / }).click();
    await expect.poll(async () => (await queued()).map((name) => name.slice(0, 7))).toEqual(['LCC 336', 'LCC 338']);
    // Dragged by its handle, as with a finger or a mouse: LCC 338 above LCC 336.
    const handle = await journal.locator('.queue-item').nth(1).locator('.drag-handle').boundingBox();
    const rowHeight = (await journal.locator('.queue-item').first().boundingBox())!.height;
    await journal.mouse.move(handle!.x + handle!.width / 2, handle!.y + handle!.height / 2);
    await journal.mouse.down();
    await journal.mouse.move(handle!.x + handle!.width / 2, handle!.y + handle!.height / 2 - rowHeight * 1.2, { steps: 8 });
    await journal.mouse.up();
    await expect.poll(async () => (await queued()).map((name) => name.slice(0, 7))).toEqual(['LCC 338', 'LCC 336']);
    // Or from the row's menu: to the top of the queue.
    const menuButton = journal.getByRole('button', { name: /^Autres actions pour LCC 336 / });
    await menuButton.click();
    // The menu opens by its button, under it (the button is in the window's upper half), not at the window's corner.
    const [button, menu] = [await menuButton.boundingBox(), await journal.getByRole('menu').boundingBox()];
    expect(Math.abs(menu!.x + menu!.width - (button!.x + button!.width))).toBeLessThan(1);
    expect(menu!.y).toBeGreaterThanOrEqual(button!.y + button!.height);
    await journal.getByRole('menuitem', { name: 'Mettre en tête de la file' }).click();
    await expect.poll(async () => (await queued()).map((name) => name.slice(0, 7))).toEqual(['LCC 336', 'LCC 338']);

    await journal.goto(`chrome-extension://${session.extensionId}/options/index.html#stats`);
    await expect
      .poll(() => journal.locator('.figures').last().textContent())
      .toMatch(/Temps écouté, dans le lecteur et l’appli de podcast0 h/);
  });

  it('takes a stream that broke mid-play up again where it was', async ({ launch }) => {
    const session = await launch({ audio: 'cut-once' });
    const tab = await session.openSitePage(LCC_262);
    const popup = await session.openPopup(tab);
    await playFromPopup(session, popup);
    // The first answer breaks after 60 KB, the first minute of the test mp3: from 0:55 at 2.5×, past it.
    await popup.locator('.player-speed input').evaluate((slider: HTMLInputElement) => {
      slider.value = '2.5';
      slider.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await seekFromPopup(popup, 55);
    await expect.poll(async () => (await playerState(session)).position, { timeout: 20_000 }).toBeGreaterThan(66);
    expect((await playerState(session)).status).toBe('playing');
    expect(session.audio.ranges[0]).toBe('0-');
    expect(session.audio.ranges.slice(1).some((range) => Number(range.split('-')[0]) >= 55_000)).toBe(true);
  });

  it.for(['light', 'dark'] as const)(
    'has no axe violation in the popup, the episode list and the queue, %s theme',
    async (colorScheme, { launch }) => {
      const session = await launch({ feed: true, colorScheme });
      const tab = await session.openSitePage(LCC_262);
      const popup = await session.openPopup(tab);
      await popup.getByRole('button', { name: 'Écouter', exact: true }).click();
      await expect.poll(async () => (await playerState(session)).position, { timeout: 10_000 }).toBeGreaterThan(2);
      await popup.getByRole('button', { name: 'Pause' }).click();
      await expect.poll(() => popup.locator('.player-status').textContent()).toBe('En pause :');
      expect(await axeViolations(popup)).toEqual([]);
      mkdirSync(SCREENSHOTS, { recursive: true });
      if (colorScheme === 'light')
        await popup.screenshot({ path: resolve(SCREENSHOTS, 'popup-player.png'), clip: { x: 0, y: 0, width: 520, height: 330 } });

      const journal = await session.context.newPage();
      await journal.setViewportSize({ width: 900, height: 800 });
      for (const view of ['episodes', 'queue']) {
        await journal.goto(`chrome-extension://${session.extensionId}/options/index.html#${view}`);
        await expect.poll(() => journal.locator('.player').count(), { timeout: 30_000 }).toBe(1);
        await expect
          .poll(() => journal.locator(view === 'episodes' ? '.episode-list .year .row' : '.queue-item').count(), { timeout: 30_000 })
          .toBeGreaterThan(0);
        expect(await axeViolations(journal), view).toEqual([]);
        if (view === 'episodes') {
          if (colorScheme === 'light') await journal.screenshot({ path: resolve(SCREENSHOTS, 'journal-episodes-player.png') });
          await queueFromRow(journal, 340);
        }
      }
    },
  );
});
