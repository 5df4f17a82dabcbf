/** The one rule for what an href of the notes or the page is: an absolute http(s) address, or nothing. */
import { ESCAPED_PUNCTUATION } from './text';

/**
 * An absolute http(s) address that the URL parser would return unchanged: lower-case host whose
 * last label is no number (that would be an IPv4 address), no `xn--` label (its punycode may not
 * decode), no port, a path, no character it would percent-encode. Most links of the notes are such, and skipping the parser for them
 * halves the cost of collecting links. Dot segments (`/./`, `/%2e/`) are ruled out apart.
 */
const PLAIN_HTTP_URL = /^https?:\/\/(?:(?!xn--)[a-z0-9-]+\.)*(?!xn--)[a-z][a-z0-9-]*\/[A-Za-z0-9\-._~:/?#[\]@!$&()*+,;=%]*$/;
const MAYBE_DOT_SEGMENT = /\/\.|\/%2e/i;

export function isAlreadyNormalHttpUrl(href: string): boolean {
  return PLAIN_HTTP_URL.test(href) && !MAYBE_DOT_SEGMENT.test(href);
}

/**
 * An http(s) address from an href as written, or null for any other scheme or for text that is
 * no address. Relative addresses resolve against the page they stand on.
 */
export function httpUrlOf(href: string, base: string): string | null {
  if (isAlreadyNormalHttpUrl(href)) return href;
  let url: URL;
  try {
    // kramdown leaves markdown backslash escapes in hrefs (`Comet_\(programming\)`), and a
    // browser would read each backslash as a slash.
    url = new URL(href.trim().replace(ESCAPED_PUNCTUATION, '$1'), base);
  } catch {
    return null;
  }
  return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
}
