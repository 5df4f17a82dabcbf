/** The lines of a post source's conference sections, as `ConferenceLine`s. */
import { decodeEntities, ESCAPED_PUNCTUATION } from '../episode/text';
import { CONFERENCE_SECTION, type Badge, type ConferenceLine } from './conference';

const HEADING = /^(#{1,6})\s+(.*)$/;
const ITEM = /^\s*[-*+]\s+(.*)$/;
const LINK = /\[((?:[^\][\\]|\\.|\[[^\]]*\])*)\]\(([^\s()]+(?:\([^\s()]*\)[^\s()]*)*)\)/;
const IMAGE = /<img\b[^>]*>/gi;
const OPENING_LINK = /<a\b([^>]*)>/gi;
const TAG = /<[^>]*>/g;
const attribute = (tag: string, name: string) => new RegExp(`\\b${name}\\s*=\\s*"([^"]*)"`, 'i').exec(tag)?.[1] ?? '';

function badgesOf(html: string): Badge[] {
  return [...html.matchAll(IMAGE)].map((image) => {
    // The badge's link is the last one opened before it (`hret`, a typo some items carry, too).
    const link = [...html.slice(0, image.index).matchAll(OPENING_LINK)].at(-1)?.[1];
    const href = link ? attribute(link, 'href') || attribute(link, 'hret') : '';
    return { source: decodeEntities(attribute(image[0], 'src')), alt: decodeEntities(attribute(image[0], 'alt')), href: href || null };
  });
}

export function conferenceLinesOfMarkdown(markdown: string): ConferenceLine[] {
  const lines: ConferenceLine[] = [];
  let level = 0;
  for (const raw of markdown.split(/\r?\n/)) {
    const heading = HEADING.exec(raw);
    if (heading) {
      if (CONFERENCE_SECTION.test(heading[2]!)) level = heading[1]!.length;
      else if (heading[1]!.length <= level) level = 0;
      continue;
    }
    if (!level) continue;
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
