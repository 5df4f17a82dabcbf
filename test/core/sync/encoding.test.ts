/** The compact encoding for storage.sync: size, round trip of every field and its time, the quota, what version 1 wrote. */
import { describe, expect, it } from 'vitest';
import { DAY_UNKNOWN, type ListeningState } from '../../../src/core/records';
import { everyEpisodeListened } from '../../support/episodes';
import { decodeFromSync, encodeForSync, itemBytes, SYNC_BUDGET_BYTES, type SyncedPosition } from '../../../src/core/sync/encoding';
import { planSync, toSynced } from '../../../src/core/sync/plan';

/** The test's "now": a day after the states' changes. */
const NOW = Date.parse('2026-11-30T10:00:00.000Z');

function state(episodeId: string, overrides: Partial<ListeningState> = {}): ListeningState {
  return { episodeId, listenedOn: null, bookmarkedAt: null, note: '', rating: null, updatedAt: '2026-11-29T10:00:00.123Z', ...overrides };
}

const encode = (states: ListeningState[], positions: SyncedPosition[] = []) => encodeForSync(states.map(toSynced), positions);
const byId = <T extends { episodeId: string }>(records: T[]) => [...records].sort((a, b) => a.episodeId.localeCompare(b.episodeId));

describe('the sync encoding', () => {
  it('holds a listener of every episode well under the quota', () => {
    const { items, bytes } = encode(everyEpisodeListened());
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
      state('lcc-13', {
        listenedOn: '2026-11-02',
        rating: 2,
        changedAt: { listenedOn: '2026-11-02T21:00:00.001Z', rating: '2026-11-29T10:00:00.123Z', note: '2026-11-03T08:00:00.000Z' },
      }),
    ];
    const decoded = decodeFromSync(JSON.parse(JSON.stringify(encode(states).items)), NOW).states;
    expect(byId(decoded)).toEqual(byId(states.map(toSynced)));
  });

  it('keeps what fits when the notes outgrow the quota, and names what was left out', () => {
    const states = everyEpisodeListened().map((each, index) => ({ ...each, note: 'x'.repeat(index === 0 ? 9000 : 400) }));
    const { items, notesLeftOut, bytes } = encode(states);
    expect(bytes).toBeLessThanOrEqual(SYNC_BUDGET_BYTES);
    expect(notesLeftOut).toContain('lcc-1');
    expect(notesLeftOut.length).toBeGreaterThan(100);
    const decoded = decodeFromSync(items, NOW).states;
    expect(decoded).toHaveLength(359);
    // A note left out comes as unknown, with its time: the other browser keeps its own text.
    expect(
      decoded
        .filter((each) => each.note === undefined)
        .map((each) => each.episodeId)
        .sort(),
    ).toEqual([...notesLeftOut].sort());
  });

  it('never takes a note’s text with the time of another write', () => {
    const items = encode([state('lcc-1', { note: 'ici' })]).items;
    const overwritten = {
      ...items,
      n1: String(encode([state('lcc-1', { note: 'ailleurs', updatedAt: '2026-11-29T11:00:00.000Z' })]).items['n1']),
    };
    expect(decodeFromSync(overwritten, NOW).states[0]!.note).toBeUndefined();
  });

  it('reads what version 1 wrote: each field as changed at the state’s one time', () => {
    // `262|day|bookmark|rating|time`, days and times from 2009 in base 36; notes in plain text.
    const at = Date.parse('2026-11-29T10:00:00.000Z');
    const v1 = {
      v: 1,
      s0: `262|${(4628).toString(36)}||5|${(at - Date.UTC(2009, 0, 1)).toString(36)}\n~hors-serie|?|||${(at - Date.UTC(2009, 0, 1)).toString(36)}`,
      n262: 'Top',
      p0: `262|${(2592).toString(36)}|${(5400).toString(36)}|${(at - Date.UTC(2009, 0, 1)).toString(36)}`,
    };
    const decoded = decodeFromSync(v1, NOW);
    const times = { listenedOn: at, bookmarkedAt: at, rating: at, note: at };
    expect(byId(decoded.states)).toEqual([
      { episodeId: 'hors-serie', listenedOn: DAY_UNKNOWN, bookmarkedAt: null, rating: null, note: undefined, changedAt: times },
      { episodeId: 'lcc-262', listenedOn: '2021-09-03', bookmarkedAt: null, rating: 5, note: 'Top', changedAt: times },
    ]);
    expect(decoded.positions).toEqual([{ episodeId: 'lcc-262', seconds: 2592, duration: 5400, updatedAt: new Date(at).toISOString() }]);
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
    const decoded = decodeFromSync(JSON.parse(JSON.stringify(encode([], positions).items)), NOW).positions;
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
    const { items, bytes } = encode(everyEpisodeListened(), positions);
    expect(bytes).toBeLessThan(SYNC_BUDGET_BYTES / 2);
    for (const [key, value] of Object.entries(items)) expect(itemBytes(key, value)).toBeLessThanOrEqual(8192);
    expect(decodeFromSync(items, NOW).positions).toHaveLength(359);
  });

  it('takes the position set last, per episode, skips a line it cannot read, and believes no clock a day ahead', () => {
    const local = [
      position('lcc-1', { updatedAt: '2026-11-29T10:00:00.000Z' }),
      position('lcc-2', { updatedAt: '2026-11-29T12:00:00.000Z' }),
    ];
    const items = encode(
      [],
      [
        position('lcc-1', { seconds: 100, updatedAt: '2026-11-29T11:00:00.000Z' }),
        position('lcc-2', { seconds: 200, updatedAt: '2026-11-29T11:00:00.000Z' }),
        position('lcc-3', { seconds: 300, updatedAt: '2026-12-05T11:00:00.000Z' }),
      ],
    ).items;
    const decoded = decodeFromSync({ ...items, p0: `${String(items['p0'])}\n262|-1||x\n|||` }, NOW);
    expect(decoded.unreadable).toBe(2);
    expect(planSync([], local, { ...items, p0: `${String(items['p0'])}\n262|-1||x\n|||` }, NOW).takePositions).toEqual([
      position('lcc-1', { seconds: 100, updatedAt: '2026-11-29T11:00:00.000Z' }),
      position('lcc-3', { seconds: 300, updatedAt: new Date(NOW).toISOString() }),
    ]);
  });
});

describe('the sync encoding against what another device may write (issue 24, 1)', () => {
  const two = encode([state('lcc-1', { listenedOn: '2026-01-01' }), state('lcc-2', { rating: 3 })]).items;

  it('skips and counts a line it cannot read, and reads the others', () => {
    const items = { ...two, s0: `262||||\n${String(two['s0'])}\nabc|||4|x1\n|||||\n|||||||\n3|zzzzzz||||||` };
    const decoded = decodeFromSync(items, NOW);
    expect(decoded.states.map((each) => each.episodeId)).toEqual(['lcc-1', 'lcc-2']);
    expect(decoded.unreadable).toBe(5);
    expect(decoded.states.some((each) => each.episodeId.includes('NaN'))).toBe(false);
  });

  it('leaves data of a newer format to the version that wrote it', () => {
    expect(decodeFromSync({ ...two, v: 3, x0: 'what version 3 adds' }, NOW)).toEqual({
      states: [],
      positions: [],
      unreadable: 0,
      newerFormat: true,
    });
  });

  it('counts a change stamped more than a day ahead as made now', () => {
    const ahead = encode([state('lcc-1', { listenedOn: '2026-01-01', updatedAt: '2026-12-02T10:00:00.000Z' })]).items;
    expect(decodeFromSync(ahead, NOW).states[0]!.changedAt.listenedOn).toBe(NOW);
    // Within a day, clocks that differ a little are believed.
    const close = encode([state('lcc-1', { rating: 2, updatedAt: '2026-11-30T12:00:00.000Z' })]).items;
    expect(decodeFromSync(close, NOW).states[0]!.changedAt.rating).toBe(Date.parse('2026-11-30T12:00:00.000Z'));
  });

  it('keeps within the 512 items storage.sync allows, however many notes, and says which are left out', () => {
    const states = Array.from({ length: 600 }, (_, index) => state(`lcc-${index + 1}`, { note: `note ${index + 1}` }));
    const { items, notesLeftOut } = encode(states);
    expect(Object.keys(items).length).toBeLessThanOrEqual(512);
    expect(Object.keys(items).length + notesLeftOut.length).toBeGreaterThanOrEqual(600);
    expect(decodeFromSync(items, NOW).states).toHaveLength(600);
  });
});
