/** Export, import and clear through the store: refused files and failed writes change nothing. */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { episodeFixture } from '../../support/episodes';
import type { Episode, OutlineNode } from '../../../src/core/episode/model';
import { DEFAULT_SETTINGS, type CachedEpisode, type ListeningState } from '../../../src/core/records';
import {
  EXPORT_VERSION,
  exportFileOf,
  ImportRefused,
  MAX_IMPORT_BYTES,
  planImport,
  readExportFile,
  type ExportFile,
} from '../../../src/core/formats/exportFile';
import { putCachedEpisode } from '../../../src/platform/storage/episodeCopies';
import { updateListeningState } from '../../../src/platform/storage/listening';
import { getSettings, updateSettings } from '../../../src/platform/storage/settings';
import { markOpened, markRead, toggleReadLater } from '../../../src/platform/storage/reading';
import { applyImport, clearEverything, exportEverything, readEverything } from '../../../src/platform/storage/transfer';
import { savePlayback, updateQueue } from '../../../src/platform/storage/playback';
import type { Playable } from '../../../src/core/player/playable';

const episode = (number: number) => episodeFixture(number, { publishedOn: '2021-01-01' });

async function seed(): Promise<void> {
  await clearEverything();
  await putCachedEpisode({ url: episode(1).url, episode: episode(1), source: 'markdown', etag: '"1"', checkedAt: 1 });
  await updateListeningState(episode(1), () => ({ listenedOn: '2026-01-10', note: 'Bien' }));
  await updateListeningState(episode(2), () => ({ bookmarkedAt: '2026-02-01T10:00:00.000Z' }));
}

const snapshot = async () => JSON.stringify(await readEverything());

function cached(overrides: Partial<Episode> = {}): CachedEpisode {
  const copy = { ...episode(5), ...overrides };
  return { url: copy.url, episode: copy, source: 'markdown', etag: null, checkedAt: 0 };
}

function state(overrides: Partial<ListeningState> = {}): ListeningState {
  return {
    episodeId: 'lcc-5',
    listenedOn: null,
    bookmarkedAt: null,
    note: '',
    rating: null,
    updatedAt: '2026-01-01T00:00:00.000Z',
    ...overrides,
  };
}

function deepOutline(depth: number): OutlineNode {
  let node: OutlineNode = { id: 'h', level: 6, title: 'h', children: [] };
  for (let level = depth - 1; level > 0; level -= 1) node = { id: `h${level}`, level: Math.min(level, 6), title: 'h', children: [node] };
  return node;
}

function validFile(overrides: Partial<ExportFile> = {}): ExportFile {
  return { ...exportFileOf({}, new Date('2026-11-28T10:00:00.000Z')), version: 1, ...overrides };
}

describe('import files that are refused, with the store unchanged', () => {
  const cases: [string, string, number | undefined, string][] = [
    ['not JSON', '{"format": "lcc-companion-export", ', undefined, 'not-json'],
    ['another kind of file', JSON.stringify({ hello: 'world' }), undefined, 'wrong-shape'],
    ['a newer format version', JSON.stringify(validFile({ version: EXPORT_VERSION + 1 })), undefined, 'newer-version'],
    ['a state without an episode id', JSON.stringify(validFile({ listening: [{ note: '' } as never] })), undefined, 'wrong-shape'],
    [
      'a rating of 9',
      JSON.stringify(
        validFile({
          listening: [{ episodeId: 'x', listenedOn: null, bookmarkedAt: null, note: '', rating: 9, updatedAt: '2026-01-01T00:00:00Z' }],
        }),
      ),
      undefined,
      'wrong-shape',
    ],
    [
      'a listening day that is no date',
      JSON.stringify(
        validFile({
          listening: [
            { episodeId: 'x', listenedOn: '2026-13-45', bookmarkedAt: null, note: '', rating: null, updatedAt: '2026-01-01T00:00:00Z' },
          ],
        }),
      ),
      undefined,
      'bad-date',
    ],
    [
      'an event at no time',
      JSON.stringify(validFile({ events: [{ episodeId: 'x', kind: 'listened', at: 'yesterday' }] })),
      undefined,
      'bad-date',
    ],
    [
      'an unknown event kind',
      JSON.stringify(validFile({ events: [{ episodeId: 'x', kind: 'deleted' as never, at: '2026-01-01T00:00:00Z' }] })),
      undefined,
      'wrong-shape',
    ],
    [
      'a cached episode with a javascript: link',
      JSON.stringify(
        validFile({
          episodes: [
            {
              url: episode(5).url,
              episode: { ...episode(5), links: [{ url: 'javascript:alert(1)', text: 'x', context: '', sectionId: null }] },
              source: 'markdown',
              etag: null,
              checkedAt: 0,
            },
          ],
        }),
      ),
      undefined,
      'wrong-shape',
    ],
    [
      'a cached episode away from the site',
      JSON.stringify(
        validFile({
          episodes: [
            {
              url: 'https://evil.example/',
              episode: { ...episode(6), url: 'https://evil.example/' },
              source: 'markdown',
              etag: null,
              checkedAt: 0,
            },
          ],
        }),
      ),
      undefined,
      'wrong-shape',
    ],
    ['an unknown theme', JSON.stringify({ ...validFile(), settings: { theme: 'purple' } }), undefined, 'wrong-shape'],
    // Issue 13, 2: the inside of an episode is checked as well as its outside.
    [
      'an outline item without children',
      JSON.stringify(validFile({ episodes: [cached({ outline: [{ id: 'news', level: 2, title: 'News' } as never] })] })),
      undefined,
      'wrong-shape',
    ],
    [
      'an episode number that is an object',
      JSON.stringify(validFile({ episodes: [cached({ number: { n: 1 } as never })] })),
      undefined,
      'wrong-shape',
    ],
    [
      'a link whose text is a number',
      JSON.stringify(
        validFile({ episodes: [cached({ links: [{ url: 'https://a.example/', text: 5 as never, context: '', sectionId: null }] })] }),
      ),
      undefined,
      'wrong-shape',
    ],
    [
      'an outline deeper than six heading levels',
      JSON.stringify(validFile({ episodes: [cached({ outline: [deepOutline(500)] })] })),
      undefined,
      'wrong-shape',
    ],
    [
      'a copy kept under another page than its own',
      JSON.stringify(validFile({ episodes: [{ ...cached(), url: episode(6).url }] })),
      undefined,
      'wrong-shape',
    ],
    // Issue 13, 7: real calendar days and ISO timestamps only, and the right refusal for a version.
    ['the 31st of February', JSON.stringify(validFile({ listening: [state({ listenedOn: '2021-02-31' })] })), undefined, 'bad-date'],
    ['a timestamp of "1"', JSON.stringify(validFile({ listening: [state({ updatedAt: '1' })] })), undefined, 'bad-date'],
    [
      'a timestamp of "Tuesday 5"',
      JSON.stringify(validFile({ events: [{ episodeId: 'x', kind: 'listened', at: 'Tuesday 5' }] })),
      undefined,
      'bad-date',
    ],
    ['an export time without its offset', JSON.stringify(validFile({ exportedAt: '2026-11-28T10:00:00' })), undefined, 'bad-date'],
    ['a version of 1.5', JSON.stringify(validFile({ version: 1.5 })), undefined, 'wrong-shape'],
    ['a version of 0', JSON.stringify(validFile({ version: 0 })), undefined, 'wrong-shape'],
    ['over 50 MB', JSON.stringify(validFile()), MAX_IMPORT_BYTES + 1, 'too-large'],
  ];

  it.each(cases)('%s', async (_, text, size, problem) => {
    await seed();
    const before = await snapshot();
    let refusal: unknown;
    try {
      readExportFile(text, size);
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(ImportRefused);
    expect((refusal as ImportRefused).problem, String(refusal)).toBe(problem);
    expect(await snapshot()).toBe(before);
  });

  it('rolls back a write that fails half-way', async () => {
    await seed();
    const before = await snapshot();
    const plan = planImport(await readEverything(), validFile(), 'replace');
    plan.listening = [{ note: 'no key' } as never];
    await expect(applyImport(plan)).rejects.toThrow();
    expect(await snapshot()).toBe(before);
  });
});

describe('a full disk', () => {
  it('gives a storage-full error and writes nothing of the import', async () => {
    await seed();
    const before = await snapshot();
    const file = validFile({
      listening: [
        { episodeId: 'lcc-9', listenedOn: '2026-03-01', bookmarkedAt: null, note: '', rating: null, updatedAt: '2026-03-01T00:00:00.000Z' },
      ],
    });
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function refuse(this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
      if (this.name === 'listening') throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return put.apply(this, args);
    };
    try {
      await expect(applyImport(planImport(await readEverything(), file, 'merge'))).rejects.toMatchObject({
        name: 'StoreError',
        kind: 'quota',
      });
    } finally {
      IDBObjectStore.prototype.put = put;
    }
    expect(await snapshot()).toBe(before);
  });
});

describe('export, then import', () => {
  it('restores everything after a clear, and merging twice duplicates nothing', async () => {
    await seed();
    const exported = await exportEverything(new Date('2026-11-28T12:00:00Z'));
    const file = readExportFile(JSON.stringify(exported));
    const before = await readEverything();

    await clearEverything();
    expect((await readEverything()).listening).toEqual([]);
    await applyImport(planImport(await readEverything(), file, 'merge'));
    const after = await readEverything();
    expect(after.listening).toEqual(before.listening);
    expect(after.events).toEqual(before.events);
    expect(after.episodes.map((entry) => entry.url)).toEqual(before.episodes.map((entry) => entry.url));

    const again = planImport(after, file, 'merge');
    expect(again.counts).toEqual({ newStates: 0, changedStates: 0, newEvents: 0, newEpisodes: 0, removedStates: 0, readLater: 0 });
  });

  it("takes the settings of the file on replace, and keeps this device's on merge", async () => {
    await seed();
    await updateSettings(DEFAULT_SETTINGS);
    const file = readExportFile(JSON.stringify({ ...validFile(), settings: { theme: 'dark', language: 'en' } }));
    await applyImport(planImport(await readEverything(), file, 'merge'));
    expect(await getSettings()).toEqual(DEFAULT_SETTINGS);
    await applyImport(planImport(await readEverything(), file, 'replace'));
    const fromFile = { ...DEFAULT_SETTINGS, language: 'en', theme: 'dark' };
    expect(await getSettings()).toEqual(fromFile);
    expect((await exportEverything()).settings).toEqual(fromFile);
  });

  it('merges with the newest state winning, and replace keeps only the file', async () => {
    await seed();
    const stored = await readEverything();
    const newer = {
      ...stored.listening.find((state) => state.episodeId === 'lcc-1')!,
      note: 'Plus récent',
      updatedAt: '2099-01-01T00:00:00.000Z',
    };
    const older = {
      ...stored.listening.find((state) => state.episodeId === 'lcc-2')!,
      bookmarkedAt: null,
      updatedAt: '2000-01-01T00:00:00.000Z',
    };
    const brandNew = {
      episodeId: 'lcc-3',
      listenedOn: '2026-03-01',
      bookmarkedAt: null,
      note: '',
      rating: 4,
      updatedAt: '2026-03-01T00:00:00.000Z',
    };
    const file = validFile({ listening: [newer, older, brandNew] });

    const merge = planImport(stored, file, 'merge');
    expect(merge.listening.map((state) => state.episodeId)).toEqual(['lcc-1', 'lcc-3']);
    expect(merge.counts).toMatchObject({ newStates: 1, changedStates: 1 });

    const replace = planImport(stored, file, 'replace');
    expect(replace.counts).toMatchObject({ newStates: 1, changedStates: 2, removedStates: 0 });
    await applyImport(replace);
    expect((await readEverything()).listening.map((state) => state.episodeId).sort()).toEqual(['lcc-1', 'lcc-2', 'lcc-3']);
    expect((await readEverything()).events).toEqual([]);
  });
});

describe('a file with the same record twice', () => {
  it('counts each once in the preview, as it will be stored', async () => {
    await clearEverything();
    const older = state({ note: 'avant', updatedAt: '2026-01-01T00:00:00.000Z' });
    const newer = state({ note: 'après', updatedAt: '2026-02-01T00:00:00.000Z' });
    const event = { episodeId: 'lcc-5', kind: 'listened' as const, at: '2026-01-01T00:00:00.000Z', listenedOn: '2026-01-01' };
    const file = readExportFile(
      JSON.stringify(validFile({ episodes: [cached(), cached()], listening: [newer, older], events: [event, event] })),
    );
    for (const mode of ['merge', 'replace'] as const) {
      const plan = planImport(await readEverything(), file, mode);
      expect(plan.counts).toMatchObject({ newStates: 1, changedStates: 0, newEvents: 1, newEpisodes: 1 });
    }
    await applyImport(planImport(await readEverything(), file, 'merge'));
    const stored = await readEverything();
    expect(stored.listening).toEqual([newer]);
    expect(stored.events).toEqual([event]);
    expect(stored.episodes).toHaveLength(1);
  });
});

describe('the export round trip (issue 13, 6)', () => {
  it('gives the same bytes after export, clear, import and export, apart from the export time', async () => {
    await seed();
    await updateListeningState(episode(1), () => ({ rating: 4, bookmarkedAt: '2026-03-01T08:00:00.000Z' }));
    await updateListeningState(episode(3), () => ({ listenedOn: '2026-04-02', note: 'Accents « é » et "guillemets",\nlignes' }));
    await putCachedEpisode({ url: episode(3).url, episode: episode(3), source: 'page', etag: null, checkedAt: 1_764_000_000_000 });
    await updateSettings({ language: 'en', theme: 'dark', openLinksIn: 'background', sync: 'off', playbackRate: 1 });
    const kept = {
      url: 'https://kept.example/a',
      text: 'À lire',
      context: 'Une « nouvelle »',
      episodeId: 'lcc-3',
      episodeUrl: episode(3).url,
      episodeTitle: 'LCC 3',
    };
    await toggleReadLater(kept);
    await toggleReadLater({ ...kept, url: 'https://kept.example/b' });
    await markRead('https://kept.example/b', true);
    await markOpened('lcc-3', 'https://kept.example/a');
    await savePlayback(position('lcc-3', 2592), [{ month: '2026-11', wallSeconds: 1200, contentSeconds: 1800 }]);
    await updateQueue(() => [queued(4), queued(5)]);
    const first = JSON.stringify(await exportEverything(new Date('2026-11-28T12:00:00Z')), null, 1);
    expect(JSON.parse(first)).toMatchObject({
      version: 3,
      readLater: [{ url: 'https://kept.example/a', readAt: null }, { url: 'https://kept.example/b' }],
      opened: [{ url: 'https://kept.example/a' }],
      positions: [{ episodeId: 'lcc-3', seconds: 2592 }],
      listenedTime: [{ month: '2026-11', wallSeconds: 1200, contentSeconds: 1800 }],
      queue: [{ episodeId: 'lcc-4' }, { episodeId: 'lcc-5' }],
    });

    for (const mode of ['replace', 'merge'] as const) {
      await clearEverything();
      await applyImport(planImport(await readEverything(), readExportFile(first), mode));
      if (mode === 'merge')
        await updateSettings({ language: 'en', theme: 'dark', openLinksIn: 'background', sync: 'off', playbackRate: 1 });
      const second = JSON.stringify(await exportEverything(new Date('2026-11-29T12:00:00Z')), null, 1);
      expect(second.replace('2026-11-29T12:00:00.000Z', '2026-11-28T12:00:00.000Z')).toBe(first);
    }
  });
});

function position(episodeId: string, seconds: number, updatedAt = '2026-11-28T10:00:00.000Z') {
  const number = Number(episodeId.slice(4));
  return { episodeId, url: episode(number).url, seconds, duration: 4350, updatedAt };
}

function queued(number: number): Playable {
  return {
    episodeId: `lcc-${number}`,
    url: episode(number).url,
    number,
    title: `LCC ${number}`,
    audioUrl: `https://traffic.libsyn.com/lcc-${number}.mp3`,
  };
}

describe("the player's data in an import", () => {
  it('merges positions by the newest, time listened by the larger count of a month, and the queue after this one', async () => {
    await clearEverything();
    await savePlayback(position('lcc-1', 100, '2026-11-28T10:00:00.000Z'), [{ month: '2026-10', wallSeconds: 50, contentSeconds: 60 }]);
    await savePlayback(position('lcc-2', 200, '2026-11-28T10:00:00.000Z'), [{ month: '2026-11', wallSeconds: 500, contentSeconds: 600 }]);
    await updateQueue(() => [queued(7), queued(8)]);
    const file = readExportFile(
      JSON.stringify(
        validFile({
          version: 3,
          positions: [position('lcc-1', 900, '2026-11-29T10:00:00.000Z'), position('lcc-2', 1, '2026-11-01T10:00:00.000Z')],
          listenedTime: [
            { month: '2026-10', wallSeconds: 80, contentSeconds: 90 },
            { month: '2026-11', wallSeconds: 5, contentSeconds: 6 },
          ],
          queue: [queued(8), queued(9)],
        }),
      ),
    );
    const plan = planImport(await readEverything(), file, 'merge');
    expect(plan.positions.map((each) => [each.episodeId, each.seconds])).toEqual([['lcc-1', 900]]);
    expect(plan.listenedTime.map((each) => each.month)).toEqual(['2026-10']);
    await applyImport(plan);
    const stored = await readEverything();
    expect(stored.positions.map((each) => [each.episodeId, each.seconds])).toEqual([
      ['lcc-1', 900],
      ['lcc-2', 200],
    ]);
    expect(stored.listenedTime).toEqual([
      { month: '2026-10', wallSeconds: 80, contentSeconds: 90 },
      { month: '2026-11', wallSeconds: 500, contentSeconds: 600 },
    ]);
    expect(stored.queue.map((each) => each.episodeId)).toEqual(['lcc-7', 'lcc-8', 'lcc-9']);
    // The same file again changes nothing: time is never counted twice.
    await applyImport(planImport(await readEverything(), file, 'merge'));
    expect(await readEverything()).toEqual(stored);
  });

  it('refuses a position that is not a number of seconds, and stores nothing', async () => {
    await seed();
    const before = await snapshot();
    const bad = JSON.stringify(validFile({ version: 3, positions: [{ ...position('lcc-1', 10), seconds: -5 }] }));
    expect(() => readExportFile(bad)).toThrow(ImportRefused);
    expect(await snapshot()).toBe(before);
  });
});

describe('a file of format version 2', () => {
  it('still imports, with no position, time listened or queue', async () => {
    await clearEverything();
    const {
      positions: _,
      listenedTime: __,
      queue: ___,
      ...older
    } = validFile({ version: 2, listening: [state({ listenedOn: '2026-01-02' })] });
    const file = readExportFile(JSON.stringify(older));
    expect(file).toMatchObject({ version: 2, positions: [], listenedTime: [], queue: [] });
    await applyImport(planImport(await readEverything(), file, 'merge'));
    expect((await readEverything()).listening).toHaveLength(1);
  });
});

describe('a file of format version 1', () => {
  it('still imports, with no reading list', async () => {
    await clearEverything();
    const { readLater: _, opened: __, ...older } = validFile({ listening: [state({ listenedOn: '2026-01-02' })] });
    const file = readExportFile(JSON.stringify(older));
    expect(file).toMatchObject({ version: 1, readLater: [], opened: [] });
    await applyImport(planImport(await readEverything(), file, 'merge'));
    expect((await readEverything()).listening).toHaveLength(1);
  });
});
