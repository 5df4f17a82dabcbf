import type { Episode } from '../src/episode/model';
import { titleWithoutNumber } from '../src/ui/episodeTitle';
import { formatDay, t } from '../src/ui/i18n';
import { openLink } from './openLink';

export function EpisodeHeader({ episode }: { episode: Episode }) {
  return (
    <header class="episode-header">
      {episode.number !== null && <p class="episode-number">{t('episodeNumber', episode.number)}</p>}
      {/* elementtiming marks the popup's first frame with an episode, which `npm run bench` reads. */}
      <h1 class="episode-title" elementtiming="popup-episode">
        {titleWithoutNumber(episode.title, episode.number)}
      </h1>
      <p class="episode-dates">
        <span>{t('publishedOn', formatDay(episode.publishedOn))}</span>
        {episode.recordedOn && <span>{t('recordedOn', formatDay(episode.recordedOn))}</span>}
      </p>
      {episode.team.length > 0 && <p class="episode-hosts">{t('hosts', episode.team.join(', '))}</p>}
      {(episode.audio || episode.video) && (
        <p class="media">
          {episode.audio && (
            <a class="button" href={episode.audio.url} onClick={(event) => openLink(event, episode.audio!.url)}>
              {t('listenAudio')}
            </a>
          )}
          {episode.video && (
            <a class="button" href={episode.video} onClick={(event) => openLink(event, episode.video!)}>
              {t('watchVideo')}
            </a>
          )}
        </p>
      )}
    </header>
  );
}
