import { useEffect, useState } from 'preact/hooks';
import type { Settings } from '../../src/core/records';
import { changesEpisode } from '../../src/platform/storage/database';
import { listListeningStates } from '../../src/platform/storage/listening';
import { getSettings, updateSettings } from '../../src/platform/storage/settings';
import { encodeForSync } from '../../src/core/sync/encoding';
import { t, type MessageKey } from '../../src/ui/i18n';
import { useStoredRead } from '../../src/ui/useStoredRead';
import { recover } from '../../src/errors';

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
};

async function notesSyncLeavesOut(): Promise<number> {
  return encodeForSync((await listListeningStates()).records).notesLeftOut.length;
}

/** What sync sends, in one sentence, and what did not fit in the browser's quota. */
function SyncHint({ on }: { on: boolean }) {
  const leftOut = useStoredRead(notesSyncLeavesOut, { doing: 'counting the notes sync leaves out', readAgainOn: changesEpisode });
  return (
    <>
      <p class="hint">{t('settingSyncHint')}</p>
      {on && leftOut !== undefined && leftOut > 0 && <p class="hint">{t('syncNotesLeftOut', leftOut)}</p>}
    </>
  );
}

export function SettingsView() {
  const [settings, setSettings] = useState<Settings | null>(null);
  useEffect(() => void getSettings().then(setSettings, recover('reading the settings', undefined)), []);
  if (!settings) return <p role="status">{t('loading')}</p>;

  const choose = <K extends keyof Settings>(key: K, value: Settings[K]) => {
    setSettings({ ...settings, [key]: value });
    updateSettings({ [key]: value }).catch(recover('saving the settings', undefined));
  };
  return (
    <form class="settings" onSubmit={(event) => event.preventDefault()}>
      {(Object.keys(CHOICES) as ChosenSetting[]).map((key) => (
        <fieldset key={key}>
          <legend>{t(CHOICES[key].legend)}</legend>
          {CHOICES[key].options.map((option) => (
            <label key={option.value}>
              <input
                type="radio"
                name={key}
                value={option.value}
                checked={settings[key] === option.value}
                onChange={() => choose(key, option.value as never)}
              />
              {t(option.label)}
            </label>
          ))}
          {key === 'sync' && <SyncHint on={settings.sync === 'on'} />}
        </fieldset>
      ))}
    </form>
  );
}
