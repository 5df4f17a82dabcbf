/**
 * The lines of rendered notes' conference sections (the page's `.post-content`, or a feed entry's
 * content), as `ConferenceLine`s: each list item, or each line of a paragraph between `<br>`s.
 */
import type { ConferenceLine } from '../../core/conferences/conference';
import { CONFERENCE_SECTION } from '../../core/conferences/section';

const HEADING = /^h([1-6])$/;

function badgeLink(image: Element): string | null {
  const link = image.closest('a');
  return link?.getAttribute('href') ?? link?.getAttribute('hret') ?? null;
}

function lineOf(nodes: Node[], listed: boolean): ConferenceLine | null {
  const link = nodes.find(
    (node): node is Element => node.nodeType === 1 && (node as Element).localName === 'a' && (node as Element).hasAttribute('href'),
  );
  if (!link) return null;
  const position = nodes.indexOf(link);
  const text = (part: Node[]) => part.map((node) => node.textContent ?? '').join('');
  const rest = nodes.slice(position + 1);
  const images = rest.flatMap((node) =>
    node.nodeType !== 1
      ? []
      : (node as Element).localName === 'img'
        ? [node as Element]
        : Array.from((node as Element).querySelectorAll('img')),
  );
  return {
    listed,
    before: text(nodes.slice(0, position)),
    name: link.textContent ?? '',
    url: link.getAttribute('href')!,
    after: text(rest),
    badges: images.map((image) => ({
      source: image.getAttribute('src') ?? '',
      alt: image.getAttribute('alt') ?? '',
      // `hret` is a typo some items carry: the address is still the CfP's.
      href: badgeLink(image),
    })),
  };
}

/** The nodes of a paragraph, a line per `<br>`. */
function paragraphLines(paragraph: Element): Node[][] {
  const lines: Node[][] = [[]];
  for (const node of Array.from(paragraph.childNodes)) {
    if (node.nodeType === 1 && (node as Element).localName === 'br') lines.push([]);
    else lines.at(-1)!.push(node);
  }
  return lines;
}

export function conferenceLinesOfRenderedNotes(content: Element | null): ConferenceLine[] {
  const lines: ConferenceLine[] = [];
  let level = 0;
  for (const element of Array.from(content?.children ?? [])) {
    const heading = HEADING.exec(element.localName);
    if (heading) {
      if (CONFERENCE_SECTION.test((element.textContent ?? '').trim())) level = Number(heading[1]);
      else if (Number(heading[1]) <= level) level = 0;
      continue;
    }
    if (!level) continue;
    if (element.localName === 'ul' || element.localName === 'ol') {
      for (const item of Array.from(element.children).filter((child) => child.localName === 'li')) {
        const line = lineOf(Array.from(item.childNodes), true);
        if (line) lines.push(line);
      }
    } else {
      for (const nodes of paragraphLines(element)) {
        const line = lineOf(nodes, false);
        if (line) lines.push(line);
      }
    }
  }
  return lines;
}
