import browser from 'webextension-polyfill';
import { EPISODE_LIST_URL } from '../src/core/episode/urls';
import { inBackground } from '../src/errors';
import { t } from '../src/ui/i18n';
import { openJournal } from './openLink';

export function NotAnEpisode() {
  const openList = () =>
    inBackground(
      'opening the list of episodes',
      browser.tabs.create({ url: EPISODE_LIST_URL }).then(() => window.close()),
    );
  return (
    <main class="not-episode">
      <h1>{t('notAnEpisodeTitle')}</h1>
      <p>{t('notAnEpisodeText')}</p>
      <p class="not-episode-actions">
        <button type="button" class="primary" onClick={openList}>
          {t('openEpisodeList')}
        </button>
        <button type="button" onClick={openJournal}>
          {t('openJournal')}
        </button>
      </p>
    </main>
  );
}
