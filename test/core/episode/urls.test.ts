import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  isPostPageUrl,
  canonicalPageUrl,
  isCanonicalPageUrl,
  isHttpUrl,
  postAddressOfFile,
  postAddressOfPage,
  resolveLiquidAddresses,
  sourceUrlOfPage,
} from '../../../src/core/episode/urls';

const PAGE = 'https://lescastcodeurs.com/2021/09/02/lcc-262-interview-cloud-de-confiance-avec-quentin-adam/';
const SOURCE =
  'https://raw.githubusercontent.com/lescastcodeurs/lescastcodeurs.com/main/_posts/2021-09-02-lcc-262-interview-cloud-de-confiance-avec-quentin-adam.md';

describe('URL rules', () => {
  it.each([
    [PAGE, true],
    [`${PAGE}#news`, true],
    ['https://lescastcodeurs.com/2021/09/02/lcc-262-interview-cloud-de-confiance-avec-quentin-adam', true],
    ['https://www.lescastcodeurs.com/2021/09/02/slug/', true],
    ['https://lescastcodeurs.com/', false],
    ['https://lescastcodeurs.com/episodes/', false],
    ['https://lescastcodeurs.com/page/2/', false],
    ['https://lescastcodeurs.com/equipe/', false],
    ['https://example.com/2021/09/02/slug/', false],
    ['ftp://lescastcodeurs.com/2021/09/02/slug/', false],
    ['not a url', false],
  ])('%s is a post page: %s', (address, expected) => {
    expect(isPostPageUrl(address)).toBe(expected);
  });

  it('maps a page to its markdown source and back', () => {
    expect(sourceUrlOfPage(PAGE)).toBe(SOURCE);
    expect(canonicalPageUrl(`${PAGE}#news`)).toBe(PAGE);
    expect(sourceUrlOfPage('https://lescastcodeurs.com/episodes/')).toBeNull();
  });

  it.each([
    PAGE,
    `${PAGE}#news`,
    PAGE.slice(0, -1),
    PAGE.replace('https://', 'http://'),
    PAGE.replace('lescastcodeurs.com', 'www.lescastcodeurs.com'),
    'https://lescastcodeurs.com/2020/07/08/lcc-235-avec-@ygrenzinger/',
    'https://lescastcodeurs.com/2020/07/08/lcc-235-avec-%40ygrenzinger/',
    'https://lescastcodeurs.com/2021/13/02/lcc-262/',
    'https://lescastcodeurs.com/2021/09/02/LCC-262/',
    'https://lescastcodeurs.com/2021/09/02/lcc.262/',
    'https://lescastcodeurs.com/2021/09/02/lcc 262/',
    'https://LESCASTCODEURS.com/2021/09/02/lcc-262/',
    'https://lescastcodeurs.com:443/2021/09/02/lcc-262/',
  ])('says %s is canonical exactly when canonicalPageUrl gives it back', (address) => {
    expect(isCanonicalPageUrl(address)).toBe(canonicalPageUrl(address) === address);
  });

  it('agrees with canonicalPageUrl on any address near a post page', () => {
    const piece = fc.constantFrom(
      'https://',
      'http://',
      'lescastcodeurs.com',
      'www.',
      '/',
      '2021',
      '09',
      '13',
      '00',
      '31',
      'lcc-262',
      '@',
      '%40',
      '.',
      '..',
      '#',
      '?',
      'A',
      ' ',
      ':443',
      '\\',
      '%2F',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 14 }), (pieces) => {
        const address = pieces.join('');
        expect(isCanonicalPageUrl(address)).toBe(canonicalPageUrl(address) === address);
      }),
      { numRuns: 5000 },
    );
    fc.assert(
      fc.property(fc.string(), (slug) => {
        const address = `https://lescastcodeurs.com/2021/09/02/${slug}/`;
        expect(isCanonicalPageUrl(address)).toBe(canonicalPageUrl(address) === address);
      }),
      { numRuns: 5000 },
    );
  });

  it('says an address is http(s) exactly when URL does', () => {
    const byUrl = (address: string) => {
      try {
        return ['http:', 'https:'].includes(new URL(address).protocol);
      } catch {
        return false;
      }
    };
    for (const address of [
      'https://www.infoq.com/news/2021/08/java-17/?utm_source=x#top',
      'http://localhost:8080/a',
      'https://1.2.3.999/',
      'http://0x7f.1/',
      'https://xn--a.com/',
      'https://a.b.c.example:99999/',
      'HTTPS://EXAMPLE.COM/',
      'https://exa mple.com/',
      'https://user@example.com/',
      'javascript:alert(1)',
      'https:example.com',
      '',
    ]) {
      expect(isHttpUrl(address), address).toBe(byUrl(address));
    }
    const piece = fc.constantFrom(
      'https://',
      'http://',
      'a',
      'xn--',
      '-',
      '.',
      '0',
      '9',
      'x',
      ':',
      '80',
      '99999',
      '/',
      '?',
      '#',
      '@',
      ' ',
      '%',
      '\\',
      'É',
      '[::1]',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (pieces) => {
        const address = pieces.join('');
        expect(isHttpUrl(address)).toBe(byUrl(address));
      }),
      { numRuns: 10000 },
    );
    fc.assert(
      fc.property(fc.webUrl({ withQueryParameters: true, withFragments: true }), fc.string(), (url, tail) => {
        expect(isHttpUrl(url + tail)).toBe(byUrl(url + tail));
      }),
      { numRuns: 5000 },
    );
  });

  it('reads a percent-encoded slug as the site writes it', () => {
    expect(postAddressOfPage('https://lescastcodeurs.com/2020/07/08/lcc-235-avec-%40ygrenzinger/')).toEqual({
      date: '2020-07-08',
      slug: 'lcc-235-avec-@ygrenzinger',
    });
  });

  // The attack of issue 13: a slug encoded twice, decoded twice, walked out of `_posts/`.
  it.each([
    'https://lescastcodeurs.com/2021/09/02/..%252F..%252F..%252F..%252F..%252F..%252Fattacker%252Frepo%252Fmain%252F2021-09-02-lcc-262/',
    'https://lescastcodeurs.com/2021/09/02/..%2F..%2Fattacker%2Frepo%2Fmain%2F2021-09-02-lcc-262/',
    'https://lescastcodeurs.com/2021/09/02/%2e%2e/',
    'https://lescastcodeurs.com/2021/09/02/lcc-262%3Fx=1/',
    'https://lescastcodeurs.com/2021/09/02/lcc-262%23x/',
    'https://lescastcodeurs.com/2021/09/02/lcc%5C262/',
    'https://lescastcodeurs.com/2021/09/02/LCC-262/',
    'https://lescastcodeurs.com/2021/09/02/lcc-262%E0/',
    'https://lescastcodeurs.com/2021/13/02/lcc-262/',
    'https://lescastcodeurs.com/2021/09/00/lcc-262/',
  ])('refuses the slug of %s, so that no source address is built from it', (address) => {
    expect(postAddressOfPage(address)).toBeNull();
    expect(sourceUrlOfPage(address)).toBeNull();
  });

  it("builds source addresses only right under _posts/ of the site's repository", () => {
    expect(postAddressOfFile('2021-09-02-../../x.md')).toBeNull();
    expect(postAddressOfFile('2021-09-02-a%2Fb.md')).toBeNull();
    expect(sourceUrlOfPage('https://lescastcodeurs.com/2017/05/03/lcc-168-avec-dridi-boukelmoune-(partie-1)/')).toBe(
      'https://raw.githubusercontent.com/lescastcodeurs/lescastcodeurs.com/main/_posts/2017-05-03-lcc-168-avec-dridi-boukelmoune-(partie-1).md',
    );
  });

  it('resolves Liquid address tags and leaves other text alone', () => {
    expect(resolveLiquidAddresses('[a]({% post_url 2013-01-16-sponsoring %}) {% link /images/x.png %} {% raw %}')).toBe(
      '[a](https://lescastcodeurs.com/2013/01/16/sponsoring/) https://lescastcodeurs.com/images/x.png {% raw %}',
    );
  });
});
