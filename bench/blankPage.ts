/**
 * The yardstick of the page figures: the built extension plus an empty page of its own, and the
 * moment a page first paints, as the browser records it.
 */
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { DIST } from '../test/e2e/support/browser';

export const BLANK_PAGE = 'blank.html';

let copy: string | null = null;

/** The built extension with `blank.html` added, copied once per run. */
export function extensionWithBlankPage(): string {
  if (!copy) {
    copy = mkdtempSync(join(tmpdir(), 'lcc-bench-dist-'));
    cpSync(DIST, copy, { recursive: true });
    writeFileSync(join(copy, BLANK_PAGE), '<!doctype html><meta charset="utf-8"><title>blank</title><p>blank</p>');
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
