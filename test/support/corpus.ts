/**
 * The real corpus of the site, read from `../shared/corpus` (never copied into the project).
 * Where it is absent, the run says so once (announceSkips.ts) and skips the tests that need it.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseHTML } from 'linkedom';

export const CORPUS_DIR = resolve(process.env['LCC_CORPUS'] ?? join(import.meta.dirname, '../../../shared/corpus'));
export const corpusPresent = existsSync(join(CORPUS_DIR, 'posts'));

export function postFiles(): string[] {
  return corpusPresent
    ? readdirSync(join(CORPUS_DIR, 'posts'))
        .filter((name) => name.endsWith('.md'))
        .sort()
    : [];
}

export function readPost(fileName: string): string {
  return readFileSync(join(CORPUS_DIR, 'posts', fileName), 'utf8');
}

export function pageFileOf(postFileName: string): string {
  return postFileName.replace(/\.md$/, '.html');
}

export function readPage(fileName: string): string {
  return readFileSync(join(CORPUS_DIR, 'pages', fileName), 'utf8');
}

export function sitePageFiles(): string[] {
  return corpusPresent
    ? readdirSync(join(CORPUS_DIR, 'site'))
        .filter((name) => name.endsWith('.html'))
        .sort()
    : [];
}

export function readSitePage(fileName: string): string {
  return readFileSync(join(CORPUS_DIR, 'site', fileName), 'utf8');
}

export function documentOf(html: string): Document {
  return parseHTML(html).document;
}

/** The page's live address, `https://lescastcodeurs.com/YYYY/MM/DD/slug/`, from its file name. */
export function liveUrlOf(fileName: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})-(.+)\.(?:md|html)$/.exec(fileName);
  if (!match) throw new Error(`not a post file name: ${fileName}`);
  return `https://lescastcodeurs.com/${match[1]}/${match[2]}/${match[3]}/${match[4]}/`;
}

/** Typographic characters kramdown puts where the source has ASCII, folded back for comparison. */
export function foldTypography(text: string): string {
  return text
    .replace(/[‘’‚′]/g, "'")
    .replace(/[“”„″]/g, '"')
    .replace(/«/g, '<<')
    .replace(/»/g, '>>')
    .replace(/—/g, '---')
    .replace(/–/g, '--')
    .replace(/…/g, '...')
    .replace(/\u00a0/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
