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
