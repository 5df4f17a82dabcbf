/**
 * The page parser: the `Episode` from the page the site renders for a post, given its
 * `Document`. The page reader the popup injects runs it on the live page, the archive on feed
 * entries; Node tests run it on a DOM library.
 * It reads only standard DOM, never a browser extension API.
 */
import { conferencesOfLines } from '../../core/conferences/conference';
import { conferenceLinesOfRenderedNotes } from './conferenceLines';
import { episodeId, NotAPostError, titleOf, type Episode } from '../../core/episode/model';
import { BLOCK_ELEMENTS, digestNotes, SegmentBuilder, type NoteBlock, type NoteListItem, type NotesDigest } from '../../core/episode/notes';
import { audioUrlOf, episodeNumberOfAudioUrl, numberOfPost } from '../../core/episode/mediaUrls';
import { httpUrlOf } from '../../core/text/httpUrl';
import { collapseWhitespace } from '../../core/text/text';
import { pageUrlOf, postAddressOfPage, type PostAddress } from '../../core/episode/urls';

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const HEADING = /^h([1-6])$/;
/** Non-text blocks, and code: the markdown parser reads no links or text from them either. */
const SKIPPED_BLOCKS = new Set(['hr', 'script', 'style']);
const CODE_BLOCK_CLASS = /\bhighlighter-rouge\b|\bhighlight\b/;

/**
 * How deep the parser walks nested elements. The site's notes nest a few levels; a page nesting
 * thousands would overflow the content script's stack. Below this depth an element is read
 * flat: all its text and all its links, in one go.
 */
const MAX_ELEMENT_DEPTH = 32;

/**
 * How many blocks and list items of the notes are read at most: ten times as many elements as
 * the longest post holds (963, LCC 329). A hostile page of tens of thousands is read no further,
 * in a second rather than three: past that its links and headings would be dropped anyway.
 */
export const MAX_NOTE_PARTS = 10_000;

/** The parts of the notes still to be read (MAX_NOTE_PARTS). */
interface ReadBudget {
  left: number;
}

function readFlat(element: Element, builder: SegmentBuilder): void {
  builder.addText(` ${element.textContent ?? ''} `);
  for (const link of Array.from(element.querySelectorAll('a[href]'))) {
    builder.addLink({ href: link.getAttribute('href')!, text: collapseWhitespace(link.textContent ?? '') });
  }
}

/**
 * Reads the text and links of `parent` into `builder`. A list item's nested lists are items of
 * their own (`listsApart`); anywhere else a list is read like the rest.
 */
function readInline(parent: Node, builder: SegmentBuilder, depth = 0, listsApart = false): void {
  // Walked by siblings: from a content script's isolated world, each list of children built is
  // a crossing of the bindings, and pages hold tens of thousands of nodes.
  for (let node = parent.firstChild; node; node = node.nextSibling) {
    if (node.nodeType === TEXT_NODE) {
      builder.addText(node.textContent ?? '');
      continue;
    }
    if (node.nodeType !== ELEMENT_NODE) continue;
    const element = node as Element;
    switch (element.localName) {
      case 'br':
        builder.lineBreak();
        break;
      case 'ul':
      case 'ol':
        if (listsApart) break;
        if (depth === MAX_ELEMENT_DEPTH) readFlat(element, builder);
        else readInline(element, builder, depth + 1);
        break;
      case 'a': {
        // kramdown's way back from a footnote to where it is cited (↩): no text of the notes.
        if (element.classList.contains('reversefootnote')) break;
        const text = element.textContent ?? '';
        builder.addText(text);
        const href = element.getAttribute('href');
        if (href !== null) builder.addLink({ href, text: collapseWhitespace(text) });
        break;
      }
      default:
        if (depth === MAX_ELEMENT_DEPTH) {
          readFlat(element, builder);
        } else if (BLOCK_ELEMENTS.has(element.localName)) {
          builder.addText(' ');
          readInline(element, builder, depth + 1, listsApart);
          builder.addText(' ');
        } else {
          readInline(element, builder, depth + 1, listsApart);
        }
    }
  }
}

/** The lists nested in an item, wherever kramdown put them (directly or inside a paragraph). */
function nestedLists(element: Element, depth: number, found: Element[] = []): Element[] {
  if (depth === MAX_ELEMENT_DEPTH) return found;
  for (let child = element.firstElementChild; child; child = child.nextElementSibling) {
    if (child.localName === 'ul' || child.localName === 'ol') found.push(child);
    else if (child.firstElementChild) nestedLists(child, depth + 1, found);
  }
  return found;
}

function listItemsOf(list: Element, depth: number, budget: ReadBudget): NoteListItem[] {
  const items: NoteListItem[] = [];
  for (let item = list.firstElementChild; item && budget.left > 0; item = item.nextElementSibling) {
    if (item.localName !== 'li') continue;
    budget.left -= 1;
    const own = new SegmentBuilder();
    if (depth === MAX_ELEMENT_DEPTH) {
      readFlat(item, own);
      items.push({ own: own.finishAsOne(), children: [] });
      continue;
    }
    readInline(item, own, depth, true);
    const children: NoteListItem[] = [];
    for (const nested of nestedLists(item, depth)) children.push(...listItemsOf(nested, depth + 1, budget));
    items.push({ own: own.finishAsOne(), children });
  }
  return items;
}

/** A code block (kramdown's, or preformatted text of the source) holds no link to read. */
function isCode(element: Element): boolean {
  return CODE_BLOCK_CLASS.test(element.getAttribute('class') ?? '') || (element.localName === 'pre' && !element.querySelector('a[href]'));
}

function readBlocks(container: Element, blocks: NoteBlock[], budget: ReadBudget, depth = 0): void {
  for (let element = container.firstElementChild; element && budget.left > 0; element = element.nextElementSibling) {
    budget.left -= 1;
    const name = element.localName;
    const heading = HEADING.exec(name);
    if (heading) {
      const builder = new SegmentBuilder();
      readInline(element, builder, depth);
      blocks.push({
        kind: 'heading',
        level: Number(heading[1]),
        id: element.getAttribute('id') ?? '',
        title: collapseWhitespace(element.textContent ?? ''),
        links: builder.finishAsOne().links,
      });
    } else if (name === 'ul' || name === 'ol') {
      blocks.push({ kind: 'list', items: listItemsOf(element, depth, budget) });
    } else if (name === 'blockquote' && depth < MAX_ELEMENT_DEPTH) {
      readBlocks(element, blocks, budget, depth + 1);
    } else if (name === 'table') {
      for (const row of Array.from(element.querySelectorAll('tr'))) {
        const builder = new SegmentBuilder();
        for (const cell of Array.from(row.children)) {
          readInline(cell, builder, depth);
          builder.addText(' ');
        }
        blocks.push({ kind: 'paragraph', segments: builder.finish() });
      }
    } else if (!SKIPPED_BLOCKS.has(name) && !isCode(element)) {
      // A paragraph, or raw HTML (a div, a sponsor block): read as lines of text and links.
      const builder = new SegmentBuilder();
      readInline(element, builder, depth);
      blocks.push({ kind: 'paragraph', segments: builder.finish() });
    }
  }
}

/**
 * The outline, links, summary and recording date of notes as the site renders them: the page's
 * `.post-content`, or a feed entry's content (the same HTML). Null reads as empty notes.
 */
export function readRenderedNotes(content: Element | null, pageUrl: string, publishedOn: string): NotesDigest {
  const blocks: NoteBlock[] = [];
  if (content) readBlocks(content, blocks, { left: MAX_NOTE_PARTS });
  return digestNotes(blocks, pageUrl, publishedOn);
}

function attribute(document: Document, selector: string, name: string): string | null {
  return document.querySelector(selector)?.getAttribute(name)?.trim() || null;
}

/** What identifies a post page's episode, read from its header alone: enough for the badge. */
export type EpisodeIdentity = Pick<Episode, 'id' | 'number' | 'url'>;

interface PostHeader {
  article: Element;
  post: PostAddress;
  url: string;
  /** The addresses the header links to: the mp3, the video. */
  links: string[];
  audioUrl: string | null;
  number: number | null;
}

function readHeader(document: Document, pageUrl: string | undefined): PostHeader {
  const article = document.querySelector('article.post');
  if (!article) throw new NotAPostError('the page has no article.post: not a post page');
  // Where the page was loaded from is a fact; its canonical link is only the page's own claim,
  // read for a saved file whose address is not known.
  const claimed = pageUrl ?? attribute(document, 'link[rel="canonical"]', 'href');
  const post = claimed && postAddressOfPage(claimed);
  if (!post) throw new NotAPostError('the page address is not a post address (/YYYY/MM/DD/slug/)');
  const url = pageUrlOf(post);
  // Absolute http(s) only, like every address of an Episode: a relative or `javascript:` link is no audio.
  const links = Array.from(article.querySelectorAll('.post-header a[href]')).flatMap(
    (link) => httpUrlOf(link.getAttribute('href') ?? '', url) ?? [],
  );
  const linked = links.find((href) => episodeNumberOfAudioUrl(href) !== null) ?? null;
  const linkedNumber = linked === null ? null : episodeNumberOfAudioUrl(linked);
  const number = linked === null ? null : numberOfPost(post.slug);
  // The show's mp3 from a post whose address names no episode is no episode's audio.
  const audioUrl = number === null ? null : number !== linkedNumber ? audioUrlOf(number) : linked;
  return { article, post, url, links, audioUrl, number };
}

/**
 * The episode a post page is about, without reading its notes: the content script sends this at
 * once and parses the notes only when the popup asks. Throws `NotAPostError` like parsePostPage.
 */
export function identifyPostPage(document: Document, pageUrl?: string): EpisodeIdentity {
  const { post, url, number } = readHeader(document, pageUrl);
  return { id: episodeId(number, post.slug), number, url };
}

/**
 * Parses the page of a post. `pageUrl` is where the page was loaded from; only without it is the
 * page's canonical link read. Throws `NotAPostError` for any page that is not a post.
 */
export function parsePostPage(document: Document, pageUrl?: string): Episode {
  const { article, post, url, links, audioUrl, number } = readHeader(document, pageUrl);
  const video = links.find((href) => /^https?:\/\/(?:www\.)?(?:youtube\.com|youtu\.be)\//i.test(href));
  const published = attribute(document, 'time.dt-published', 'datetime');
  const publishedOn = published && /^\d{4}-\d{2}-\d{2}/.test(published) ? published.slice(0, 10) : post.date;

  const content = article.querySelector('.post-content');
  const notes = readRenderedNotes(content, url, publishedOn);

  return {
    id: episodeId(number, post.slug),
    number,
    title: titleOf(article.querySelector('.post-title')?.textContent ?? '', post.slug),
    url,
    publishedOn,
    recordedOn: notes.recordedOn,
    author: attribute(document, 'meta[name="author"]', 'content') ?? '',
    team: [],
    summary: notes.summary,
    audio: audioUrl === null ? null : { url: audioUrl, bytes: null },
    video: video ?? null,
    outline: notes.outline,
    links: notes.links,
    conferences: conferencesOfLines(conferenceLinesOfRenderedNotes(content)),
  };
}
