import { describe, expect, it } from 'vitest';
import type { EpisodeLink, OutlineNode } from '../../src/core/episode/model';
import {
  filterLinks,
  groupLinks,
  linkCountsBySection,
  markdownList,
  searchableLinks,
  sectionTitles,
  shortAddress,
} from '../../src/ui/linkFilter';

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

  it('names a bare-address link by its address, short, and shows the host of the others without www', () => {
    expect(links[1]).toMatchObject({ label: 'foojay.io/java-26', labelIsAddress: true, host: 'foojay.io' });
    expect(links[2]).toMatchObject({ label: 'GraalVM [native]', labelIsAddress: false, host: 'graalvm.org' });
    expect(shortAddress(`https://www.example.com/${'a'.repeat(80)}/`)).toBe(`example.com/${'a'.repeat(47)}…`);
  });

  it('groups consecutive links by section, then by news item, the item said once without its bare addresses', () => {
    const news = searchableLinks([
      ...LINKS,
      { url: 'https://kotlinlang.org/docs', text: 'la doc', context: 'Kotlin', sectionId: 'outillage' },
      {
        url: 'https://a.example/',
        text: 'https://a.example/',
        context: 'Deux liens https://a.example/ et https://b.example/',
        sectionId: 'outillage',
      },
      {
        url: 'https://b.example/',
        text: 'https://b.example/',
        context: 'Deux liens https://a.example/ et https://b.example/',
        sectionId: 'outillage',
      },
    ]);
    expect(
      groupLinks(news).map((group) => [group.sectionId, group.items.map((item) => [item.text, item.links.map((link) => link.index)])]),
    ).toEqual([
      [null, [['Téléchargement de l’épisode', [0]]]],
      [
        'langages',
        [
          ['Java 26 : les nouveautés', [1]],
          ['Retour d’expérience GraalVM', [2]],
        ],
      ],
      [
        'outillage',
        [
          ['Kotlin', [3, 4]],
          ['Deux liens et', [5, 6]],
        ],
      ],
    ]);
    expect(
      groupLinks(searchableLinks([{ url: 'https://k.example/', text: 'Kotlin', context: 'Kotlin', sectionId: null }]))[0]!.items[0]!.text,
    ).toBe('');
  });

  it('counts links with subsections and names sections', () => {
    expect(Object.fromEntries(linkCountsBySection(OUTLINE, LINKS))).toEqual({ news: 3, langages: 2, outillage: 1 });
    expect(sectionTitles(OUTLINE).get('outillage')).toBe('Outillage');
  });

  it('copies links as a Markdown list, escaping what would break it', () => {
    expect(markdownList([links[2]!, links[3]!])).toBe(
      '- [GraalVM \\[native\\]](https://www.graalvm.org/x)\n- [Kotlin](https://kotlinlang.org/)',
    );
  });
});
