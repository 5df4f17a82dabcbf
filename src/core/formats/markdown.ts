/**
 * The listening log as one Markdown document, for a notes app (Obsidian) or GitHub: newest
 * episode first, a section for each episode heard or kept, with its dates, rating and the
 * listener's own note (Markdown already, kept as written). The labels come from the caller,
 * in the listener's language.
 */
import { DAY_UNKNOWN } from '../records';
import { byPublicationNewestFirst, type LogEntry } from './csv';

export interface MarkdownLabels {
  title: string;
  /** "Exported on $1: $2 episodes" with the values in. */
  intro: string;
  page: string;
  published: string;
  listenedOn: string;
  dayUnknown: string;
  bookmarkedOn: string;
  rating: string;
  note: string;
  toRead: string;
}

/**
 * Text from a page or the feed (a title, a link's text) as Markdown text, on one line: every
 * character Markdown or its raw HTML would read as markup (emphasis, code, links, tables, HTML
 * tags and entities) escaped with a backslash, as CommonMark allows before any ASCII punctuation.
 */
function markdownText(text: string): string {
  return text.replace(/\s+/g, ' ').replace(/([\\`*_[\]<>&|~])/g, '\\$1');
}

/** A title as a heading's text, nothing Markdown would read as syntax at its start either. */
function headingText(text: string): string {
  return markdownText(text).replace(/^([#+\-=])/, '\\$1');
}

/**
 * An http(s) address as a link destination between `<` and `>`: what would end it there (`<`,
 * `>`, a line break, a space) percent-encoded, so that it cannot close early and open another
 * link (a `javascript:` one) after it.
 */
function destination(url: string): string {
  return url.replace(/[<>\s]/g, (character) => encodeURIComponent(character));
}

export function logMarkdown(entries: LogEntry[], labels: MarkdownLabels): string {
  const kept = entries
    .filter(({ state, readLater }) => state.listenedOn !== null || state.bookmarkedAt !== null || readLater.length > 0)
    .sort(byPublicationNewestFirst);
  const sections = kept.map(({ card, state, readLater }) => {
    const facts = [
      `- ${labels.page} : <${destination(card.url)}>`,
      `- ${labels.published} : ${card.publishedOn}`,
      ...(state.listenedOn ? [`- ${labels.listenedOn} : ${state.listenedOn === DAY_UNKNOWN ? labels.dayUnknown : state.listenedOn}`] : []),
      ...(state.bookmarkedAt ? [`- ${labels.bookmarkedOn} : ${state.bookmarkedAt.slice(0, 10)}`] : []),
      ...(state.rating ? [`- ${labels.rating} : ${'★'.repeat(state.rating)}${'☆'.repeat(5 - state.rating)} (${state.rating}/5)`] : []),
    ];
    const note = state.note.trim() ? `\n\n**${labels.note}**\n\n${state.note.trim()}` : '';
    const toRead = readLater.length
      ? `\n\n**${labels.toRead}**\n\n${readLater.map((link) => `- [${markdownText(link.text || link.url)}](<${destination(link.url)}>)${link.readAt ? ' ✓' : ''}`).join('\n')}`
      : '';
    return `## ${headingText(card.title)}\n\n${facts.join('\n')}${note}${toRead}\n`;
  });
  return [`# ${labels.title}`, labels.intro, ...sections].join('\n\n').trimEnd() + '\n';
}
