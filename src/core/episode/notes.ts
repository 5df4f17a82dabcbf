/**
 * The structure both parsers read out of an episode's notes, markdown tokens on one side and
 * the page's DOM on the other. Turning it into outline, links, summary and recording date
 * happens once, here, so that the two parsers cannot drift apart.
 */
import type { EpisodeLink, OutlineNode } from './model';
import { parseRecordedOn } from './recordedOn';
import { httpUrlOf } from '../text/httpUrl';
import { collapseWhitespace } from '../text/text';

export interface NoteLink {
  /** The address as written, entities decoded; may be relative or of any scheme. */
  href: string;
  text: string;
}

/**
 * A line of text (paragraphs and other blocks split at hard line breaks) and the links inside it.
 * The text stays as read, whitespace and all: most lines hold no link and are never shown, so
 * it is cleaned only where it is used (`segmentText`).
 */
export interface NoteSegment {
  rawText: string;
  links: NoteLink[];
}

export function segmentText(segment: NoteSegment): string {
  return collapseWhitespace(segment.rawText);
}

export interface NoteListItem {
  /** The item's own text, without its nested lists. */
  own: NoteSegment;
  children: NoteListItem[];
}

export type NoteBlock =
  | { kind: 'heading'; level: number; id: string; title: string; links: NoteLink[] }
  | { kind: 'paragraph'; segments: NoteSegment[] }
  | { kind: 'list'; items: NoteListItem[] };

export interface NotesDigest {
  outline: OutlineNode[];
  links: EpisodeLink[];
  summary: string;
  recordedOn: string | null;
}

/** HTML elements whose boundaries separate words, in raw HTML of the source as on the page. */
// prettier-ignore
export const BLOCK_ELEMENTS = new Set([
  'address', 'article', 'aside', 'blockquote', 'dd', 'details', 'div', 'dl', 'dt', 'figcaption',
  'figure', 'footer', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'iframe', 'li', 'ol',
  'p', 'pre', 'section', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul', 'video',
]);

/** Collects inline content into segments, starting a new one at each hard line break. */
export class SegmentBuilder {
  readonly segments: NoteSegment[] = [];
  private text = '';
  private links: NoteLink[] = [];

  addText(text: string): void {
    this.text += text;
  }

  addLink(link: NoteLink): void {
    this.links.push(link);
  }

  get textLength(): number {
    return this.text.length;
  }

  /** The text added since `textLength` was `start`, within the current line. */
  textSince(start: number): string {
    return this.text.slice(Math.min(start, this.text.length));
  }

  lineBreak(): void {
    this.flush();
  }

  finish(): NoteSegment[] {
    this.flush();
    return this.segments;
  }

  /** All the content as one segment, line breaks as spaces. */
  finishAsOne(): NoteSegment {
    const segments = this.finish();
    if (segments.length === 1) return segments[0]!;
    return {
      rawText: segments.map((segment) => segment.rawText).join(' '),
      links: segments.flatMap((segment) => segment.links),
    };
  }

  private flush(): void {
    if (this.links.length > 0 || NOT_SPACE.test(this.text)) this.segments.push({ rawText: this.text, links: this.links });
    this.text = '';
    this.links = [];
  }
}

const NOT_SPACE = /\S/;

function buildOutline(headings: { level: number; id: string; title: string }[]): OutlineNode[] {
  const roots: OutlineNode[] = [];
  const open: OutlineNode[] = [];
  for (const heading of headings) {
    const node: OutlineNode = { id: heading.id, level: heading.level, title: heading.title, children: [] };
    while (open.length > 0 && open[open.length - 1]!.level >= node.level) open.pop();
    (open.length > 0 ? open[open.length - 1]!.children : roots).push(node);
    open.push(node);
  }
  return roots;
}

const INTRO_BOILERPLATE = /^(?:enregistr|t[ée]l[ée]chargement)/i;

/**
 * The links an episode keeps at most: ten times the most any post of the site has (196), so
 * that a hostile source cannot make the popup draw tens of thousands.
 */
export const MAX_EPISODE_LINKS = 2000;

/** The headings an episode's outline keeps at most: ten times the most any post has (40). */
export const MAX_EPISODE_HEADINGS = 400;

export function digestNotes(blocks: NoteBlock[], pageUrl: string, publishedOn: string): NotesDigest {
  const headings: { level: number; id: string; title: string }[] = [];
  const links: EpisodeLink[] = [];
  const summaryParts: string[] = [];
  let recordedOn: string | null = null;
  let sectionId: string | null = null;
  let previous: NoteBlock | undefined;

  const addLinks = (segmentLinks: NoteLink[], context: () => string) => {
    let contextText: string | undefined;
    for (const link of segmentLinks) {
      if (links.length === MAX_EPISODE_LINKS) return;
      // `#fn:1` and the like move within the notes (footnotes): they reference nothing.
      if (link.href.startsWith('#')) continue;
      const url = httpUrlOf(link.href, pageUrl);
      if (url) links.push({ url, text: link.text, context: (contextText ??= context()), sectionId });
    }
  };
  const addItemLinks = (item: NoteListItem, context: () => string) => {
    addLinks(item.own.links, context);
    for (const child of item.children) addItemLinks(child, context);
  };

  for (const block of blocks) {
    switch (block.kind) {
      case 'heading':
        // Past the limit, the links stay under the last heading kept.
        if (headings.length === MAX_EPISODE_HEADINGS) break;
        headings.push({ level: block.level, id: block.id, title: block.title });
        sectionId = block.id;
        // A heading that is itself a link (`### [JDK 21](…)`) is the news item of that link.
        addLinks(block.links, () => block.title);
        break;
      case 'paragraph': {
        for (const segment of block.segments) {
          if (segment.links.length > 0) addLinks(segment.links, () => segmentText(segment));
        }
        if (sectionId === null) {
          // The intro, above the first heading, holds the summary and the recording date.
          const text = block.segments.map(segmentText).join('\n');
          recordedOn ??= parseRecordedOn(text, publishedOn);
          if (!INTRO_BOILERPLATE.test(text)) summaryParts.push(text);
        }
        break;
      }
      case 'list': {
        // A list right under a paragraph details the news item that paragraph announces.
        const titleLine = previous?.kind === 'paragraph' ? previous.segments.at(-1) : undefined;
        let titleText: string | undefined;
        const titleContext = titleLine && (() => (titleText ??= segmentText(titleLine)));
        for (const item of block.items) addItemLinks(item, titleContext ?? (() => segmentText(item.own)));
        break;
      }
    }
    previous = block;
  }
  return { outline: buildOutline(headings), links, summary: summaryParts.join('\n\n'), recordedOn };
}
