/**
 * Heading ids exactly as kramdown's GFM parser makes them (kramdown-parser-gfm,
 * `generate_gfm_header_id`): from the heading's markdown source text, lower case, every
 * character that is not a word character (Ruby's \p{Word}), a hyphen, a space or a tab
 * dropped, spaces and tabs turned to `-`, and the n-th repeat suffixed with `-n`.
 * Outline links only land on the page when these ids equal the site's.
 */

const NOT_ID_CHARACTER = /[^\p{L}\p{M}\p{Nd}\p{Pc}\- \t]/gu;
const SPACE_OR_TAB = /[ \t]/g;

export function gfmHeadingSlug(markdownText: string): string {
  return markdownText.toLowerCase().replace(NOT_ID_CHARACTER, '').replace(SPACE_OR_TAB, '-');
}

/** Hands out ids for the headings of one document, in document order. */
export class HeadingIdAllocator {
  private readonly seen = new Map<string, number>();

  next(markdownText: string): string {
    const slug = gfmHeadingSlug(markdownText);
    const repeats = this.seen.get(slug);
    this.seen.set(slug, repeats === undefined ? 0 : repeats + 1);
    return repeats === undefined ? slug : `${slug}-${repeats + 1}`;
  }
}
