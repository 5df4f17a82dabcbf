/**
 * Address rules of lescastcodeurs.com and of its public source on GitHub.
 * The site's permalink is `/:year/:month/:day/:title/` and each post's source is
 * `_posts/YYYY-MM-DD-slug.md` on the `main` branch.
 */

export const SITE_ORIGIN = 'https://lescastcodeurs.com';
/**
 * The image every page of the site names as its own (og:image). The show's logo is not under the
 * site's Creative Commons licence, so the extension never ships it: it shows the site's copy.
 */
export const SHOW_ARTWORK_URL = `${SITE_ORIGIN}/images/default-twitter-card.png`;
export const EPISODE_LIST_URL = `${SITE_ORIGIN}/episodes/`;
const SOURCE_BASE = 'https://raw.githubusercontent.com/lescastcodeurs/lescastcodeurs.com/main/_posts/';

import { isAlreadyNormalHttpUrl } from '../text/httpUrl';

declare const VALIDATED: unique symbol;

/**
 * Where a post lives: its date and the slug of its file name. Made only by the functions below,
 * which check both parts, since every address of the extension is built from them.
 */
export interface PostAddress {
  /** `YYYY-MM-DD` */
  readonly date: string;
  readonly slug: string;
  readonly [VALIDATED]: true;
}

/**
 * The slugs the site gives its posts, as in every post of the corpus: lower-case letters,
 * digits and dashes, and `@`, `(`, `)` in two of them. Nothing that a path or a URL reads
 * specially (`/`, `%`, `\`, `.`, `?`, `#`) can be in one, so a slug stays one file name.
 */
const SLUG = /^[a-z0-9][a-z0-9@()_-]{0,199}$/;
const PAGE_PATH = /^\/(\d{4})\/(\d{2})\/(\d{2})\/([^/?#]+)\/?$/;
const POST_FILE = /(?:^|\/)(\d{4})-(\d{2})-(\d{2})-([^/]+?)\.(?:md|markdown|html)$/;

function postAddress(year: string, month: string, day: string, slug: string): PostAddress | null {
  if (!SLUG.test(slug) || Number(month) < 1 || Number(month) > 12 || Number(day) < 1 || Number(day) > 31) return null;
  return { date: `${year}-${month}-${day}`, slug } as PostAddress;
}

function parseUrl(address: string): URL | null {
  try {
    return new URL(address);
  } catch {
    return null;
  }
}

export function isHttpUrl(address: string): boolean {
  // Every record read back checks its addresses: most are in URL's normal form already, and need no parse.
  if (isAlreadyNormalHttpUrl(address)) return true;
  const url = parseUrl(address);
  return url !== null && (url.protocol === 'https:' || url.protocol === 'http:');
}

/** The post a page address points at, or null when it is not a post page of the site. */
export function postAddressOfPage(pageUrl: string): PostAddress | null {
  const url = parseUrl(pageUrl);
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:')) return null;
  if (url.hostname !== 'lescastcodeurs.com' && url.hostname !== 'www.lescastcodeurs.com') return null;
  const match = PAGE_PATH.exec(url.pathname);
  if (!match) return null;
  const [, year, month, day, encodedSlug] = match;
  let slug: string;
  try {
    // Decoded once, exactly: browsers show `@` as `%40`; what is still encoded after that is no slug.
    slug = decodeURIComponent(encodedSlug!);
  } catch {
    return null;
  }
  return postAddress(year!, month!, day!, slug);
}

/** True for the page of a post (an episode or a blog post); the other pages of the site are not. */
export function isPostPageUrl(pageUrl: string): boolean {
  return postAddressOfPage(pageUrl) !== null;
}

/** The post a source file name or source address stands for, e.g. `2021-09-02-lcc-262-….md`. */
export function postAddressOfFile(fileNameOrUrl: string): PostAddress | null {
  const match = POST_FILE.exec(fileNameOrUrl);
  if (!match) return null;
  const [, year, month, day, slug] = match;
  return postAddress(year!, month!, day!, slug!);
}

/** An address built with `URL` from a base and a name, or null if the name would leave the base. */
function addressUnder(base: string, name: string): string | null {
  const url = new URL(name, base);
  const rest = url.href.slice(base.length).replace(/\/$/, '');
  return url.href.startsWith(base) && rest.length > 0 && !rest.includes('/') ? url.href : null;
}

export function pageUrlOf(post: PostAddress): string {
  const address = addressUnder(`${SITE_ORIGIN}/${post.date.replaceAll('-', '/')}/`, `${post.slug}/`);
  if (!address) throw new Error(`not a post address: ${post.date} ${post.slug}`);
  return address;
}

/** The markdown source of a post, always a file right under the site's `_posts/` on GitHub. */
export function sourceUrlOf(post: PostAddress): string | null {
  return addressUnder(SOURCE_BASE, `${post.date}-${post.slug}.md`);
}

export function sourceUrlOfPage(pageUrl: string): string | null {
  const post = postAddressOfPage(pageUrl);
  return post && sourceUrlOf(post);
}

/** The one address of a post page (`https://lescastcodeurs.com/…/slug/`), or null for any other page. */
export function canonicalPageUrl(pageUrl: string): string | null {
  const post = postAddressOfPage(pageUrl);
  return post && pageUrlOf(post);
}

/**
 * The one address of a post page in the shape `canonicalPageUrl` gives it. A slug holds nothing
 * `URL` would rewrite, so a canonical address is the site's origin, the date and the slug as they
 * are. Every record read back checks its address, and this test spares it two URL parses each.
 */
const CANONICAL_PAGE_URL = /^https:\/\/lescastcodeurs\.com\/(\d{4})\/(\d{2})\/(\d{2})\/([^/]+)\/$/;

/** True when `address` is what `canonicalPageUrl` gives for it: `canonicalPageUrl(address) === address`. */
export function isCanonicalPageUrl(address: string): boolean {
  const match = CANONICAL_PAGE_URL.exec(address);
  return match !== null && postAddress(match[1]!, match[2]!, match[3]!, match[4]!) !== null;
}

const LIQUID_ADDRESS_TAG = /\{%\s*(post_url|link)\s+(\S+?)\s*%\}/g;

function liquidAddress(tag: string, argument: string): string | null {
  if (tag === 'post_url') {
    const post = postAddressOfFile(`${argument}.md`);
    return post && pageUrlOf(post);
  }
  const path = argument.replace(/^\//, '');
  const page = /^([^/]+)\.(?:md|html)$/.exec(path);
  return page ? `${SITE_ORIGIN}/${page[1]}/` : `${SITE_ORIGIN}/${path}`;
}

/**
 * Replaces the Jekyll Liquid tags that stand for site addresses in a post's source
 * (`{% post_url 2013-01-16-sponsoring %}`, `{% link licence.md %}`) as Jekyll does before
 * the markdown is read.
 */
export function resolveLiquidAddresses(markdown: string): string {
  if (!markdown.includes('{%')) return markdown;
  return markdown.replace(LIQUID_ADDRESS_TAG, (whole, tag: string, argument: string) => liquidAddress(tag, argument) ?? whole);
}
