/** The log in open formats: CSV both ways (exact round trip, refusals with their line), Markdown out. */
/// <reference path="../../../src/core/formats/papaparse.d.ts" />
import 'fake-indexeddb/auto';
import { marked } from 'marked';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { CSV_COLUMNS, csvImport, logCsv, readLogCsv } from '../../../src/core/formats/csv';
import { logMarkdown } from '../../../src/core/formats/markdown';
import { ImportRefused, planImport } from '../../../src/core/formats/exportFile';
import { DAY_UNKNOWN } from '../../../src/core/records';
import { putCachedEpisode } from '../../../src/platform/storage/episodeCopies';
import { updateListeningState } from '../../../src/platform/storage/listening';
import { updateSettings } from '../../../src/platform/storage/settings';
import { applyImport, clearEverything, readEverything, readLogEntries } from '../../../src/platform/storage/transfer';
import { parseMarkdownPost } from '../../../src/core/episode/markdown';
import type { Episode } from '../../../src/core/episode/model';
import { corpusPresent, postFiles, readPost } from '../../support/corpus';
import { episodeFixture } from '../../support/episodes';

const NOTES = [
  '',
  'Simple',
  'Accents « é à ç » et "guillemets", virgules',
  'Sur\nplusieurs\r\nlignes, "citées"',
  '=SUM(A1) ; point-virgule',
];

/** Ten small episodes whose titles hold accents, quotes and commas, or the corpus' real posts. */
function logEpisodes(corpus: boolean): Episode[] {
  if (corpus) return postFiles().map((file) => parseMarkdownPost(readPost(file), file));
  return Array.from({ length: 10 }, (_, index) =>
    episodeFixture(300 + index, {
      title: `LCC ${300 + index} - Épisode « ${index} », "cité", avec virgule`,
      url: `https://lescastcodeurs.com/2023/10/${String(index + 1).padStart(2, '0')}/lcc-${300 + index}-episode/`,
      publishedOn: `2023-10-${String(index + 1).padStart(2, '0')}`,
    }),
  );
}

async function seedLog(corpus = false): Promise<void> {
  await clearEverything();
  for (const [index, episode] of logEpisodes(corpus).entries()) {
    await putCachedEpisode({ url: episode.url, episode, source: 'markdown', etag: null, checkedAt: 1 });
    await updateListeningState(episode, () => ({
      listenedOn: index % 2 === 0 ? `2026-0${1 + (index % 9)}-15` : index % 5 === 1 ? DAY_UNKNOWN : null,
      bookmarkedAt: index % 3 === 0 ? '2026-02-01T10:00:00.000Z' : null,
      rating: index % 4 === 0 ? null : 1 + (index % 5),
      note: NOTES[index % NOTES.length]!,
    }));
  }
  await updateSettings({ language: 'auto', theme: 'auto', openLinksIn: 'foreground', sync: 'off', playbackRate: 1 });
}

describe('the log as CSV', () => {
  it('writes a cell a spreadsheet would run as a formula behind a quote, and reads it back as it was (issue 24, 3)', async () => {
    await clearEverything();
    const cells = ['=HYPERLINK("https://evil.example","x")', '+1+1', '-2+3', '@SUM(A1)', '\tTAB', '\rCR', "'=already quoted", "'plain"];
    for (const [index, note] of cells.entries()) {
      const episode = episodeFixture(500 + index, { title: index === 0 ? '=cmd|calc' : `LCC ${500 + index}` });
      await updateListeningState(episode, () => ({ note }));
    }
    const csv = logCsv(await readLogEntries());
    const rows = Papa.parse<Record<string, string>>(csv.slice(1), { header: true, skipEmptyLines: true }).data;
    const written = new Map(rows.map((row) => [row['number'], row]));
    for (const [index, note] of cells.entries()) {
      const row = written.get(String(500 + index))!;
      expect(row['note']).toBe(note === "'plain" ? note : `'${note}`);
    }
    expect(written.get('500')!['title']).toBe("'=cmd|calc");
    // No cell a spreadsheet would read as a formula.
    expect(rows.flatMap((row) => Object.values(row)).filter((cell) => /^[=+\-@\t\r]/.test(cell))).toEqual([]);
    const back = readLogCsv(csv);
    expect(back.map((entry) => entry.state.note).sort()).toEqual([...cells].sort());
    expect(logCsv(back)).toBe(csv);
  });

  it('starts with a byte order mark and quotes as RFC 4180 says', async () => {
    await seedLog();
    const csv = logCsv(await readLogEntries());
    expect(
      csv.startsWith('\uFEFFnumber,title,page,published,listened_on,bookmarked_at,rating,note,position,read_later_links,updated_at\r\n'),
    ).toBe(true);
    expect(csv).toContain('"Sur\nplusieurs\r\nlignes, ""citées"""');
    expect(csv.split('\r\n')[1]).toMatch(
      /^309,"LCC 309 - Épisode « 9 », ""cité"", avec virgule",https:\/\/lescastcodeurs\.com\/2023\/10\/10\/lcc-309-episode\//,
    );
  });

  async function roundTrip(mode: 'replace' | 'merge', corpus: boolean): Promise<void> {
    await seedLog(corpus);
    const first = logCsv(await readLogEntries());
    await clearEverything();
    const { file, cards } = csvImport(readLogCsv(first));
    await applyImport(planImport(await readEverything(), file, mode, cards));
    expect(logCsv(await readLogEntries())).toBe(first);
  }

  it.each(['replace', 'merge'] as const)('gives the same bytes after export, clear, import (%s) and export', (mode) =>
    roundTrip(mode, false),
  );

  it.skipIf(!corpusPresent)('gives the same bytes for a log of every post of the corpus', () => roundTrip('replace', true));

  it('names the line an unclosed quote opens on (issue 24, 4)', () => {
    const row = (number: number, quote = '') =>
      `${number},LCC ${number},${quote}https://lescastcodeurs.com/2023/10/0${number - 300}/lcc-${number}-episode/,2023-10-0${number - 300},,,,,,0,2026-01-01T00:00:00.000Z`;
    const csv = [CSV_COLUMNS.join(','), row(301), row(302, '"'), row(303)].join('\r\n') + '\r\n';
    expect(() => readLogCsv(csv)).toThrow(ImportRefused);
    expect(() => readLogCsv(csv)).toThrow('line 3: Quoted field unterminated');
  });

  it.each([
    ['an unknown column', (csv: string) => csv.replace('read_later_links', 'colour'), 'wrong-shape', 'columns colour, read_later_links'],
    ['another separator', (csv: string) => csv.replaceAll(',', ';'), 'wrong-shape', 'separator ";", not ","'],
    [
      'a row that is not an episode',
      (csv: string) => csv.replace('https://lescastcodeurs.com/2023/10/08/', 'https://evil.example/2023/10/08/'),
      'wrong-shape',
      'line 4: page',
    ],
    ['a day that does not exist', (csv: string) => csv.replace('2023-10-08', '2023-02-31'), 'bad-date', 'line 4: published'],
    ['a number in hexadecimal (issue 24, 4)', (csv: string) => csv.replace('\r\n307,', '\r\n0x133,'), 'wrong-shape', 'line 4: number'],
    ['a number with an exponent (issue 24, 4)', (csv: string) => csv.replace('\r\n307,', '\r\n3.07e2,'), 'wrong-shape', 'line 4: number'],
  ])('refuses %s, naming where', async (_, spoil, problem, detail) => {
    await seedLog();
    const csv = spoil(logCsv(await readLogEntries()));
    const before = JSON.stringify(await readEverything());
    let refusal: unknown;
    try {
      readLogCsv(csv);
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(ImportRefused);
    expect(refusal).toMatchObject({ problem, detail });
    expect(JSON.stringify(await readEverything())).toBe(before);
  });
});

describe('the log as Markdown', () => {
  it('has a section per episode heard or kept, newest first, with its dates, rating and note', async () => {
    await seedLog();
    const markdown = logMarkdown(await readLogEntries(), {
      title: 'Mon journal',
      intro: 'Exporté le 29 novembre 2026.',
      page: 'Page',
      published: 'Publié le',
      listenedOn: 'Écouté le',
      dayUnknown: 'date inconnue',
      bookmarkedOn: 'En favori depuis',
      rating: 'Ma note',
      note: 'Mes notes',
      toRead: 'À lire',
    });
    const headings = markdown.split('\n').filter((line) => line.startsWith('## '));
    expect(headings[0]).toBe('## LCC 309 - Épisode « 9 », "cité", avec virgule');
    // Four heard on a known day, one on a day unknown, three only kept.
    expect(headings).toHaveLength(8);
    expect(markdown).toContain('- Écouté le : date inconnue\n');
    expect(markdown).toContain(
      '- Page : <https://lescastcodeurs.com/2023/10/07/lcc-306-episode/>\n- Publié le : 2023-10-07\n- Écouté le : 2026-07-15\n- En favori depuis : 2026-02-01\n- Ma note : ★★☆☆☆ (2/5)\n\n**Mes notes**\n\nSimple\n',
    );
    expect(markdown).toContain(
      '## LCC 303 - Épisode « 3 », "cité", avec virgule\n\n- Page : <https://lescastcodeurs.com/2023/10/04/lcc-303-episode/>\n- Publié le : 2023-10-04\n- En favori depuis : 2026-02-01\n- Ma note : ★★★★☆ (4/5)\n\n**Mes notes**\n\nSur\nplusieurs',
    );
    expect(markdown.startsWith('# Mon journal\n\nExporté le 29 novembre 2026.\n\n## ')).toBe(true);
  });

  it('escapes what Markdown would read as markup in titles and link texts, and keeps each address in its link (issue 24, 3)', () => {
    const card = episodeFixture(262, { title: 'LCC 262 <img src=x onerror=alert(1)> *gras* [lien](javascript:alert(2)) &amp;' });
    const entry = {
      card: { id: card.id, number: 262, title: card.title, url: card.url, publishedOn: card.publishedOn, audioBytes: null, audioUrl: null },
      state: {
        episodeId: card.id,
        listenedOn: '2026-01-01',
        bookmarkedAt: null,
        note: '',
        rating: null,
        updatedAt: '2026-01-01T00:00:00.000Z',
      },
      readLater: [
        {
          url: 'https://evil.example/>)[cliquez](javascript:alert(3)) <x',
          text: 'Un <b>lien</b>',
          context: '',
          episodeId: card.id,
          episodeUrl: card.url,
          episodeTitle: card.title,
          keptAt: '2026-01-01T00:00:00.000Z',
          readAt: null,
          updatedAt: '2026-01-01T00:00:00.000Z',
        },
      ],
    };
    const labels = {
      title: 'J',
      intro: 'I',
      page: 'Page',
      published: 'P',
      listenedOn: 'E',
      dayUnknown: '?',
      bookmarkedOn: 'F',
      rating: 'N',
      note: 'M',
      toRead: 'L',
    };
    const html = marked.parse(logMarkdown([entry], labels), { async: false });
    const hrefs = [...html.matchAll(/href="([^"]*)"/g)].map((match) => match[1]);
    expect(hrefs).toEqual([card.url, 'https://evil.example/%3E)%5Bcliquez%5D(javascript:alert(3))%20%3Cx']);
    expect(html).not.toMatch(/<(img|b)\b/);
    expect(html).not.toContain('<em>');
    expect(html).toContain('LCC 262 &lt;img src=x onerror=alert(1)&gt; *gras* [lien](javascript:alert(2)) &amp;amp;');
  });
});
