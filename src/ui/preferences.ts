/**
 * The settings every page applies before it draws: interface language and theme, and how links
 * open. They follow changes made in another context.
 */
import { DEFAULT_SETTINGS, type Settings } from '../storage/schema';
import { getSettings, onStoreChange } from '../storage/store';
import { chooseLanguage, uiLanguage } from './i18n';

let current: Settings = DEFAULT_SETTINGS;

export function currentSettings(): Settings {
  return current;
}

async function apply(settings: Settings): Promise<void> {
  current = settings;
  await chooseLanguage(settings.language).catch(() => chooseLanguage('auto'));
  const root = document.documentElement;
  root.lang = uiLanguage().split('-')[0]!;
  if (settings.theme === 'auto') delete root.dataset['theme'];
  else root.dataset['theme'] = settings.theme;
}

/** Applies the stored settings, then again whenever they change; `redraw` runs after each change. */
export async function applyPreferences(redraw: () => void): Promise<void> {
  await apply(await getSettings().catch(() => DEFAULT_SETTINGS));
  onStoreChange((change) => {
    if (change.settings) void getSettings().then(apply).then(redraw);
  });
}
