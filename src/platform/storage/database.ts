/**
 * The database's one opening, and what every write does: a full disk becomes a StoreError, and
 * after each committed write the other contexts hear of it on a BroadcastChannel.
 */
import { openDB } from 'idb';
import { DATABASE_NAME, DATABASE_VERSION, upgrade, type CompanionDatabase, type CompanionSchema } from './schema';

const CHANGES_CHANNEL = 'lcc-companion/store-changes';

export interface StoreChange {
  /** The episodes whose data changed; `all` after an import or a clear. */
  episodeIds: string[] | 'all';
  settings?: boolean;
  /** The archive was updated from the feed, or a try to update it failed. */
  archive?: boolean;
  /** The reading list or the links opened changed. */
  reading?: boolean;
  /** A position, the time played or the queue changed. */
  playback?: boolean;
}

/** Whether a change touched the listener's data of this episode, or of any episode without one. */
export function changesEpisode(change: StoreChange, episodeId?: string): boolean {
  if (change.episodeIds === 'all') return true;
  return episodeId === undefined ? change.episodeIds.length > 0 : change.episodeIds.includes(episodeId);
}

/** Raised for storage failures a listener can act on; the message key says which. */
export class StoreError extends Error {
  constructor(
    readonly kind: 'quota' | 'blocked' | 'unavailable',
    cause?: unknown,
  ) {
    super(`storage ${kind}`, { cause });
    this.name = 'StoreError';
  }
}

let opening: Promise<CompanionDatabase> | null = null;

export function openStore(): Promise<CompanionDatabase> {
  opening ??= openCompanionDatabase().catch((error: unknown) => {
    opening = null;
    throw error;
  });
  return opening;
}

/**
 * Opens the database, upgrading it if needed. An upgrade blocked by an older version still open
 * elsewhere fails at once with a StoreError, rather than leaving every view waiting.
 */
function openCompanionDatabase(): Promise<CompanionDatabase> {
  return new Promise((resolve, reject) => {
    let refused = false;
    openDB<CompanionSchema>(DATABASE_NAME, DATABASE_VERSION, {
      upgrade: (database, oldVersion, newVersion, transaction) =>
        upgrade(database, oldVersion, newVersion ?? DATABASE_VERSION, transaction),
      blocked: () => {
        refused = true;
        reject(new StoreError('blocked'));
      },
      // A newer version of the extension wants the database: let it, and reopen on next use.
      blocking: (_, __, event) => {
        (event.target as IDBDatabase).close();
        opening = null;
      },
    }).then(
      (database) => (refused ? database.close() : resolve(database)),
      (error: unknown) => reject(new StoreError('unavailable', error)),
    );
  });
}

function isQuotaError(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'QuotaExceededError';
}

/**
 * Runs a write, turns a full disk into a StoreError, and tells the other contexts. For the
 * storage modules only: the rest of the extension calls the named operations.
 */
export async function write<T>(change: StoreChange, work: (database: CompanionDatabase) => Promise<T>): Promise<T> {
  const database = await openStore();
  let result: T;
  try {
    result = await work(database);
  } catch (error) {
    throw isQuotaError(error) ? new StoreError('quota', error) : error;
  }
  announceChange(change);
  return result;
}

/**
 * Runs `work` on a transaction and waits for its commit, or, on any failure, aborts it and throws
 * the first error: a request that throws as it is made does not abort a transaction by itself,
 * and the requests made before it would commit.
 */
export async function allOrNothing<T>(transaction: { abort(): void; done: Promise<void> }, work: () => Promise<T>): Promise<T> {
  let result: T;
  try {
    result = await work();
  } catch (error) {
    transaction.abort();
    // The transaction now rejects with the abort just asked for: the error to give is the first one.
    await transaction.done.catch((abort: unknown) => abort);
    throw error;
  }
  await transaction.done;
  return result;
}

/**
 * Makes every request and waits for them all, each made in a promise of its own: one that throws
 * as it is made (a full disk, a value that cannot be stored) leaves none of the others unheard.
 */
export function requestAll(requests: (() => Promise<unknown>)[]): Promise<unknown[]> {
  return Promise.all(requests.map(async (make) => make()));
}

const localWriteListeners = new Set<(change: StoreChange) => void>();

function announceChange(change: StoreChange): void {
  const channel = new BroadcastChannel(CHANGES_CHANNEL);
  channel.postMessage(change);
  channel.close();
  for (const listener of localWriteListeners) listener(change);
}

/**
 * Calls `listener` after each write made in this context. A sleeping background hears nothing on
 * a BroadcastChannel; the pages relay their own writes to it with this.
 */
export function onLocalWrite(listener: (change: StoreChange) => void): void {
  localWriteListeners.add(listener);
}

/** Calls `listener` after another context changed stored data; returns the unsubscribe. */
export function onStoreChange(listener: (change: StoreChange) => void): () => void {
  const channel = new BroadcastChannel(CHANGES_CHANNEL);
  channel.onmessage = (event: MessageEvent<StoreChange>) => listener(event.data);
  return () => channel.close();
}
