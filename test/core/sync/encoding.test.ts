/** The compact encoding for storage.sync: size, round trip of every field, the merge rule, the quota. */
import { describe, expect, it } from 'vitest';
import type { ListeningState } from '../../../src/core/records';
import { everyEpisodeListened } from '../../support/episodes';
import { decodeFromSync, encodeForSync, itemBytes, newerRemoteStates, SYNC_BUDGET_BYTES } from '../../../src/core/sync/encoding';

function state(episodeId: string, overrides: Partial<ListeningState> = {}): ListeningState {
  return { episodeId, listenedOn: null, bookmarkedAt: null, note: '', rating: null, updatedAt: '2026-11-29T10:00:00.123Z', ...overrides };
}

describe('the sync encoding', () => {
  it('holds a listener of every episode well under the quota', () => {
    const { items, bytes } = encodeForSync(everyEpisodeListened());
    expect(bytes).toBeLessThan(40_000);
    for (const [key, value] of Object.entries(items)) expect(itemBytes(key, value)).toBeLessThanOrEqual(8192);
    expect(Object.keys(items).length).toBeLessThan(512);
  });

  it('gives back every field exactly, notes included, slugs and numbers alike', () => {
    const states = [
      ...everyEpisodeListened(20),
      state('les-cast-codeurs-ont-un-logo', {
        bookmarkedAt: '2009-05-03T12:00:00.000Z',
        note: 'Un logo « joli »\nsur deux lignes | avec barre',
      }),
      state('lcc-262', { listenedOn: '2021-09-03', rating: 5, note: '**Top**' }),
    ];
    const decoded = decodeFromSync(JSON.parse(JSON.stringify(encodeForSync(states).items)));
    expect(decoded.sort((a, b) => a.episodeId.localeCompare(b.episodeId))).toEqual(
      states.map((each) => ({ ...each, note: each.note || undefined })).sort((a, b) => a.episodeId.localeCompare(b.episodeId)),
    );
  });

  it('keeps what fits when the notes outgrow the quota, and names what was left out', () => {
    const states = everyEpisodeListened().map((each, index) => ({ ...each, note: 'x'.repeat(index === 0 ? 9000 : 400) }));
    const { items, notesLeftOut, bytes } = encodeForSync(states);
    expect(bytes).toBeLessThanOrEqual(SYNC_BUDGET_BYTES);
    expect(notesLeftOut).toContain('lcc-1');
    expect(notesLeftOut.length).toBeGreaterThan(100);
    expect(decodeFromSync(items)).toHaveLength(359);
  });

  it('takes the remote state changed last, per episode; a reset state wins too; a missing note keeps ours', () => {
    const local = [
      state('lcc-1', { listenedOn: '2026-01-01', updatedAt: '2026-11-29T10:00:00.000Z', note: 'ici' }),
      state('lcc-2', { listenedOn: '2026-01-02', updatedAt: '2026-11-29T10:05:00.000Z' }),
    ];
    // The other browser's clock runs three minutes behind: the change made last still wins.
    const remote = decodeFromSync(
      encodeForSync([
        state('lcc-1', { listenedOn: null, updatedAt: '2026-11-29T10:02:00.000Z' }),
        state('lcc-2', { listenedOn: '2026-01-03', updatedAt: '2026-11-29T10:04:00.000Z' }),
        state('lcc-3', { rating: 4 }),
      ]).items,
    );
    expect(newerRemoteStates(local, remote)).toEqual([
      state('lcc-1', { listenedOn: null, updatedAt: '2026-11-29T10:02:00.000Z', note: 'ici' }),
      state('lcc-3', { rating: 4 }),
    ]);
    // Applied on both sides, the two browsers hold the same states.
    const here = new Map([...local, ...newerRemoteStates(local, remote)].map((each) => [each.episodeId, each]));
    expect(newerRemoteStates([...here.values()], remote)).toEqual([]);
  });
});
