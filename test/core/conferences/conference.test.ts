/** Conferences from the notes: French date phrases, every item variant, and the real corpus from 2023 on. */
import { parseHTML } from 'linkedom';
import { marked } from 'marked';
import { describe, expect, it } from 'vitest';
import { conferencesOfLines, mergeConferences } from '../../../src/core/conferences/conference';
import { conferenceLinesOfMarkdown } from '../../../src/core/conferences/markdownLines';
import { conferenceLinesOfRenderedNotes } from '../../../src/platform/html/conferenceLines';
import type { ConferenceItem } from '../../../src/core/conferences/conference';
import { parsePostPage } from '../../../src/platform/html/page';
import { readFrenchDates } from '../../../src/core/conferences/frenchDates';
import { parseMarkdownPost } from '../../../src/core/episode/markdown';
import { corpusPresent, documentOf, foldTypography, liveUrlOf, pageFileOf, postFiles, readPage, readPost } from '../../support/corpus';

describe('French date phrases', () => {
  it.each([
    ['22-25 janvier 2025', '2025-01-22', '2025-01-25'],
    ['12 septembre 2025', '2025-09-12', '2025-09-12'],
    ['30 septembre 2025-1 octobre 2025', '2025-09-30', '2025-10-01'],
    ['31 décembre 2024-2 janvier 2025', '2024-12-31', '2025-01-02'],
    ['du 23 au 26 Janvier 2019', '2019-01-23', '2019-01-26'],
    ['le 1er Février 2019', '2019-02-01', '2019-02-01'],
    ['du 30 septembre au 2 octobre 2019', '2019-09-30', '2019-10-02'],
    ['le 19-20 avril', null, null],
    ['31 février 2024', null, null],
    ['rien du tout', null, null],
  ])('%s', (text, startsOn, endsOn) => {
    expect(readFrenchDates(text)).toEqual({ startsOn, endsOn });
  });
});

const SECTION = `## News

- [Pas une conférence](https://news.example/)

## Conférences

La liste des conférences provenant de [Developers Conferences Agenda/List](https://github.com/scraly/developers-conferences-agenda) :

- 22-25 janvier 2025 : [SnowCamp 2025](https://snowcamp.io/) - Grenoble (France) <a href="https://conference-hall.io/snowcamp-2025"><img alt="CFP SnowCamp 2025" src="https://img.shields.io/static/v1?label=CFP&message=until%2015-October-2024&color=red"></a>
- 18-19 septembre 2025 : [API Platform Conference](https://api-platform.com/con/2025/) - Lille (France) & Online
- 5 octobre 2025 : [Capitole du Libre](https://capitoledulibre.org/) - Toulouse (France) <a hret="https://cfp.example/"><img alt="CFP Capitole" src="https://img.shields.io/static/v1?label=CFP&message=from%20September-15%20to%20November-13-2025&color=red"></a>
- 6 octobre 2025 : [Paris Web](https://paris-web.fr) - Paris (France) <img alt="Closed Captions" src="https://img.shields.io/static/v1?label=CC&message=Closed%20Captions&color=blue" />
- 7 octobre 2025 : [Un événement \\[en ligne\\]](https://online.example/) - Online

## Nous contacter
`;

describe('conference items', () => {
  it('reads every item of the section: dates, name, address, city, country, online, CfP', () => {
    expect(conferencesOfLines(conferenceLinesOfMarkdown(SECTION))).toEqual<ConferenceItem[]>([
      {
        name: 'SnowCamp 2025',
        url: 'https://snowcamp.io/',
        startsOn: '2025-01-22',
        endsOn: '2025-01-25',
        city: 'Grenoble',
        country: 'France',
        online: false,
        cfp: { url: 'https://conference-hall.io/snowcamp-2025', closesOn: '2024-10-15' },
      },
      {
        name: 'API Platform Conference',
        url: 'https://api-platform.com/con/2025/',
        startsOn: '2025-09-18',
        endsOn: '2025-09-19',
        city: 'Lille',
        country: 'France',
        online: true,
        cfp: null,
      },
      {
        name: 'Capitole du Libre',
        url: 'https://capitoledulibre.org/',
        startsOn: '2025-10-05',
        endsOn: '2025-10-05',
        city: 'Toulouse',
        country: 'France',
        online: false,
        cfp: { url: 'https://cfp.example/', closesOn: '2025-11-13' },
      },
      expect.objectContaining({ name: 'Paris Web', cfp: null }),
      expect.objectContaining({ name: 'Un événement [en ligne]', city: null, country: null, online: true }),
    ]);
  });

  it('reads the same from the notes rendered as HTML, list items and lines between <br> alike', () => {
    const rendered = (markdown: string) =>
      parseHTML(
        `<!doctype html><html><body><div>${marked.parse(markdown, { async: false, breaks: false })}</div></body></html>`,
      ).document.querySelector('div') as unknown as Element;
    expect(conferencesOfLines(conferenceLinesOfRenderedNotes(rendered(SECTION)))).toEqual(
      conferencesOfLines(conferenceLinesOfMarkdown(SECTION)),
    );
    const old =
      '## Conférences\n\n[Snowcamp du 23 au 26 Janvier 2019](https://snowcamp.io/fr/)  \n[Devoxx France le 19-20 avril](https://www.devoxx.fr/)\n';
    expect(conferencesOfLines(conferenceLinesOfRenderedNotes(rendered(old)))).toEqual(conferencesOfLines(conferenceLinesOfMarkdown(old)));
    expect(conferencesOfLines(conferenceLinesOfMarkdown(old)).map((each) => each.startsOn)).toEqual(['2019-01-23', null]);
  });

  it('makes one conference of the same one in many episodes, the newest entry winning', () => {
    const newer = { id: 'lcc-331', conferences: conferencesOfLines(conferenceLinesOfMarkdown(SECTION)) };
    const older = {
      id: 'lcc-330',
      conferences: conferencesOfLines(conferenceLinesOfMarkdown(SECTION.replace('SnowCamp 2025]', 'Snowcamp]'))),
    };
    const merged = mergeConferences([newer, older]);
    expect(merged).toHaveLength(5);
    expect(merged[0]).toMatchObject({ name: 'SnowCamp 2025', episodeIds: ['lcc-331', 'lcc-330'] });
  });
});

/** Items whose name holds a `|`: kramdown reads their line as a table row, so the page has no such item. */
const TABLE_ROWS_IN_KRAMDOWN = ['PaaS Forward by OVHcloud | Rancher by SUSE'];

/** Closing days written on a badge of the corpus that no calendar has. */
const IMPOSSIBLE_DAYS = ['31-November-2024'];

const recentPosts = postFiles().filter((file) => file >= '2023');

describe.skipIf(!corpusPresent)('the conferences of the corpus from 2023 on', () => {
  it.each(recentPosts)('%s: one conference per item of the section, with its dates, place and CfP deadline', (file) => {
    const source = readPost(file);
    const { conferences } = parseMarkdownPost(source, file);
    // The rendered page says the same, typography aside, but where kramdown reads an item as a table row.
    const folded = (list: ConferenceItem[]) =>
      list.filter((each) => !TABLE_ROWS_IN_KRAMDOWN.includes(each.name)).map((each) => ({ ...each, name: foldTypography(each.name) }));
    expect(folded(parsePostPage(documentOf(readPage(pageFileOf(file))), liveUrlOf(file)).conferences)).toEqual(folded(conferences));
    const section = source.split(/^#+ Conf[ée]rences.*$/m)[1]?.split(/^#+ /m)[0] ?? '';
    const items = section.split('\n').filter((line) => /^\s*[-*+]\s+\d/.test(line));
    expect(conferences).toHaveLength(items.length);
    conferences.forEach((conference, index) => {
      const item = items[index]!;
      expect(conference.startsOn, item).not.toBeNull();
      expect(conference.endsOn! >= conference.startsOn!, item).toBe(true);
      expect(conference.city !== null || conference.online, item).toBe(true);
      // A badge that gives its closing day with its year: that day. One without a year
      // (`until 15-June`) or that does not exist (`31-November-2024`) is left out, not guessed.
      const message = decodeURIComponent(/label=CFP&message=([^&"]*)/.exec(item)?.[1] ?? '');
      const written = /(\d{1,2})-(\p{L}+)-?(\d{4})|(\p{L}+)-(\d{1,2})-(\d{4})/u.test(message);
      if (written && !IMPOSSIBLE_DAYS.some((day) => message.includes(day)))
        expect(conference.cfp?.closesOn, item).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    });
  });
});
