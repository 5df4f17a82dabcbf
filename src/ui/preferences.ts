/**
 * The settings every page applies: interface language and theme, and how links open. A page
 * draws at once with the last settings it saw (kept in localStorage, read synchronously), then
 * with the stored ones if they differ, and again whenever another context changes them.
 */
import { DEFAULT_SETTINGS, settingsSchema, type Settings } from '../core/records';
import { onStoreChange } from '../platform/storage/database';
import { getSettings } from '../platform/storage/settings';
import { chooseLanguage, uiLanguage } from './i18n';
import { keepLocalCopy, readLocalCopy } from './localCopy';
import { inBackground, recover, reportError } from '../errors';

const HINT_KEY = 'lcc-companion/settings';

let current: Settings = DEFAULT_SETTINGS;

export function currentSettings(): Settings {
  return current;
}

function lastSeenSettings(): Settings {
  return readLocalCopy(HINT_KEY, settingsSchema) ?? DEFAULT_SETTINGS;
}

async function apply(settings: Settings): Promise<void> {
  current = settings;
  await chooseLanguage(settings.language).catch((error: unknown) => {
    reportError(`loading the ${settings.language} strings`, error);
    return chooseLanguage('auto');
  });
  const root = document.documentElement;
  root.lang = uiLanguage().split('-')[0]!;
  if (settings.theme === 'auto') delete root.dataset['theme'];
  else root.dataset['theme'] = settings.theme;
}

const same = (a: Settings, b: Settings) => (Object.keys(a) as (keyof Settings)[]).every((key) => a[key] === b[key]);

/** Draws with the last settings seen, then follows the stored settings and their changes. */
export async function applyPreferences(draw: () => void): Promise<void> {
  await apply(lastSeenSettings());
  draw();
  const follow = async () => {
    const stored = await getSettings().catch(recover('reading the settings', current));
    if (same(stored, current)) return;
    keepLocalCopy(HINT_KEY, stored);
    await apply(stored);
    draw();
  };
  onStoreChange((change) => {
    if (change.settings) inBackground('following the settings', follow());
  });
  await follow();
}
