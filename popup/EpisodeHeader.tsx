import type { Episode } from '../src/core/episode/model';
import { playableOf } from '../src/core/player/playable';
import { titleWithoutNumber } from '../src/ui/episodeTitle';
import { formatDay, t } from '../src/ui/i18n';
import { PlayButtons } from '../src/ui/player/PlayButtons';
import { ShowArtwork } from '../src/ui/ShowArtwork';
import type { PlayerHandle } from '../src/ui/player/usePlayer';
import { isQueued, usePlaybackRecords } from '../src/ui/player/usePlaybackRecords';
import { openLink } from './openLink';
import { localToday } from '../src/core/text/dates';
import { Icon } from '../src/ui/Icon';
import { FavouriteToggle, HeardToggle } from '../src/ui/ListeningToggles';
import type { ListeningHandle } from '../src/ui/useListeningState';
import { FileAudio, MonitorPlay, type IconNode } from 'lucide';
import type { OwnRecords } from './useActiveEpisode';

interface EpisodeHeaderProps {
  episode: Episode;
  /** The listener's records as read with the episode, drawn from the first frame. */
  own: OwnRecords;
  player: PlayerHandle;
  listening: ListeningHandle;
}

/** Play, resume or queue the episode, unless the player holds it already (its bar is above). */
function Listen({ episode, own, player }: Omit<EpisodeHeaderProps, 'listening'>) {
  const records = usePlaybackRecords(own.playback);
  const playable = playableOf(episode);
  if (!playable || player.state?.playable?.episodeId === episode.id) return null;
  return (
    <PlayButtons playable={playable} player={player} position={records?.positions.get(episode.id)} queued={isQueued(records, episode.id)} />
  );
}

/** ✓ and ★ in the header, seen from every tab; the day heard and the rest are in the episode's tab. */
function HeaderToggles({ listening }: { listening: ListeningHandle }) {
  const { state, update } = listening;
  return (
    <>
      <HeardToggle
        listenedOn={state?.listenedOn ?? null}
        onToggle={() => update((current) => ({ listenedOn: current.listenedOn ? null : localToday() }))}
      />
      <FavouriteToggle
        bookmarked={Boolean(state?.bookmarkedAt)}
        onToggle={() => update((current) => ({ bookmarkedAt: current.bookmarkedAt ? null : new Date().toISOString() }))}
      />
    </>
  );
}

/** An address the popup opens in a tab, drawn as its icon. */
function IconLink({ url, label, icon }: { url: string; label: string; icon: IconNode }) {
  return (
    <a class="icon-button" href={url} aria-label={label} title={label} onClick={(event) => openLink(event, url)}>
      <Icon node={icon} size={22} />
    </a>
  );
}

export function EpisodeHeader({ episode, own, player, listening }: EpisodeHeaderProps) {
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
      <div class="episode-actions">
        <Listen episode={episode} own={own} player={player} />
        <HeaderToggles listening={listening} />
        <span class="episode-media">
          {episode.audio && <IconLink url={episode.audio.url} label={t('listenAudio')} icon={FileAudio} />}
          {episode.video && <IconLink url={episode.video} label={t('watchVideo')} icon={MonitorPlay} />}
        </span>
      </div>
      {listening.failure && (
        <p class="error" role="alert">
          {t(listening.failure)}
        </p>
      )}
    </header>
  );
}
