/**
 * The worst source a listener's browser could be handed for one episode address: a page and a
 * markdown source of 5 MB each, tens of thousands of links, and thousands of nested levels.
 * The browser tests and `npm run bench` serve it in place of the site and GitHub.
 */
import type { BrowserContext } from 'playwright-core';

export const WORST_CASE_PATH = '/2026/11/29/lcc-999-worst-case/';
const SOURCE = 'https://raw.githubusercontent.com/lescastcodeurs/lescastcodeurs.com/main/_posts/2026-11-29-lcc-999-worst-case.md';
const SIZE = 5 * 1024 * 1024;
const DEPTH = 3000;

function repeatTo(size: number, item: (index: number) => string): string {
  const parts: string[] = [];
  let length = 0;
  for (let index = 0; length < size; index += 1) {
    const part = item(index);
    parts.push(part);
    length += part.length;
  }
  return parts.join('');
}

export function worstCasePage(): string {
  const deep = `${'<div><span>'.repeat(DEPTH)}<a href="https://deep.example/">fond</a>${'</span></div>'.repeat(DEPTH)}`;
  const notes = repeatTo(SIZE, (index) =>
    index % 50 === 0
      ? `<h3 id="item-${index}">Item ${index}</h3>`
      : `<ul><li>Nouvelle ${index} <a href="https://example.com/${index}">lien ${index}</a></li></ul>`,
  );
  return `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>LCC 999</title></head><body>
<article class="post"><header class="post-header"><h1 class="post-title">LCC 999 - Le pire des cas</h1>
<time class="dt-published" datetime="2026-11-29T00:00:00+01:00">29/11/2026</time>
<a href="https://traffic.libsyn.com/lescastcodeurs/LesCastCodeurs-Episode-999.mp3">mp3</a></header>
<div class="post-content"><p>Enregistré le 28 novembre 2026</p>${deep}${notes}</div></article></body></html>`;
}

export function worstCaseMarkdown(): string {
  const deep = Array.from({ length: 1000 }, (_, level) => `${'  '.repeat(level)}- [l${level}](https://deep.example/${level})`).join('\n');
  const notes = repeatTo(SIZE, (index) =>
    index % 50 === 0 ? `\n### Item ${index}\n\n` : `- Nouvelle ${index} [lien ${index}](https://example.com/${index})\n`,
  );
  return `---\ntitle: LCC 999 - Le pire des cas\nepisode: 999\n---\n${deep}\n${notes}`;
}

/** Serves the worst case at WORST_CASE_PATH and its source, over the session's other routes. */
export async function routeWorstCase(context: BrowserContext): Promise<void> {
  const page = worstCasePage();
  const markdown = worstCaseMarkdown();
  await context.route(`https://lescastcodeurs.com${WORST_CASE_PATH}`, (route) =>
    route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: page }),
  );
  await context.route(SOURCE, (route) =>
    route.fulfill({
      status: 200,
      contentType: 'text/plain; charset=utf-8',
      headers: { 'Access-Control-Allow-Origin': '*' },
      body: markdown,
    }),
  );
}
