/**
 * Sync between the listener's own browsers, through the browser's own `storage.sync` (their
 * Google or Firefox account), when they turn it on: at each change here (batched two seconds
 * after the last: the browser limits writes) and each change there, the two are joined field by
 * field (core/sync/plan.ts), this browser takes what the others changed later, and writes the join
 * back where it differs. Nothing is lost here when the quota is reached: what does not fit is not
 * sent, and the settings say so; data a newer version wrote is neither read nor written over.
 */
import browser from 'webextension-polyfill';
import { recover } from '../errors';
import { listListeningStates } from '../platform/storage/listening';
import { getSettings } from '../platform/storage/settings';
import { listPlayerPositions } from '../platform/storage/playback';
import { applySyncedPositions, applySyncedStates } from '../platform/storage/syncedStates';
import { planSync } from '../core/sync/plan';
import type { SyncItems } from '../core/sync/encoding';

const PUSH_AFTER_MS = 2000;

let pushTimer: ReturnType<typeof setTimeout> | undefined;

async function syncIsOn(): Promise<boolean> {
  return (await getSettings()).sync === 'on';
}

/** One sync: one read of each side, then what the join takes here and writes there. */
async function syncNow(): Promise<void> {
  if (!(await syncIsOn())) return;
  const current = (await browser.storage.sync.get(null)) as SyncItems;
  const plan = planSync((await listListeningStates()).records, await listPlayerPositions(), current, Date.now());
  if (plan.takeStates.length > 0) await applySyncedStates(plan.takeStates);
  if (plan.takePositions.length > 0) await applySyncedPositions(plan.takePositions);
  if (Object.keys(plan.set).length > 0) await browser.storage.sync.set(plan.set);
  if (plan.remove.length > 0) await browser.storage.sync.remove(plan.remove);
}

/** After a change here (or sync turned on): what the others changed first, then ours, batched. */
export function syncSoon(): void {
  clearTimeout(pushTimer);
  pushTimer = setTimeout(() => void syncNow().catch(recover('syncing with the browser', undefined)), PUSH_AFTER_MS);
}

export function listenToSync(): void {
  browser.storage.onChanged.addListener((_, area) => {
    if (area === 'sync') syncNow().catch(recover('taking changes from the browser sync', undefined));
  });
}
