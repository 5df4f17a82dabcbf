/** Search across the archive: prefix, accents, every word, ranking, addresses, and the stored index. */
import { describe, expect, it } from 'vitest';
import { buildSearchIndex, loadSearchIndex } from '../../../src/core/archive/search';
import { episodeFixture } from '../../support/episodes';

const episodes = [
  episodeFixture(340, {
    title: 'LCC 340 - Épisode GraalVM',
    url: 'https://lescastcodeurs.com/2026/05/12/lcc-340-a/',
    summary: 'Des nouvelles de Java',
    outline: [{ id: 'langages', level: 2, title: 'Langages', children: [{ id: 'kotlin', level: 3, title: 'Kotlin', children: [] }] }],
    links: [
      { url: 'https://foojay.io/java-26', text: 'Java 26 nouveautés', context: 'Les nouveautés de Java 26', sectionId: 'langages' },
      { url: 'https://github.com/oracle/graal/releases', text: 'la release', context: 'Graal 25 est sorti', sectionId: 'kotlin' },
    ],
  }),
  episodeFixture(300, {
    title: 'LCC 300 - Interview',
    url: 'https://lescastcodeurs.com/2023/10/05/lcc-300-b/',
    links: [{ url: 'https://github.com/oracle/graal', text: 'le dépôt', context: 'Le compilateur natif', sectionId: null }],
  }),
];
// The index goes through its stored form, as the journal reads it.
const archive = loadSearchIndex(JSON.parse(JSON.stringify(buildSearchIndex(episodes.map((episode) => ({ episode }))))));

describe('archive search', () => {
  it('matches prefixes, ignores case and accents, and wants every word', () => {
    expect(archive.search('graal').hits.map((hit) => hit.kind)).toEqual(['episode', 'item', 'item']);
    expect(archive.search('NOUVEAUTES').hits[0]).toMatchObject({
      kind: 'item',
      text: 'Les nouveautés de Java 26',
      target: 'https://lescastcodeurs.com/2026/05/12/lcc-340-a/#langages',
      links: [{ url: 'https://foojay.io/java-26', text: 'Java 26 nouveautés' }],
      episode: { number: 340, url: 'https://lescastcodeurs.com/2026/05/12/lcc-340-a/' },
    });
    expect(archive.search('kotlin langages').total).toBe(0);
    expect(archive.search('   ')).toEqual({ hits: [], total: 0 });
  });

  it('ranks an episode title above a section, a section above a news item', () => {
    expect(archive.search('kotlin').hits.map((hit) => hit.kind)).toEqual(['section']);
    expect(archive.search('java').hits.map((hit) => hit.kind)).toEqual(['episode', 'item']);
  });

  it('finds every episode that cites a host or an address', () => {
    expect(
      archive
        .search('github.com/oracle/graal')
        .hits.map((hit) => hit.episode.number)
        .sort(),
    ).toEqual([300, 340]);
    expect(archive.search('foojay.io').hits.map((hit) => hit.episode.number)).toEqual([340]);
  });
});

describe('archive search over every word of the notes (issue 21)', () => {
  const withNotes = loadSearchIndex(
    JSON.parse(
      JSON.stringify(
        buildSearchIndex([
          { episode: episodes[0]!, text: 'Les nouveautés de Java 26. Un paragraphe sur SageMaker et la compilation native ahead-of-time.' },
          { episode: episodes[1]!, text: 'Quentin parle de souveraineté et de Clever Cloud.' },
        ]),
      ),
    ),
  );

  it("finds an episode by a word only its notes' paragraphs hold, below its title's and items' hits", () => {
    expect(withNotes.search('sagemaker').hits.map((hit) => [hit.kind, hit.episode.number])).toEqual([['episode', 340]]);
    expect(withNotes.search('souverainete').hits.map((hit) => hit.episode.number)).toEqual([300]);
    // Several words: those of the notes and those of a title, on the episode's own document.
    expect(withNotes.search('graalvm compilation').hits.map((hit) => hit.episode.number)).toEqual([340]);
    expect(withNotes.search('java').hits.map((hit) => hit.kind)).toEqual(['episode', 'item']);
  });

  it('finds a word of six letters or more typed with one letter wrong, where none matches as typed', () => {
    expect(withNotes.search('sagemeker').hits.map((hit) => hit.episode.number)).toEqual([340]);
    expect(withNotes.search('clevr').total).toBe(0);
  });
});

describe('archive results grouped by episode (issue 21, 2)', () => {
  it('lists each episode once, best first, with the passages that matched', () => {
    const { episodes: found, total } = archive.searchByEpisode('graal');
    expect(total).toBe(2);
    // The title matches in LCC 340: first, with its news item; LCC 300 by its link's address.
    expect(found.map((result) => [result.episode.number, result.passages.map((passage) => passage.kind)])).toEqual([
      [340, ['item']],
      [300, ['item']],
    ]);
    expect(archive.searchByEpisode('  ')).toEqual({ episodes: [], total: 0 });
  });
});

describe('phrases and several words (issue 21, 2)', () => {
  const notes = new Map([
    [episodes[0]!.url, 'Un paragraphe sur la compilation native ahead-of-time, et Spring Boot.'],
    [episodes[1]!.url, 'Quentin parle de boot natif et de Spring Cloud.'],
  ]);
  const built = JSON.parse(JSON.stringify(buildSearchIndex(episodes.map((episode) => ({ episode, text: notes.get(episode.url) })))));
  const search = loadSearchIndex(built);
  const withNotes = { searchByEpisode: (query: string) => search.searchByEpisode(query, 50, (url) => notes.get(url)) };

  it('finds a quoted phrase where its words follow each other, in what a result shows or in the notes', () => {
    // Both episodes hold both words; only LCC 340 holds them as a phrase (its notes, any case and punctuation).
    expect(
      withNotes
        .searchByEpisode('spring boot')
        .episodes.map((result) => result.episode.number)
        .sort(),
    ).toEqual([300, 340]);
    expect(withNotes.searchByEpisode('"spring boot"').episodes.map((result) => result.episode.number)).toEqual([340]);
    expect(withNotes.searchByEpisode('"Ahead of time"').episodes.map((result) => result.episode.number)).toEqual([340]);
    expect(withNotes.searchByEpisode('"nouveautés de java"').episodes[0]!.passages.map((passage) => passage.text)).toEqual([
      'Les nouveautés de Java 26',
    ]);
    expect(withNotes.searchByEpisode('"boot spring"').total).toBe(0);
  });

  it('ranks the episodes holding every word first, then those holding some', () => {
    // LCC 340's title says GraalVM, but only LCC 300 holds both words.
    expect(withNotes.searchByEpisode('graal compilateur').episodes.map((result) => result.episode.number)).toEqual([300, 340]);
    expect(withNotes.searchByEpisode('spring cloud').episodes.map((result) => result.episode.number)).toEqual([300, 340]);
    // One word: no episode is held back for want of another.
    expect(withNotes.searchByEpisode('kotlin').episodes.map((result) => result.episode.number)).toEqual([340]);
  });
});
