import { describe, expect, it } from 'vitest';
import type { EpisodeLink, OutlineNode } from '../../src/episode/model';
import { filterLinks, groupBySection, linkCountsBySection, markdownList, searchableLinks, sectionTitles } from '../../src/ui/linkFilter';

const LINKS: EpisodeLink[] = [
  { url: 'https://intro.example/', text: 'Épisode', context: 'Téléchargement de l’épisode', sectionId: null },
  {
    url: 'https://foojay.io/java-26',
    text: 'https://foojay.io/java-26',
    context: 'Java 26 : les nouveautés https://foojay.io/java-26',
    sectionId: 'langages',
  },
  { url: 'https://www.graalvm.org/x', text: 'GraalVM [native]', context: 'Retour d’expérience GraalVM', sectionId: 'langages' },
  { url: 'https://kotlinlang.org/', text: 'Kotlin', context: 'Kotlin', sectionId: 'outillage' },
];
const OUTLINE: OutlineNode[] = [
  {
    id: 'news',
    level: 2,
    title: 'News',
    children: [
      { id: 'langages', level: 3, title: 'Langages', children: [] },
      { id: 'outillage', level: 3, title: 'Outillage', children: [] },
    ],
  },
];

describe('link list helpers', () => {
  const links = searchableLinks(LINKS);

  it('filters on text, news item and address, ignoring case and accents, every word', () => {
    expect(filterLinks(links, 'EXPERIENCE').map((link) => link.index)).toEqual([2]);
    expect(filterLinks(links, 'episode').map((link) => link.index)).toEqual([0]);
    expect(filterLinks(links, 'java foojay').map((link) => link.index)).toEqual([1]);
    expect(filterLinks(links, '   ')).toHaveLength(4);
    expect(filterLinks(links, 'nothing-like-this')).toEqual([]);
  });

  it('names a bare-address link by its news item, and shows the host without www', () => {
    expect(links[1]).toMatchObject({ label: 'Java 26 : les nouveautés', detail: '', host: 'foojay.io' });
    expect(links[2]).toMatchObject({ label: 'GraalVM [native]', detail: 'Retour d’expérience GraalVM', host: 'graalvm.org' });
    expect(links[3]).toMatchObject({ label: 'Kotlin', detail: '' });
  });

  it('groups consecutive links by section and counts links with subsections', () => {
    expect(groupBySection(links).map((group) => [group.sectionId, group.links.length])).toEqual([
      [null, 1],
      ['langages', 2],
      ['outillage', 1],
    ]);
    expect(Object.fromEntries(linkCountsBySection(OUTLINE, LINKS))).toEqual({ news: 3, langages: 2, outillage: 1 });
    expect(sectionTitles(OUTLINE).get('outillage')).toBe('Outillage');
  });

  it('copies links as a Markdown list, escaping what would break it', () => {
    expect(markdownList([links[2]!, links[3]!])).toBe(
      '- [GraalVM \\[native\\]](https://www.graalvm.org/x)\n- [Kotlin](https://kotlinlang.org/)',
    );
  });
});
