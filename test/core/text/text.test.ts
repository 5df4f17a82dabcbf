import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeEntities, decodeHtmlAttribute, namedEntity } from '../../../src/core/text/entities';
import { decodeReferences } from '../../../src/core/text/entityReferences';
import { httpUrlOf } from '../../../src/core/text/httpUrl';
import { collapseWhitespace } from '../../../src/core/text/text';
import { frenchMonth, isRealDay } from '../../../src/core/text/dates';

const BASE = 'https://lescastcodeurs.com/2021/09/02/lcc-262/';

function parsedHttpUrl(href: string): string | null {
  try {
    const url = new URL(href.trim().replace(/\\([!-/:-@[-`{-~])/g, '$1'), BASE);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
  } catch {
    return null;
  }
}

describe('httpUrlOf', () => {
  it.each([
    ['https://openjdk.org/legal/ai', 'https://openjdk.org/legal/ai'],
    ['https://lescastcodeurs.com', 'https://lescastcodeurs.com/'],
    ['HTTPS://Example.COM/a/./b/../c', 'https://example.com/a/c'],
    ['https://example.com:443/x y', 'https://example.com/x%20y'],
    ['https://en.wikipedia.org/wiki/C_\\(programming_language\\)', 'https://en.wikipedia.org/wiki/C_(programming_language)'],
    ['/licence/', 'https://lescastcodeurs.com/licence/'],
    ['javascript:alert(1)', null],
    ['mailto:a@b.c', null],
    ['data:text/html,x', null],
    ['http://[', null],
    // Punycode that does not decode: no host, though the address looks plain.
    ['https://xn--a.com/', null],
  ])('%s → %s', (href, expected) => {
    expect(httpUrlOf(href, BASE)).toBe(expected);
  });

  it('gives what the URL parser gives, fast path or not', () => {
    const urlCharacter = fc.constantFrom(...'aZ09-._~:/?#[]@!$&\'()*+,;=% "<>\\`{}|^é.'.split(''));
    const tail = fc.array(urlCharacter, { maxLength: 30 }).map((characters) => characters.join(''));
    const href = fc
      .tuple(fc.constantFrom('https://', 'http://', 'HTTP://', ''), fc.constantFrom('example.com', 'a-b.c.org', 'X.com', ''), tail)
      .map(([scheme, host, rest]) => `${scheme}${host}${rest}`);
    fc.assert(
      fc.property(href, (value) => {
        expect(httpUrlOf(value, BASE)).toBe(parsedHttpUrl(value));
      }),
      { numRuns: 3000 },
    );
  });
});

describe('text helpers', () => {
  it('collapses whitespace and trims', () => {
    expect(collapseWhitespace('  a \n\t b  ')).toBe('a b');
    expect(collapseWhitespace('a b')).toBe('a b');
    expect(collapseWhitespace('a\u00a0b')).toBe('a b');
  });

  it('decodes named and numeric entities, and leaves unknown ones', () => {
    expect(decodeEntities('a &amp; b &#233; &#x2019; &unknown; &#0;')).toBe('a & b é ’ &unknown; \ufffd');
  });

  it('knows every entity HTML names, with its semicolon as markdown wants it', () => {
    expect(decodeEntities('&gg; &hellip; &copy &Eacute;')).toBe('≫ … &copy É');
  });

  it('reads references as the full table does, given the named ones (issue 23, 4)', () => {
    expect([namedEntity('hellip'), namedEntity('gg'), namedEntity('unknown')]).toEqual(['…', '≫', undefined]);
    for (const text of [
      'a &amp; b &#233; &#x2019; &unknown; &#0; &#xD800; &#1114112;',
      '&gg; &hellip; &copy &Eacute; &notit; &semi;',
      'x',
    ]) {
      expect(decodeReferences(text, namedEntity), text).toBe(decodeEntities(text));
    }
  });

  it('reads raw HTML attributes as a browser does, old entities without a semicolon too', () => {
    expect(decodeHtmlAttribute('http://a.aa/&GT')).toBe('http://a.aa/>');
    expect(decodeHtmlAttribute('https://x.example/?a=1&amp;b=2&copy=3')).toBe('https://x.example/?a=1&b=2&copy=3');
  });
});

describe('days and months', () => {
  it('knows which days exist as a Date does, in every year it holds whole', () => {
    const byDate = (year: number, month: number, day: number) => {
      const date = new Date(Date.UTC(year, month - 1, day));
      return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
    };
    fc.assert(
      fc.property(
        fc.integer({ min: -271_820, max: 275_759 }),
        fc.integer({ min: -1, max: 14 }),
        fc.integer({ min: -1, max: 33 }),
        (year, month, day) => {
          expect(isRealDay(year, month, day)).toBe(byDate(year, month, day));
        },
      ),
      { numRuns: 5000 },
    );
    expect([isRealDay(2024, 2, 29), isRealDay(1900, 2, 29), isRealDay(2000, 2, 29), isRealDay(50, 1, 1)]).toEqual([
      true,
      false,
      true,
      false,
    ]);
  });

  it('reads French month names in any case, with accents or none, and no other word', () => {
    expect(['Février', 'fevrier', 'AOÛT', 'décembre', 'mai'].map(frenchMonth)).toEqual([2, 2, 8, 12, 5]);
    expect(['constructor', 'toString', 'may', ''].map(frenchMonth)).toEqual([undefined, undefined, undefined, undefined]);
  });
});
