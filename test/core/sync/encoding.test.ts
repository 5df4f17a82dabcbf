/** The compact encoding for storage.sync: size, round trip of every field, the merge rule, the quota. */
import { describe, expect, it } from 'vitest';
import { DAY_UNKNOWN, type ListeningState } from '../../../src/core/records';
import { everyEpisodeListened } from '../../support/episodes';
import {
  decodeFromSync,
  encodeForSync,
  itemBytes,
  newerRemotePositions,
  newerRemoteStates,
  SYNC_BUDGET_BYTES,
  type SyncedPosition,
} from '../../../src/core/sync/encoding';

/** The test's "now": a day after the states' changes. */
const NOW = Date.parse('2026-11-30T10:00:00.000Z');

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
      state('lcc-12', { listenedOn: DAY_UNKNOWN }),
    ];
    const decoded = decodeFromSync(JSON.parse(JSON.stringify(encodeForSync(states).items)), NOW).states;
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
    expect(decodeFromSync(items, NOW).states).toHaveLength(359);
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
      NOW,
    ).states;
    expect(newerRemoteStates(local, remote)).toEqual([
      state('lcc-1', { listenedOn: null, updatedAt: '2026-11-29T10:02:00.000Z', note: 'ici' }),
      state('lcc-3', { rating: 4 }),
    ]);
    // Applied on both sides, the two browsers hold the same states.
    const here = new Map([...local, ...newerRemoteStates(local, remote)].map((each) => [each.episodeId, each]));
    expect(newerRemoteStates([...here.values()], remote)).toEqual([]);
  });
});

describe('positions in the sync encoding (issue 20, 4)', () => {
  const position = (episodeId: string, overrides: Partial<SyncedPosition> = {}): SyncedPosition => ({
    episodeId,
    seconds: 2592,
    duration: 5400,
    updatedAt: '2026-11-29T10:00:00.123Z',
    ...overrides,
  });

  it('gives back each position in whole seconds, with or without a length', () => {
    const positions = [position('lcc-262', { seconds: 2592.4 }), position('lcc-1', { duration: null }), position('un-hors-serie')];
    const decoded = decodeFromSync(JSON.parse(JSON.stringify(encodeForSync([], positions).items)), NOW).positions;
    expect(decoded.sort((a, b) => a.episodeId.localeCompare(b.episodeId))).toEqual([
      position('lcc-1', { duration: null }),
      position('lcc-262'),
      position('un-hors-serie'),
    ]);
  });

  it('holds a listener of every episode with a position in each under half the quota', () => {
    const positions = everyEpisodeListened().map((state, index) =>
      position(state.episodeId, { seconds: 60 * index, updatedAt: state.updatedAt }),
    );
    const { items, bytes } = encodeForSync(everyEpisodeListened(), positions);
    expect(bytes).toBeLessThan(SYNC_BUDGET_BYTES / 2);
    for (const [key, value] of Object.entries(items)) expect(itemBytes(key, value)).toBeLessThanOrEqual(8192);
    expect(decodeFromSync(items, NOW).positions).toHaveLength(359);
  });

  it('takes the position set last, per episode, skips a line it cannot read, and believes no clock a day ahead', () => {
    const local = [
      position('lcc-1', { updatedAt: '2026-11-29T10:00:00.000Z' }),
      position('lcc-2', { updatedAt: '2026-11-29T12:00:00.000Z' }),
    ];
    const items = encodeForSync(
      [],
      [
        position('lcc-1', { seconds: 100, updatedAt: '2026-11-29T11:00:00.000Z' }),
        position('lcc-2', { seconds: 200, updatedAt: '2026-11-29T11:00:00.000Z' }),
        position('lcc-3', { seconds: 300, updatedAt: '2026-12-05T11:00:00.000Z' }),
      ],
    ).items;
    const decoded = decodeFromSync({ ...items, p0: `${String(items['p0'])}\n262|-1||x\n|||` }, NOW);
    expect(decoded.unreadable).toBe(2);
    expect(newerRemotePositions(local, decoded.positions)).toEqual([
      position('lcc-1', { seconds: 100, updatedAt: '2026-11-29T11:00:00.000Z' }),
      position('lcc-3', { seconds: 300, updatedAt: new Date(NOW).toISOString() }),
    ]);
  });
});

describe('the sync encoding against what another device may write (issue 24, 1)', () => {
  const two = encodeForSync([state('lcc-1', { listenedOn: '2026-01-01' }), state('lcc-2', { rating: 3 })]).items;

  it('skips and counts a line it cannot read, and reads the others', () => {
    const items = { ...two, s0: `262||||\n${String(two['s0'])}\nabc|||4|x1\n|||||` };
    const decoded = decodeFromSync(items, NOW);
    expect(decoded.states.map((each) => each.episodeId)).toEqual(['lcc-1', 'lcc-2']);
    expect(decoded.unreadable).toBe(3);
    expect(decoded.states.some((each) => each.episodeId.includes('NaN'))).toBe(false);
  });

  it('leaves data of a newer format to the version that wrote it', () => {
    expect(decodeFromSync({ ...two, v: 2, x0: 'what version 2 adds' }, NOW)).toEqual({
      states: [],
      positions: [],
      unreadable: 0,
      newerFormat: true,
    });
  });

  it('counts a change stamped more than a day ahead as made now', () => {
    const ahead = encodeForSync([state('lcc-1', { listenedOn: '2026-01-01', updatedAt: '2026-12-02T10:00:00.000Z' })]).items;
    expect(decodeFromSync(ahead, NOW).states[0]!.updatedAt).toBe(new Date(NOW).toISOString());
    // Within a day, clocks that differ a little are believed.
    const close = encodeForSync([state('lcc-1', { updatedAt: '2026-11-30T12:00:00.000Z' })]).items;
    expect(decodeFromSync(close, NOW).states[0]!.updatedAt).toBe('2026-11-30T12:00:00.000Z');
  });

  it('keeps within the 512 items storage.sync allows, however many notes, and says which are left out', () => {
    const states = Array.from({ length: 600 }, (_, index) => state(`lcc-${index + 1}`, { note: `note ${index + 1}` }));
    const { items, notesLeftOut } = encodeForSync(states);
    expect(Object.keys(items).length).toBeLessThanOrEqual(512);
    expect(Object.keys(items).length + notesLeftOut.length).toBeGreaterThanOrEqual(600);
    expect(decodeFromSync(items, NOW).states).toHaveLength(600);
  });
});
