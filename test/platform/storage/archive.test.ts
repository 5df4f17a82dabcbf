import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { episodeFixture } from '../../support/episodes';
import { openStore } from '../../../src/platform/storage/database';
import { getCitations, getSearchIndex } from '../../../src/platform/storage/archive';

const EPISODE = episodeFixture(262, { recordedOn: '2021-07-01' });

describe("the archive's records that can no longer be read (issue 13, 2)", () => {
  it('are skipped: a damaged citation is left out, a damaged search index is none', async () => {
    const database = await openStore();
    const citing = { url: EPISODE.url, number: 262, title: 'LCC 262' };
    await database.put('citations', { url: 'https://quarkus.io/', episodes: [citing] });
    await database.put('citations', { url: 'javascript:alert(1)', episodes: [citing] });
    await database.put('citations', { url: 'https://graalvm.org/', episodes: [{ ...citing, url: 'https://evil.example/' }] });
    expect(await getCitations(['https://quarkus.io/', 'javascript:alert(1)', 'https://graalvm.org/'])).toEqual([
      { url: 'https://quarkus.io/', episodes: [citing] },
    ]);

    await database.put('archiveMeta', { episodes: [citing], index: '{}' }, 'search');
    expect(await getSearchIndex()).toEqual({ episodes: [citing], index: '{}' });
    await database.put('archiveMeta', { episodes: 'many', index: 3 } as never, 'search');
    expect(await getSearchIndex()).toBeNull();
  });
});
