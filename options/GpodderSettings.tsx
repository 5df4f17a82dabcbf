/**
 * The settings' part for the sync with the listener's podcast apps: connect to their gPodder
 * server (the permission for that server alone is asked here, at connect time), then where the
 * sync stands, a run on demand, and disconnect (which gives the permission back).
 */
import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { recover } from '../src/errors';
import { sendToBackground } from '../src/messages';
import { serverBase, serverOrigin } from '../src/platform/gpodder/client';
import type { ConnectSummary, SyncProblem, SyncStatus } from '../src/platform/gpodder/sync';
import { changesEpisode } from '../src/platform/storage/database';
import { formatMoment, formatNumber, t, type MessageKey } from '../src/ui/i18n';
import { useStoredRead } from '../src/ui/useStoredRead';

const PROBLEMS: Record<SyncProblem, MessageKey> = {
  address: 'gpodderProblemAddress',
  unreachable: 'gpodderProblemUnreachable',
  'not-gpodder': 'gpodderProblemNotGpodder',
  password: 'gpodderProblemPassword',
  server: 'gpodderProblemServer',
  'too-large': 'gpodderProblemTooLarge',
  answer: 'gpodderProblemAnswer',
  storage: 'gpodderProblemStorage',
};

/** How the extension is named among the listener's devices: "LCC Companion (Firefox, ordinateur)". */
function deviceCaption(): string {
  const agent = navigator.userAgent;
  const browserName = agent.includes('Firefox/') ? 'Firefox' : agent.includes('Edg/') ? 'Edge' : 'Chrome';
  return t('gpodderDeviceCaption', browserName, t(/Android|Mobile/.test(agent) ? 'gpodderDevicePhone' : 'gpodderDeviceComputer'));
}

const readStatus = () => sendToBackground(browser.runtime, { type: 'gpodder/status' });

type Said = { kind: 'status' | 'alert'; text: string } | null;

function ConnectForm({ connected }: { connected: (summary: ConnectSummary) => void }) {
  const [server, setServer] = useState('');
  const [user, setUser] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [said, setSaid] = useState<Said>(null);

  const connect = (event: Event) => {
    event.preventDefault();
    let base: string;
    try {
      base = serverBase(server);
    } catch {
      setSaid({ kind: 'alert', text: t(PROBLEMS.address) });
      return;
    }
    const origins = [serverOrigin(base)];
    setBusy(true);
    setSaid({ kind: 'status', text: t('gpodderConnecting') });
    // Asked in the click itself: browsers grant a permission only in answer to the listener's gesture.
    const attempt = browser.permissions.request({ origins }).then(async (granted) => {
      if (!granted) return setSaid({ kind: 'alert', text: t('gpodderPermissionRefused') });
      const result = await sendToBackground(browser.runtime, {
        type: 'gpodder/connect',
        server: base,
        user,
        password,
        caption: deviceCaption(),
      });
      if (result.ok) {
        setPassword('');
        return connected(result.summary);
      }
      await browser.permissions.remove({ origins }).catch(recover('giving back the server permission', false));
      setSaid({ kind: 'alert', text: t(PROBLEMS[result.problem]) });
    });
    attempt.catch(recover('connecting to the gPodder server', undefined)).finally(() => setBusy(false));
  };

  return (
    <form class="gpodder-connect" onSubmit={connect}>
      <label>
        {t('gpodderServer')}
        <input
          type="url"
          required
          value={server}
          placeholder={t('gpodderServerExample')}
          onInput={(event) => setServer(event.currentTarget.value)}
        />
      </label>
      <label>
        {t('gpodderUser')}
        <input type="text" required autocomplete="username" value={user} onInput={(event) => setUser(event.currentTarget.value)} />
      </label>
      <label>
        {t('gpodderPassword')}
        <input
          type="password"
          required
          autocomplete="current-password"
          value={password}
          onInput={(event) => setPassword(event.currentTarget.value)}
        />
      </label>
      <button type="submit" disabled={busy}>
        {t('gpodderConnect')}
      </button>
      {said && <p role={said.kind}>{said.text}</p>}
    </form>
  );
}

function SyncState({ status, reload }: { status: SyncStatus & { account: NonNullable<SyncStatus['account']> }; reload: () => void }) {
  const [busy, setBusy] = useState(false);
  const { last, failure } = status.state;
  const run = (work: () => Promise<unknown>) => {
    setBusy(true);
    work()
      .catch(recover('syncing with the podcast apps', undefined))
      .finally(() => {
        setBusy(false);
        reload();
      });
  };
  return (
    <div class="gpodder-state">
      <p>{t('gpodderAccount', status.account.server, status.account.user)}</p>
      <p role="status">
        {last
          ? t('gpodderLastSync', formatMoment(last.at), formatNumber(last.listened), formatNumber(last.positions), formatNumber(last.sent))
          : t('gpodderNeverSynced')}
      </p>
      {status.waiting > 0 && <p>{t('gpodderWaiting', formatNumber(status.waiting))}</p>}
      {failure && (
        <p role="alert">
          {t('gpodderFailure', formatMoment(failure.at), t(PROBLEMS[failure.problem]))}
          {failure.problem === 'password' && ` ${t('gpodderStopped')}`}
        </p>
      )}
      <button
        type="button"
        disabled={busy}
        onClick={() => run(() => sendToBackground(browser.runtime, { type: 'gpodder/sync', trigger: 'listener' }))}
      >
        {t('gpodderSyncNow')}
      </button>{' '}
      <button type="button" disabled={busy} onClick={() => run(() => sendToBackground(browser.runtime, { type: 'gpodder/disconnect' }))}>
        {t('gpodderDisconnect')}
      </button>
    </div>
  );
}

export function GpodderSettings() {
  const [attempt, setAttempt] = useState(0);
  const [summary, setSummary] = useState<ConnectSummary | null>(null);
  // Read again after a change of the log here (what waits to be sent) and after each action of this part.
  const status = useStoredRead(readStatus, { doing: 'reading the sync with the podcast apps', readAgainOn: changesEpisode, key: attempt });
  const reload = () => setAttempt((count) => count + 1);
  // The background's own runs (every 30 minutes, after a change) write where the sync stands in storage.local.
  useEffect(() => {
    const follow = (changes: Record<string, unknown>, area: string) =>
      area === 'local' && Object.keys(changes).some((key) => key.startsWith('gpodder')) && reload();
    browser.storage.onChanged.addListener(follow);
    return () => browser.storage.onChanged.removeListener(follow);
  }, []);
  return (
    <fieldset class="gpodder">
      <legend>{t('gpodderLegend')}</legend>
      <p class="hint">{t('gpodderHint')}</p>
      {summary && (
        <p role="status">
          {t('gpodderConnected', formatNumber(summary.actions), formatNumber(summary.showActions), formatNumber(summary.devices))}
        </p>
      )}
      {status?.account ? (
        <SyncState status={{ ...status, account: status.account }} reload={reload} />
      ) : (
        <ConnectForm
          connected={(found) => {
            setSummary(found);
            reload();
          }}
        />
      )}
    </fieldset>
  );
}
