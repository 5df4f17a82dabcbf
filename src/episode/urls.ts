/**
 * Address rules of lescastcodeurs.com and of its public source on GitHub.
 * The site's permalink is `/:year/:month/:day/:title/` and each post's source is
 * `_posts/YYYY-MM-DD-slug.md` on the `main` branch.
 */

export const SITE_ORIGIN = 'https://lescastcodeurs.com';
export const EPISODE_LIST_URL = `${SITE_ORIGIN}/episodes/`;
const SOURCE_BASE = 'https://raw.githubusercontent.com/lescastcodeurs/lescastcodeurs.com/main/_posts/';

/** Where a post lives: its date and the slug of its file name. */
export interface PostAddress {
  /** `YYYY-MM-DD` */
  date: string;
  slug: string;
}

const PAGE_PATH = /^\/(\d{4})\/(\d{2})\/(\d{2})\/([^/?#]+)\/?$/;
const POST_FILE = /(?:^|\/)(\d{4})-(\d{2})-(\d{2})-([^/]+?)\.(?:md|markdown|html)$/;

function parseUrl(address: string): URL | null {
  try {
    return new URL(address);
  } catch {
    return null;
  }
}

export function isHttpUrl(address: string): boolean {
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
  const [, year, month, day, slug] = match;
  return { date: `${year}-${month}-${day}`, slug: decodeURIComponent(slug!) };
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
  return { date: `${year}-${month}-${day}`, slug: slug! };
}

export function pageUrlOf(post: PostAddress): string {
  return `${SITE_ORIGIN}/${post.date.replaceAll('-', '/')}/${post.slug}/`;
}

export function sourceUrlOf(post: PostAddress): string {
  return `${SOURCE_BASE}${post.date}-${post.slug}.md`;
}

export function sourceUrlOfPage(pageUrl: string): string | null {
  const post = postAddressOfPage(pageUrl);
  return post && sourceUrlOf(post);
}

export function pageUrlOfSource(sourceUrl: string): string | null {
  if (!sourceUrl.startsWith(SOURCE_BASE)) return null;
  const post = postAddressOfFile(decodeURIComponent(sourceUrl.slice(SOURCE_BASE.length)));
  return post && pageUrlOf(post);
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
