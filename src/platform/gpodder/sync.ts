/**
 * The sync with the listener's podcast apps through their gPodder server: the account, where the
 * sync stands, and one run of it (the actions since the last run in, then the log's changes out).
 * The account, password included, lives in `storage.local` only (`area`): never in the database
 * an export reads, nor in `storage.sync`. One run at a time; failures back off, a refused
 * password stops the automatic runs until the listener connects again.
 */
import * as v from 'valibot';
import { AnswerError, readAnswer, SHOW_PODCAST_FEED, type ReadAnswer } from '../../core/gpodder/actions';
import type { AppAddresses } from '../../core/gpodder/merge';
import { pendingActions } from '../../core/gpodder/outgoing';
import type { Clock } from '../../core/clock';
import { applyActionsFromApps, readLogForApps } from '../storage/fromApps';
import { discoverApi, fetchActions, GpodderError, registerDevice, serverBase, uploadActions, type GpodderAccount } from './client';

/** `storage.local`, or a stand-in for it in tests. */
export interface KeyValueArea {
  get(keys: string[]): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string[]): Promise<void>;
}

const ACCOUNT_KEY = 'gpodderAccount';
const STATE_KEY = 'gpodderSync';

const accountSchema = v.object({
  server: v.string(),
  user: v.string(),
  password: v.string(),
  api: v.picklist(['gpodder', 'nextcloud']),
  device: v.string(),
});

const count = v.pipe(v.number(), v.safeInteger(), v.minValue(0));
const PROBLEMS = ['address', 'unreachable', 'not-gpodder', 'password', 'server', 'too-large', 'answer', 'storage'] as const;
export type SyncProblem = (typeof PROBLEMS)[number];

const syncStateSchema = v.object({
  /** The server's timestamp of the last answer taken: what to ask from next. */
  since: count,
  /** The newest change of the log the server took. */
  sentUpTo: v.nullable(v.string()),
  /** Per episode number, the media and feed addresses the apps used, and the length they gave. */
  learned: v.array(v.tuple([count, v.string(), v.string(), v.nullable(count)])),
  last: v.nullable(v.object({ at: count, listened: count, positions: count, sent: count, skipped: count })),
  failure: v.nullable(v.object({ at: count, problem: v.picklist(PROBLEMS) })),
  failures: count,
  retryAt: count,
});
type SyncState = v.InferOutput<typeof syncStateSchema>;

const FRESH_STATE: SyncState = { since: 0, sentUpTo: null, learned: [], last: null, failure: null, failures: 0, retryAt: 0 };
const MINUTE_MS = 60_000;
const MAX_BACKOFF_MINUTES = 60;

/** What the settings show: the account without its password, and where the sync stands. */
export interface SyncStatus {
  account: Pick<GpodderAccount, 'server' | 'user' | 'api'> | null;
  state: Omit<SyncState, 'learned' | 'sentUpTo' | 'since'>;
  /** Changes of the log not yet taken by the server. */
  waiting: number;
}

/** What connecting found on the server: every action, the show's, and the devices that made them. */
export interface ConnectSummary {
  actions: number;
  showActions: number;
  devices: number;
}

export type ConnectResult = { ok: true; summary: ConnectSummary } | { ok: false; problem: SyncProblem };

function problemOf(error: unknown): SyncProblem {
  if (error instanceof GpodderError) return error.problem;
  if (error instanceof AnswerError) return 'answer';
  return 'storage';
}

export class GpodderSync {
  private running: Promise<SyncStatus> | null = null;

  constructor(
    private readonly area: KeyValueArea,
    private readonly clock: Clock,
  ) {}

  private async read(): Promise<{ account: GpodderAccount | null; state: SyncState }> {
    const stored = await this.area.get([ACCOUNT_KEY, STATE_KEY]);
    const account = v.safeParse(accountSchema, stored[ACCOUNT_KEY]);
    const state = v.safeParse(syncStateSchema, stored[STATE_KEY]);
    return { account: account.success ? account.output : null, state: state.success ? state.output : FRESH_STATE };
  }

  async status(): Promise<SyncStatus> {
    const { account, state } = await this.read();
    let waiting = 0;
    if (account) {
      const log = await readLogForApps();
      const pending = pendingActions({
        ...log,
        after: state.sentUpTo,
        device: account.device,
        learned: learnedMap(state.learned),
        feed: SHOW_PODCAST_FEED,
      });
      waiting = pending.actions.length;
    }
    return { account: account && shownAccount(account), state: shownState(state), waiting };
  }

  /**
   * Tries the server, and keeps the account only if it answers as a gPodder server: registers
   * this extension as a device of its own, reads every action there, and syncs.
   */
  async connect(typed: { server: string; user: string; password: string }, caption: string): Promise<ConnectResult> {
    try {
      const server = serverBase(typed.server);
      const credentials = { server, user: typed.user.trim(), password: typed.password };
      const api = await discoverApi(credentials);
      const account: GpodderAccount = { ...credentials, api, device: `lcc-companion-${randomId()}` };
      await registerDevice(account, caption);
      const answer = readAnswer(await fetchActions(account, 0), (await readLogForApps()).enclosures, new Date(this.clock.now()));
      await this.area.set({ [ACCOUNT_KEY]: account, [STATE_KEY]: FRESH_STATE });
      await this.syncNow('listener', answer);
      return { ok: true, summary: { actions: answer.total, showActions: answer.actions.length, devices: answer.devices } };
    } catch (error) {
      return { ok: false, problem: problemOf(error) };
    }
  }

  /** Forgets the account, its password and where the sync stood; the log keeps what came from the apps. */
  async disconnect(): Promise<void> {
    await this.area.remove([ACCOUNT_KEY, STATE_KEY]);
  }

  /**
   * One run, unless one is going (then that one's result): the actions since the last run in,
   * the log's changes out. An automatic run waits out a back-off, and does not run after a
   * refused password; the listener's does.
   */
  syncNow(trigger: 'listener' | 'auto', answer?: ReadAnswer): Promise<SyncStatus> {
    this.running ??= this.run(trigger, answer).finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async run(trigger: 'listener' | 'auto', given?: ReadAnswer): Promise<SyncStatus> {
    const { account, state } = await this.read();
    const now = this.clock.now();
    if (!account || (trigger === 'auto' && (state.retryAt > now || state.failure?.problem === 'password'))) return this.status();
    try {
      const log = await readLogForApps();
      const answer = given ?? readAnswer(await fetchActions(account, state.since), log.enclosures, new Date(now));
      const applied = await applyActionsFromApps(answer.actions, account.device);
      const learned = learnedMap(state.learned);
      for (const [number, addresses] of applied.addresses) learned.set(number, addresses);
      // The log as read before the apps' changes: those are never sent back, and a change the
      // listener makes meanwhile is newer than `upTo`, so the next run sends it.
      const pending = pendingActions({ ...log, after: state.sentUpTo, device: account.device, learned, feed: SHOW_PODCAST_FEED });
      await uploadActions(account, pending.actions);
      const done: SyncState = {
        since: answer.timestamp,
        sentUpTo: pending.upTo,
        learned: [...learned].map(([number, { media, podcast, total }]) => [number, media, podcast, total]),
        last: { at: now, listened: applied.listened, positions: applied.positions, sent: pending.actions.length, skipped: answer.skipped },
        failure: null,
        failures: 0,
        retryAt: 0,
      };
      await this.save(done);
      // Everything was sent: no need to read the log again to count what waits.
      return { account: shownAccount(account), state: shownState(done), waiting: 0 };
    } catch (error) {
      const failures = state.failures + 1;
      const backoff = Math.min(MAX_BACKOFF_MINUTES, 2 ** (failures - 1)) * MINUTE_MS;
      await this.save({ ...state, failure: { at: now, problem: problemOf(error) }, failures, retryAt: now + backoff });
    }
    return this.status();
  }

  private async save(state: SyncState): Promise<void> {
    // Disconnected while the run went on: nothing of it is kept.
    if ((await this.read()).account) await this.area.set({ [STATE_KEY]: state });
  }
}

const shownAccount = ({ server, user, api }: GpodderAccount): NonNullable<SyncStatus['account']> => ({ server, user, api });
const shownState = ({ last, failure, failures, retryAt }: SyncState): SyncStatus['state'] => ({ last, failure, failures, retryAt });

function learnedMap(learned: SyncState['learned']): Map<number, AppAddresses> {
  return new Map(learned.map(([number, media, podcast, total]) => [number, { media, podcast, total }]));
}

function randomId(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(4)), (byte) => byte.toString(16).padStart(2, '0')).join('');
}
