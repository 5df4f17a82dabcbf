/**
 * The five screenshots the stores show, at their 1280×800, drawn from the extension as it runs
 * on the real pages (issue 22, 10): the popup over an episode's page, its links, the journal's
 * episodes, the journal on a phone, the conferences. `npm run screenshots` keeps them in
 * docs/store; `npm test` draws them in test-results and checks their size.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { inChromium, it } from './support/fixtures';
import { LCC_340 } from './support/pages';
import { SCREENSHOTS } from './support/screenshots';

const STORE = process.env['LCC_SCREENSHOTS'] === 'docs' ? resolve(SCREENSHOTS, '../store') : resolve(SCREENSHOTS, 'store');
const WIDTH = 1280;
const HEIGHT = 800;

const BRAND = 'background:linear-gradient(135deg,#c2410c,#7c2d12)';
const dataUrl = (png: Buffer) => `data:image/png;base64,${png.toString('base64')}`;

/** The width and height a PNG file's header gives. */
function pngSize(file: string): { width: number; height: number } {
  const header = readFileSync(file);
  return { width: header.readUInt32BE(16), height: header.readUInt32BE(20) };
}

/** Draws `pictures` (each with its place) on a page of the stores' size, and keeps it as `name`. */
async function compose(
  page: Page,
  name: string,
  background: string,
  pictures: { png: Buffer; style: string }[],
  caption?: { title: string; text: string },
): Promise<string> {
  await page.setViewportSize({ width: WIDTH, height: HEIGHT });
  const images = pictures
    .map(
      ({ png, style }) => `<img src="${dataUrl(png)}" style="position:absolute;${style};border-radius:12px;box-shadow:0 12px 40px #0006">`,
    )
    .join('');
  const words = caption
    ? `<div style="position:absolute;left:80px;top:260px;width:520px;color:#fff;font:600 44px/1.2 sans-serif">${caption.title}<p style="font:400 24px/1.4 sans-serif;margin-top:24px">${caption.text}</p></div>`
    : '';
  await page.setContent(
    `<!doctype html><meta charset="utf-8"><body style="margin:0;width:${WIDTH}px;height:${HEIGHT}px;overflow:hidden;${background}">${words}${images}</body>`,
  );
  await page.evaluate(() => Promise.all([...document.images].map((image) => image.decode())));
  const file = resolve(STORE, name);
  await page.screenshot({ path: file });
  return file;
}

inChromium('the stores’ screenshots', () => {
  it('draws five of 1280×800 from the running extension', async ({ launch }) => {
    mkdirSync(STORE, { recursive: true });
    const session = await launch({ feed: true });
    const tab = await session.openSitePage(LCC_340);
    const popup = await session.openPopup(tab);
    await popup.locator('.source-note[data-check="done"]').waitFor();
    await popup.getByRole('button', { name: 'Favori' }).click();
    await popup.getByRole('button', { name: 'Écouté' }).click();
    await expect.poll(() => popup.locator('.episode-actions button[aria-pressed="true"]').count()).toBe(2);
    const popupWidth = await popup.evaluate(() => document.documentElement.clientWidth);
    const episode = await popup.screenshot({ clip: { x: 0, y: 0, width: popupWidth, height: 720 } });
    await popup.getByRole('tab', { name: /Liens/ }).click();
    const links = await popup.screenshot({ clip: { x: 0, y: 0, width: popupWidth, height: 720 } });
    await popup.close();

    const journal = await session.context.newPage();
    const view = async (address: string, width: number, height: number) => {
      await journal.setViewportSize({ width, height });
      await journal.goto(`chrome-extension://${session.extensionId}/options/index.html#${address}`);
      await expect.poll(() => journal.locator('#view-title').textContent()).not.toBe('');
      await expect.poll(() => journal.getByRole('status').filter({ hasText: 'Chargement…' }).count(), { timeout: 30_000 }).toBe(0);
      if (address.startsWith('search')) await journal.locator('.hits > li').first().waitFor({ timeout: 30_000 });
      return journal.screenshot();
    };
    const episodes = await view('episodes', WIDTH, HEIGHT);
    const conferences = await view('conferences', WIDTH, HEIGHT);
    const phone = [await view('episodes', 360, 740), await view('search?q=quarkus', 360, 740), await view('history', 360, 740)];

    const canvas = await session.context.newPage();
    const beside = (png: Buffer) => ({ png, style: `top:40px;right:60px;width:${popupWidth}px;height:720px` });
    const files = [
      await compose(canvas, '1-popup.png', BRAND, [beside(episode)], {
        title: 'Chaque épisode, d’un clic',
        text: 'Sur la page d’un épisode : son plan, son lecteur, ce que vous en avez écouté.',
      }),
      await compose(canvas, '2-links.png', BRAND, [beside(links)], {
        title: 'Tous les liens, par sujet',
        text: 'Filtrés au clavier, gardés pour plus tard, et les autres épisodes qui les citent.',
      }),
      await compose(canvas, '3-episodes.png', '', [{ png: episodes, style: 'top:0;left:0;border-radius:0;box-shadow:none' }]),
      await compose(
        canvas,
        '4-phone.png',
        BRAND,
        phone.map((png, index) => ({ png, style: `top:30px;left:${100 + index * 380}px;width:320px;height:658px` })),
      ),
      await compose(canvas, '5-conferences.png', '', [{ png: conferences, style: 'top:0;left:0;border-radius:0;box-shadow:none' }]),
    ];
    for (const file of files) expect(pngSize(file), file).toEqual({ width: WIDTH, height: HEIGHT });
  });
});
