/**
 * The sync between the listener's browsers: the field-by-field join, and a simulation of three
 * browsers sharing `storage.sync` (issue 24, 1).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { STATE_FIELDS, stampChanges, type StateField } from '../../../src/core/log/changeTimes';
import { DAY_UNKNOWN, emptyState, type ListeningState } from '../../../src/core/records';
import type { SyncedPosition, SyncedState, SyncItems } from '../../../src/core/sync/encoding';
import { joinPositions, joinStates, planSync, takeJoined, toSynced } from '../../../src/core/sync/plan';

const T0 = Date.parse('2026-11-29T10:00:00.000Z');
const NOW = T0 + 3_600_000;
const iso = (ms: number) => new Date(ms).toISOString();

/** A change made here as the storage modules make it: the fields it changes stamped with its time. */
function edit(before: ListeningState, change: Partial<ListeningState>, at: number): ListeningState {
  return stampChanges(before, { ...before, ...change, updatedAt: iso(at) });
}

describe('the join of two browsers’ copies of a state', () => {
  it('keeps a rating given here and a mark given there at the same time, where one time per state lost one', () => {
    const here = edit(emptyState('lcc-262'), { rating: 4 }, T0 + 1000);
    const there = edit(emptyState('lcc-262'), { listenedOn: '2026-11-29' }, T0 + 2000);
    const items = planSync([there], [], {}, NOW).set;
    const taken = planSync([here], [], items, NOW).takeStates;
    expect(taken).toHaveLength(1);
    expect(takeJoined(here, taken[0]!)).toMatchObject({ rating: 4, listenedOn: '2026-11-29', updatedAt: iso(T0 + 2000) });
  });

  it('takes a field changed later there, a reset included, and keeps the one changed later here', () => {
    const here = edit(edit(emptyState('lcc-1'), { listenedOn: '2026-01-01', note: 'ici' }, T0), { rating: 5 }, T0 + 5000);
    const there = edit(edit(emptyState('lcc-1'), { listenedOn: '2026-01-01', rating: 2 }, T0 - 1000), { listenedOn: null }, T0 + 1000);
    const joined = takeJoined(here, toSynced(there))!;
    expect(joined).toMatchObject({ listenedOn: null, rating: 5, note: 'ici' });
    // Taken again, nothing changes: the join is done.
    expect(takeJoined(joined, toSynced(there))).toBeNull();
  });

  it('keeps the text of a note here when the one changed later did not come', () => {
    const here = edit(emptyState('lcc-1'), { note: 'ici' }, T0);
    const there: SyncedState = { ...toSynced(edit(emptyState('lcc-1'), { note: 'trop long' }, T0 + 1000)), note: undefined };
    expect(takeJoined(here, there)).toBeNull();
  });

  const state = fc.record({
    episodeId: fc.constant('lcc-1'),
    listenedOn: fc.constantFrom(null, '2026-11-01', DAY_UNKNOWN),
    bookmarkedAt: fc.constantFrom(null, '2026-11-20T10:00:00.000Z'),
    rating: fc.constantFrom(null, 1, 5),
    note: fc.constantFrom('', 'a', undefined),
    changedAt: fc.record({
      listenedOn: fc.integer({ min: 0, max: 3 }),
      bookmarkedAt: fc.integer({ min: 0, max: 3 }),
      rating: fc.integer({ min: 0, max: 3 }),
      note: fc.integer({ min: 0, max: 3 }),
    }),
  });

  it('does not depend on the order of the copies nor on how often it is made (same-time ties included)', () => {
    fc.assert(
      fc.property(state, state, state, (a, b, c) => {
        expect(joinStates(a, b)).toEqual(joinStates(b, a));
        expect(joinStates(joinStates(a, b), c)).toEqual(joinStates(a, joinStates(b, c)));
        expect(joinStates(a, a)).toEqual(a);
      }),
    );
  });
});

/**
 * Three browsers and `storage.sync` as the browsers give it: each writes its own copy of the items
 * at once and the write reaches the server later, where the last write of each item wins; the
 * server's items reach every browser later still, in any order, some twice, an older one never
 * over a newer; a browser's listener hears of each item that changed in its copy.
 */
type Op =
  | { kind: 'edit'; replica: number; episode: number; field: StateField | 'position'; value: number }
  | { kind: 'sync'; replica: number }
  | { kind: 'up'; pick: number }
  | { kind: 'down'; pick: number; twice: boolean };

interface Item {
  value: string | number | undefined;
  version: number;
}

interface Replica {
  states: Map<string, ListeningState>;
  positions: Map<string, SyncedPosition>;
  copy: Map<string, Item>;
  heardOfChange: boolean;
  lastEditAt: number;
}

const VALUES: Record<StateField, unknown[]> = {
  listenedOn: [null, '2026-11-01', '2026-11-02', DAY_UNKNOWN],
  bookmarkedAt: [null, '2026-11-20T10:00:00.000Z', '2026-11-21T10:00:00.000Z', null],
  rating: [null, 1, 5, 3],
  note: ['', 'a', 'bb | c\nd', ''],
};

const valueKey = (value: unknown) => JSON.stringify(value);

function simulate(ops: Op[]) {
  const replicas: Replica[] = Array.from({ length: 3 }, () => ({
    states: new Map(),
    positions: new Map(),
    copy: new Map(),
    heardOfChange: false,
    lastEditAt: 0,
  }));
  const server = new Map<string, Item>();
  let version = 0;
  const up: { key: string; value: string | number | undefined }[] = [];
  const down: { to: number; key: string; item: Item }[] = [];
  // Every edit, to know what each field must end as: the value changed last (ties: the greater).
  const edits = new Map<string, { at: number; value: unknown }>();

  const sync = (replica: Replica) => {
    const items: SyncItems = {};
    for (const [key, item] of replica.copy) if (item.value !== undefined) items[key] = item.value;
    const plan = planSync([...replica.states.values()], [...replica.positions.values()], items, NOW);
    for (const incoming of plan.takeStates) {
      const next = takeJoined(replica.states.get(incoming.episodeId) ?? emptyState(incoming.episodeId), incoming);
      if (next) replica.states.set(next.episodeId, next);
    }
    for (const incoming of plan.takePositions) {
      const here = replica.positions.get(incoming.episodeId);
      replica.positions.set(incoming.episodeId, here ? joinPositions(here, incoming) : incoming);
    }
    const writes: [string, string | number | undefined][] = [
      ...Object.entries(plan.set),
      ...plan.remove.map((key) => [key, undefined] as [string, undefined]),
    ];
    for (const [key, value] of writes) {
      replica.copy.set(key, { value, version: replica.copy.get(key)?.version ?? 0 });
      up.push({ key, value });
    }
  };
  const deliverUp = (index: number) => {
    const [write] = up.splice(index, 1);
    const item = { value: write!.value, version: ++version };
    server.set(write!.key, item);
    replicas.forEach((_, to) => down.push({ to, key: write!.key, item }));
  };
  const deliverDown = (index: number, twice = false) => {
    const { to, key, item } = twice ? down[index]! : down.splice(index, 1)[0]!;
    const replica = replicas[to]!;
    const known = replica.copy.get(key);
    if (known && known.version >= item.version) return;
    replica.copy.set(key, item);
    if (known?.value !== item.value) replica.heardOfChange = true;
  };

  ops.forEach((op, step) => {
    if (op.kind === 'edit') {
      const replica = replicas[op.replica]!;
      // Four steps in a row share a millisecond: two browsers edit at the same time; one browser's
      // clock moves on between two of its own edits.
      const at = Math.max(T0 + Math.floor(step / 4) * 1000, replica.lastEditAt + 1);
      replica.lastEditAt = at;
      const episodeId = `lcc-${op.episode + 1}`;
      if (op.field === 'position') {
        const position = { episodeId, seconds: 60 * op.value, duration: 5400, updatedAt: iso(at) };
        const here = replica.positions.get(episodeId);
        replica.positions.set(episodeId, here ? joinPositions(here, position) : position);
      } else {
        const value = VALUES[op.field][op.value];
        const before = replica.states.get(episodeId) ?? emptyState(episodeId);
        const after = edit(before, { [op.field]: value }, at);
        replica.states.set(episodeId, after);
        if (before[op.field] !== after[op.field]) {
          const key = `${episodeId}.${op.field}`;
          const kept = edits.get(key);
          if (!kept || at > kept.at || (at === kept.at && valueKey(value) > valueKey(kept.value))) edits.set(key, { at, value });
        }
      }
      replica.heardOfChange = true;
    } else if (op.kind === 'sync') sync(replicas[op.replica]!);
    else if (op.kind === 'up' && up.length > 0) deliverUp(op.pick % up.length);
    else if (op.kind === 'down' && down.length > 0) deliverDown(op.pick % down.length, op.twice);
  });

  // Quiet: every write reaches the server and every browser, and each browser syncs on what it hears.
  let rounds = 0;
  for (; rounds < 10_000; rounds += 1) {
    if (up.length > 0) deliverUp(0);
    else if (down.length > 0) deliverDown(0);
    else {
      const replica = replicas.find((each) => each.heardOfChange);
      if (!replica) break;
      replica.heardOfChange = false;
      sync(replica);
    }
  }
  return { replicas, server, edits, rounds };
}

describe('three browsers syncing through storage.sync (issue 24, 1)', () => {
  const op: fc.Arbitrary<Op> = fc.oneof(
    {
      weight: 4,
      arbitrary: fc.record({
        kind: fc.constant('edit' as const),
        replica: fc.nat(2),
        episode: fc.nat(2),
        field: fc.constantFrom(...STATE_FIELDS, 'position' as const),
        value: fc.nat(3),
      }),
    },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('sync' as const), replica: fc.nat(2) }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('up' as const), pick: fc.nat() }) },
    { weight: 3, arbitrary: fc.record({ kind: fc.constant('down' as const), pick: fc.nat(), twice: fc.boolean() }) },
  );

  it('end, once quiet, holding the same log, with no change lost to an older one of the same field', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 80 }), (ops) => {
        const { replicas, edits, rounds } = simulate(ops);
        expect(rounds).toBeLessThan(10_000);
        const episodes = new Set(replicas.flatMap((replica) => [...replica.states.keys()]));
        for (const episodeId of episodes)
          for (const field of STATE_FIELDS) {
            const expected = edits.get(`${episodeId}.${field}`)?.value ?? emptyState(episodeId)[field];
            for (const replica of replicas) expect((replica.states.get(episodeId) ?? emptyState(episodeId))[field]).toEqual(expected);
          }
        const positions = replicas.map((replica) => [...replica.positions.values()].sort((a, b) => a.episodeId.localeCompare(b.episodeId)));
        expect(positions[1]).toEqual(positions[0]);
        expect(positions[2]).toEqual(positions[0]);
      }),
      { numRuns: 300 },
    );
  });

  it('lets an edit made on two browsers at once reach the third, where a browser that only took never wrote again', () => {
    const { replicas } = simulate([
      { kind: 'edit', replica: 0, episode: 0, field: 'rating', value: 2 },
      { kind: 'edit', replica: 1, episode: 0, field: 'listenedOn', value: 1 },
      { kind: 'sync', replica: 0 },
      { kind: 'sync', replica: 1 },
      { kind: 'up', pick: 0 },
      { kind: 'up', pick: 0 },
    ]);
    for (const replica of replicas) expect(replica.states.get('lcc-1')).toMatchObject({ rating: 5, listenedOn: '2026-11-01' });
  });

  it('ends with the same value on every browser where two set one field at the same millisecond', () => {
    const { replicas } = simulate([
      { kind: 'edit', replica: 0, episode: 0, field: 'rating', value: 1 },
      { kind: 'edit', replica: 1, episode: 0, field: 'rating', value: 2 },
      { kind: 'edit', replica: 2, episode: 0, field: 'note', value: 1 },
    ]);
    for (const replica of replicas) expect(replica.states.get('lcc-1')).toMatchObject({ rating: 5, note: 'a' });
  });
});
