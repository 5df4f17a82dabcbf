/**
 * The markdown parser: a post's source (`_posts/YYYY-MM-DD-slug.md`) into an `Episode`.
 * Front matter as YAML (frontMatter.ts), the body through `marked`'s GFM lexer; pure
 * TypeScript, no DOM and no browser API, so it runs the same in Node and in the extension.
 */
import { Lexer, type Token, type Tokens } from 'marked';
import { markedTokens } from '../text/markedTokens';
import { conferencesOfLines } from '../conferences/conference';
import { conferenceLinesOfMarkdown } from '../conferences/markdownLines';
import { readFrontMatter } from './frontMatter';
import { HeadingIdAllocator } from './headingIds';
import { episodeId, NotAPostError, titleOf, type Episode } from './model';
import { BLOCK_ELEMENTS, digestNotes, SegmentBuilder, segmentText, type NoteBlock, type NoteListItem } from './notes';
import { decodeEntities, decodeHtmlAttribute } from '../text/entities';
import { audioUrlOf, numberOfPost, videoUrlOf } from './mediaUrls';
import { httpUrlOf } from '../text/httpUrl';
import { collapseWhitespace } from '../text/text';
import { pageUrlOf, postAddressOfFile, resolveLiquidAddresses } from './urls';

const FRONT_MATTER = /^\uFEFF?---[ \t]*\r?\n(?:([\s\S]*?)\r?\n)?(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/;
const LEXER_OPTIONS = { gfm: true } as const;

/**
 * GFM's inline text rule stops before every word that could start an email address, so that
 * it can be autolinked: a look-ahead over the next word at each space, the costliest step of
 * lexing. kramdown links no bare email and the notes keep only http(s) links, so this rule
 * stops only where a bare URL or markdown syntax may start. It reads runs of characters that
 * cannot start either at once, rather than testing every look-ahead at every character as
 * marked's lazy `[\s\S]*?` does: the same stops (a fuzz test holds it to marked's form), the
 * lexing of the whole corpus about a tenth faster.
 */
export const TEXT_WITHOUT_EMAIL_AUTOLINKS =
  /^(`+|~+|[^`~])(?:(?=[`~])|(?= {2,}\n)|(?:[^\\<!\[`*~_hHfFw ]+(?! {2,}\n)| +|[hH](?![tT][tT][pP])(?! {2,}\n)|[fF](?![tT][pP]:\/\/)(?! {2,}\n)|(?:(?<=[^\s*_~(])w|w(?!ww\.))(?! {2,}\n))*(?:(?=[\\<!\[`*~_]|[hH][tT][tT][pP]|[fF][tT][pP]:\/\/|(?<![^\s*_~(])www\.|$)|[^ ](?= {2,}\n)))/;
const NOTES_INLINE_RULES = { ...Lexer.rules.inline.gfm, text: TEXT_WITHOUT_EMAIL_AUTOLINKS };

/** marked keeps its tokenizer private; the rules are what the lexer reads text with. */
type LexerInternals = { tokenizer: { rules: { inline: unknown } } };

function notesLexer(): Lexer {
  const lexer = new Lexer(LEXER_OPTIONS);
  const { tokenizer } = lexer as unknown as LexerInternals;
  tokenizer.rules = { ...tokenizer.rules, inline: NOTES_INLINE_RULES };
  return lexer;
}

// One match per link (with its text), line break, other tag or comment of raw HTML.
const HTML_PIECE =
  /<a\s[^>]*?\bhref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))[^>]*>([\s\S]*?)<\/a\s*>|<br\s*\/?>|<\/?([a-zA-Z][\w-]*)[^>]*>|<!--[\s\S]*?-->/g;
const HTML_TAG = /<[^>]*>/g;
const OPENING_HTML_LINK = /^<a\s[^>]*?\bhref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i;
/**
 * Raw HTML blocks whose text is no news (scripts, styles, preformatted text without a link);
 * the page parser skips the same blocks.
 */
const SCRIPT_OR_STYLE_HTML = /^\s*<(?:script|style)\b/i;
const PREFORMATTED_HTML = /^\s*<pre\b/i;
const HTML_LINK = /<a\s/i;

function isSkippedHtml(html: string): boolean {
  return SCRIPT_OR_STYLE_HTML.test(html) || (PREFORMATTED_HTML.test(html) && !HTML_LINK.test(html));
}
const TYPOGRAPHIC_DASHES = /---?/g;
const FOOTNOTE_LABEL = /^\[\^[^\]\s]+\]:[ \t]*/;
const LINE_BREAK_TAG = /^<br\s*\/?>$/i;
const CLOSING_HTML_LINK = /^<\/a\s*>/i;

/**
 * A source this long is no show notes (the longest post of the site is 76 KB): it is refused
 * rather than read for seconds.
 */
export const MAX_SOURCE_LENGTH = 1_000_000;

/**
 * marked's lexing of nested lists and block quotes grows with the square of their depth (1,000
 * levels of indented lists: seconds; 3,000: minutes). The site indents at most 11 columns, so
 * the run of indentation, quote marks and list markers that opens a line is cut to 64
 * characters: the line's text and links are kept, at that depth.
 */
const MAX_LINE_PREFIX = 64;
const DEEP_LINE_PREFIX = /^(?:[ \t>*+-]|\d{1,9}[.)]){65,}/gm;
// What any deep line starts with, found far faster than the rule itself tests each line: a
// newline is a literal to scan for, a line start (`^` with `m`) is not.
const MAYBE_DEEP_FIRST_LINE = /^[ \t>*+\-.)\d]{65}/;
const MAYBE_DEEP_LINE = /\n[ \t>*+\-.)\d]{65}/;

function liftDeepLines(body: string): string {
  if (!MAYBE_DEEP_FIRST_LINE.test(body) && !MAYBE_DEEP_LINE.test(body)) return body;
  return body.replace(DEEP_LINE_PREFIX, (prefix) => prefix.slice(0, MAX_LINE_PREFIX));
}

type FrontMatter = Record<string, unknown>;

function splitFrontMatter(source: string): { frontMatter: FrontMatter; body: string } {
  const match = FRONT_MATTER.exec(source);
  if (!match) throw new NotAPostError('no front matter: a post starts with a "---" block');
  let frontMatter: unknown;
  try {
    frontMatter = readFrontMatter(match[1] ?? '');
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new NotAPostError(`front matter is not valid YAML: ${reason}`);
  }
  if (frontMatter === null || frontMatter === undefined) frontMatter = {};
  if (typeof frontMatter !== 'object' || Array.isArray(frontMatter)) {
    throw new NotAPostError('front matter is not a set of "key: value" lines');
  }
  return { frontMatter: frontMatter as FrontMatter, body: source.slice(match[0].length) };
}

function stringField(frontMatter: FrontMatter, key: string): string | null {
  const value = frontMatter[key];
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number') return String(value);
  return null;
}

function integerField(frontMatter: FrontMatter, ...keys: string[]): number | null {
  for (const key of keys) {
    const value = frontMatter[key];
    const number = typeof value === 'number' ? value : typeof value === 'string' ? Number(value.trim()) : NaN;
    if (Number.isSafeInteger(number) && number >= 0) return number;
  }
  return null;
}

function teamOf(frontMatter: FrontMatter): string[] {
  const team = frontMatter['team'];
  const names = Array.isArray(team) ? team.map(String) : typeof team === 'string' ? team.split(',') : [];
  return names.map((name) => name.trim()).filter((name) => name.length > 0);
}

/** The text of inline tokens as the page shows it (line breaks as newlines). */
function plainTextOf(tokens: Token[] | undefined): string {
  let text = '';
  for (const token of markedTokens(tokens)) {
    switch (token.type) {
      case 'text':
        text += token.tokens ? plainTextOf(token.tokens) : decodeEntities(token.text);
        break;
      case 'escape':
      case 'codespan':
        text += token.text;
        break;
      case 'del':
        // kramdown strikes through only between `~~`: single tildes (as in URLs) stay text,
        // around what is between them (which may hold links).
        text += token.raw.startsWith('~~') ? plainTextOf(token.tokens) : `~${plainTextOf(token.tokens)}~`;
        break;
      case 'strong':
      case 'em':
      case 'link':
        text += plainTextOf(token.tokens);
        break;
      case 'br':
        text += '\n';
        break;
    }
  }
  return text;
}

/** An `<a href>` of inline raw HTML, open until its `</a>` token. */
interface OpenHtmlLink {
  href: string;
  textStart: number;
}

/** Reads inline tokens into segments: plain text, links (markdown, autolinks, bare URLs, raw HTML). */
function readInline(tokens: Token[] | undefined, builder: SegmentBuilder): void {
  let htmlLink: OpenHtmlLink | null = null;
  for (const token of markedTokens(tokens)) {
    switch (token.type) {
      case 'text':
        if (token.tokens) readInline(token.tokens, builder);
        else builder.addText(decodeEntities(token.text));
        break;
      case 'link': {
        const text = collapseWhitespace(plainTextOf(token.tokens));
        builder.addText(text);
        // Entities are read in a `[text](address)` link, not in a bare or `<…>` address, which is taken as it is written.
        const href = token.href;
        builder.addLink({ href: token.raw.startsWith('[') ? decodeEntities(href) : href, text });
        break;
      }
      case 'strong':
      case 'em':
        readInline(token.tokens, builder);
        break;
      case 'br':
        builder.lineBreak();
        break;
      case 'html': {
        const opening = OPENING_HTML_LINK.exec(token.text);
        if (opening) {
          const href = decodeHtmlAttribute(opening[1] ?? opening[2] ?? opening[3] ?? '');
          htmlLink = { href, textStart: builder.textLength };
        } else if (htmlLink && CLOSING_HTML_LINK.test(token.text)) {
          builder.addLink({ href: htmlLink.href, text: collapseWhitespace(builder.textSince(htmlLink.textStart)) });
          htmlLink = null;
        } else if (LINE_BREAK_TAG.test(token.text)) {
          builder.lineBreak();
        }
        break;
      }
      case 'del': {
        // kramdown strikes through only between `~~`: single tildes stay text, links between them stay links.
        const tilde = token.raw.startsWith('~~') ? '' : '~';
        builder.addText(tilde);
        readInline(token.tokens, builder);
        builder.addText(tilde);
        break;
      }
      default:
        builder.addText(plainTextOf([token]));
    }
  }
  if (htmlLink) builder.addLink({ href: htmlLink.href, text: collapseWhitespace(builder.textSince(htmlLink.textStart)) });
}

/** Reads raw HTML of the source (an HTML block) as the page shows it: text, links, line breaks. */
function readHtml(html: string, builder: SegmentBuilder): void {
  let textStart = 0;
  for (const match of html.matchAll(HTML_PIECE)) {
    builder.addText(decodeEntities(html.slice(textStart, match.index)));
    textStart = match.index + match[0].length;
    const [piece, doubleQuoted, singleQuoted, unquoted, linkHtml, tagName] = match;
    if (linkHtml !== undefined) {
      const text = collapseWhitespace(decodeEntities(linkHtml.replace(HTML_TAG, '')));
      builder.addText(text);
      builder.addLink({ href: decodeHtmlAttribute(doubleQuoted ?? singleQuoted ?? unquoted ?? ''), text });
    } else if (LINE_BREAK_TAG.test(piece)) {
      builder.lineBreak();
    } else if (tagName && BLOCK_ELEMENTS.has(tagName.toLowerCase())) {
      builder.addText(' ');
    }
  }
  builder.addText(decodeEntities(html.slice(textStart)));
}

/**
 * The text kramdown makes a heading's id from (`auto_id_stripping`): the heading's text with
 * entities decoded, code spans as written, link targets left out, and `--`/`---` gone, since
 * kramdown has already turned them into dashes that the id then drops.
 */
function idTextOf(tokens: Token[] | undefined): string {
  let text = '';
  for (const token of markedTokens(tokens)) {
    if (token.type === 'text' && !token.tokens) text += decodeEntities(token.text).replace(TYPOGRAPHIC_DASHES, '');
    else if (token.type === 'codespan' || token.type === 'escape') text += token.text;
    else if (token.type !== 'html' && 'tokens' in token) text += idTextOf(token.tokens);
  }
  return text;
}

function readTableRow(cells: Tokens.TableCell[], builder: SegmentBuilder): void {
  for (const cell of cells) {
    readInline(cell.tokens, builder);
    builder.addText(' ');
  }
}

function readListItem(item: Tokens.ListItem): NoteListItem {
  const own = new SegmentBuilder();
  const children: NoteListItem[] = [];
  // Whatever blocks an item holds (paragraphs, quotes, tables, raw HTML), their text and links
  // are the item's own; only its nested lists are items of their own.
  const readItemBlocks = (tokens: Token[]) => {
    for (const token of markedTokens(tokens)) {
      if (token.type === 'list') children.push(...token.items.map(readListItem));
      else if (token.type === 'text' || token.type === 'paragraph' || token.type === 'heading') {
        readInline(token.tokens ?? [token], own);
        own.addText(' ');
      } else if (token.type === 'html') {
        readHtml(token.text, own);
      } else if (token.type === 'blockquote') {
        readItemBlocks(token.tokens ?? []);
      } else if (token.type === 'table') {
        const table = token;
        for (const row of [table.header, ...table.rows]) readTableRow(row, own);
      }
    }
  };
  readItemBlocks(item.tokens);
  return { own: own.finishAsOne(), children };
}

function readBlocks(tokens: Token[], headingIds: HeadingIdAllocator, blocks: NoteBlock[]): void {
  for (const token of markedTokens(tokens)) {
    switch (token.type) {
      case 'heading': {
        const heading = token;
        const builder = new SegmentBuilder();
        readInline(heading.tokens, builder);
        const title = builder.finishAsOne();
        blocks.push({
          kind: 'heading',
          level: heading.depth,
          id: headingIds.next(idTextOf(heading.tokens)),
          title: segmentText(title),
          links: title.links,
        });
        break;
      }
      case 'paragraph': {
        const builder = new SegmentBuilder();
        // A footnote (`[^1]: …`): kramdown shows its text without the label, and so do we.
        const footnote = FOOTNOTE_LABEL.exec(token.raw);
        readInline(footnote ? new Lexer(LEXER_OPTIONS).inlineTokens(token.raw.slice(footnote[0].length).trimEnd()) : token.tokens, builder);
        blocks.push({ kind: 'paragraph', segments: builder.finish() });
        break;
      }
      case 'list':
        blocks.push({ kind: 'list', items: token.items.map(readListItem) });
        break;
      case 'blockquote':
        readBlocks(token.tokens ?? [], headingIds, blocks);
        break;
      case 'html': {
        if (isSkippedHtml(token.text)) break;
        const builder = new SegmentBuilder();
        readHtml(token.text, builder);
        blocks.push({ kind: 'paragraph', segments: builder.finish() });
        break;
      }
      case 'table': {
        const table = token;
        for (const row of [table.header, ...table.rows]) {
          const builder = new SegmentBuilder();
          readTableRow(row, builder);
          blocks.push({ kind: 'paragraph', segments: builder.finish() });
        }
        break;
      }
    }
  }
}

/**
 * Parses a post's markdown source. `fileName` is the source's file name or address
 * (`2021-09-02-lcc-262-….md`): it carries the date and the slug, as in Jekyll.
 * Throws `NotAPostError` for input that is not a post at all.
 */
export function parseMarkdownPost(source: string, fileName: string): Episode {
  const post = postAddressOfFile(fileName);
  if (!post) throw new NotAPostError(`"${fileName}" is not named like a post (YYYY-MM-DD-slug.md)`);
  if (source.length > MAX_SOURCE_LENGTH)
    throw new NotAPostError(`the source is ${source.length} characters long, over ${MAX_SOURCE_LENGTH}: no show notes are`);
  const { frontMatter, body } = splitFrontMatter(source);
  const url = pageUrlOf(post);
  const number = numberOfPost(post.slug);
  const bytes = integerField(frontMatter, 'mp3_length', 'enclosure_length');
  const youtube = stringField(frontMatter, 'youtube');

  const blocks: NoteBlock[] = [];
  readBlocks(notesLexer().lex(liftDeepLines(resolveLiquidAddresses(body))), new HeadingIdAllocator(), blocks);
  const notes = digestNotes(blocks, url, post.date);

  return {
    id: episodeId(number, post.slug),
    number,
    title: titleOf(stringField(frontMatter, 'title') ?? '', post.slug),
    url,
    publishedOn: post.date,
    recordedOn: notes.recordedOn,
    author: stringField(frontMatter, 'author') ?? '',
    team: teamOf(frontMatter),
    summary: notes.summary,
    audio: number === null ? null : { url: audioUrlOf(number), bytes },
    video: youtube ? httpUrlOf(videoUrlOf(youtube), url) : null,
    outline: notes.outline,
    links: notes.links,
    conferences: conferencesOfLines(conferenceLinesOfMarkdown(body)),
  };
}
