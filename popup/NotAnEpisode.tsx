import browser from 'webextension-polyfill';
import { EPISODE_LIST_URL } from '../src/episode/urls';
import { t } from '../src/ui/i18n';

export function NotAnEpisode() {
  const openList = () => void browser.tabs.create({ url: EPISODE_LIST_URL }).then(() => window.close());
  return (
    <main class="not-episode">
      <h1>{t('notAnEpisodeTitle')}</h1>
      <p>{t('notAnEpisodeText')}</p>
      <button type="button" class="primary" onClick={openList}>
        {t('openEpisodeList')}
      </button>
    </main>
  );
}
