import { describe, expect, it } from 'vitest';
import {
  isPostPageUrl,
  pageUrlOfSource,
  postAddressOfPage,
  resolveLiquidAddresses,
  sourceUrlOfPage,
} from '../../src/episode/urls';

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
    expect(pageUrlOfSource(SOURCE)).toBe(PAGE);
    expect(sourceUrlOfPage('https://lescastcodeurs.com/episodes/')).toBeNull();
    expect(pageUrlOfSource('https://example.com/x.md')).toBeNull();
  });

  it('reads a percent-encoded slug as the site writes it', () => {
    expect(postAddressOfPage('https://lescastcodeurs.com/2020/07/08/lcc-235-avec-%40ygrenzinger/')).toEqual({
      date: '2020-07-08',
      slug: 'lcc-235-avec-@ygrenzinger',
    });
  });

  it('resolves Liquid address tags and leaves other text alone', () => {
    expect(resolveLiquidAddresses('[a]({% post_url 2013-01-16-sponsoring %}) {% link /images/x.png %} {% raw %}')).toBe(
      '[a](https://lescastcodeurs.com/2013/01/16/sponsoring/) https://lescastcodeurs.com/images/x.png {% raw %}',
    );
  });
});
