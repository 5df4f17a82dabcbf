import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseMarkdownPost, TEXT_WITHOUT_EMAIL_AUTOLINKS } from '../../../src/core/episode/markdown';
import { flattenOutline } from '../../../src/core/episode/model';

/** Pieces of markdown and HTML likely to meet each other in odd ways. */
// prettier-ignore
const markdownPiece = fc.oneof(
  fc.string(),
  fc.constantFrom(
    '# ', '## ', '\n', '\n\n', '  \n', '- ', '* ', '1. ', '> ', '```', '    ', '|', '---', '[', ']', '(', ')', '<', '>',
    '`', '*', '_', '~~', '\\', '&amp;', '&#0;', '&#x110000;', '<a href="', '">', '</a>', '<br>', '<pre>',
    'https://', 'http://', 'javascript:', 'mailto:', 'data:', 'www.', '{% link x.md %}', '{% post_url 2013-01-16-x %}',
    'Enregistré le 1er ', 'février ', '2020', 'é', '\u0000', '\ud800',
  ),
);

describe('parseMarkdownPost on arbitrary markdown', () => {
  it('never throws and yields only http(s) links and consistent section ids', () => {
    fc.assert(
      fc.property(fc.array(markdownPiece, { maxLength: 60 }), (pieces) => {
        const episode = parseMarkdownPost(`---\ntitle: x\n---\n${pieces.join('')}`, '2020-01-01-x.md');
        const ids = new Set(flattenOutline(episode.outline).map((node) => node.id));
        for (const link of episode.links) {
          expect(new URL(link.url).protocol).toMatch(/^https?:$/);
          if (link.sectionId !== null) expect(ids.has(link.sectionId)).toBe(true);
        }
      }),
      { numRuns: 500 },
    );
  });
});

/** The text rule as marked writes it, lazily, less the email look-ahead: what the notes' rule must equal. */
const LAZY_TEXT_RULE =
  /^(`+|~+|[^`~])(?:(?=[`~])|(?= {2,}\n)|[\s\S]*?(?:(?=[\\<!\[`*~_]|\b_|[hH][tT][tT][pP][sS]?|[fF][tT][pP]:\/\/|(?<![^\s*_~(])www\.|$)|[^ ](?= {2,}\n)))/;

// prettier-ignore
const textPiece = fc.oneof(
  fc.string({ maxLength: 3 }),
  fc.constantFrom(
    ' ', '  ', '\n', '  \n', '\t', 'h', 'H', 'ttp', 'TTP', 'http://', 'https://', 'f', 'F', 'ftp://', 'w', 'ww.', 'www.',
    '.', ':', '/', '(', '_', '*', '~', '`', '\\', '<', '!', '[', 'a', 'é',
  ),
);

describe('the notes’ inline text rule', () => {
  it('stops where marked’s lazy rule stops, on any text', () => {
    fc.assert(
      fc.property(fc.array(textPiece, { minLength: 1, maxLength: 30 }), (pieces) => {
        const text = pieces.join('');
        expect(TEXT_WITHOUT_EMAIL_AUTOLINKS.exec(text)?.[0]).toBe(LAZY_TEXT_RULE.exec(text)?.[0]);
      }),
      { numRuns: 5000 },
    );
  });
});
