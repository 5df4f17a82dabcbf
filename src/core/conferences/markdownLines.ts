/** The lines of a post source's conference sections, as `ConferenceLine`s. */
import { decodeEntities } from '../text/entities';
import { ESCAPED_PUNCTUATION } from '../text/text';
import type { Badge, ConferenceLine } from './conference';

const HEADING = /^#{1,6}\s/;
const SECTION_START = /^(#{1,6})[ \t]+Conf[ée]rences\b.*$/gim;
const ANY_HEADING = /^(#{1,6})[ \t]/gm;
const ITEM = /^\s*[-*+]\s+(.*)$/;
const LINK = /\[((?:[^\][\\]|\\.|\[[^\]]*\])*)\]\(([^\s()]+(?:\([^\s()]*\)[^\s()]*)*)\)/;
const IMAGE = /<img\b[^>]*>/gi;
const OPENING_LINK = /<a\b([^>]*)>/gi;
const TAG = /<[^>]*>/g;
const ATTRIBUTES = new Map(['href', 'hret', 'src', 'alt'].map((name) => [name, new RegExp(`\\b${name}\\s*=\\s*"([^"]*)"`, 'i')]));
const attribute = (tag: string, name: 'href' | 'hret' | 'src' | 'alt') => ATTRIBUTES.get(name)!.exec(tag)?.[1] ?? '';

function badgesOf(html: string): Badge[] {
  return [...html.matchAll(IMAGE)].map((image) => {
    // The badge's link is the last one opened before it (`hret`, a typo some items carry, too).
    const link = [...html.slice(0, image.index).matchAll(OPENING_LINK)].at(-1)?.[1];
    const href = link ? attribute(link, 'href') || attribute(link, 'hret') : '';
    return { source: decodeEntities(attribute(image[0], 'src')), alt: decodeEntities(attribute(image[0], 'alt')), href: href || null };
  });
}

/** The text of each conference section of the source, up to the next heading of its level or above. */
function conferenceSections(markdown: string): string[] {
  const sections: string[] = [];
  // Found by one search over the source: most of a post is never split into lines.
  for (const start of markdown.matchAll(SECTION_START)) {
    const level = start[1]!.length;
    const body = markdown.slice(start.index + start[0].length);
    let end = body.length;
    for (const heading of body.matchAll(ANY_HEADING)) {
      if (heading[1]!.length > level) continue;
      end = heading.index;
      break;
    }
    sections.push(body.slice(0, end));
  }
  return sections;
}

export function conferenceLinesOfMarkdown(markdown: string): ConferenceLine[] {
  const lines: ConferenceLine[] = [];
  for (const raw of conferenceSections(markdown).flatMap((section) => section.split(/\r?\n/))) {
    if (HEADING.test(raw)) continue;
    const item = ITEM.exec(raw);
    const text = item ? item[1]! : raw;
    const link = LINK.exec(text);
    if (!link) continue;
    const after = text.slice(link.index + link[0].length);
    lines.push({
      listed: item !== null,
      before: decodeEntities(text.slice(0, link.index)),
      name: link[1]!.replace(ESCAPED_PUNCTUATION, '$1'),
      url: link[2]!,
      after: decodeEntities(after.replace(TAG, ' ')),
      badges: badgesOf(after),
    });
  }
  return lines;
}
