/**
 * Sync between the listener's own browsers, through the browser's own `storage.sync` (their
 * Google or Firefox account), when they turn it on: local changes (the states, and the player's
 * positions at a pause, an end or a close, never its checkpoints while it plays) are pushed in one
 * batch two seconds after the last (the browser limits writes), changes from the other browsers
 * are taken where they are newer, by the import's rule. Nothing is lost here when the quota is
 * reached: what does not fit is not sent, and the settings say so.
 */
import browser from 'webextension-polyfill';
import { recover } from '../errors';
import { listListeningStates } from '../platform/storage/listening';
import { getSettings } from '../platform/storage/settings';
import { listPositions } from '../platform/storage/playback';
import { applySyncedPositions, applySyncedStates } from '../platform/storage/syncedStates';
import { decodeFromSync, encodeForSync, newerRemotePositions, newerRemoteStates, type SyncItems } from '../core/sync/encoding';

const PUSH_AFTER_MS = 2000;

let pushTimer: ReturnType<typeof setTimeout> | undefined;

async function syncIsOn(): Promise<boolean> {
  return (await getSettings()).sync === 'on';
}

/**
 * Takes the states changed on another browser since they were last here; with `send`, then
 * sends this browser's, writing only the items that changed. One read of each side.
 */
async function syncNow(send: boolean): Promise<void> {
  if (!(await syncIsOn())) return;
  const current = (await browser.storage.sync.get(null)) as SyncItems;
  const remote = decodeFromSync(current, Date.now());
  // A newer version wrote it: this one would lose what it does not know by writing over it.
  if (remote.newerFormat) return;
  const local = (await listListeningStates()).records;
  const newer = newerRemoteStates(local, remote.states);
  if (newer.length > 0) await applySyncedStates(newer);
  // The player's own positions: those an app reported reach each browser through the app's sync.
  const playerPositions = async () => (await listPositions()).records.filter((position) => position.device === undefined);
  const localPositions = await playerPositions();
  const newerPositions = newerRemotePositions(localPositions, remote.positions);
  if (newerPositions.length > 0) await applySyncedPositions(newerPositions);
  if (!send) return;
  const { items } = encodeForSync(
    newer.length > 0 ? (await listListeningStates()).records : local,
    newerPositions.length > 0 ? await playerPositions() : localPositions,
  );
  const changed = Object.fromEntries(Object.entries(items).filter(([key, value]) => current[key] !== value));
  const stale = Object.keys(current).filter((key) => !(key in items));
  if (Object.keys(changed).length > 0) await browser.storage.sync.set(changed);
  if (stale.length > 0) await browser.storage.sync.remove(stale);
}

/** After a change here (or sync turned on): what the others changed first, then ours, batched. */
export function syncSoon(): void {
  clearTimeout(pushTimer);
  pushTimer = setTimeout(() => void syncNow(true).catch(recover('syncing with the browser', undefined)), PUSH_AFTER_MS);
}

export function listenToSync(): void {
  browser.storage.onChanged.addListener((_, area) => {
    if (area === 'sync') syncNow(false).catch(recover('taking changes from the browser sync', undefined));
  });
}
