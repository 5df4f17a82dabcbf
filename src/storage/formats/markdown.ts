/**
 * The listening log as one Markdown document, for a notes app (Obsidian) or GitHub: newest
 * episode first, a section for each episode heard or kept, with its dates, rating and the
 * listener's own note (Markdown already, kept as written). The labels come from the caller,
 * in the listener's language.
 */
import { byPublicationNewestFirst, type LogEntry } from './csv';

export interface MarkdownLabels {
  title: string;
  /** "Exported on $1: $2 episodes" with the values in. */
  intro: string;
  page: string;
  published: string;
  listenedOn: string;
  bookmarkedOn: string;
  rating: string;
  note: string;
}

/** A title as a heading's text: no line break, and nothing Markdown would read as syntax at its start. */
function headingText(text: string): string {
  return text.replace(/\s+/g, ' ').replace(/^([#>*+\-=|`~])/, '\\$1');
}

export function logMarkdown(entries: LogEntry[], labels: MarkdownLabels): string {
  const kept = entries.filter(({ state }) => state.listenedOn !== null || state.bookmarkedAt !== null).sort(byPublicationNewestFirst);
  const sections = kept.map(({ card, state }) => {
    const facts = [
      `- ${labels.page} : <${card.url}>`,
      `- ${labels.published} : ${card.publishedOn}`,
      ...(state.listenedOn ? [`- ${labels.listenedOn} : ${state.listenedOn}`] : []),
      ...(state.bookmarkedAt ? [`- ${labels.bookmarkedOn} : ${state.bookmarkedAt.slice(0, 10)}`] : []),
      ...(state.rating ? [`- ${labels.rating} : ${'★'.repeat(state.rating)}${'☆'.repeat(5 - state.rating)} (${state.rating}/5)`] : []),
    ];
    const note = state.note.trim() ? `\n\n**${labels.note}**\n\n${state.note.trim()}` : '';
    return `## ${headingText(card.title)}\n\n${facts.join('\n')}${note}\n`;
  });
  return [`# ${labels.title}`, labels.intro, ...sections].join('\n\n').trimEnd() + '\n';
}
