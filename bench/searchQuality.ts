/**
 * `archive search recall: X precision: Y`: search judged as a listener would, on the corpus. Three
 * hundred words drawn from the rendered notes of `../shared/corpus/pages` (each in 2 to 8
 * episodes' pages, four letters or more, drawn by a fixed hash), each searched in the archive
 * built from the corpus feed. An episode should be found when its page's notes hold a word that
 * starts with the one searched (search matches prefixes: `graal` finds GraalVM). Micro-averaged
 * over the words: recall is the share of those episodes found, precision the share of the
 * episodes found that hold it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DOMParser, parseHTML } from 'linkedom';
import { buildSearchIndex, loadSearchIndex } from '../src/core/archive/search';
import { parseFeedEntries, type DocumentParser } from '../src/platform/html/feed';
import { foldForSearch } from '../src/core/text/text';
import { CORPUS_DIR, corpusPresent } from '../test/support/corpus';

const WORDS = 300;

function hash(word: string): number {
  let value = 2166136261;
  for (let index = 0; index < word.length; index++) value = Math.imul(value ^ word.charCodeAt(index), 16777619);
  return value >>> 0;
}

/** The words of the notes as the page shows them, folded as search folds them. */
function pageWords(html: string): Set<string> {
  // As a browser shows them: the words of a heading or an item apart from the next ones.
  const { document } = parseHTML(html.replace(/<\/?(?:p|li|ul|ol|h[1-6]|div|br|tr|td|th|blockquote|pre|dd|dt)\b/gi, ' $&'));
  const notes = document.querySelector('article.post .post-content')?.textContent ?? '';
  return new Set(
    foldForSearch(notes)
      .split(/[^\p{L}\p{N}]+/u)
      .filter((word) => word.length > 0),
  );
}

export function benchSearchQuality(): string[] {
  if (!corpusPresent) return ['archive search recall: n/a precision: n/a (needs the corpus)'];
  const entries = parseFeedEntries(readFileSync(join(CORPUS_DIR, 'feed.atom'), 'utf8'), new DOMParser() as unknown as DocumentParser);
  const search = loadSearchIndex(JSON.parse(JSON.stringify(buildSearchIndex(entries))));
  const archived = new Set(entries.map((entry) => entry.episode.url));
  const pages = new Map<string, Set<string>>();
  for (const file of readdirSync(join(CORPUS_DIR, 'pages'))) {
    const [, year, month, day, slug] = /^(\d{4})-(\d{2})-(\d{2})-(.+)\.html$/.exec(file) ?? [];
    const url = `https://lescastcodeurs.com/${year}/${month}/${day}/${slug}/`;
    if (archived.has(url)) pages.set(url, pageWords(readFileSync(join(CORPUS_DIR, 'pages', file), 'utf8')));
  }
  const everyWord = new Set([...pages.values()].flatMap((words) => [...words]));
  const holding = (word: string) =>
    new Set([...pages].filter(([, words]) => [...words].some((each) => each.startsWith(word))).map(([url]) => url));
  const candidates = [...everyWord]
    .filter((word) => word.length >= 4 && !/^\d+$/.test(word))
    .sort((a, b) => hash(a) - hash(b) || a.localeCompare(b));
  let relevant = 0;
  let found = 0;
  let foundRelevant = 0;
  let drawn = 0;
  const missed: string[] = [];
  for (const word of candidates) {
    if (drawn === WORDS) break;
    const truth = holding(word);
    if (truth.size < 2 || truth.size > 8) continue;
    drawn++;
    const results = new Set(
      search
        .search(word, 10_000)
        .hits.map((hit) => hit.episode.url)
        .filter((url) => pages.has(url)),
    );
    const hits = [...results].filter((url) => truth.has(url)).length;
    relevant += truth.size;
    found += results.size;
    foundRelevant += hits;
    if (hits < truth.size && missed.length < 12) missed.push(`${word} ${hits}/${truth.size}`);
  }
  const recall = foundRelevant / relevant;
  const precision = found === 0 ? 1 : foundRelevant / found;
  return [
    `archive search quality: ${drawn} words of the notes of ${pages.size} pages, ${relevant} episodes to find; missed for instance: ${missed.join(', ') || 'none'}`,
    `archive search recall: ${recall.toFixed(3)} precision: ${precision.toFixed(3)}`,
  ];
}
