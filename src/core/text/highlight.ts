/** The words of a text that a search matched, marked: what a result shows in `<mark>`, built as elements. */
import { foldForSearch } from './text';

export interface TextPart {
  text: string;
  marked: boolean;
}

const WORD = /[\p{L}\p{M}\p{N}]+/gu;

/**
 * `text` cut into parts, each word that starts with a word of `query` (folded for case and
 * accents, as search folds them) marked, in order: joined, the parts give `text` back.
 */
export function highlighted(text: string, query: string): TextPart[] {
  const terms = foldForSearch(query).match(WORD) ?? [];
  if (terms.length === 0) return [{ text, marked: false }];
  const parts: TextPart[] = [];
  let last = 0;
  for (const match of text.matchAll(WORD)) {
    const word = foldForSearch(match[0]);
    if (!terms.some((term) => word.startsWith(term))) continue;
    if (match.index > last) parts.push({ text: text.slice(last, match.index), marked: false });
    parts.push({ text: match[0], marked: true });
    last = match.index + match[0].length;
  }
  if (last < text.length) parts.push({ text: text.slice(last), marked: false });
  return parts;
}

/**
 * The stretch of `text` around its first word that a word of `query` starts (some `width`
 * characters, cut at words, `…` where cut), or null where none does: what a result shows of
 * notes whose only match is in a paragraph.
 */
export function excerptAround(text: string, query: string, width = 160): string | null {
  const terms = foldForSearch(query).match(WORD) ?? [];
  if (terms.length === 0) return null;
  // The notes run to 40 KB: read up to the first match only, not every word.
  let match: RegExpExecArray | undefined;
  for (const word of text.matchAll(WORD)) {
    const folded = foldForSearch(word[0]);
    if (terms.some((term) => folded.startsWith(term))) {
      match = word;
      break;
    }
  }
  if (!match) return null;
  const from = Math.max(0, match.index - Math.floor(width / 3));
  const to = Math.min(text.length, from + width);
  // Whole words at both ends: the cut moves to the next space inside the stretch.
  const start = from === 0 ? 0 : text.indexOf(' ', from) + 1 || from;
  const end = to === text.length ? to : text.lastIndexOf(' ', to) > start ? text.lastIndexOf(' ', to) : to;
  return `${start > 0 ? '…' : ''}${text.slice(start, end)}${end < text.length ? '…' : ''}`;
}
