/**
 * The site's Atom feed (`feed-intern.atom`, where the pages' `/feed.atom` redirects) into
 * episodes. Each entry's content is the page's notes, read by the page parser's own reader, so
 * that outline and links are the page's; the entry adds its title, page address, mp3 and its
 * size, date, author and summary. It takes what the platform's DOMParser makes (an offscreen
 * document in Chrome, the event page in Firefox) and touches no other browser API.
 */
import { conferencesOfLines } from '../../core/conferences/conference';
import { conferenceLinesOfRenderedNotes } from './conferenceLines';
import { episodeId, titleOf, type Episode } from '../../core/episode/model';
import type { ArchiveEpisode } from '../../core/records';
import { readRenderedNotes } from './page';
import { audioUrlOf, episodeNumberOfAudioUrl, numberOfPost } from '../../core/episode/mediaUrls';
import { isCalendarDay } from '../../core/text/dates';
import { httpUrlOf } from '../../core/text/httpUrl';
import { collapseWhitespace } from '../../core/text/text';
import { pageUrlOf, postAddressOfPage, SITE_ORIGIN } from '../../core/episode/urls';

export const FEED_URL = `${SITE_ORIGIN}/feed-intern.atom`;
/** The live feed is 4.7 MB for 359 episodes: ten times that is no feed of the site. */
export const MAX_FEED_BYTES = 50 * 1024 * 1024;

/** Why a feed is refused; the archive then stays exactly as it was. */
export type FeedProblem = 'too-large' | 'not-xml' | 'cut-short' | 'not-a-feed' | 'no-entries' | 'declarations' | 'too-deep' | 'too-slow';

/**
 * What a feed may cost to read. The site's feed has no DOCTYPE (the only way to declare
 * entities, and to make a few bytes expand to a gigabyte), nests its XML 4 deep and its notes 9
 * deep, and no entry's notes pass 90 KB of HTML; it is read in 1 to 3 s.
 */
const MAX_XML_DEPTH = 32;
const MAX_NOTES_DEPTH = 128;
const MAX_NOTES_HTML = 1024 * 1024;
export const MAX_READING_MS = 30_000;

export class FeedRefused extends Error {
  constructor(readonly problem: FeedProblem) {
    super(`feed refused: ${problem}`);
    this.name = 'FeedRefused';
  }
}

/** What reads text into documents: the platform's DOMParser, or a DOM library in Node tests. */
export interface DocumentParser {
  parseFromString(text: string, type: 'application/xml' | 'text/html'): Document;
}

const ATOM_FEED_START = /<feed[\s>]/;
const YOUTUBE = /^https?:\/\/(?:www\.)?(?:youtube\.com|youtu\.be)\//i;

function childrenNamed(parent: Element, name: string): Element[] {
  return Array.from(parent.children).filter((child) => child.localName === name);
}

function textOf(parent: Element, name: string): string {
  return childrenNamed(parent, name)[0]?.textContent ?? '';
}

/** The body of an HTML fragment of the feed (a whole document around it, as every parser reads one). */
function htmlBody(parser: DocumentParser, html: string): HTMLElement {
  return parser.parseFromString(`<!doctype html><html><body>${html}</body></html>`, 'text/html').body;
}

/** The text of an Atom text construct of type `html`: the markup decoded, then its text. */
function htmlText(parser: DocumentParser, html: string): string {
  return collapseWhitespace(html.includes('<') || html.includes('&') ? (htmlBody(parser, html).textContent ?? '') : html);
}

/** Past this, the notes' text is no episode's: search reads no further (the longest notes are 40 KB of text). */
const MAX_NOTES_TEXT = 200_000;

/** Elements a browser shows apart from their neighbours: their words never run into the next ones. */
const BLOCKS = new Set([
  'p',
  'li',
  'ul',
  'ol',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'div',
  'br',
  'tr',
  'td',
  'th',
  'blockquote',
  'pre',
  'dd',
  'dt',
  'table',
]);

/**
 * Every word a listener reads in the notes, for search: `textContent` would run "News" of a
 * heading into the item after it. Walked with a stack of its own, as a page may nest deep.
 */
function readableText(root: Element): string {
  const parts: string[] = [];
  const stack: (Node | ' ')[] = [root];
  let length = 0;
  while (stack.length > 0 && length < MAX_NOTES_TEXT) {
    const node = stack.pop()!;
    if (node === ' ') {
      parts.push(' ');
      continue;
    }
    if (node.nodeType === 3) {
      const data = node.nodeValue ?? '';
      parts.push(data);
      length += data.length;
      continue;
    }
    if (node.nodeType !== 1) continue;
    const block = BLOCKS.has((node as Element).localName);
    if (block) stack.push(' ');
    for (let child = node.lastChild; child; child = child.previousSibling) stack.push(child);
    if (block) parts.push(' ');
  }
  return collapseWhitespace(parts.join('')).slice(0, MAX_NOTES_TEXT);
}

/** An entry as an archive entry, or null where it is refused: not a post of the site, or claiming an episode its address does not give. */
function entryOf(entry: Element, parser: DocumentParser): ArchiveEpisode | null {
  const links = childrenNamed(entry, 'link');
  const page = links.find((link) => (link.getAttribute('rel') ?? 'alternate') === 'alternate')?.getAttribute('href');
  const post = page ? postAddressOfPage(page) : null;
  if (!post) return null;
  const url = pageUrlOf(post);
  const published = textOf(entry, 'published').trim().slice(0, 10);
  const publishedOn = isCalendarDay(published) ? published : post.date;
  const html = textOf(entry, 'content');
  const content = html.trim() ? htmlBody(parser, html) : null;
  const notes = readRenderedNotes(content, url, publishedOn);
  const enclosure = links.find((link) => link.getAttribute('rel') === 'enclosure');
  // Posts without an mp3 size have no enclosure; their intro still links the episode's mp3, as the page's header does.
  const linked =
    (enclosure ? httpUrlOf(enclosure.getAttribute('href') ?? '', url) : null) ??
    notes.links.find((link) => link.sectionId === null && episodeNumberOfAudioUrl(link.url) !== null)?.url ??
    null;
  const claimed = linked === null ? null : episodeNumberOfAudioUrl(linked);
  const number = linked === null ? null : numberOfPost(post.slug);
  // The show's mp3 of an episode, from a post whose address names none: no episode of the site.
  if (claimed !== null && number === null) return null;
  const audioUrl = number !== null && number !== claimed ? audioUrlOf(number) : linked;
  const bytes = Number(enclosure?.getAttribute('length'));
  const author = childrenNamed(entry, 'author')[0];
  const episode: Episode = {
    id: episodeId(number, post.slug),
    number,
    title: titleOf(htmlText(parser, textOf(entry, 'title')), post.slug),
    url,
    publishedOn,
    recordedOn: notes.recordedOn,
    author: author ? collapseWhitespace(textOf(author, 'name')) : '',
    team: [],
    summary: notes.summary || htmlText(parser, textOf(entry, 'summary')),
    audio: number === null || audioUrl === null ? null : { url: audioUrl, bytes: Number.isSafeInteger(bytes) && bytes > 0 ? bytes : null },
    // The feed has no page header: the video is the one the intro links to.
    video: notes.links.find((link) => link.sectionId === null && YOUTUBE.test(link.url))?.url ?? null,
    outline: notes.outline,
    links: notes.links,
    conferences: conferencesOfLines(conferenceLinesOfRenderedNotes(content)),
  };
  return { url, episode, text: content ? readableText(content) : '' };
}

/** A tag, comment, CDATA section or processing instruction; an attribute's quoted value may hold `>`. */
const TAG = /<!\[CDATA\[[\s\S]*?\]\]>|<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<(\/?)([A-Za-z_][\w.:-]*)(?:[^>"']|"[^"]*"|'[^']*')*?(\/?)>/g;
const VOID_ELEMENTS = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);

/** How deep `markup` nests its elements, read from its tags alone (linear: before a parser spends time on it). */
function depthOfTags(markup: string, limit: number): number {
  let depth = 0;
  let deepest = 0;
  for (const [, closing, name, selfClosing] of markup.matchAll(TAG)) {
    if (name === undefined || selfClosing || VOID_ELEMENTS.has(name.toLowerCase())) continue;
    depth += closing ? -1 : 1;
    deepest = Math.max(deepest, depth);
    if (deepest > limit) break;
  }
  return deepest;
}

/** Where a feed's text holds its root's start tag and each of its entries, read from its tags alone. */
interface FeedLayout {
  rootTag: string;
  /** The text outside the entries: the feed's own elements. */
  outside: string;
  entries: string[];
}

/** The feed's layout, or why it is refused: nested deeper than any feed of the site. One linear pass over the tags. */
function layoutOf(text: string): FeedLayout | 'too-deep' {
  let depth = 0;
  let rootTag = '';
  let entryStart = -1;
  let outsideFrom = 0;
  const outside: string[] = [];
  const entries: string[] = [];
  for (const match of text.matchAll(TAG)) {
    const [tag, closing, name, selfClosing] = match;
    if (name === undefined || selfClosing) continue;
    if (closing) {
      depth -= 1;
      if (depth === 1 && entryStart >= 0 && name === 'entry') {
        const end = match.index + tag.length;
        entries.push(text.slice(entryStart, end));
        outsideFrom = end;
        entryStart = -1;
      }
      continue;
    }
    depth += 1;
    if (depth > MAX_XML_DEPTH) return 'too-deep';
    if (depth === 1) rootTag = tag;
    else if (depth === 2 && name === 'entry') {
      outside.push(text.slice(outsideFrom, match.index));
      // An entry never closed stays outside, where the XML parser refuses it.
      outsideFrom = entryStart = match.index;
    }
  }
  outside.push(text.slice(outsideFrom));
  return { rootTag, outside: outside.join(''), entries };
}

/**
 * An entry's fingerprint: its text and what reads it (the extension's version), hashed
 * (cyrb53, 53 bits). An entry whose fingerprint the archive holds is the one it read before.
 */
export function fingerprintOf(entry: string, reader: string): string {
  const text = `${reader}\n${entry}`;
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    h1 = Math.imul(h1 ^ code, 2654435761);
    h2 = Math.imul(h2 ^ code, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

/** What a refresh knows of the feed read before: the fingerprints of the entries it kept, and who read them. */
export interface KnownEntries {
  fingerprints: ReadonlySet<string>;
  reader: string;
}

const NOTHING_KNOWN: KnownEntries = { fingerprints: new Set(), reader: '' };

/**
 * What changed in a feed since `known`, found from its text alone (no DOM: the background
 * finds it, and only this crosses to where DOMParser is): the root's start tag, the text outside
 * the entries, the entries new or changed with their fingerprints, and the fingerprints of the
 * others.
 */
export interface FeedChanges {
  rootTag: string;
  outside: string;
  changed: { source: string; fingerprint: string }[];
  unchanged: string[];
}

/**
 * The changes of a feed's text. Throws `FeedRefused` for what is no whole feed of the site, or
 * would cost more than one to read: entity declarations, XML nested deeper than a feed.
 */
export function feedChanges(text: string, known: KnownEntries = NOTHING_KNOWN): FeedChanges {
  if (text.length > MAX_FEED_BYTES) throw new FeedRefused('too-large');
  if (!text.trimStart().startsWith('<')) throw new FeedRefused('not-xml');
  if (/<!(?:DOCTYPE|ENTITY)/i.test(text)) throw new FeedRefused('declarations');
  if (!ATOM_FEED_START.test(text.slice(0, 2000))) throw new FeedRefused('not-a-feed');
  // Some parsers read a feed cut short by the network as far as it goes: its end tells.
  if (!/<\/feed>\s*$/.test(text)) throw new FeedRefused('cut-short');
  const layout = layoutOf(text);
  if (layout === 'too-deep') throw new FeedRefused('too-deep');
  const changes: FeedChanges = { rootTag: layout.rootTag, outside: layout.outside, changed: [], unchanged: [] };
  for (const source of layout.entries) {
    const fingerprint = fingerprintOf(source, known.reader);
    if (known.fingerprints.has(fingerprint)) changes.unchanged.push(fingerprint);
    else changes.changed.push({ source, fingerprint });
  }
  return changes;
}

/** The entries of a feed read this time, and how many were refused (notes too large or too deep, a number its address does not give). */
export interface FeedEntries {
  /** The entries new or changed, each with its fingerprint. */
  entries: ArchiveEpisode[];
  fingerprints: string[];
  /** The fingerprints of the entries the archive holds as they are. */
  unchanged: string[];
  refusedEntries: number;
}

function parseXml(parser: DocumentParser, text: string): Element {
  const document = parser.parseFromString(text, 'application/xml');
  const root = document.documentElement;
  // Where the XML is not well formed, Firefox's document is its error, Chrome's root begins with
  // it. Searched for in the whole document instead, it costs a walk of every node.
  if (root?.localName !== 'feed' || root.firstElementChild?.localName === 'parsererror') throw new FeedRefused('not-xml');
  return root;
}

/**
 * Every entry new or changed of a feed as an archive entry (its Episode and its notes' text),
 * newest first as the feed lists them. Throws `FeedRefused` for XML that is not well formed,
 * a feed without an entry, or past MAX_READING_MS by `clock`.
 */
export function readFeedChanges(changes: FeedChanges, parser: DocumentParser, clock: () => number = () => performance.now()): FeedEntries {
  const deadline = clock() + MAX_READING_MS;
  // The feed's own elements, then the entries that changed in the root's namespaces, in one
  // document: one parse, not one per entry. Each must be well-formed XML.
  parseXml(parser, changes.outside);
  const result: FeedEntries = { entries: [], fingerprints: [], unchanged: changes.unchanged, refusedEntries: 0 };
  const sources = changes.changed.map((change) => change.source);
  const read = sources.length === 0 ? [] : childrenNamed(parseXml(parser, `${changes.rootTag}${sources.join('')}</feed>`), 'entry');
  // Each source is one entry of the layout; read otherwise, the text is no feed the layout knows.
  if (read.length !== sources.length) throw new FeedRefused('not-xml');
  for (const [index, { fingerprint }] of changes.changed.entries()) {
    if (clock() > deadline) throw new FeedRefused('too-slow');
    const entry = read[index]!;
    const notes = textOf(entry, 'content');
    const episode = notes.length > MAX_NOTES_HTML || depthOfTags(notes, MAX_NOTES_DEPTH) > MAX_NOTES_DEPTH ? null : entryOf(entry, parser);
    if (episode) {
      result.entries.push(episode);
      result.fingerprints.push(fingerprint);
    } else result.refusedEntries += 1;
  }
  if (result.entries.length + result.unchanged.length === 0) throw new FeedRefused('no-entries');
  return result;
}

/** Every post of a feed's text new or changed since `known` (all of them by default): an entry read before costs a hash, not a parse. */
export function readFeedEntries(text: string, parser: DocumentParser, known?: KnownEntries, clock?: () => number): FeedEntries {
  return readFeedChanges(feedChanges(text, known), parser, clock);
}

export function parseFeedEntries(text: string, parser: DocumentParser): ArchiveEpisode[] {
  return readFeedEntries(text, parser).entries;
}

/** The feed's episodes alone. */
export function parseFeed(text: string, parser: DocumentParser): Episode[] {
  return parseFeedEntries(text, parser).map((entry) => entry.episode);
}

/** A feed read into episodes, or why it was refused. */
export type ParsedFeed = FeedEntries | { refused: FeedProblem };

/** `work`'s result, or the problem it refused the feed for. */
export function unlessRefused<T>(work: () => T): T | { refused: FeedProblem } {
  try {
    return work();
  } catch (error) {
    if (error instanceof FeedRefused) return { refused: error.problem };
    throw error;
  }
}
