/** Small text rules shared by the parsers and the search, so that they read the same things the same way. */

const WHITESPACE_RUN = /\s+/g;
const WHITESPACE_TO_FOLD = /[^\S ]| {2}|^ | $/;

export function collapseWhitespace(text: string): string {
  // Most lines need nothing; testing first spares a copy of each.
  return WHITESPACE_TO_FOLD.test(text) ? text.replace(WHITESPACE_RUN, ' ').trim() : text;
}

/** A markdown backslash escape: only ASCII punctuation can be escaped. */
export const ESCAPED_PUNCTUATION = /\\([!-\/:-@[-`{-~])/g;

export function withoutAccents(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '');
}

/** Lower case, accents dropped, for searching: "Écouté" and "ecoute" match. */
export function foldForSearch(text: string): string {
  return withoutAccents(text).toLowerCase();
}
