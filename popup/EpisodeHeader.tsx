import type { Episode } from '../src/core/episode/model';
import { playableOf } from '../src/core/player/playable';
import { titleWithoutNumber } from '../src/ui/episodeTitle';
import { formatDay, t } from '../src/ui/i18n';
import { PlayButtons } from '../src/ui/player/PlayButtons';
import { ShowArtwork } from '../src/ui/ShowArtwork';
import type { PlayerHandle } from '../src/ui/player/usePlayer';
import { isQueued, usePlaybackRecords } from '../src/ui/player/usePlaybackRecords';
import { openLink } from './openLink';
import type { OwnRecords } from './useActiveEpisode';

interface EpisodeHeaderProps {
  episode: Episode;
  /** The listener's records as read with the episode, drawn from the first frame. */
  own: OwnRecords;
  player: PlayerHandle;
}

/** Play, resume or queue the episode, unless the player holds it already (its bar is above). */
function Listen({ episode, own, player }: EpisodeHeaderProps) {
  const records = usePlaybackRecords(own.playback);
  const playable = playableOf(episode);
  if (!playable || player.state?.playable?.episodeId === episode.id) return null;
  return (
    <PlayButtons playable={playable} player={player} position={records?.positions.get(episode.id)} queued={isQueued(records, episode.id)} />
  );
}

export function EpisodeHeader({ episode, own, player }: EpisodeHeaderProps) {
  return (
    <header class="episode-header">
      <ShowArtwork size={64} />
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
          <Listen episode={episode} own={own} player={player} />
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
