import { describe, expect, it } from 'vitest';
import { MAX_SOURCE_LENGTH, parseMarkdownPost } from '../../../src/core/episode/markdown';
import { NotAPostError } from '../../../src/core/episode/model';
import { MAX_EPISODE_HEADINGS, MAX_EPISODE_LINKS } from '../../../src/core/episode/notes';

const FILE = '2021-09-02-lcc-262-interview.md';

function post(frontMatter: string, body: string): string {
  return `---\n${frontMatter}\n---\n${body}`;
}

const EPISODE_FRONT_MATTER = "title: LCC 262 - Interview\nauthor: 'Emmanuel Bernard'\nepisode: 262\nmp3_length: 74169262";

describe('parseMarkdownPost', () => {
  it('reads the front matter and the page address from the file name', () => {
    const episode = parseMarkdownPost(
      post(`${EPISODE_FRONT_MATTER}\nteam: 'Emmanuel Bernard, Audrey Neveu'\nyoutube: MtAbley8Uwk`, 'Intro.\n'),
      FILE,
    );
    expect(episode).toMatchObject({
      id: 'lcc-262',
      number: 262,
      title: 'LCC 262 - Interview',
      url: 'https://lescastcodeurs.com/2021/09/02/lcc-262-interview/',
      publishedOn: '2021-09-02',
      author: 'Emmanuel Bernard',
      team: ['Emmanuel Bernard', 'Audrey Neveu'],
      summary: 'Intro.',
      audio: { url: 'https://traffic.libsyn.com/lescastcodeurs/LesCastCodeurs-Episode-262.mp3', bytes: 74169262 },
      video: 'https://www.youtube.com/watch?v=MtAbley8Uwk',
    });
  });

  it('takes enclosure_length for the audio size and a whole YouTube address as is', () => {
    const episode = parseMarkdownPost(
      post('title: Old\nepisode: 12\nenclosure_length: 1234\nyoutube: https://youtu.be/3RXAu0hHLbU', ''),
      '2009-11-20-les-cast-codeurs-podcast-episode-12.md',
    );
    expect(episode.audio?.bytes).toBe(1234);
    expect(episode.video).toBe('https://youtu.be/3RXAu0hHLbU');
  });

  it('reads a YAML value wrapped onto an indented line', () => {
    const episode = parseMarkdownPost(post('title: LCC 340 - A title that\n  wraps\ntweet: a tweet\n  #GitWorktree', ''), FILE);
    expect(episode.title).toBe('LCC 340 - A title that wraps');
  });

  it('parses a plain blog post with number and audio null, id from the slug', () => {
    const episode = parseMarkdownPost(post('title: Un nouveau logo', 'Texte.'), '2012-12-04-nouveau-logo.md');
    expect(episode).toMatchObject({ id: 'nouveau-logo', number: null, audio: null, video: null, team: [] });
  });

  it.each([
    ['no front matter at all', 'Just text\n'],
    ['front matter that is not YAML', '---\ntitle: [unclosed\n---\nbody'],
    ['front matter that is a list', '---\n- a\n- b\n---\nbody'],
  ])('refuses %s with a NotAPostError', (_, source) => {
    expect(() => parseMarkdownPost(source, FILE)).toThrow(NotAPostError);
  });

  it('refuses a file not named like a post', () => {
    expect(() => parseMarkdownPost(post('title: x', ''), 'README.md')).toThrow(/not named like a post/);
  });

  it('parses an empty body and an empty front matter', () => {
    const episode = parseMarkdownPost('---\n---\n', FILE);
    expect(episode).toMatchObject({ title: 'lcc-262-interview', outline: [], links: [], summary: '', recordedOn: null });
  });

  it.each([
    ['Enregistré le 1 juillet 2021', '2021-07-01'],
    ['Enregistré le 1er juillet 2021', '2021-07-01'],
    ['ENREGISTRÉ LE 12 Février 2020', '2020-02-12'],
    ['Enregistré le jeudi 19 novembre 2009', '2009-11-19'],
    ['Enregistré le mardi 3 novembre', '2009-11-03'],
    ['Enregistré le 31 février 2020', null],
  ])('reads "%s" as the recording date %s', (line, expected) => {
    const episode = parseMarkdownPost(post('title: x', `${line}\n`), '2009-11-20-x.md');
    expect(episode.recordedOn).toBe(expected);
  });

  it('makes heading ids as kramdown does, with links, code, emphasis and repeats', () => {
    const episode = parseMarkdownPost(
      post(
        'title: x',
        [
          '## News',
          '### [Java](https://openjdk.org) et *Kotlin* `var`',
          '### Outillage &amp; méthodes -- enfin',
          '## News',
          '## News',
          "#### Pourquoi l'État ?",
        ].join('\n\n'),
      ),
      FILE,
    );
    const flat = (nodes: typeof episode.outline): string[] =>
      nodes.flatMap((node) => [`${node.level}:${node.id}:${node.title}`, ...flat(node.children)]);
    expect(flat(episode.outline)).toEqual([
      '2:news:News',
      '3:java-et-kotlin-var:Java et Kotlin var',
      '3:outillage--méthodes--enfin:Outillage & méthodes -- enfin',
      '2:news-1:News',
      '2:news-2:News',
      "4:pourquoi-létat-:Pourquoi l'État ?",
    ]);
  });

  it('collects every kind of link, in order, with its news item and section', () => {
    const body = [
      'Intro <https://intro.example/> et <a href="https://html.example/?a=1&amp;b=2">HTML</a>.',
      '## News',
      'Java 26 est là [https://foojay.io/java-26](https://foojay.io/java-26)',
      '',
      '- un détail https://bare.example/path',
      '- [échappé](https://en.wikipedia.org/wiki/C_\\(programming_language\\))',
      '',
      '* [Premier](https://first.example/)',
      '  * sous-point [profond](https://deep.example/)',
      '',
      '[dangereux](javascript:alert(1)) [mail](mailto:a@b.c) [ftp](ftp://x.example/) [relatif](/crowdcasting/)',
    ].join('\n');
    const episode = parseMarkdownPost(post('title: x', body), FILE);
    expect(episode.links).toEqual([
      { url: 'https://intro.example/', text: 'https://intro.example/', context: 'Intro https://intro.example/ et HTML.', sectionId: null },
      { url: 'https://html.example/?a=1&b=2', text: 'HTML', context: 'Intro https://intro.example/ et HTML.', sectionId: null },
      {
        url: 'https://foojay.io/java-26',
        text: 'https://foojay.io/java-26',
        context: 'Java 26 est là https://foojay.io/java-26',
        sectionId: 'news',
      },
      {
        url: 'https://bare.example/path',
        text: 'https://bare.example/path',
        context: 'Java 26 est là https://foojay.io/java-26',
        sectionId: 'news',
      },
      {
        url: 'https://en.wikipedia.org/wiki/C_(programming_language)',
        text: 'échappé',
        context: 'Java 26 est là https://foojay.io/java-26',
        sectionId: 'news',
      },
      { url: 'https://first.example/', text: 'Premier', context: 'Premier', sectionId: 'news' },
      { url: 'https://deep.example/', text: 'profond', context: 'Premier', sectionId: 'news' },
      { url: 'https://lescastcodeurs.com/crowdcasting/', text: 'relatif', context: 'dangereux mail ftp relatif', sectionId: 'news' },
    ]);
  });

  it('splits a paragraph into news items at hard line breaks', () => {
    const body = '## News\n\n[Un](https://one.example/)  \n[Deux](https://two.example/)  \n';
    const episode = parseMarkdownPost(post('title: x', body), FILE);
    expect(episode.links.map((link) => link.context)).toEqual(['Un', 'Deux']);
  });

  it('resolves the Liquid address tags Jekyll resolves before markdown', () => {
    const body = 'Le [sponsoring]({% post_url 2013-01-16-sponsoring %}) et la [licence]({% link licence.md %}).';
    const episode = parseMarkdownPost(post('title: x', body), FILE);
    expect(episode.links.map((link) => link.url)).toEqual([
      'https://lescastcodeurs.com/2013/01/16/sponsoring/',
      'https://lescastcodeurs.com/licence/',
    ]);
  });

  it('reads no links from code', () => {
    const body =
      '```\nhttps://code.example/\n```\n\n    https://indented.example/\n\n`https://span.example/`\n\n<pre>https://pre.example/</pre>';
    expect(parseMarkdownPost(post('title: x', body), FILE).links).toEqual([]);
  });

  // Issue 13, 4: limits with a reason, so that no source freezes the extension.
  it('refuses a source over 1,000,000 characters, and keeps at most 2,000 links of one under it', () => {
    const item =
      '### Item\n\nUne nouvelle [lien](https://example.com/a?b=c&amp;d) et https://bare.example/x  \nsuite\n\n- point\n- [autre](https://other.example/)\n\n';
    const huge = item.repeat(Math.ceil((5 * 1024 * 1024) / item.length));
    expect(() => parseMarkdownPost(post('title: huge', huge), FILE)).toThrow(NotAPostError);
    const large = item.repeat(Math.floor((MAX_SOURCE_LENGTH - 100) / item.length));
    const episode = parseMarkdownPost(post('title: large', large), FILE);
    expect(episode.links).toHaveLength(MAX_EPISODE_LINKS);
    expect(episode.outline).toHaveLength(MAX_EPISODE_HEADINGS);
    expect(episode.outline.at(-1)?.id).toBe(`item-${MAX_EPISODE_HEADINGS - 1}`);
  });

  it.each([
    ['indented lists', (level: number) => `${'  '.repeat(level)}- item`],
    ['block quotes', (level: number) => `${'> '.repeat(level + 1)}quote`],
    ['list markers on one line', (level: number) => `${'- '.repeat(level + 1)}item`],
  ])('reads 900 levels of %s with every link, its nesting cut to 64 characters', (_, line) => {
    const body = Array.from({ length: 900 }, (__, level) => `${line(level)} [l${level}](https://example.com/${level})`).join('\n');
    const episode = parseMarkdownPost(post('title: deep', body), FILE);
    expect(episode.links.map((link) => link.url)).toEqual(Array.from({ length: 900 }, (__, level) => `https://example.com/${level}`));
  });
});
