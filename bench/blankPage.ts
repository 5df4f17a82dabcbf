/**
 * The yardsticks of the page figures: the built extension plus an empty page of its own and a
 * page that loads one module script which draws its text (the extension loader's round trip every
 * page with a script pays, and nothing of ours), and the moment a page first paints, as the
 * browser records it.
 */
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { DIST, type ExtensionSession } from '../test/e2e/support/browser';
import { median } from './timing';

export const BLANK_PAGE = 'blank.html';
export const MODULE_PAGE = 'module.html';

let copy: string | null = null;

/** The built extension with `blank.html` added, copied once per run. */
export function extensionWithBlankPage(): string {
  if (!copy) {
    copy = mkdtempSync(join(tmpdir(), 'lcc-bench-dist-'));
    cpSync(DIST, copy, { recursive: true });
    writeFileSync(join(copy, BLANK_PAGE), '<!doctype html><meta charset="utf-8"><title>blank</title><p>blank</p>');
    writeFileSync(
      join(copy, MODULE_PAGE),
      '<!doctype html><meta charset="utf-8"><title>module</title><script type="module" src="module.js"></script><p id="drawn"></p>',
    );
    writeFileSync(join(copy, 'module.js'), "document.getElementById('drawn').textContent = 'module';\n");
  }
  return copy;
}

/**
 * When `page` first painted the element marked `elementtiming="<element>"` (the blank page: its
 * first contentful paint), in milliseconds since the epoch.
 */
export async function paintedAt(page: Page, element: string | null): Promise<number> {
  return page.evaluate(
    (identifier) =>
      new Promise<number>((done, fail) => {
        setTimeout(() => fail(new Error(`${identifier ?? 'the page'} never painted`)), 20_000);
        const type = identifier ? 'element' : 'paint';
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries() as (PerformanceEntry & { identifier?: string; renderTime?: number })[]) {
            const wanted = identifier ? entry.identifier === identifier : entry.name === 'first-contentful-paint';
            if (wanted) done(performance.timeOrigin + (entry.renderTime || entry.startTime));
          }
        }).observe({ type, buffered: true });
      }),
    element,
  );
}

/**
 * The medians over `runs` of a journal view's first paint (its `elementtiming` element), of the
 * blank page's and of the module page's, each from the start of its page's navigation, taken in turns.
 */
export async function medianFirstPaints(
  session: ExtensionSession,
  path: string,
  element: string,
  runs: number,
): Promise<{ page: number; blank: number; module: number }> {
  const paint = async (target: string, marked: string | null) => {
    const tab = await session.context.newPage();
    await tab.goto(`chrome-extension://${session.extensionId}/${target}`);
    const since = (await paintedAt(tab, marked)) - (await tab.evaluate(() => performance.timeOrigin));
    await tab.close();
    return since;
  };
  const page: number[] = [];
  const blank: number[] = [];
  const module: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    page.push(await paint(path, element));
    blank.push(await paint(BLANK_PAGE, null));
    module.push(await paint(MODULE_PAGE, null));
  }
  return { page: median(page), blank: median(blank), module: median(module) };
}
