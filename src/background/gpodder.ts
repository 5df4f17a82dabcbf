/**
 * When the sync with the listener's podcast apps runs: once connected, at browser start, every
 * 30 minutes, when the journal or the popup opens (after their first paint), and 10 s after a
 * change of the log here. The runs themselves, one at a time, are GpodderSync's.
 */
import browser from 'webextension-polyfill';
import { systemClock } from '../core/clock';
import { inBackground, recover } from '../errors';
import type { BackgroundAnswers, BackgroundRequest } from '../messages';
import { serverOrigin } from '../platform/gpodder/client';
import { GpodderSync } from '../platform/gpodder/sync';

export const GPODDER_ALARM = 'gpodder-sync';
const PERIOD_MINUTES = 30;
const AFTER_CHANGE_MS = 10_000;

const sync = new GpodderSync(browser.storage.local, systemClock);
let afterChange: ReturnType<typeof setTimeout> | undefined;

type GpodderRequest = Extract<BackgroundRequest, { type: `gpodder/${string}` }>;

export async function handleGpodder(request: GpodderRequest): Promise<BackgroundAnswers[GpodderRequest['type']]> {
  switch (request.type) {
    case 'gpodder/connect': {
      const result = await sync.connect(request, request.caption);
      if (result.ok) await browser.alarms.create(GPODDER_ALARM, { periodInMinutes: PERIOD_MINUTES });
      return result;
    }
    case 'gpodder/disconnect': {
      const { account } = await sync.status();
      await sync.disconnect();
      await browser.alarms.clear(GPODDER_ALARM);
      // The permission for that server goes with the account (unless the extension was built with it).
      if (account)
        await browser.permissions
          .remove({ origins: [serverOrigin(account.server)] })
          .catch(recover('giving back the server permission', false));
      return null;
    }
    case 'gpodder/sync':
      return sync.syncNow(request.trigger);
    case 'gpodder/status':
      return sync.status();
  }
}

/** An automatic run, unless connected to no server (then it reads the account and stops). */
export function syncWithAppsNow(): void {
  inBackground('syncing with the podcast apps', sync.syncNow('auto'));
}

/** After a change of the log here: one run 10 s after the last. */
export function syncWithAppsSoon(): void {
  clearTimeout(afterChange);
  afterChange = setTimeout(syncWithAppsNow, AFTER_CHANGE_MS);
}
