/** Both parsers on the real posts and pages of the site (`../shared/corpus`). */
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { parseMarkdownPost } from '../../../src/core/episode/markdown';
import type { Episode, OutlineNode } from '../../../src/core/episode/model';
import { flattenOutline, NotAPostError } from '../../../src/core/episode/model';
import { identifyPostPage, parsePostPage } from '../../../src/platform/html/page';
import { episodeSchema } from '../../../src/core/episode/schema';
import { httpUrlOf } from '../../../src/core/text/httpUrl';
import { isPostPageUrl } from '../../../src/core/episode/urls';
import {
  corpusPresent,
  documentOf,
  foldTypography,
  liveUrlOf,
  pageFileOf,
  postFiles,
  readPage,
  readPost,
  readSitePage,
  sitePageFiles,
} from '../../support/corpus';

const files = postFiles();

function flatOutline(nodes: OutlineNode[]): { id: string; level: number; title: string }[] {
  return flattenOutline(nodes).map((node) => ({ id: node.id, level: node.level, title: foldTypography(node.title) }));
}

/**
 * Where kramdown and GFM read the same source differently, the link is found by both parsers
 * but its news item differs. Each entry is one such link, with why.
 */
const KNOWN_CONTEXT_DIVERGENCES = new Map<string, string>([
  [
    '2013-04-18-les-cast-codeurs-podcast-episode-77-google-par-ci-google-par-la.md http://www.techempower.com/blog/2013/03/26/everything-about-java-8/',
    'a line after a hard break under a list item: GFM continues the item, kramdown starts a paragraph',
  ],
  [
    '2017-07-14-lcc-173-fais-tourner-la-hash-table.md https://manishearth.github.io/blog/2017/03/05/understanding-git-filter-branch/',
    'an unmatched backtick in a link label: GFM reads no link (the bare URL is still found), kramdown does',
  ],
  [
    '2026-01-16-lcc-335-200-terminaux-en-prod-vendredi.md https://www.the-main-thread.com/p/quarkus-multi-tenant-api-nipio-tutorial',
    'a Slack-style <http://nip.io|nip.io>: its pipe makes kramdown read the line as a table row',
  ],
  [
    '2026-01-16-lcc-335-200-terminaux-en-prod-vendredi.md http://acme.127-0-0-1.nip.io/',
    'the same pipes make kramdown read the list below as table rows',
  ],
]);

describe.skipIf(!corpusPresent)('the real corpus', () => {
  const parsed = new Map<string, { markdown: Episode; page: Episode; document: Document }>();
  const parsedPost = (file: string) => {
    let entry = parsed.get(file);
    if (!entry) {
      const document = documentOf(readPage(pageFileOf(file)));
      entry = {
        markdown: parseMarkdownPost(readPost(file), file),
        page: parsePostPage(document, liveUrlOf(file)),
        document,
      };
      parsed.set(file, entry);
    }
    return entry;
  };

  it('holds the 247 posts the corpus README announces', () => {
    expect(files).toHaveLength(247);
  });

  it.each(files)('%s: both forms parse, with the page address and dates', (file) => {
    const { markdown, page, document } = parsedPost(file);
    expect(identifyPostPage(document, liveUrlOf(file))).toEqual({ id: page.id, number: page.number, url: page.url });
    expect(markdown.url).toBe(liveUrlOf(file));
    expect(page.url).toBe(markdown.url);
    expect(page.id).toBe(markdown.id);
    expect(page.number).toBe(markdown.number);
    expect(foldTypography(page.title)).toBe(foldTypography(markdown.title));
    expect(page.publishedOn).toBe(markdown.publishedOn);
    expect(page.recordedOn).toBe(markdown.recordedOn);
    // What both parsers put into an Episode is what storage and import accept.
    expect(v.safeParse(episodeSchema, markdown).issues).toBeUndefined();
    expect(v.safeParse(episodeSchema, page).issues).toBeUndefined();
    expect(page.audio?.url ?? null).toBe(markdown.audio?.url ?? null);
    expect(page.video).toBe(markdown.video);
    expect(foldTypography(page.summary)).toBe(foldTypography(markdown.summary));
  });

  it.each(files)('%s: the outline equals the headings of the rendered page', (file) => {
    const { markdown, page, document } = parsedPost(file);
    const headings = Array.from(document.querySelectorAll('.post-content :is(h1, h2, h3, h4, h5, h6)')).map((heading) => ({
      id: heading.getAttribute('id') ?? '',
      level: Number(heading.localName.slice(1)),
      title: foldTypography(heading.textContent ?? ''),
    }));
    expect(flatOutline(markdown.outline)).toEqual(headings);
    expect(flatOutline(page.outline)).toEqual(headings);
  });

  it.each(files)('%s: the links hold every http(s) link of the page, in order', (file) => {
    const { markdown, page, document } = parsedPost(file);
    // In-page fragments (`#`, footnotes) move within the notes and reference nothing.
    const pageHrefs = Array.from(document.querySelectorAll('.post-content a[href]:not([href^="#"])'))
      .map((anchor) => httpUrlOf(anchor.getAttribute('href') ?? '', markdown.url))
      .filter((url): url is string => url !== null);
    expect(page.links.map((link) => link.url)).toEqual(pageHrefs);

    // The markdown side may hold more: bare URLs that kramdown leaves as text.
    let next = 0;
    for (const link of page.links) {
      while (next < markdown.links.length && markdown.links[next]!.url !== link.url) next += 1;
      expect(next, `${link.url} missing from the markdown links`).toBeLessThan(markdown.links.length);
      const twin = markdown.links[next]!;
      expect(twin.sectionId).toBe(link.sectionId);
      if (!KNOWN_CONTEXT_DIVERGENCES.has(`${file} ${link.url}`)) {
        expect(foldTypography(twin.context), link.url).toBe(foldTypography(link.context));
        expect(foldTypography(twin.text)).toBe(foldTypography(link.text));
      }
      next += 1;
    }
    for (const link of markdown.links) expect(link.url).toMatch(/^https?:\/\//);
  });

  it('agrees with the known divergences, each of which still exists', () => {
    for (const key of KNOWN_CONTEXT_DIVERGENCES.keys()) {
      const [file, url] = key.split(' ') as [string, string];
      const { markdown, page } = parsedPost(file);
      const context = (episode: Episode) => foldTypography(episode.links.find((link) => link.url === url)!.context);
      expect(context(markdown)).not.toBe(context(page));
    }
  });

  it.each(sitePageFiles())('site/%s is recognised as not an episode', (file) => {
    const document = documentOf(readSitePage(file));
    const canonical = document.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? '';
    expect(isPostPageUrl(canonical)).toBe(false);
    expect(() => parsePostPage(document, canonical)).toThrow(NotAPostError);
    expect(() => identifyPostPage(document, canonical)).toThrow(NotAPostError);
  });
});
