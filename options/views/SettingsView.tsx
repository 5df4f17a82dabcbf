import { useEffect, useState } from 'preact/hooks';
import type { Settings } from '../../src/core/records';
import { changesEpisode } from '../../src/platform/storage/database';
import { listListeningStates } from '../../src/platform/storage/listening';
import { listPlayerPositions } from '../../src/platform/storage/playback';
import { getSettings, updateSettings } from '../../src/platform/storage/settings';
import browser from 'webextension-polyfill';
import type { SyncItems } from '../../src/core/sync/encoding';
import { planSync } from '../../src/core/sync/plan';
import { t, type MessageKey } from '../../src/ui/i18n';
import { useStoredRead } from '../../src/ui/useStoredRead';
import { inBackground, recover } from '../../src/errors';
import { GpodderSettings } from '../GpodderSettings';
import { SegmentedControl } from '../../src/ui/SegmentedControl';

type Choice<K extends keyof Settings> = { value: Settings[K]; label: MessageKey };

/** The settings chosen here; the player's speed is set in the player. */
type ChosenSetting = Exclude<keyof Settings, 'playbackRate'>;

const CHOICES: { [K in ChosenSetting]: { legend: MessageKey; options: Choice<K>[] } } = {
  language: {
    legend: 'settingLanguage',
    options: [
      { value: 'auto', label: 'settingAuto' },
      { value: 'fr', label: 'languageFrench' },
      { value: 'en', label: 'languageEnglish' },
    ],
  },
  theme: {
    legend: 'settingTheme',
    options: [
      { value: 'auto', label: 'settingAuto' },
      { value: 'light', label: 'themeLight' },
      { value: 'dark', label: 'themeDark' },
    ],
  },
  openLinksIn: {
    legend: 'settingOpenLinks',
    options: [
      { value: 'foreground', label: 'openLinksForeground' },
      { value: 'background', label: 'openLinksBackground' },
    ],
  },
  sync: {
    legend: 'settingSync',
    options: [
      { value: 'off', label: 'settingSyncOff' },
      { value: 'on', label: 'settingSyncOn' },
    ],
  },
  notifyNewEpisodes: {
    legend: 'settingNotify',
    options: [
      { value: 'off', label: 'settingNotifyOff' },
      { value: 'on', label: 'settingNotifyOn' },
    ],
  },
};

const NOTIFICATIONS = { permissions: ['notifications' as const] };

/**
 * Notifications are an optional permission: asked for in the listener's click that turns them on
 * (a request needs that gesture), given back when they are turned off.
 */
async function allowNotifications(on: boolean): Promise<boolean> {
  if (!on) {
    await browser.permissions.remove(NOTIFICATIONS).catch(recover('giving back the notifications permission', false));
    return true;
  }
  return browser.permissions.request(NOTIFICATIONS).catch(recover('asking for the notifications permission', false));
}

/** What the settings say of sync: the notes left out for want of room, and what the browser's sync holds that this version cannot take. */
async function syncStatus(): Promise<{ notesLeftOut: number; unreadable: number; newerFormat: boolean }> {
  const [states, positions, synced] = await Promise.all([listListeningStates(), listPlayerPositions(), browser.storage.sync.get(null)]);
  const { unreadable, newerFormat, notesLeftOut } = planSync(states.records, positions, synced as SyncItems, Date.now());
  return { notesLeftOut: notesLeftOut.length, unreadable, newerFormat };
}

/** What sync sends, in one sentence, and what did not fit in the browser's quota. */
function SyncHint({ on }: { on: boolean }) {
  const status = useStoredRead(syncStatus, { doing: 'reading what sync holds', readAgainOn: changesEpisode });
  return (
    <>
      <p class="hint">{t('settingSyncHint')}</p>
      {on && status && status.newerFormat && <p class="hint">{t('syncNewerFormat')}</p>}
      {on && status && status.notesLeftOut > 0 && <p class="hint">{t('syncNotesLeftOut', status.notesLeftOut)}</p>}
      {on && status && status.unreadable > 0 && <p class="hint">{t('syncUnreadable', status.unreadable)}</p>}
    </>
  );
}

export function SettingsView() {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [notificationsRefused, setNotificationsRefused] = useState(false);
  useEffect(() => {
    // Notifications are on where this browser allows them too: a file imported from another says only what was chosen there.
    const permitted = browser.permissions.contains(NOTIFICATIONS).catch(recover('reading the notifications permission', false));
    Promise.all([getSettings(), permitted]).then(
      ([stored, allowed]) => setSettings(allowed ? stored : { ...stored, notifyNewEpisodes: 'off' }),
      recover('reading the settings', undefined),
    );
  }, []);
  if (!settings) return <p role="status">{t('loading')}</p>;

  const save = <K extends keyof Settings>(key: K, value: Settings[K]) => {
    setSettings({ ...settings, [key]: value });
    updateSettings({ [key]: value }).catch(recover('saving the settings', undefined));
  };
  const choose = <K extends keyof Settings>(key: K, value: Settings[K]) => {
    if (key !== 'notifyNewEpisodes') return save(key, value);
    inBackground(
      'choosing the notifications',
      allowNotifications(value === 'on').then((allowed) => {
        setNotificationsRefused(!allowed);
        if (allowed) save(key, value);
      }),
    );
  };
  return (
    <>
      <form class="settings" onSubmit={(event) => event.preventDefault()}>
        {(Object.keys(CHOICES) as ChosenSetting[]).map((key) => (
          <SegmentedControl
            key={key}
            legend={t(CHOICES[key].legend)}
            name={key}
            segments={CHOICES[key].options.map((option) => ({ value: option.value, label: t(option.label) }))}
            value={settings[key]}
            onChange={(value) => choose(key, value as never)}
          >
            {key === 'sync' && <SyncHint on={settings.sync === 'on'} />}
            {key === 'notifyNewEpisodes' && (
              <>
                <p class="hint">{t('settingNotifyHint')}</p>
                {notificationsRefused && (
                  <p class="hint" role="alert">
                    {t('settingNotifyRefused')}
                  </p>
                )}
              </>
            )}
          </SegmentedControl>
        ))}
      </form>
      <GpodderSettings />
      <p>
        <a href="#welcome">{t('welcomeAgain')}</a>
      </p>
    </>
  );
}
