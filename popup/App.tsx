import { t } from '../src/ui/i18n';
import { PlayerBar } from '../src/ui/player/PlayerBar';
import { usePlayer, type PlayerHandle } from '../src/ui/player/usePlayer';
import { ConferenceTable } from './ConferenceTable';
import { EpisodeHeader } from './EpisodeHeader';
import { LinkList } from './LinkList';
import { ListeningActions } from './ListeningActions';
import { NotAnEpisode } from './NotAnEpisode';
import { openJournal } from './openLink';
import { Outline } from './Outline';
import { SourceNote } from './SourceNote';
import { useActiveEpisode } from './useActiveEpisode';

function JournalButton() {
  return (
    <button type="button" class="link-button" onClick={openJournal}>
      {t('openJournal')}
    </button>
  );
}

export function App() {
  const player = usePlayer();
  return (
    <>
      <PlayerBar player={player} />
      <ActiveEpisode player={player} />
    </>
  );
}

function ActiveEpisode({ player }: { player: PlayerHandle }) {
  const active = useActiveEpisode();
  switch (active.kind) {
    case 'loading':
      return (
        <p class="status loading" role="status">
          {t('loading')}
        </p>
      );
    case 'not-episode':
      return <NotAnEpisode />;
    case 'failed':
      return (
        <p class="status" role="alert">
          {t('episodeFailed')}
        </p>
      );
    case 'episode':
      return (
        <main class="episode" aria-busy={active.check.kind === 'checking'}>
          <EpisodeHeader episode={active.episode} player={player} />
          <ListeningActions episode={active.episode} />
          <Outline episode={active.episode} tabId={active.tabId} />
          <LinkList episode={active.episode} />
          <ConferenceTable conferences={active.episode.conferences} />
          <footer class="popup-footer">
            <SourceNote origin={active.origin} check={active.check} />
            <JournalButton />
          </footer>
        </main>
      );
  }
}
